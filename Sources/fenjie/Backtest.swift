import ArgumentParser
import FenjieFiles
import FenjiePlanning
import FenjieReports
import Foundation

extension Fenjie {
  struct Backtest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "How well calibrated the odds are: each year with actuals forecast from the others (Brier, reliability, P10–P90 coverage, against last year's ratio).",
      discussion: """
        Needs a dataset with actuals ([[tables]] of kind "actual"). A year with progress to date is also
        forecast from its first months. The same seed gives the same numbers whatever the threads.
        """)

    static let defaultScenario = "Scenarios/liangxi-2026-progress.toml"

    @Argument(help: "Scenario file (TOML). Default: \(defaultScenario).")
    var scenario: String = defaultScenario

    @OptionGroup var changes: ChangeOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var simulation: SimulationOptions

    @OptionGroup var layout: WidthOptions

    func validate() throws { try layout.check(output.resolvedFormat) }

    func run() throws {
      let loaded = try ScenarioLoader.load(scenario, changes: changes.changes)
      var settings = simulation.settings(loaded)
      if simulation.runs == nil { settings.runs = min(settings.runs, 20_000) }
      let backtest = try Fenjie.planner.backtest(loaded, settings: settings, runs: settings.runs, threads: simulation.threads)
      var report = BacktestReport(backtest, version: Fenjie.version)
      report.width = layout.width(writingTo: output.output)
      guard output.resolvedFormat != .xlsx else {
        throw ValidationError("backtest writes table, csv, markdown or json")
      }
      try output.emit(report.render(output.resolvedFormat), inputs: loaded.inputFiles)
    }
  }
}
