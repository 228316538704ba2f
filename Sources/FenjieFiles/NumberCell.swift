import FenjieCore
import FenjieText

/// Reads one cell of an area table: a number, "/" for not applicable, blank for unknown.
///
/// Accepts what comes out of Excel and WPS: full-width digits and signs (１２０, －), thousands
/// separators (1,200), and the line's unit pasted after the number (120家, 3.5亿元).
public enum NumberCell {
  public enum Parsed: Equatable, Sendable {
    case value(Double)
    case notApplicable
    case blank
    /// Why the cell is not a number, in both languages.
    case invalid(Message)
  }

  public static func parse(_ raw: String, unit: String? = nil) -> Parsed {
    if raw.count > 100 { return .invalid(Say.Input.notANumber(quotedPrefix(raw, limit: 30))) }
    var text = normalise(raw)
    if text.isEmpty { return .blank }
    if text == "/" { return .notApplicable }
    if let unit, !unit.isEmpty, text.hasSuffix(unit) { text = String(text.dropLast(unit.count)) }
    if text.hasSuffix("%") { text = String(text.dropLast()) }
    // Thousands separators: only between digit groups of three.
    if text.contains(",") {
      let groups = text.split(separator: ",", omittingEmptySubsequences: false)
      let valid = groups.dropFirst().allSatisfy { group in
        let digits = group.prefix { $0.isASCII && $0.isNumber }
        return digits.count == 3
      }
      guard valid else { return .invalid(Say.Input.notANumber(quotedPrefix(raw, limit: 30))) }
      text = groups.joined()
    }
    guard let value = Double(text), text.allSatisfy({ "0123456789.+-eE".contains($0) }) else {
      return .invalid(Say.Input.notANumber(quotedPrefix(raw, limit: 30)))
    }
    guard value.isFinite else { return .invalid(Say.Input.notAFiniteNumber(quotedPrefix(raw, limit: 30))) }
    return .value(value)
  }

  /// Full-width forms to ASCII (ＮＦＫＣ for the characters that matter here), spaces removed.
  static func normalise(_ raw: String) -> String {
    var result = ""
    for scalar in raw.unicodeScalars {
      switch scalar.value {
      case 0xFF01...0xFF5E: result.unicodeScalars.append(UnicodeScalar(scalar.value - 0xFEE0)!)
      case 0x3000, 0x20, 0x09, 0xA0: continue
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
