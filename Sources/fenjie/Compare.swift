import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieText
import Foundation

extension Fenjie {
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Say.Help.compareAbstract.text())

    @Argument(help: ArgumentHelp(Say.Help.compareScenarios.text(), valueName: "scenarios"))
    var scenarios: [String]

    @OptionGroup var language: LanguageOptions

    /// --set, --lock and --shock apply to every scenario compared.
    @OptionGroup var changes: ChangeOptions

    @OptionGroup var output: TextOutputOptions

    @OptionGroup var layout: WidthOptions

    /// --runs applies to every scenario; --seed too (default: the base scenario's seed for all).
    @OptionGroup var simulation: SimulationOptions

    @Flag(name: .customLong("no-odds"), help: ArgumentHelp(Say.Help.noOdds.text()))
    var noOdds = false

    func validate() throws {
      try layout.check(output.resolvedFormat)
      if scenarios.count < 2 { throw ValidationError(Say.CommandLine.compareNeedsTwo.text()) }
      if noOdds {
        let idle = [("--runs", simulation.runs != nil), ("--seed", simulation.seed != nil), ("--threads", simulation.threadsOption != nil), ("--shock", !changes.shocks.isEmpty)]
        if let (option, _) = idle.first(where: \.1) {
          throw ValidationError(Say.CommandLine.idleWithNoOdds(option).text())
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
