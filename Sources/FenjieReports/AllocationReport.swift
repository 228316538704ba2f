import FenjieCore
import FenjiePlanning
import LinearProgramming

/// Output formats a command can write.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table, csv, markdown, json, xlsx
}

/// A year's 分解表 as planners know it (indicators as rows grouped by action, areas as columns,
/// then 合计 and 区目标; "/" where not applicable), with the explanation and diagnostics.
public struct AllocationReport: Sendable, TextReport {
  public var result: AllocationResult
  public var explain: Bool
  /// The scenario's purpose line, shown as a subtitle.
  public var purpose: String?
  /// Margins chosen for a confidence level (`--confidence`), with their checked odds.
  public var confidence: ConfidenceMargins?
  /// Display columns of the terminal table: wider tables are split into panels of areas (each with
  /// 指标 and 单位; 合计 and 区目标 in the last) and longer lines of prose are wrapped; `nil`
  /// (`--wide`) prints one block as wide as it is.
  public var width: Int? = standardTerminalWidth

  public init(_ result: AllocationResult, explain: Bool = false, purpose: String? = nil) {
    self.result = result
    self.explain = explain
    self.purpose = purpose
  }

  var title: String {
    "\(result.region) \(result.year)年度目标任务分解表" + (result.usesIllustrativeData ? "（含示例数据）" : "")
  }

  var subtitle: String {
    var parts = ["rule: \(result.rule.rawValue)"]
    if let confidence { parts.append("margins for \(percent(confidence.level).dropFirst()) confidence") }
    if let purpose { parts.insert(purpose, at: 0) }
    return parts.joined(separator: " · ")
  }

  // MARK: The table

  public func table() -> TextTable {
    var table = TextTable(
      header: ["指标", "单位"] + result.areas + ["合计", "区目标"],
      alignments: [.left, .left] + Array(repeating: .right, count: result.areas.count + 2))
    table.repeatedColumns = 2
    table.closingColumns = 2
    var action: String? = nil
    for line in result.indicators {
      if line.indicator.action != action {
        action = line.indicator.action
        if let action, !action.isEmpty { table.addGroup(action) }
      }
      let mark = line.status == .infeasible ? " ✗" : line.status == .feasible ? " ~" : ""
      var row = [line.indicator.areaName + mark, line.indicator.areaUnit]
      for area in result.areas {
        row.append(line.areas[area]?.value.map { value(line.indicator, $0) } ?? "/")
      }
      row.append(line.status == .notSplit ? "" : line.allocatedTotal.map { value(line.indicator, $0) } ?? "")
      row.append(line.districtTarget.map { value(line.indicator, $0) } ?? "")
      table.add(row)
    }
    return table
  }

  /// Counts whole, rates as published, everything else to two decimals.
  func value(_ indicator: Indicator, _ v: Double) -> String {
    switch indicator.kind {
    case .count, .stock: return String(Int(v.rounded()))
    case .rate: return JSONValue.format(v)
    default: return format2(v)
    }
  }

  // MARK: The explanation

  public func explanation(_ line: IndicatorAllocation) -> TextTable {
    var table = TextTable(
      header: ["街道", "基数", "下限", "上限", "目标", "增长", "余量使用", "约束"],
      alignments: [.left, .right, .right, .right, .right, .right, .right, .left])
    table.repeatedColumns = 1
    for area in result.areas {
      guard let cell = line.areas[area], let target = cell.value else {
        table.add([area, "", "", "", "/", "", "", ""])
        continue
      }
      let v = { (x: Double?) in x.map { value(line.indicator, $0) } ?? "" }
      table.add([
        area, v(cell.baseline), v(cell.floor), v(cell.cap), value(line.indicator, target) + (cell.locked ? " 🔒" : ""),
        percent(cell.growth), percent(cell.headroomUsed), cell.binding.map(label) ?? "",
      ])
    }
    return table
  }

  func label(_ binding: BindingConstraint) -> String {
    switch binding {
    case .cap: return "上限 cap"
    case .floor: return "下限 floor"
    case .lock: return "锁定 lock"
    case .parent: return "其中≤上级 parent"
    case .equalGroup: return "同组相等 equal group"
    case .rule: return "规则 rule"
    }
  }

  func percent(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "" }
    let tenths = Int((x * 1000).rounded())
    let sign = tenths < 0 ? "-" : (tenths > 0 ? "+" : "")
    return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)%"
  }

  func explainLine(_ line: IndicatorAllocation) -> String {
    var parts: [String] = []
    if let required = line.requiredTotal, let target = line.districtTarget {
      let margin = line.margin == 0 ? "" : " (district \(value(line.indicator, target)) + \(percent(line.margin).dropFirst()) margin)"
      parts.append("required \(value(line.indicator, required))\(margin)")
    }
    if let level = line.ruleLevel {
      switch result.rule {
      case .balanced: parts.append("common share of headroom \(percent(level).replacingOccurrences(of: "+", with: ""))")
      case .proportional, .closest: parts.append("common multiple \(JSONValue.format((level * 1000).rounded() / 1000))")
      case .equal: parts.append("common value \(value(line.indicator, level * line.indicator.kind.resolution))")
      }
    }
    if let cost = line.marginalCost {
      let per = line.indicator.kind.isWhole ? "unit" : "0.01"
      let scaled = line.indicator.kind.isWhole ? cost : cost * 0.01
      switch result.rule {
      case .balanced:
        parts.append("each extra \(per) of district target uses \(JSONValue.format((scaled * 100_000).rounded() / 1000)) more percentage points of every street's headroom (dual of the total row)")
      default:
        parts.append("marginal cost of one more \(per): \(JSONValue.format((scaled * 1_000_000).rounded() / 1_000_000)) (dual of the total row)")
      }
    }
    parts.append("baselines: \(line.baselineSource)")
    return parts.joined(separator: "; ")
  }

  // MARK: Formats

  /// The margins found for `--confidence`, with the odds an independent simulation gives them.
  public func confidenceTable() -> TextTable? {
    guard let confidence else { return nil }
    var table = TextTable(
      header: ["指标", "margin", "P(合计 ≥ 区目标)", "95% 区间"], alignments: [.left, .right, .right, .right])
    table.repeatedColumns = 1
    for line in confidence.lines {
      table.add([
        line.name + (line.reached ? "" : " (level not reached at +300%)"),
        line.alreadySafe ? "0.0% (already safe)" : percent(line.margin),
        percent(line.probability).replacingOccurrences(of: "+", with: ""),
        "\(percent(line.interval.lower).dropFirst())–\(percent(line.interval.upper).dropFirst())",
      ])
    }
    return table
  }

  var confidenceNote: String {
    guard let confidence else { return "" }
    return "Margins for \(percent(confidence.level).dropFirst()) confidence: \(ConfidenceMargins.method) (\(confidence.runs) runs per step, seed \(confidence.seed); check: \(confidence.checkRuns) runs, seed \(confidence.checkSeed))."
  }

  public func terminal() -> String {
    let wrap = { (text: String) in wrappingLines(text, width: width) }
    var out = wrap("\(title)\n\(subtitle)\n\n") + table().terminal(width: width)
    out += wrap(footer(markdown: false))
    if let margins = confidenceTable() { out += wrap("\n" + confidenceNote + "\n") + margins.terminal(width: width) }
    if explain {
      for line in result.indicators where line.status != .notSplit && line.requiredTotal != nil {
        out += wrap("\n\(line.indicator.areaName)（\(line.indicator.areaUnit)）: \(explainLine(line))\n")
        out += explanation(line).terminal(width: width)
      }
    }
    return out
  }

  public func markdown() -> String {
    var out = "## \(title)\n\n\(subtitle)\n\n" + table().markdown()
    out += footer(markdown: true)
    if let margins = confidenceTable() { out += "\n" + confidenceNote + "\n\n" + margins.markdown() }
    if explain {
      for line in result.indicators where line.status != .notSplit && line.requiredTotal != nil {
        out += "\n### \(line.indicator.areaName)（\(line.indicator.areaUnit)）\n\n\(explainLine(line))\n\n"
        out += explanation(line).markdown()
      }
    }
    return out
  }

  public func csv() -> String {
    var table = table()
    // CSV keeps the action as a column (the merged cell of 附件2) rather than group rows.
    var flat = TextTable(header: ["行动名称"] + table.header, alignments: [.left] + table.alignments)
    var action = ""
    for (r, row) in table.rows.enumerated() {
      if table.groupRows.contains(r) {
        action = row[0]
        continue
      }
      flat.add([action] + row)
    }
    table = flat
    var text = table.csv()
    if explain {
      text += "\r\n"
      var details = TextTable(
        header: ["指标", "街道", "基数", "下限", "上限", "目标", "增长", "余量使用", "约束"],
        alignments: Array(repeating: .left, count: 9))
      for line in result.indicators where line.status != .notSplit && line.requiredTotal != nil {
        for row in explanation(line).rows { details.add([line.indicator.areaName] + row) }
      }
      text += String(details.csv().dropFirst())
    }
    return text
  }

  func footer(markdown: Bool) -> String {
    var notes: [String] = []
    if result.usesIllustrativeData {
      notes.append("示例数据: this table uses illustrative figures that no document publishes; do not circulate it as official.")
    }
    for line in result.indicators where line.status == .infeasible {
      notes.append("✗ \(line.indicator.areaName): infeasible as set (see below)")
    }
    for line in result.indicators where line.status == .feasible {
      notes.append("~ \(line.indicator.areaName): not proven optimal (time limit)")
    }
    for diagnostic in result.diagnostics {
      let prefix = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "note"
      let name = diagnostic.indicator.flatMap { id in result.indicators.first { $0.indicator.id == id }?.indicator.areaName }
      notes.append("\(prefix): " + (name.map { "\($0): " } ?? "") + diagnostic.message)
    }
    for line in result.indicators where line.indicator.kind == .share && line.districtTarget != nil {
      notes.append(
        "\(line.indicator.name) \(JSONValue.format(line.publishedTarget ?? 0))% is allocated as \(line.indicator.areaName) (\(line.indicator.areaUnit)): \(format2(line.districtTarget!)) = share × the 规上工业总产值 the scenario assumes")
    }
    notes.append("Sources: " + result.sources.joined(separator: "; "))
    let bullet = markdown ? "- " : "  "
    return "\n" + notes.map { bullet + $0 }.joined(separator: "\n") + "\n"
  }

  public func json() -> JSONValue {
    .object([
      ("year", .integer(result.year)),
      ("rule", .string(result.rule.rawValue)),
      ("region", .string(result.region)),
      ("illustrative", .bool(result.usesIllustrativeData)),
      ("sources", .array(result.sources.map { .string($0) })),
      ("feasible", .bool(result.allFeasible)),
      ("areas", .array(result.areas.map { .string($0) })),
      ("indicators", .array(result.indicators.map(lineJSON))),
      ("confidence", confidence.map { c in
        .object([
          ("level", .number(c.level)), ("method", .string(ConfidenceMargins.method)), ("runs", .integer(c.runs)),
          ("seed", .integer(Int(truncatingIfNeeded: c.seed))), ("check_runs", .integer(c.checkRuns)),
          ("check_seed", .integer(Int(truncatingIfNeeded: c.checkSeed))),
          ("lines", .array(c.lines.map { l in
            .object([
              ("indicator", .string(l.indicator)), ("margin", .number(l.margin)), ("p_hit", .number(l.probability)),
              ("ci95", .array([.number(l.interval.lower), .number(l.interval.upper)])), ("reached", .bool(l.reached)),
            ])
          })),
        ])
      } ?? .null),
      ("diagnostics", .array(result.diagnostics.map { d in
        .object([("indicator", .str(d.indicator)), ("severity", .string(d.severity.rawValue)), ("message", .string(d.message))])
      })),
    ])
  }

  func lineJSON(_ line: IndicatorAllocation) -> JSONValue {
    var areas: [(String, JSONValue)] = []
    for area in result.areas {
      guard let cell = line.areas[area], let value = cell.value else {
        areas.append((area, .object([("value", .null)])))
        continue
      }
      var fields: [(String, JSONValue)] = [("value", .number(value))]
      if line.status != .notSplit {
        fields += [
          ("baseline", .num(cell.baseline)), ("floor", .num(cell.floor)), ("cap", .num(cell.cap)),
          ("locked", .bool(cell.locked)), ("continuous", .num(cell.continuous.map { ($0 * 1e6).rounded() / 1e6 })),
          ("growth", .num(cell.growth.map { ($0 * 1e6).rounded() / 1e6 })),
          ("headroom_used", .num(cell.headroomUsed.map { ($0 * 1e6).rounded() / 1e6 })),
          ("binding", .str(cell.binding?.rawValue)),
        ]
      }
      areas.append((area, .object(fields)))
    }
    return .object([
      ("id", .string(line.indicator.id)),
      ("name", .string(line.indicator.name)),
      ("unit", .string(line.indicator.unit)),
      ("kind", .string(line.indicator.kind.rawValue)),
      ("action", .string(line.indicator.action)),
      ("parent", .str(line.indicator.parent)),
      ("area_name", .string(line.indicator.areaName)),
      ("area_unit", .string(line.indicator.areaUnit)),
      ("published_target", .num(line.publishedTarget)),
      ("district_target", .num(line.districtTarget)),
      ("margin", .number(line.margin)),
      ("required_total", .num(line.requiredTotal)),
      ("allocated_total", .num(line.allocatedTotal)),
      ("status", .string(line.status.rawValue)),
      ("rule_level", .num(line.ruleLevel.map { ($0 * 1e9).rounded() / 1e9 })),
      ("marginal_cost", .num(line.marginalCost.map { ($0 * 1e9).rounded() / 1e9 })),
      ("baseline_source", .string(line.baselineSource)),
      ("largest_feasible_total", .num(line.largestFeasibleTotal)),
      ("needed_max_growth", .num(line.neededMaxGrowth)),
      ("changes", .array(line.changes.map { c in
        .object([("kind", .string(c.kind.rawValue)), ("area", .str(c.area)), ("from", .num(c.from)), ("to", .num(c.to))])
      })),
      ("areas", .object(areas)),
    ])
  }
}
