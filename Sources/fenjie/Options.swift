import ArgumentParser
import FenjieText
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

  @Option(parsing: .unconditional, help: "Plan year to allocate (overrides the scenario's year).")
  var year: Int?

  @OptionGroup var changes: ChangeOptions

  func load(allowTree: Bool = false) throws -> Scenario {
    try Fenjie.loadScenario(scenario, year: year, changes: changes.changes, allowTree: allowTree)
  }
}

extension Fenjie {
  /// Loads a scenario and prints what its reading found doubtful (`ReadingWarning`) on standard
  /// error: the run goes on, but never silently.
  static func loadScenario(_ path: String, year: Int? = nil, changes: ScenarioChanges, allowTree: Bool = false) throws -> Scenario {
    let scenario = try ScenarioLoader.load(path, year: year, changes: changes)
    if scenario.tree != nil, !allowTree { throw InputErrors([InputError(file: path, Say.Tree.treeNotSupported.description)]) }
    for warning in scenario.dataset.readingWarnings {
      StandardStreams.writeError(escapingControlCharacters("fenjie: warning: \(warning.description)\n"))
    }
    return scenario
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
struct OutputOptions: ParsableArguments, OutputChoice {
  @Option(help: "table (terminal), csv (opens in Excel/WPS), markdown, json or xlsx (an Excel workbook). Default: from --output's extension, else table.")
  var format: String?

  @Option(name: .shortAndLong, help: "Write to this file (replaced safely; never one of the run's inputs) instead of standard output.")
  var output: String?

  static let formats: [OutputFormat] = OutputFormat.allCases

  func validate() throws { try validateChoice() }
}

/// Where and how `compare` writes: the text formats (a comparison has no workbook).
struct TextOutputOptions: ParsableArguments, OutputChoice {
  @Option(help: "table (terminal), csv (opens in Excel/WPS), markdown or json. Default: from --output's extension, else table.")
  var format: String?

  @Option(name: .shortAndLong, help: "Write to this file (replaced safely; never one of the run's inputs) instead of standard output.")
  var output: String?

  static let formats: [OutputFormat] = [.table, .csv, .markdown, .json]

  func validate() throws { try validateChoice() }
}

/// --format and --output, and how a report is written to them.
protocol OutputChoice {
  var format: String? { get }
  var output: String? { get }
  static var formats: [OutputFormat] { get }
}

extension OutputChoice {
  /// The file name extensions that choose a format: .txt is the terminal table.
  static var extensions: [(String, OutputFormat)] {
    [("txt", .table), ("csv", .csv), ("md", .markdown), ("markdown", .markdown), ("json", .json), ("xlsx", .xlsx)]
      .filter { formats.contains($0.1) }
  }

  static var formatList: String { formats.map(\.rawValue).joined(separator: ", ") }

  func validateChoice() throws {
    if let format {
      guard let value = OutputFormat(rawValue: format), Self.formats.contains(value) else {
        throw ValidationError("--format \(format): choose one of \(Self.formatList)")
      }
    }
    if let output {
      if output.isEmpty { throw ValidationError("--output needs a file name") }
      let ext = (output as NSString).pathExtension.lowercased()
      if format == nil, !ext.isEmpty, !Self.extensions.contains(where: { $0.0 == ext }) {
        throw ValidationError(
          "--output \(output): fenjie does not write .\(ext) files; it writes \(Self.formatList) (\(Self.extensions.map { "." + $0.0 }.joined(separator: ", "))). Name the file with one of these extensions, or choose with --format")
      }
    }
  }

  var resolvedFormat: OutputFormat {
    if let format, let value = OutputFormat(rawValue: format) { return value }
    let ext = ((output ?? "") as NSString).pathExtension.lowercased()
    return Self.extensions.first { $0.0 == ext }?.1 ?? .table
  }

  /// Prints or writes `text`, never over one of `inputs`.
  func emit(_ text: String, inputs: [String]) throws {
    if let output {
      try OutputFile.write(text, to: output, protecting: inputs)
    } else {
      try StandardStreams.write(text)
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
      try StandardStreams.write(data)
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
  // `.unconditional`: `--runs -1` is read as the value -1 (and refused as such), not as an option.
  @Option(parsing: .unconditional, help: "Number of runs (default: the scenario's [simulation] runs, else 100000).")
  var runs: Int?

  @Option(parsing: .unconditional, help: "Seed of the random generator (default: the scenario's, else 2026).")
  var seed: UInt64?

  @Option(name: .customLong("threads"), parsing: .unconditional, help: "Worker threads (default: every core). Never changes the numbers.")
  var threadsOption: Int?

  var threads: Int { threadsOption ?? Simulator.defaultThreads }

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

/// How wide the terminal table may be (only `--format table`: the other formats never change).
struct WidthOptions: ParsableArguments {
  @Flag(help: "Print each table in one block, however wide (default: areas split into panels that fit the width).")
  var wide = false

  @Option(
    name: .customLong("width"), parsing: .unconditional,
    help: ArgumentHelp(
      "Display columns the terminal table may take; a Chinese character counts two (default: $COLUMNS when writing to a terminal, else \(standardTerminalWidth)).",
      valueName: "N"))
  var widthOption: Int?

  func validate() throws {
    if wide, let widthOption {
      throw ValidationError("--wide and --width \(widthOption) cannot be combined: --wide prints one block however wide, --width splits the table into panels that fit")
    }
    if let widthOption, widthOption < 40 || widthOption > 10_000 {
      throw ValidationError("--width must be between 40 and 10000 display columns")
    }
  }

  /// Refuses --wide and --width where they would do nothing: they shape only the terminal table.
  func check(_ format: OutputFormat) throws {
    guard format != .table else { return }
    if wide { throw ValidationError("--wide does nothing with --format \(format.rawValue): only the terminal table (--format table) is split into panels") }
    if let widthOption {
      throw ValidationError("--width \(widthOption) does nothing with --format \(format.rawValue): only the terminal table (--format table) is split into panels")
    }
  }

  /// The terminal table's limit in display columns, `nil` for one block: --wide, else --width, else
  /// COLUMNS when standard output is the terminal written to, else 120 (the same in every file and
  /// pipe, so outputs are reproducible).
  func width(writingTo output: String?) -> Int? {
    if wide { return nil }
    if let widthOption { return widthOption }
    if output == nil, isatty(STDOUT_FILENO) != 0,
      let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
      columns >= 40
    {
      return columns
    }
    return standardTerminalWidth
  }
}
