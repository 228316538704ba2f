import FenjieText
import FenjieCore
import FenjieSimulation
import Foundation
import GLPK
import TestSupport
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

import FenjiePlanning
@testable import FenjieFiles
@testable import FenjieReports

/// `fenjie report`: one HTML page that needs nothing from the network, with charts that are
/// well-formed SVG, and the numbers and labels a planner relies on.
final class HTMLReportTests: XCTestCase {
  /// Allocates and simulates a shipped scenario the way `fenjie report` does (fewer runs).
  func makeReport(_ scenario: String, runs: Int = 4_000) throws -> HTMLReport {
    let path = packageRoot.appendingPathComponent(scenario).path
    let loaded = try ScenarioLoader.load(path)
    let allocation = try Allocator(dataset: loaded.dataset, settings: loaded.settings).allocate()
    var settings = loaded.simulation
    settings.runs = runs
    let setup = try SimulationSetup(scenario: loaded, settings: settings, solver: GLPKSolver())
    let result = try Simulator(input: setup.input).run(runs: runs, seed: settings.seed, threads: 2)
    return HTMLReport(
      allocation: allocation, setup: setup, simulation: result, purpose: loaded.purpose, scenario: scenario,
      version: "test")
  }

  /// Every `<svg>…</svg>` element of the page.
  func svgElements(_ html: String) -> [String] {
    var found: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
      found.append(String(rest[start.lowerBound..<end.upperBound]))
      rest = rest[end.upperBound...]
    }
    return found
  }

  func assertSelfContained(_ html: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let external = try NSRegularExpression(pattern: #"(src|href)\s*=\s*["']?\s*(https?:)?//"#, options: [.caseInsensitive])
    let range = NSRange(html.startIndex..., in: html)
    XCTAssertEqual(external.numberOfMatches(in: html, range: range), 0, "no src or href to the network", file: file, line: line)
    let anyExternal = try NSRegularExpression(pattern: #"(src|href)\s*=\s*["']https?://"#, options: [.caseInsensitive])
    XCTAssertNil(anyExternal.firstMatch(in: html, range: range), file: file, line: line)
    XCTAssertFalse(html.contains("<script"), "no script", file: file, line: line)
    XCTAssertFalse(html.contains("@import"), "no imported style sheet", file: file, line: line)
    XCTAssertFalse(html.contains("url("), "no fetched font or image", file: file, line: line)
    XCTAssertFalse(html.contains("<img"), "no image files", file: file, line: line)
    XCTAssertFalse(html.contains("<link"), "no linked resources", file: file, line: line)
  }

  func assertWellFormedSVG(_ html: String, atLeast count: Int, file: StaticString = #filePath, line: UInt = #line) {
    let svgs = svgElements(html)
    XCTAssertGreaterThanOrEqual(svgs.count, count, "charts", file: file, line: line)
    XCTAssertEqual(svgs.count, html.components(separatedBy: "<svg").count - 1, "every <svg> is closed", file: file, line: line)
    for (index, svg) in svgs.enumerated() {
      let parser = XMLParser(data: Data(svg.utf8))
      XCTAssertTrue(
        parser.parse(), "SVG \(index) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")\n\(svg.prefix(400))",
        file: file, line: line)
    }
  }

  func testLiangxi2025Report() throws {
    let report = try makeReport("Scenarios/liangxi-2025.toml")
    let html = report.render()
    XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
    XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
    XCTAssertTrue(html.contains("<html lang=\"zh-CN\">"))
    try assertSelfContained(html)
    // The odds, the distribution, the streets' part of a miss, and four key lines.
    assertWellFormedSVG(html, atLeast: 7)

    // The 分解表: 新招引科技型企业 adds up to its district target of 1200.
    XCTAssertTrue(html.contains("梁溪区 2025年度目标任务分解表"))
    XCTAssertTrue(html.contains("<th scope=\"row\">新招引科技型企业</th>"))
    XCTAssertTrue(html.contains("<td class=\"num total\">1200</td><td class=\"num\">1200</td>"), "合计 and 区目标 1200")
    XCTAssertTrue(html.contains("<td class=\"num total\">15.50</td>"), "全社会研发投入 15.50 亿元")
    for area in report.allocation.areas { XCTAssertTrue(html.contains(area)) }
    XCTAssertTrue(html.contains("科技企业倍增行动计划"), "the action groups")

    // The odds and the run line.
    XCTAssertTrue(html.contains("模拟 4000 次，随机种子 2026，随机数生成器 xoshiro256**"))
    XCTAssertTrue(html.contains("P(达成)"))
    XCTAssertTrue(html.contains(Say.HTML.allGoalsCard(report.simulation.all.goals).text()))
    XCTAssertTrue(html.contains("模型：街道完成数 = 目标 x 完成率 R"), "the model notes")
    XCTAssertTrue(html.contains("梁政发〔2024〕40号 附件2"), "the sources")

    // Published figures only: no 示例数据 label, every line feasible.
    XCTAssertFalse(report.illustrative)
    XCTAssertFalse(html.contains("示例数据"))
    XCTAssertFalse(html.contains("cannot be allocated as set"))

    // CJK fonts, and A4 print rules.
    XCTAssertTrue(html.contains("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", sans-serif"))
    XCTAssertTrue(html.contains("@media print"))
    XCTAssertTrue(html.contains("@page { size: A4"))
    XCTAssertTrue(html.contains("break-inside: avoid"))

    // The same input gives the same page.
    XCTAssertEqual(html, report.render())
  }

  /// Illustrative actuals: the 示例数据 label at the top and in the title.
  func testIllustrativeDataIsLabelled() throws {
    let report = try makeReport("Scenarios/liangxi-2026-progress.toml", runs: 2_000)
    XCTAssertTrue(report.illustrative)
    let html = report.render()
    try assertSelfContained(html)
    assertWellFormedSVG(html, atLeast: 4)
    XCTAssertTrue(html.contains("<title>梁溪区 2026年度目标任务分解表与2026年目标达成概率（含示例数据）</title>"))
    XCTAssertTrue(html.contains("<span class=\"badge\">示例数据</span>"))
    XCTAssertTrue(html.contains("<div class=\"notice illustrative\""))
    XCTAssertTrue(html.contains("已完成"), "progress to date in the odds table")
  }

  /// Lines that cannot be met as set: a warning at the top naming each line and what would fix it.
  func testInfeasibleLinesAreWarned() throws {
    let report = try makeReport("Scenarios/liangxi-2025-tight-caps.toml", runs: 1_000)
    let infeasible = report.allocation.indicators.filter { $0.status == .infeasible }
    XCTAssertFalse(infeasible.isEmpty)
    let html = report.render()
    assertWellFormedSVG(html, atLeast: 4)
    XCTAssertTrue(html.contains("<div class=\"notice error\" role=\"alert\">"))
    XCTAssertTrue(html.contains(Say.HTML.infeasibleHeading(infeasible.count).text()))
    XCTAssertTrue(html.contains("<b>雏鹰企业</b>：需分解 70家，在现有上限、下限、锁定和上级指标下最多只能分解 59家"))
    XCTAssertTrue(html.contains("<th scope=\"row\">雏鹰企业 ✗</th>"))
    XCTAssertEqual(html.components(separatedBy: "<tr class=\"infeasible\">").count - 1, infeasible.count)
  }

  /// Names, purposes and what-if changes are escaped in the HTML and in the SVG.
  func testTextIsEscaped() throws {
    var report = try makeReport("Scenarios/liangxi-2025.toml", runs: 500)
    let odd = "R&D <研发> \"投入\" 'x'"
    report.purpose = odd
    report.changes = ["--set a=<b>&c"]
    for index in report.setup.input.indicators.indices { report.setup.input.indicators[index].name = odd + " \(index)" }
    let html = report.render()
    assertWellFormedSVG(html, atLeast: 7)
    XCTAssertFalse(html.contains(odd))
    XCTAssertTrue(html.contains("R&amp;D &lt;研发&gt; &quot;投入&quot; &#39;x&#39;"))
    XCTAssertTrue(html.contains("--set a=&lt;b&gt;&amp;c"))
    XCTAssertEqual(xmlEscape("a\u{1}b"), "ab", "control characters XML does not allow are dropped")
  }

  func testAxisTicks() {
    XCTAssertEqual(axisTicks(low: 0, high: 100, count: 5), [0, 20, 40, 60, 80, 100])
    XCTAssertEqual(axisTicks(low: 0, high: 10.2, count: 5), [0, 2.5, 5, 7.5, 10])
    let ticks = axisTicks(low: 0.8, high: 1.2, count: 4)
    XCTAssertEqual(ticks.count, 5, "\(ticks)")
    for (tick, expected) in zip(ticks, [0.8, 0.9, 1.0, 1.1, 1.2]) { XCTAssertEqual(tick, expected, accuracy: 1e-9) }
    XCTAssertEqual(SVGCanvas.textWidth("崇安寺街道", size: 10), 50)
    let fitted = SVGCanvas.fit("其中:纳入区级共建或列统管理新型研发机构数", width: 80, size: 10)
    XCTAssertTrue(fitted.hasPrefix("其中:纳入") && fitted.hasSuffix("…"), fitted)
    XCTAssertLessThanOrEqual(SVGCanvas.textWidth(fitted, size: 10), 80)
  }

  // MARK: As a person sees it

  /// Renders the page with headless Chromium and checks that a real picture comes out.
  func testRendersInChromium() throws {
    guard let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(findExecutable).first else {
      throw XCTSkip("chromium is not installed: apt-get install chromium fonts-noto-cjk (or run scripts/screenshot-report.sh) to render the report")
    }
    let report = try makeReport("Scenarios/liangxi-2025.toml", runs: 2_000)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-html-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    let png = folder.appendingPathComponent("report.png")
    try OutputFile.write(report.render(), to: page.path, protecting: [])

    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(folder.path)/profile",
      "--screenshot=\(png.path)", "--window-size=1240,1800", page.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(90)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
    if process.isRunning {
      process.terminate()
      XCTFail("chromium did not finish within 90 s")
      return
    }
    let data = try Data(contentsOf: png)
    XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG file")
    let be32 = { (offset: Int) in data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
    XCTAssertEqual(be32(16), 1240, "width")
    XCTAssertEqual(be32(20), 1800, "height")
    // A blank or nearly blank page compresses to a few kilobytes; text, tables and charts do not.
    XCTAssertGreaterThan(data.count, 100_000, "the screenshot shows a page, not an empty window")
  }

  func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
