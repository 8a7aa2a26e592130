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
    'slack.schedule.title': 'Timetable of election {number}',
    'slack.schedule.intro':
      'Times are in {zone}. Type one as 2026-12-14 09:00, or as a duration after the step before (3d, 12h, 90m). A time left as it is, or emptied, stays as planned; none unplans the step.',
    'slack.schedule.done_left_out':
      'Steps that have already happened are not shown: they cannot be planned again.',
    'slack.schedule.placeholder': '2026-12-14 09:00, 3d, or none',
    'slack.schedule.override': 'Reason for overriding a notice period’s minimum (only if needed)',
    'slack.schedule.stale':
      'The timetable changed while this form was open. Close it and run /election schedule {number} again to see the plan as it is now.',
    'slack.chart.title': 'Results chart',
    'slack.files_in_dm': 'The file is in your direct messages with Teller.',
    'slack.files_failed':
      'The file could not be sent to your direct messages with Teller; try again in a moment.',
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
    'slack.schedule.title': '选举 {number} 的日程',
    'slack.schedule.intro':
      '时间按 {zone}。请输入如 2026-12-14 09:00 的时间，或前一步骤之后的时长（3d、12h、90m）。保持不变或清空的时间按原计划；输入 none 取消该步骤的计划。',
    'slack.schedule.done_left_out': '已经发生的步骤不再显示：它们不能再次计划。',
    'slack.schedule.placeholder': '2026-12-14 09:00、3d 或 none',
    'slack.schedule.override': '越过公示期最短时限的理由（仅在需要时填写）',
    'slack.schedule.stale':
      '此表单打开期间日程已被更改。请关闭它，再次运行 /election schedule {number} 查看现在的计划。',
    'slack.chart.title': '结果图表',
    'slack.files_in_dm': '文件已发到你与 Teller 的私信中。',
    'slack.files_failed': '文件未能发到你与 Teller 的私信中，请稍后再试。',
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
