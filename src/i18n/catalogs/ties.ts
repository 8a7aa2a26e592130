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
    'arg.vacant': '在席位空缺的情况下确认结果的理由（会被记录并公开）',
    'result.not_final': '结果尚未确定：{contest}需要{round}。请进行该轮投票，或用 vacant="理由" 在席位空缺的情况下确认（会被记录并公开）。',
    'result.left_vacant': '{contest}：{seats} 个席位空缺：{reason}',
  },
} satisfies Catalog;
