import Foundation
import Testing

/// Every `Message(zh: …, en: …)` of the catalog (Sources/FenjieText/Catalog/*.swift) read as
/// source: both sides written, the Chinese side Chinese (no English sentence left in it), the English
/// side without Chinese but for the terms the English interface keeps in Chinese.
@Suite struct CatalogTests {
  /// Chinese words the English side may hold: the product's terms (the table a planner knows by its
  /// Chinese name), Chinese units, menu items of Excel and WPS as a Chinese Windows shows them, and
  /// examples written as a planner types them (the shipped data's names).
  static let chineseKeptInEnglish = [
    "分解表", "分解", "示例数据", "完成数", "亿元", "另存为", "逗号分隔", "指标", "扬名街道", "高新技术企业申报数", "外国高端人才来华工作数",
    "１", "－", "＝", "“", "”", "［", "］", "，", "、",
  ]

  struct Entry {
    var file: String
    var line: Int
    var chinese: String
    var english: String
  }

  /// The catalog's messages whose two sides are literals (a message built from other messages'
  /// pieces is checked through those pieces).
  static func entries() throws -> [Entry] {
    var entries: [Entry] = []
    for file in SwiftSource.files(in: "Sources/FenjieText/Catalog") {
      let text = try String(contentsOf: file, encoding: .utf8)
      var search = text.startIndex
      while let open = text.range(of: "Message(", range: search..<text.endIndex) {
        search = open.upperBound
        let line = text[..<open.lowerBound].filter { $0 == "\n" }.count + 1
        guard let chinese = argument("zh:", in: text, from: open.upperBound, line: line),
          let english = argument("en:", in: text, from: chinese.end, line: line)
        else { continue }
        entries.append(Entry(file: file.lastPathComponent, line: line, chinese: chinese.text, english: english.text))
      }
    }
    return entries
  }

  /// The literal after `label` (spaces, line ends and one comma allowed before it).
  static func argument(_ label: String, in text: String, from start: String.Index, line: Int) -> SwiftSource.Literal? {
    var index = start
    while index < text.endIndex, text[index].isWhitespace || text[index] == "," { index = text.index(after: index) }
    guard text[index...].hasPrefix(label) else { return nil }
    index = text.index(index, offsetBy: label.count)
    while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
    return SwiftSource.literal(in: text, at: index, line: line)
  }

  @Test func theCatalogIsRead() throws {
    // The reading itself: a catalog of this size has hundreds of literal messages.
    let count = try Self.entries().count
    #expect(count > 200, "\(count) messages read")
  }

  @Test func everyMessageIsWrittenInBothLanguages() throws {
    for entry in try Self.entries() {
      let both = "\(entry.file):\(entry.line)"
      if entry.chinese.isEmpty && entry.english.isEmpty { continue }  // the empty message
      #expect(!entry.chinese.isEmpty, "\(both): no Chinese")
      #expect(!entry.english.isEmpty, "\(both): no English")
      let placeholdersOnly = !entry.chinese.replacingOccurrences(of: "{}", with: "").contains { $0.isLetter && $0.isASCII }
      let isChinese = entry.chinese.unicodeScalars.contains(where: SwiftSource.isChinese)
      #expect(isChinese || placeholdersOnly, "\(both): the Chinese side has no Chinese: \(entry.chinese)")
      #expect(!SwiftSource.hasEnglishSentence(entry.chinese), "\(both): an English sentence on the Chinese side: \(entry.chinese)")
    }
  }

  @Test func theEnglishSideHasNoChinese() throws {
    for entry in try Self.entries() {
      var english = entry.english
      for term in Self.chineseKeptInEnglish { english = english.replacingOccurrences(of: term, with: "") }
      let left = english.unicodeScalars.filter(SwiftSource.isChinese)
      #expect(left.isEmpty, "\(entry.file):\(entry.line): Chinese on the English side: \(entry.english)")
    }
  }

  @Test func literalsAreReadWithTheirInterpolations() {
    let text = #"let a = Message(zh: "第\(n)行", en: "row \(f("x)\"")) done")"#
    let found = SwiftSource.literals(text)
    #expect(found.map(\.text) == ["第{}行", "row {} done"])
    #expect(SwiftSource.hasEnglishSentence("the file is empty"))
    #expect(!SwiftSource.hasEnglishSentence("CSV UTF-8 (逗号分隔)"))
  }
}
