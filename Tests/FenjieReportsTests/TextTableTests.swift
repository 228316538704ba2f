import XCTest

@testable import FenjieReports

final class TextTableTests: XCTestCase {
  /// CJK characters take two terminal cells, so columns line up.
  func testDisplayWidth() {
    XCTAssertEqual(displayWidth("abc"), 3)
    XCTAssertEqual(displayWidth("崇安寺街道"), 10)
    XCTAssertEqual(displayWidth("其中:省\"双创人才\""), 17, "7 wide characters, 3 narrow")
    var table = TextTable(header: ["名", "n"], alignments: [.left, .right])
    table.add(["崇安寺街道", "1"])
    table.add(["ab", "22"])
    let lines = table.terminal().split(separator: "\n").map(String.init)
    XCTAssertEqual(Set(lines.filter { !$0.hasPrefix("-") }.map(displayWidth)).count, 1, "\(lines)")
  }
}

final class TerminalPanelTests: XCTestCase {
  func wideTable(areas: Int) -> TextTable {
    let names = (1...areas).map { "第\($0)街道" }
    var table = TextTable(
      header: ["指标", "单位"] + names + ["合计", "区目标"],
      alignments: [.left, .left] + Array(repeating: .right, count: areas + 2))
    table.repeatedColumns = 2
    table.closingColumns = 2
    table.addGroup("科技企业倍增行动计划")
    table.add(["新招引科技型企业", "家"] + (1...areas).map { String(100 + $0) } + ["9999", "9000"])
    table.add(["研发人员增速", "%"] + Array(repeating: "25", count: areas) + ["", "25"])
    return table
  }

  /// Cells of a block's lines cut at the columns its rule of "-" marks (blank cells kept).
  func cells(_ block: String) -> [[String]] {
    let lines = block.split(separator: "\n").map(String.init)
    var spans: [(Int, Int)] = []
    var start: Int? = nil
    for (i, c) in Array(lines[1] + " ").enumerated() {
      if c == "-", start == nil { start = i }
      if c != "-", let s = start { spans.append((s, i)); start = nil }
    }
    return lines.enumerated().filter { $0.offset != 1 && !$0.element.hasPrefix("【") }.map { _, line in
      spans.map { span in
        var column = 0
        var cell = ""
        for ch in line {
          let w = displayWidth(String(ch))
          if column >= span.0 && column + w <= span.1 { cell.append(ch) }
          column += w
        }
        return cell.trimmingCharacters(in: .whitespaces)
      }
    }
  }

  /// Split to the width: every line within it, each panel with 指标 and 单位 and the group row,
  /// every area exactly once with its numbers, 合计 and 区目标 only in the last, a rule of "-".
  func testPanelsFitAndHoldEveryColumnOnce() {
    let table = wideTable(areas: 14)
    for width in [60, 80, 100, 120] {
      let text = table.terminal(width: width)
      for line in text.split(separator: "\n") {
        XCTAssertLessThanOrEqual(displayWidth(String(line)), width, "\(width): \(line)")
        XCTAssertFalse(line.contains("─"), "no ambiguous-width rule")
      }
      let panels = text.components(separatedBy: "\n（续表）\n")
      XCTAssertGreaterThan(panels.count, 1, "\(width)")
      var header: [String] = []
      var first: [String] = []
      var second: [String] = []
      for (index, panel) in panels.enumerated() {
        XCTAssertTrue(panel.contains("【科技企业倍增行动计划】"))
        let rows = cells(panel)
        XCTAssertEqual(Array(rows[0].prefix(2)), ["指标", "单位"])
        XCTAssertEqual(Array(rows[1].prefix(2)), ["新招引科技型企业", "家"])
        XCTAssertEqual(rows[0].contains("合计"), index == panels.count - 1)
        header += rows[0].dropFirst(2)
        first += rows[1].dropFirst(2)
        second += rows[2].dropFirst(2)
      }
      XCTAssertEqual(header, table.header.dropFirst(2).map { $0 }, "\(width)")
      XCTAssertEqual(first, table.rows[1].dropFirst(2).map { $0 })
      XCTAssertEqual(second, table.rows[2].dropFirst(2).map { $0 }, "a blank 合计 stays blank, in its column")
    }
  }

  /// Panels of about equal width, not a full one and a stub.
  func testPanelsAreBalanced() {
    let text = wideTable(areas: 14).terminal(width: 120)
    let widths = text.components(separatedBy: "\n（续表）\n").map { displayWidth(String($0.split(separator: "\n")[1])) }
    XCTAssertEqual(widths.count, 2)
    XCTAssertLessThanOrEqual(abs(widths[0] - widths[1]), 12, "\(widths)")
  }

  /// No limit, or a table that fits: one block, as before.
  func testOneBlockWhenItFits() {
    let table = wideTable(areas: 14)
    XCTAssertEqual(table.terminal(width: nil), table.terminal())
    XCTAssertFalse(table.terminal().contains("续表"))
    XCTAssertEqual(table.terminal().split(separator: "\n").filter { $0.hasPrefix("指标") }.count, 1)
    XCTAssertEqual(wideTable(areas: 3).terminal(width: 120), wideTable(areas: 3).terminal())
  }

  /// A group of columns (P10, P50, P90) stays in one panel where it fits beside the repeated ones.
  func testColumnGroupsStayTogether() {
    var table = TextTable(
      header: ["指标", "a", "b", "c", "P10", "P50", "P90", "z"], alignments: [.left] + Array(repeating: .right, count: 7))
    table.add(["新招引科技型企业"] + ["1234567890", "1234567890", "1234567890", "1", "2", "3", "1234567890"])
    table.repeatedColumns = 1
    table.groupStarts = [1, 4, 7]
    let panels = table.terminal(width: 60).components(separatedBy: "\n（续表）\n")
    XCTAssertTrue(panels.contains { $0.contains("P10") && $0.contains("P50") && $0.contains("P90") }, panels.joined(separator: "\n\n"))
  }

  /// Prose wrapped at spaces or between Chinese characters, continuation lines indented.
  func testWrapping() {
    let note = "  note: 新认定科创孵化载体数: allocated 10家, above the district target 6家: its floors (allowed decline, minimum per street) and locks alone add up to 10家"
    let lines = wrappingLines(note, width: 60).split(separator: "\n").map(String.init)
    XCTAssertGreaterThan(lines.count, 1)
    for line in lines { XCTAssertLessThanOrEqual(displayWidth(line), 60, line) }
    for line in lines.dropFirst() { XCTAssertTrue(line.hasPrefix("    ") && !line.hasPrefix("     "), line) }
    let words = { (s: String) in s.split(separator: " ").joined(separator: " ") }
    XCTAssertEqual(words(lines.joined(separator: " ")), words(note), "only spaces added or taken at the breaks")
    XCTAssertEqual(wrappingLines(note, width: nil), note)
    XCTAssertEqual(wrappingLines("short\n\nlines", width: 60), "short\n\nlines")
  }
}
