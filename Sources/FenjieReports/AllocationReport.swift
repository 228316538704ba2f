import FenjieCore
import FenjieText
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

  /// The scenario's purpose (its full stop dropped: the subtitle goes on after it), the rule, the
  /// confidence level.
  var subtitleParts: [String] {
    var parts = [Say.Allocation.ruleLine(result.rule.rawValue).text()]
    if let confidence { parts.append(Say.Allocation.marginsFor(String(percent(confidence.level).dropFirst())).text()) }
    if let purpose {
      parts.insert(purpose.hasSuffix("。") || purpose.hasSuffix(".") ? String(purpose.dropLast()) : purpose, at: 0)
    }
    return parts
  }

  var subtitle: String { Say.Allocation.subtitle(subtitleParts).text() }

  // MARK: The table

  /// The 分解表 as text: a line that cannot be met as set is marked after its name ("x" in the
  /// terminal, where "✗" is ambiguous-width; the HTML passes "✗").
  public func table(infeasibleMark: String = Say.Allocation.infeasibleMark) -> TextTable {
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
      let mark = line.status == .infeasible ? " " + infeasibleMark : line.status == .feasible ? " ~" : ""
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
    Say.Allocation.binding(binding.rawValue).text()
  }

  func percent(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "" }
    let tenths = Int((x * 1000).rounded())
    let sign = tenths < 0 ? "-" : (tenths > 0 ? "+" : "")
    return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)%"
  }

  func explainLine(_ line: IndicatorAllocation) -> String {
    var parts: [Message] = []
    if let required = line.requiredTotal, let target = line.districtTarget {
      parts.append(
        line.margin == 0
          ? Say.Allocation.required(value(line.indicator, required))
          : Say.Allocation.requiredWithMargin(value(line.indicator, required), value(line.indicator, target), String(percent(line.margin).dropFirst())))
    }
    if let level = line.ruleLevel {
      switch result.rule {
      case .balanced: parts.append(Say.Allocation.commonShare(percent(level).replacingOccurrences(of: "+", with: "")))
      case .proportional, .closest: parts.append(Say.Allocation.commonMultiple(JSONValue.format((level * 1000).rounded() / 1000)))
      case .equal: parts.append(Say.Allocation.commonValue(value(line.indicator, level * line.indicator.kind.resolution)))
      }
    }
    if let cost = line.marginalCost {
      let whole = line.indicator.kind.isWhole
      let scaled = whole ? cost : cost * 0.01
      switch result.rule {
      case .balanced:
        parts.append(Say.Allocation.balancedCost(whole: whole, JSONValue.format((scaled * 100_000).rounded() / 1000)))
      default:
        parts.append(Say.Allocation.marginalCost(whole: whole, JSONValue.format((scaled * 1_000_000).rounded() / 1_000_000)))
      }
    }
    parts.append(Say.Allocation.baselines(line.baselineSource))
    return Say.Allocation.clauses(parts).text()
  }

  // MARK: Formats

  /// The margins found for `--confidence`, with the odds an independent simulation gives them.
  public func confidenceTable() -> TextTable? {
    guard let confidence else { return nil }
    var table = TextTable(
      header: ["指标", Say.Allocation.marginHeader.text(), "P(合计>=区目标)", "95% 区间"], alignments: [.left, .right, .right, .right])
    table.repeatedColumns = 1
    for line in confidence.lines {
      table.add([
        line.name + (line.reached ? "" : Say.Allocation.notReached.text()),
        line.alreadySafe ? Say.Allocation.alreadySafe.text() : percent(line.margin),
        percent(line.probability).replacingOccurrences(of: "+", with: ""),
        Say.Report.range(String(percent(line.interval.lower).dropFirst()), String(percent(line.interval.upper).dropFirst())).text(),
      ])
    }
    return table
  }

  var confidenceNote: String {
    guard let confidence else { return "" }
    return Say.Allocation.confidenceNote(
      String(percent(confidence.level).dropFirst()), ConfidenceMargins.method, runs: confidence.runs, seed: "\(confidence.seed)",
      checkRuns: confidence.checkRuns, checkSeed: "\(confidence.checkSeed)"
    ).text()
  }

  public func terminal() -> String {
    let wrap = { (text: String) in wrappingLines(text, width: width) }
    var out = wrap("\(title)\n\(subtitle)\n\n") + table().terminal(width: width)
    out += wrap(footer(markdown: false))
    if let margins = confidenceTable() { out += wrap("\n" + confidenceNote + "\n") + margins.terminal(width: width) }
    if explain {
      for line in result.indicators where line.status != .notSplit && line.requiredTotal != nil {
        out += wrap("\n\(line.indicator.areaName)（\(line.indicator.areaUnit)）\(Language.current == .chinese ? "：" : ": ")\(explainLine(line))\n")
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

  /// What a note under the 分解表 is about, so that a page that says some of it elsewhere (the
  /// HTML report) can leave it out.
  enum NoteKind { case illustrative, infeasible, notOptimal, error, other, sources }

  /// The notes under the 分解表, in order: the 示例数据 label, the lines infeasible as set and not
  /// proven optimal, the diagnostics, how a share is allocated, the sources.
  func noteItems() -> [(kind: NoteKind, text: String)] {
    var notes: [(NoteKind, String)] = []
    if result.usesIllustrativeData { notes.append((.illustrative, Say.Allocation.illustrativeNote.text())) }
    for line in result.indicators where line.status == .infeasible {
      notes.append((.infeasible, Say.Allocation.infeasibleNote(line.indicator.areaName).text()))
    }
    for line in result.indicators where line.status == .feasible {
      notes.append((.notOptimal, Say.Allocation.notOptimalNote(line.indicator.areaName).text()))
    }
    for diagnostic in result.diagnostics {
      let name = diagnostic.indicator.flatMap { id in result.indicators.first { $0.indicator.id == id }?.indicator.areaName }
      notes.append(
        (diagnostic.severity == .error ? .error : .other,
         Say.Allocation.diagnostic(diagnostic.severity.rawValue, name, diagnostic.message).text()))
    }
    for line in result.indicators where line.indicator.kind == .share && line.districtTarget != nil {
      notes.append(
        (.other,
         Say.Allocation.shareNote(
          line.indicator.name, JSONValue.format(line.publishedTarget ?? 0), line.indicator.areaName, line.indicator.areaUnit,
          format2(line.districtTarget!)
         ).text()))
    }
    notes.append((.sources, Say.Allocation.sources(result.sources).text()))
    return notes
  }

  func footer(markdown: Bool) -> String {
    let bullet = markdown ? "- " : "  "
    return "\n" + noteItems().map { bullet + $0.text }.joined(separator: "\n") + "\n"
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
