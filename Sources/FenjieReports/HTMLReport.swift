import Foundation
import FenjieCore
import FenjieText
import FenjiePlanning
import FenjieSimulation

/// One self-contained HTML page for the district leadership: the year's 分解表, the odds of hitting
/// the plan's goals, and four charts (inline SVG written here, no script, no font or image fetched),
/// laid out to print on A4 landscape.
public struct HTMLReport: Sendable {
  public var allocation: AllocationResult
  public var setup: SimulationSetup
  public var simulation: SimulationResult
  /// The scenario's purpose line.
  public var purpose: String?
  /// The scenario file, as given on the command line.
  public var scenario: String?
  /// What-if changes given on the command line (`--set`, `--lock`, `--shock`), shown in the header.
  public var changes: [String] = []
  public var version: String
  /// How many of the riskiest goals the distribution and shortfall charts show.
  public var riskiestCount = 8
  /// How many lines the baseline → target chart shows.
  public var keyLineCount = 4

  public init(
    allocation: AllocationResult, setup: SimulationSetup, simulation: SimulationResult, purpose: String? = nil,
    scenario: String? = nil, version: String
  ) {
    self.allocation = allocation
    self.setup = setup
    self.simulation = simulation
    self.purpose = purpose
    self.scenario = scenario
    self.version = version
  }

  var allocationReport: AllocationReport { AllocationReport(allocation, purpose: purpose) }
  var simulationReport: SimulationReport {
    var report = SimulationReport(setup: setup, result: simulation, version: version)
    report.units = Dictionary(allocation.indicators.map { ($0.indicator.id, $0.indicator.areaUnit) }, uniquingKeysWith: { first, _ in first })
    return report
  }
  var illustrative: Bool { allocation.usesIllustrativeData || setup.usesIllustrativeData }

  var title: String {
    Say.HTML.title(allocation.region, allocation.year, simulation.goalYear).text()
  }

  // MARK: The page

  public func render() -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="\(Say.HTML.lang)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="fenjie \(xmlEscape(version))">
      <title>\(xmlEscape(title + (illustrative ? "（含示例数据）" : "")))</title>
      <style>
      \(HTMLReport.css)
      </style>
      </head>
      <body>

      """
    out += header()
    out += alerts()
    out += summary()
    out += allocationSection()
    out += oddsSection()
    out += distributionSection()
    out += shortfallSection()
    out += keyLinesSection()
    out += goalTableSection()
    out += streetTableSection()
    out += notesSection()
    out += "<footer>\(Say.HTML.footer) · \(xmlEscape(simulationReport.runLine))</footer>\n"
    out += "</body>\n</html>\n"
    return out
  }

  func header() -> String {
    var out = "<header class=\"masthead\">\n"
    out += "<div class=\"kicker\">\(xmlEscape(allocation.region)) · \(Say.HTML.kicker)</div>\n"
    out += "<h1>\(xmlEscape(title))"
    if illustrative { out += "<span class=\"badge\">示例数据</span>" }
    out += "</h1>\n"
    if let purpose { out += "<p class=\"purpose\">\(xmlEscape(purpose))</p>\n" }
    out += "<dl class=\"meta\">\n"
    if let scenario { out += "<div><dt>\(Say.HTML.scenario)</dt><dd><code>\(xmlEscape(scenario))</code></dd></div>\n" }
    out += "<div><dt>\(Say.HTML.rule)</dt><dd>\(xmlEscape(Say.Allocation.ruleShort(allocation.rule.rawValue).text()))</dd></div>\n"
    out += "<div><dt>\(Say.HTML.simulation)</dt><dd>\(xmlEscape(simulationReport.runLine))</dd></div>\n"
    if !changes.isEmpty {
      out += "<div><dt>\(Say.HTML.whatIf)</dt><dd>\(changes.map { "<code>\(xmlEscape($0))</code>" }.joined(separator: " "))</dd></div>\n"
    }
    out += "</dl>\n</header>\n"
    return out
  }

  /// The 示例数据 warning and the lines that cannot be allocated as set (the exit status 1 of
  /// `fenjie allocate`).
  func alerts() -> String {
    var out = ""
    if illustrative {
      out += "<div class=\"notice illustrative\" role=\"note\"><strong>示例数据</strong> \(xmlEscape(Say.HTML.illustrativeNotice.text()))</div>\n"
    }
    let infeasible = allocation.indicators.filter { $0.status == .infeasible }
    if !infeasible.isEmpty {
      out += "<div class=\"notice error\" role=\"alert\"><strong>\(xmlEscape(Say.HTML.infeasibleHeading(infeasible.count).text()))</strong>"
      out += "\(Say.HTML.infeasibleLead(infeasible.count))\n<ul>\n"
      for line in infeasible {
        let messages = allocation.diagnostics.filter { $0.indicator == line.indicator.id && $0.severity == .error }.map(\.message)
        out += "<li><b>\(xmlEscape(line.indicator.areaName))</b>"
        let colon = Language.current == .chinese ? "：" : ": "
        out += colon + (messages.isEmpty ? Say.HTML.infeasibleAsSet.text() : xmlEscape(messages.joined(separator: " ")))
        out += "</li>\n"
      }
      let general = allocation.diagnostics.filter { $0.severity == .error && $0.indicator == nil }
      for diagnostic in general { out += "<li>\(xmlEscape(diagnostic.message))</li>\n" }
      out += "</ul></div>\n"
    }
    return out
  }

  func summary() -> String {
    var cards: [String] = []
    let split = allocation.indicators.filter { $0.status != .notSplit }
    let infeasible = split.filter { $0.status == .infeasible }.count
    cards.append(
      card(
        label: Say.HTML.tableCard(allocation.year).text(),
        value: infeasible == 0 ? Say.HTML.lines(split.count).text() : Say.HTML.lines(infeasible).text() + " ✗",
        detail: infeasible == 0 ? Say.HTML.allFeasible(split.count).text() : Say.HTML.someInfeasible(split.count).text(),
        tone: infeasible == 0 ? "good" : "bad"))
    let all = simulation.all
    cards.append(
      card(
        label: Say.HTML.allGoalsCard(all.goals).text(), value: percent(all.pAll),
        detail: Say.HTML.interval(percent(all.ci95.lower), percent(all.ci95.upper)).text(), tone: tone(all.pAll)))
    for group in simulation.groups {
      cards.append(
        card(
          label: Say.HTML.groupCard(group.group, group.odds.goals).text(), value: percent(group.odds.pAll),
          detail: Say.HTML.interval(percent(group.odds.ci95.lower), percent(group.odds.ci95.upper)).text(), tone: tone(group.odds.pAll)))
    }
    if let riskiest = simulationReport.goalsByRisk.first {
      cards.append(
        card(
          label: Say.HTML.riskiest.text(), value: percent(riskiest.pHit),
          detail: "\(indicators[riskiest.indicatorIndex].name)（\(goalLabel(riskiest.type))）", tone: tone(riskiest.pHit)))
    }
    return "<section class=\"summary\" aria-label=\"\(Say.HTML.summary)\">\n" + cards.joined(separator: "\n") + "\n</section>\n"
  }

  func card(label: String, value: String, detail: String, tone: String) -> String {
    """
    <div class="card \(tone)"><div class="card-label">\(xmlEscape(label))</div>\
    <div class="card-value">\(xmlEscape(value))</div><div class="card-detail">\(xmlEscape(detail))</div></div>
    """
  }

  // MARK: Tables

  func allocationSection() -> String {
    let report = allocationReport
    let table = report.table(infeasibleMark: "✗")
    let lines = allocation.indicators
    var out = section(
      number: "一", title: Say.HTML.tableSection(allocation.year), className: "table-section")
    out += "<p class=\"lede\">\(xmlEscape(Say.HTML.tableLead(Say.Allocation.ruleShort(allocation.rule.rawValue).text()).text()))</p>\n"
    // Rows of the text table: group rows interleaved with one row per indicator, in order.
    var lineIndex = 0
    var rowLine: [Int: IndicatorAllocation] = [:]
    for r in table.rows.indices where !table.groupRows.contains(r) {
      rowLine[r] = lines[lineIndex]
      lineIndex += 1
    }
    out += Self.htmlTable(
      table, className: "allocation",
      rowClass: { r in
        switch rowLine[r]?.status {
        case .infeasible: return "infeasible"
        case .notSplit: return "rate"
        default: return nil
        }
      },
      cellClass: { r, c, text in
        if text == "/" { return "na" }
        if c == table.header.count - 2 && rowLine[r]?.status != .notSplit { return "total" }
        return nil
      })
    let notes = footerNotes
    if !notes.isEmpty {
      out += "<ul class=\"notes\">\n" + notes.map { "<li>\(xmlEscape($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
    }
    out += "</section>\n"
    return out
  }

  /// The allocation's own notes, without what the page says elsewhere (the 示例数据 label, the
  /// infeasible lines at the top, the sources at the end).
  var footerNotes: [String] {
    allocationReport.noteItems().filter { $0.kind == .other || $0.kind == .notOptimal }.map(\.text)
  }

  func goalTableSection() -> String {
    let table = simulationReport.goalTable()
    let pColumn = table.header.firstIndex(of: "P(达成)")
    let goals = simulationReport.goalsByRisk
    var out = section(
      number: "六", title: Say.HTML.goalTableSection, className: "table-section")
    out += "<p class=\"lede\">\(xmlEscape(Say.HTML.goalTableLead.text()))</p>\n"
    out += Self.htmlTable(
      table, className: "odds",
      rowClass: { _ in nil },
      cellClass: { r, c, _ in c == pColumn ? "p " + tone(goals[r].pHit) : nil })
    out += "<ul class=\"notes\">\n"
    out += simulationReport.groupLines.map { "<li>\(xmlEscape($0.trimmingCharacters(in: .whitespaces)))</li>" }.joined(separator: "\n")
    out += "\n</ul>\n</section>\n"
    return out
  }

  func streetTableSection() -> String {
    let table = simulationReport.streetTable()
    var out = section(
      number: "七", title: Say.Report.streetOddsTitle(simulation.goalYear), className: "table-section")
    out += Self.htmlTable(table, className: "streets", rowClass: { _ in nil }, cellClass: { _, _, text in text == "/" ? "na" : nil })
    out += "</section>\n"
    return out
  }

  func notesSection() -> String {
    var out = section(number: "", title: Say.HTML.notesSection, className: "notes-section")
    out += "<ul class=\"notes\">\n"
    let illustrativeNote = Say.Report.simulationIllustrative.text()
    let sourcesPrefix = Say.Allocation.sourcesPrefix.text()
    for note in simulationReport.notes where note != illustrativeNote && !note.hasPrefix(sourcesPrefix) {
      out += "<li>\(xmlEscape(note))</li>\n"
    }
    out += "<li>\(xmlEscape(Say.HTML.quantiles(simulation.quantileDefinition).text()))</li>\n"
    out += "<li>\(xmlEscape(Say.HTML.wilson.text()))</li>\n"
    out += "</ul>\n"
    var sources: [String] = []
    for source in allocation.sources + setup.sources where !sources.contains(source) { sources.append(source) }
    out += "<h3>\(Say.HTML.sources)</h3>\n<ol class=\"sources\">\n"
    out += sources.map { "<li>\(xmlEscape($0))</li>" }.joined(separator: "\n")
    out += "\n</ol>\n</section>\n"
    return out
  }

  /// A section and its heading: "一、标题" in Chinese, the title alone in English.
  func section(number: String, title: Message, className: String) -> String {
    let heading = number.isEmpty || Language.current == .english ? title.text() : "\(number)、\(title.text())"
    return "<section class=\"\(className)\">\n<h2>\(xmlEscape(heading))</h2>\n"
  }

  /// A text table as an HTML table: group rows (行动名称) as full-width header rows, right-aligned
  /// columns as numbers.
  static func htmlTable(
    _ table: TextTable, className: String, rowClass: (Int) -> String? = { _ in nil },
    cellClass: (Int, Int, String) -> String? = { _, _, _ in nil }
  ) -> String {
    var out = "<div class=\"table-wrap\"><table class=\"\(className)\">\n<thead><tr>"
    for (c, cell) in table.header.enumerated() {
      out += "<th\(table.alignments[c] == .right ? " class=\"num\"" : "") scope=\"col\">\(xmlEscape(cell))</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for (r, row) in table.rows.enumerated() {
      if table.groupRows.contains(r) {
        out += "<tr class=\"group\"><th colspan=\"\(table.header.count)\" scope=\"rowgroup\">\(xmlEscape(row[0]))</th></tr>\n"
        continue
      }
      out += rowClass(r).map { "<tr class=\"\($0)\">" } ?? "<tr>"
      for (c, cell) in row.enumerated() {
        var classes: [String] = []
        if table.alignments[c] == .right { classes.append("num") }
        if let extra = cellClass(r, c, cell) { classes.append(extra) }
        let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        if c == 0 {
          out += "<th scope=\"row\"\(attribute)>\(xmlEscape(cell))</th>"
        } else {
          out += "<td\(attribute)>\(xmlEscape(cell))</td>"
        }
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table></div>\n"
    return out
  }

  // MARK: Helpers

  var indicators: [SimIndicator] { setup.input.indicators }

  func percent(_ p: Double) -> String { simulationReport.percent(p) }

  func goalLabel(_ type: GoalType) -> String {
    type == .annual
      ? Say.HTML.annualGoal(simulation.goalYear).text()
      : Say.HTML.planGoal(simulation.plan.chineseLength, simulation.plan.years, count: simulation.plan.length).text()
  }

  /// good, fair or bad: the colour of a probability.
  func tone(_ p: Double) -> String {
    p >= 0.8 ? "good" : p >= 0.5 ? "fair" : "bad"
  }

  func toneColor(_ p: Double) -> String {
    p >= 0.8 ? HTMLReport.green : p >= 0.5 ? HTMLReport.amber : HTMLReport.red
  }

  /// The unit of a simulated line, from the allocation's indicators.
  func unit(_ indicatorID: String) -> String {
    allocation.indicators.first { $0.indicator.id == indicatorID }?.indicator.areaUnit ?? ""
  }

  static let blue = "#2f6fb0"
  static let red = "#c23b22"
  static let amber = "#c98a0b"
  static let green = "#2f8a57"

  static let css = """
    :root { --ink: #1f2933; --muted: #616e7c; --rule: #d9dee3; --soft: #f5f7f9; --blue: #2f6fb0;
      --red: #c23b22; --amber: #c98a0b; --green: #2f8a57; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0 auto; padding: 28px 32px 40px; max-width: 1120px; color: var(--ink); background: #fff;
      font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
      font-size: 14px; line-height: 1.55; }
    code { font-family: "Noto Sans Mono CJK SC", "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
    .masthead { border-bottom: 3px solid var(--blue); padding-bottom: 12px; margin-bottom: 16px; }
    .kicker { color: var(--blue); font-size: 13px; letter-spacing: 0.04em; }
    h1 { font-size: 26px; line-height: 1.3; margin: 4px 0 6px; font-weight: 700; }
    .badge { display: inline-block; margin-left: 12px; padding: 2px 10px; border-radius: 4px; background: var(--red);
      color: #fff; font-size: 15px; vertical-align: 4px; font-weight: 700; }
    .purpose { margin: 0 0 8px; color: #3e4c59; font-size: 15px; }
    .meta { display: flex; flex-wrap: wrap; gap: 2px 28px; margin: 0; font-size: 12.5px; color: var(--muted); }
    .meta div { display: flex; gap: 8px; }
    .meta dt { font-weight: 700; color: #3e4c59; }
    .meta dd { margin: 0; }
    .notice { border-radius: 6px; padding: 10px 14px; margin: 12px 0; font-size: 13px; }
    .notice ul { margin: 6px 0 0; padding-left: 20px; }
    .notice li { margin: 3px 0; }
    .notice.illustrative { background: #fdf1e7; border: 1px solid #e8a25c; border-left: 6px solid #d9731a; }
    .notice.illustrative strong { color: #b3560c; margin-right: 6px; }
    .notice.error { background: #fcebea; border: 1px solid #e3a59a; border-left: 6px solid var(--red); }
    .notice.error strong { color: var(--red); }
    .summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin: 16px 0 8px; }
    .card { border: 1px solid var(--rule); border-top: 4px solid var(--muted); border-radius: 6px; padding: 8px 12px 10px;
      background: #fff; break-inside: avoid; }
    .card.good { border-top-color: var(--green); } .card.fair { border-top-color: var(--amber); } .card.bad { border-top-color: var(--red); }
    .card-label { font-size: 12.5px; color: #3e4c59; font-weight: 700; line-height: 1.35; min-height: 2.7em; }
    .card-value { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; line-height: 1.25; }
    .card.good .card-value { color: var(--green); } .card.fair .card-value { color: var(--amber); } .card.bad .card-value { color: var(--red); }
    .card-detail { font-size: 12px; color: var(--muted); line-height: 1.35; }
    section { margin-top: 26px; }
    h2 { font-size: 19px; margin: 0 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); break-after: avoid; }
    h2 small { font-size: 13px; font-weight: 400; color: var(--muted); margin-left: 8px; }
    h3 { font-size: 14.5px; margin: 10px 0 2px; break-after: avoid; }
    h3 small { font-weight: 400; color: var(--muted); margin-left: 6px; font-size: 12px; }
    .lede { margin: 4px 0 10px; color: #3e4c59; font-size: 13px; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 12.5px; font-variant-numeric: tabular-nums; }
    th, td { padding: 3px 6px; border-bottom: 1px solid #e9ecef; vertical-align: baseline; }
    thead th { background: #eef3f8; border-bottom: 2px solid #9fb3c8; font-weight: 700; text-align: left; line-height: 1.3; vertical-align: bottom; }
    thead th.num { text-align: right; }
    tbody th { text-align: left; font-weight: 400; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    tr.group th { background: var(--soft); font-weight: 700; color: var(--blue); padding-top: 6px; border-bottom: 1px solid var(--rule); }
    td.na { color: #9aa5b1; }
    td.total { font-weight: 700; background: #f7f9fb; }
    tr.infeasible th, tr.infeasible td { color: var(--red); background: #fdf3f1; }
    tr.rate td, tr.rate th { color: #52606d; }
    table.allocation tbody th { min-width: 15em; }
    table.odds tbody th { min-width: 14em; }
    td.p { font-weight: 700; }
    .bad-mark { color: var(--red); }
    td.p.bad { color: var(--red); } td.p.fair { color: var(--amber); } td.p.good { color: var(--green); }
    ul.notes { margin: 8px 0 0; padding-left: 18px; font-size: 12.5px; color: #3e4c59; }
    ul.notes li { margin: 2px 0; }
    ol.sources { font-size: 12.5px; margin: 4px 0 0; padding-left: 22px; }
    figure { margin: 8px 0 0; break-inside: avoid; }
    figcaption { font-size: 12.5px; color: var(--muted); margin-top: 4px; }
    svg.chart { display: block; width: 100%; height: auto; font-variant-numeric: tabular-nums;
      font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 28px; }
    .pair figure { margin-top: 4px; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; color: #3e4c59; margin: 2px 0 4px; }
    .legend span { display: inline-flex; align-items: center; gap: 5px; }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
    .swatch.diamond { width: 10px; height: 10px; transform: rotate(45deg); border-radius: 0; margin: 0 1px; }
    footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: 11.5px; color: var(--muted); }
    @page { size: A4 landscape; margin: 11mm 12mm 12mm; }
    @media print {
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { max-width: none; padding: 0; font-size: 10pt; }
      h1 { font-size: 19pt; }
      section { margin-top: 14pt; }
      section.chart-section { break-inside: avoid; }
      section.break-before { break-before: page; }
      .table-wrap { overflow: visible; }
      table { font-size: 8.6pt; }
      th, td { padding: 1.6pt 4pt; }
      thead { display: table-header-group; }
      tr { break-inside: avoid; }
      .summary { grid-template-columns: repeat(6, 1fr); }
      .card-value { font-size: 17pt; }
      footer { break-inside: avoid; }
    }
    """
}
