import FenjieCore
import FenjieText
import FenjiePlanning
import FenjieSimulation

/// The odds of hitting the goals: a table readable at a glance (riskiest goals first), the streets'
/// odds of meeting their own targets and their part of a miss, and every number the draws used.
public struct SimulationReport: Sendable, TextReport {
  public var setup: SimulationSetup
  public var result: SimulationResult
  public var version: String
  /// Each line's unit (单位) by indicator id, for the goal table.
  public var units: [String: String] = [:]
  /// Display columns of the terminal tables: wider ones are split into panels, longer lines of
  /// prose wrapped; `nil` (`--wide`) prints each table in one block.
  public var width: Int? = standardTerminalWidth

  public init(setup: SimulationSetup, result: SimulationResult, version: String) {
    self.setup = setup
    self.result = result
    self.version = version
  }

  var indicators: [SimIndicator] { setup.input.indicators }

  /// Goals sorted by risk: lowest P(hit) first, then by expected shortfall relative to the target.
  var goalsByRisk: [GoalOdds] {
    result.goals.sorted { a, b in
      if a.pHit != b.pHit { return a.pHit < b.pHit }
      return a.expectedShortfall / max(a.target, 1e-12) > b.expectedShortfall / max(b.target, 1e-12)
    }
  }

  func amount(_ kind: SimKind, _ v: Double) -> String {
    kind.isWhole ? String(Int(v.rounded())) : format2(v)
  }

  func percent(_ p: Double) -> String { percentText(p) }

  var title: String {
    Say.Report.simulationTitle(setup.region, result.goalYear).text() + (setup.usesIllustrativeData ? "（含示例数据）" : "")
  }

  var runLine: String {
    var text = Say.Report.runLine(runs: result.runs, seed: "\(result.seed)", generator: result.generator, version: version).text()
    if let precision = result.precision {
      text += Say.Report.precision(
        JSONValue.format(precision.target), JSONValue.format((precision.achieved * 1e5).rounded() / 1e5), runs: result.runs
      ).text()
      if !precision.met { text += Say.Report.precisionCap(precision.maxRuns).text() }
    }
    return text
  }

  func riskiestStreets(_ goal: GoalOdds, count: Int = 2) -> String {
    guard goal.type == .annual, let streets = result.indicators.first(where: { $0.indicatorIndex == goal.indicatorIndex }),
      streets.districtMisses > 0
    else { return "" }
    return streets.streets.sorted { $0.shortfallShare > $1.shortfallShare }.prefix(count)
      .filter { $0.shortfallShare > 0 }
      .map { "\($0.area) \(percent($0.shortfallShare))" }.joined(separator: Language.current == .chinese ? "、" : ", ")
  }

  /// The goal as a table names it: "2026年" or "三年目标 2024-2026".
  func goalLabel(_ type: GoalType) -> String {
    Say.Report.goal(annual: type == .annual, first: result.plan.first, last: result.plan.last, length: result.plan.length).text()
  }

  /// The goals, riskiest first: the goal and its unit (单位), the odds with their 95% interval and
  /// the expected shortfall beside them, then P10-P90 and the streets a miss comes from. (A 类型
  /// column would say again what 目标 says.) In a narrow terminal the first panel holds the odds and
  /// the expected shortfall, the next P10-P90; 指标 and 目标 are repeated in every panel.
  public func goalTable() -> TextTable {
    var table = TextTable(
      header: ["指标", "目标", Say.Report.unitHeader, "目标值", "已完成", "P(达成)", "95% 区间", "期望缺口", "P10", "P50", "P90", "缺口主要来自"],
      alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .left])
    for goal in goalsByRisk {
      let indicator = indicators[goal.indicatorIndex]
      let known = indicator.goals.first { $0.type == goal.type }?.delivered(indicator) ?? 0
      table.add([
        indicator.name, goalLabel(goal.type), units[indicator.id] ?? "",
        amount(indicator.kind, goal.target), known > 0 ? amount(indicator.kind, known) : "",
        percent(goal.pHit), Say.Report.range(percent(goal.ci95.lower), percent(goal.ci95.upper)).text(),
        amount(indicator.kind, goal.expectedShortfall),
        amount(indicator.kind, goal.p10), amount(indicator.kind, goal.p50), amount(indicator.kind, goal.p90),
        riskiestStreets(goal),
      ])
    }
    table.repeatedColumns = 2
    table.groupStarts = [2, 8]
    return table
  }

  func terminalGoalTable() -> TextTable { goalTable() }

  /// Indicators × streets: each street's odds of meeting its own goal-year target.
  public func streetTable() -> TextTable {
    var table = TextTable(
      header: ["指标"] + setup.input.areas, alignments: [.left] + Array(repeating: .right, count: setup.input.areas.count))
    table.repeatedColumns = 1
    for streets in result.indicators {
      var row = [indicators[streets.indicatorIndex].name]
      for (index, _) in setup.input.areas.enumerated() {
        row.append(streets.streets.first { $0.areaIndex == index }.map { percent($0.pMeetTarget) } ?? "/")
      }
      table.add(row)
    }
    return table
  }

  var groupLines: [String] {
    [Say.Report.allGoals(result.all.goals, percent(result.all.pAll), Say.Report.range(percent(result.all.ci95.lower), percent(result.all.ci95.upper))).text()]
      + result.groups.map { group in
        Say.Report.groupGoals(
          group.group, group.odds.goals, percent(group.odds.pAll),
          Say.Report.range(percent(group.odds.ci95.lower), percent(group.odds.ci95.upper))
        ).text()
      }
  }

  var notes: [String] {
    var notes: [String] = []
    if setup.usesIllustrativeData {
      notes.append(Say.Report.simulationIllustrative.text())
    }
    let simulated = setup.input.years.map { year in
      setup.progress[year].map { Say.Report.restOfYear(year, percent($0)) } ?? Say.Report.year(year)
    }
    notes.append(Say.Report.simulatedYears(simulated, known: setup.knownYears).text())
    for year in setup.input.years { if let source = setup.targetSources[year] { notes.append(Say.Report.streetTargets(source).text()) } }
    let defaults = Set(setup.parameterSources.filter { setup.defaultParameters.contains($0.key) }.values)
    let fitted = setup.parameterSources.filter { !setup.defaultParameters.contains($0.key) }
    if !defaults.isEmpty { notes.append(Say.Report.defaultRatios(defaults.sorted()).text()) }
    if !fitted.isEmpty { notes.append(Say.Report.fittedRatios(every: fitted.count == indicators.count, fitted.count).text()) }
    notes.append(
      Say.Report.model(correlation: JSONValue.format(setup.settings.correlation), districtFactor: setup.settings.factor == .district).text())
    if !setup.pace.isEmpty {
      notes.append(
        Say.Report.pace(scenarioProfile: setup.settings.monthlyProfile != nil, kappa: JSONValue.format(setup.settings.paceNoise)).text())
    }
    for shock in setup.settings.shocks {
      notes.append(
        Say.Report.shock(
          "\(shock.change >= 0 ? "+" : "")\(JSONValue.format(shock.change * 100))%", every: shock.indicators.count == indicators.count,
          indicators: shock.indicators, areas: shock.areas, years: shock.years
        ).text())
    }
    notes.append(Say.Report.sources(setup.sources).text())
    return notes
  }

  public func terminal() -> String {
    let wrap = { (text: String) in wrappingLines(text, width: width) }
    var out = wrap("\(title)\n\(runLine)\n\n") + terminalGoalTable().terminal(width: width) + "\n"
    out += wrap(groupLines.joined(separator: "\n") + "\n\n")
    out += wrap(Say.Report.streetOddsTitle(result.goalYear).text() + (Language.current == .chinese ? "：\n" : ":\n")) + streetTable().terminal(width: width)
    out += wrap("\n" + notes.map { "  " + $0 }.joined(separator: "\n") + "\n")
    return out
  }

  public func markdown() -> String {
    var out = "## \(title)\n\n\(runLine)\n\n" + goalTable().markdown() + "\n"
    out += groupLines.map { "- " + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n") + "\n\n"
    out += "### \(Say.Report.streetOddsTitle(result.goalYear))\n\n" + streetTable().markdown()
    out += "\n" + notes.map { "- " + $0 }.joined(separator: "\n") + "\n"
    return out
  }

  public func csv() -> String {
    var table = goalTable()
    table.header.append(Say.Report.exactHeader.text())
    table.rows = goalsByRisk.enumerated().map { index, goal in table.rows[index] + [JSONValue.format(goal.pHit)] }
    return table.csv() + "\r\n" + String(streetTable().csv().dropFirst())
  }

  func paceJSON(_ update: PaceUpdate) -> JSONValue {
    .object([
      ("elapsed_share", .number(update.elapsedShare)), ("observed_ratio", .num(update.observedRatio)),
      ("weight", .number(update.weight)), ("prior_mean_ratio", .number(update.priorMeanRatio)),
      ("prior_sigma", .number(update.priorSigma)), ("mean_ratio", .number(update.meanRatio)),
      ("sigma", .number(update.sigma)),
    ])
  }

  /// How the rest of a year with progress is drawn, or null without progress.
  var paceModelJSON: JSONValue {
    guard !setup.pace.isEmpty else { return .null }
    return .object([
      ("method", .string(PaceUpdate.method)),
      ("pace_noise", .number(setup.settings.paceNoise)),
      ("monthly_profile", setup.settings.monthlyProfile.map { .array($0.map { .number($0) }) } ?? .string("even")),
    ])
  }

  public func json() -> JSONValue {
    var lines: [JSONValue] = []
    for (index, indicator) in indicators.enumerated() {
      let goals = result.goals.filter { $0.indicatorIndex == index }.map { goal -> JSONValue in
        let known = indicator.goals.first { $0.type == goal.type }?.delivered(indicator) ?? 0
        return .object([
          ("type", .string(goal.type.rawValue)), ("label", .string(result.plan.label(goal.type))),
          ("aggregate", .string(goal.aggregate.rawValue)),
          ("target", .number(goal.target)),
          ("known", .number(indicator.goals.first { $0.type == goal.type }?.known ?? 0)), ("delivered", .number(known)),
          ("p_hit", .number(goal.pHit)),
          ("ci95", .array([.number(goal.ci95.lower), .number(goal.ci95.upper)])),
          ("standard_error", .number(goal.standardError)),
          ("p10", .number(goal.p10)), ("p50", .number(goal.p50)), ("p90", .number(goal.p90)),
          ("mean", .number(goal.mean)), ("expected_shortfall", .number(goal.expectedShortfall)),
        ])
      }
      let streets = result.indicators.first { $0.indicatorIndex == index }
      var areas: [(String, JSONValue)] = []
      for (a, area) in setup.input.areas.enumerated() {
        guard let cell = indicator.cells.last?[a] else {
          areas.append((area, .null))
          continue
        }
        let odds = streets?.streets.first { $0.areaIndex == a }
        var byYear: [(String, JSONValue)] = []
        for (y, year) in setup.input.years.enumerated() {
          guard let c = indicator.cells[y][a] else { continue }
          var fields: [(String, JSONValue)] = [
            ("target", .number(c.target)), ("known", .number(c.known)), ("remaining", .number(c.remaining)),
            ("mean_ratio", .number(c.meanRatio)),
          ]
          if let update = setup.pace[indicator.id]?[year]?[area] {
            fields += [("sigma", .number(c.sigma)), ("pace", paceJSON(update))]
          }
          byYear.append((String(year), .object(fields)))
        }
        areas.append((area, .object([
          ("target", .number(cell.target)), ("known", .number(cell.known)), ("remaining", .number(cell.remaining)),
          ("mean_ratio", .number(cell.meanRatio)), ("sigma", .number(cell.sigma)),
          ("correlation", .number(cell.correlation)), ("factor", .string(setup.input.factor.rawValue)),
          ("p_hit", .num(odds?.pMeetTarget)), ("shortfall_share", .num(odds?.shortfallShare)),
          ("years", .object(byYear)),
        ])))
      }
      lines.append(.object([
        ("id", .string(indicator.id)), ("name", .string(indicator.name)), ("kind", .string(indicator.kind.rawValue)),
        ("group", .string(setup.input.groups[indicator.group])),
        ("parameters", .string(setup.parameterSources[indicator.id] ?? "")),
        ("goals", .array(goals)), ("areas", .object(areas)),
      ]))
    }
    return .object([
      ("runs", .integer(result.runs)),
      ("seed", result.seed <= UInt64(Int.max) ? .integer(Int(result.seed)) : .string(String(result.seed))), ("generator", .string(result.generator)),
      ("block_size", .integer(result.blockSize)), ("version", .string(version)),
      ("goal_year", .integer(result.goalYear)),
      ("plan_years", .array([.integer(result.plan.first), .integer(result.plan.last)])),
      ("simulated_years", .array(setup.input.years.map { .integer($0) })),
      ("known_years", .array(setup.knownYears.map { .integer($0) })),
      ("illustrative", .bool(setup.usesIllustrativeData)),
      ("sources", .array(setup.sources.map { .string($0) })),
      ("target_sources", .object(setup.input.years.map { (String($0), .str(setup.targetSources[$0])) })),
      ("quantile_definition", .string(result.quantileDefinition)),
      ("pace_model", paceModelJSON),
      ("precision", result.precision.map { p in
        .object([("target", .number(p.target)), ("achieved", .number(p.achieved)), ("max_runs", .integer(p.maxRuns)), ("met", .bool(p.met))])
      } ?? .null),
      ("p_all", .number(result.all.pAll)),
      ("p_all_ci95", .array([.number(result.all.ci95.lower), .number(result.all.ci95.upper)])),
      ("groups", .array(result.groups.map { g in
        .object([("group", .string(g.group)), ("goals", .integer(g.odds.goals)), ("p_all", .number(g.odds.pAll)),
          ("ci95", .array([.number(g.odds.ci95.lower), .number(g.odds.ci95.upper)]))])
      })),
      ("indicators", .array(lines)),
    ])
  }
}
