import FenjieText
import FenjieCore
import FenjiePlanning
import FenjieSimulation

/// Scenarios side by side: how each street's targets change (absolute and %) and how each goal's
/// odds change, the largest changes first. A change in odds smaller than twice its Monte Carlo
/// standard error is shown but not starred.
public struct ComparisonReport: Sendable {
  public var comparison: Comparison

  /// Display columns of the terminal tables: wider ones are split into panels (指标 and 街道, or
  /// 指标 and 目标, in each), longer lines of prose wrapped; `nil` (`--wide`) prints one block.
  public var width: Int? = standardTerminalWidth

  public init(_ comparison: Comparison) { self.comparison = comparison }

  var base: ScenarioOutcome { comparison.base }
  var alternatives: [ScenarioOutcome] { comparison.alternatives }
  var targetChanges: [Comparison.TargetChange] { comparison.targetChanges }
  var oddsChanges: [Comparison.OddsChange] { comparison.oddsChanges }

  func amount(_ indicator: Indicator, _ v: Double?) -> String {
    guard let v else { return "/" }
    return indicator.kind.isWhole ? String(Int(v.rounded())) : format2(v)
  }

  func signedPercent(_ x: Double) -> String {
    guard x.isFinite else { return "" }
    let tenths = Int((x * 1000).rounded())
    return (tenths > 0 ? "+" : tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)%"
  }

  func percent(_ p: Double) -> String { percentText(p) }

  public func targetTable() -> TextTable {
    var header = ["指标", "街道", base.name]
    for alt in alternatives { header += [alt.name, Say.Report.deltaHeader.text(), Say.Report.deltaPercentHeader.text()] }
    var table = TextTable(header: header, alignments: [.left, .left] + Array(repeating: .right, count: header.count - 2))
    table.repeatedColumns = 2
    table.groupStarts = Set([2] + alternatives.indices.map { 3 + 3 * $0 })
    for change in targetChanges {
      var row = [change.indicator.areaName, change.area ?? "合计", amount(change.indicator, change.base)]
      for v in change.values {
        row.append(amount(change.indicator, v))
        if let v, let b = change.base {
          let delta = v - b
          row.append((delta > 0 ? "+" : "") + amount(change.indicator, delta))
          row.append(b != 0 ? signedPercent(delta / b) : "")
        } else {
          row += ["", ""]
        }
      }
      table.add(row)
    }
    return table
  }

  public func oddsTable() -> TextTable {
    var header = ["指标", "目标", base.name]
    for alt in alternatives { header += [alt.name, Say.Report.deltaHeader.text()] }
    var table = TextTable(header: header, alignments: [.left, .left] + Array(repeating: .right, count: header.count - 2))
    table.repeatedColumns = 2
    table.groupStarts = Set([2] + alternatives.indices.map { 3 + 2 * $0 })
    for change in oddsChanges {
      let plan = base.simulation?.plan ?? PlanSpan(first: 0, last: 0)
      var row = [
        change.name,
        Say.Report.goal(annual: change.type == .annual, first: plan.first, last: plan.last, length: plan.length).text(),
        percent(change.base),
      ]
      for (v, e) in zip(change.values, change.errors) {
        guard let v, let e else {
          row += ["", ""]
          continue
        }
        let delta = v - change.base
        let significant = abs(delta) > 2 * (e * e + change.baseError * change.baseError).squareRoot()
        row += [percent(v), signedPercent(delta).replacingOccurrences(of: "%", with: Say.Report.points.text()) + (significant ? " *" : "")]
      }
      table.add(row)
    }
    return table
  }

  var allLine: String? {
    guard let b = base.simulation else { return nil }
    let alts = alternatives.map { alt in alt.simulation.map { "\(alt.name) \(percent($0.all.pAll))" } ?? "\(alt.name) -" }
    return Say.Report.allAtOnce(["\(base.name) \(percent(b.all.pAll))"] + alts).text()
  }

  var noChange: Bool { targetChanges.isEmpty && oddsChanges.isEmpty }

  var header: String {
    var lines = [Say.Report.comparing(([base] + alternatives).map { Say.Report.scenarioYear($0.name, $0.allocation.year).text() }).text()]
    if let s = base.simulation {
      lines.append(Say.Report.comparisonOdds(s.goalYear, runs: s.runs, seed: "\(s.seed)", generator: s.generator).text())
    }
    if ([base] + alternatives).contains(where: { $0.allocation.usesIllustrativeData || $0.setup?.usesIllustrativeData == true }) {
      lines.append(Say.Report.comparisonIllustrative.text())
    }
    return lines.joined(separator: "\n")
  }

  public func render(_ format: OutputFormat) -> String {
    switch format {
    case .table: return escapingControlCharacters(renderText(format))
    case .markdown: return markdownSafe(renderText(format))
    default: return renderText(format)
    }
  }

  func renderText(_ format: OutputFormat) -> String {
    switch format {
    case .table:
      let wrap = { (text: String) in wrappingLines(text, width: width) }
      if noChange { return wrap(header + "\n\n\(Say.Report.noChangeAtAll)\n") }
      var out = wrap(header + "\n\n")
      out += targetChanges.isEmpty ? "\(Say.Report.targetsNoChange)\n" : "\(Say.Report.targetsThatChange)\n" + targetTable().terminal(width: width)
      out += oddsChanges.isEmpty ? "\n\(Say.Report.oddsNoChange)\n" : "\n\(Say.Report.oddsThatChange)\n" + oddsTable().terminal(width: width)
      if let allLine { out += wrap("\n" + allLine + "\n") }
      return out
    case .markdown:
      if noChange { return "## " + header + "\n\n\(Say.Report.noChangeAtAll)\n" }
      var out = "## " + header.replacingOccurrences(of: "\n", with: "\n\n") + "\n\n### \(Say.Report.targetsHeading)\n\n"
      out += targetChanges.isEmpty ? "\(Say.Report.noChange)\n" : targetTable().markdown()
      out += "\n### \(Say.Report.oddsHeading)\n\n" + (oddsChanges.isEmpty ? "\(Say.Report.noChange)\n" : oddsTable().markdown())
      if let allLine { out += "\n" + allLine + "\n" }
      return out
    case .csv:
      return targetTable().csv() + "\r\n" + String(oddsTable().csv().dropFirst())
    case .json:
      return json().rendered(indent: 2) + "\n"
    case .xlsx:
      return Say.Report.compareNoXLSX.text()
    }
  }

  public func json() -> JSONValue {
    .object([
      ("base", .string(base.name)),
      ("alternatives", .array(alternatives.map { .string($0.name) })),
      ("no_change", .bool(noChange)),
      ("targets", .array(targetChanges.map { c in
        .object([
          ("indicator", .string(c.indicator.id)), ("area", .str(c.area)), ("base", .num(c.base)),
          ("values", .array(c.values.map { .num($0) })),
        ])
      })),
      ("odds", .array(oddsChanges.map { c in
        .object([
          ("indicator", .string(c.indicator)), ("type", .string(c.type.rawValue)), ("base", .number(c.base)),
          ("values", .array(c.values.map { .num($0) })),
        ])
      })),
      ("p_all", .object([
        ("base", .num(base.simulation?.all.pAll)),
        ("values", .array(alternatives.map { .num($0.simulation?.all.pAll) })),
      ])),
    ])
  }
}
