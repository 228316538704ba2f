import FenjieText
import FenjieCore
import FenjieSimulation
import Foundation
import GLPK
import TestSupport
import XCTest
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

import FenjiePlanning
@testable import FenjieFiles
@testable import FenjieReports

/// `--format xlsx`: the workbook is a valid Office Open XML package, and an independent reader
/// (Python's openpyxl) finds in it the same numbers as the terminal table.
final class WorkbookTests: XCTestCase {
  // MARK: Fixtures

  func allocationReport(_ scenario: String = "Scenarios/liangxi-2025.toml", explain: Bool = false) throws -> AllocationReport {
    let loaded = try ScenarioLoader.load(packageRoot.appendingPathComponent(scenario).path)
    let result = try Allocator(dataset: loaded.dataset, settings: loaded.settings).allocate()
    return AllocationReport(result, explain: explain, purpose: loaded.purpose)
  }

  func simulationReport(_ scenario: String = "Scenarios/liangxi-2026.toml") throws -> SimulationReport {
    let loaded = try ScenarioLoader.load(packageRoot.appendingPathComponent(scenario).path)
    var settings = loaded.simulation
    settings.runs = 4000
    let setup = try SimulationSetup(scenario: loaded, settings: settings, solver: GLPKSolver())
    let result = try Simulator(input: setup.input).run(runs: 4000, seed: 7, threads: 1)
    var report = SimulationReport(setup: setup, result: result, version: "test")
    report.units = Dictionary(loaded.dataset.indicators.map { ($0.id, $0.areaUnit) }, uniquingKeysWith: { a, _ in a })
    return report
  }

  /// Every part of the package, read back with ZIPFoundation (which checks each part's CRC).
  func parts(_ data: Data) throws -> [String: String] {
    let archive = try Archive(data: data, accessMode: .read)
    var parts: [String: String] = [:]
    for entry in archive {
      var bytes = Data()
      _ = try archive.extract(entry) { bytes.append($0) }
      parts[entry.path] = String(decoding: bytes, as: UTF8.self)
    }
    return parts
  }

  func assertWellFormed(_ xml: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let parser = XMLParser(data: Data(xml.utf8))
    XCTAssertTrue(parser.parse(), "\(name) is not well-formed XML: \(String(describing: parser.parserError))", file: file, line: line)
  }

  // MARK: Without Python

  func testWorkbookIsAValidZipWithTheRequiredParts() throws {
    let report = try allocationReport()
    let data = try report.workbook()
    XCTAssertEqual(Array(data.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a zip's local file header")
    let parts = try parts(data)
    for required in [
      "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
      "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
    ] {
      XCTAssertNotNil(parts[required], "missing \(required); parts: \(parts.keys.sorted())")
    }
    for (name, xml) in parts { assertWellFormed(xml, name) }

    let types = parts["[Content_Types].xml"] ?? ""
    XCTAssertTrue(types.contains(#"PartName="/xl/worksheets/sheet1.xml""#))
    XCTAssertTrue(types.contains(#"PartName="/xl/worksheets/sheet2.xml""#))
    XCTAssertTrue(types.contains("spreadsheetml.sheet.main+xml"))
    let workbook = parts["xl/workbook.xml"] ?? ""
    XCTAssertTrue(workbook.contains(#"<sheet name="分解表" sheetId="1" r:id="rId1"/>"#), workbook)
    XCTAssertTrue(workbook.contains(#"<sheet name="分解说明" sheetId="2" r:id="rId2"/>"#), workbook)
    let styles = parts["xl/styles.xml"] ?? ""
    XCTAssertTrue(styles.contains(#"formatCode="0.0%""#))
    XCTAssertTrue(styles.contains(#"<xf numFmtId="1" "#), "whole numbers")
    XCTAssertTrue(styles.contains(#"<xf numFmtId="2" "#), "two decimals")
    XCTAssertTrue(styles.contains("<b/>"), "a bold font for headers")
    let sheet = parts["xl/worksheets/sheet1.xml"] ?? ""
    XCTAssertTrue(sheet.contains(#"<pane xSplit="3" ySplit="3" topLeftCell="D4" activePane="bottomRight" state="frozen"/>"#))
    XCTAssertTrue(sheet.contains("<cols>"))
    XCTAssertTrue(sheet.contains("<mergeCell ref=\"A4:"), "the first action group is merged")
    XCTAssertTrue((parts["xl/sharedStrings.xml"] ?? "").contains(xmlEscape(report.title)))

    XCTAssertEqual(try report.workbook(), data, "the same table gives the same bytes")
  }

  func testSimulationWorkbookParts() throws {
    let report = try simulationReport()
    let parts = try parts(try report.workbook())
    for (name, xml) in parts { assertWellFormed(xml, name) }
    XCTAssertTrue((parts["xl/workbook.xml"] ?? "").contains(#"<sheet name="达成概率""#))
    XCTAssertTrue((parts["xl/workbook.xml"] ?? "").contains(#"<sheet name="街道达成概率""#))
    XCTAssertNotNil(parts["xl/worksheets/sheet2.xml"])
  }

  /// With `--confidence`, a third sheet holds the margins and their checked odds.
  func testConfidenceSheet() throws {
    let loaded = try ScenarioLoader.load(packageRoot.appendingPathComponent("Scenarios/liangxi-2025.toml").path)
    let margins = try ConfidenceMargins(
      scenario: loaded, simulation: loaded.simulation, level: 0.8, runs: 200, checkRuns: 500,
      solver: GLPKSolver())
    let result = try Allocator(dataset: loaded.dataset, settings: margins.settings).allocate()
    var report = AllocationReport(result)
    report.confidence = margins
    let workbook = report.xlsxWorkbook()
    XCTAssertEqual(workbook.sheets.map(\.name), ["分解表", "分解说明", "置信度余量"])
    let sheet = workbook.sheets[2]
    for (i, line) in margins.lines.enumerated() {
      XCTAssertEqual(sheet.rows[i + 2][0], .text(line.name))
      XCTAssertEqual(sheet.rows[i + 2][1], .number(line.margin, .signedPercent1))
      XCTAssertEqual(sheet.rows[i + 2][2], .number(line.probability, .percent1))
    }
    let parts = try parts(try workbook.data())
    for (name, xml) in parts { assertWellFormed(xml, name) }
    XCTAssertNotNil(parts["xl/worksheets/sheet3.xml"])
  }

  func testWriterEscapesNamesAndFitsCJKWidths() throws {
    var sheet = XLSXSheet(name: "a/b:c*d?e[f]g\\h and a name far longer than thirty-one characters")
    sheet.add([.text("崇安寺街道"), .text("abcde"), .text("<&\"'>\u{1}"), .number(.nan)])
    sheet.add([.text("a very long note that must not widen column A", .note)])
    let widths = sheet.columnWidths()
    XCTAssertEqual(widths[0], 12.5, "5 CJK characters count 10, plus padding")
    XCTAssertEqual(widths[1], 7.5)
    let names = XLSXWorkbook.uniqueSheetNames([sheet.name, sheet.name, "", "分解表"])
    XCTAssertEqual(names[0], "a_b_c_d_e_f_g_h and a name far ")
    XCTAssertEqual(names[1].count, 31)
    XCTAssertTrue(names[1].hasSuffix(" (2)"))
    XCTAssertEqual(names[2], "Sheet3")
    XCTAssertEqual(names[3], "分解表")
    XCTAssertEqual(xmlEscape("<&\"'>\u{1}\t"), "&lt;&amp;&quot;&#39;&gt;\t")
    let parts = try parts(XLSXWorkbook(title: "t&", sheets: [sheet]).data())
    for (name, xml) in parts { assertWellFormed(xml, name) }
    XCTAssertFalse((parts["xl/worksheets/sheet1.xml"] ?? "").contains("nan"), "non-finite numbers are left empty")
    XCTAssertThrowsError(try XLSXWorkbook(title: "empty").data())
  }

  // MARK: Read back with openpyxl

  struct ReadSheet: Decodable {
    var title: String
    var freeze: String?
    var merged: [String]
    var widths: [String: Double]
    var rows: [[ReadCell?]]
    /// Page setup as openpyxl reads it: orientation, paper size (9 = A4), fit to page, pages wide and
    /// tall, and the rows repeated on every printed page.
    var orientation: String?
    var paper: Int?
    var fitToPage: Bool
    var fitWidth: Int?
    var fitHeight: Int?
    var titleRows: String?

    func cell(_ row: Int, _ column: Int) -> ReadCell? {
      row < rows.count && column < rows[row].count ? rows[row][column] : nil
    }
  }

  struct ReadCell: Decodable {
    enum Value: Decodable, Equatable {
      case number(Double), text(String)
      init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let x = try? container.decode(Double.self) { self = .number(x) } else { self = .text(try container.decode(String.self)) }
      }
    }
    /// The value a reader that does not calculate sees (a formula's cached value).
    var v: Value
    var f: String
    var b: Bool
    /// The formula, "=SUM(D4:L4)", or nil.
    var formula: String?
    /// Whether the cell has a border on its left.
    var border: Bool
    var text: String? { if case .text(let s) = v { return s } else { return nil } }
    var number: Double? { if case .number(let x) = v { return x } else { return nil } }
  }

  static let reader = """
    import json, sys, openpyxl
    wb = openpyxl.load_workbook(sys.argv[1])
    cached = openpyxl.load_workbook(sys.argv[1], data_only=True)
    out = []
    for ws, values in zip(wb.worksheets, cached.worksheets):
        rows = [[None if v.value is None else {"v": v.value, "f": c.number_format, "b": bool(c.font and c.font.b),
                 "formula": c.value if c.data_type == "f" else None, "border": c.border.left.style is not None}
                 for c, v in zip(row, vrow)] for row, vrow in zip(ws.iter_rows(), values.iter_rows())]
        setup = ws.page_setup
        out.append({"title": ws.title, "freeze": ws.freeze_panes, "merged": sorted(str(r) for r in ws.merged_cells.ranges),
                    "widths": {k: v.width for k, v in ws.column_dimensions.items()}, "rows": rows,
                    "orientation": setup.orientation, "paper": None if setup.paperSize is None else int(setup.paperSize),
                    "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                    "fitWidth": None if setup.fitToWidth is None else int(setup.fitToWidth),
                    "fitHeight": None if setup.fitToHeight is None else int(setup.fitToHeight),
                    "titleRows": ws.print_title_rows})
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)
    """

  /// Skips the test where python3 cannot import openpyxl.
  func requireOpenpyxl() throws {
    let probe = try runTool("/usr/bin/env", ["python3", "-c", "import openpyxl"])
    if probe.status != 0 {
      let reason = probe.output.split(separator: "\n").last.map(String.init) ?? "exit status \(probe.status)"
      throw XCTSkip("the read-back by an independent reader needs Python's openpyxl (pip install openpyxl); python3 says: \(reason)")
    }
  }

  /// The workbook as openpyxl reads it.
  func readWithOpenpyxl(_ data: Data) throws -> [ReadSheet] {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-xlsx-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let workbook = directory.appendingPathComponent("table.xlsx")
    let script = directory.appendingPathComponent("read.py")
    let json = directory.appendingPathComponent("read.json")
    try data.write(to: workbook)
    try Data(WorkbookTests.reader.utf8).write(to: script)
    let run = try runTool("/usr/bin/env", ["python3", script.path, workbook.path, json.path])
    XCTAssertEqual(run.status, 0, run.output)
    return try JSONDecoder().decode([ReadSheet].self, from: Data(contentsOf: json))
  }

  /// A cell shows what the terminal table shows: "" is empty, "/" is "/", a number is that number.
  func assertCell(
    _ cell: ReadCell?, _ expected: String, format: String? = nil, _ context: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    switch expected {
    case "": XCTAssertNil(cell, context, file: file, line: line)
    case "/": XCTAssertEqual(cell?.text, "/", context, file: file, line: line)
    default:
      guard let want = Double(expected), let got = cell?.number else {
        XCTFail("\(context): expected the number \(expected), read \(String(describing: cell))", file: file, line: line)
        return
      }
      XCTAssertEqual(got, want, accuracy: 1e-9, context, file: file, line: line)
      if let format { XCTAssertEqual(cell?.f, format, context, file: file, line: line) }
    }
  }

  func testAllocationWorkbookReadsBackWithOpenpyxl() throws {
    try requireOpenpyxl()
    var report = try allocationReport()
    report.result.usesIllustrativeData = true
    XCTAssertTrue(report.title.hasSuffix("（含示例数据）"))
    let sheets = try readWithOpenpyxl(try report.workbook())
    XCTAssertEqual(sheets.map(\.title), ["分解表", "分解说明"])
    let sheet = sheets[0]

    XCTAssertEqual(sheet.cell(0, 0)?.text, report.title)
    XCTAssertEqual(sheet.freeze, "D4", "title, subtitle and header rows; 行动名称, 指标 and 单位 columns")
    let table = report.table()
    XCTAssertEqual(sheet.rows[2].map { $0?.text }, (["行动名称"] + table.header + ["状态"]).map { Optional($0) })
    XCTAssertTrue(sheet.rows[2].allSatisfy { $0?.b == true }, "bold header")

    // Indicators as rows, in the table's order, with the same numbers and formats.
    var r = 3
    var groups: [(action: String, first: Int, last: Int)] = []
    let tableRows = table.rows.enumerated().filter { !table.groupRows.contains($0.offset) }.map(\.element)
    XCTAssertEqual(tableRows.count, report.result.indicators.count)
    for (line, tableRow) in zip(report.result.indicators, tableRows) {
      if groups.last?.action != line.indicator.action {
        groups.append((line.indicator.action, r, r))
        XCTAssertEqual(sheet.cell(r, 0)?.text, line.indicator.action, "row \(r + 1)")
      } else {
        groups[groups.count - 1].last = r
        XCTAssertNil(sheet.cell(r, 0), "inside a merged 行动名称")
      }
      let mark = line.status == .infeasible ? "✗" : line.status == .feasible ? "~" : ""
      XCTAssertEqual(sheet.cell(r, 1)?.text, mark.isEmpty ? tableRow[0] : String(tableRow[0].dropLast(2)), "the name without its mark")
      XCTAssertEqual(sheet.cell(r, tableRow.count + 1)?.text ?? "", mark, "状态")
      XCTAssertEqual(sheet.cell(r, 2)?.text, tableRow[1])
      XCTAssertEqual(sheet.cell(r, 1)?.border, true, "the table has borders")
      // 合计 is a live SUM of the areas, its cached value the allocated total.
      let totalColumn = tableRow.count - 1
      if !tableRow[totalColumn - 1].isEmpty {
        XCTAssertEqual(sheet.cell(r, totalColumn)?.formula, "=SUM(D\(r + 1):\(columnLetter(totalColumn - 1))\(r + 1))", tableRow[0])
      }
      let format: String? = switch line.indicator.kind {
      case .count: "0"
      case .rate: "General"
      default: "0.00"
      }
      for c in 2..<tableRow.count {
        assertCell(sheet.cell(r, c + 1), tableRow[c], format: format, "\(tableRow[0]), \(table.header[c])")
      }
      r += 1
    }
    XCTAssertEqual(groups.count, 3, "the three 行动计划")
    for group in groups where group.last > group.first {
      XCTAssertTrue(sheet.merged.contains("A\(group.first + 1):A\(group.last + 1)"), "\(group.action) merged: \(sheet.merged)")
    }
    XCTAssertTrue(sheet.merged.contains("A1:\(columnLetter(table.header.count + 1))1"), "the title spans the table and 状态")
    XCTAssertEqual(sheet.rows[2].last??.text, "状态")
    XCTAssertEqual(sheet.orientation, "landscape")
    XCTAssertEqual(sheet.paper, 9, "A4")
    XCTAssertTrue(sheet.fitToPage)
    XCTAssertEqual(sheet.fitWidth, 1, "one page wide")
    XCTAssertEqual(sheet.fitHeight, 0, "as many pages down as needed")
    XCTAssertEqual(sheet.titleRows, "$1:$3", "title, subtitle and header on every page")
    XCTAssertEqual(sheet.cell(1, 0)?.text, report.workbookSubtitle)
    XCTAssertTrue(sheet.cell(1, 0)?.text?.contains("；分解规则：均衡分解（各街道余量使用比例相同）") == true, sheet.cell(1, 0)?.text ?? "")
    XCTAssertTrue(sheet.cell(1, 0)?.text?.contains("示例数据") == true)

    // The notes and sources under the table.
    XCTAssertTrue(sheet.rows[r].allSatisfy { $0 == nil }, "a blank row under the table")
    let notes = sheet.rows[(r + 1)...].compactMap { $0.first??.text }
    XCTAssertEqual(notes, report.footerLines)
    XCTAssertTrue(notes.contains { $0.hasPrefix("示例数据") })
    XCTAssertTrue(notes.last?.hasPrefix("资料来源：") == true, "\(notes.last ?? "")")

    // Column widths fit Chinese text, CJK characters counting double.
    let longest = report.result.indicators.map { displayWidth($0.indicator.areaName) }.max() ?? 0
    XCTAssertGreaterThanOrEqual(sheet.widths["B"] ?? 0, Double(longest))
    XCTAssertGreaterThanOrEqual(sheet.widths["D"] ?? 0, Double(displayWidth(report.result.areas[0])))

    // The explanation sheet: the same content as explanation(_:) for every split line.
    let explained = sheets[1]
    // Title, the 示例数据 note (an illustrative scenario), header.
    XCTAssertTrue(explained.cell(1, 0)?.text?.hasPrefix("示例数据") == true, "the sheet says 示例数据")
    XCTAssertEqual(explained.freeze, "D4")
    r = 3
    var lines = 0
    for line in report.result.indicators where line.status != .notSplit && line.requiredTotal != nil {
      lines += 1
      XCTAssertEqual(explained.cell(r, 0)?.text, "\(line.indicator.areaName)（\(line.indicator.areaUnit)）：\(report.explainLine(line))")
      r += 1
      let format = line.indicator.kind == .count ? "0" : "0.00"
      for row in report.explanation(line).rows {
        let context = "\(line.indicator.areaName), \(row[0])"
        XCTAssertEqual(explained.cell(r, 0)?.text, line.indicator.areaName, context)
        XCTAssertEqual(explained.cell(r, 2)?.text, row[0], context)
        for c in 1...3 { assertCell(explained.cell(r, c + 2), row[c], format: format, context) }
        let locked = row[4].hasSuffix(" 🔒")
        assertCell(explained.cell(r, 6), locked ? String(row[4].dropLast(2)) : row[4], format: format, context)
        XCTAssertEqual(explained.cell(r, 7)?.text, locked ? "🔒" : nil, context)
        for (c, text) in [(8, row[5]), (9, row[6])] {
          if text.isEmpty {
            XCTAssertNil(explained.cell(r, c), context)
          } else {
            XCTAssertEqual(explained.cell(r, c)?.number.map { report.percent($0) }, text, context)
            XCTAssertEqual(explained.cell(r, c)?.f, "+0.0%;-0.0%;0.0%", context)
          }
        }
        XCTAssertEqual(explained.cell(r, 10)?.text ?? "", row[7], context)
        r += 1
      }
    }
    XCTAssertGreaterThan(lines, 20)
    XCTAssertEqual(explained.rows.count, r)
  }

  func testSimulationWorkbookReadsBackWithOpenpyxl() throws {
    try requireOpenpyxl()
    var report = try simulationReport()
    report.setup.usesIllustrativeData = true
    let sheets = try readWithOpenpyxl(try report.workbook())
    XCTAssertEqual(sheets.map(\.title), ["达成概率", "街道达成概率"])

    let goals = sheets[0]
    XCTAssertEqual(goals.cell(0, 0)?.text, report.title)
    XCTAssertEqual(goals.cell(1, 0)?.text, report.runLine)
    // Illustrative figures: the sheet says 示例数据 under the run line.
    XCTAssertTrue(goals.cell(2, 0)?.text?.hasPrefix("示例数据") == true)
    XCTAssertEqual(goals.freeze, "B5")
    let table = report.goalTable()
    XCTAssertEqual(goals.rows[3].map { $0?.text }.prefix(3), ["指标", "目标", "单位"])
    for (i, goal) in report.goalsByRisk.enumerated() {
      let r = i + 4
      let row = table.rows[i]
      let kind = report.indicators[goal.indicatorIndex].kind
      let context = "\(row[0]) \(row[1])"
      XCTAssertEqual(goals.cell(r, 0)?.text, row[0], context)
      XCTAssertEqual(goals.cell(r, 1)?.text, row[1], context)
      XCTAssertEqual(goals.cell(r, 2)?.text, row[2], context)
      XCTAssertEqual(goals.cell(r, 3)?.number, goal.target, context)
      XCTAssertEqual(goals.cell(r, 3)?.number.map { report.amount(kind, $0) }, row[3], context)
      XCTAssertEqual(goals.cell(r, 3)?.f, kind == .count ? "0" : "0.00", context)
      XCTAssertEqual(goals.cell(r, 4)?.number.map { report.amount(kind, $0) } ?? "", row[4], context)
      XCTAssertEqual(goals.cell(r, 5)?.number, goal.pHit, context)
      XCTAssertEqual(goals.cell(r, 5)?.f, "0.0%", context)
      XCTAssertEqual(goals.cell(r, 5)?.number.map { report.percent($0) }, row[5], context)
      XCTAssertEqual(goals.cell(r, 6)?.number, goal.ci95.lower, context)
      XCTAssertEqual(goals.cell(r, 7)?.number, goal.ci95.upper, context)
      // The sheet: P10, P50, P90, then 期望缺口; the text table: 期望缺口 beside the odds.
      for (c, text) in [(8, row[8]), (9, row[9]), (10, row[10]), (11, row[7])] {
        XCTAssertEqual(goals.cell(r, c)?.number.map { report.amount(kind, $0) }, text, context)
      }
      XCTAssertEqual(goals.cell(r, 12)?.text ?? "", row[11], context)
    }
    let joint = 4 + table.rows.count + 2
    XCTAssertEqual(goals.cell(joint, 2)?.number, report.result.all.pAll)
    XCTAssertEqual(goals.cell(joint, 2)?.f, "0.0%")
    XCTAssertEqual(goals.cell(joint, 1)?.number, Double(report.result.all.goals))
    for (g, group) in report.result.groups.enumerated() {
      XCTAssertEqual(goals.cell(joint + 1 + g, 0)?.text, group.group)
      XCTAssertEqual(goals.cell(joint + 1 + g, 2)?.number, group.odds.pAll)
    }
    let notes = goals.rows[(joint + report.result.groups.count + 2)...].compactMap { $0.first??.text }
    XCTAssertEqual(notes, report.notes)

    let streets = sheets[1]
    // A sheet holding illustrative figures says so under its title.
    let top = 1
    XCTAssertTrue(streets.cell(1, 0)?.text?.hasPrefix("示例数据") == true)
    XCTAssertEqual(streets.freeze, "B\(3 + top)")
    XCTAssertEqual(streets.titleRows, "$1:$\(2 + top)")
    XCTAssertEqual(goals.orientation, "landscape")
    let streetTable = report.streetTable()
    XCTAssertEqual(streets.rows[1 + top].map { $0?.text }, streetTable.header.map { Optional($0) })
    for (i, row) in streetTable.rows.enumerated() {
      let odds = report.result.indicators[i]
      XCTAssertEqual(streets.cell(i + 2 + top, 0)?.text, row[0])
      for c in 1..<row.count {
        let cell = streets.cell(i + 2 + top, c)
        if row[c] == "/" {
          XCTAssertEqual(cell?.text, "/")
        } else {
          XCTAssertEqual(cell?.number, odds.streets.first { $0.areaIndex == c - 1 }?.pMeetTarget, "\(row[0]), \(streetTable.header[c])")
          XCTAssertEqual(cell?.number.map { report.percent($0) }, row[c])
          XCTAssertEqual(cell?.f, "0.0%")
        }
      }
    }
  }
}
