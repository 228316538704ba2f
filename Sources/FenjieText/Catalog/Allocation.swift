/// The allocation's own sentences (分解): diagnostics of `Allocator`, the infeasibility explanations
/// and repairs (修复建议), the missing-history baselines (基数) and the 分解表's notes and
/// explanation. Terminal text uses no East Asian Ambiguous character (σ, ·, –, ✗, “”): they take two
/// columns in a CJK terminal.
extension Say {
  public enum Allocation {
    // MARK: Sentences joined

    /// Clauses of one explanation: "甲；乙" / "a; b".
    public static func clauses(_ items: [Message]) -> Message {
      Message(zh: items.map(\.chinese).joined(separator: "；"), en: items.map(\.english).joined(separator: "; "))
    }

    /// Sentences of one note: "甲。乙" / "a. b".
    public static func sentences(_ items: [Message]) -> Message {
      Message(zh: items.map(\.chinese).joined(separator: "。"), en: items.map(\.english).joined(separator: ". "))
    }

    // MARK: Rules

    /// The rule as the 分解表's subtitle names it (`balanced`, `proportional`, `equal`, `closest`).
    public static func ruleName(_ rule: String) -> Message {
      switch rule {
      case "balanced": return Message(zh: "均衡分解（各街道余量使用比例相同）", en: "balanced")
      case "proportional": return Message(zh: "按基数同比例", en: "proportional")
      case "equal": return Message(zh: "平均分配", en: "equal")
      case "closest": return Message(zh: "贴近上年分解表", en: "closest")
      default: return Message(zh: rule, en: rule)
      }
    }

    /// The rule as a short word (HTML header, comparison): "均衡分解" / "balanced".
    public static func ruleShort(_ rule: String) -> Message {
      switch rule {
      case "balanced": return Message(zh: "均衡分解", en: "balanced")
      case "proportional": return Message(zh: "按基数同比例", en: "proportional")
      case "equal": return Message(zh: "平均分配", en: "equal")
      case "closest": return Message(zh: "贴近上年分解表", en: "closest")
      default: return Message(zh: rule, en: rule)
      }
    }

    // MARK: Allocator diagnostics

    public static func yearOutsidePlan(_ year: Int, _ years: [Int]) -> Message {
      Message(
        zh: "\(year)年不在规划期内（\(years.map(String.init).joined(separator: "、"))）",
        en: "year \(year) is outside the plan (\(years.map(String.init).joined(separator: ", ")))")
    }

    public static func noPublishedTable(_ previous: Int) -> Message {
      Message(
        zh: "\(previous)年没有印发的分解表：基数取自 fenjie 按同一情景（不含锁定）对\(previous)年的分解",
        en: "\(previous) has no published 分解表: baselines come from fenjie's own allocation of \(previous) (same scenario, without its locks)")
    }

    public static func noDistrictTarget(_ year: Int) -> Message {
      Message(zh: "没有\(year)年的区目标", en: "no district target for \(year)")
    }

    public static func shareNeedsOutput(_ name: String, _ year: Int, _ published: String) -> Message {
      Message(
        zh: "\(name)是占比指标：情景须给出\(year)年全区规上工业总产值（[industrial_output] \(year) = ...），才能把 \(published)% 换算为数额",
        en: "\(name) is a share: the scenario must give the district's 规上工业总产值 for \(year) ([industrial_output] \(year) = ...) to turn \(published)% into an amount")
    }

    public static func parentNotApplicable(_ areas: [String]) -> Message {
      Message(
        zh: "\(areas.joined(separator: "、"))在上级指标为\"/\"，本指标在该处也为\"/\"",
        en: "\(areas.joined(separator: "、")) has \"/\" on the parent line, so this line is \"/\" there too")
    }

    public static func solverStopped(_ termination: String) -> Message {
      Message(
        zh: "求解器未能证明本指标为最优即停止（\(termination)）：表中为找到的最好结果",
        en: "the solver stopped (\(termination)) before proving this line optimal: the table shown is the best found")
    }

    public static func lockIgnored(_ area: String) -> Message {
      Message(
        zh: "\(area)的锁定未采用：该街道本指标为\"/\"（可在情景中开放）",
        en: "the lock on \(area) is ignored: the area has \"/\" on this line (open it in the scenario)")
    }

    public static func lockRounded(_ area: String, _ value: String, _ rounded: String) -> Message {
      Message(zh: "\(area)的锁定值 \(value) 取整为 \(rounded)", en: "the lock on \(area) (\(value)) is rounded to \(rounded)")
    }

    public static func lockAboveCap(_ area: String, _ value: String, _ cap: String) -> Message {
      Message(
        zh: "\(area)的锁定值 \(value) 高于其上限 \(cap)（上限由历史数据和承载能力规则得出）",
        en: "the lock on \(area) (\(value)) is above its cap (\(cap), from its history and the capacity rule)")
    }

    public static func lockBelowFloor(_ area: String, _ value: String, _ floor: String) -> Message {
      Message(zh: "\(area)的锁定值 \(value) 低于其下限 \(floor)", en: "the lock on \(area) (\(value)) is below its floor (\(floor))")
    }

    /// "allocated X, above the district target T: reasons".
    public static func aboveTarget(_ total: String, _ target: String, _ reasons: Message) -> Message {
      Message(
        zh: "分解合计 \(total)，高于区目标 \(target)：\(reasons.chinese)",
        en: "allocated \(total), above the district target \(target): \(reasons.english)")
    }

    public static func reasonMargin(_ margin: String, _ required: String) -> Message {
      Message(zh: "加上 +\(margin)% 的余量需分解 \(required)", en: "its margin of +\(margin)% asks for \(required)")
    }

    public static func reasonFloors(_ lower: String) -> Message {
      Message(
        zh: "各街道下限（允许下降幅度、每街道最低值）与锁定值加起来已达 \(lower)",
        en: "its floors (allowed decline, minimum per street) and locks alone add up to \(lower)")
    }

    public static let reasonChildren = Message(
      zh: "其下的\"其中\"指标需要在各街道留出空间（\"其中\"指标不超过上级指标）",
      en: "its 其中 lines need room in the streets (a 其中 line never exceeds its parent)")

    public static let reasonWholeUnits = Message(
      zh: "下限、锁定与取整后不能再少", en: "its floors, locks and whole units allow no less")

    // MARK: Repairs (修复建议)

    public static func raiseCap(_ area: String, _ from: String, _ to: String, _ signed: String) -> Message {
      Message(zh: "\(area)上限由 \(from) 提高到 \(to)（\(signed)）", en: "raise \(area)'s cap from \(from) to \(to) (\(signed))")
    }

    public static func lowerFloor(_ area: String, _ from: String, _ to: String, _ signed: String) -> Message {
      Message(zh: "\(area)下限由 \(from) 降低到 \(to)（\(signed)）", en: "lower \(area)'s floor from \(from) to \(to) (\(signed))")
    }

    public static func changeLock(_ area: String, _ from: String, _ to: String, _ signed: String) -> Message {
      Message(zh: "\(area)锁定值由 \(from) 改为 \(to)（\(signed)）", en: "change \(area)'s lock from \(from) to \(to) (\(signed))")
    }

    public static func exceedParent(_ area: String, _ by: String) -> Message {
      Message(zh: "允许\(area)超出上级指标 \(by)", en: "let \(area) exceed its parent line by \(by)")
    }

    public static func breakEqualGroup(_ group: String) -> Message {
      Message(zh: "取消同值组 \(group)", en: "drop the equal-value group \(group)")
    }

    public static func openArea(_ area: String, _ upTo: String) -> Message {
      Message(zh: "在\(area)开放本指标（目前为\"/\"），最多 \(upTo)", en: "open \(area) on this line (\"/\" today) with up to \(upTo)")
    }

    public static func andMore(_ n: Int) -> Message { Message(zh: "另有 \(n) 项", en: "and \(n) more") }

    public static func couldNotAllocate(_ reason: String) -> Message {
      Message(zh: "无法分解：\(reason)", en: "could not be allocated: \(reason)")
    }

    public static let contradictory = Message(
      zh: "无法分解：下限、锁定、同值组与上级指标相互矛盾，提高所有街道上限或在时限内找到的调整都无法化解",
      en: "could not be allocated: its floors, locks, equal groups and parent line contradict each other, and neither raising every area's cap nor a set of changes found within the time limit reconciles them")

    public static func shortBy(_ required: String, _ largest: String, _ short: String) -> Message {
      Message(
        zh: "需分解 \(required)，在现有上限、下限、锁定和上级指标下最多只能分解 \(largest)（差 \(short)）",
        en: "\(required) required, at most \(largest) possible under its caps, floors, locks and parent line (short by \(short))")
    }

    public static func childrenNoRoom(plural: Bool) -> Message {
      Message(
        zh: "本指标的上限给其下\"其中\"指标在各街道留的空间不够（\"其中\"指标不超过上级指标）",
        en: "its caps leave its 其中 line\(plural ? "s" : "") too little room in the streets (a 其中 line never exceeds its parent)")
    }

    public static let parentTooTight = Message(
      zh: "本指标与上级指标的上限合起来太紧，两个目标无法同时满足",
      en: "its caps are too tight together with its parent line's for the two targets")

    public static let contradict = Message(
      zh: "本指标的上限、下限、锁定与同值组相互矛盾", en: "its caps, floors, locks and groups contradict each other")

    public static let parentRepairMakesRoom = Message(
      zh: "上级指标的修复建议（已代入表中并核验）同时为本指标留出了空间",
      en: "the repair of its parent line, applied in the table (checked), makes room for it")

    public static func moreGrowth(_ id: String, _ growth: String, _ now: String) -> Message {
      Message(
        zh: "或允许各街道本指标有更大增幅：[capacity.by_indicator.\(id)] max_growth = \(growth)（现为 \(now)）",
        en: "or allow every street more growth on this line: [capacity.by_indicator.\(id)] max_growth = \(growth) (now \(now))")
    }

    public static func alternative(_ listed: String) -> Message {
      Message(zh: "调整更少的另一方案（已核验）：\(listed)", en: "alternative with fewer changes (checked): \(listed)")
    }

    public static func smallestChanges(_ count: Int, _ listed: String) -> Message {
      Message(
        zh: "使其可行的最小调整，已代入表中（已核验）：" + listed,
        en: "smallest change\(count > 1 ? "s" : "") that make\(count > 1 ? "" : "s") it feasible, applied in the table (checked): " + listed)
    }

    public static func spreadRepair(_ share: String, _ listed: String) -> Message {
      Message(
        zh: "修复建议已代入表中（已核验）：各街道同样多增长，上限各提高本街道余量的 \(share)%：" + listed,
        en: "repair applied in the table (checked): the same extra growth for every street, caps raised by \(share)% of each street's headroom: " + listed)
    }

    /// The provenance of fenjie's own draft of a year.
    public static func ownAllocation(_ year: Int) -> Message {
      Message(zh: "fenjie 对\(year)年的分解", en: "fenjie's allocation of \(year)")
    }

    // MARK: Baselines (基数)

    public static func explicitBaselines(_ names: [String]) -> Message {
      Message(
        zh: "\(names.joined(separator: "、"))的基数为情景中明确给出的数值（[baselines]）",
        en: "baselines of \(names.joined(separator: "、")) are the scenario's explicit ones ([baselines])")
    }

    public static let scaledToHistory = Message(
      zh: "按本指标有历史数据的街道折算", en: "scaled to the areas with history on this line")
    public static let splittingTarget = Message(zh: "按区目标拆分", en: "splitting the district target")
    public static let noAreaHistory = Message(zh: "各街道均无历史数据", en: "no area has history")

    public static func noHistory(_ names: [String]) -> Message {
      Message(
        zh: "\(names.joined(separator: "、"))没有历史数据",
        en: "\(names.joined(separator: "、")) \(names.count > 1 ? "have" : "has") no history")
    }

    public static func assumedBaselines(_ who: Message, _ basis: Message, _ scale: Message, _ indicator: String) -> Message {
      Message(
        zh: "本指标\(who.chinese)：基数按\(basis.chinese)推定，\(scale.chinese)（可在情景中给出 [weights] 或 [baselines.\(indicator)] 改变）",
        en: "\(who.english) on this line: baselines assumed from \(basis.english), \(scale.english) (give [weights] or [baselines.\(indicator)] in the scenario to change it)")
    }

    public static let weightsBasis = Message(zh: "情景中的规模权重（[weights]）", en: "the scenario's size weights ([weights])")
    public static let meanShareBasis = Message(zh: "各街道在其他指标上的平均占比", en: "each area's mean share of the lines it has")
    public static let equalShareBasis = Message(
      zh: "均等份额（无权重，其他指标也无历史数据）", en: "equal shares (no weights and no history on other lines)")

    /// Where a line's baselines come from when no table has it.
    public static let noHistoryAtAll = Message(zh: "无历史数据", en: "no history")

    /// "2024 分解表 (source)" / "2024 完成数 (source)".
    public static func historyTable(_ year: Int, actual: Bool, _ label: String) -> Message {
      let kind = actual ? "完成数" : "分解表"
      return Message(zh: "\(year)年\(kind)（\(label)）", en: "\(year) \(kind) (\(label))")
    }

    // MARK: The 分解表 (terminal, markdown, CSV)

    /// The subtitle's rule: "分解规则：均衡分解（…）" / "rule: balanced".
    public static func ruleLine(_ rule: String) -> Message {
      Message(zh: "分解规则：\(ruleName(rule).chinese)", en: "rule: \(rule)")
    }

    public static func marginsFor(_ level: String) -> Message {
      Message(zh: "按 \(level) 置信度设定余量", en: "margins for \(level) confidence")
    }

    /// Parts of a subtitle: "甲；乙" / "a | b" (no "·": it is ambiguous-width).
    public static func subtitle(_ parts: [String]) -> Message {
      Message(zh: parts.joined(separator: "；"), en: parts.joined(separator: " | "))
    }

    /// The binding constraint of a street's target.
    public static func binding(_ raw: String) -> Message {
      switch raw {
      case "cap": return Message(zh: "上限", en: "cap")
      case "floor": return Message(zh: "下限", en: "floor")
      case "lock": return Message(zh: "锁定", en: "lock")
      case "parent": return Message(zh: "不超过上级", en: "parent")
      case "equal_group": return Message(zh: "同组相等", en: "equal group")
      case "rule": return Message(zh: "分解规则", en: "rule")
      default: return Message(zh: raw, en: raw)
      }
    }

    public static func required(_ required: String) -> Message {
      Message(zh: "需分解 \(required)", en: "required \(required)")
    }

    public static func requiredWithMargin(_ required: String, _ district: String, _ margin: String) -> Message {
      Message(
        zh: "需分解 \(required)（区目标 \(district) 加 \(margin) 余量）",
        en: "required \(required) (district \(district) + \(margin) margin)")
    }

    public static func commonShare(_ share: String) -> Message {
      Message(zh: "各街道余量使用比例均为 \(share)", en: "common share of headroom \(share)")
    }

    public static func commonMultiple(_ multiple: String) -> Message {
      Message(zh: "各街道目标均为基数的 \(multiple) 倍", en: "common multiple \(multiple)")
    }

    public static func commonValue(_ value: String) -> Message {
      Message(zh: "各街道目标相同，均为 \(value)", en: "common value \(value)")
    }

    /// The balanced rule's dual: percentage points of headroom per extra unit.
    public static func balancedCost(whole: Bool, _ points: String) -> Message {
      Message(
        zh: "区目标每多\(whole ? " 1 个单位" : " 0.01")，每个街道的余量使用比例多 \(points) 个百分点（边际代价，即合计行的对偶值）",
        en: "each extra \(whole ? "unit" : "0.01") of district target uses \(points) more percentage points of every street's headroom (dual of the total row)")
    }

    public static func marginalCost(whole: Bool, _ cost: String) -> Message {
      Message(
        zh: "区目标每多\(whole ? " 1 个单位" : " 0.01")的边际代价：\(cost)（合计行的对偶值）",
        en: "marginal cost of one more \(whole ? "unit" : "0.01"): \(cost) (dual of the total row)")
    }

    public static func baselines(_ source: String) -> Message {
      Message(zh: "基数来源：\(source)", en: "baselines: \(source)")
    }

    // MARK: Notes under the 分解表

    public static let illustrativeNote = Message(
      zh: "示例数据：本表使用了没有任何文件印发的示例数字，不得作为正式数据印发。",
      en: "示例数据: this table uses illustrative figures that no document publishes; do not circulate it as official.")

    /// The mark of a line that cannot be met as set, in a terminal cell ("x": ✗ is ambiguous-width).
    public static let infeasibleMark = "x"

    public static func infeasibleNote(_ name: String) -> Message {
      Message(zh: "x \(name)：按现有设定不可行（见下）", en: "x \(name): infeasible as set (see below)")
    }

    public static func notOptimalNote(_ name: String) -> Message {
      Message(zh: "~ \(name)：未证明最优（达到求解时限）", en: "~ \(name): not proven optimal (time limit)")
    }

    /// "错误"/"error", "警告"/"warning", "说明"/"note".
    public static func severity(_ raw: String) -> Message {
      switch raw {
      case "error": return Message(zh: "错误", en: "error")
      case "warning": return Message(zh: "警告", en: "warning")
      default: return Message(zh: "说明", en: "note")
      }
    }

    /// "警告：名称：消息" / "warning: name: message".
    public static func diagnostic(_ severity: String, _ name: String?, _ message: String) -> Message {
      let s = Allocation.severity(severity)
      return Message(
        zh: "\(s.chinese)：" + (name.map { "\($0)：" } ?? "") + message,
        en: "\(s.english): " + (name.map { "\($0): " } ?? "") + message)
    }

    public static func shareNote(_ name: String, _ published: String, _ areaName: String, _ areaUnit: String, _ amount: String) -> Message {
      Message(
        zh: "\(name) \(published)% 按\(areaName)（\(areaUnit)）分解：\(amount) = 占比 x 情景假设的规上工业总产值",
        en: "\(name) \(published)% is allocated as \(areaName) (\(areaUnit)): \(amount) = share x the 规上工业总产值 the scenario assumes")
    }

    public static func sources(_ list: [String]) -> Message {
      Message(zh: "资料来源：" + list.joined(separator: "；"), en: "Sources: " + list.joined(separator: "; "))
    }

    /// The first words of the sources note, to find it among the notes.
    public static let sourcesPrefix = Message(zh: "资料来源：", en: "Sources: ")

    // MARK: Confidence margins (置信度余量)

    public static let marginHeader = Message(zh: "余量", en: "margin")
    public static let notReached = Message(zh: "（余量加到 +300% 仍未达到该置信度）", en: " (level not reached at +300%)")
    public static let notReachedRemark = Message(zh: "余量加到 +300% 仍未达到该置信度", en: "level not reached at +300%")
    public static let alreadySafe = Message(zh: "0.0%（无需余量）", en: "0.0% (already safe)")
    public static let alreadySafeRemark = Message(zh: "不加余量已达到该置信度", en: "already safe with no margin")

    public static func confidenceNote(_ level: String, _ method: String, runs: Int, seed: String, checkRuns: Int, checkSeed: String) -> Message {
      Message(
        zh: "按 \(level) 置信度设定的余量：\(method)（每步模拟 \(runs) 次，随机种子 \(seed)；核验：模拟 \(checkRuns) 次，随机种子 \(checkSeed)）。",
        en: "Margins for \(level) confidence: \(method) (\(runs) runs per step, seed \(seed); check: \(checkRuns) runs, seed \(checkSeed)).")
    }

    // MARK: Workbook (分解表 sheet)

    public static let lockedCellsNote = Message(
      zh: "黄色单元格：锁定的数值（保留的修改或情景中的 [[lock]]），重新分解时保持不变。",
      en: "Yellow cells: locked values (kept edits or the scenario's [[lock]]), unchanged when the table is re-balanced.")

    public static let illustrativeSubtitle = Message(zh: "示例数据：不得作为正式数据印发", en: "示例数据: not for circulation as official figures")

    public static func explanationTitle(_ title: String) -> Message {
      Message(zh: "\(title) · 分解说明", en: "\(title) · 分解说明 (explanation)")
    }

    public static func marginsTitle(_ title: String, _ level: String) -> Message {
      Message(zh: "\(title) · 按 \(level) 置信度设定的余量", en: "\(title) · margins for \(level) confidence")
    }
  }
}
