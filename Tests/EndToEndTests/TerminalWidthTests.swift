import Foundation
import TestSupport
import XCTest

/// The terminal tables fit a default terminal: at most 120 display columns (a Chinese character
/// two), the 分解表's areas in panels that together hold every area once with the CSV's numbers;
/// `--wide` prints one block; the rules are ASCII, one column wide in every terminal.
final class TerminalWidthTests: XCTestCase {
  /// Display columns, Chinese and full-width characters counting two (as FenjieReports counts them).
  func displayWidth(_ s: Substring) -> Int {
    s.unicodeScalars.reduce(0) { width, scalar in
      let v = scalar.value
      if scalar.properties.generalCategory == .nonspacingMark || v == 0x200B || v == 0xFEFF { return width }
      let wide =
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
        || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
        || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
        || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        || (0x1F300...0x1F64F).contains(v)
      return width + (wide ? 2 : 1)
    }
  }

  func assertFits(_ arguments: [String], _ width: Int, file: StaticString = #filePath, line: UInt = #line) throws {
    let run = try runFenjie(arguments)
    XCTAssertTrue([0, 1].contains(run.status), run.stderr, file: file, line: line)
    XCTAssertFalse(run.stdout.isEmpty, file: file, line: line)
    for text in run.stdout.split(separator: "\n") {
      XCTAssertLessThanOrEqual(displayWidth(text), width, "\(arguments.joined(separator: " ")): \(text)", file: file, line: line)
      XCTAssertFalse(text.contains("─"), "ambiguous-width rule: \(text)", file: file, line: line)
    }
  }

  static let compare = ["compare", "Scenarios/liangxi-2026.toml", "Scenarios/liangxi-2026-talent-shock.toml", "--runs", "2000", "--seed", "11"]

  /// Every line of allocate, simulate and compare (default scenarios), and of --explain and
  /// --confidence, within 120 columns; within 80 with --width 80.
  func testDefaultOutputsFit120Columns() throws {
    try assertFits([], 120)
    try assertFits(["allocate"], 120)
    try assertFits(["allocate", "--explain"], 120)
    try assertFits(["allocate", "Scenarios/liangxi-2025-tight-caps.toml", "--explain"], 120)
    try assertFits(["simulate", "--runs", "2000"], 120)
    try assertFits(["simulate", "Scenarios/liangxi-2026-progress.toml", "--runs", "2000"], 120)
    try assertFits(Self.compare, 120)
    try assertFits(["allocate", "--width", "80"], 80)
    try assertFits(["simulate", "--runs", "2000", "--width", "100"], 100)
  }

  /// --wide: the 分解表 in one block, its header once, each line with all its areas, 合计 and 区目标.
  func testWideGivesOneBlock() throws {
    for arguments in [["allocate", "--wide"], ["allocate", "--width", "400"]] {
      let run = try runFenjie(arguments)
      XCTAssertEqual(run.status, 0, run.stderr)
      XCTAssertFalse(run.stdout.contains("续表"))
      XCTAssertEqual(run.stdout.split(separator: "\n").filter { $0.hasPrefix("指标") }.count, 1)
      let line = try XCTUnwrap(run.stdout.split(separator: "\n").first { $0.hasPrefix("新招引科技型企业") })
      XCTAssertEqual(line.split(separator: " ").count, 13, String(line))
    }
    let simulate = try runFenjie(["simulate", "--runs", "2000", "--wide"])
    XCTAssertFalse(simulate.stdout.contains("续表"))
    XCTAssertGreaterThan(simulate.stdout.split(separator: "\n").map { displayWidth($0) }.max() ?? 0, 120)
  }

  /// --wide and --width shape only the terminal table: refused with another format, or together.
  func testWidthOptionsRefusedWhereTheyDoNothing() throws {
    for arguments in [
      ["allocate", "--wide", "--format", "csv"], ["simulate", "--width", "80", "--format", "json"],
      ["allocate", "--wide", "--width", "80"], ["allocate", "--width", "10"],
    ] {
      let run = try runFenjie(arguments)
      XCTAssertEqual(run.status, 2, "\(arguments): \(run.stdout)")
      XCTAssertTrue(run.stderr.contains("--wid"), run.stderr)
    }
  }

  /// The fields of a CSV line (quotes as RFC 4180).
  func csvFields(_ line: Substring) -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(line)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" { field.append("\""); chars = chars.dropFirst() } else { quoted = false }
        } else { field.append(c) }
      } else if c == "\"" { quoted = true } else if c == "," { fields.append(field); field = "" } else { field.append(c) }
    }
    fields.append(field)
    return fields
  }

  /// The cells of a terminal block, cut at the columns its rule of "-" marks (blank cells kept).
  func blockCells(_ block: String) -> [[String]] {
    let lines = block.split(separator: "\n")
    guard let ruleIndex = lines.firstIndex(where: { $0.hasPrefix("---") }) else { return [] }
    var spans: [(Int, Int)] = []
    var start: Int? = nil
    for (i, c) in Array(lines[ruleIndex] + " ").enumerated() {
      if c == "-", start == nil { start = i }
      if c != "-", let s = start { spans.append((s, i)); start = nil }
    }
    return lines.enumerated().filter { $0.offset == ruleIndex - 1 || ($0.offset > ruleIndex && !$0.element.hasPrefix("【")) }
      .prefix { !$0.element.isEmpty }
      .map { _, line in
        spans.map { span in
          var column = 0
          var cell = ""
          for ch in line {
            let w = displayWidth(Substring(String(ch)))
            if column >= span.0 && column + w <= span.1 { cell.append(ch) }
            column += w
          }
          return cell.trimmingCharacters(in: .whitespaces)
        }
      }
  }

  /// The panels of the default 分解表 hold every area, 合计 and 区目标 exactly once, with the
  /// numbers of the CSV output, every line in each panel.
  func testPanelsHoldEveryAreaOnceWithTheCSVNumbers() throws {
    for scenario in ["Scenarios/liangxi-2025.toml", "Scenarios/liangxi-2026-progress.toml", "Scenarios/liangxi-2025-tight-caps.toml"] {
      let csv = try runFenjie(["allocate", scenario, "--format", "csv"])
      let table = try runFenjie(["allocate", scenario])
      XCTAssertEqual(csv.status, table.status, csv.stderr)
      let csvLines = csv.stdout.dropFirst().split(separator: "\r\n").map(csvFields)
      let csvHeader = Array(csvLines[0].dropFirst(3))  // 行动名称, 指标, 单位
      let csvRows = csvLines.dropFirst().map { ($0[1], Array($0.dropFirst(3))) }
      // The 分解表 is the text from the blank line after the subtitle to the notes.
      let body = table.stdout.components(separatedBy: "\n\n")[1...].prefix { !$0.hasPrefix("  ") }.joined(separator: "\n\n")
      let panels = body.components(separatedBy: "\n（续表）\n")
      XCTAssertGreaterThan(panels.count, 1, "split into panels")
      var header: [String] = []
      var rows = csvRows.map { ($0.0, [String]()) }
      for panel in panels {
        let cells = blockCells(panel)
        XCTAssertEqual(Array(cells[0].prefix(2)), ["指标", "单位"])
        header += cells[0].dropFirst(2)
        XCTAssertEqual(cells.count - 1, csvRows.count, "every line in every panel")
        for (r, row) in cells.dropFirst().enumerated() where r < rows.count {
          XCTAssertEqual(row[0], rows[r].0)
          rows[r].1 += row.dropFirst(2)
        }
      }
      XCTAssertEqual(header, csvHeader, "every area once, in order, then 合计 and 区目标")
      for (row, expected) in zip(rows, csvRows) { XCTAssertEqual(row.1, expected.1, row.0) }
    }
  }
}
