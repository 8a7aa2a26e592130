// Texts the Slack adapter shows itself (modal chrome, inline ballot errors). Everything else a member
// reads comes already translated in the core's replies.
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'slack.ballot.submit': 'Cast ballot',
    'slack.ballot.close': 'Cancel',
    'slack.ballot.rank': 'Choice {rank}',
    'slack.ballot.approve': 'Approve',
    'slack.ballot.oppose': 'Oppose',
    'slack.ballot.abstain': 'Abstain',
    'slack.ballot.choose': 'Choose…',
    'slack.ballot.too_many': 'Choose at most {max}.',
    'slack.ballot.too_few': 'Choose at least {min}.',
    'slack.ballot.duplicate_rank': 'This candidate is already your choice {rank}. Rank each candidate once.',
    'slack.ballot.criteria_incomplete': 'Score every criterion for this candidate, or leave them all empty.',
    'slack.ballot.recorded_title': 'Ballot recorded',
    'slack.ballot.open_failed': 'Your ballot could not be opened in time. Press Vote again.',
    'slack.ballot.vote_button': 'Vote',
    'slack.form.submit': 'Submit',
    'slack.form.close': 'Cancel',
    'slack.form.done_title': 'Done',
    'slack.chart.title': 'Results chart',
    'slack.name.refused': 'Nothing was changed. {problems}',
    'slack.name.no_member':
      'There is no member called {name} in this workspace. Pick the member from the list Slack offers as you type @, or put a name with spaces in quotes ("@Carol Smith").',
    'slack.name.ambiguous_member':
      '{name} could be any of: {candidates}. Pick the one you mean from the list Slack offers as you type @.',
    'slack.name.no_channel':
      'There is no channel called {name} that Teller can see. Pick it from the list Slack offers as you type #; for a private channel, invite Teller to it first.',
    'slack.name.lookup_failed':
      'Teller could not look up {name} on Slack just now. Try again, or pick it from the list Slack offers as you type.',
  },
  'zh-Hans': {
    'slack.ballot.submit': '投票',
    'slack.ballot.close': '取消',
    'slack.ballot.rank': '第 {rank} 选择',
    'slack.ballot.approve': '赞成',
    'slack.ballot.oppose': '反对',
    'slack.ballot.abstain': '弃权',
    'slack.ballot.choose': '请选择…',
    'slack.ballot.too_many': '最多选择 {max} 项。',
    'slack.ballot.too_few': '至少选择 {min} 项。',
    'slack.ballot.duplicate_rank': '该候选人已是你的第 {rank} 选择。每位候选人只能排名一次。',
    'slack.ballot.criteria_incomplete': '请为该候选人的每项标准评分，或全部留空。',
    'slack.ballot.recorded_title': '选票已记录',
    'slack.ballot.open_failed': '未能及时打开你的选票，请再次点击“投票”。',
    'slack.ballot.vote_button': '投票',
    'slack.form.submit': '提交',
    'slack.form.close': '取消',
    'slack.form.done_title': '完成',
    'slack.chart.title': '结果图表',
    'slack.name.refused': '没有做任何更改。{problems}',
    'slack.name.no_member':
      '这个工作区里没有叫 {name} 的成员。请在输入 @ 时从 Slack 提供的列表中选择成员，或把带空格的名字放在引号里（"@Carol Smith"）。',
    'slack.name.ambiguous_member':
      '{name} 可能是以下任何一位：{candidates}。请在输入 @ 时从 Slack 提供的列表中选出你指的那位。',
    'slack.name.no_channel':
      'Teller 看不到叫 {name} 的频道。请在输入 # 时从 Slack 提供的列表中选择；私有频道请先邀请 Teller 加入。',
    'slack.name.lookup_failed':
      'Teller 暂时无法在 Slack 上查找 {name}。请重试，或在输入时从 Slack 提供的列表中选择。',
  },
} satisfies Catalog;
