import Foundation

/// Reading Swift source for the catalog and lint tests: the package's folders, and the string
/// literals of a file with their interpolations replaced by `{}`.
enum SwiftSource {
  /// The package root, from this file's place (Tests/FenjieTextTests/SwiftSource.swift).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The .swift files under `folder` (relative to the root), sorted.
  static func files(in folder: String) -> [URL] {
    let directory = root.appendingPathComponent(folder)
    guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
    return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
  }

  struct Literal {
    /// The literal's text, escapes kept as written, each interpolation as `{}`.
    var text: String
    /// 1-based line where it starts.
    var line: Int
    /// Where it ends (the index after its closing quote).
    var end: String.Index
  }

  /// The string literal starting at `index` (a `"` or `"""`), or nil when there is none there.
  /// Raw strings (`#"…"#`) are read too.
  static func literal(in text: String, at start: String.Index, line: Int) -> Literal? {
    var index = start
    var hashes = 0
    while index < text.endIndex, text[index] == "#" {
      hashes += 1
      index = text.index(after: index)
    }
    guard index < text.endIndex, text[index] == "\"" else { return nil }
    let multiline = text[index...].hasPrefix("\"\"\"")
    let quote = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
    index = text.index(index, offsetBy: multiline ? 3 : 1)
    let escape = "\\" + String(repeating: "#", count: hashes)
    var result = ""
    while index < text.endIndex {
      if text[index...].hasPrefix(quote) {
        return Literal(text: result, line: line, end: text.index(index, offsetBy: quote.count))
      }
      if text[index...].hasPrefix(escape + "(") {
        // An interpolation: skip to its closing parenthesis (literals inside are skipped whole).
        index = text.index(index, offsetBy: escape.count + 1)
        var depth = 1
        while index < text.endIndex, depth > 0 {
          let character = text[index]
          if character == "\"", let inner = literal(in: text, at: index, line: line) {
            index = inner.end
            continue
          }
          if character == "(" { depth += 1 }
          if character == ")" { depth -= 1 }
          index = text.index(after: index)
        }
        result += "{}"
        continue
      }
      if text[index...].hasPrefix(escape), hashes == 0 {
        result.append(text[index])
        index = text.index(after: index)
        if index < text.endIndex {
          result.append(text[index])
          index = text.index(after: index)
        }
        continue
      }
      if !multiline && text[index] == "\n" { return nil }
      result.append(text[index])
      index = text.index(after: index)
    }
    return nil
  }

  /// Every string literal of `text` outside comments, in order.
  static func literals(_ text: String) -> [Literal] {
    var found: [Literal] = []
    var index = text.startIndex
    var line = 1
    while index < text.endIndex {
      let character = text[index]
      if character == "\n" { line += 1 }
      if text[index...].hasPrefix("//") {
        while index < text.endIndex, text[index] != "\n" { index = text.index(after: index) }
        continue
      }
      if character == "\"" || (character == "#" && text[index...].drop { $0 == "#" }.first == "\"") {
        if let literal = literal(in: text, at: index, line: line) {
          found.append(literal)
          line += text[index..<literal.end].filter { $0 == "\n" }.count
          index = literal.end
          continue
        }
      }
      index = text.index(after: index)
    }
    return found
  }

  /// Whether `scalar` is a Chinese character or a CJK or full-width mark.
  static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FFFF).contains(v)
  }

  /// Three or more English words in a row, two of them at least written out: a sentence (or its
  /// start), not a name or a code. An interpolation counts as a word (`"the file \(name) is
  /// empty"` is a sentence).
  static func hasEnglishSentence(_ text: String) -> Bool {
    var run = 0
    var written = 0
    for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      let word = token.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:?!()\"'"))
      if word == "{}" {
        run += 1
      } else if word.count >= 2, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "'") }) {
        run += 1
        written += 1
      } else {
        run = 0
        written = 0
      }
      if run >= 3 && written >= 2 { return true }
    }
    return false
  }
}
