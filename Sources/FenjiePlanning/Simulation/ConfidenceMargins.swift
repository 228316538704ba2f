import FenjieText
import FenjieCore
import FenjieSimulation
import LinearProgramming
import Foundation

/// Margins chosen so that each line's district total reaches its target with at least a given
/// probability under the scenario's simulation model (`fenjie allocate --confidence 0.9`).
///
/// Method: sample average approximation with a bisection on the margin. For one line, the
/// probability P(m) that the district total of the allocation year reaches the target, when the
/// line is allocated with margin m, is estimated from `runs` simulated years with a fixed seed (the
/// same draws for every m, so the estimate is a step function rising with m). The smallest margin
/// in [0, +300%] whose estimate is at least the level is found by bisection to 0.1 percentage
/// point; parents come before their "其中" lines. A margin is never negative: a line that reaches
/// the level with no margin keeps margin 0 (it is already safe) rather than fall below the target. The final table is then checked by an independent
/// simulation with another seed.
public struct ConfidenceMargins: Sendable {
  public struct Line: Sendable {
    public var indicator: String
    public var name: String
    public var margin: Double
    /// From the independent check.
    public var probability: Double
    public var interval: ProbabilityInterval
    /// The level could not be reached within +300%.
    public var reached: Bool
    /// The level is reached with no margin at all: the margin stays 0, never below the target.
    public var alreadySafe: Bool = false
  }

  public var level: Double
  public var runs: Int
  public var seed: UInt64
  public var checkRuns: Int
  public var checkSeed: UInt64
  public var lines: [Line]
  public var settings: AllocationSettings

  public static var method: String { Say.Planning.confidenceMethod.text() }

  public init(
    scenario: Scenario, simulation: SimulationSettings, level: Double, runs: Int = 20_000, checkRuns: Int = 50_000,
    solver: any LinearSolver
  ) throws(PlanningError) {
    self.level = level
    self.runs = runs
    self.checkRuns = checkRuns
    seed = simulation.seed
    checkSeed = simulation.seed &+ 1
    let dataset = scenario.dataset
    var settings = scenario.settings
    var lines: [Line] = []
    let year = settings.year
    // Parents before their "其中" lines.
    var order: [Indicator] = []
    var pending = dataset.indicators.filter { $0.kind.isSplit }
    while !pending.isEmpty {
      let ready = pending.filter { line in line.parent == nil || !pending.contains { $0.id == line.parent } }
      order += ready
      pending.removeAll { line in ready.contains { $0.id == line.id } }
    }
    let fit = try SimulationSetup.fitTargets(scenario: scenario, solver: solver)
    let prior = RatioFit.prior(dataset: dataset, targets: fit.targets)
    for indicator in order {
      let family = Set([indicator.id] + (indicator.parent.map { [$0] } ?? []))
      func probability(_ margin: Double, seed: UInt64, runs: Int) throws(PlanningError) -> Double? {
        var trial = settings
        trial.marginByIndicator[indicator.id] = margin
        trial.onlyIndicators = family
        let allocation: AllocationResult
        do { allocation = try Allocator(dataset: dataset, settings: trial, solver: solver).allocate() } catch {
          throw .scenario(file: scenario.path, message: error.description)
        }
        guard let line = allocation.indicators.first(where: { $0.indicator.id == indicator.id }),
          let target = line.districtTarget
        else { return nil }
        let input = ConfidenceMargins.model(
          indicator, line: line, target: target, year: year, dataset: dataset, simulation: simulation,
          areas: allocation.areas, fitTargets: fit.targets, prior: prior)
        do {
          return try Simulator(input: input).run(runs: runs, seed: seed, threads: Simulator.defaultThreads).goals.first?.pHit
        } catch { throw .simulation(file: scenario.path, message: Say.Planning.cannotSimulate(indicator.name, "\(error)").text()) }
      }
      var low = 0.0
      var high = 3.0
      guard let top = try probability(high, seed: seed, runs: runs) else { continue }
      let reached = top >= level
      var safe = false
      if reached, let bottom = try probability(low, seed: seed, runs: runs), bottom >= level {
        high = low
        safe = true
      } else if reached {
        while high - low > 0.001 {
          let mid = (low + high) / 2
          if (try probability(mid, seed: seed, runs: runs) ?? 0) >= level { high = mid } else { low = mid }
        }
      }
      if !reached { high = 3.0 }
      let margin = (high * 1000).rounded(.up) / 1000
      settings.marginByIndicator[indicator.id] = margin
      // The independent check, with another seed and more runs.
      let checked = try probability(margin, seed: checkSeed, runs: checkRuns) ?? 0
      let hits = Int((checked * Double(checkRuns)).rounded())
      lines.append(
        Line(
          indicator: indicator.id, name: indicator.areaName, margin: margin, probability: checked,
          interval: ProbabilityInterval(wilsonHits: hits, runs: checkRuns), reached: reached, alreadySafe: safe))
    }
    self.lines = lines
    self.settings = settings
  }

  /// One line in one year: its areas' targets from the allocation, the ratio parameters of the
  /// scenario's simulation model, the district target as the only goal.
  static func model(
    _ indicator: Indicator, line: IndicatorAllocation, target: Double, year: Int, dataset: Dataset,
    simulation: SimulationSettings, areas: [String], fitTargets: [Int: AreaTable] = [:], prior: RatioFit.Prior? = nil
  ) -> SimulationInput {
    let fit = RatioFit(dataset: dataset, indicator: indicator.id, settings: simulation, targets: fitTargets, prior: prior)
    let kind = SimKind(rawValue: indicator.kind.rawValue)!
    let cells: [AreaCell?] = areas.map { area in
      line.areas[area]?.value.map { value in
        SimulationSetup.cell(
          indicator.id, kind: kind, area: area, year: year, target: value, dataset: dataset, fit: fit,
          settings: simulation
        ).0
      }
    }
    return SimulationInput(
      areas: areas, years: [year], groups: [indicator.action], factor: .district,
      indicators: [
        SimIndicator(
          id: indicator.id, name: indicator.areaName, kind: kind, group: 0,
          cells: [cells], goals: [SimGoal(type: .annual, target: target, aggregate: .finalYear)])
      ])
  }
}
