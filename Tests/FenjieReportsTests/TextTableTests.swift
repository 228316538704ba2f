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
    XCTAssertEqual(Set(lines.filter { !$0.hasPrefix("─") }.map(displayWidth)).count, 1, "\(lines)")
  }
}
