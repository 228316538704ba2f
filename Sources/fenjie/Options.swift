import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieSimulation
import FenjieText
import Foundation

/// The scenario a command runs on.
struct ScenarioOptions: ParsableArguments {
  static let defaultScenario = "Scenarios/liangxi-2025.toml"

  @Argument(help: ArgumentHelp(Say.Help.scenario(default: defaultScenario).text(), valueName: "scenario"))
  var scenario: String?

  @Option(parsing: .unconditional, help: ArgumentHelp(Say.Help.year.text()))
  var year: Int?

  @OptionGroup var changes: ChangeOptions

  @OptionGroup var language: LanguageOptions

  /// The scenario given, else the shipped default wherever it is found.
  var path: String { get throws { try Fenjie.scenarioPath(scenario, default: Self.defaultScenario) } }

  func load(allowTree: Bool = false) throws -> Scenario {
    try Fenjie.loadScenario(try path, year: year, changes: changes.changes, allowTree: allowTree)
  }
}

/// `--lang zh|en`: every command takes it. `Fenjie.main` reads it before parsing (so that the help
/// and the parser's messages are in it); parsing only checks its value.
struct LanguageOptions: ParsableArguments {
  @Option(name: .customLong("lang"), help: ArgumentHelp(Say.Help.lang.text(), valueName: "zh|en"))
  var lang: String?

  func validate() throws {
    if let lang, Language(code: lang) == nil { throw ValidationError(Say.CommandLine.badLanguage(lang).text()) }
  }
}

extension Fenjie {
  /// Loads a scenario and prints what its reading found doubtful (`ReadingWarning`) on standard
  /// error: the run goes on, but never silently.
  static func loadScenario(_ path: String, year: Int? = nil, changes: ScenarioChanges, allowTree: Bool = false) throws -> Scenario {
    let scenario = try ScenarioLoader.load(path, year: year, changes: changes)
    if scenario.tree != nil, !allowTree { throw InputErrors([InputError(file: path, Say.Tree.treeNotSupported)]) }
    for warning in scenario.dataset.readingWarnings {
      StandardStreams.writeError(escapingControlCharacters("fenjie: \(Say.CommandLine.warning)\(warning.description)\n"))
    }
    return scenario
  }

  /// `given`, else the shipped scenario `defaultPath` found from the working directory or the
  /// program's folder (`DefaultScenario`); the error names every place looked in.
  static func scenarioPath(_ given: String?, default defaultPath: String) throws -> String {
    if let given { return given }
    return try DefaultScenario.locate(defaultPath)
  }
}

/// Quick what-if changes without writing a scenario file.
struct ChangeOptions: ParsableArguments {
  @Option(name: .customLong("set"), help: ArgumentHelp(Say.Help.set.text(), valueName: "key=value"))
  var sets: [String] = []

  @Option(name: .customLong("lock"), help: ArgumentHelp(Say.Help.lock.text(), valueName: "area:indicator=value"))
  var locks: [String] = []

  @Option(name: .customLong("shock"), help: ArgumentHelp(Say.Help.shock.text(), valueName: "indicator=change"))
  var shocks: [String] = []

  var changes: ScenarioChanges { ScenarioChanges(sets: sets, locks: locks, shocks: shocks) }
}

/// Where and how a command writes.
struct OutputOptions: ParsableArguments, OutputChoice {
  @Option(help: ArgumentHelp(Say.Help.format.text()))
  var format: String?

  @Option(name: .shortAndLong, help: ArgumentHelp(Say.Help.output.text()))
  var output: String?

  static let formats: [OutputFormat] = OutputFormat.allCases

  func validate() throws { try validateChoice() }
}

/// Where and how `compare` writes: the text formats (a comparison has no workbook).
struct TextOutputOptions: ParsableArguments, OutputChoice {
  @Option(help: ArgumentHelp(Say.Help.textFormat.text()))
  var format: String?

  @Option(name: .shortAndLong, help: ArgumentHelp(Say.Help.output.text()))
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
        throw ValidationError(Say.CommandLine.formatChoice(format, choices: Self.formatList).text())
      }
    }
    if let output {
      if output.isEmpty { throw ValidationError(Say.CommandLine.outputNeedsName.text()) }
      let ext = (output as NSString).pathExtension.lowercased()
      if format == nil, !ext.isEmpty, !Self.extensions.contains(where: { $0.0 == ext }) {
        throw ValidationError(
          Say.CommandLine.outputExtension(
            output, ext: ext, formats: Self.formatList, extensions: Self.extensions.map { "." + $0.0 }.joined(separator: ", ")
          ).text())
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
      throw ValidationError(Say.CommandLine.xlsxToTerminal.text())
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
      throw OutputError(path: output ?? "-", Say.CommandLine.workbookNotWritten(error.message).text(), refused: false)
    }
  }
}

/// Runs, seed and threads, for every command that simulates.
struct SimulationOptions: ParsableArguments {
  // `.unconditional`: `--runs -1` is read as the value -1 (and refused as such), not as an option.
  @Option(parsing: .unconditional, help: ArgumentHelp(Say.Help.runs.text()))
  var runs: Int?

  @Option(parsing: .unconditional, help: ArgumentHelp(Say.Help.seed.text()))
  var seed: UInt64?

  @Option(name: .customLong("threads"), parsing: .unconditional, help: ArgumentHelp(Say.Help.threads.text()))
  var threadsOption: Int?

  var threads: Int { threadsOption ?? Simulator.defaultThreads }

  func validate() throws {
    if let runs, runs < 1 || runs > 100_000_000 { throw ValidationError(Say.CommandLine.runsRange.text()) }
    try Self.checkThreads(threads)
  }

  /// --threads between 1 and 1024 (simulate, compare, report, backtest and allocate).
  static func checkThreads(_ threads: Int) throws {
    if threads < 1 || threads > 1024 { throw ValidationError(Say.CommandLine.threadsRange.text()) }
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
  @Flag(help: ArgumentHelp(Say.Help.wide.text()))
  var wide = false

  @Option(
    name: .customLong("width"), parsing: .unconditional,
    help: ArgumentHelp(Say.Help.width(standardTerminalWidth).text(), valueName: "N"))
  var widthOption: Int?

  func validate() throws {
    if wide, let widthOption {
      throw ValidationError(Say.CommandLine.wideWithWidth(widthOption).text())
    }
    if let widthOption, widthOption < 40 || widthOption > 10_000 {
      throw ValidationError(Say.CommandLine.widthRange.text())
    }
  }

  /// Refuses --wide and --width where they would do nothing: they shape only the terminal table.
  func check(_ format: OutputFormat) throws {
    guard format != .table else { return }
    if wide { throw ValidationError(Say.CommandLine.wideIdle(format.rawValue).text()) }
    if let widthOption {
      throw ValidationError(Say.CommandLine.widthIdle(widthOption, format: format.rawValue).text())
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
