import FenjieCore
import FenjiePlanning
import FenjieSimulation
import FenjieText
import Foundation
import GLPK
import TestSupport
import XCTest

@testable import FenjieFiles
@testable import FenjieReports

/// The workbooks' cell texts and the HTML report in Chinese (the library's default language): no
/// English sentence left once the data's own texts (the scenario's purpose, the sources) and a few
/// names (the generator's, the methods' technical names) are set aside; the 示例数据 label on every
/// sheet of an illustrative workbook; the 分解表's notes in Chinese.
final class ChineseReportTests: XCTestCase {
  /// Runs of three or more ASCII words: an English sentence (identifiers such as
  /// `[capacity.by_indicator.x] max_growth` or `--format json` are not).
  static func englishRuns(_ text: String) -> [String] {
    let pattern = #"(?<![\w.\[\-_/])[A-Za-z]{2,}(?:[ ,;]+[A-Za-z]{2,}){2,}(?![\w\]_])"#
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
      Range($0.range, in: text).map { String(text[$0]) }
    }
  }

  /// Names, not sentences: the random generator's published name, technical terms kept in
  /// parentheses for reviewers.
  static let allowlist = ["xoshiro256** (seeded by SplitMix64)", "sample average approximation"]

  func loaded(_ scenario: String) throws -> Scenario {
    try ScenarioLoader.load(packageRoot.appendingPathComponent(scenario).path)
  }

  /// The data's own texts in a loaded scenario: its purpose and the sources of its tables.
  func dataTexts(_ loaded: Scenario, _ sources: [String]) -> [String] {
    ([loaded.purpose].compactMap { $0 } + sources).sorted { $0.count > $1.count }
  }

  func assertChinese(_ text: String, data: [String], _ context: String, file: StaticString = #filePath, line: UInt = #line) {
    var rest = text
    for name in data + Self.allowlist { rest = rest.replacingOccurrences(of: name, with: " ") }
    let runs = Self.englishRuns(rest)
    XCTAssertTrue(runs.isEmpty, "\(context): English left: \(runs.prefix(6))", file: file, line: line)
  }

  func texts(_ workbook: XLSXWorkbook) -> [(sheet: String, text: String)] {
    workbook.sheets.flatMap { sheet in
      sheet.rows.flatMap { $0 }.compactMap { cell -> (String, String)? in
        if case .text(let text, _) = cell { return (sheet.name, text) }
        return nil
      }
    }
  }

  func testAllocationWorkbooksAreInChinese() throws {
    XCTAssertEqual(Language.current, .chinese, "the library's default")
    for (scenario, confidence) in [
      ("Scenarios/liangxi-2025.toml", false), ("Scenarios/liangxi-2025-tight-caps.toml", false),
      ("Scenarios/liangxi-2026-progress.toml", false), ("Scenarios/liangxi-2025.toml", true),
    ] {
      let scenarioFile = try loaded(scenario)
      var report: AllocationReport
      if confidence {
        let planner = Planner(solver: GLPKSolver())
        let (result, margins) = try planner.allocate(scenarioFile, confidence: 0.9, runs: 200)
        report = AllocationReport(result, explain: true, purpose: scenarioFile.purpose)
        report.confidence = margins
      } else {
        let result = try Allocator(dataset: scenarioFile.dataset, settings: scenarioFile.settings).allocate()
        report = AllocationReport(result, explain: true, purpose: scenarioFile.purpose)
      }
      let workbook = report.xlsxWorkbook()
      let data = dataTexts(scenarioFile, report.result.sources)
      for (sheet, text) in texts(workbook) { assertChinese(text, data: data, "\(scenario) \(sheet)") }
      // The notes under the 分解表: the sources and the rule in Chinese.
      let table = texts(workbook).filter { $0.sheet == "分解表" }.map(\.text)
      XCTAssertTrue(table.contains { $0.hasPrefix("资料来源：") }, "\(scenario): \(table.suffix(3))")
      XCTAssertTrue(table.contains { $0.contains("分解规则：") }, "\(scenario)")
      if report.result.usesIllustrativeData {
        for sheet in workbook.sheets {
          XCTAssertTrue(
            texts(XLSXWorkbook(title: "", sheets: [sheet])).contains { $0.text.contains("示例数据") },
            "\(scenario): sheet \(sheet.name) without the 示例数据 label")
        }
      }
    }
  }

  func testSimulationWorkbookIsInChineseWithUnitsAndLabels() throws {
    let scenario = try loaded("Scenarios/liangxi-2026-progress.toml")
    var settings = scenario.simulation
    settings.runs = 1000
    let setup = try SimulationSetup(scenario: scenario, settings: settings, solver: GLPKSolver())
    let result = try Simulator(input: setup.input).run(runs: 1000, seed: 7, threads: 1)
    var report = SimulationReport(setup: setup, result: result, version: "test")
    report.units = Dictionary(scenario.dataset.indicators.map { ($0.id, $0.areaUnit) }, uniquingKeysWith: { a, _ in a })
    let workbook = report.xlsxWorkbook()
    for (sheet, text) in texts(workbook) { assertChinese(text, data: dataTexts(scenario, setup.sources), "simulation \(sheet)") }
    XCTAssertTrue(setup.usesIllustrativeData)
    for sheet in workbook.sheets {
      XCTAssertTrue(
        texts(XLSXWorkbook(title: "", sheets: [sheet])).contains { $0.text.contains("示例数据") }, "\(sheet.name) says 示例数据")
    }
    // No 类型 column (it says again what 目标 says); a 单位 column instead, in every text format.
    let header = texts(workbook).filter { $0.sheet == "达成概率" }.map(\.text)
    XCTAssertFalse(header.contains("类型"))
    XCTAssertTrue(header.contains("单位"))
    XCTAssertTrue(header.contains("万平方米"), "the unit of 科技创新综合载体")
    for text in [report.csv(), report.markdown()] {
      XCTAssertFalse(text.contains("类型"))
      XCTAssertTrue(text.contains("单位"))
      XCTAssertTrue(text.contains("万平方米"))
    }
  }

  func testHTMLReportIsInChinese() throws {
    for scenario in ["Scenarios/liangxi-2025-tight-caps.toml", "Scenarios/liangxi-2026-progress.toml"] {
      let loaded = try loaded(scenario)
      let allocation = try Allocator(dataset: loaded.dataset, settings: loaded.settings).allocate()
      var settings = loaded.simulation
      settings.runs = 500
      let setup = try SimulationSetup(scenario: loaded, settings: settings, solver: GLPKSolver())
      let result = try Simulator(input: setup.input).run(runs: 500, seed: 3, threads: 1)
      let html = HTMLReport(
        allocation: allocation, setup: setup, simulation: result, purpose: loaded.purpose, scenario: scenario,
        version: "test"
      ).render()
      XCTAssertTrue(html.contains("<html lang=\"zh-CN\">"))
      // The text a reader sees: the body without its style sheet, tags and entities.
      var body = String(html[html.range(of: "<body>")!.upperBound...])
      body = body.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
      body = body.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
      body = body.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      let data = dataTexts(loaded, allocation.sources + setup.sources) + [scenario]
      assertChinese(body, data: data, scenario)
      XCTAssertTrue(body.contains("资料来源"))
      XCTAssertFalse(body.contains("Sources"))
    }
  }

  /// The terminal tables of the library (allocate, simulate) in Chinese, as the command line prints
  /// them, without an ambiguous-width mark in a cell: ✗ became x, and "–" in a range "～".
  func testTerminalTablesUseUnambiguousMarks() throws {
    let scenario = try loaded("Scenarios/liangxi-2025-tight-caps.toml")
    let result = try Allocator(dataset: scenario.dataset, settings: scenario.settings).allocate()
    let report = AllocationReport(result, explain: true, purpose: scenario.purpose)
    let terminal = report.terminal()
    XCTAssertFalse(terminal.contains("✗"))
    XCTAssertTrue(terminal.contains("雏鹰企业 x"))
    XCTAssertTrue(terminal.contains(Say.Allocation.infeasibleNote("雏鹰企业").text()))
    XCTAssertTrue(report.table(infeasibleMark: "✗").rows.contains { $0.first == "雏鹰企业 ✗" }, "the HTML keeps ✗")
  }
}
