import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
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
      var loaded: [(name: String, scenario: Scenario)] = []
      for path in scenarios {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        loaded.append((name, try ScenarioLoader.load(path)))
      }
      let comparison = try Fenjie.planner.compare(
        loaded, runs: simulation.runs, seed: simulation.seed, threads: simulation.threads, odds: !noOdds)
      let inputs = loaded.flatMap(\.scenario.inputFiles)
      let report = ComparisonReport(comparison)
      try output.emit(report.render(output.resolvedFormat), inputs: inputs)
    }
  }
}
