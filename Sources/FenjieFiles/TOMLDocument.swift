import FenjieText
import Foundation
import TOMLKit

/// A TOML document as plain Sendable values, read with TOMLKit (toml++), plus what messages need:
/// the file name and the line each key was written on.
public indirect enum TOMLNode: Sendable, Equatable {
  case string(String)
  case integer(Int)
  case double(Double)
  case bool(Bool)
  case array([TOMLNode])
  case table([String: TOMLNode])
  /// Dates and times: not used by fenjie, kept so that they can be refused by name.
  case other(String)

  public var table: [String: TOMLNode]? {
    if case .table(let t) = self { return t }
    return nil
  }

  /// A number, whether written as an integer or a float.
  public var number: Double? {
    switch self {
    case .integer(let i): return Double(i)
    case .double(let d): return d
    default: return nil
    }
  }

  public var typeName: Message {
    switch self {
    case .string: return Say.Input.typeText
    case .integer: return Say.Input.typeInteger
    case .double: return Say.Input.typeNumber
    case .bool: return Say.Input.typeBool
    case .array: return Say.Input.typeList
    case .table: return Say.Input.typeTable
    case .other: return Say.Input.typeDate
    }
  }
}

public struct TOMLDocument: Sendable {
  public var path: String
  public var root: [String: TOMLNode]
  /// Raw lines, to find where a key was written.
  public var lines: [String]

  public static func read(_ path: String) throws(InputError) -> TOMLDocument {
    let data = try InputFile.contents(path, name: path)
    guard let (text, _) = TextDecoding.decode(data) else {
      if TextDecoding.isCutUTF8(data) { throw InputError(file: path, Say.Input.cutInsideACharacter) }
      throw InputError(file: path, Say.Input.scenarioNotText)
    }
    return try parse(text, path: path)
  }

  public static func parse(_ text: String, path: String) throws(InputError) -> TOMLDocument {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    try refuseControlCharacters(lines, path: path)
    try refuseWhatCrashesTheParser(lines, path: path)
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      var line = error.source.begin.line
      var column = error.source.begin.column
      if let place = redefinition(error.description, lines: lines) { (line, column) = place }
      throw InputError(
        file: path, row: line, column: nil,
        Say.Input.notValidTOML(line: line, column: column, parserReason(error.description), hint: hint(lines, line)))
    } catch {
      throw InputError(file: path, Say.Input.notValidTOML("\(error)"))
    }
    return TOMLDocument(path: path, root: convert(table), lines: lines)
  }

  /// toml++'s "Error while parsing table header: expected ']', saw '\n'" in both languages: the
  /// reasons the catalog knows in Chinese, others in the parser's English after a Chinese lead.
  static func parserReason(_ english: String) -> Message {
    let lead = Say.Input.tomlParserLead
    guard english.hasPrefix(lead), let colon = english.range(of: ": ") else { return Say.Input.tomlParserRaw(english) }
    let scope = String(english[english.index(english.startIndex, offsetBy: lead.count)..<colon.lowerBound])
    let reason = String(english[colon.upperBound...])
    guard let scopeName = Say.Input.tomlScopes[scope] else { return Say.Input.tomlParserRaw(english) }
    for (pattern, chinese) in Say.Input.tomlReasons {
      guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
      let range = NSRange(reason.startIndex..., in: reason)
      guard regex.firstMatch(in: reason, range: range) != nil else { continue }
      let translated = regex.stringByReplacingMatches(in: reason, range: range, withTemplate: chinese)
      return Message(zh: Say.Input.tomlWhileParsing(scopeName, translated).chinese, en: english)
    }
    return Message(zh: Say.Input.tomlWhileParsing(scopeName, Say.Input.tomlParserRaw(reason).chinese).chinese, en: english)
  }

  /// A NUL would end the text early for the parser (C strings), silently dropping the rest of the
  /// file; other control characters are damage too. Refused with their line and column.
  static func refuseControlCharacters(_ lines: [String], path: String) throws(InputError) {
    for (index, line) in lines.enumerated() {
      var column = 0
      for scalar in line.unicodeScalars {
        column += 1
        if isControlCharacter(scalar) && !(scalar == "\r" && column == line.unicodeScalars.count) {
          throw InputError(
            file: path, row: index + 1,
            Say.Input.controlCharacterInScenario(scalarName(scalar), column: column))
        }
      }
    }
  }

  /// What to do about the usual cause of a parse error on `line`: full-width digits or signs, and
  /// Chinese punctuation, typed with a Chinese input method.
  static func hint(_ lines: [String], _ line: Int) -> Message {
    guard line >= 1, line <= lines.count else { return Say.Input.nothing }
    let text = lines[line - 1]
    if text.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) || [0xFF0D, 0xFF0E, 0xFF0B].contains($0.value) }) {
      return Say.Input.fullWidthDigits
    }
    if text.unicodeScalars.contains(where: { [0xFF1D, 0x201C, 0x201D, 0xFF3B, 0xFF3D, 0xFF0C].contains($0.value) }) {
      return Say.Input.chinesePunctuation
    }
    return Say.Input.nothing
  }

  /// toml++ reports a key defined twice at the first definition; the line to fix is the second one.
  static func redefinition(_ message: String, lines: [String]) -> (line: Int, column: Int)? {
    guard message.contains("redefine"), let open = message.lastIndex(of: "'"),
      let start = message[..<open].lastIndex(of: "'")
    else { return nil }
    let key = String(message[message.index(after: start)..<open])
    guard !key.isEmpty else { return nil }
    var seen = 0
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      let isDefinition =
        (trimmed.hasPrefix(key) && trimmed.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("="))
        || trimmed == "[\(key)]" || trimmed.hasSuffix(".\(key)]")
      if isDefinition {
        seen += 1
        if seen == 2 { return (index + 1, 1) }
      }
    }
    return nil
  }

  /// toml++ (under TOMLKit) stops the whole process on an assertion when a table header does not
  /// start with a key: "[" or "[[" followed by the end of the line, a dot or "=" ("[ .a]", "[= 1").
  /// Found by the fuzz test (Tests/Fixtures/fuzz-regressions/toml-*); refused here with a message.
  static func refuseWhatCrashesTheParser(_ lines: [String], path: String) throws(InputError) {
    for (index, line) in lines.enumerated() {
      var rest = line.drop { $0 == " " || $0 == "\t" }
      guard rest.first == "[" else { continue }
      rest = rest.dropFirst()
      if rest.first == "[" { rest = rest.dropFirst() }
      rest = rest.drop { $0 == " " || $0 == "\t" }
      let next = rest.first
      let startsAKey = next.map { $0.isASCII && ($0.isLetter || $0.isNumber || "_-\"'".contains($0)) } ?? false
      if !startsAKey {
        throw InputError(
          file: path, row: index + 1,
          Say.Input.tableHeaderWithoutName(line: index + 1))
      }
    }
  }

  static func convert(_ table: TOMLTable) -> [String: TOMLNode] {
    var result: [String: TOMLNode] = [:]
    for key in table.keys {
      if let value = table[key] { result[key] = convert(value) }
    }
    return result
  }

  static func convert(_ value: TOMLValueConvertible) -> TOMLNode {
    switch value.type {
    case .string: return .string(value.string ?? "")
    case .int: return .integer(value.int ?? 0)
    case .double: return .double(value.double ?? .nan)
    case .bool: return .bool(value.bool ?? false)
    case .array: return .array(value.array.map { array in array.map { convert($0) } } ?? [])
    case .table: return .table(value.table.map(convert) ?? [:])
    default: return .other("date")
    }
  }

  /// The 1-based line where `key` (the last part of a dotted path) is first written, if found.
  public func line(of key: String) -> Int? {
    let patterns = [key, "\"\(key)\""]
    for (index, line) in lines.enumerated() {
      // Leading spaces only, as a view: a 10 MB line is not copied for every key looked up.
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      for pattern in patterns {
        if trimmed.hasPrefix(pattern) {
          let rest = trimmed.dropFirst(pattern.count).drop { $0 == " " || $0 == "\t" }
          if rest.hasPrefix("=") || rest.hasPrefix("]") || rest.hasPrefix(".") { return index + 1 }
        }
        if trimmed.hasPrefix("[") && trimmed.contains(".\(pattern)]") { return index + 1 }
        if trimmed.hasPrefix("[") && trimmed.contains("[\(pattern)]") { return index + 1 }
        if trimmed.contains("{") && trimmed.contains(" \(pattern) =") { return index + 1 }
      }
    }
    return nil
  }

  /// The line of `key` inside the `index`-th (1-based) `[[name]]` table, else the line of that table's
  /// header: a message about the second `[[lock]]` points at the second lock, not at the first.
  public func line(of key: String, inArrayTable name: String, index: Int) -> Int? {
    var seen = 0
    var start: Int? = nil
    for (number, line) in lines.enumerated() {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix("[") {
        if start != nil { break }
        let header = trimmed.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
        if header.hasPrefix("[[") && header.hasSuffix("]]")
          && header.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces) == name
        {
          seen += 1
          if seen == index { start = number }
        }
        continue
      }
      if start != nil, trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("=") {
        return number + 1
      }
    }
    return start.map { $0 + 1 }
  }

  /// What the command line changed (`--set`, `--lock`, `--shock`): the dotted path of each value it
  /// set (`capacity.max_growth`, `lock[3]`) and the option that set it, so that a message about one of
  /// them names the option and its value, not a line of the file.
  public var changedBy: [String: String] = [:]

  /// The option that set `path` (or a table holding it), if the command line did.
  public func option(setting path: String) -> String? {
    if let option = changedBy[path] { return option }
    for (changed, option) in changedBy where path.hasPrefix(changed + ".") || changed.hasPrefix(path + ".") {
      return option
    }
    return nil
  }

  public func error(_ key: String, _ message: Message) -> InputError {
    if let option = option(setting: key) { return InputError(file: option, message) }
    if let row = line(of: key) { return InputError(file: path, row: row, message) }
    return InputError(file: path, message)
  }
}
