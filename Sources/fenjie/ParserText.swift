import FenjieReports
import FenjieText
import Foundation

/// swift-argument-parser's help and error text in the interface language: its headings ("USAGE:",
/// "OPTIONS:" …) and its known error sentences ("Missing expected argument …") are replaced by the
/// catalog's Chinese (`Say.CommandLine.parser*`); a sentence it does not know is kept, after the
/// lead "参数有误：". In English the text is the parser's own.
enum ParserText {
  /// The parser's text in `language`; the help (`wrap`) wrapped to `width` display columns, an
  /// error message left unwrapped (the terminal wraps it; a file or a search keeps it whole).
  static func localized(_ text: String, _ language: Language = .current, wrap: Bool, width: Int = ParserText.width) -> String {
    guard language == .chinese else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap { wrap ? wrapped(localizedLine(String($0)), to: width) : [localizedLine(String($0))] }.joined(separator: "\n")
  }

  /// The width the help is wrapped to: $COLUMNS when set, else 80. The parser counts characters, so
  /// in Chinese it renders unwrapped (`Fenjie.main` asks it for 10000 columns) and the lines are
  /// wrapped here by display columns, a Chinese character counting two.
  static var width: Int {
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
      columns >= 40
    {
      return columns
    }
    return 80
  }

  /// `line` cut into lines of at most `width` display columns: a Chinese character may end a line
  /// (but not before a closing mark such as ，。）), other text breaks at spaces. The continuation
  /// lines are indented as the parser indents a description (its column, or the line's own indent).
  static func wrapped(_ line: String, to width: Int) -> [String] {
    guard displayWidth(line) > width else { return [line] }
    let indent = continuationIndent(line)
    var tokens: [String] = []
    for character in line {
      let wide = displayWidth(String(character)) == 2
      if let last = tokens.last, let lastCharacter = last.last {
        let lastWide = displayWidth(String(lastCharacter)) == 2
        let closing = "，。；：、）》」』！？”".contains(character)
        let opening = "（《「『“".contains(lastCharacter)
        let joins = closing || opening || (!wide && !lastWide && character != " " && lastCharacter != " ")
        if joins {
          tokens[tokens.count - 1].append(character)
          continue
        }
      }
      tokens.append(String(character))
    }
    var lines: [String] = []
    var current = ""
    for token in tokens {
      if !current.isEmpty, displayWidth(current + token) > width, current.contains(where: { $0 != " " }) {
        lines.append(current.trimmingCharacters(in: .init(charactersIn: " ")).isEmpty ? current : String(current.reversed().drop { $0 == " " }.reversed()))
        current = String(repeating: " ", count: indent)
        if token == " " { continue }
      }
      current += token
    }
    if current.contains(where: { $0 != " " }) { lines.append(current) }
    return lines
  }

  /// Where a help line's description starts: 26 (the parser's label column) for an option's line,
  /// the line's own indent for a continuation line, else none.
  static func continuationIndent(_ line: String) -> Int {
    let usage = Say.CommandLine.parserPhrases.first { $0.english == "USAGE: " }?.chinese ?? ""
    if !usage.isEmpty, line.hasPrefix(usage) { return displayWidth(usage) }
    let leading = line.prefix { $0 == " " }.count
    if leading >= 8 { return leading }
    if leading == 2, let gap = line.dropFirst(2).range(of: "  ") {
      let column = displayWidth(String(line[..<gap.lowerBound]))
      let after = line[gap.upperBound...].prefix { $0 == " " }.count
      return column + 2 + after
    }
    // A label of exactly the label column's width is followed by one space.
    return leading == 2 ? 26 : 0
  }

  static func localizedLine(_ line: String) -> String {
    let lead = Say.CommandLine.parserErrorLead
    if line.hasPrefix(lead) {
      return Say.CommandLine.error.chinese + localizedError(String(line.dropFirst(lead.count)))
    }
    var result = line
    for (english, chinese) in Say.CommandLine.parserPhrases { result = result.replacingOccurrences(of: english, with: chinese) }
    for pattern in Say.CommandLine.parserHelpPatterns { result = replacing(pattern, in: result) ?? result }
    return result
  }

  /// An error sentence of the parser, or one of fenjie's own (already Chinese) passed through it.
  static func localizedError(_ sentence: String) -> String {
    for pattern in Say.CommandLine.parserErrorPatterns {
      if let translated = replacing(pattern, in: sentence) { return translated }
    }
    if sentence.unicodeScalars.contains(where: isChinese) { return sentence }
    return Say.CommandLine.unknownParserError.chinese + sentence
  }

  /// `text` with the pattern's matches replaced, or nil when it does not match.
  static func replacing(_ pattern: Say.CommandLine.ParserPattern, in text: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: pattern.english) else { return nil }
    let range = NSRange(text.startIndex..., in: text)
    guard regex.firstMatch(in: text, range: range) != nil else { return nil }
    return regex.stringByReplacingMatches(in: text, range: range, withTemplate: pattern.chinese)
  }

  static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value)
      || (0xFF00...0xFFEF).contains(scalar.value)
  }
}
