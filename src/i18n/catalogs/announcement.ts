// The announcement's round-by-round part (a contest counted over several rounds), its charts, and
// showing the announced results again with /election results.
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'announce.rounds_table': 'Count by round',
    'announce.rounds_table_part': 'Count by round, rounds {from} to {to}',
    'announce.round_column': 'R{round}',
    'announce.quota': '(quota)',
    'announce.exhausted': '(exhausted)',
    'announce.round_steps': 'What each round did',
    'announce.round_heading': 'Round {round}',
    'announce.round_heading_events': 'Round {round}: {events}',
    'announce.round_elected': 'elected {names}',
    'announce.round_eliminated': 'eliminated {names}',
    'announce.round_separator': '; ',
    'announce.chart_title': '{contest}: {chart}',
    'command.result.show.summary': 'Show the announced results again, to you alone',
    'arg.results_contest': 'a contest, by number or name; without it, every contest',
    'arg.results_round':
      'a round of the contest (1 is the first ballot, 2 a run-off or re-vote …); without it, every round',
    'results.shown': 'The results of election {number} as announced {when}. The election is now: {phase}.',
    'results.not_announced':
      'The results of election {number} are not announced yet (it is at: {phase}). They can be shown once the organisers announce them.',
    'results.round_in_progress':
      'Election {number} is holding a further round (it is at: {phase}). Its results can be shown again once that round is announced.',
    'results.cancelled': 'Election {number} was cancelled: it has no announced results to show.',
    'results.no_round': '{contest} has no round {round}; its rounds: {rounds}.',
    'results.no_round_any': 'Election {number} has no round {round}; its rounds: {rounds}.',
  },
  'zh-Hans': {
    'announce.rounds_table': '逐轮计票',
    'announce.rounds_table_part': '逐轮计票（第 {from} 至 {to} 轮）',
    'announce.round_column': '第{round}轮',
    'announce.quota': '（当选线）',
    'announce.exhausted': '（已耗尽）',
    'announce.round_steps': '各轮经过',
    'announce.round_heading': '第 {round} 轮',
    'announce.round_heading_events': '第 {round} 轮：{events}',
    'announce.round_elected': '{names} 当选',
    'announce.round_eliminated': '{names} 被淘汰',
    'announce.round_separator': '；',
    'announce.chart_title': '{contest}：{chart}',
    'command.result.show.summary': '再次查看已公布的结果（仅你可见）',
    'arg.results_contest': '职位，按编号或名称；不填则显示全部职位',
    'arg.results_round': '该职位的第几轮（1 为首轮投票，2 为决选或重新投票……）；不填则显示全部轮次',
    'results.shown': '选举 {number} 于 {when} 公布的结果。选举现处于"{phase}"阶段。',
    'results.not_announced':
      '选举 {number} 的结果尚未公布（现处于"{phase}"阶段）。组织者公布后即可在此查看。',
    'results.round_in_progress':
      '选举 {number} 正在进行新一轮（现处于"{phase}"阶段）。该轮结果公布后即可再次查看。',
    'results.cancelled': '选举 {number} 已取消，没有已公布的结果可查看。',
    'results.no_round': '{contest}没有第 {round} 轮；其轮次：{rounds}。',
    'results.no_round_any': '选举 {number} 没有第 {round} 轮；其轮次：{rounds}。',
  },
} satisfies Catalog;
