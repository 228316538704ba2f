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

    /// --runs applies to every scenario; --seed too (default: the base scenario's seed for all).
    @OptionGroup var simulation: SimulationOptions

    @Flag(name: .customLong("no-odds"), help: "Compare the tables only, without simulating.")
    var noOdds = false

    func validate() throws {
      if scenarios.count < 2 { throw ValidationError("give a base scenario and at least one alternative") }
      if output.resolvedFormat == .xlsx { throw ValidationError("--format xlsx is for allocate and simulate; compare writes table, csv, markdown or json") }
    }

    func run() throws {
      var outcomes: [ScenarioOutcome] = []
      var inputs: [String] = []
      var seedUsed = simulation.seed
      for path in scenarios {
        let loaded = try ScenarioLoader.load(path)
        inputs += loaded.inputFiles
        let allocation = try loaded.allocate()
        var odds: SimulationResult? = nil
        var setup: SimulationSetup? = nil
        if !noOdds {
          var settings = try simulation.settings(loaded)
          if seedUsed == nil { seedUsed = settings.seed }
          settings.seed = seedUsed!
          let prepared = try SimulationSetup(scenario: loaded, settings: settings)
          odds = try prepared.simulator(loaded).run(runs: settings.runs, seed: settings.seed, threads: simulation.threads)
          setup = prepared
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        outcomes.append(ScenarioOutcome(name: name, allocation: allocation, simulation: odds, setup: setup))
      }
      let report = ComparisonReport(base: outcomes[0], alternatives: Array(outcomes.dropFirst()))
      try output.emit(report.render(output.resolvedFormat), inputs: inputs)
    }
  }
}
