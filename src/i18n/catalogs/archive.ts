// The archive, retention, access to the records and exports (issue 14; L16).
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'command.archive.export.summary': 'download results, ballots (BLT, CSV, JSON) or the audit log',
    'command.archive.request.summary': 'ask to open an archived election’s records, with the purpose',
    'command.archive.answer.summary': 'organisers: approve or reject a request to open the records',
    'command.archive.purge.summary': 'Teller: purge personal data at the end of retention',
    'command.org.retention.summary': 'how many days archived elections are kept (default 365)',
    'arg.export_what': 'results, ballots, audit or report',
    'export.report_not_kept':
      'The summary report of election {number} is kept from its archive on; before that, /election result report makes it.',
    'arg.purpose': 'why you need the records',
    'arg.request_ref': 'the request’s reference, such as R-1',
    'arg.records_answer': 'approve or reject',
    'arg.retention_days': 'days, from 30',
    'archive.archived':
      'Election {number} is archived. Its records are kept {days} days, until {until}; then personal data is purged, and the results and the audit chain’s head stay. Opening them needs an approved request.',
    'archive.archived_rule':
      'Election {number} is archived. Its records are kept {days} days (at least a year, rule {rule}), until {until}; then personal data is purged, and the results and the audit chain’s head stay. Opening them needs an approved request.',
    'archive.purged':
      'Election {number}: retention has ended and personal data is purged; the results and the audit chain’s head are kept.',
    'records.requested':
      'Request {ref} to open the records of election {number} is filed; an organiser approves or rejects it.',
    'records.no_request': 'There is no request {ref}.',
    'records.answered': 'Request {ref} is answered already.',
    'records.own_request': 'You made request {ref}: another organiser answers it.',
    'records.approved': 'Approved {ref}: {requester} may open the records for {days} days.',
    'records.rejected': 'Rejected {ref} of {requester}.',
    'records.approved_dm':
      'Your request {ref} to open the records of election {number} is approved for {days} days.',
    'records.rejected_dm':
      'Your request {ref} to open the records of election {number} is rejected: {reason}',
    'records.request_first':
      'Election {number} is archived: its records open only on an approved request (/election archive request {number} "purpose").',
    'org.retention_current': 'Archived elections are kept {days} days.',
    'org.retention_set':
      'Archived elections will be kept {days} days (lmrda elections at least a year, L16).',
    'export.ready': '{count} file(s) from election {number}.',
    'export.audit_officials': 'Only the election’s organisers and scrutineers export its audit log.',
    'export.weighted_withheld':
      'The ballots of election {number} carry weights that fewer than {min} ballots share, or the organisers have not chosen to publish them: they are not exported.',
  },
  'zh-Hans': {
    'command.archive.export.summary': '下载结果、选票（BLT、CSV、JSON）或审计日志',
    'command.archive.request.summary': '申请查阅已归档选举的记录（说明用途）',
    'command.archive.answer.summary': '组织者：批准或拒绝查阅记录的申请',
    'command.archive.purge.summary': 'Teller：保存期满后清除个人数据',
    'command.org.retention.summary': '已归档选举的保存天数（默认 365 天）',
    'arg.export_what': 'results（结果）、ballots（选票）、audit（审计日志）或 report（总结报告）',
    'export.report_not_kept':
      '第 {number} 号选举的总结报告自归档起保存；此前请用 /election result report 生成。',
    'arg.purpose': '查阅记录的用途',
    'arg.request_ref': '申请编号，如 R-1',
    'arg.records_answer': 'approve（批准）或 reject（拒绝）',
    'arg.retention_days': '天数，至少 30',
    'archive.archived':
      '第 {number} 号选举已归档。记录保存 {days} 天，至 {until}；期满后清除个人数据，保留结果和审计链的链头。查阅须经批准。',
    'archive.archived_rule':
      '第 {number} 号选举已归档。记录保存 {days} 天（至少一年，规则 {rule}），至 {until}；期满后清除个人数据，保留结果和审计链的链头。查阅须经批准。',
    'archive.purged': '第 {number} 号选举：保存期已满，个人数据已清除；保留结果和审计链的链头。',
    'records.requested': '查阅第 {number} 号选举记录的申请 {ref} 已提交，由组织者批准或拒绝。',
    'records.no_request': '没有申请 {ref}。',
    'records.answered': '申请 {ref} 已经答复。',
    'records.own_request': '申请 {ref} 是你提出的：须由另一名组织者答复。',
    'records.approved': '已批准 {ref}：{requester} 可在 {days} 天内查阅记录。',
    'records.rejected': '已拒绝 {requester} 的申请 {ref}。',
    'records.approved_dm': '你查阅第 {number} 号选举记录的申请 {ref} 已获批准，有效期 {days} 天。',
    'records.rejected_dm': '你查阅第 {number} 号选举记录的申请 {ref} 被拒绝：{reason}',
    'records.request_first':
      '第 {number} 号选举已归档：记录须经批准方可查阅（/election archive request {number} "用途"）。',
    'org.retention_current': '已归档选举保存 {days} 天。',
    'org.retention_set': '已归档选举将保存 {days} 天（lmrda 选举至少一年，L16）。',
    'export.ready': '第 {number} 号选举的 {count} 个文件。',
    'export.audit_officials': '只有本选举的组织者和监票人可以导出审计日志。',
    'export.weighted_withheld':
      '第 {number} 号选举的选票带有少于 {min} 张选票共有的权重，或组织者未选择公开：不予导出。',
  },
} satisfies Catalog;
