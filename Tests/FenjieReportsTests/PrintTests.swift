import FenjieCore
import FenjiePlanning
import Foundation
import GLPK
import TestSupport
import XCTest

@testable import FenjieFiles
@testable import FenjieReports

/// The 分解表 as a real spreadsheet program prints it: LibreOffice Calc (headless) turns the sheet
/// into a PDF, whose pages poppler counts. `make setup` installs both from Debian's packages; without
/// them the test is skipped with a message. FENJIE_PRINT_PNG=DIR also writes each page as a PNG.
final class PrintTests: XCTestCase {
  func testShippedTablesPrintOnOneA4LandscapePage() throws {
    let soffice = "/usr/bin/soffice"
    guard FileManager.default.isExecutableFile(atPath: soffice),
      FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")
    else {
      throw XCTSkip("printing needs LibreOffice Calc and poppler-utils (make setup installs them)")
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-print-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let scenarios = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Scenarios").path)
      .filter { $0.hasSuffix(".toml") }.sorted()
    XCTAssertGreaterThan(scenarios.count, 2)
    let planner = Planner(solver: GLPKSolver())
    for name in scenarios {
      let loaded = try ScenarioLoader.load(packageRoot.appendingPathComponent("Scenarios/\(name)").path)
      let report = AllocationReport(try planner.allocate(loaded), purpose: loaded.purpose)
      // The 分解表 sheet alone, exactly as fenjie writes it.
      let base = (name as NSString).deletingPathExtension
      let xlsx = directory.appendingPathComponent("\(base).xlsx")
      try XLSXWorkbook(title: report.title, sheets: [report.tableSheet()]).data().write(to: xlsx)
      let convert = try runTool(
        soffice, ["-env:UserInstallation=file://\(directory.path)/profile", "--headless", "--convert-to", "pdf", "--outdir", directory.path, xlsx.path])
      XCTAssertEqual(convert.status, 0, convert.output)
      let pdf = directory.appendingPathComponent("\(base).pdf").path
      let info = try runTool("/usr/bin/pdfinfo", [pdf])
      XCTAssertEqual(info.status, 0, info.output)
      XCTAssertTrue(info.output.contains("Pages:           1\n"), "\(name): \(info.output)")
      XCTAssertTrue(info.output.contains("841.89 x 595.") && info.output.contains("(A4)"), "\(name): A4 landscape: \(info.output)")
      if let out = ProcessInfo.processInfo.environment["FENJIE_PRINT_PNG"] {
        _ = try runTool("/usr/bin/pdftoppm", ["-r", "110", "-png", "-singlefile", pdf, "\(out)/print-\(base)"])
      }
    }
  }
}
