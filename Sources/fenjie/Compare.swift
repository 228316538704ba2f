import ArgumentParser
import FenjieCore
import FenjieIO
import FenjieSimulation
import Foundation

extension Fenjie {
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Scenarios side by side: how each street's targets and each goal's odds change, largest changes first.")

    @Argument(help: "The base scenario, then one or more alternatives.")
    var scenarios: [String]

    @OptionGroup var output: OutputOptions

    @Option(help: "Runs per scenario (default: each scenario's own, else 100000).")
    var runs: Int?

    @Option(help: "Seed, the same for every scenario (default: the base scenario's).")
    var seed: UInt64?

    @Option(help: "Worker threads (never changes the numbers).")
    var threads: Int = Simulator.defaultThreads

    @Flag(name: .customLong("no-odds"), help: "Compare the tables only, without simulating.")
    var noOdds = false

    func validate() throws {
      if scenarios.count < 2 { throw ValidationError("give a base scenario and at least one alternative") }
      if output.resolvedFormat == .xlsx { throw ValidationError("--format xlsx is for allocate and simulate; compare writes table, csv, markdown or json") }
      if let runs, runs < 1 || runs > 100_000_000 { throw ValidationError("--runs must be between 1 and 100000000") }
    }

    func run() throws {
      var outcomes: [ScenarioOutcome] = []
      var inputs: [String] = []
      var seedUsed = seed
      for path in scenarios {
        let loaded = try ScenarioLoader.load(path)
        inputs += loaded.inputFiles
        let allocation: AllocationResult
        do {
          allocation = try Allocator(dataset: loaded.dataset, settings: loaded.settings).allocate()
        } catch {
          throw InputError(file: path, error.description)
        }
        var simulation: SimulationResult? = nil
        var setup: SimulationSetup? = nil
        if !noOdds {
          var settings = try ScenarioLoader.simulationSettings(loaded)
          if let runs { settings.runs = runs }
          if seedUsed == nil { seedUsed = settings.seed }
          settings.seed = seedUsed!
          let prepared = try SimulationSetup(scenario: loaded, settings: settings)
          do {
            simulation = try Simulator(input: prepared.input).run(runs: settings.runs, seed: settings.seed, threads: threads)
          } catch {
            throw InputError(file: path, "cannot be simulated: \(error)")
          }
          setup = prepared
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        outcomes.append(ScenarioOutcome(name: name, allocation: allocation, simulation: simulation, setup: setup))
      }
      let report = ComparisonReport(base: outcomes[0], alternatives: Array(outcomes.dropFirst()))
      try output.emit(report.render(output.resolvedFormat), inputs: inputs)
    }
  }
}
