// Writing in a member not on the list: R5 (Robert's Rules) and C4's "another person" (另选他人).
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'arg.write_in': 'a member not on the list you vote for, where the contest allows it (R5, C4)',
    'arg.write_in_allowed':
      'yes or no: may voters write in a member not on the list (default: yes under roberts, R5, and cn-org, C4)',
    'ballot.write_in_how': 'You may also write in up to {max} member(s) not on the list.',
    'ballot.write_in_typed': 'To write someone in, add write-in=@name.',
    'ballot.write_in_not_allowed':
      'This contest does not take write-ins: vote for the candidates on the list.',
    'ballot.too_many_write_ins': 'At most {max} member(s) can be written in on this ballot.',
    'ballot.write_in_listed':
      '{member} is a candidate on the list: mark them there instead of writing them in.',
    'ballot.write_in_not_eligible':
      '{member} is not an eligible voter on the roll, so cannot be written in (C4: another eligible person).',
    'ballot.write_in_as_argument':
      'Write a person in with write-in=@name after your choices, not among them.',
    'contest.write_in_method':
      'A {method} ballot has no room for a written-in name: write-ins need marks or 赞成/反对/弃权.',
    'result.write_in_mark': '(written in)',
    'slack.ballot.write_in_label': 'Write in another member (optional)',
    'discord.ballot.write_in_placeholder': 'Write in another member (optional)',
  },
  'zh-Hans': {
    'arg.write_in': '在本项选举允许时，另选名单以外的成员（R5、C4）',
    'arg.write_in_allowed':
      'yes 或 no：选民可否另选名单以外的成员（默认：roberts 下可以，R5；cn-org 下可以，C4）',
    'ballot.write_in_how': '你还可以另选名单以外的成员，最多 {max} 人。',
    'ballot.write_in_typed': '如需另选他人，请加上 write-in=@姓名。',
    'ballot.write_in_not_allowed': '本项选举不接受另选他人：请对名单上的候选人投票。',
    'ballot.too_many_write_ins': '这张选票最多只能另选 {max} 人。',
    'ballot.write_in_listed': '{member} 是名单上的候选人：请直接在名单上投票，不要另选。',
    'ballot.write_in_not_eligible': '{member} 不是名册上的合格选民，不能另选（C4：另选其他合格人员）。',
    'ballot.write_in_as_argument': '另选他人请在选择之后加上 write-in=@姓名，不要写在选择之中。',
    'contest.write_in_method':
      '{method} 选票没有填写另选人的位置：另选他人只适用于划记或赞成/反对/弃权选票。',
    'result.write_in_mark': '（另选）',
    'slack.ballot.write_in_label': '另选其他成员（可选）',
    'discord.ballot.write_in_placeholder': '另选其他成员（可选）',
  },
} satisfies Catalog;
