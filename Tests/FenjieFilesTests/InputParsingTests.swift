import FenjieCore
import Foundation
import XCTest

import FenjiePlanning
@testable import FenjieFiles
import FenjieText

/// An input error as the English interface says it: the tests' expected sentences are the English
/// side of the catalog (`Language.current` is never changed in tests).
func english(_ error: Error) -> String {
  if let errors = error as? InputErrors { return errors.errors.map { $0.description(.english) }.joined(separator: "\n") }
  if let error = error as? InputError { return error.description(.english) }
  return "\(error)"
}

/// Reading cells, names and files the way they come out of Excel and WPS.
final class InputParsingTests: XCTestCase {
  func testNumberCells() {
    XCTAssertEqual(NumberCell.parse("120"), .value(120))
    XCTAssertEqual(NumberCell.parse(" 4.56 "), .value(4.56))
    XCTAssertEqual(NumberCell.parse("１２０"), .value(120), "full-width digits")
    XCTAssertEqual(NumberCell.parse("1,200"), .value(1200), "thousands separator")
    XCTAssertEqual(NumberCell.parse("１，２００"), .value(1200), "full-width comma")
    XCTAssertEqual(NumberCell.parse("120家", unit: "家"), .value(120), "unit pasted in")
    XCTAssertEqual(NumberCell.parse("3.5亿元", unit: "亿元"), .value(3.5))
    XCTAssertEqual(NumberCell.parse("/"), .notApplicable)
    XCTAssertEqual(NumberCell.parse("／"), .notApplicable, "full-width slash")
    XCTAssertEqual(NumberCell.parse(""), .blank)
    XCTAssertEqual(NumberCell.parse("　"), .blank, "ideographic space")
    for bad in ["1O", "12,34", "abc", "1.2.3", "nan", "inf", "120人"] {
      guard case .invalid = NumberCell.parse(bad, unit: "家") else {
        XCTFail("\(bad) must not pass")
        continue
      }
    }
  }

  func testClosestNames() {
    let areas = ["崇安寺街道", "清名桥街道", "扬名街道", "山北街道"]
    XCTAssertEqual(closestName(to: "杨名街道", in: areas), "扬名街道")
    XCTAssertEqual(closestName(to: "max_grwth", in: ["max_growth", "max_decline"]), "max_growth")
    XCTAssertNil(closestName(to: "完全不同的名字很长", in: areas))
    XCTAssertEqual(columnLetter(0), "A")
    XCTAssertEqual(columnLetter(25), "Z")
    XCTAssertEqual(columnLetter(26), "AA")
  }

  /// A byte-order mark, CRLF line ends, trailing empty rows and columns.
  func testCSVFromExcel() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-\(UUID()).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let text = "\u{FEFF}id,name,甲,乙,,\r\na,指标,1,2,,\r\n,,,,,\r\n\r\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let csv = try CSVFile.read(path)
    XCTAssertEqual(csv.rows, [["id", "name", "甲", "乙"], ["a", "指标", "1", "2"]])
  }

  /// The TOML parser's English reasons: the known ones said in Chinese, the English kept as the
  /// parser wrote it; an unknown one shown in the parser's words after a Chinese lead.
  func testTOMLParserReasonsInBothLanguages() {
    let header = TOMLDocument.parserReason("Error while parsing table header: expected ']', saw '\\n'")
    XCTAssertEqual(header.english, "Error while parsing table header: expected ']', saw '\\n'")
    XCTAssertEqual(header.chinese, Say.Input.tomlWhileParsing("表头", "这一行少了 ']'").chinese)
    let twice = TOMLDocument.parserReason("Error while parsing key-value pair: cannot redefine existing integer 'year'")
    XCTAssertTrue(twice.chinese.contains("“year”已经定义过"), twice.chinese)
    let unknown = TOMLDocument.parserReason("Error while parsing date: expected 2-digit month, saw 'x'")
    XCTAssertTrue(unknown.chinese.hasPrefix("读日期时出错：应是 2-digit month"), unknown.chinese)
    let odd = TOMLDocument.parserReason("something else entirely")
    XCTAssertEqual(odd, Say.Input.tomlParserRaw("something else entirely"))
  }

  func testEmptyAndNonUTF8FilesAreRefused() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-\(UUID()).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data().write(to: URL(fileURLWithPath: path))
    XCTAssertThrowsError(try CSVFile.read(path)) { XCTAssertTrue(english($0).contains("is empty"), english($0)) }
    try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: path))  // a zip (.xlsx)
    XCTAssertThrowsError(try CSVFile.read(path)) { XCTAssertTrue(english($0).contains("CSV UTF-8"), english($0)) }
  }

  /// What Excel and WPS on a Chinese Windows machine save: GB18030/GBK; and UTF-16 "Unicode text".
  func testGB18030AndUTF16Files() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-\(UUID()).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    // "id,崇安寺街道\r\na,１２０\r\n" in GB18030 (bytes from iconv).
    let gbk: [UInt8] = [0x69, 0x64, 0x2C, 0xB3, 0xE7, 0xB0, 0xB2, 0xCB, 0xC2, 0xBD, 0xD6, 0xB5, 0xC0, 0x0D, 0x0A, 0x61, 0x2C, 0xA3, 0xB1, 0xA3, 0xB2, 0xA3, 0xB0, 0x0D, 0x0A]
    try Data(gbk).write(to: URL(fileURLWithPath: path))
    XCTAssertEqual(try CSVFile.read(path).rows, [["id", "崇安寺街道"], ["a", "１２０"]])
    var utf16 = Data([0xFF, 0xFE])
    utf16.append("id,崇安寺街道\r\na,120\r\n".data(using: .utf16LittleEndian)!)
    try utf16.write(to: URL(fileURLWithPath: path))
    XCTAssertEqual(try CSVFile.read(path).rows, [["id", "崇安寺街道"], ["a", "120"]])
  }

  /// Scenario inheritance: a base plus changes equals the same settings written out in full.
  func testBaseScenarioInheritance() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let previous = FileManager.default.currentDirectoryPath
    _ = FileManager.default.changeCurrentDirectoryPath(root.path)
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    let tight = try ScenarioLoader.load("Scenarios/liangxi-2025-tight-caps.toml")
    let base = try ScenarioLoader.load("Scenarios/liangxi-2025.toml")
    XCTAssertEqual(tight.settings.capacity.maxGrowth, 0.15)
    XCTAssertEqual(tight.settings.capacity.maxDecline, base.settings.capacity.maxDecline)
    XCTAssertEqual(tight.settings.open, base.settings.open)
    XCTAssertEqual(tight.settings.capacityByIndicator["managed_rd_institutes"]?.rule, .districtPace)
    XCTAssertEqual(tight.settings.industrialOutput, [2025: 420, 2026: 430])
    XCTAssertEqual(tight.dataset, base.dataset)
  }
}
