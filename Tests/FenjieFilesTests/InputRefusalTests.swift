import FenjieCore
import Foundation
import TestSupport
import XCTest

import FenjiePlanning
@testable import FenjieFiles
import FenjieText

/// Issue 17: every input that would be misread is refused with its file, row and column (or line),
/// through the real loaders, on a copy of the shipped 梁溪 dataset with one thing broken.
final class InputRefusalTests: XCTestCase {
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-refusal-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let liangxi = packageRoot.appendingPathComponent("Scenarios/liangxi")
    for name in ["dataset.toml", "targets.csv", "streets-2024.csv"] {
      try FileManager.default.copyItem(at: liangxi.appendingPathComponent(name), to: directory.appendingPathComponent(name))
    }
    try write("scenario.toml", "dataset = \"dataset.toml\"\nyear = 2025\n\n[industrial_output]\n2025 = 420\n2026 = 430\n")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: directory)
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: directory.appendingPathComponent(name))
  }

  func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

  func edit(_ name: String, _ change: (String) -> String) throws { try write(name, change(try text(name))) }

  /// Loads the scenario and returns the errors' descriptions; fails if it loads.
  func refusal(file: StaticString = #filePath, line: UInt = #line) -> [String] {
    do {
      _ = try ScenarioLoader.load(path("scenario.toml"))
      XCTFail("the broken input was accepted", file: file, line: line)
      return []
    } catch {
      return error.errors.map { $0.description(.english) }
    }
  }

  /// The one error (or the first) contains each of `parts`.
  func assertRefused(_ parts: String..., file: StaticString = #filePath, line: UInt = #line) {
    let errors = refusal(file: file, line: line)
    guard let first = errors.first else { return }
    for part in parts {
      XCTAssertTrue(first.contains(part), "expected \"\(part)\" in: \(errors.joined(separator: "\n"))", file: file, line: line)
    }
  }

  // MARK: CSV rows and cells

  func testUnquotedThousandsSeparatorShiftsTheRow() throws {
    try edit("targets.csv") { $0.replacingOccurrences(of: ",1000,1200,1600,3800", with: ",1000,1,200,1600,3800") }
    assertRefused("targets.csv, row 2, column L", "has 12 cells where the header (row 1) has 11", "columns I and J look like one number (1,200)")
  }

  func testShortRowIsRefused() throws {
    try edit("streets-2024.csv") { $0.replacingOccurrences(of: "eaglet_firms,雏鹰企业,家,4,2,4,4,9,11,8,5,3", with: "eaglet_firms,雏鹰企业,家,4,2,4,4,9,11,8,5") }
    assertRefused("streets-2024.csv, row 5, column L (瞻江街道)", "has 11 cells where the header (row 1) has 12", "a comma is missing")
  }

  func testFileCutInsideARowIsRefused() throws {
    let full = try text("streets-2024.csv")
    let lines = full.components(separatedBy: "\n")
    let cut = lines.prefix(13).joined(separator: "\n") + "\n" + String(lines[13].prefix(8))
    try write("streets-2024.csv", cut)
    assertRefused("streets-2024.csv, row 14, column B", "the file ends inside this row")
  }

  /// A line left with only its name after a blank row is refused at its row, not dropped with the
  /// notes under the table; in the area tables and in the district targets alike.
  func testALineWithOnlyItsNameAfterABlankRowIsRefused() throws {
    try edit("streets-2024.csv") { $0 + "\n,科技创新创业人才引育数\n" }
    assertRefused("streets-2024.csv, row 29, column B (name)", "has only a name (\"科技创新创业人才引育数\")")
    try FileManager.default.removeItem(atPath: path("streets-2024.csv"))
    try FileManager.default.copyItem(
      atPath: packageRoot.appendingPathComponent("Scenarios/liangxi/streets-2024.csv").path, toPath: path("streets-2024.csv"))
    let rows = try text("targets.csv").components(separatedBy: "\n").filter { !$0.isEmpty }.count
    try edit("targets.csv") { $0 + "\n,,新增指标名\n" }
    assertRefused("targets.csv, row \(rows + 2), column C (name)", "has only a name")
  }

  /// A note under the table (after a blank row, one cell) is still read as a note.
  func testANoteUnderTheTableIsNotALine() throws {
    try edit("streets-2024.csv") { $0 + "\n注：示例数据；非公开发布\n数据来源\n" }
    try edit("targets.csv") { $0 + "\n,,说明：三年目标为合计\n" }
    XCTAssertNoThrow(try ScenarioLoader.load(path("scenario.toml")))
  }

  func testFileCutAtARowBoundaryIsRefused() throws {
    let lines = try text("streets-2024.csv").components(separatedBy: "\n")
    try write("streets-2024.csv", lines.prefix(14).joined(separator: "\n") + "\n")
    assertRefused("streets-2024.csv: has no row for 13 of the 26 indicators", "after row 14", "cut short")
  }

  func testFileCutInsideACharacterIsRefused() throws {
    let data = try Data(contentsOf: directory.appendingPathComponent("streets-2024.csv"))
    let firstChinese = data.firstIndex { $0 >= 0x80 }!
    try data.prefix(firstChinese + 1).write(to: directory.appendingPathComponent("streets-2024.csv"))
    assertRefused("streets-2024.csv: ends inside a character", "cut short")
  }

  func testLastRowWithoutLineEndIsWarned() throws {
    try edit("streets-2024.csv") { String($0.dropLast(2)) }  // "…,N\n" cut inside the last cell
    let scenario = try ScenarioLoader.load(path("scenario.toml"))
    let findings = DatasetCheck.run(scenario.dataset, targetsFile: "targets.csv")
    XCTAssertTrue(findings.contains { $0.severity == .warning && $0.description.contains("streets-2024.csv，第27行") && $0.message == Say.Input.endsWithoutLineEnd.text(.chinese) }, "\(findings)")
  }

  func testMissingAreaColumnIsRefused() throws {
    try edit("streets-2024.csv") { text in
      text.components(separatedBy: "\n").map { line in
        var cells = line.components(separatedBy: ",")
        if cells.count > 11 { cells.remove(at: 11) }
        return cells.joined(separator: ",")
      }.joined(separator: "\n")
    }
    assertRefused("streets-2024.csv, row 1", "has no column for 瞻江街道")
  }

  func testNULAndControlCharactersAreRefusedWithTheirPlace() throws {
    try edit("streets-2024.csv") { $0.replacingOccurrences(of: "雏鹰企业", with: "雏鹰\u{0}企业") }
    assertRefused("streets-2024.csv, row 5, column B", "U+0000 (NUL)")
    try edit("streets-2024.csv") { $0.replacingOccurrences(of: "雏鹰\u{0}企业", with: "雏鹰企业\u{1B}[2J") }
    assertRefused("streets-2024.csv, row 5, column B", "U+001B (ESC)")
  }

  func testNULInATOMLFileIsRefusedNotTruncated() throws {
    try edit("scenario.toml") { $0.replacingOccurrences(of: "year = 2025", with: "year = 2025\u{0}") }
    assertRefused("scenario.toml, line 2: the control character U+0000 (NUL) at column 12")
    try edit("scenario.toml") { $0.replacingOccurrences(of: "\u{0}", with: "") }
    try edit("dataset.toml") { $0.replacingOccurrences(of: "region", with: "\u{7}region") }
    assertRefused("dataset.toml, line 3", "U+0007 (BEL)")
  }

  func testAnUnclosedQuoteIsRefused() throws {
    try edit("streets-2024.csv") { $0.replacingOccurrences(of: "雏鹰企业", with: "\"雏鹰企业") }
    assertRefused("streets-2024.csv, row 5, column B", "a quote (\") opened in this cell closes only 16 line(s) further down")
    try edit("streets-2024.csv") { $0.replacingOccurrences(of: "\"", with: "") + "x,\"y\n" }
    assertRefused("streets-2024.csv, row 28, column B", "never closed")
  }

  /// A 10 MB cell: refused within a second, quoting only its first characters.
  func testOversizedCellIsRefusedQuicklyWithoutEchoingIt() throws {
    let huge = String(repeating: "企", count: 10_000_000 / 3)
    try edit("streets-2024.csv") { $0.replacingOccurrences(of: "雏鹰企业", with: huge) }
    let start = Date()
    let errors = refusal()
    // The release binary takes 0.2 s (the README's figure, measured by hand); a debug build is some
    // fifteen times slower. Reading used to be quadratic: 73 s in release.
    XCTAssertLessThan(Date().timeIntervalSince(start), 15, "reading a 10 MB file")
    XCTAssertTrue(errors[0].contains("streets-2024.csv, row 5, column B: a cell of more than 10000 characters"), errors[0])
    XCTAssertLessThan(errors.joined().count, 1000, "the cell must not be echoed")
  }

  /// Reading time grows linearly with the file: eight times the rows take well under 24 times as
  /// long (a quadratic reader would take 64 times).
  func testReadingTimeIsLinearInTheFileSize() throws {
    let lines = try text("streets-2024.csv").components(separatedBy: "\n").filter { !$0.isEmpty }
    func seconds(copies: Int) throws -> Double {
      let body = Array(repeating: lines.dropFirst().joined(separator: "\n"), count: copies).joined(separator: "\n")
      let text = lines[0] + "\n" + body + "\n"
      let start = Date()
      XCTAssertEqual(try CSVFile.parse(text, name: "big.csv").rows.count, 1 + copies * (lines.count - 1))
      return Date().timeIntervalSince(start)
    }
    _ = try seconds(copies: 20)  // warm up
    let small = try seconds(copies: 100)
    let large = try seconds(copies: 800)
    XCTAssertLessThan(large / small, 24, "\(small) s for 100 copies, \(large) s for 800")
  }

  func testLongNamesAreRefusedQuotingTheirStart() throws {
    let long = String(repeating: "长", count: 150)
    try edit("targets.csv") { $0.replacingOccurrences(of: ",雏鹰企业,", with: ",\(long),") }
    assertRefused("targets.csv, row 5, column C (name)", "of 150 characters", "longer than the 100 allowed")
    XCTAssertLessThan(refusal().joined().count, 500, "the name is quoted by its first 20 characters")
  }

  // MARK: Names

  func testOneIndicatorNameUnderTwoIds() throws {
    try edit("targets.csv") { $0.replacingOccurrences(of: "eaglet_firms,科技企业倍增行动计划,雏鹰企业", with: "eaglet_firms,科技企业倍增行动计划,高新技术企业申报数") }
    assertRefused("targets.csv, row 5, column C (name)", "already names indicator hitech_applications (row 4)")
  }

  func testDuplicateIndicatorId() throws {
    try edit("targets.csv") { $0.replacingOccurrences(of: "eaglet_firms,", with: "hitech_applications,") }
    assertRefused("targets.csv, row 5, column A (id)", "\"hitech_applications\" appears twice (also row 4)")
  }

  func testDuplicateYearColumn() throws {
    try edit("targets.csv") { $0.replacingOccurrences(of: ",2024,2025,2026,", with: ",2024,2025,2025,") }
    assertRefused("targets.csv, row 1, column J (2025)", "2025 heads two columns (also I)")
  }

  func testAreaNamesThatCouldNeverMatch() throws {
    try edit("dataset.toml") { $0.replacingOccurrences(of: "\"扬名街道\"", with: "\"\"") }
    assertRefused("dataset.toml, line 4", "an area name is empty")
    try edit("dataset.toml") { $0.replacingOccurrences(of: ", \"\",", with: ", \"扬名 街道\",") }
    assertRefused("dataset.toml, line 4", "\"扬名 街道\" contains a space")
    try edit("dataset.toml") { $0.replacingOccurrences(of: "\"扬名 街道\"", with: "\" 扬名街道\"") }
    assertRefused("dataset.toml, line 4", "contains a space")
  }

  func testFullWidthAreaHeadersStillMatch() throws {
    try edit("streets-2024.csv") { $0.replacingOccurrences(of: "扬名街道", with: "扬名街道 ") }
    XCTAssertNoThrow(try ScenarioLoader.load(path("scenario.toml")))
  }

  // MARK: TOML

  func testFullWidthDigitsInTOMLGetAHint() throws {
    try edit("scenario.toml") { $0 + "[capacity]\nmax_growth = １\n" }
    assertRefused("scenario.toml, line 8", "full-width digits", "ASCII digits")
  }

  func testDuplicateKeyIsReportedWhereTheDuplicateIs() throws {
    try edit("scenario.toml") { $0 + "[capacity]\nmax_growth = 0.3\nmax_decline = 0.2\nmax_growth = 0.4\n" }
    assertRefused("scenario.toml, line 10", "max_growth")
  }

  func testUnreadableFileSaysPermissionDenied() throws {
    guard getuid() != 0 else { throw XCTSkip("root reads every file whatever its permissions") }
    chmod(path("targets.csv"), 0)
    assertRefused("targets.csv: cannot be read: permission denied")
  }

  func testMissingFileAndFolder() throws {
    try FileManager.default.removeItem(atPath: path("targets.csv"))
    assertRefused("targets.csv: does not exist")
    try FileManager.default.createDirectory(atPath: path("targets.csv"), withIntermediateDirectories: false)
    assertRefused("targets.csv: is a folder")
  }
}

/// Issue 17: options are blamed as options (name and value), never on a line of the file, and an
/// option that would do nothing is refused.
final class OptionRefusalTests: XCTestCase {
  func load(_ changes: ScenarioChanges, year: Int? = nil, scenario: String = "Scenarios/liangxi-2025.toml") -> String {
    let previous = FileManager.default.currentDirectoryPath
    _ = FileManager.default.changeCurrentDirectoryPath(packageRoot.path)
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    do {
      _ = try ScenarioLoader.load(scenario, year: year, changes: changes)
      XCTFail("accepted: \(changes)")
      return ""
    } catch {
      XCTAssertEqual(error.errors.count, 1)
      return error.errors[0].description(.english)
    }
  }

  func testSetIsBlamedOnTheOption() {
    XCTAssertEqual(
      load(ScenarioChanges(sets: ["rule=proportionl"])),
      "--set rule=proportionl: rule = \"proportionl\" should be one of balanced, proportional, equal, closest; did you mean proportional?")
    XCTAssertEqual(
      load(ScenarioChanges(sets: ["capacity.max_growth=30%"])),
      "--set capacity.max_growth=30%: \"capacity.max_growth\" should be a number, found text: write 0.3 for 30%")
    XCTAssertEqual(
      load(ScenarioChanges(sets: ["capacity.max_grwth=0.3"])),
      "--set capacity.max_grwth=0.3: unknown key \"capacity.max_grwth\"; did you mean max_growth?")
  }

  func testYearIsBlamedOnTheOption() {
    XCTAssertEqual(load(ScenarioChanges(), year: 2027), "--year 2027: year 2027 is outside the plan (2024, 2025, 2026)")
  }

  func testFractionalLockOnACountIsRefused() throws {
    XCTAssertEqual(
      load(ScenarioChanges(locks: ["扬名街道:高新技术企业申报数=90.5"])),
      "--lock 扬名街道:高新技术企业申报数=90.5: 高新技术企业申报数 is a count: a lock of 90.5 is not a whole number; lock 90 or 91")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-lock-\(UUID()).toml")
    defer { try? FileManager.default.removeItem(at: file) }
    let dataset = packageRoot.appendingPathComponent("Scenarios/liangxi/dataset.toml").path
    try "dataset = \"\(dataset)\"\nyear = 2025\n\n[[lock]]\nindicator = \"高新技术企业申报数\"\narea = \"扬名街道\"\nvalue = 90.5\n".write(to: file, atomically: true, encoding: .utf8)
    XCTAssertEqual(load(ScenarioChanges(), scenario: file.path), "\(file.path), line 7: 高新技术企业申报数 is a count: a lock of 90.5 is not a whole number; lock 90 or 91")
  }

  /// A --lock on a cell the scenario file locks replaces the file's value: that is the what-if.
  func testLockOptionReplacesTheFilesLockOnItsCell() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-lock-\(UUID()).toml")
    defer { try? FileManager.default.removeItem(at: file) }
    let dataset = packageRoot.appendingPathComponent("Scenarios/liangxi/dataset.toml").path
    try "dataset = \"\(dataset)\"\nyear = 2025\n\n[[lock]]\nindicator = \"高新技术企业申报数\"\narea = \"扬名街道\"\nvalue = 80\n".write(to: file, atomically: true, encoding: .utf8)
    let scenario = try ScenarioLoader.load(file.path, changes: ScenarioChanges(locks: ["扬名街道:高新技术企业申报数=90"]))
    XCTAssertEqual(scenario.settings.locks, [Lock(indicator: "hitech_applications", area: "扬名街道", value: 90)])
    try ("dataset = \"\(dataset)\"\nyear = 2025\n\n[[lock]]\nindicator = \"高新技术企业申报数\"\narea = \"扬名街道\"\nvalue = 80\n"
      + "\n[[lock]]\nindicator = \"hitech_applications\"\narea = \"扬名\"\nvalue = 85\n").write(to: file, atomically: true, encoding: .utf8)
    XCTAssertEqual(load(ScenarioChanges(), scenario: file.path), "\(file.path), line 10: a second lock on 扬名街道 / 高新技术企业申报数 (the first is the scenario file, value 80): lock each cell once")
  }

  func testSecondLockOnACellIsRefused() {
    XCTAssertEqual(
      load(ScenarioChanges(locks: ["扬名街道:高新技术企业申报数=90", "扬名:hitech_applications=80"])),
      "--lock 扬名:hitech_applications=80: a second lock on 扬名街道 / 高新技术企业申报数 (the first is --lock 扬名街道:高新技术企业申报数=90, value 90): lock each cell once")
  }

  func testShocksThatWouldDoNothingAreRefused() {
    XCTAssertEqual(
      load(ScenarioChanges(shocks: ["外国高端人才来华工作数=-15%@2027"])),
      "--shock 外国高端人才来华工作数=-15%@2027: the year 2027 is outside the plan (2024, 2025, 2026): a shock there would change nothing")
    XCTAssertEqual(
      load(ScenarioChanges(shocks: ["研发人员增速=-15%"])),
      "--shock 研发人员增速=-15%: 研发人员增速 is a rate: it is not simulated (every area carries the district rate), so a shock on it would change nothing")
    XCTAssertTrue(load(ScenarioChanges(shocks: ["外国高端人才来化工作数=-15%"])).hasPrefix("--shock 外国高端人才来化工作数=-15%: \"外国高端人才来化工作数\" is not an indicator of this dataset; did you mean 外国高端人才来华工作数?"))
  }
}
