import FenjieCore
/// JSON with keys in a fixed order, so the same inputs give byte-identical files. Written by hand:
/// Foundation's encoders order dictionary keys by hash or alphabetically, and the machine contract
/// wants areas in table order.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }

  /// A number, or null when absent or not finite.
  public static func num(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number(value)
  }

  public static func str(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  public func rendered(indent: Int = 0) -> String {
    var out = ""
    write(into: &out, level: 0, indent: indent)
    return out
  }

  private func write(into out: inout String, level: Int, indent: Int) {
    let newline = indent > 0 ? "\n" : ""
    let pad = String(repeating: " ", count: indent * (level + 1))
    let closePad = String(repeating: " ", count: indent * level)
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .integer(let i): out += String(i)
    case .number(let d): out += JSONValue.format(d)
    case .string(let s): JSONValue.escape(s, into: &out)
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      // Arrays of plain values stay on one line.
      let flat = items.allSatisfy { if case .object = $0 { return false }; if case .array = $0 { return false }; return true }
      if flat {
        out += "["
        for (i, item) in items.enumerated() {
          if i > 0 { out += ", " }
          item.write(into: &out, level: level + 1, indent: indent)
        }
        out += "]"
        return
      }
      out += "[" + newline
      for (i, item) in items.enumerated() {
        out += pad
        item.write(into: &out, level: level + 1, indent: indent)
        out += (i < items.count - 1 ? "," : "") + newline
      }
      out += closePad + "]"
    case .object(let pairs):
      if pairs.isEmpty { out += "{}"; return }
      out += "{" + newline
      for (i, (key, value)) in pairs.enumerated() {
        out += pad
        JSONValue.escape(key, into: &out)
        out += indent > 0 ? ": " : ":"
        value.write(into: &out, level: level + 1, indent: indent)
        out += (i < pairs.count - 1 ? "," : "") + newline
      }
      out += closePad + "}"
    }
  }

  /// Whole numbers without a fraction; others in Swift's shortest round-trip form.
  static func format(_ d: Double) -> String { plainNumber(d) }

  static func escape(_ s: String, into out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
