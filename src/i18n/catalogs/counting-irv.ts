// Texts for instant-runoff counts and ranked-ballot irregularities (src/counting/irv.ts).
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'counting.irv.chart_title': 'Instant-runoff: votes per round',
    'counting.irv.round':
      'Round {round}: {active} votes for continuing candidates; {threshold} needed to win; {exhausted} exhausted so far.',
    'counting.irv.elected': '{name} is elected with {votes} votes (threshold {threshold}).',
    'counting.irv.elected_most':
      '{name} is elected with {votes} votes, the most of the last candidates standing (threshold {threshold}).',
    'counting.irv.eliminated': '{name} is eliminated with {votes} votes.',
    'counting.irv.writein_eliminated':
      '{name} (undeclared write-ins) cannot be elected and is eliminated first, with {votes} votes.',
    'counting.irv.batch_eliminated':
      '{name} is eliminated with {votes} votes: the {total} votes of everyone eliminated together cannot reach the next lowest count, {next}.',
    'counting.irv.tie.lot': '{names} are tied; drawn by lot (seed {seed}): {chosen}.',
    'counting.irv.tie.backwards':
      '{names} are tied; decided by the most recent earlier round where they differed: {chosen}.',
    'counting.irv.tie.forwards':
      '{names} are tied; decided by the first round where they differed: {chosen}.',
    'counting.irv.tie.candidate-order': '{names} are tied; decided by the order of candidates: {chosen}.',
    'counting.irv.tie.unresolved':
      '{names} are tied and the rule leaves it to the organisers; the count stops here.',
    'counting.irv.withdrawn': 'Withdrawn before the count (their marks are passed over): {names}.',
    'counting.irv.irregularities':
      'Ballots with irregularities: {overvotes} with overvotes, {skippedRanks} with skipped ranks, {duplicates} ranking a candidate twice, {writeIns} with undeclared write-ins.',
    'counting.irv.winner': '{name} wins after {rounds} rounds.',
    'counting.irv.needs_revote': '{names} are tied; a re-vote among them is needed.',
    'counting.irv.needs_organiser':
      '{names} are tied; the organisers must decide before the count can go on.',
    'counting.irv.no_winner': 'No candidate could be elected.',
    'counting.irv.pass':
      'Count {pass} of {seats}: instant-runoff for one seat, without the candidates already elected.',
    'counting.irv.sequential_winners': 'Elected, in order: {names}.',
    'counting.irv.unfilled': '{seats} seats are left unfilled: no candidates remain.',
  },
  'zh-Hans': {
    'counting.irv.chart_title': '即时决选：每轮票数',
    'counting.irv.round':
      '第 {round} 轮：仍在竞选的候选人共得 {active} 票；当选需 {threshold} 票；累计已耗尽 {exhausted} 票。',
    'counting.irv.elected': '{name} 以 {votes} 票当选（门槛 {threshold}）。',
    'counting.irv.elected_most':
      '{name} 以 {votes} 票当选，在最后剩下的候选人中得票最多（门槛 {threshold}）。',
    'counting.irv.eliminated': '{name} 以 {votes} 票被淘汰。',
    'counting.irv.writein_eliminated': '{name}（未申报的手写候选人）不能当选，以 {votes} 票首先被淘汰。',
    'counting.irv.batch_eliminated':
      '{name} 以 {votes} 票被淘汰：同时被淘汰者合计 {total} 票，达不到次低得票 {next}。',
    'counting.irv.tie.lot': '{names} 票数相同；抽签决定（种子 {seed}）：{chosen}。',
    'counting.irv.tie.backwards': '{names} 票数相同；按最近一轮票数不同的结果决定：{chosen}。',
    'counting.irv.tie.forwards': '{names} 票数相同；按最早一轮票数不同的结果决定：{chosen}。',
    'counting.irv.tie.candidate-order': '{names} 票数相同；按候选人顺序决定：{chosen}。',
    'counting.irv.tie.unresolved': '{names} 票数相同，规则要求由组织者处理；计票在此停止。',
    'counting.irv.withdrawn': '计票前已退出（其得票标记被跳过）：{names}。',
    'counting.irv.irregularities':
      '有异常的选票：{overvotes} 张重复标记同一排位，{skippedRanks} 张跳过排位，{duplicates} 张重复排列同一候选人，{writeIns} 张含未申报的手写候选人。',
    'counting.irv.winner': '{name} 经过 {rounds} 轮当选。',
    'counting.irv.needs_revote': '{names} 票数相同；需要在他们之间重新投票。',
    'counting.irv.needs_organiser': '{names} 票数相同；组织者须先作出决定，计票才能继续。',
    'counting.irv.no_winner': '没有候选人能够当选。',
    'counting.irv.pass':
      '第 {pass} 次计票（共 {seats} 次）：为一个席位进行即时决选，已当选的候选人不再参加。',
    'counting.irv.sequential_winners': '依次当选：{names}。',
    'counting.irv.unfilled': '还有 {seats} 个席位空缺：已没有候选人。',
  },
} satisfies Catalog;
