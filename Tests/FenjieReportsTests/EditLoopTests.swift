import FenjieText
import FenjieCore
import FenjiePlanning
import Foundation
import GLPK
import TestSupport
import XCTest

@testable import FenjieFiles
@testable import FenjieReports
import FenjieText

/// An input error as the English interface says it: the tests' expected sentences are the English
/// side of the catalog (`Language.current` is never changed in tests).
func english(_ error: Error) -> String {
  if let errors = error as? InputErrors { return errors.errors.map { $0.description(.english) }.joined(separator: "\n") }
  if let error = error as? InputError { return error.description(.english) }
  return "\(error)"
}

/// The planner's loop: fenjie writes the 分解表 workbook, the planner edits cells in a spreadsheet
/// program (here openpyxl, an independent writer), and `--from` keeps the edits and re-balances the rest.
final class EditLoopTests: XCTestCase {
  let planner = Planner(solver: GLPKSolver())

  func scenario() throws -> Scenario {
    try ScenarioLoader.load(packageRoot.appendingPathComponent("Scenarios/liangxi-2025.toml").path)
  }

  func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-edit-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    return directory
  }

  /// Runs python3 with openpyxl on `script` (argv[1] the workbook); skips without openpyxl.
  func python(_ script: String, _ arguments: [String]) throws {
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    probe.arguments = ["python3", "-c", "import openpyxl"]
    probe.standardError = FileHandle.nullDevice
    try probe.run()
    probe.waitUntilExit()
    if probe.terminationStatus != 0 { throw XCTSkip("the edit loop test needs Python's openpyxl (pip install openpyxl)") }
    let run = Process()
    run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    run.arguments = ["python3", "-c", script] + arguments
    try run.run()
    run.waitUntilExit()
    XCTAssertEqual(run.terminationStatus, 0, script)
  }

  /// The cell of a line and an area in fenjie's 分解表 sheet ("I6").
  func cell(_ result: AllocationResult, _ indicator: String, _ area: String) throws -> String {
    let row = try XCTUnwrap(result.indicators.firstIndex { $0.indicator.id == indicator }) + 4
    let column = try XCTUnwrap(result.areas.firstIndex(of: area)) + 3
    return "\(columnLetter(column))\(row)"
  }

  func testEditsAreKeptAndTheRestRebalanced() throws {
    let loaded = try scenario()
    let draft = try planner.allocate(loaded)
    let directory = try temporaryDirectory()
    let draftPath = directory.appendingPathComponent("draft.xlsx").path
    try AllocationReport(draft).workbook().write(to: URL(fileURLWithPath: draftPath))

    // Two edits, as a planner makes them after a meeting: a count line down by 12, an amount line up.
    let count = try XCTUnwrap(draft.indicators.first { $0.indicator.kind == .count && $0.status == .optimal && $0.indicator.parent == nil })
    let amount = try XCTUnwrap(draft.indicators.first { $0.indicator.kind == .amount && $0.status == .optimal && $0.indicator.parent == nil })
    let countArea = try XCTUnwrap(draft.areas.max { (count.areas[$0]?.value ?? -1) < (count.areas[$1]?.value ?? -1) })
    let amountArea = try XCTUnwrap(draft.areas.first { (amount.areas[$0]?.value ?? 0) > 1 })
    let countBefore = try XCTUnwrap(count.areas[countArea]?.value)
    let amountBefore = try XCTUnwrap(amount.areas[amountArea]?.value)
    let countEdited = countBefore - 12
    let amountEdited = amountBefore + 0.5
    let editedPath = directory.appendingPathComponent("edited.xlsx").path
    try python(
      """
      import sys, openpyxl
      wb = openpyxl.load_workbook(sys.argv[1]); ws = wb["分解表"]
      ws[sys.argv[3]] = int(sys.argv[4]); ws[sys.argv[5]] = float(sys.argv[6])
      wb.save(sys.argv[2])
      """,
      [draftPath, editedPath, try cell(draft, count.indicator.id, countArea), String(Int(countEdited)),
       try cell(draft, amount.indicator.id, amountArea), String(amountEdited)])

    let edited = try EditedTableReader.read(editedPath, dataset: loaded.dataset)
    let (result, edits) = try planner.allocate(loaded, keeping: edited)
    XCTAssertEqual(edits.map(\.area), [countArea, amountArea])
    XCTAssertEqual(edits.first?.edited, countEdited)
    XCTAssertEqual(edits.last?.edited ?? 0, amountEdited, accuracy: 1e-9)
    XCTAssertEqual(edits.map(\.draft), [countBefore, amountBefore])
    XCTAssertTrue(edits[0].place.hasPrefix("分解表!"), edits[0].place)
    let kept = try XCTUnwrap(result.indicators.first { $0.indicator.id == count.indicator.id })
    XCTAssertEqual(kept.areas[countArea]?.value, countEdited, "the edit is kept")
    XCTAssertEqual(kept.areas[countArea]?.locked, true)
    XCTAssertEqual(result.indicators.first { $0.indicator.id == amount.indicator.id }?.areas[amountArea]?.value ?? 0, amountEdited, accuracy: 1e-9)
    // The 12 units went to the other streets: every line still adds up to what the draft gave it.
    for (line, before) in zip(result.indicators, draft.indicators) where line.status == .optimal {
      let total = line.areas.values.compactMap(\.value).reduce(0, +)
      XCTAssertEqual(total, before.allocatedTotal ?? -1, accuracy: 1e-6, line.indicator.name)
      XCTAssertGreaterThanOrEqual(total, (line.requiredTotal ?? 0) - 1e-6, line.indicator.name)
    }
    XCTAssertGreaterThan(
      result.areas.filter { $0 != countArea && (kept.areas[$0]?.value ?? 0) > (count.areas[$0]?.value ?? 0) }.count, 0,
      "other streets took up the 12")
    XCTAssertTrue(result.diagnostics.first?.message.hasPrefix("保留了 ") == true, result.diagnostics.first?.message ?? "")
    XCTAssertTrue(result.diagnostics.first?.message.contains(" 中的 2 处修改") == true, result.diagnostics.first?.message ?? "")

    // Reading the draft itself back changes nothing.
    let unchanged = try planner.allocate(loaded, keeping: try EditedTableReader.read(draftPath, dataset: loaded.dataset))
    XCTAssertTrue(unchanged.edits.isEmpty)
  }

  /// An edit that cannot hold (a street given more than its cap allows) is kept as asked and shown
  /// as the usual ✗, with the checked change that would make the line feasible.
  func testAnEditThatCannotHoldIsExplained() throws {
    let loaded = try scenario()
    let draft = try planner.allocate(loaded)
    let line = try XCTUnwrap(draft.indicators.first { $0.indicator.kind == .count && $0.status == .optimal && $0.indicator.parent == nil })
    let area = try XCTUnwrap(draft.areas.first { line.areas[$0]?.cap != nil })
    let cap = try XCTUnwrap(line.areas[area]?.cap)
    var values = Dictionary(uniqueKeysWithValues: draft.areas.map { ($0, line.areas[$0]?.value) })
    values[area] = cap + 50
    let edited = EditedTable(values: [line.indicator.id: values], places: [:], file: "edited.xlsx")
    let (result, edits) = try planner.allocate(loaded, keeping: edited)
    XCTAssertEqual(edits.map(\.edited), [cap + 50])
    let shown = try XCTUnwrap(result.indicators.first { $0.indicator.id == line.indicator.id })
    XCTAssertEqual(shown.status, .infeasible)
    XCTAssertFalse(shown.changes.isEmpty, "a repair is offered")
    XCTAssertTrue(
      result.diagnostics.contains { $0.indicator == line.indicator.id && $0.severity == .error && $0.message.contains(area) },
      "\(result.diagnostics.map(\.message))")
  }

  /// What the edit cannot mean is refused with the cell's place: a word where a number belongs, a
  /// number where the draft has "/", a fractional count.
  func testBadEditsAreRefusedWithTheirCell() throws {
    let loaded = try scenario()
    let draft = try planner.allocate(loaded)
    let directory = try temporaryDirectory()
    let draftPath = directory.appendingPathComponent("draft.xlsx").path
    try AllocationReport(draft).workbook().write(to: URL(fileURLWithPath: draftPath))
    let count = try XCTUnwrap(draft.indicators.first { $0.indicator.kind == .count && $0.status == .optimal })
    let slash = try XCTUnwrap(draft.indicators.first { line in line.status == .optimal && line.areas.values.contains { $0.value == nil } })
    let slashArea = try XCTUnwrap(draft.areas.first { slash.areas[$0]?.value == nil })
    for (name, reference, value, expected) in [
      ("word", try cell(draft, count.indicator.id, draft.areas[1]), "'九十'", Say.Input.notANumber(Say.Input.nothing).text()),
      ("slash", try cell(draft, slash.indicator.id, slashArea), "3", "而草稿中为\"/\""),
      ("fraction", try cell(draft, count.indicator.id, draft.areas[1]), "7.5", "7.5 不是整数"),
    ] {
      let path = directory.appendingPathComponent("\(name).xlsx").path
      try python(
        "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1]); ws = wb['分解表']\nws[sys.argv[3]] = \(value)\nwb.save(sys.argv[2])",
        [draftPath, path, reference])
      do {
        let edited = try EditedTableReader.read(path, dataset: loaded.dataset)
        _ = try planner.allocate(loaded, keeping: edited)
        XCTFail("\(name): accepted")
      } catch {
        let message = "\(error)"
        XCTAssertTrue(message.contains("分解表!\(reference)"), "\(name): \(message)")
        XCTAssertTrue(message.contains(expected), "\(name): \(message)")
      }
    }
  }

  /// Two streets' cells merged into one after the meeting (one number "for both"): no reading can
  /// share it out as the planner meant, so the edited table is refused at the merged cell.
  func testStreetsMergedIntoOneCellAreRefused() throws {
    let loaded = try scenario()
    let draft = try planner.allocate(loaded)
    let directory = try temporaryDirectory()
    let draftPath = directory.appendingPathComponent("draft.xlsx").path
    try AllocationReport(draft).workbook().write(to: URL(fileURLWithPath: draftPath))
    let count = try XCTUnwrap(draft.indicators.first { $0.indicator.kind == .count && $0.status == .optimal })
    let first = try cell(draft, count.indicator.id, draft.areas[0])
    let second = try cell(draft, count.indicator.id, draft.areas[1])
    let path = directory.appendingPathComponent("merged.xlsx").path
    try python(
      "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1]); ws = wb['分解表']\nws.merge_cells(sys.argv[3] + ':' + sys.argv[4])\nwb.save(sys.argv[2])",
      [draftPath, path, first, second])
    XCTAssertThrowsError(try EditedTableReader.read(path, dataset: loaded.dataset)) { error in
      XCTAssertTrue("\(error)".contains("分解表!\(first)"), "\(error)")
    }
  }

  /// fenjie's own workbook read by the reader: the grid is the cells' texts, numbers in their
  /// shortest form, merged 行动名称 cells filled down, the 合计 formulas' saved values.
  func testReaderReadsFenjiesOwnWorkbook() throws {
    let draft = try planner.allocate(try scenario())
    let report = AllocationReport(draft)
    let grid = try XLSXReader.parse(try report.workbook(), name: "draft.xlsx")
    XCTAssertEqual(grid.sheet, "分解表")
    XCTAssertEqual(grid.rows[0].first, report.title)
    XCTAssertEqual(Array(grid.rows[2].prefix(3)), ["行动名称", "指标", "单位"])
    let table = report.table().rows.enumerated().filter { !report.table().groupRows.contains($0.offset) }.map(\.element)
    for (i, row) in table.enumerated() {
      let read = grid.rows[3 + i]
      XCTAssertEqual(read[0], draft.indicators[i].indicator.action, "merged cells read on every line")
      let numbers = read[3..<(3 + draft.areas.count + 2)].map { Double($0) ?? .nan }
      let shown = row[2..<(2 + draft.areas.count + 2)].map { Double($0) ?? .nan }
      XCTAssertEqual(numbers.map { $0.isNaN ? nil : $0 }, shown.map { $0.isNaN ? nil : $0 }, row[0])
      XCTAssertEqual(read[3..<(3 + draft.areas.count)].filter { $0 == "/" }.count, row[2..<(2 + draft.areas.count)].filter { $0 == "/" }.count)
    }
    XCTAssertTrue(grid.uncalculated.isEmpty, "fenjie saves every formula's value")
    XCTAssertThrowsError(try XLSXReader.parse(Data("not a zip".utf8), name: "x.xlsx")) { error in
      XCTAssertTrue(english(error).contains("x.xlsx: is not an .xlsx workbook"), english(error))
    }
    XCTAssertThrowsError(try XLSXReader.parse(try report.workbook(), sheet: "Sheet9", name: "x.xlsx")) { error in
      XCTAssertTrue(english(error).contains("has no sheet named Sheet9 (sheets: 分解表、分解说明)"), english(error))
    }
  }
}
