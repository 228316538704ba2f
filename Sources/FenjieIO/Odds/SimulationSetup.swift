import FenjieCore
import FenjieSimulation
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
  public var usesIllustrativeData: Bool
  public var sources: [String]
  public var region: String

  public init(scenario: Scenario, settings: SimulationSettings) throws(InputError) {
    let dataset = scenario.dataset
    self.settings = settings
    region = dataset.region
    guard let goalYear = dataset.planYears.last else {
      throw InputError(file: scenario.datasetPath, "has no plan years")
    }
    let known = dataset.planYears.filter { dataset.table(year: $0, kind: .actual) != nil }
    knownYears = known
    let simulated = dataset.planYears.filter { !known.contains($0) }
    guard simulated.last == goalYear else {
      throw InputError(file: scenario.path, "the actuals of \(goalYear) are already known: there is nothing left to simulate")
    }
    var progress: [Int: Double] = [:]
    for year in simulated {
      if let table = dataset.table(year: year, kind: .progress) { progress[year] = table.fractionOfYear ?? 0 }
    }
    self.progress = progress
    var used = [dataset.targetsProvenance.label]
    var illustrative = dataset.targetsProvenance.illustrative

    // Street targets per simulated year.
    var targets: [Int: AreaTable] = [:]
    var targetSources: [Int: String] = [:]
    for year in simulated {
      if let table = dataset.table(year: year, kind: .target) {
        targets[year] = table
        targetSources[year] = "\(year) 分解表 (\(table.provenance.label))"
        if !used.contains(table.provenance.label) { used.append(table.provenance.label) }
        illustrative = illustrative || table.provenance.illustrative
      } else {
        var allocation = scenario.settings
        allocation.year = year
        allocation.baseline = .allocated
        let result: AllocationResult
        do {
          result = try Allocator(dataset: dataset, settings: allocation).allocate()
        } catch {
          throw InputError(file: scenario.path, "cannot allocate \(year) for the simulation: \(error.description)")
        }
        targets[year] = result.targetTable()
        let flag = result.allFeasible ? "" : " (some lines infeasible as set: shown with the suggested changes)"
        targetSources[year] = "\(year) fenjie's own allocation, rule \(result.rule.rawValue)\(flag)"
        illustrative = illustrative || result.usesIllustrativeData
      }
    }
    for table in dataset.tables where table.kind != .target || targets.values.contains(where: { $0.provenance == table.provenance }) {
      if !used.contains(table.provenance.label) { used.append(table.provenance.label) }
      illustrative = illustrative || table.provenance.illustrative
    }
    self.targetSources = targetSources
    sources = used
    usesIllustrativeData = illustrative

    // Achievement ratios.
    var parameterSources: [String: String] = [:]
    var groups: [String] = []
    var indicators: [SimIndicator] = []
    for indicator in dataset.indicators where indicator.kind.isSplit {
      let fit = RatioFit(dataset: dataset, indicator: indicator.id, settings: settings)
      parameterSources[indicator.id] = fit.source
      if !groups.contains(indicator.action) { groups.append(indicator.action) }
      let cells: [[AreaCell?]] = simulated.map { year in
        dataset.areas.map { area in
          targets[year]!.value(indicator.id, area).number.map { target in
            Self.cell(indicator.id, area: area, year: year, target: target, dataset: dataset, fit: fit, settings: settings)
          }
        }
      }
      // Goals: the goal year's target, and the three-year goal.
      var annual = dataset.targets[indicator.id]?[goalYear]
      var threeYear = dataset.threeYearGoals[indicator.id]
      if indicator.kind == .share {
        guard let output = scenario.settings.industrialOutput[goalYear] ?? dataset.industrialOutput[goalYear] else {
          throw InputError(
            file: scenario.path,
            "\(indicator.name) is a share: the scenario needs [industrial_output] \(goalYear) = … (规上工业总产值, 亿元) to simulate it")
        }
        annual = annual.map { $0 / 100 * output }
        threeYear = threeYear.map { $0 / 100 * output }
      }
      var goals: [SimGoal] = []
      if let annual { goals.append(SimGoal(type: .annual, target: annual, aggregate: .finalYear)) }
      if let threeYear {
        if indicator.kind.goalIsSum {
          let achieved = known.reduce(0.0) { total, year in
            total + dataset.areas.reduce(0.0) { $0 + (dataset.table(year: year, kind: .actual)?.value(indicator.id, $1).number ?? 0) }
          }
          goals.append(SimGoal(type: .threeYear, target: threeYear, known: achieved, aggregate: .sumOfYears))
        } else {
          goals.append(SimGoal(type: .threeYear, target: threeYear, aggregate: .finalYear))
        }
      }
      indicators.append(
        SimIndicator(
          id: indicator.id, name: indicator.areaName, kind: indicator.kind == .stock ? .level : SimKind(rawValue: indicator.kind.rawValue)!,
          group: groups.firstIndex(of: indicator.action)!, cells: cells, goals: goals))
    }
    self.parameterSources = parameterSources
    input = SimulationInput(areas: dataset.areas, years: simulated, groups: groups, factor: settings.factor, indicators: indicators)
  }
}

extension SimulationSetup {
  /// One street in one simulated year: its target, its progress to date, and the ratio's parameters
  /// (fitted or default, per-line overrides, shocks applied).
  static func cell(
    _ indicator: String, area: String, year: Int, target: Double, dataset: Dataset, fit: RatioFit,
    settings: SimulationSettings
  ) -> AreaCell {
    let override = settings.byIndicator[indicator]
    var mean = override?.meanRatio ?? fit.meanRatio(area)
    for shock in settings.shocks
    where shock.indicators.contains(indicator) && (shock.areas.isEmpty || shock.areas.contains(area))
      && (shock.years.isEmpty || shock.years.contains(year))
    {
      mean *= 1 + shock.change
    }
    let progress = dataset.table(year: year, kind: .progress)
    return AreaCell(
      target: target, known: progress?.value(indicator, area).number ?? 0,
      remaining: progress.map { 1 - ($0.fractionOfYear ?? 0) } ?? 1, meanRatio: max(0, mean),
      sigma: override?.sigma ?? fit.sigma, correlation: override?.correlation ?? settings.correlation)
  }
}

/// The achievement ratio R = actual ÷ target of one indicator, fitted from the dataset's years that
/// have both a target table and actuals: log R pooled across streets (mean and standard deviation),
/// each street's mean shrunk toward the pool by `prior_strength` pseudo-observations
/// (m_s = (n_s·mean_s + k·mean_pool) / (n_s + k)). With fewer than 3 pairs, the scenario's defaults.
struct RatioFit {
  var pooledMean: Double?
  var sigma: Double
  var streetMeans: [String: (mean: Double, count: Int)] = [:]
  var priorStrength: Double
  var defaultMean: Double
  var source: String

  init(dataset: Dataset, indicator: String, settings: SimulationSettings) {
    var logs: [(String, Double)] = []
    for actual in dataset.tables where actual.kind == .actual {
      guard let target = dataset.table(year: actual.year, kind: .target) else { continue }
      for area in dataset.areas {
        if let a = actual.value(indicator, area).number, let t = target.value(indicator, area).number, t > 0, a > 0 {
          logs.append((area, log(a / t)))
        }
      }
    }
    priorStrength = settings.priorStrength
    defaultMean = settings.meanRatio
    guard logs.count >= 3 else {
      sigma = settings.sigma
      source = "scenario defaults (mean ratio \(settings.meanRatio), sigma \(settings.sigma))"
      return
    }
    let mean = logs.reduce(0) { $0 + $1.1 } / Double(logs.count)
    let variance = logs.reduce(0) { $0 + ($1.1 - mean) * ($1.1 - mean) } / Double(logs.count - 1)
    pooledMean = mean
    sigma = variance.squareRoot()
    for (area, value) in logs {
      let previous = streetMeans[area] ?? (0, 0)
      streetMeans[area] = (previous.mean + value, previous.count + 1)
    }
    for (area, entry) in streetMeans { streetMeans[area] = (entry.mean / Double(entry.count), entry.count) }
    source = "fitted from \(logs.count) street-years of actual ÷ target (pooled sigma \(String(format: "%.3f", sigma)), street means shrunk by \(priorStrength))"
  }

  /// E[R] for a street: exp(m + σ²/2) of its shrunk log-mean, or the default.
  func meanRatio(_ area: String) -> Double {
    guard let pooled = pooledMean else { return defaultMean }
    let own = streetMeans[area]
    let n = Double(own?.count ?? 0)
    let m = (n * (own?.mean ?? 0) + priorStrength * pooled) / max(n + priorStrength, 1e-12)
    return exp(m + sigma * sigma / 2)
  }
}
