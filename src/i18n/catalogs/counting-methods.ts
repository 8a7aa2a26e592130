// Explanation lines of the counting methods other than IRV and STV, and of the tally command.
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'counting.methods.ballots':
      'Ballots cast: {cast}; valid: {valid} (of which blank: {blank}); invalid: {invalid}.',
    'counting.methods.votes': '{name}: {votes}',
    'counting.methods.elected': 'Elected: {name} ({votes}).',
    'counting.methods.elected_name': 'Elected: {name}.',
    'counting.methods.tie_lot': 'Tie between {names}: drawn by lot, {chosen} chosen (seed {seed}).',
    'counting.methods.tie_decided_lot':
      'Tie between {names}: settled by the predetermined tie order, {chosen} chosen.',
    'counting.methods.tie_decided_backwards':
      'Tie between {names}: settled by earlier counts (most recent first), {chosen} chosen.',
    'counting.methods.tie_decided_forwards':
      'Tie between {names}: settled by earlier counts (first round first), {chosen} chosen.',
    'counting.methods.tie_decided_candidate_order':
      'Tie between {names}: settled by candidate order, {chosen} chosen.',
    'counting.methods.tie_open_organiser': 'Tie between {names}: left for the organisers to decide.',
    'counting.methods.tie_open_revote': 'Tie between {names}: a re-vote among them is needed.',
    'counting.methods.further_unfilled': '{seats} seat(s) unfilled; candidates for a further round: {names}.',
    'counting.methods.further_revote': 'Re-vote needed for {seats} seat(s) among: {names}.',
    'counting.methods.further_runoff': 'No majority: run-off between {names}.',
    'counting.methods.rule_plurality':
      'Plurality: one mark per ballot; the {seats} candidate(s) with most votes are elected.',
    'counting.methods.rule_block':
      'Block vote: up to {marks} marks per ballot; the {seats} candidates with most votes are elected.',
    'counting.methods.rule_approval':
      'Approval: any number of marks; the {seats} candidate(s) with most approvals are elected.',
    'counting.methods.rule_approval_limited':
      'Approval: up to {marks} marks per ballot; the {seats} candidate(s) with most approvals are elected.',
    'counting.methods.rule_two_round':
      'Two-round system: {votes} votes for candidates; an outright win needs more than {needed}.',
    'counting.methods.threshold_valid':
      'Threshold: more than {percent}% of valid ballots, that is more than {threshold} approvals.',
    'counting.methods.threshold_cast':
      'Threshold: more than {percent}% of ballots cast, that is more than {threshold} approvals.',
    'counting.methods.threshold_eligible':
      'Threshold: more than {percent}% of eligible voters, that is more than {threshold} approvals.',
    'counting.methods.threshold_present':
      'Threshold: more than {percent}% of those present, that is more than {threshold} approvals.',
    'counting.methods.threshold_present_inclusive':
      'Threshold: at least {percent}% of those present, that is at least {threshold} approvals.',
    'counting.methods.threshold_valid_inclusive':
      'Threshold: at least {percent}% of valid ballots, that is at least {threshold} approvals.',
    'counting.methods.threshold_cast_inclusive':
      'Threshold: at least {percent}% of ballots cast, that is at least {threshold} approvals.',
    'counting.methods.threshold_eligible_inclusive':
      'Threshold: at least {percent}% of eligible voters, that is at least {threshold} approvals.',
    'counting.methods.opinions_over':
      '{name}: approve {approve}, oppose {oppose}, abstain {abstain}; reaches the threshold.',
    'counting.methods.opinions_under':
      '{name}: approve {approve}, oppose {oppose}, abstain {abstain}; below the threshold.',
    'counting.methods.chart_votes': 'Votes',
    'counting.methods.chart_approvals': 'Approvals',
    'counting.methods.chart_opinions': 'Approvals and oppositions (line: threshold)',
    'counting.methods.points': '{name}: {points} points',
    'counting.methods.rule_borda_start1':
      'Borda count (variant: last place 1 point): a first place gets {first} points, a last place {last}; equal rankings share the average.',
    'counting.methods.rule_borda_start0':
      'Borda count (variant: last place 0 points): a first place gets {first} points, a last place {last}; equal rankings share the average.',
    'counting.methods.unranked_implicit':
      'Candidates a ballot leaves unranked are ranked equal, below all ranked ones.',
    'counting.methods.unranked_ignore':
      'Candidates a ballot leaves unranked get nothing from that ballot (no opinion).',
    'counting.methods.rule_score':
      'Score voting: each candidate scored {min} to {max} (unscored counts as {min}); the {seats} highest totals are elected.',
    'counting.methods.score_total': '{name}: total {total}, average {average}, scored by {scored}',
    'counting.methods.rule_judged':
      'Judged scoring: criteria {criteria}, each scored {min} to {max}; weighted mean per judge, averaged over the judges.',
    'counting.methods.judged_mean': '{name}: mean {mean} from {judges} judge(s)',
    'counting.methods.judged_criterion': '{name}, {criterion} (weight {weight}): mean {mean}',
    'counting.methods.chart_points': 'Points',
    'counting.methods.chart_scores': 'Total scores',
    'counting.methods.chart_judged': 'Mean marks',
    'counting.methods.pair': '{a} over {b}: {ab}; {b} over {a}: {ba}',
    'counting.methods.place': 'Place {place}: {names}',
    'counting.methods.rule_schulze_winning': 'Schulze method, link strength by winning votes.',
    'counting.methods.rule_schulze_margin': 'Schulze method, link strength by margin.',
    'counting.methods.rule_schulze_ratio': 'Schulze method, link strength by ratio.',
    'counting.methods.rule_ranked_pairs_winning':
      'Ranked pairs, majorities locked in order of winning votes.',
    'counting.methods.rule_ranked_pairs_margin': 'Ranked pairs, majorities locked in order of margin.',
    'counting.methods.rule_copeland': 'Copeland: one point per pairwise win, half a point per pairwise tie.',
    'counting.methods.chart_pairwise': 'Pairwise preferences',
    'counting.methods.tally_no_ballots':
      'There are no ballots, so nobody is elected and there was nothing to count.',
    'counting.methods.tally_no_weight':
      'The {lines} ballot line(s) all have weight 0, so there are no ballots: nobody is elected and there was nothing to count.',
  },
  'zh-Hans': {
    'counting.methods.ballots': '投出选票：{cast}；有效：{valid}（其中空白票：{blank}）；无效：{invalid}。',
    'counting.methods.votes': '{name}：{votes}',
    'counting.methods.elected': '当选：{name}（{votes}）。',
    'counting.methods.elected_name': '当选：{name}。',
    'counting.methods.tie_lot': '{names} 票数相同：抽签决定，{chosen} 中签（种子 {seed}）。',
    'counting.methods.tie_decided_lot': '{names} 票数相同：按预定的平局顺序决定，选中 {chosen}。',
    'counting.methods.tie_decided_backwards':
      '{names} 票数相同：按此前各轮票数（由近及远）决定，选中 {chosen}。',
    'counting.methods.tie_decided_forwards':
      '{names} 票数相同：按此前各轮票数（从第一轮起）决定，选中 {chosen}。',
    'counting.methods.tie_decided_candidate_order': '{names} 票数相同：按候选人顺序决定，选中 {chosen}。',
    'counting.methods.tie_open_organiser': '{names} 票数相同：交由组织者决定。',
    'counting.methods.tie_open_revote': '{names} 票数相同：需要在他们之间重新投票。',
    'counting.methods.further_unfilled': '尚有 {seats} 个席位空缺；进入下一轮的候选人：{names}。',
    'counting.methods.further_revote': '需就 {seats} 个席位在以下候选人中重新投票：{names}。',
    'counting.methods.further_runoff': '无人过半：{names} 进入第二轮决选。',
    'counting.methods.rule_plurality': '简单多数制：每张选票选一人；得票最多的 {seats} 名候选人当选。',
    'counting.methods.rule_block': '全额连记制：每张选票最多选 {marks} 人；得票最多的 {seats} 名候选人当选。',
    'counting.methods.rule_approval': '认可投票制：可选任意多人；获认可最多的 {seats} 名候选人当选。',
    'counting.methods.rule_approval_limited':
      '认可投票制：每张选票最多选 {marks} 人；获认可最多的 {seats} 名候选人当选。',
    'counting.methods.rule_two_round': '两轮投票制：候选人共得 {votes} 票；须超过 {needed} 票方可直接当选。',
    'counting.methods.threshold_valid': '门槛：超过有效票的 {percent}%，即赞成票须超过 {threshold}。',
    'counting.methods.threshold_cast': '门槛：超过投出选票的 {percent}%，即赞成票须超过 {threshold}。',
    'counting.methods.threshold_eligible':
      '门槛：超过有投票权人数的 {percent}%，即赞成票须超过 {threshold}。',
    'counting.methods.threshold_present': '门槛：超过实到人数的 {percent}%，即赞成票须超过 {threshold}。',
    'counting.methods.threshold_present_inclusive':
      '门槛：至少达到实到人数的 {percent}%，即赞成票至少 {threshold}。',
    'counting.methods.threshold_valid_inclusive':
      '门槛：至少达到有效票的 {percent}%，即赞成票至少 {threshold}。',
    'counting.methods.threshold_cast_inclusive':
      '门槛：至少达到投出选票的 {percent}%，即赞成票至少 {threshold}。',
    'counting.methods.threshold_eligible_inclusive':
      '门槛：至少达到有投票权人数的 {percent}%，即赞成票至少 {threshold}。',
    'counting.methods.opinions_over': '{name}：赞成 {approve}，反对 {oppose}，弃权 {abstain}；达到门槛。',
    'counting.methods.opinions_under': '{name}：赞成 {approve}，反对 {oppose}，弃权 {abstain}；未达门槛。',
    'counting.methods.chart_votes': '得票',
    'counting.methods.chart_approvals': '认可票',
    'counting.methods.chart_opinions': '赞成票与反对票（横线：门槛）',
    'counting.methods.points': '{name}：{points} 分',
    'counting.methods.rule_borda_start1':
      '博达计数法（末位得 1 分的变体）：第一位得 {first} 分，末位得 {last} 分；并列者平分相应分数。',
    'counting.methods.rule_borda_start0':
      '博达计数法（末位得 0 分的变体）：第一位得 {first} 分，末位得 {last} 分；并列者平分相应分数。',
    'counting.methods.unranked_implicit': '选票上未排序的候选人视为并列，排在所有已排序候选人之后。',
    'counting.methods.unranked_ignore': '选票上未排序的候选人不从该票得分（视为无意见）。',
    'counting.methods.rule_score':
      '评分投票：每名候选人评 {min} 至 {max} 分（未评分按 {min} 分计）；总分最高的 {seats} 名当选。',
    'counting.methods.score_total': '{name}：总分 {total}，平均 {average}，{scored} 人评分',
    'counting.methods.rule_judged':
      '评审评分：评分项为 {criteria}，每项 {min} 至 {max} 分；每位评审按权重求平均，再取各评审的平均值。',
    'counting.methods.judged_mean': '{name}：平均 {mean}，来自 {judges} 位评审',
    'counting.methods.judged_criterion': '{name}，{criterion}（权重 {weight}）：平均 {mean}',
    'counting.methods.chart_points': '得分',
    'counting.methods.chart_scores': '总分',
    'counting.methods.chart_judged': '平均分',
    'counting.methods.pair': '{a} 优于 {b}：{ab}；{b} 优于 {a}：{ba}',
    'counting.methods.place': '第 {place} 名：{names}',
    'counting.methods.rule_schulze_winning': '舒尔茨法，以获胜票数衡量链路强度。',
    'counting.methods.rule_schulze_margin': '舒尔茨法，以票数差衡量链路强度。',
    'counting.methods.rule_schulze_ratio': '舒尔茨法，以票数比衡量链路强度。',
    'counting.methods.rule_ranked_pairs_winning': '排序对法，按获胜票数依次锁定多数。',
    'counting.methods.rule_ranked_pairs_margin': '排序对法，按票数差依次锁定多数。',
    'counting.methods.rule_copeland': '科普兰法：两两对决每胜一场得 1 分，平局得 0.5 分。',
    'counting.methods.chart_pairwise': '两两对决偏好',
    'counting.methods.tally_no_ballots': '没有选票，因此无人当选，也无需计票。',
    'counting.methods.tally_no_weight': '{lines} 行选票的权重都是 0，因此没有选票：无人当选，也无需计票。',
  },
} satisfies Catalog;
