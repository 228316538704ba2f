import FenjieText
import FenjieCore
import FenjieSimulation
import LinearProgramming

/// What each command does, as one call: the command line parses, calls one of these, and prints.
/// The solver is chosen by the caller (the command line gives GLPK).
public struct Planner: Sendable {
  public var solver: any LinearSolver

  public init(solver: any LinearSolver) { self.solver = solver }

  /// The scenario's 分解表 for its year.
  public func allocate(_ scenario: Scenario) throws(PlanningError) -> AllocationResult {
    do {
      return try Allocator(dataset: scenario.dataset, settings: scenario.settings, solver: solver).allocate()
    } catch {
      throw .scenario(file: scenario.path, message: error.description)
    }
  }

  /// The 分解表 with each line's margin chosen so that the district total reaches its target with at
  /// least `level` probability (`--confidence`), and the margins found.
  public func allocate(
    _ scenario: Scenario, confidence level: Double, runs: Int
  ) throws(PlanningError) -> (AllocationResult, ConfidenceMargins) {
    let margins = try ConfidenceMargins(
      scenario: scenario, simulation: scenario.simulation, level: level, runs: runs, checkRuns: runs * 5 / 2,
      solver: solver)
    var adjusted = scenario
    adjusted.settings = margins.settings
    return (try allocate(adjusted), margins)
  }

  /// The simulation's input for the scenario: street targets per simulated year, ratio parameters,
  /// goals.
  public func simulationSetup(_ scenario: Scenario, settings: SimulationSettings) throws(PlanningError) -> SimulationSetup {
    try SimulationSetup(scenario: scenario, settings: settings, solver: solver)
  }

  /// Simulates a set-up: `runs` runs, or until every P(hit)'s standard error is at most `precision`.
  public func simulate(
    _ setup: SimulationSetup, scenario: Scenario, threads: Int, precision: Double? = nil, maxRuns: Int = 10_000_000,
    progress: (@Sendable (Double) -> Void)? = nil
  ) throws(PlanningError) -> SimulationResult {
    do {
      let simulator = try Simulator(input: setup.input)
      if let precision {
        return try simulator.run(
          precision: precision, seed: setup.settings.seed, threads: threads, maxRuns: maxRuns, progress: progress)
      }
      return try simulator.run(runs: setup.settings.runs, seed: setup.settings.seed, threads: threads, progress: progress)
    } catch {
      throw .simulation(file: scenario.path, message: Say.Planning.invalidSimulationInput("\(error)").text())
    }
  }

  /// How well calibrated the odds are on the dataset's years with actuals (see ``Backtest``).
  public func backtest(
    _ scenario: Scenario, settings: SimulationSettings, runs: Int, threads: Int
  ) throws(PlanningError) -> Backtest {
    let backtest = try Backtest(scenario: scenario, settings: settings, runs: runs, threads: threads, solver: solver)
    guard !backtest.forecasts.isEmpty else {
      throw .scenario(
        file: scenario.path,
        message: Say.Planning.nothingToBacktest.text())
    }
    return backtest
  }

  /// Scenarios side by side: each allocated, and (unless `odds` is false) simulated with the same
  /// runs and seed (the first scenario's seed unless one is given).
  public func compare(
    _ scenarios: [(name: String, scenario: Scenario)], runs: Int?, seed: UInt64?, threads: Int, odds: Bool
  ) throws(PlanningError) -> Comparison {
    var outcomes: [ScenarioOutcome] = []
    var seedUsed = seed
    for (name, scenario) in scenarios {
      let allocation = try allocate(scenario)
      var result: SimulationResult? = nil
      var setup: SimulationSetup? = nil
      if odds {
        var settings = scenario.simulation
        if let runs { settings.runs = runs }
        if seedUsed == nil { seedUsed = settings.seed }
        settings.seed = seedUsed!
        let prepared = try simulationSetup(scenario, settings: settings)
        result = try simulate(prepared, scenario: scenario, threads: threads)
        setup = prepared
      }
      outcomes.append(ScenarioOutcome(name: name, allocation: allocation, simulation: result, setup: setup))
    }
    return Comparison(base: outcomes[0], alternatives: Array(outcomes.dropFirst()))
  }
}
