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

  public var typeName: String {
    switch self {
    case .string: return "text"
    case .integer: return "an integer"
    case .double: return "a number"
    case .bool: return "true/false"
    case .array: return "a list"
    case .table: return "a table"
    case .other(let kind): return kind
    }
  }
}

public struct TOMLDocument: Sendable {
  public var path: String
  public var root: [String: TOMLNode]
  /// Raw lines, to find where a key was written.
  public var lines: [String]

  public static func read(_ path: String) throws(InputError) -> TOMLDocument {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: path, "cannot be read (missing, or not a file)")
    }
    guard let (text, _) = TextDecoding.decode(data) else {
      throw InputError(file: path, "is not UTF-8 (or GB18030) text; save it again as UTF-8")
    }
    return try parse(text, path: path)
  }

  public static func parse(_ text: String, path: String) throws(InputError) -> TOMLDocument {
    try refuseWhatCrashesTheParser(text, path: path)
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw InputError(
        file: path, row: error.source.begin.line, column: nil,
        "is not valid TOML at line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
    } catch {
      throw InputError(file: path, "is not valid TOML: \(error)")
    }
    return TOMLDocument(
      path: path, root: convert(table),
      lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
  }

  /// toml++ (under TOMLKit) stops the whole process on an assertion when a table header does not
  /// start with a key: "[" or "[[" followed by the end of the line, a dot or "=" ("[ .a]", "[= 1").
  /// Found by the fuzz test (Tests/Fixtures/fuzz-regressions/toml-*); refused here with a message.
  static func refuseWhatCrashesTheParser(_ text: String, path: String) throws(InputError) {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
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
          "is not valid TOML at line \(index + 1): a table header needs a name, e.g. [capacity] or [[lock]]")
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
    default: return .other("a date or time")
    }
  }

  /// The 1-based line where `key` (the last part of a dotted path) is first written, if found.
  public func line(of key: String) -> Int? {
    let patterns = [key, "\"\(key)\""]
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      for pattern in patterns {
        if trimmed.hasPrefix(pattern) {
          let rest = trimmed.dropFirst(pattern.count).trimmingCharacters(in: .whitespaces)
          if rest.hasPrefix("=") || rest.hasPrefix("]") || rest.hasPrefix(".") { return index + 1 }
        }
        if trimmed.hasPrefix("[") && trimmed.contains(".\(pattern)]") { return index + 1 }
        if trimmed.hasPrefix("[") && trimmed.contains("[\(pattern)]") { return index + 1 }
        if trimmed.contains("{") && trimmed.contains(" \(pattern) =") { return index + 1 }
      }
    }
    return nil
  }

  /// Keys set on the command line (`--set`, `--lock`, `--shock`): a message about one of them
  /// that cannot be found in the file points at the command line.
  public var changedKeys: [String] = []

  public func error(_ key: String, _ message: String) -> InputError {
    if let row = line(of: key) { return InputError(file: path, row: row, message) }
    if changedKeys.contains(key) { return InputError(file: "\(path) + \(ScenarioChanges.source)", message) }
    return InputError(file: path, message)
  }
}
