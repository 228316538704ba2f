import FenjieCore
import Foundation
import TestSupport
import XCTest

@testable import FenjieFiles

/// Area tables as planners keep them: an .xlsx sheet with a title above the header, names written
/// with their units ("新增科技型企业(家)"), a 合计 column of formulas. Written by openpyxl (an
/// independent writer) from the shipped CSV; the dataset read from the workbook must equal the one
/// read from the CSV, and a bad cell is refused with its sheet and cell.
final class WorkbookTableTests: XCTestCase {
  func makeCopy() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-xlsx-table-\(UUID())")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Scenarios/liangxi"), to: directory)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    return directory
  }

  /// Writes the street table as a 附件2-style workbook; `edit` is Python run on `ws` before saving.
  func writeWorkbook(_ directory: URL, edit: String = "") throws {
    let script = """
      import csv, sys, openpyxl
      rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
      wb = openpyxl.Workbook(); ws = wb.active; ws.title = "附件2"
      ws.append(["梁溪区2024年科技工作目标任务分解表"]); ws.merge_cells("A1:L1")
      ws.append([])
      header = rows[0]
      ws.append(["指标"] + header[3:] + ["合计"])
      for r, row in enumerate(rows[1:], start=4):
          values = [float(v) if v not in ("", "/") and v.replace(".", "", 1).isdigit() else v for v in row[3:]]
          ws.append([f"{row[1]}({row[2]})"] + values + [f"=SUM(B{r}:{openpyxl.utils.get_column_letter(len(row) - 2)}{r})"])
      \(edit)
      wb.save(sys.argv[2])
      """
    let probe = try runTool("/usr/bin/env", ["python3", "-c", "import openpyxl"])
    if probe.status != 0 { throw XCTSkip("needs Python's openpyxl (pip install openpyxl)") }
    let run = try runTool(
      "/usr/bin/env",
      ["python3", "-c", script, directory.appendingPathComponent("streets-2024.csv").path, directory.appendingPathComponent("streets-2024.xlsx").path])
    XCTAssertEqual(run.status, 0, run.output)
    let toml = directory.appendingPathComponent("dataset.toml")
    let text = try String(contentsOf: toml, encoding: .utf8).replacingOccurrences(of: "streets-2024.csv", with: "streets-2024.xlsx")
    try text.write(to: toml, atomically: true, encoding: .utf8)
  }

  func testAWorkbookReadsAsTheCSVDoes() throws {
    let fromCSV = try DatasetLoader.load(packageRoot.appendingPathComponent("Scenarios/liangxi/dataset.toml").path)
    let directory = try makeCopy()
    try writeWorkbook(directory)
    let fromXLSX = try DatasetLoader.load(directory.appendingPathComponent("dataset.toml").path)
    XCTAssertEqual(fromXLSX.tables.count, 1)
    XCTAssertEqual(fromXLSX.tables[0].values, fromCSV.tables[0].values, "every street value read exactly")
    XCTAssertEqual(fromXLSX.indicators, fromCSV.indicators)
    // Rows are the sheet's: the first line is on row 4, under the title and a blank row.
    XCTAssertEqual(fromXLSX.tables[0].rowOf[fromCSV.indicators[0].id], 4)
  }

  func testABadCellIsRefusedWithItsSheetAndCell() throws {
    let directory = try makeCopy()
    try writeWorkbook(directory, edit: "ws['C5'] = '很多'")
    XCTAssertThrowsError(try DatasetLoader.load(directory.appendingPathComponent("dataset.toml").path)) { error in
      XCTAssertTrue("\(error)".contains("streets-2024.xlsx: 附件2!C5 (清名桥街道): "), "\(error)")
    }
  }

  func testAUnitThatIsNotTheLinesIsRefused() throws {
    let directory = try makeCopy()
    try writeWorkbook(directory, edit: "ws['A4'] = '新增科技型企业(万家)'")
    XCTAssertThrowsError(try DatasetLoader.load(directory.appendingPathComponent("dataset.toml").path)) { error in
      XCTAssertTrue("\(error)".contains("附件2!A4 (指标): 新招引科技型企业 is in 家 in this dataset, but this row says (万家)"), "\(error)")
    }
  }

  func testAFormulaInAnAreaCellWithoutItsValueIsRefused() throws {
    let directory = try makeCopy()
    try writeWorkbook(directory, edit: "ws['D6'] = '=B6+C6'")
    XCTAssertThrowsError(try DatasetLoader.load(directory.appendingPathComponent("dataset.toml").path)) { error in
      XCTAssertTrue("\(error)".contains("附件2!D6 (惠山街道): "), "\(error)")
      XCTAssertTrue("\(error)".contains("=B6+C6"), "\(error)")
    }
  }
}
