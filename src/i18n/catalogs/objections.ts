// Objections, their investigation and appeals, and the certification that waits for them (issue 14;
// C10, C11, C15).
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'command.objection.file.summary':
      'object, privately, during a notice period (the roll, the candidates, the result)',
    'command.objection.list.summary': 'the objections and where each stands',
    'command.objection.show.summary': 'an objection’s file: grounds, evidence, findings, decision, appeal',
    'command.objection.assign.summary': 'organisers: assign an investigator with no stake in the objection',
    'command.objection.findings.summary': 'the investigator: record findings',
    'command.objection.decide.summary': 'the investigator: uphold or dismiss an objection, with its effect',
    'command.objection.remind.summary': 'remind the organisers of a decision coming due',
    'command.objection.appeal.summary': 'appeal a decision to the organisation’s appeal panel',
    'command.objection.appeal.decide.summary': 'the appeal panel: decide an appeal (final)',
    'command.objection.panel.summary':
      'the organisation’s appeal panel and how long decisions may be appealed',
    'arg.objection_about': 'the contest (number or name) or the member (@member) it is about',
    'arg.grounds': 'the grounds, in your words',
    'arg.evidence': 'evidence: links or text',
    'arg.objection_name': 'yes: the channel may be told your name',
    'arg.objection_period': 'the notice period: roll, candidates or result (default: the one open now)',
    'arg.objection_ref': 'the objection’s reference, such as O-3',
    'arg.investigator': 'the member who investigates it',
    'arg.findings': 'what the investigation found',
    'arg.outcome': 'upheld or dismissed',
    'arg.appeal_outcome': 'upheld (the decision is overturned) or dismissed (it stands)',
    'arg.effect': 'an upheld objection’s effect: exclude, roll, void or none',
    'arg.effect_member': 'the member the effect concerns (default: the one the objection names)',
    'arg.void': 'yes: void the counted round too (needed to exclude or correct the roll after voting)',
    'arg.panel': 'the members of the appeal panel',
    'arg.appeal_days': 'days after a decision in which it may be appealed (default 5)',
    'arg.objection_decision_days': 'days after filing in which an objection is to be decided (C10: 3)',
    'objection.period.roll': 'the roll’s objection window',
    'objection.period.candidates': 'the candidates’ public notice',
    'objection.period.result': 'the result’s public notice',
    'objection.unknown':
      'Election {number} has no objection {ref}; /election objection list {number} lists them.',
    'objection.unknown_subject': '“{about}” is neither a contest of this election nor a member.',
    'objection.period_closed': 'Objections in {period} closed {closed}; this one can no longer be filed.',
    'objection.period_not_open':
      'Objections cannot be filed in {period}: it has not opened in this election.',
    'objection.which_period': 'Several notice periods are open ({periods}): say which with period=…',
    'objection.no_period':
      'No notice period of election {number} is open: objections are filed while the roll, the candidate list or the result is on public notice.',
    'objection.roll_needs_member':
      'An objection to the roll names the member whose entry it is about (@member).',
    'objection.not_candidate': '{member} does not stand in this election: name a candidate or a contest.',
    'objection.not_on_roll':
      'Only members on the roll may object (a member left off it may object to that, while the roll is open to objections).',
    'objection.about_roll_entry': 'an entry of the roll',
    'objection.filed_notice':
      'Objection {ref} has been filed in election {number}, about {about}, during {period}. A decision is due {due}.',
    'objection.filed_by': 'Filed by {member}.',
    'objection.filed_organiser': 'Objection {ref} in election {number}, filed by {member}:',
    'objection.assign_hint':
      'Assign an investigator with no stake in it: /election objection assign {number} {ref} @member',
    'objection.filed':
      'Your objection {ref} in election {number} is filed. A decision is due {due}; you will be told it privately.',
    'objection.filed_named': 'The channel has been told it was filed, with your name.',
    'objection.filed_unnamed': 'The channel has been told it was filed, without your name.',
    'objection.none': 'No objection has been filed in election {number}.',
    'objection.list_title': 'Objections in election {number}',
    'objection.not_yours':
      'The file of objection {ref} is for the organisers, its investigator, the objector and the appeal panel.',
    'objection.detail_head': '{ref}, {period}, about {about}: filed by {member}, {filed}',
    'objection.grounds_line': 'Grounds: {grounds}',
    'objection.evidence_line': 'Evidence: {evidence}',
    'objection.investigator': 'investigator {member}',
    'objection.finding_line': 'Finding ({at}, {member}): {text}',
    'objection.due': 'decision due {when}',
    'objection.by': 'filed by {member}',
    'objection.yours': 'yours',
    'objection.status.open': 'open',
    'objection.status.investigating': 'under investigation',
    'objection.outcome.upheld': 'upheld',
    'objection.outcome.dismissed': 'dismissed',
    'objection.appeal_status': 'appeal {status}',
    'objection.appeal_line': 'Appeal by {member}: {grounds}',
    'objection.decided_upheld': 'Objection {ref} (about {about}) is upheld.',
    'objection.decided_dismissed': 'Objection {ref} (about {about}) is dismissed.',
    'objection.reason_line': 'Reason: {reason}',
    'objection.appeal_until':
      'The objector or a member it concerns may appeal to the appeal panel until {when}.',
    'objection.effect.none': 'No change: the finding is on record.',
    'objection.effect.exclude': '{member} no longer stands for {contest}.',
    'objection.effect.exclude_void':
      'The last round of {contests} is void; it will be held again without {member}.',
    'objection.effect.roll': 'The roll is corrected: {member} is {status}.',
    'objection.effect.roll_entry': 'The roll is corrected: the entry objected to is now {status}.',
    'objection.effect.roll_entry_void':
      'The roll is corrected: the entry objected to is now {status}; the last round of {contests} is void and will be held again on the corrected roll.',
    'objection.effect.roll_void':
      'The roll is corrected: {member} is {status}; the last round of {contests} is void and will be held again on the corrected roll.',
    'objection.effect.void':
      'The last round of {contests} is void; it will be held again among its candidates (/election voting round).',
    'objection.decision_title': 'Election {number}: the decision on objection {ref}',
    'objection.dm_yours': 'The decision on your objection {ref} in election {number}:',
    'objection.dm_concerns_you': 'A decision that concerns you, on objection {ref} in election {number}:',
    'objection.decided':
      'Objection {ref} is {outcome}; the channel, the objector and those it concerns have been told.',
    'objection.decided_already': 'Objection {ref} has been decided already.',
    'objection.not_assigned':
      'Objection {ref} has no investigator yet: /election objection assign {number} {ref} @member',
    'objection.not_investigator':
      'Only the investigator of objection {ref} records its findings and decides it.',
    'objection.findings_first': 'Record your findings first: /election objection findings {number} {ref} "…"',
    'objection.findings_recorded': 'Findings recorded in objection {ref} of election {number}.',
    'objection.dismissed_no_effect': 'A dismissed objection changes nothing: leave out effect=.',
    'objection.effect_needed': 'An upheld objection states its effect: effect=exclude, roll, void or none.',
    'objection.member_needed': 'Name the member the effect concerns: member=@member.',
    'objection.status_needed': 'Say what the roll entry becomes: status=eligible or status=ineligible.',
    'objection.not_standing': '{member} does not stand for {contest}.',
    'objection.exclude_during_voting':
      'Voting has opened on the published list (C11): a candidate can now be excluded only by voiding the round once it is counted (effect=exclude void=yes).',
    'objection.exclude_needs_void':
      'Voting took place with {member} on the ballot: exclude them with void=yes, which voids the round and holds it again without them.',
    'objection.roll_frozen':
      'The roll is frozen once voting opens: correct the entry of {member} with void=yes once the round is counted, which holds every contest’s last round again.',
    'objection.nothing_to_void': 'Nothing has been voted on yet: there is no round to void.',
    'objection.void_after_count': 'A round is voided once it is counted: decide after the count.',
    'objection.void_not_counted': 'The last round of {contest} has not been counted.',
    'objection.recused_objector':
      '{member} filed objection {ref} and may neither investigate it nor hear its appeal (C15).',
    'objection.recused_subject':
      'Objection {ref} concerns {member}, who may neither investigate it nor hear its appeal (C15).',
    'objection.recused_candidate':
      '{member} stands for {contest}, which objection {ref} concerns, and is recused (C15).',
    'objection.recused_investigator':
      '{member} investigated objection {ref} and is recused from its appeal (C15).',
    'objection.recused_appellant': '{member} appealed objection {ref} and cannot hear the appeal.',
    'objection.assigned': '{member} investigates objection {ref}, and has been sent its file.',
    'objection.assigned_title': 'Election {number}: you investigate objection {ref}',
    'objection.assigned_dm':
      'You have been asked to investigate objection {ref} in election {number}. A decision is due {due}.',
    'objection.decide_hint':
      'Record findings with /election objection findings {number} {ref} "…", then decide: /election objection decide {number} {ref} upheld|dismissed "reason" [effect=exclude|roll|void|none].',
    'objection.remind_due_soon':
      'Objection {ref} in election {number} “{title}” is to be decided {due} (investigator: {investigator}).',
    'objection.remind_overdue':
      'The decision on objection {ref} in election {number} “{title}” was due {due} and has not been made (investigator: {investigator}).',
    'objection.no_investigator': 'none assigned yet',
    'objection.remind_nothing': 'Objection {ref} has been decided; no reminder is needed.',
    'objection.not_decided': 'Objection {ref} has not been decided yet: an appeal is of a decision.',
    'objection.appeal_not_party':
      'Only the objector or a member the decision concerns may appeal objection {ref}.',
    'objection.appealed_already':
      'The decision on objection {ref} has been appealed already; the panel hears one appeal, and its decision is final.',
    'objection.appeal_closed':
      'The decision on objection {ref} could be appealed until {closed}; that time has passed.',
    'objection.appeal_filed_notice':
      'The decision on objection {ref} in election {number} has been appealed; the appeal panel will decide it.',
    'objection.appeal_title': 'Election {number}: the appeal on objection {ref}',
    'objection.appeal_dm':
      'As a member of the appeal panel, you are asked to decide the appeal on objection {ref} in election {number}.',
    'objection.appeal_hint':
      'Decide it: /election objection appeal decide {number} {ref} upheld|dismissed "reason" [effect=…]. The decision is final.',
    'objection.panel_missing':
      'The decision on objection {ref} in election {number} has been appealed, but the appeal panel has no member who may hear it. Set the panel: /election org appeal-panel @member …',
    'objection.appeal_filed':
      'Your appeal on objection {ref} in election {number} is filed; the appeal panel will decide it, and you will be told privately.',
    'objection.appeal_waits_panel':
      'The organisation has no appeal panel able to hear it yet; the organisers have been asked to set one.',
    'objection.no_appeal': 'The decision on objection {ref} has not been appealed.',
    'objection.appeal_decided_already':
      'The appeal on objection {ref} has been decided already; that is final.',
    'objection.not_panel': 'Only the organisation’s appeal panel decides the appeal on objection {ref}.',
    'objection.appeal_decided_upheld': 'The appeal on objection {ref} is upheld: the decision is overturned.',
    'objection.appeal_decided_dismissed': 'The appeal on objection {ref} is dismissed: the decision stands.',
    'objection.undo_rerun':
      'The round it voided has been held again since: that round stands, and the voided one is not restored.',
    'objection.undo_voting': 'Voting has opened since: the candidate cannot be put back on the ballot.',
    'objection.undo_roll': 'The roll has been frozen since voting opened: its correction stands.',
    'objection.undone': 'Undone: {effect}',
    'objection.appeal_final': 'The appeal panel’s decision is final.',
    'objection.appeal_decided':
      'The appeal on objection {ref} is {outcome}; the channel and the parties have been told.',
    'objection.panel_current': 'The appeal panel: {members}. Decisions may be appealed for {days} day(s).',
    'objection.panel_set': 'The appeal panel is now {members}; decisions may be appealed for {days} day(s).',
    'objection.panel_empty': 'no one yet',
    'objection.certify_open':
      'Objection {ref} is still open (a decision is due {due}): the result cannot be certified until it is decided (C15).',
    'objection.certify_appeal_open':
      'The appeal on objection {ref} is still open: the result cannot be certified until the panel decides it.',
    'objection.certify_appeal_window':
      'The decision on objection {ref} may be appealed until {until}: the result can be certified once that time has passed.',
    'objection.certify_heading': 'Objections ({count}):',
    'objection.certify_line': '{ref} (about {about}): {status}; as it stands: {final}.',
    'ruling.objection_void':
      'Void by the upheld objection {ref}: the round is held again among its candidates.',
  },
  'zh-Hans': {
    'command.objection.file.summary': '在公示期内（选民名单、候选人、结果）私下提出异议',
    'command.objection.list.summary': '各项异议及其进展',
    'command.objection.show.summary': '异议的卷宗：理由、证据、调查结论、决定、申诉',
    'command.objection.assign.summary': '组织者：指定与该异议无利害关系的调查人',
    'command.objection.findings.summary': '调查人：记录调查结论',
    'command.objection.decide.summary': '调查人：支持或驳回异议，并说明其效果',
    'command.objection.remind.summary': '提醒组织者即将到期的决定',
    'command.objection.appeal.summary': '就决定向本组织的申诉委员会提出申诉',
    'command.objection.appeal.decide.summary': '申诉委员会：对申诉作出决定（终局）',
    'command.objection.panel.summary': '本组织的申诉委员会，以及可对决定提出申诉的期限',
    'arg.objection_about': '异议针对的职位（编号或名称）或成员（@成员）',
    'arg.grounds': '理由（用你自己的话）',
    'arg.evidence': '证据：链接或文字',
    'arg.objection_name': 'yes：可以在频道中公布你的名字',
    'arg.objection_period': '公示期：roll、candidates 或 result（默认：当前开放的公示期）',
    'arg.objection_ref': '异议编号，如 O-3',
    'arg.investigator': '负责调查的成员',
    'arg.findings': '调查的结论',
    'arg.outcome': 'upheld（支持）或 dismissed（驳回）',
    'arg.appeal_outcome': 'upheld（支持申诉，推翻原决定）或 dismissed（驳回申诉，维持原决定）',
    'arg.effect': '异议成立的效果：exclude、roll、void 或 none',
    'arg.effect_member': '效果涉及的成员（默认：异议所针对的成员）',
    'arg.void': 'yes：同时宣布已计票的该轮无效（投票开始后取消候选人资格或更正选民名单时需要）',
    'arg.panel': '申诉委员会的成员',
    'arg.appeal_days': '决定作出后可提出申诉的天数（默认 5）',
    'arg.objection_decision_days': '异议提出后须作出决定的天数（C10：3 天）',
    'objection.period.roll': '选民名单异议期',
    'objection.period.candidates': '候选人公示期',
    'objection.period.result': '选举结果公示期',
    'objection.unknown': '第 {number} 号选举没有异议 {ref}；/election objection list {number} 列出全部异议。',
    'objection.unknown_subject': '“{about}”既不是本次选举的职位，也不是成员。',
    'objection.period_closed': '{period}已于{closed}结束，不能再提出此项异议。',
    'objection.period_not_open': '本次选举的{period}尚未开始，不能提出异议。',
    'objection.which_period': '有多个公示期正在进行（{periods}）：请用 period=… 指明。',
    'objection.no_period':
      '第 {number} 号选举没有正在进行的公示期：异议须在选民名单、候选人名单或选举结果公示期间提出。',
    'objection.roll_needs_member': '对选民名单的异议须指明所涉名单条目的成员（@成员）。',
    'objection.not_candidate': '{member} 不是本次选举的候选人：请指明候选人或职位。',
    'objection.not_on_roll':
      '只有选民名单上的成员可以提出异议（未被列入名单的成员可在名单异议期内对此提出异议）。',
    'objection.about_roll_entry': '选民名单中的一个条目',
    'objection.filed_notice':
      '第 {number} 号选举收到异议 {ref}，涉及{about}，提出于{period}。应于{due}前作出决定。',
    'objection.filed_by': '提出人：{member}。',
    'objection.filed_organiser': '第 {number} 号选举的异议 {ref}，由 {member} 提出：',
    'objection.assign_hint': '请指定与之无利害关系的调查人：/election objection assign {number} {ref} @成员',
    'objection.filed':
      '你对第 {number} 号选举提出的异议 {ref} 已登记。应于{due}前作出决定，届时将私下通知你。',
    'objection.filed_named': '已在频道中通告此项异议，并公布了你的名字。',
    'objection.filed_unnamed': '已在频道中通告此项异议，未公布你的名字。',
    'objection.none': '第 {number} 号选举没有收到异议。',
    'objection.list_title': '第 {number} 号选举的异议',
    'objection.not_yours': '异议 {ref} 的卷宗仅供组织者、调查人、异议提出人和申诉委员会查阅。',
    'objection.detail_head': '{ref}，{period}，涉及{about}：由 {member} 于{filed}提出',
    'objection.grounds_line': '理由：{grounds}',
    'objection.evidence_line': '证据：{evidence}',
    'objection.investigator': '调查人 {member}',
    'objection.finding_line': '调查结论（{at}，{member}）：{text}',
    'objection.due': '应于{when}前作出决定',
    'objection.by': '由 {member} 提出',
    'objection.yours': '你提出的',
    'objection.status.open': '待处理',
    'objection.status.investigating': '调查中',
    'objection.outcome.upheld': '成立',
    'objection.outcome.dismissed': '驳回',
    'objection.appeal_status': '申诉：{status}',
    'objection.appeal_line': '{member} 的申诉：{grounds}',
    'objection.decided_upheld': '异议 {ref}（涉及{about}）成立。',
    'objection.decided_dismissed': '异议 {ref}（涉及{about}）被驳回。',
    'objection.reason_line': '理由：{reason}',
    'objection.appeal_until': '异议提出人或决定所涉成员可在{when}前向申诉委员会提出申诉。',
    'objection.effect.none': '不作变更：调查结论已记录在案。',
    'objection.effect.exclude': '{member} 不再是{contest}的候选人。',
    'objection.effect.exclude_void': '{contests}的最后一轮无效，将在不含 {member} 的情况下重新进行。',
    'objection.effect.roll': '选民名单已更正：{member} {status}。',
    'objection.effect.roll_entry': '选民名单已更正：所涉条目现为{status}。',
    'objection.effect.roll_entry_void':
      '选民名单已更正：所涉条目现为{status}；{contests}的最后一轮无效，将按更正后的名单重新进行。',
    'objection.effect.roll_void':
      '选民名单已更正：{member} {status}；{contests}的最后一轮无效，将按更正后的名单重新进行。',
    'objection.effect.void': '{contests}的最后一轮无效，将在其候选人中重新进行（/election voting round）。',
    'objection.decision_title': '第 {number} 号选举：对异议 {ref} 的决定',
    'objection.dm_yours': '对你在第 {number} 号选举中提出的异议 {ref} 的决定：',
    'objection.dm_concerns_you': '一项与你有关的决定，涉及第 {number} 号选举的异议 {ref}：',
    'objection.decided': '异议 {ref} {outcome}；已通知频道、异议提出人及决定所涉成员。',
    'objection.decided_already': '异议 {ref} 已作出决定。',
    'objection.not_assigned': '异议 {ref} 尚未指定调查人：/election objection assign {number} {ref} @成员',
    'objection.not_investigator': '只有异议 {ref} 的调查人可以记录调查结论并作出决定。',
    'objection.findings_first': '请先记录调查结论：/election objection findings {number} {ref} "…"',
    'objection.findings_recorded': '已在第 {number} 号选举的异议 {ref} 中记录调查结论。',
    'objection.dismissed_no_effect': '被驳回的异议不产生任何变更：请不要填写 effect=。',
    'objection.effect_needed': '成立的异议须说明其效果：effect=exclude、roll、void 或 none。',
    'objection.member_needed': '请指明效果所涉成员：member=@成员。',
    'objection.status_needed': '请说明名单条目的新状态：status=eligible 或 status=ineligible。',
    'objection.not_standing': '{member} 不是{contest}的候选人。',
    'objection.exclude_during_voting':
      '投票已按公布的名单开始（C11）：现在只能在该轮计票后宣布其无效来取消候选人资格（effect=exclude void=yes）。',
    'objection.exclude_needs_void':
      '{member} 已列在选票上完成投票：请用 void=yes 取消其资格，该轮将宣布无效并在不含其的情况下重新进行。',
    'objection.roll_frozen':
      '投票开始后选民名单即冻结：请在该轮计票后用 void=yes 更正 {member} 的条目，各职位的最后一轮将重新进行。',
    'objection.nothing_to_void': '尚未进行任何投票：没有可宣布无效的一轮。',
    'objection.void_after_count': '一轮投票须在计票后才能宣布无效：请在计票后作出决定。',
    'objection.void_not_counted': '{contest}的最后一轮尚未计票。',
    'objection.recused_objector': '{member} 是异议 {ref} 的提出人，不得调查此异议或审理其申诉（C15）。',
    'objection.recused_subject': '异议 {ref} 涉及 {member}，其不得调查此异议或审理其申诉（C15）。',
    'objection.recused_candidate': '{member} 是异议 {ref} 所涉{contest}的候选人，须回避（C15）。',
    'objection.recused_investigator': '{member} 调查过异议 {ref}，须回避其申诉（C15）。',
    'objection.recused_appellant': '{member} 是异议 {ref} 的申诉人，不得审理该申诉。',
    'objection.assigned': '{member} 负责调查异议 {ref}，已将卷宗发送给其。',
    'objection.assigned_title': '第 {number} 号选举：请你调查异议 {ref}',
    'objection.assigned_dm': '你被指定调查第 {number} 号选举的异议 {ref}。应于{due}前作出决定。',
    'objection.decide_hint':
      '用 /election objection findings {number} {ref} "…" 记录调查结论，然后作出决定：/election objection decide {number} {ref} upheld|dismissed "理由" [effect=exclude|roll|void|none]。',
    'objection.remind_due_soon':
      '第 {number} 号选举“{title}”的异议 {ref} 应于{due}前作出决定（调查人：{investigator}）。',
    'objection.remind_overdue':
      '第 {number} 号选举“{title}”的异议 {ref} 应于{due}前作出决定，至今尚未决定（调查人：{investigator}）。',
    'objection.no_investigator': '尚未指定',
    'objection.remind_nothing': '异议 {ref} 已作出决定，无需提醒。',
    'objection.not_decided': '异议 {ref} 尚未作出决定：申诉针对的是决定。',
    'objection.appeal_not_party': '只有异议提出人或决定所涉成员可以对异议 {ref} 提出申诉。',
    'objection.appealed_already': '对异议 {ref} 的决定已有申诉；申诉委员会只审理一次申诉，其决定为终局决定。',
    'objection.appeal_closed': '对异议 {ref} 的决定可在{closed}前申诉，该期限已过。',
    'objection.appeal_filed_notice':
      '第 {number} 号选举对异议 {ref} 的决定已被申诉，将由申诉委员会作出决定。',
    'objection.appeal_title': '第 {number} 号选举：关于异议 {ref} 的申诉',
    'objection.appeal_dm': '作为申诉委员会成员，请你对第 {number} 号选举异议 {ref} 的申诉作出决定。',
    'objection.appeal_hint':
      '作出决定：/election objection appeal decide {number} {ref} upheld|dismissed "理由" [effect=…]。该决定为终局决定。',
    'objection.panel_missing':
      '第 {number} 号选举对异议 {ref} 的决定已被申诉，但申诉委员会中没有可以审理的成员。请设置申诉委员会：/election org appeal-panel @成员 …',
    'objection.appeal_filed':
      '你对第 {number} 号选举异议 {ref} 的申诉已登记；将由申诉委员会作出决定，届时将私下通知你。',
    'objection.appeal_waits_panel': '本组织尚无可以审理的申诉委员会；已请组织者设置。',
    'objection.no_appeal': '对异议 {ref} 的决定没有申诉。',
    'objection.appeal_decided_already': '对异议 {ref} 的申诉已作出决定，为终局决定。',
    'objection.not_panel': '只有本组织的申诉委员会可以对异议 {ref} 的申诉作出决定。',
    'objection.appeal_decided_upheld': '对异议 {ref} 的申诉成立：原决定被推翻。',
    'objection.appeal_decided_dismissed': '对异议 {ref} 的申诉被驳回：维持原决定。',
    'objection.undo_rerun': '被宣布无效的一轮已重新进行：重新进行的一轮有效，原来的一轮不予恢复。',
    'objection.undo_voting': '此后投票已经开始：该候选人不能再列回选票。',
    'objection.undo_roll': '投票开始后选民名单已冻结：其更正维持不变。',
    'objection.undone': '已撤销：{effect}',
    'objection.appeal_final': '申诉委员会的决定为终局决定。',
    'objection.appeal_decided': '对异议 {ref} 的申诉{outcome}；已通知频道及各方。',
    'objection.panel_current': '申诉委员会：{members}。决定作出后 {days} 天内可以申诉。',
    'objection.panel_set': '申诉委员会现为 {members}；决定作出后 {days} 天内可以申诉。',
    'objection.panel_empty': '尚无成员',
    'objection.certify_open':
      '异议 {ref} 尚未处理完毕（应于{due}前作出决定）：作出决定前不能确认结果（C15）。',
    'objection.certify_appeal_open': '对异议 {ref} 的申诉尚未决定：申诉委员会作出决定前不能确认结果。',
    'objection.certify_appeal_window': '对异议 {ref} 的决定可在{until}前申诉：该期限过后方可确认结果。',
    'objection.certify_heading': '异议（{count} 项）：',
    'objection.certify_line': '{ref}（涉及{about}）：{status}；最终：{final}。',
    'ruling.objection_void': '因异议 {ref} 成立而无效：该轮在其候选人中重新进行。',
  },
} satisfies Catalog;
