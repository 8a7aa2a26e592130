// Attendance (实到) and the quorum and thresholds measured on it (C1, C5).
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'command.voting.attendance.summary': 'record how many voters are present at this round (实到, C1/C5)',
    'arg.present': 'voters present',
    'arg.turnout':
      'cn-org: the round is valid when more than half of those entitled vote (half), or more than four fifths are present (four-fifths) (C1)',
    'attendance.recorded':
      'Recorded: {present} of {eligible} entitled present at round {round} of election {number}. The count never takes fewer than voted.',
    'attendance.more_than_entitled':
      '{present} present is more than the {eligible} voters entitled: attendance counts voters on the roll only.',
    'ruling.attendance_void':
      'The round is void: {present} of {eligible} entitled were present, and more than four fifths must be (rule {rule}). It is held again.',
    'preset.turnout_not_provided':
      'The {preset} rules set no turnout quorum, so turnout= does not apply (only cn-org has one: C1).',
  },
  'zh-Hans': {
    'command.voting.attendance.summary': '记录本轮实到人数（C1/C5）',
    'arg.present': '实到人数',
    'arg.turnout':
      'cn-org：参加投票的超过应到人数的一半（half），或实到超过五分之四（four-fifths），本轮方为有效（C1）',
    'attendance.recorded':
      '已记录：第 {number} 号选举第 {round} 轮，应到 {eligible} 人，实到 {present} 人。计票时实到人数不少于投票人数。',
    'attendance.more_than_entitled': '实到 {present} 人多于应到的 {eligible} 人：实到只计名册上的选民。',
    'ruling.attendance_void':
      '本轮无效：应到 {eligible} 人，实到 {present} 人，须超过五分之四（规则 {rule}）。须重新投票。',
    'preset.turnout_not_provided':
      '{preset} 规则没有规定参加人数要求，turnout= 不适用（只有 cn-org 有：C1）。',
  },
} satisfies Catalog;
