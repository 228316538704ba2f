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

    /// --set, --lock and --shock apply to every scenario compared.
    @OptionGroup var changes: ChangeOptions

    @OptionGroup var output: TextOutputOptions

    @OptionGroup var layout: WidthOptions

    /// --runs applies to every scenario; --seed too (default: the base scenario's seed for all).
    @OptionGroup var simulation: SimulationOptions

    @Flag(name: .customLong("no-odds"), help: "Compare the tables only, without simulating.")
    var noOdds = false

    func validate() throws {
      try layout.check(output.resolvedFormat)
      if scenarios.count < 2 { throw ValidationError("give a base scenario and at least one alternative") }
      if noOdds {
        let idle = [("--runs", simulation.runs != nil), ("--seed", simulation.seed != nil), ("--threads", simulation.threadsOption != nil), ("--shock", !changes.shocks.isEmpty)]
        if let (option, _) = idle.first(where: \.1) {
          throw ValidationError("\(option) does nothing with --no-odds (it changes only the simulated odds, which --no-odds leaves out)")
        }
      }
    }

    func run() throws {
      var loaded: [(name: String, scenario: Scenario)] = []
      for path in scenarios {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        loaded.append((name, try Fenjie.loadScenario(path, changes: changes.changes)))
      }
      let comparison = try Fenjie.planner.compare(
        loaded, runs: simulation.runs, seed: simulation.seed, threads: simulation.threads, odds: !noOdds)
      let inputs = loaded.flatMap(\.scenario.inputFiles)
      var report = ComparisonReport(comparison)
      report.width = layout.width(writingTo: output.output)
      try output.emit(report.render(output.resolvedFormat), inputs: inputs)
    }
  }
}
