import Foundation
import TestSupport
import XCTest

/// Every shipped scenario's outputs, byte for byte: the cases in `Golden/cases.tsv`, each with its
/// exit status, standard output and standard error in `Golden/NAME.txt`. A refactor that changes one
/// byte of a table fails here. `make golden` (FENJIE_UPDATE_GOLDEN=1) rewrites the files on purpose.
/// The cases run in Chinese (the default) whatever the locale of the machine running the tests.
final class GoldenOutputTests: XCTestCase {
  static let folder = packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden")

  struct Case {
    var name: String
    var arguments: [String]
  }

  static func cases() throws -> [Case] {
    let text = try String(contentsOf: folder.appendingPathComponent("cases.tsv"), encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
      return Case(
        name: String(line[..<tab]),
        arguments: line[line.index(after: tab)...].split(separator: " ").map(String.init))
    }
  }

  /// What a case's file holds: the command, the exit status, then both streams.
  static func record(_ c: Case, _ run: (status: Int32, stdout: String, stderr: String)) -> String {
    "$ fenjie \(c.arguments.joined(separator: " "))\nexit status: \(run.status)\n--- stdout\n\(run.stdout)\n--- stderr\n\(run.stderr)"
  }

  func testEveryCaseMatchesItsGoldenFile() throws {
    let cases = try Self.cases()
    XCTAssertGreaterThan(cases.count, 30, "cases.tsv lost its cases")
    let update = ProcessInfo.processInfo.environment["FENJIE_UPDATE_GOLDEN"] == "1"
    var expectedFiles: Set<String> = ["cases.tsv"]
    for c in cases {
      let file = Self.folder.appendingPathComponent(c.name + ".txt")
      expectedFiles.insert(c.name + ".txt")
      let actual = Self.record(c, try runFenjie(c.arguments, environment: chineseLocale))
      if update {
        try Data(actual.utf8).write(to: file, options: .atomic)
        continue
      }
      guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        XCTFail("\(c.name): no golden file \(file.lastPathComponent); run make golden")
        continue
      }
      if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        XCTFail(
          "\(c.name) differs from its golden file at line \(first + 1):\n  expected: \(first < e.count ? String(e[first]) : "<end>")\n  actual:   \(first < a.count ? String(a[first]) : "<end>")"
        )
      }
    }
    // A golden file without a case is a case someone removed by accident.
    let present = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
    for name in present where !expectedFiles.contains(name) {
      if update {
        try FileManager.default.removeItem(at: Self.folder.appendingPathComponent(name))
      } else {
        XCTFail("Golden/\(name) belongs to no case in cases.tsv")
      }
    }
  }
}
