import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieSimulation
import Foundation

extension Fenjie {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "One self-contained HTML page: the year's 分解表, the odds of the goals, and charts.",
      discussion: """
        Allocates the scenario's year (as allocate does) and simulates the plan's goals (as simulate \
        does), then writes one HTML file that needs no network to view: inline SVG charts, no scripts, \
        no fonts or images fetched; it prints on A4 landscape. Exit status 1 when a line cannot be \
        allocated as set: the report is still written and says so at the top.
        """)

    @Argument(help: "Scenario file (TOML). Default: \(Simulate.defaultScenario).")
    var scenario: String = Simulate.defaultScenario

    @OptionGroup var changes: ChangeOptions

    @Option(name: .shortAndLong, help: "The HTML file to write (replaced safely).")
    var output: String = "report.html"

    @OptionGroup var simulation: SimulationOptions

    func validate() throws {
      if output.isEmpty { throw ValidationError("--output needs a file name, e.g. --output report.html") }
      let ext = (output as NSString).pathExtension.lowercased()
      if !["html", "htm"].contains(ext) {
        throw ValidationError("--output \(output): report writes one HTML page; name the file .html (e.g. --output report.html)")
      }
    }

    func run() throws {
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
      try StandardStreams.write("wrote \(output): \(allocation.region) \(allocation.year) 分解表 and the odds of the \(result.goalYear) goals (\(result.runs) runs, seed \(result.seed))\n")
      if !infeasible.isEmpty {
        StandardStreams.writeError(
          "fenjie: \(infeasible.count) line(s) cannot be allocated as set (\(infeasible.map(\.indicator.areaName).joined(separator: "、"))); the report says by how much and what would fix it\n")
        throw ExitCode(1)
      }
    }
  }
}
