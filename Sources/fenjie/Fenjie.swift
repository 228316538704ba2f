import ArgumentParser
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieText
import Foundation
import GLPK

/// `fenjie`: drafts a district's yearly 分解表 with GLPK and estimates the odds of hitting its goals.
@main
struct Fenjie: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fenjie",
    abstract: Say.Help.fenjieAbstract.text(),
    discussion: Say.Help.fenjieDiscussion.text(),
    version: version,
    subcommands: [Allocate.self, Simulate.self, Compare.self, Backtest.self, Check.self, Report.self],
    defaultSubcommand: Allocate.self
  )

  /// `fenjie --lang en --help`: the root takes --lang too.
  @OptionGroup var language: LanguageOptions

  /// Printed in every simulation report.
  static let version = "0.1.0"

  /// The solver every command uses: the one place that names GLPK.
  static let planner = Planner(solver: GLPKSolver())

  /// Parses and runs, mapping every failure to a message and the documented exit status.
  static func main() {
    Language.current = Language.of(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
    do {
      var command = try parseAsRoot()
      try command.run()
      try flushStandardOutput()
    } catch let error as InputErrors {
      fail(error.errors.map(\.description).joined(separator: "\n"), code: 2)
    } catch let error as InputError {
      fail(error.description, code: 2)
    } catch let error as PlanningError {
      fail(error.description, code: error.isInputProblem ? 2 : 1)
    } catch let error as OutputError {
      fail(error.description, code: error.refused ? 2 : 1)
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      let code = exitCode(for: error)
      let text = ParserText.localized(fullMessage(for: error, columns: Language.current == .chinese ? 10_000 : nil), wrap: code == .success)
      if code == .success {
        do { try StandardStreams.write(text + "\n") } catch { fail(error.description, code: 1) }
        Foundation.exit(0)
      }
      // Usage errors are bad input too.
      fail(text, code: code.rawValue == 1 ? 1 : 2)
    }
  }

  static func fail(_ message: String, code: Int32) -> Never {
    StandardStreams.writeError("fenjie: " + escapingControlCharacters(message) + "\n")
    Foundation.exit(code)
  }

  /// What `print` left in the C library's buffer, written now so that a failure is an error.
  static func flushStandardOutput() throws {
    if fflush(nil) != 0 {
      throw OutputError(
        path: Say.CommandLine.standardOutput.text(), Say.CommandLine.cannotBeWritten(String(cString: strerror(errno))).text(), refused: false)
    }
  }
}
