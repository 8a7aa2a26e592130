// Texts of the secret ballot's receipt DM, its seal after close, the server-secret check, and publishing weighted ballots.
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'access.teller': 'Teller itself',
    'command.voting.seal.summary':
      'purge the closed ballot box from the database files again, when the seal is still pending',
    'command.ballots.sealed.summary': 'record that the seal is complete (run by Teller)',
    'command.notices.alert.summary': 'tell the organisers about a problem (run by Teller)',
    'command.ballots.publish.summary': 'publish every ballot of a weighted election, after a warning',
    'arg.notify': 'yes to tell the organisers',
    'arg.about': 'what the alert is about',
    'arg.confirm': 'yes, once you have read the warning',
    'ballot.key_mismatch':
      'Your ballot was NOT recorded: this Teller server is set up with a different server secret from the one this election was opened with. The operator has been told; please try again later.',
    'voting.seal_incomplete':
      'Voting in election {number} "{title}" is closed and no more ballots are accepted, but the seal is NOT complete: the database could not yet erase the deleted ballot links from its files (another program is reading the database, e.g. a backup). Until it does, the election shows as sealing. Teller retries on its own and tells the organisers when it is done; /election voting seal {number} tries again now.',
    'voting.sealing': 'Sealing election {number}…',
    'voting.already_sealed':
      'Election {number} is already sealed: nothing that linked voters to ballots is left in the database.',
    'voting.sealed_done':
      'Election {number} "{title}" is sealed: the ballots are counted apart from any voter, and nothing that linked them is left in the database files.',
    'voting.sealed_notice':
      'The seal of election {number} "{title}" is now complete: nothing that linked voters to ballots is left in the database files.',
    'voting.seal_status':
      'sealing: the database has not yet erased the deleted ballot links from its files; Teller retries (/election voting seal {number})',
    'alert.seal_failing':
      'Election {number} "{title}": Teller has tried several times and still cannot finish sealing the ballot box (another program keeps reading the database). Please ask your operator to stop backups or other readers for a moment; Teller keeps retrying.',
    'ballots.weighted_withheld':
      'Not published: this election is weighted, and a voter whose weight is rare could be picked out of the list. The results show the weighted totals.',
    'ballots.rare_weights_block':
      'The ballots of election {number} cannot be published: {count} ballot(s) carry a weight that fewer than {min} ballots in their contest share. Whoever holds that weight is on the published roll, and the weighted totals minus the other ballots would give their ballot back. The results stay published.',
    'ballots.already_public':
      'The ballots of election {number} are not weighted; they are published already with /election voting ballots {number}.',
    'ballots.weighted_published':
      'The ballots of election {number} are published, each with its weight; every weight is shared by at least {min} ballots in its contest.',
    'ballots.weighted_warning':
      "Election {number} is weighted. Publishing every ballot lets anyone who knows a voter's weight (the published roll shows weights) look for ballots with that weight. Teller publishes only when every weight is shared by at least {min} ballots in its contest, so a ballot is hidden among at least {min}, no better. Publish only if your rules require it: /election voting ballots publish {number} confirm=yes",
    'ballots.publish_anyway': 'Publish anyway',
    'ballot.receipt_dm_title': 'Your ballot receipt: {title}',
    'ballot.receipt_dm':
      'Your ballot in election {number} "{title}" is recorded. Your receipt code is {receipt}. Keep it: with /election receipt {number} {receipt} you can check that your ballot is in the count, and after the close the code is in the published list of receipts. It does not show how you voted.',
    'ballot.receipt_dm_proxy':
      'Your proxy {proxy} cast your ballot in election {number} "{title}" (C13). Your receipt code is {receipt}. Keep it: with /election receipt {number} {receipt} you can check that your ballot is in the count, and after the close the code is in the published list of receipts. It does not show how your proxy voted.',
    'ballot.receipt_dm_updated_proxy':
      'Your proxy {proxy} changed or added to your ballots in election {number} "{title}" (C13). Your receipt code is still {receipt}. Keep it: with /election receipt {number} {receipt} you can check that your ballot is in the count. It does not show how your proxy voted.',
    'ballot.receipt_dm_updated':
      'Your ballots in election {number} "{title}" are recorded, with your latest change. Your receipt code is still {receipt}. Keep it: with /election receipt {number} {receipt} you can check that your ballot is in the count, and after the close the code is in the published list of receipts. It does not show how you voted.',
  },
  'zh-Hans': {
    'access.teller': 'Teller 自身',
    'command.voting.seal.summary': '封存尚未完成时，再次从数据库文件中清除已关闭的票箱',
    'command.ballots.sealed.summary': '记录封存已完成（由 Teller 执行）',
    'command.notices.alert.summary': '向组织者报告问题（由 Teller 执行）',
    'command.ballots.publish.summary': '在提示风险后，公开加权选举的全部选票',
    'arg.notify': '填 yes 则通知组织者',
    'arg.about': '提醒的事项',
    'arg.confirm': '阅读警告后填 yes',
    'ballot.key_mismatch':
      '你的选票没有被记录：本 Teller 服务器的服务器密钥与本次选举开始投票时所用的不同。已通知运维人员，请稍后再试。',
    'voting.seal_incomplete':
      '选举 {number}"{title}"投票已结束，不再接受选票，但封存尚未完成：数据库暂时无法从其文件中抹去已删除的选票关联（有其他程序正在读取数据库，例如备份）。在此之前，选举显示为"封存中"。Teller 会自动重试，完成后通知组织者；也可用 /election voting seal {number} 立即重试。',
    'voting.sealing': '正在封存选举 {number}……',
    'voting.already_sealed': '选举 {number} 已封存：数据库中已没有任何把选民与选票关联起来的内容。',
    'voting.sealed_done':
      '选举 {number}"{title}"已封存：选票与任何选民分开计票，数据库文件中已没有任何关联。',
    'voting.sealed_notice':
      '选举 {number}"{title}"的封存现已完成：数据库文件中已没有任何把选民与选票关联起来的内容。',
    'voting.seal_status':
      '封存中：数据库尚未从其文件中抹去已删除的选票关联；Teller 正在重试（/election voting seal {number}）',
    'alert.seal_failing':
      '选举 {number}"{title}"：Teller 已多次尝试，仍无法完成票箱封存（有其他程序持续读取数据库）。请联系运维人员暂停备份或其他读取程序；Teller 会继续重试。',
    'ballots.weighted_withheld':
      '不公开：本次选举为加权选举，权重少见的选民可能被从名单中认出。结果中给出加权合计。',
    'ballots.rare_weights_block':
      '选举 {number} 的选票不能公开：有 {count} 张选票的权重，在其职位中相同者不足 {min} 张。持有该权重的人在公示名册上，用加权合计减去其他选票即可还原其选票。结果仍然公开。',
    'ballots.already_public': '选举 {number} 的选票未加权，已可用 /election voting ballots {number} 查看。',
    'ballots.weighted_published':
      '选举 {number} 的选票已公开，每张附其权重；每种权重在其职位中至少有 {min} 张选票相同。',
    'ballots.weighted_warning':
      '选举 {number} 为加权选举。公开全部选票后，知道某位选民权重的人（公示名册会显示权重）可以查找该权重的选票。只有每种权重在其职位中至少有 {min} 张选票相同时，Teller 才会公开，因此每张选票只隐藏在至少 {min} 张之中。仅在规则要求时公开：/election voting ballots publish {number} confirm=yes',
    'ballots.publish_anyway': '仍然公开',
    'ballot.receipt_dm_title': '你的选票回执：{title}',
    'ballot.receipt_dm':
      '你在选举 {number}"{title}"中的选票已记录。你的回执码是 {receipt}。请保存：用 /election receipt {number} {receipt} 可核对你的选票已计入，投票结束后公布的回执列表中也会有这个码。它不会显示你投了谁。',
    'ballot.receipt_dm_proxy':
      '你的受托人 {proxy} 已在选举 {number}"{title}"中代你投票（C13）。你的回执码是 {receipt}。请保存：用 /election receipt {number} {receipt} 可核对你的选票已计入，投票结束后公布的回执列表中也会有这个码。它不会显示受托人投了谁。',
    'ballot.receipt_dm_updated_proxy':
      '你的受托人 {proxy} 更改或补投了你在选举 {number}"{title}"中的选票（C13）。你的回执码仍是 {receipt}。请保存：用 /election receipt {number} {receipt} 可核对你的选票已计入。它不会显示受托人投了谁。',
    'ballot.receipt_dm_updated':
      '你在选举 {number}"{title}"中的选票已记录，包括你最近的更改。你的回执码仍是 {receipt}。请保存：用 /election receipt {number} {receipt} 可核对你的选票已计入，投票结束后公布的回执列表中也会有这个码。它不会显示你投了谁。',
  },
} satisfies Catalog;
