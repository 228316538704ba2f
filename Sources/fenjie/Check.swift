import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import Foundation

extension Fenjie {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate a scenario and its dataset before anyone relies on it.",
      discussion: "Exit status 2 when there is an error, 0 when there are only warnings or nothing.")

    @OptionGroup var scenario: ScenarioOptions

    func run() throws {
      let loaded: Scenario
      do {
        loaded = try scenario.load(allowTree: true)
      } catch let errors as InputErrors {
        var lines = errors.errors.map { "error: \($0)" }
        lines.append("\(errors.errors.count) error\(errors.errors.count == 1 ? "" : "s")")
        try StandardStreams.write(escapingControlCharacters(lines.joined(separator: "\n") + "\n"))
        throw ExitCode(2)
      }
      if let tree = loaded.tree { return try checkTree(loaded, tree) }
      let findings = DatasetCheck.run(loaded.dataset, targetsFile: DatasetLoader.display(
        DatasetLoader.resolve(loaded.dataset.targetsProvenance.file, relativeTo: (loaded.datasetPath as NSString).deletingLastPathComponent)))
      var lockProblems: [String] = []
      if !loaded.settings.locks.isEmpty, let result = try? Fenjie.planner.allocate(loaded) {
        // Locks that contradict the caps or floors the capacity rule gives.
        lockProblems = result.diagnostics.filter { $0.severity == .error && $0.message.hasPrefix("the lock on") }.map {
          "error: \(loaded.path): \($0.indicator.flatMap { loaded.dataset.indicator($0)?.name } ?? ""): \($0.message)"
        }
      }
      var lines = findings.map(\.description) + lockProblems
      let errors = findings.filter { $0.severity == .error }.count + lockProblems.count
      let warnings = findings.filter { $0.severity == .warning }.count
      if findings.isEmpty && lockProblems.isEmpty {
        lines.append("✓ \(loaded.path): \(loaded.dataset.indicators.count) indicators, \(loaded.dataset.areas.count) areas, \(loaded.dataset.tables.count) area table(s); no problems found")
      } else {
        lines.append("\(errors) error(s), \(warnings) warning(s)")
      }
      try StandardStreams.write(escapingControlCharacters(lines.joined(separator: "\n") + "\n"))
      if errors > 0 { throw ExitCode(2) }
    }
  }
}
