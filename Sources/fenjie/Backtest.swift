import ArgumentParser
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieText
import Foundation

extension Fenjie {
  struct Backtest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Say.Help.backtestAbstract.text(), discussion: Say.Help.backtestDiscussion.text())

    static let defaultScenario = "Scenarios/liangxi-2026-progress.toml"

    @Argument(help: ArgumentHelp(Say.Help.scenario(default: defaultScenario).text(), valueName: "scenario"))
    var scenario: String?

    @OptionGroup var language: LanguageOptions

    @OptionGroup var changes: ChangeOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var simulation: SimulationOptions

    @OptionGroup var layout: WidthOptions

    func validate() throws { try layout.check(output.resolvedFormat) }

    func run() throws {
      let loaded = try ScenarioLoader.load(try Fenjie.scenarioPath(scenario, default: Self.defaultScenario), changes: changes.changes)
      var settings = simulation.settings(loaded)
      if simulation.runs == nil { settings.runs = min(settings.runs, 20_000) }
      let backtest = try Fenjie.planner.backtest(loaded, settings: settings, runs: settings.runs, threads: simulation.threads)
      var report = BacktestReport(backtest, version: Fenjie.version)
      report.width = layout.width(writingTo: output.output)
      guard output.resolvedFormat != .xlsx else {
        throw ValidationError(Say.CommandLine.backtestFormats.text())
      }
      try output.emit(report.render(output.resolvedFormat), inputs: loaded.inputFiles)
    }
  }
}
