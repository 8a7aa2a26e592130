// How a badly formed command is explained: which argument, spelled as typed, and what it expects.
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'dispatch.issue_missing': '{arg}: missing; give {expected}.',
    'dispatch.issue_bad': '{arg}: give {expected}.',
    'dispatch.issue_own': '{arg}: {message}.',
    'dispatch.issue_unknown': '{arg}: this command takes no such argument.',
    'arg.not_a_member': '"{text}" is not a member; name members as @name',
    'notice.posted': 'Posted in {channel}: {what}',
    'field.settings': 'Settings',
    'election.settings_value':
      'seconders per nomination {seconders} · self-nomination {self} · objection days {days}',
    'roll.added_already':
      '{count} member(s) added to the roll of election {number}; {already} already on it (their weight is now {weight}).',
    'nomination.nominator_ineligible':
      'You are on the roll but marked ineligible ({reason}), so you cannot nominate. Ask the organisers if this is wrong.',
    'result.ballots_value_weighted':
      'valid {valid} ballots carrying {weight} votes (of which blank {blank}), invalid {invalid}',
    'nomination.created_unseconded':
      'Nomination {number}: {member} for {contest}. No seconders are needed; {member} can now accept with /election accept {election} {number}.',
    'ballot.none_open': 'No election is open for you to vote in right now.',
    'ballot.which_election':
      'Elections you can vote in now: press one to open your ballot, or type /vote <election>.',
    'expect.election': 'an election number, such as 3',
    'expect.nomination': 'a nomination number, such as 2',
    'expect.contest': 'a contest number or name, such as 1 or Chair',
    'expect.member': 'a member, such as @alice',
    'expect.members': 'one or more members, such as @alice @bob',
    'expect.channel': 'a channel, such as #elections',
    'expect.int': 'a whole number from {min} to {max}',
    'expect.word': 'one word of at most {max} characters',
    'expect.word_any': 'one word',
    'expect.text': 'text of at most {max} characters (quote it when it has spaces)',
    'expect.text_any': 'text (quote it when it has spaces)',
    'expect.choice': 'one of {choices}',
  },
  'zh-Hans': {
    'dispatch.issue_missing': '{arg}：缺少；请提供{expected}。',
    'dispatch.issue_bad': '{arg}：请提供{expected}。',
    'dispatch.issue_own': '{arg}：{message}。',
    'dispatch.issue_unknown': '{arg}：此命令没有这个参数。',
    'arg.not_a_member': '"{text}"不是成员；请用 @名字 指明成员',
    'notice.posted': '已发布到 {channel}：{what}',
    'field.settings': '设置',
    'election.settings_value': '每个提名的附议人数 {seconders} · 允许自荐 {self} · 异议期 {days} 天',
    'roll.added_already':
      '已把 {count} 名成员加入选举 {number} 的名册；{already} 名已在名册上（其权重现为 {weight}）。',
    'nomination.nominator_ineligible':
      '你在名册上，但被标记为无资格（{reason}），因此不能提名。如有误，请联系组织者。',
    'result.ballots_value_weighted':
      '有效选票 {valid} 张，计 {weight} 票（其中空白 {blank}），无效 {invalid}',
    'nomination.created_unseconded':
      '提名 {number}：{member} 参选 {contest}。无需附议；{member} 现在可以用 /election accept {election} {number} 接受提名。',
    'ballot.none_open': '目前没有你可以参加投票的选举。',
    'ballot.which_election': '你现在可以参加投票的选举：点击打开你的选票，或输入 /vote <选举编号>。',
    'expect.election': '选举编号，例如 3',
    'expect.nomination': '提名编号，例如 2',
    'expect.contest': '职位编号或名称，例如 1 或 主席',
    'expect.member': '一名成员，例如 @alice',
    'expect.members': '一名或多名成员，例如 @alice @bob',
    'expect.channel': '一个频道，例如 #elections',
    'expect.int': '{min} 到 {max} 之间的整数',
    'expect.word': '不超过 {max} 个字符的一个词',
    'expect.word_any': '一个词',
    'expect.text': '不超过 {max} 个字符的文字（含空格时请加引号）',
    'expect.text_any': '文字（含空格时请加引号）',
    'expect.choice': '以下之一：{choices}',
  },
} satisfies Catalog;
