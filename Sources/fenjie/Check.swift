import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieText
import Foundation

extension Fenjie {
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Say.Help.checkAbstract.text(), discussion: Say.Help.checkDiscussion.text())

    @OptionGroup var scenario: ScenarioOptions

    func run() throws {
      let loaded: Scenario
      do {
        loaded = try scenario.load(allowTree: true)
      } catch let errors as InputErrors {
        var lines = errors.errors.map { "\(Say.CommandLine.error)\($0)" }
        lines.append(Say.CommandLine.errorCount(errors.errors.count).text())
        try StandardStreams.write(escapingControlCharacters(lines.joined(separator: "\n") + "\n"))
        throw ExitCode(2)
      }
      if let tree = loaded.tree { return try checkTree(loaded, tree) }
      let findings = DatasetCheck.run(loaded.dataset, targetsFile: DatasetLoader.display(
        DatasetLoader.resolve(loaded.dataset.targetsProvenance.file, relativeTo: (loaded.datasetPath as NSString).deletingLastPathComponent)))
      var lockProblems: [String] = []
      if !loaded.settings.locks.isEmpty, let result = try? Fenjie.planner.allocate(loaded) {
        // Locks that contradict the caps or floors the capacity rule gives.
        lockProblems = result.diagnostics.filter { $0.severity == .error && $0.isLockConflict }.map {
          "\(Say.CommandLine.error)\(loaded.path): \($0.indicator.flatMap { loaded.dataset.indicator($0)?.name } ?? ""): \($0.message)"
        }
      }
      var lines = findings.map(\.description) + lockProblems
      let errors = findings.filter { $0.severity == .error }.count + lockProblems.count
      let warnings = findings.filter { $0.severity == .warning }.count
      if findings.isEmpty && lockProblems.isEmpty {
        lines.append(
          "✓ " + Say.CommandLine.checkPassed(
            loaded.path, indicators: loaded.dataset.indicators.count, areas: loaded.dataset.areas.count, tables: loaded.dataset.tables.count
          ).text())
      } else {
        lines.append(Say.CommandLine.errorsAndWarnings(errors, warnings).text())
      }
      try StandardStreams.write(escapingControlCharacters(lines.joined(separator: "\n") + "\n"))
      if errors > 0 { throw ExitCode(2) }
    }
  }
}
