import FenjieText
import FenjieCore
import FenjieSimulation
import LinearProgramming
import Foundation

/// Turns a scenario into the simulation's input: which years are known and which are simulated,
/// each street's target per simulated year (published, or fenjie's own allocation), the achievement
/// ratio's mean and spread per street (fitted from history where there is any), and the goals.
public struct SimulationSetup: Sendable {
  public var input: SimulationInput
  public var settings: SimulationSettings
  /// How the street targets of each simulated year were obtained.
  public var targetSources: [Int: String]
  /// Years whose actuals are known (not simulated).
  public var knownYears: [Int]
  /// Years with progress to date, and the fraction of the year it covers.
  public var progress: [Int: Double]
  /// Per indicator: where its ratio parameters came from ("fitted from 9 street-years" or "scenario default").
  public var parameterSources: [String: String]
  /// The indicators whose ratio parameters are the scenario's defaults (too few actuals to fit).
  public var defaultParameters: Set<String> = []
  public var usesIllustrativeData: Bool
  /// Per indicator, per simulated year with progress, per street: how the pace so far moved its
  /// ratio for the rest of the year (see ``PaceUpdate``).
  public var pace: [String: [Int: [String: PaceUpdate]]] = [:]
  /// The street tables that actuals of years without a published 分解表 were held against
  /// (fenjie's own allocation of that year), by year.
  public var fitTargetSources: [Int: String] = [:]
  public var sources: [String]
  public var region: String

  public init(scenario: Scenario, settings: SimulationSettings, solver: any LinearSolver) throws(PlanningError) {
    let dataset = scenario.dataset
    self.settings = settings
    region = dataset.region
    guard let goalYear = dataset.planYears.last else {
      throw .scenario(file: scenario.datasetPath, message: Say.Planning.noPlanYears.text())
    }
    let known = dataset.planYears.filter { dataset.table(year: $0, kind: .actual) != nil }
    knownYears = known
    let simulated = dataset.planYears.filter { !known.contains($0) }
    guard simulated.last == goalYear else {
      throw .scenario(file: scenario.path, message: Say.Planning.goalYearKnown(goalYear).text())
    }
    var progress: [Int: Double] = [:]
    for year in simulated {
      if let table = dataset.table(year: year, kind: .progress) { progress[year] = table.fractionOfYear ?? 0 }
    }
    self.progress = progress

    let street = try Self.streetTargets(simulated, scenario: scenario, solver: solver)
    targetSources = street.sources
    (sources, usesIllustrativeData) = Self.provenance(
      dataset, published: street.published, targets: street.targets, allocatedIllustrative: street.illustrative)
    let fit = try Self.fitTargets(scenario: scenario, solver: solver)
    fitTargetSources = fit.sources
    for year in fit.sources.keys.sorted() { sources.append(fit.sources[year]!) }
    usesIllustrativeData = usesIllustrativeData || fit.illustrative
    let prior = RatioFit.prior(dataset: dataset, targets: fit.targets)

    var parameterSources: [String: String] = [:]
    var defaultParameters: Set<String> = []
    var pace: [String: [Int: [String: PaceUpdate]]] = [:]
    var groups: [String] = []
    var indicators: [SimIndicator] = []
    for indicator in dataset.indicators where indicator.kind.isSplit {
      let ratio = RatioFit(
        dataset: dataset, indicator: indicator.id, settings: settings, targets: fit.targets, prior: prior)
      parameterSources[indicator.id] = ratio.source
      if ratio.ownSigma == nil { defaultParameters.insert(indicator.id) }
      if !groups.contains(indicator.action) { groups.append(indicator.action) }
      let kind = SimKind(rawValue: indicator.kind.rawValue)!
      let cells: [[AreaCell?]] = simulated.map { year in
        dataset.areas.map { area in
          street.targets[year]!.value(indicator.id, area).number.map { target in
            let (cell, update) = Self.cell(
              indicator.id, kind: kind, area: area, year: year, target: target, dataset: dataset, fit: ratio,
              settings: settings)
            if let update { pace[indicator.id, default: [:]][year, default: [:]][area] = update }
            return cell
          }
        }
      }
      let goals = try Self.goals(indicator, goalYear: goalYear, known: known, scenario: scenario)
      indicators.append(
        SimIndicator(
          id: indicator.id, name: indicator.areaName, kind: kind,
          group: groups.firstIndex(of: indicator.action)!, cells: cells, goals: goals))
    }
    self.parameterSources = parameterSources
    self.defaultParameters = defaultParameters
    self.pace = pace
    input = SimulationInput(
      areas: dataset.areas, years: simulated, groups: groups, factor: settings.factor, indicators: indicators,
      planYears: [dataset.planYears.first ?? goalYear, goalYear])
  }

  /// The street tables that each plan year's actuals are held against where no 分解表 of that
  /// year is published: fenjie's own allocation of the year (chained as for a simulated year),
  /// with a line for the sources saying so.
  static func fitTargets(
    scenario: Scenario, solver: any LinearSolver
  ) throws(PlanningError) -> (targets: [Int: AreaTable], sources: [Int: String], illustrative: Bool) {
    let dataset = scenario.dataset
    var targets: [Int: AreaTable] = [:]
    var sources: [Int: String] = [:]
    var illustrative = false
    for year in dataset.planYears
    where dataset.table(year: year, kind: .actual) != nil && dataset.table(year: year, kind: .target) == nil {
      let result = try allocate(year, scenario: scenario, solver: solver)
      targets[year] = result.targetTable()
      sources[year] = Say.Planning.fittedAgainstOwn(year, rule: result.rule.rawValue).text()
      illustrative = illustrative || result.usesIllustrativeData
    }
    return (targets, sources, illustrative)
  }

  /// fenjie's own allocation of `year`, chained from the years before.
  static func allocate(_ year: Int, scenario: Scenario, solver: any LinearSolver) throws(PlanningError) -> AllocationResult {
    var allocation = scenario.settings
    allocation.year = year
    allocation.baseline = .allocated
    do {
      return try Allocator(dataset: scenario.dataset, settings: allocation, solver: solver).allocate()
    } catch {
      throw .scenario(file: scenario.path, message: Say.Planning.cannotAllocateForSimulation(year, error.description).text())
    }
  }

  /// The street targets of each simulated year: the published 分解表 where there is one, else
  /// fenjie's own allocation (chained from the year before); how each was obtained; the published
  /// tables used, in year order; whether an allocation used illustrative figures.
  static func streetTargets(
    _ simulated: [Int], scenario: Scenario, solver: any LinearSolver
  ) throws(PlanningError) -> (
    targets: [Int: AreaTable], sources: [Int: String], published: [AreaTable], illustrative: Bool
  ) {
    let dataset = scenario.dataset
    var targets: [Int: AreaTable] = [:]
    var sources: [Int: String] = [:]
    var published: [AreaTable] = []
    var illustrative = false
    for year in simulated {
      if let table = dataset.table(year: year, kind: .target) {
        targets[year] = table
        sources[year] = Say.Planning.publishedTable(year, table.provenance.label).text()
        published.append(table)
        continue
      }
      let result = try allocate(year, scenario: scenario, solver: solver)
      targets[year] = result.targetTable()
      sources[year] = Say.Planning.ownAllocation(year, rule: result.rule.rawValue, feasible: result.allFeasible).text()
      illustrative = illustrative || result.usesIllustrativeData
    }
    return (targets, sources, published, illustrative)
  }

  /// The sources the odds rest on, in order (district targets, the target tables used, every other
  /// table), and whether any of them is illustrative.
  static func provenance(
    _ dataset: Dataset, published: [AreaTable], targets: [Int: AreaTable], allocatedIllustrative: Bool
  ) -> (sources: [String], illustrative: Bool) {
    var used = [dataset.targetsProvenance.label]
    var illustrative = dataset.targetsProvenance.illustrative || allocatedIllustrative
    for table in published {
      if !used.contains(table.provenance.label) { used.append(table.provenance.label) }
      illustrative = illustrative || table.provenance.illustrative
    }
    for table in dataset.tables where table.kind != .target || targets.values.contains(where: { $0.provenance == table.provenance }) {
      if !used.contains(table.provenance.label) { used.append(table.provenance.label) }
      illustrative = illustrative || table.provenance.illustrative
    }
    return (used, illustrative)
  }

  /// An indicator's goals: the goal year's target and the plan total (a sum over the years for
  /// counts and amounts, counting the known years' actuals; the final year's value otherwise). A
  /// share's goals are amounts: share × the scenario's 规上工业总产值.
  static func goals(
    _ indicator: Indicator, goalYear: Int, known: [Int], scenario: Scenario
  ) throws(PlanningError) -> [SimGoal] {
    let dataset = scenario.dataset
    var annual = dataset.targets[indicator.id]?[goalYear]
    var threeYear = dataset.threeYearGoals[indicator.id]
    if indicator.kind == .share {
      guard let output = scenario.settings.industrialOutput[goalYear] ?? dataset.industrialOutput[goalYear] else {
        throw .scenario(
          file: scenario.path,
          message: Say.Planning.shareNeedsOutput(indicator.name, goalYear).text())
      }
      annual = annual.map { $0 / 100 * output }
      threeYear = threeYear.map { $0 / 100 * output }
    }
    var goals: [SimGoal] = []
    if let annual { goals.append(SimGoal(type: .annual, target: annual, aggregate: .finalYear)) }
    guard let threeYear else { return goals }
    if indicator.kind.goalIsSum {
      let achieved = known.reduce(0.0) { total, year in
        total + dataset.areas.reduce(0.0) { $0 + (dataset.table(year: year, kind: .actual)?.value(indicator.id, $1).number ?? 0) }
      }
      goals.append(SimGoal(type: .planTotal, target: threeYear, known: achieved, aggregate: .sumOfYears))
    } else {
      goals.append(SimGoal(type: .planTotal, target: threeYear, aggregate: .finalYear))
    }
    return goals
  }
}

extension SimulationSetup {
  /// One street in one simulated year: its target, its progress to date, and the ratio's parameters
  /// (fitted or default, per-line overrides, shocks applied); with progress to date, the rest of
  /// the year's share and the ratio updated by the pace so far (``PaceUpdate``), which is returned.
  static func cell(
    _ indicator: String, kind: SimKind, area: String, year: Int, target: Double, dataset: Dataset, fit: RatioFit,
    settings: SimulationSettings
  ) -> (AreaCell, PaceUpdate?) {
    let override = settings.byIndicator[indicator]
    var mean = override?.meanRatio ?? fit.meanRatio(area)
    for shock in settings.shocks
    where shock.indicators.contains(indicator) && (shock.areas.isEmpty || shock.areas.contains(area))
      && (shock.years.isEmpty || shock.years.contains(year))
    {
      mean *= 1 + shock.change
    }
    let sigma = override?.sigma ?? fit.sigma(area)
    let correlation = override?.correlation ?? settings.correlation
    guard let progress = dataset.table(year: year, kind: .progress) else {
      return (AreaCell(target: target, meanRatio: max(0, mean), sigma: sigma, correlation: correlation), nil)
    }
    let known = progress.value(indicator, area).number ?? 0
    let elapsed = PaceUpdate.elapsedShare(fractionOfYear: progress.fractionOfYear ?? 0, profile: settings.monthlyProfile)
    let update = PaceUpdate(
      target: target, known: known, elapsedShare: elapsed, meanRatio: max(0, mean), sigma: sigma,
      paceNoise: settings.paceNoise, isCount: kind.isWhole)
    let cell = AreaCell(
      target: target, known: known, remaining: 1 - elapsed, meanRatio: update.meanRatio, sigma: update.sigma,
      correlation: correlation)
    return (cell, update)
  }
}
