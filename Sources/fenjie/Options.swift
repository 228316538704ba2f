import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieSimulation
import Foundation

/// The scenario a command runs on.
struct ScenarioOptions: ParsableArguments {
  static let defaultScenario = "Scenarios/liangxi-2025.toml"

  @Argument(help: "Scenario file (TOML). Default: \(defaultScenario).")
  var scenario: String = defaultScenario

  @Option(help: "Plan year to allocate (overrides the scenario's year).")
  var year: Int?

  @OptionGroup var changes: ChangeOptions

  func load() throws -> Scenario {
    try ScenarioLoader.load(scenario, year: year, changes: changes.changes)
  }
}

/// Quick what-if changes without writing a scenario file.
struct ChangeOptions: ParsableArguments {
  @Option(name: .customLong("set"), help: ArgumentHelp("Change a scenario value, e.g. --set capacity.max_growth=0.3 (repeatable).", valueName: "key=value"))
  var sets: [String] = []

  @Option(name: .customLong("lock"), help: ArgumentHelp("Fix an area's value, e.g. --lock 扬名街道:高新技术企业申报数=90 (repeatable).", valueName: "area:indicator=value"))
  var locks: [String] = []

  @Option(name: .customLong("shock"), help: ArgumentHelp("Shift the mean achievement, e.g. --shock 外国高端人才来华工作数=-15% (AREA:INDICATOR=… for one area, …@2026 for one year; repeatable).", valueName: "indicator=change"))
  var shocks: [String] = []

  var changes: ScenarioChanges { ScenarioChanges(sets: sets, locks: locks, shocks: shocks) }
}

/// Where and how a command writes.
struct OutputOptions: ParsableArguments {
  @Option(help: "table (terminal), csv (opens in Excel/WPS), markdown, json or xlsx (an Excel workbook). Default: from --output's extension, else table.")
  var format: String?

  @Option(name: .shortAndLong, help: "Write to this file (replaced safely) instead of standard output.")
  var output: String?

  func validate() throws {
    if let format, OutputFormat(rawValue: format) == nil {
      throw ValidationError("--format \(format): choose one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
    }
  }

  var resolvedFormat: OutputFormat {
    if let format, let value = OutputFormat(rawValue: format) { return value }
    switch (output as NSString?)?.pathExtension.lowercased() {
    case "csv": return .csv
    case "md", "markdown": return .markdown
    case "json": return .json
    case "xlsx": return .xlsx
    default: return .table
    }
  }

  /// Prints or writes `text`, never over one of `inputs`.
  func emit(_ text: String, inputs: [String]) throws {
    if let output {
      try OutputFile.write(text, to: output, protecting: inputs)
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
  }

  /// Writes a binary output (an .xlsx workbook): to --output, or to standard output when that is
  /// not a terminal.
  func emit(_ data: Data, inputs: [String]) throws {
    if let output {
      try OutputFile.write(data, to: output, protecting: inputs)
    } else if isatty(STDOUT_FILENO) != 0 {
      throw ValidationError("--format xlsx writes an Excel workbook: give --output FILE.xlsx (or redirect standard output to a file)")
    } else {
      FileHandle.standardOutput.write(data)
    }
  }

  /// Writes the report in the chosen format: the workbook for xlsx, else the rendered text.
  func emit(text: () -> String, workbook: () throws(XLSXError) -> Data, inputs: [String]) throws {
    guard resolvedFormat == .xlsx else { return try emit(text(), inputs: inputs) }
    do {
      try emit(try workbook(), inputs: inputs)
    } catch let error as XLSXError {
      throw OutputError(path: output ?? "-", "cannot be written as a workbook: \(error.message)", refused: false)
    }
  }
}

/// Runs, seed and threads, for every command that simulates.
struct SimulationOptions: ParsableArguments {
  @Option(help: "Number of runs (default: the scenario's [simulation] runs, else 100000).")
  var runs: Int?

  @Option(help: "Seed of the random generator (default: the scenario's, else 2026).")
  var seed: UInt64?

  @Option(help: "Worker threads (default: every core). Never changes the numbers.")
  var threads: Int = Simulator.defaultThreads

  func validate() throws {
    if let runs, runs < 1 || runs > 100_000_000 { throw ValidationError("--runs must be between 1 and 100000000") }
    if threads < 1 || threads > 1024 { throw ValidationError("--threads must be between 1 and 1024") }
  }

  /// The scenario's `[simulation]` settings with --runs and --seed applied.
  func settings(_ scenario: Scenario) -> SimulationSettings {
    var settings = scenario.simulation
    if let runs { settings.runs = runs }
    if let seed { settings.seed = seed }
    return settings
  }
}
