// Ties the organisers settle (/election tie decide).
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'command.result.tie.decide.summary':
      'settle a tie the count left to the organisers: name the candidate(s) it chooses, or lot',
    'arg.tie_choice':
      'the candidate(s) the tie chooses, by number on the list, @member or name (a,b), or lot',
    'tie.none_open': 'No tie in {contest} is waiting for the organisers.',
    'tie.choose': 'Choose {needed} of {names} {what}.',
    'tie.unknown_candidate': '“{text}” is not a candidate in this contest.',
    'tie.decided':
      '{contest}: of {names}, the organisers chose {chosen} {what}. The count was run again with it.',
    'tie.drawn':
      '{contest}: of {names}, the lot chose {chosen} {what} (seed “{seed}”: anyone can replay the draw). The count was run again with it.',
    'tie.settled':
      '{contest} is settled. Elected: {elected}. The scrutineers are asked to confirm the count again.',
    'tie.open':
      'Round {round} of {contest}: {names} are tied. Choose {needed} {what}: /election tie decide {number} {ref} <candidate> (or lot).',
    'tie.open_title': 'The count of election {number}, {title}, stopped at a tie the organisers must settle:',
    'tie.must_decide': 'The result cannot be announced yet. {line}',
    'tie.purpose.elect': 'to elect',
    'tie.purpose.last-seat': 'to elect',
    'tie.purpose.runoff-place': 'for the run-off',
    'tie.purpose.eliminate': 'to eliminate',
    'tie.purpose.surplus-order': 'to transfer first',
    'tie.organiser_decided': 'decided by the organisers',
    'command.result.round.open.summary':
      'open the further round the count called for (run-off, re-vote, unfilled seats)',
    'round.none_needed': 'No contest of election {number} calls for a further round.',
    'command.result.nominations.reopen.summary': 'uk-su: open nominations again for the seats RON won',
    'round.reopen_first':
      'RON won a seat in election {number}: open its nominations again first (/election nominations reopen {number}).',
    'round.no_reopen': 'RON won no seat in election {number}: there are no nominations to re-open.',
    'round.reopen_line': '{contest}: {seats} seat(s)',
    'round.reopened_title': '{title}: round {round}, nominations open again',
    'round.reopened':
      'RON won in election {number}, so nominations are open again for round {round}. Nominate with /election nominate {number} <contest>.',
    'round.reopened_organiser': 'Nominations are open again for round {round} of election {number}.',
    'ron.name': 'RON (re-open nominations)',
    'ruling.ron_elected':
      'RON (re-open nominations) won {seats} seat(s): they open for nominations again in a new round.',
    'result.further_reopen': '{seats} seat(s) won by RON: nominations open again',
    'round.closes_past': 'The round cannot close in the past. Give a time in the future.',
    'round.still_sealing':
      'The last round of election {number} is still being sealed (its links must be purged from the database files first). Try again once it is sealed (/election voting seal {number}).',
    'round.candidate_missing': 'A candidate of {contest} is no longer on the list; the round cannot be made.',
    'round.contest_line': '{contest}: {names}',
    'round.dm_title': '{title}: round {round}',
    'round.dm_text': 'Round {round} of election {number}, {title}, is open. Your ballot for it:',
    'round.opened_title': '{title}: round {round}',
    'round.opened':
      'Round {round} of election {number} is open. A private ballot is on its way to each of the {eligible} members on the roll. No DM? Press Vote.',
    'round.opened_organiser':
      'Round {round} of election {number} is open; its ballot is going to {count} voters.',
    'result.rulings': 'Under the election’s rules',
    'ruling.turnout_void':
      'The round is void: {cast} of {eligible} entitled voted, and more than half must (rule {rule}). It is held again.',
    'ruling.no_majority':
      'Nobody has a majority of the {total} votes cast ({needed} needed, rule {rule}): another ballot among every nominee (R4).',
    'ruling.tellers_report':
      'Tellers’ report (rule {rule}): votes cast {total}, necessary for election {needed}, illegal votes {illegal}.',
    'ruling.further_margin':
      'The further round for {seats} unfilled seat(s) is among the {size} unelected with most approvals ({percent}% more than seats, rule {rule}).',
    'command.roll.inspect.summary': 'candidates (LMRDA): inspect the membership list once before the vote',
    'inspect.not_offered':
      'This election’s rules do not offer candidates the membership list (rule {rule} is the LMRDA’s).',
    'inspect.candidates_only': 'Only a candidate may inspect the membership list (rule {rule}).',
    'inspect.no_date':
      'The vote has no date yet: once voting-open is planned (/election schedule {number}), candidates may inspect the list in the 30 days before it (rule {rule}).',
    'inspect.too_early':
      'Candidates may inspect the list in the 30 days before the vote: from {when} (rule {rule}).',
    'inspect.once':
      'You have inspected the membership list already; rule {rule} gives each candidate one inspection.',
    'inspect.title':
      'Membership list of election {number}: {count} members (rule {rule}: for you to inspect, not to copy)',
    'arg.preset': 'the rules the election follows: simple, roberts, lmrda, cn-org or uk-su',
    'arg.differential': 'cn-org: per cent by which candidates must outnumber seats (差额, C9); 0 allows 等额',
    'preset.method_not_allowed': 'The {preset} rules do not allow {method}; they allow {allowed}.',
    'preset.tie_not_allowed': 'tie-break={tie} is not allowed by rule {rule}; allowed: {allowed}.',
    'preset.differential':
      '{contest} has {have} candidate(s) for {seats} seat(s); rule {rule} (差额) needs at least {needed} ({percent}% more than seats) before the list is published.',
    'contest.method_needed': 'Name the counting method (or choose the election’s rules with preset=…).',
    'arg.vacant': 'the reason for certifying with seats left vacant (recorded and shown)',
    'result.not_final':
      'The result is not final: {contest} needs {round}. Hold that round, or certify leaving the seats vacant with vacant="the reason" (it is recorded and shown).',
    'result.left_vacant': '{contest}: {seats} seat(s) left vacant: {reason}',
  },
  'zh-Hans': {
    'command.result.tie.decide.summary': '决定计票留给组织者的平票：指定当选（或被淘汰）的候选人，或抽签',
    'arg.tie_choice': '平票中选定的候选人：名单上的编号、@成员或姓名（a,b），或 lot（抽签）',
    'tie.none_open': '{contest}没有等待组织者决定的平票。',
    'tie.choose': '请从 {names} 中选 {needed} 人{what}。',
    'tie.unknown_candidate': '“{text}”不是本职位的候选人。',
    'tie.decided': '{contest}：在 {names} 中，组织者选定 {chosen}{what}。已据此重新计票。',
    'tie.drawn':
      '{contest}：在 {names} 中，抽签选定 {chosen}{what}（种子“{seed}”，任何人都可以重现抽签）。已据此重新计票。',
    'tie.settled': '{contest}已确定。当选：{elected}。已请监票人重新确认计票。',
    'tie.open':
      '{contest}第 {round} 轮：{names} 平票。请选 {needed} 人{what}：/election tie decide {number} {ref} <候选人>（或 lot 抽签）。',
    'tie.open_title': '第 {number} 号选举“{title}”的计票停在需要组织者决定的平票：',
    'tie.must_decide': '尚不能公布结果。{line}',
    'tie.purpose.elect': '当选',
    'tie.purpose.last-seat': '当选',
    'tie.purpose.runoff-place': '进入决选',
    'tie.purpose.eliminate': '被淘汰',
    'tie.purpose.surplus-order': '先转移',
    'tie.organiser_decided': '由组织者决定',
    'command.result.round.open.summary': '开启计票所需的下一轮（决选、重新投票、补选空缺席位）',
    'round.none_needed': '第 {number} 号选举没有需要再进行一轮的职位。',
    'command.result.nominations.reopen.summary': 'uk-su：为 RON 赢得的席位重新开放提名',
    'round.reopen_first':
      '第 {number} 号选举中 RON 赢得席位：请先重新开放提名（/election nominations reopen {number}）。',
    'round.no_reopen': '第 {number} 号选举中 RON 没有赢得席位，无需重新开放提名。',
    'round.reopen_line': '{contest}：{seats} 个席位',
    'round.reopened_title': '{title}：第 {round} 轮，重新开放提名',
    'round.reopened':
      '第 {number} 号选举中 RON 获胜，第 {round} 轮重新开放提名。用 /election nominate {number} <职位> 提名。',
    'round.reopened_organiser': '第 {number} 号选举第 {round} 轮已重新开放提名。',
    'ron.name': 'RON（重新开放提名）',
    'ruling.ron_elected': 'RON（重新开放提名）赢得 {seats} 个席位：这些席位在新一轮中重新开放提名。',
    'result.further_reopen': 'RON 赢得 {seats} 个席位：重新开放提名',
    'round.closes_past': '本轮的截止时间不能是过去的时间。',
    'round.still_sealing':
      '第 {number} 号选举的上一轮仍在封存中（须先从数据库文件中清除其关联）。封存完成后再试（/election voting seal {number}）。',
    'round.candidate_missing': '{contest}的一名候选人已不在名单上，无法开启本轮。',
    'round.contest_line': '{contest}：{names}',
    'round.dm_title': '{title}：第 {round} 轮',
    'round.dm_text': '第 {number} 号选举“{title}”的第 {round} 轮投票已开始。你的选票：',
    'round.opened_title': '{title}：第 {round} 轮',
    'round.opened':
      '第 {number} 号选举的第 {round} 轮投票已开始。秘密选票正在发给名册上的 {eligible} 名成员。没收到私信？请点"投票"。',
    'round.opened_organiser': '第 {number} 号选举的第 {round} 轮已开始；选票正在发给 {count} 名选民。',
    'result.rulings': '按本选举的规则',
    'ruling.turnout_void':
      '本轮无效：应到 {eligible} 人，实到 {cast} 人，须超过半数（规则 {rule}）。须重新投票。',
    'ruling.no_majority':
      '无人获得所投 {total} 票的过半数（需要 {needed} 票，规则 {rule}）：全体候选人再次投票（R4）。',
    'ruling.tellers_report':
      '计票报告（规则 {rule}）：所投票数 {total}，当选所需 {needed}，无效票 {illegal}。',
    'ruling.further_margin':
      '{seats} 个空缺席位的另行选举，在得赞成票最多的 {size} 名未当选者中进行（比席位多 {percent}%，规则 {rule}）。',
    'command.roll.inspect.summary': '候选人（LMRDA）：投票前查阅一次成员名单',
    'inspect.not_offered': '本选举的规则不向候选人提供成员名单（规则 {rule} 属于 LMRDA）。',
    'inspect.candidates_only': '只有候选人可以查阅成员名单（规则 {rule}）。',
    'inspect.no_date':
      '投票尚无日期：安排 voting-open 后（/election schedule {number}），候选人可在其前 30 天内查阅名单（规则 {rule}）。',
    'inspect.too_early': '候选人可在投票前 30 天内查阅名单：自 {when} 起（规则 {rule}）。',
    'inspect.once': '你已查阅过成员名单；按规则 {rule}，每位候选人可查阅一次。',
    'inspect.title': '第 {number} 号选举的成员名单：{count} 人（规则 {rule}：仅供查阅，不得复制）',
    'arg.preset': '选举遵循的规则：simple、roberts、lmrda、cn-org 或 uk-su',
    'arg.differential': 'cn-org：候选人多于应选人数的百分比（差额，C9）；0 表示允许等额',
    'preset.method_not_allowed': '{preset} 规则不允许 {method}；允许：{allowed}。',
    'preset.tie_not_allowed': '规则 {rule} 不允许 tie-break={tie}；允许：{allowed}。',
    'preset.differential':
      '{contest}有 {have} 名候选人、{seats} 个席位；按规则 {rule}（差额），公布名单前至少需要 {needed} 人（比席位多 {percent}%）。',
    'contest.method_needed': '请指定计票方法（或用 preset=… 选择选举规则）。',
    'arg.vacant': '在席位空缺的情况下确认结果的理由（会被记录并公开）',
    'result.not_final':
      '结果尚未确定：{contest}需要{round}。请进行该轮投票，或用 vacant="理由" 在席位空缺的情况下确认（会被记录并公开）。',
    'result.left_vacant': '{contest}：{seats} 个席位空缺：{reason}',
  },
} satisfies Catalog;
