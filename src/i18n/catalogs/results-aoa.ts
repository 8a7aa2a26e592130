// Approve / oppose / abstain results: the engine's lines on invalid ballots, and the announcement laid
// out as a 选举结果公告 (entitled and present, ballots issued and returned, valid and invalid by reason,
// for / against / abstain and share per candidate, the threshold and its base, who is elected).
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'counting.aoa.invalid_unknown_candidate': 'Invalid: {count} ballot(s) naming someone not on the ballot.',
    'counting.aoa.invalid_contradictory':
      'Invalid: {count} ballot(s) approving and opposing the same candidate.',
    'counting.aoa.invalid_over_marked':
      'Invalid: {count} ballot(s) approving more than {max} candidate(s) (rule C3).',
    'counting.aoa.invalid_blank': 'Invalid: {count} blank ballot(s), which this contest does not accept.',
    'result.aoa.turnout': 'Voters',
    'result.aoa.turnout_value':
      'entitled to vote {eligible}; present {present}; took part (ballots cast) {cast}, {pct}% of those entitled; ballots issued {issued}, returned {cast}',
    'result.aoa.ballots': 'Ballots',
    'result.aoa.ballots_value': 'valid {valid} (of which blank {blank}), invalid {invalid}',
    'result.aoa.ballots_weight': 'valid weight {weight}',
    'result.aoa.invalid_by': 'invalid by reason: {reasons}',
    'result.aoa.reason.unknown_candidate': 'naming someone not on the ballot: {count}',
    'result.aoa.reason.contradictory': 'approving and opposing the same candidate: {count}',
    'result.aoa.reason.over_marked': 'more than {max} approval(s) (rule C3): {count}',
    'result.aoa.reason.blank': 'blank, which this contest does not accept: {count}',
    'result.aoa.separator': '; ',
    'result.aoa.threshold': 'Threshold (rule C5)',
    'result.aoa.threshold_valid':
      'more than {percent}% of the valid ballots ({base}), that is more than {value} for',
    'result.aoa.threshold_cast':
      'more than {percent}% of the ballots cast ({base}), that is more than {value} for',
    'result.aoa.threshold_eligible':
      'more than {percent}% of those entitled to vote ({base}), that is more than {value} for',
    'result.aoa.threshold_present':
      'more than {percent}% of those present ({base}), that is more than {value} for',
    'result.aoa.threshold_present_inclusive':
      'at least {percent}% of those present ({base}), that is at least {value} for',
    'result.aoa.threshold_valid_inclusive':
      'at least {percent}% of the valid ballots ({base}), that is at least {value} for',
    'result.aoa.threshold_cast_inclusive':
      'at least {percent}% of the ballots cast ({base}), that is at least {value} for',
    'result.aoa.threshold_eligible_inclusive':
      'at least {percent}% of those entitled to vote ({base}), that is at least {value} for',
    'result.aoa.votes': 'For / against / abstain, and the share of the base',
    'result.aoa.candidate_line':
      '{name}: for {for}, against {against}, abstain {abstain}; {share}% — {status}',
    'result.aoa.status_elected': 'elected',
    'result.aoa.status_over': 'over the threshold, not elected',
    'result.aoa.status_under': 'below the threshold',
  },
  'zh-Hans': {
    'counting.aoa.invalid_unknown_candidate': '无效：{count} 张选票选了选票上没有的人。',
    'counting.aoa.invalid_contradictory': '无效：{count} 张选票对同一候选人既赞成又反对。',
    'counting.aoa.invalid_over_marked': '无效：{count} 张选票赞成的人数多于 {max} 人（规则 C3）。',
    'counting.aoa.invalid_blank': '无效：{count} 张空白票，本项选举不接受空白票。',
    'result.aoa.turnout': '应到与实到',
    'result.aoa.turnout_value':
      '应到 {eligible} 人，实到 {present} 人，投票人数 {cast} 人（占应到人数的 {pct}%）；发出选票 {issued} 张，收回 {cast} 张',
    'result.aoa.ballots': '选票',
    'result.aoa.ballots_value': '有效票 {valid} 张（其中空白票 {blank} 张），无效票 {invalid} 张',
    'result.aoa.ballots_weight': '有效票权重合计 {weight}',
    'result.aoa.invalid_by': '无效票按原因：{reasons}',
    'result.aoa.reason.unknown_candidate': '选了选票上没有的人 {count} 张',
    'result.aoa.reason.contradictory': '对同一候选人既赞成又反对 {count} 张',
    'result.aoa.reason.over_marked': '赞成人数多于 {max} 人（规则 C3）{count} 张',
    'result.aoa.reason.blank': '不接受的空白票 {count} 张',
    'result.aoa.separator': '；',
    'result.aoa.threshold': '当选票数（规则 C5）',
    'result.aoa.threshold_valid': '赞成票超过有效票数（{base}）的 {percent}%，即超过 {value} 票',
    'result.aoa.threshold_cast': '赞成票超过投票人数（{base}）的 {percent}%，即超过 {value} 票',
    'result.aoa.threshold_eligible': '赞成票超过应到人数（{base}）的 {percent}%，即超过 {value} 票',
    'result.aoa.threshold_present': '赞成票超过实到人数（{base}）的 {percent}%，即超过 {value} 票',
    'result.aoa.threshold_present_inclusive':
      '赞成票至少达到实到人数（{base}）的 {percent}%，即至少 {value} 票',
    'result.aoa.threshold_valid_inclusive':
      '赞成票至少达到有效票数（{base}）的 {percent}%，即至少 {value} 票',
    'result.aoa.threshold_cast_inclusive': '赞成票至少达到投票人数（{base}）的 {percent}%，即至少 {value} 票',
    'result.aoa.threshold_eligible_inclusive':
      '赞成票至少达到应到人数（{base}）的 {percent}%，即至少 {value} 票',
    'result.aoa.votes': '得票情况（赞成 / 反对 / 弃权，赞成票所占比例）',
    'result.aoa.candidate_line':
      '{name}：赞成 {for} 票，反对 {against} 票，弃权 {abstain} 票；赞成票占 {share}%——{status}',
    'result.aoa.status_elected': '当选',
    'result.aoa.status_over': '超过当选票数，未当选',
    'result.aoa.status_under': '未达当选票数',
  },
} satisfies Catalog;
