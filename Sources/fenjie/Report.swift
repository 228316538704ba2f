import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieSimulation
import FenjieText
import Foundation

extension Fenjie {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Say.Help.reportAbstract.text(), discussion: Say.Help.reportDiscussion.text())

    @Argument(help: ArgumentHelp(Say.Help.scenario(default: Simulate.defaultScenario).text(), valueName: "scenario"))
    var scenario: String?

    @OptionGroup var language: LanguageOptions

    @OptionGroup var changes: ChangeOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(Say.Help.reportOutput.text()))
    var output: String = "report.html"

    @OptionGroup var simulation: SimulationOptions

    func validate() throws {
      if output.isEmpty { throw ValidationError(Say.CommandLine.reportNeedsFile.text()) }
      let ext = (output as NSString).pathExtension.lowercased()
      if !["html", "htm"].contains(ext) {
        throw ValidationError(Say.CommandLine.reportWritesHTML(output).text())
      }
    }

    func run() throws {
      let scenario = try Fenjie.scenarioPath(scenario, default: Simulate.defaultScenario)
      let loaded = try Fenjie.loadScenario(scenario, changes: changes.changes, allowTree: true)
      if loaded.tree != nil { return try writeTree(loaded) }
      let allocation = try Fenjie.planner.allocate(loaded)
      let settings = simulation.settings(loaded)
      let setup = try Fenjie.planner.simulationSetup(loaded, settings: settings)
      let progress = ProgressBar(totalHint: settings.runs)
      let result = try Fenjie.planner.simulate(setup, scenario: loaded, threads: simulation.threads, progress: progress.callback)
      progress.finish()

      var report = HTMLReport(
        allocation: allocation, setup: setup, simulation: result, purpose: loaded.purpose, scenario: scenario,
        version: Fenjie.version)
      report.changes =
        changes.sets.map { "--set \($0)" } + changes.locks.map { "--lock \($0)" } + changes.shocks.map { "--shock \($0)" }
      try OutputFile.write(report.render(), to: output, protecting: loaded.inputFiles)

      let infeasible = allocation.indicators.filter { $0.status == .infeasible }
      let wrote = Say.CommandLine.wroteReport(
        output, region: allocation.region, year: allocation.year, goalYear: result.goalYear, runs: result.runs, seed: result.seed)
      try StandardStreams.write("\(wrote)\n")
      if !infeasible.isEmpty {
        StandardStreams.writeError(
          "fenjie: \(Say.CommandLine.reportInfeasible(infeasible.count, lines: infeasible.map(\.indicator.areaName).joined(separator: "、")))\n")
        throw ExitCode(1)
      }
    }
  }
}
