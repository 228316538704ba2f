import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieSimulation
import FenjieText
import Foundation

extension Fenjie {
  struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Say.Help.simulateAbstract.text(), discussion: Say.Help.simulateDiscussion.text())

    static let defaultScenario = "Scenarios/liangxi-2026.toml"

    @Argument(help: ArgumentHelp(Say.Help.scenario(default: defaultScenario).text(), valueName: "scenario"))
    var scenario: String?

    @OptionGroup var language: LanguageOptions

    @OptionGroup var changes: ChangeOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var layout: WidthOptions

    @OptionGroup var simulation: SimulationOptions

    @Option(parsing: .unconditional, help: ArgumentHelp(Say.Help.precision.text()))
    var precision: Double?

    @Option(name: .customLong("max-runs"), parsing: .unconditional, help: ArgumentHelp(Say.Help.maxRuns.text()))
    var maxRunsOption: Int?

    var maxRuns: Int { maxRunsOption ?? 10_000_000 }

    @Option(help: ArgumentHelp(Say.Tree.simulateRegionHelp.text(), valueName: "NAME"))
    var region: String?

    @Option(name: .customLong("write-model"), help: ArgumentHelp(Say.Help.writeModel.text()))
    var writeModel: String?

    func validate() throws {
      try layout.check(output.resolvedFormat)
      if let precision, !(precision > 0 && precision <= 0.5) { throw ValidationError(Say.CommandLine.precisionRange.text()) }
      if maxRuns < 1 { throw ValidationError(Say.CommandLine.maxRunsRange.text()) }
      if let maxRunsOption, precision == nil {
        throw ValidationError(Say.CommandLine.maxRunsAlone(maxRunsOption).text())
      }
    }

    func run() throws {
      let loaded = try Fenjie.loadScenario(
        try Fenjie.scenarioPath(scenario, default: Self.defaultScenario), changes: changes.changes, allowTree: true)
      if loaded.tree != nil || region != nil { return try runTree(loaded) }
      let settings = simulation.settings(loaded)
      let setup = try Fenjie.planner.simulationSetup(loaded, settings: settings)
      if let writeModel {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(setup.input)
        try OutputFile.write(String(decoding: data, as: UTF8.self) + "\n", to: writeModel, protecting: loaded.inputFiles, option: "--write-model")
      }
      let progress = ProgressBar(totalHint: precision == nil ? settings.runs : maxRuns)
      let result = try Fenjie.planner.simulate(
        setup, scenario: loaded, threads: simulation.threads, precision: precision, maxRuns: maxRuns,
        progress: progress.callback)
      progress.finish()
      var report = SimulationReport(setup: setup, result: result, version: Fenjie.version)
      report.units = Dictionary(loaded.dataset.indicators.map { ($0.id, $0.areaUnit) }, uniquingKeysWith: { first, _ in first })
      report.width = layout.width(writingTo: output.output)
      try output.emit(text: { report.render(output.resolvedFormat) }, workbook: report.workbook, inputs: loaded.inputFiles)
    }
  }
}

/// A progress bar on standard error, only when it is a terminal and the run is long enough to need
/// one; nothing of it reaches files or pipes.
final class ProgressBar: @unchecked Sendable {
  private let enabled: Bool
  private let start = Date()
  private var shown = false
  private let lock = NSLock()

  init(totalHint: Int) {
    enabled = isatty(STDERR_FILENO) == 1 && totalHint >= 200_000
  }

  var callback: (@Sendable (Double) -> Void)? {
    guard enabled else { return nil }
    return { [self] fraction in draw(fraction) }
  }

  private func draw(_ fraction: Double) {
    lock.lock()
    defer { lock.unlock() }
    guard Date().timeIntervalSince(start) > 0.5 else { return }
    shown = true
    let width = 30
    let filled = Int((min(1, max(0, fraction)) * Double(width)).rounded())
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    StandardStreams.writeError("\r  \(Say.CommandLine.simulating) \(bar) \(Int(fraction * 100))%")
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if shown { StandardStreams.writeError("\r\u{1B}[2K") }
  }
}
