import FenjieCore
import Foundation
import TestSupport
import XCTest

import FenjiePlanning
@testable import FenjieFiles
@testable import FenjieReports
import FenjieText

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

  /// `sheet = "…"` picks a sheet other than the first; a sheet the workbook does not have is named
  /// with the ones it has.
  func testANamedSheetIsRead() throws {
    let directory = try makeCopy()
    try writeWorkbook(directory, edit: "wb.move_sheet(ws, offset=0); wb.create_sheet('说明', 0)['A1'] = '本表为示例'")
    let toml = directory.appendingPathComponent("dataset.toml")
    let text = try String(contentsOf: toml, encoding: .utf8)
    try text.replacingOccurrences(of: "file = \"streets-2024.xlsx\"", with: "file = \"streets-2024.xlsx\"\nsheet = \"附件2\"")
      .write(to: toml, atomically: true, encoding: .utf8)
    let fromCSV = try DatasetLoader.load(packageRoot.appendingPathComponent("Scenarios/liangxi/dataset.toml").path)
    XCTAssertEqual(try DatasetLoader.load(toml.path).tables[0].values, fromCSV.tables[0].values)
    try text.replacingOccurrences(of: "file = \"streets-2024.xlsx\"", with: "file = \"streets-2024.xlsx\"\nsheet = \"附件3\"")
      .write(to: toml, atomically: true, encoding: .utf8)
    XCTAssertThrowsError(try DatasetLoader.load(toml.path)) { error in
      XCTAssertTrue(english(error).contains("has no sheet named 附件3 (sheets: 说明、附件2)"), english(error))
    }
  }

  func testABadCellIsRefusedWithItsSheetAndCell() throws {
    let directory = try makeCopy()
    try writeWorkbook(directory, edit: "ws['C5'] = '很多'")
    XCTAssertThrowsError(try DatasetLoader.load(directory.appendingPathComponent("dataset.toml").path)) { error in
      XCTAssertTrue(english(error).contains("streets-2024.xlsx: 附件2!C5 (清名桥街道): "), english(error))
    }
  }

  func testAUnitThatIsNotTheLinesIsRefused() throws {
    let directory = try makeCopy()
    try writeWorkbook(directory, edit: "ws['A4'] = '新增科技型企业(万家)'")
    XCTAssertThrowsError(try DatasetLoader.load(directory.appendingPathComponent("dataset.toml").path)) { error in
      XCTAssertTrue(english(error).contains("附件2!A4 (指标): 新招引科技型企业 is in 家 in this dataset, but this row says (万家)"), english(error))
    }
  }

  /// A cell formatted as a percentage reads as the sheet shows it (25%, stored as 0.25), never as
  /// 0.25; a date-formatted cell and cells merged across streets are refused at their place.
  func testPercentDateAndMergedCellsAreReadAsShownOrRefused() throws {
    let fromCSV = try DatasetLoader.load(packageRoot.appendingPathComponent("Scenarios/liangxi/dataset.toml").path)
    let rate = try XCTUnwrap(fromCSV.indicators.firstIndex { $0.kind == .rate })
    let row = rate + 4
    let directory = try makeCopy()
    try writeWorkbook(
      directory,
      edit: "for c in range(2, 11):\n          v = ws.cell(\(row), c).value\n          if isinstance(v, float): ws.cell(\(row), c).value = v / 100; ws.cell(\(row), c).number_format = '0%'")
    let percent = try DatasetLoader.load(directory.appendingPathComponent("dataset.toml").path)
    XCTAssertEqual(percent.tables[0].values[fromCSV.indicators[rate].id], fromCSV.tables[0].values[fromCSV.indicators[rate].id])

    let dated = try makeCopy()
    try writeWorkbook(dated, edit: "ws['C5'].number_format = 'yyyy-mm-dd'")
    XCTAssertThrowsError(try DatasetLoader.load(dated.appendingPathComponent("dataset.toml").path)) { error in
      XCTAssertTrue(english(error).contains("附件2!C5 (清名桥街道): ") && english(error).contains(String(Say.Input.dateCell("").text().dropFirst().prefix(9))), english(error))
    }
    let merged = try makeCopy()
    try writeWorkbook(merged, edit: "ws.merge_cells('C6:D6')")
    XCTAssertThrowsError(try DatasetLoader.load(merged.appendingPathComponent("dataset.toml").path)) { error in
      XCTAssertTrue(english(error).contains("附件2!C6 (清名桥街道): cells C–D of this row are merged into one"), english(error))
    }
  }

  func testAFormulaInAnAreaCellWithoutItsValueIsRefused() throws {
    let directory = try makeCopy()
    try writeWorkbook(directory, edit: "ws['D6'] = '=B6+C6'")
    XCTAssertThrowsError(try DatasetLoader.load(directory.appendingPathComponent("dataset.toml").path)) { error in
      XCTAssertTrue(english(error).contains("附件2!D6 (惠山街道): "), english(error))
      XCTAssertTrue(english(error).contains("=B6+C6"), english(error))
    }
  }
}

/// fenjie's own 分解表, as the workbook it writes and as the CSV Excel or WPS saves from that sheet
/// (title rows above, notes below), read back as a dataset's 2025 table: the same numbers.
final class OwnTableReadBackTests: XCTestCase {
  func testTheDraftReadsBackAsATable() throws {
    let probe = try runTool("/usr/bin/env", ["python3", "-c", "import openpyxl"])
    if probe.status != 0 { throw XCTSkip("needs Python's openpyxl (pip install openpyxl)") }
    let scenario = try ScenarioLoader.load(packageRoot.appendingPathComponent("Scenarios/liangxi-2025.toml").path)
    let draft = try Allocator(dataset: scenario.dataset, settings: scenario.settings).allocate()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-own-\(UUID())")
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Scenarios/liangxi"), to: directory)
    defer { try? FileManager.default.removeItem(at: directory) }
    let xlsx = directory.appendingPathComponent("分解表-2025.xlsx")
    try AllocationReport(draft).workbook().write(to: xlsx)
    // Excel's "CSV UTF-8" of the 分解表 sheet: every cell's shown value, a byte-order mark.
    let save = """
      import csv, sys, openpyxl
      ws = openpyxl.load_workbook(sys.argv[1], data_only=True)["分解表"]
      with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as f:
          w = csv.writer(f)
          for row in ws.iter_rows(values_only=True):
              w.writerow(["" if v is None else (int(v) if isinstance(v, float) and v.is_integer() else v) for v in row])
      """
    let csv = directory.appendingPathComponent("分解表-2025.csv")
    let run = try runTool("/usr/bin/env", ["python3", "-c", save, xlsx.path, csv.path])
    XCTAssertEqual(run.status, 0, run.output)
    for file in [xlsx, csv] {
      let toml = directory.appendingPathComponent("dataset.toml")
      var text = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/liangxi/dataset.toml"), encoding: .utf8)
      text += "\n[[tables]]\nyear = 2025\nkind = \"target\"\nfile = \"\(file.lastPathComponent)\"\nsource = \"fenjie's 2025 draft\"\nillustrative = true\n"
      try text.write(to: toml, atomically: true, encoding: .utf8)
      let dataset = try DatasetLoader.load(toml.path)
      let table = try XCTUnwrap(dataset.table(year: 2025, kind: .target), file.lastPathComponent)
      for line in draft.indicators where line.status != .notSplit {
        for area in draft.areas {
          let read = table.value(line.indicator.id, area).number
          let context = "\(file.lastPathComponent): \(line.indicator.areaName), \(area)"
          if let drafted = line.areas[area]?.value {
            XCTAssertEqual(read ?? .nan, drafted, accuracy: 1e-9, context)
          } else {
            XCTAssertNil(read, context)
          }
        }
      }
    }
  }
}
