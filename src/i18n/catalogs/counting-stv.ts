// Explanation lines of Scottish STV and Meek STV, and the BLT reader's error codes.
import type { Catalog } from '../catalog.types.js';

export default {
  en: {
    'counting.stv.rule_scottish':
      'Scottish STV (Scottish Local Government Elections Order 2007, rules 45-52) for {seats} seat(s): Droop quota, transfer values truncated to 5 decimal places, largest surplus first.',
    'counting.stv.rule_scottish_hare':
      'Scottish STV rules for {seats} seat(s) with a Hare quota (valid votes ÷ seats): transfer values truncated to 5 decimal places, largest surplus first.',
    'counting.stv.rule_meek':
      'Meek STV (PR Foundation reference rule) for {seats} seat(s): {places} decimal places, products rounded up, quota recomputed each iteration, iteration until the surplus is below 10^-{omega}.',
    'counting.stv.rule_meek_guarded':
      'Meek STV (Droop generic rule) for {seats} seat(s): {places} decimal places plus {guard} guard digits, products truncated, quota = votes ÷ (seats + 1) to be exceeded, iteration until the surplus is at most 10^-{omega}, sure losers defeated together.',
    'counting.stv.rule_meek_rational':
      'Meek STV (Droop generic rule) for {seats} seat(s) in exact fractions (shown to {places} places, {guard} guard digits): quota = votes ÷ (seats + 1) to be exceeded, iteration until the surplus is at most 10^-{omega}, sure losers defeated together.',
    'counting.stv.rule_warren_guarded':
      'Warren STV for {seats} seat(s): each candidate keeps up to their keep factor of a ballot; {places} decimal places plus {guard} guard digits, quota = votes ÷ (seats + 1) to be exceeded, iteration until the surplus is at most 10^-{omega}.',
    'counting.stv.ballots':
      'Ballots cast: {cast}; valid: {valid} (total weight {total}); blank: {blank}; invalid: {invalid}.',
    'counting.stv.quota': 'Quota: {quota}.',
    'counting.stv.withdrawn':
      '{name} withdrew before the count; preferences for them pass to the next choice.',
    'counting.stv.winners': 'Elected ({count}): {names}.',
    'counting.stv.further_unfilled':
      '{seats} seat(s) left unfilled; candidates still in the running: {names}.',
    'counting.stv.further_revote': 'A re-vote for {seats} seat(s) is needed among: {names}.',
    'counting.stv.further_runoff': 'A run-off is needed between: {names} ({seats} seat(s)).',
    'counting.stv.chart_title': 'Votes per candidate at each stage ({seats} seat(s))',
    'counting.stv.first_stage': 'First preferences counted: {total} valid votes; quota {quota}.',
    'counting.stv.elected': '{name} reaches the quota with {votes} votes and is elected.',
    'counting.stv.elected_remaining':
      '{name} ({votes} votes) is elected to one of the last vacancies, as continuing candidates equal the vacancies.',
    'counting.stv.defeated_remaining': '{name} is not elected: all seats are filled.',
    'counting.stv.surplus_transferred':
      'Surplus of {name} ({surplus}) transferred at a value of {value} per vote.',
    'counting.stv.excluded':
      '{name} has the fewest votes ({votes}) and is excluded; their papers pass to the next continuing choice.',
    'counting.stv.excluded_batch':
      'Excluded together, as their combined votes cannot overtake the next candidate: {names}.',
    'counting.stv.excluded_write_ins':
      'Undeclared write-ins cannot be elected and are excluded first: {names}.',
    'counting.stv.meek_iterated_elected':
      'After {iterations} iteration(s) a candidate reached the quota ({quota}).',
    'counting.stv.meek_iterated_omega':
      'After {iterations} iteration(s) the total surplus ({surplus}) is below the limit; quota {quota}.',
    'counting.stv.meek_iterated_stable':
      'After {iterations} iteration(s) the total surplus ({surplus}) stopped falling; quota {quota}.',
    'counting.stv.meek_defeated':
      '{name} has the fewest votes ({votes}) and is defeated; their keep factor becomes 0.',
    'counting.stv.tie_backwards':
      'Tie between {names}: settled by the most recent earlier stage at which they differed; {chosen} chosen.',
    'counting.stv.tie_forwards':
      'Tie between {names}: settled by the first stage at which they differed; {chosen} chosen.',
    'counting.stv.tie_candidate_order': 'Tie between {names}: settled by candidate order; {chosen} chosen.',
    'counting.stv.tie_order':
      'Tie between {names}: equal at every stage, settled by the predetermined tie order (the lot); {chosen} chosen.',
    'counting.stv.tie_lot':
      'Tie between {names}: equal at every stage, drawn by lot with seed {seed}; {chosen} chosen.',
    'counting.stv.tie_open_organiser':
      'Tie between {names}: the count stops here for the organisers to decide.',
    'counting.stv.tie_open_revote':
      'Tie between {names}: the count stops here; a re-vote among them is needed.',
    'counting.stv.bad_precision': 'The precision must be a whole number of decimal places from 0 to 12.',
    'counting.stv.bad_omega': 'Omega must be a whole number of decimal places, at most the precision.',
    'counting.stv.bad_weight': 'A ballot weight has more decimal places than the count uses.',
    'counting.stv.precision_overflow': 'Too much ballot weight for this precision; use fewer decimal places.',
    'counting.stv.rational_too_large':
      'Exact fractions grew too large to finish this count; use guarded or PR Foundation Meek.',
    'counting.blt.malformed': 'The BLT file is malformed.',
    'counting.blt.unwritable': 'This election cannot be written as a BLT file.',
  },
  'zh-Hans': {
    'counting.stv.rule_scottish':
      '苏格兰单记名可转移投票制（《2007年苏格兰地方政府选举令》第45至52条），应选 {seats} 席：德鲁普商数，转移值截断至小数点后5位，最大盈余优先转移。',
    'counting.stv.rule_scottish_hare':
      '苏格兰单记名可转移投票规则，应选 {seats} 席，采用黑尔商数（有效票数 ÷ 席位数）：转移值截断至小数点后5位，最大盈余优先转移。',
    'counting.stv.rule_meek':
      'Meek 单记名可转移投票制（比例代表基金会参考规则），应选 {seats} 席：{places} 位小数，乘积向上取整，每次迭代重新计算商数，迭代至盈余低于 10^-{omega}。',
    'counting.stv.rule_meek_guarded':
      'Meek 单记名可转移投票制（Droop 通用规则），应选 {seats} 席：{places} 位小数另加 {guard} 位保护位，乘积截断，商数 = 票数 ÷（席位数 + 1）且须超过，迭代至盈余不超过 10^-{omega}，必败者一并淘汰。',
    'counting.stv.rule_meek_rational':
      'Meek 单记名可转移投票制（Droop 通用规则），应选 {seats} 席，以精确分数计算（显示 {places} 位小数，{guard} 位保护位）：商数 = 票数 ÷（席位数 + 1）且须超过，迭代至盈余不超过 10^-{omega}，必败者一并淘汰。',
    'counting.stv.rule_warren_guarded':
      'Warren 单记名可转移投票制，应选 {seats} 席：每位候选人至多保留选票的保留系数部分；{places} 位小数另加 {guard} 位保护位，商数 = 票数 ÷（席位数 + 1）且须超过，迭代至盈余不超过 10^-{omega}。',
    'counting.stv.ballots':
      '投出选票：{cast}；有效：{valid}（总权重 {total}）；空白：{blank}；无效：{invalid}。',
    'counting.stv.quota': '当选商数：{quota}。',
    'counting.stv.withdrawn': '{name} 在计票前退选；选给其的偏好转至下一选择。',
    'counting.stv.winners': '当选（{count}）：{names}。',
    'counting.stv.further_unfilled': '尚有 {seats} 席未填补；仍在竞争的候选人：{names}。',
    'counting.stv.further_revote': '需在以下候选人中就 {seats} 席重新投票：{names}。',
    'counting.stv.further_runoff': '需在以下候选人之间进行决选：{names}（{seats} 席）。',
    'counting.stv.chart_title': '各阶段每位候选人的票数（{seats} 席）',
    'counting.stv.first_stage': '第一偏好计票完成：有效票 {total}；当选商数 {quota}。',
    'counting.stv.elected': '{name} 以 {votes} 票达到商数，当选。',
    'counting.stv.elected_remaining': '{name}（{votes} 票）因仍在竞争的候选人数等于剩余席位数而当选。',
    'counting.stv.defeated_remaining': '{name} 未当选：所有席位均已填满。',
    'counting.stv.surplus_transferred': '{name} 的盈余（{surplus}）以每票 {value} 的转移值转出。',
    'counting.stv.excluded': '{name} 票数最少（{votes}），被淘汰；其选票转至下一位仍在竞争的选择。',
    'counting.stv.excluded_batch': '以下候选人合计票数仍无法超过下一位候选人，一并淘汰：{names}。',
    'counting.stv.excluded_write_ins': '未申报的自填候选人不能当选，首先淘汰：{names}。',
    'counting.stv.meek_iterated_elected': '经过 {iterations} 次迭代，有候选人达到商数（{quota}）。',
    'counting.stv.meek_iterated_omega':
      '经过 {iterations} 次迭代，总盈余（{surplus}）低于限值；商数 {quota}。',
    'counting.stv.meek_iterated_stable':
      '经过 {iterations} 次迭代，总盈余（{surplus}）不再下降；商数 {quota}。',
    'counting.stv.meek_defeated': '{name} 票数最少（{votes}），落选；其保留系数设为 0。',
    'counting.stv.tie_backwards': '{names} 票数相同：按此前最近一个票数不同的阶段决定；选定 {chosen}。',
    'counting.stv.tie_forwards': '{names} 票数相同：按第一个票数不同的阶段决定；选定 {chosen}。',
    'counting.stv.tie_candidate_order': '{names} 票数相同：按候选人顺序决定；选定 {chosen}。',
    'counting.stv.tie_order': '{names} 在各阶段票数均相同：按预先确定的平局顺序（抽签）决定；选定 {chosen}。',
    'counting.stv.tie_lot': '{names} 在各阶段票数均相同：以种子 {seed} 抽签决定；选定 {chosen}。',
    'counting.stv.tie_open_organiser': '{names} 票数相同：计票在此暂停，由组织者决定。',
    'counting.stv.tie_open_revote': '{names} 票数相同：计票在此暂停，需在他们之间重新投票。',
    'counting.stv.bad_precision': '精度必须是 0 至 12 之间的整数位小数。',
    'counting.stv.bad_omega': 'Omega 必须是整数位小数，且不超过精度。',
    'counting.stv.bad_weight': '某张选票的权重小数位数超过了计票所用的精度。',
    'counting.stv.precision_overflow': '在此精度下选票总权重过大；请减少小数位数。',
    'counting.stv.rational_too_large':
      '精确分数增长过大，无法完成本次计票；请改用保护位算术或比例代表基金会 Meek 规则。',
    'counting.blt.malformed': 'BLT 文件格式有误。',
    'counting.blt.unwritable': '此选举无法写成 BLT 文件。',
  },
} satisfies Catalog;
