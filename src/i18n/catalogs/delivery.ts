// Texts of the shared delivery worker and the core's watch over it: what an organiser sees while a
// fan-out runs, and is told when some ballots could not be delivered.
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'delivery.progress.line': '{purpose}: {sent} of {total} delivered',
    'delivery.progress.pending': '{count} still to send',
    'delivery.progress.unreachable': '{count} could not be reached (direct messages closed or member gone)',
    'delivery.progress.failed': '{count} failed after several tries',
    'delivery.progress.done': 'All done.',
    'delivery.purpose.default': 'Messages',
    'delivery.purpose.ballot': 'Ballot messages',
    'delivery.purpose.reminder': 'Reminders',
    'delivery.purpose.notice': 'Notices',
    'delivery.purpose.turnout': 'Turnout updates',
    'delivery.purpose.result': 'Results',
    'voting.unreached':
      'Election {number} "{title}": {count} of {total} members could not be sent their ballot by direct message (their DMs are closed, they have left, or delivery kept failing). They can still vote with the Vote button on the voting-open post; you may want to tell the members that.',
    'command.voting.unreached.summary':
      'tell the organisers how many ballot DMs could not be delivered (run by Teller)',
    'arg.unreached_count': 'how many ballot DMs could not be delivered',
    'arg.unreached_total': 'how many ballot DMs were sent out',
  },
  'zh-Hans': {
    'delivery.progress.line': '{purpose}：已送达 {sent} / {total}',
    'delivery.progress.pending': '尚有 {count} 条待发送',
    'delivery.progress.unreachable': '{count} 位成员无法送达（已关闭私信或已离开）',
    'delivery.progress.failed': '{count} 条多次重试后仍失败',
    'delivery.progress.done': '全部完成。',
    'delivery.purpose.default': '消息',
    'delivery.purpose.ballot': '选票私信',
    'delivery.purpose.reminder': '提醒',
    'delivery.purpose.notice': '通知',
    'delivery.purpose.turnout': '投票率更新',
    'delivery.purpose.result': '结果',
    'voting.unreached':
      '选举 {number}"{title}"：{total} 位成员中有 {count} 位无法通过私信收到选票（他们关闭了私信、已离开，或多次发送失败）。他们仍可使用投票开始帖子上的"投票"按钮投票；你可以提醒成员这一点。',
    'command.voting.unreached.summary': '告诉组织者有多少选票私信无法送达（由 Teller 执行）',
    'arg.unreached_count': '无法送达的选票私信数',
    'arg.unreached_total': '发出的选票私信数',
  },
} satisfies Catalog;
