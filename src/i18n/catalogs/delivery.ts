// Texts of the shared delivery worker: what an organiser sees while a fan-out runs.
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
  },
} satisfies Catalog;
