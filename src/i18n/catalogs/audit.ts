// Texts of the audit chain's checkpoints and of verifying against them.
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'audit.checkpoint':
      'Audit checkpoint of election {number} ({phase}): {count} entries, head {head}. Keep this post: it lets anyone check later that the log was not rewritten.',
    'audit.intact_anchored':
      'The audit chain of election {number} is intact: {count} entries, head {head}. {source}',
    'audit.source_none': 'Give count=… head=… from a checkpoint post to check that the log still reaches it.',
    'audit.source_given': 'It reaches the checkpoint you gave.',
    'audit.source_channel': 'It reaches all {posted} checkpoint(s) posted in the channel.',
    'audit.source_unreadable':
      'The channel could not be read back, so it was not compared with the posted checkpoints; give count=… head=… from one.',
    'audit.chain_missing':
      'The audit log of election {number} is MISSING: the election exists but has no audit entries. The log was deleted.',
    'audit.chain_shorter':
      'The audit log of election {number} is SHORTER than a posted checkpoint: it has {count} entries, the checkpoint names {expected}. Entries were removed from its end.',
    'audit.chain_differs':
      'The audit log of election {number} DIFFERS from a posted checkpoint: entry {at} hashes to {found}, the checkpoint says {expected}. The log was rewritten.',
    'audit.unanchored':
      '{unanchored} entries after the last checkpoint are not anchored yet: the next checkpoint will cover them.',
    'audit.expect_both': 'Give both count=… and head=… from the same checkpoint post.',
    'arg.checkpoint_count': 'the entry count of a checkpoint post',
    'arg.checkpoint_head': 'the head of a checkpoint post',
  },
  'zh-Hans': {
    'audit.checkpoint':
      '选举 {number}（{phase}）的审计检查点：共 {count} 条，链头 {head}。请保留此消息：日后任何人都可以据此核对日志未被改写。',
    'audit.intact_anchored': '选举 {number} 的审计链完整：共 {count} 条，链头 {head}。{source}',
    'audit.source_none': '可附上检查点消息中的 count=… head=…，核对日志是否仍能对上。',
    'audit.source_given': '与你提供的检查点一致。',
    'audit.source_channel': '与频道中发布的全部 {posted} 个检查点一致。',
    'audit.source_unreadable':
      '无法读取频道消息，因此未与已发布的检查点比对；请附上某个检查点的 count=… head=…。',
    'audit.chain_missing': '选举 {number} 的审计日志缺失：选举存在，却没有任何审计记录。日志已被删除。',
    'audit.chain_shorter':
      '选举 {number} 的审计日志比已发布的检查点短：现有 {count} 条，检查点记载 {expected} 条。末尾的记录被删除了。',
    'audit.chain_differs':
      '选举 {number} 的审计日志与已发布的检查点不符：第 {at} 条的哈希为 {found}，检查点记载 {expected}。日志已被改写。',
    'audit.unanchored': '最后一个检查点之后的 {unanchored} 条记录尚未锚定：下一个检查点会涵盖它们。',
    'audit.expect_both': '请同时提供同一检查点消息中的 count=… 和 head=…。',
    'arg.checkpoint_count': '检查点消息中的记录条数',
    'arg.checkpoint_head': '检查点消息中的链头',
  },
} satisfies Catalog;
