// The announcement's round-by-round part (a contest counted over several rounds), and showing the
// announced results again with /election results.
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
  },
} satisfies Catalog;
