import FenjieText
import FenjieCore
import FenjieSimulation
import LinearProgramming
import Foundation

/// How well the odds would have done on the years whose outcome is known (`fenjie backtest`).
///
/// For every year Y with actuals and a street table to hold them against (the published 分解表,
/// else fenjie's own allocation of Y), the year is held out: its actuals (and its progress) are
/// removed from the dataset, the ratios are fitted from the rest exactly as `fenjie simulate`
/// fits them, and year Y is simulated with its street targets. Where Y also has progress to date,
/// a second forecast keeps the progress: the rest of the year from its first months, with the
/// pace update of `simulate`.
///
/// Each forecast gives events: per line, the district total reaching the district target (with
/// its P10–P90 band against the actual total), and per street, the street reaching its own target.
/// ``Calibration`` scores them, for the model and for the naive model ("last year's ratio": each
/// street delivers its target × its actual ÷ target of the latest other year with both; P = 1 if
/// that reaches the target, else 0; a street without such a year: ratio 1).
public struct Backtest: Sendable {
  public struct Street: Sendable {
    public var area: String
    public var target: Double
    public var actual: Double
    public var probability: Double
    public var naiveProbability: Double
  }

  public struct Line: Sendable {
    public var indicator: String
    public var name: String
    /// nil where the district target is not known (a share without 规上工业总产值).
    public var districtTarget: Double?
    public var districtActual: Double
    public var probability: Double?
    public var p10: Double?
    public var p50: Double?
    public var p90: Double?
    public var naiveForecast: Double
    public var streets: [Street]
  }

  public struct Forecast: Sendable {
    public var year: Int
    /// The share of the year known when forecasting (nil: the whole year was forecast).
    public var fractionKnown: Double?
    public var targetSource: String
    /// Years whose actuals the fit used.
    public var fittedFrom: [Int]
    public var lines: [Line]
  }

  public var region: String
  public var runs: Int
  public var seed: UInt64
  public var generator: String
  public var forecasts: [Forecast]
  /// District and street events together, and the district totals' bands.
  public var model: Calibration
  public var naive: Calibration
  /// District events only.
  public var districtModel: Calibration
  public var districtNaive: Calibration
  public var usesIllustrativeData: Bool
  public var sources: [String]

  public static var method: String { Say.Planning.backtestMethod.text() }

  public init(
    scenario: Scenario, settings: SimulationSettings, runs: Int, threads: Int, solver: any LinearSolver
  ) throws(PlanningError) {
    let full = scenario.dataset
    region = full.region
    self.runs = runs
    seed = settings.seed
    generator = Simulator.generatorName
    let fit = try SimulationSetup.fitTargets(scenario: scenario, solver: solver)
    var illustrative = fit.illustrative
    var sources = [full.targetsProvenance.label]
    for table in full.tables where !sources.contains(table.provenance.label) {
      sources.append(table.provenance.label)
      illustrative = illustrative || table.provenance.illustrative
    }
    illustrative = illustrative || full.targetsProvenance.illustrative
    for year in fit.sources.keys.sorted() { sources.append(fit.sources[year]!) }
    var forecasts: [Forecast] = []
    for actual in full.tables.filter({ $0.kind == .actual }).sorted(by: { $0.year < $1.year }) {
      let year = actual.year
      let published = full.table(year: year, kind: .target)
      guard let targets = published ?? fit.targets[year] else { continue }
      let targetSource = published.map { Say.Planning.publishedTable(year, $0.provenance.label).text() } ?? fit.sources[year]!
      var variants: [Double?] = [nil]
      if let progress = full.table(year: year, kind: .progress) { variants.append(progress.fractionOfYear ?? 0) }
      for fraction in variants {
        var dataset = full
        dataset.tables.removeAll { $0.year == year && ($0.kind == .actual || ($0.kind == .progress && fraction == nil)) }
        var held = scenario
        held.dataset = dataset
        forecasts.append(
          try Self.forecast(
            year: year, fraction: fraction, dataset: dataset, full: full, actual: actual, targets: targets,
            targetSource: targetSource, fitTargets: fit.targets, scenario: held, settings: settings, runs: runs,
            threads: threads))
      }
    }
    self.forecasts = forecasts
    usesIllustrativeData = illustrative
    self.sources = sources
    var events: [Calibration.Event] = [], naiveEvents: [Calibration.Event] = []
    var district: [Calibration.Event] = [], districtNaive: [Calibration.Event] = []
    var bands: [Calibration.Band] = []
    for forecast in forecasts {
      for line in forecast.lines {
        if let target = line.districtTarget, let p = line.probability {
          let hit = line.districtActual >= target - 1e-9
          district.append(.init(probability: p, hit: hit))
          districtNaive.append(.init(probability: line.naiveForecast >= target - 1e-9 ? 1 : 0, hit: hit))
          if let p10 = line.p10, let p90 = line.p90 { bands.append(.init(p10: p10, p90: p90, outcome: line.districtActual)) }
        }
        for street in line.streets {
          let hit = street.actual >= street.target - 1e-9
          events.append(.init(probability: street.probability, hit: hit))
          naiveEvents.append(.init(probability: street.naiveProbability, hit: hit))
        }
      }
    }
    model = Calibration(events: district + events, bands: bands)
    naive = Calibration(events: districtNaive + naiveEvents)
    districtModel = Calibration(events: district, bands: bands)
    self.districtNaive = Calibration(events: districtNaive)
  }

  static func forecast(
    year: Int, fraction: Double?, dataset: Dataset, full: Dataset, actual: AreaTable, targets: AreaTable,
    targetSource: String, fitTargets: [Int: AreaTable], scenario: Scenario, settings: SimulationSettings, runs: Int,
    threads: Int
  ) throws(PlanningError) -> Forecast {
    let prior = RatioFit.prior(dataset: dataset, targets: fitTargets)
    var groups: [String] = []
    var indicators: [SimIndicator] = []
    var lines: [Line] = []
    for indicator in dataset.indicators where indicator.kind.isSplit {
      guard let kind = SimKind(rawValue: indicator.kind.rawValue) else { continue }
      let ratio = RatioFit(dataset: dataset, indicator: indicator.id, settings: settings, targets: fitTargets, prior: prior)
      var cells: [AreaCell?] = []
      var streets: [Street] = []
      var naiveTotal = 0.0
      var actualTotal = 0.0
      for area in dataset.areas {
        guard let target = targets.value(indicator.id, area).number else {
          cells.append(nil)
          continue
        }
        cells.append(
          SimulationSetup.cell(
            indicator.id, kind: kind, area: area, year: year, target: target, dataset: dataset, fit: ratio,
            settings: settings
          ).0)
        let last = lastRatio(indicator.id, area: area, before: year, dataset: dataset, fitTargets: fitTargets)
        naiveTotal += target * last
        if let a = actual.value(indicator.id, area).number {
          actualTotal += a
          if target > 0 {
            streets.append(
              Street(area: area, target: target, actual: a, probability: .nan, naiveProbability: last >= 1 - 1e-12 ? 1 : 0))
          }
        }
      }
      guard cells.contains(where: { $0 != nil }) else { continue }
      if !groups.contains(indicator.action) { groups.append(indicator.action) }
      var districtTarget: Double? = nil
      if let goals = try? SimulationSetup.goals(indicator, goalYear: year, known: [], scenario: scenario) {
        districtTarget = goals.first { $0.type == .annual }?.target
      }
      indicators.append(
        SimIndicator(
          id: indicator.id, name: indicator.areaName, kind: kind, group: groups.firstIndex(of: indicator.action)!,
          cells: [cells],
          goals: districtTarget.map { [SimGoal(type: .annual, target: $0, aggregate: .finalYear)] } ?? []))
      lines.append(
        Line(
          indicator: indicator.id, name: indicator.areaName, districtTarget: districtTarget,
          districtActual: actualTotal, naiveForecast: naiveTotal, streets: streets))
    }
    let input = SimulationInput(
      areas: dataset.areas, years: [year], groups: groups, factor: settings.factor, indicators: indicators)
    let result: SimulationResult
    do {
      result = try Simulator(input: input).run(runs: runs, seed: settings.seed, threads: threads)
    } catch {
      throw .simulation(file: scenario.path, message: Say.Planning.cannotSimulateHeldOut(year, "\(error)").text())
    }
    for i in indicators.indices {
      if let goal = result.goals.first(where: { $0.indicatorIndex == i }) {
        lines[i].probability = goal.pHit
        lines[i].p10 = goal.p10
        lines[i].p50 = goal.p50
        lines[i].p90 = goal.p90
      }
      let odds = result.indicators.first { $0.indicatorIndex == i }
      for s in lines[i].streets.indices {
        let area = dataset.areas.firstIndex(of: lines[i].streets[s].area)!
        lines[i].streets[s].probability = odds?.streets.first { $0.areaIndex == area }?.pMeetTarget ?? .nan
      }
      lines[i].streets.removeAll { $0.probability.isNaN }
    }
    let fitted = dataset.tables.filter { $0.kind == .actual }.map(\.year).sorted()
    return Forecast(year: year, fractionKnown: fraction, targetSource: targetSource, fittedFrom: fitted, lines: lines)
  }

  /// actual ÷ target of the street on the line in the latest other year with both (the years
  /// before `year` first, then after), or 1.
  static func lastRatio(
    _ indicator: String, area: String, before year: Int, dataset: Dataset, fitTargets: [Int: AreaTable]
  ) -> Double {
    let years = dataset.tables.filter { $0.kind == .actual && $0.year != year }.map(\.year)
    let order = years.filter { $0 < year }.sorted(by: >) + years.filter { $0 > year }.sorted()
    for y in order {
      guard let a = dataset.table(year: y, kind: .actual)?.value(indicator, area).number,
        let t = (dataset.table(year: y, kind: .target) ?? fitTargets[y])?.value(indicator, area).number, t > 0
      else { continue }
      return a / t
    }
    return 1
  }
}
