import FenjieText
/// The text forms shared by every report.

/// A probability or share with one decimal: 0.4725 → "47.3%". Its sign is not written.
func percentText(_ p: Double) -> String {
  let tenths = Int((p * 1000).rounded())
  return "\(tenths / 10).\(abs(tenths) % 10)%"
}

/// A report that can be written in the text formats of `--format`.
public protocol TextReport {
  func terminal() -> String
  func csv() -> String
  func markdown() -> String
  func json() -> JSONValue
}

extension TextReport {
  /// The report in `format` (xlsx is binary: see `workbook()`).
  public func render(_ format: OutputFormat) -> String {
    switch format {
    case .table: return escapingControlCharacters(terminal())
    case .csv: return csv()
    case .markdown: return markdownSafe(markdown())
    case .json: return json().rendered(indent: 2) + "\n"
    case .xlsx: return Say.Report.notForXLSX.text()
    }
  }
}

/// Text made safe for a terminal: control characters (ESC, BEL, NUL, CR inside a line, C1 controls,
/// DEL) shown as `\u{1B}`-style escapes, so a name in a file cannot clear the screen, retitle the
/// window or hide text. Line ends and tabs are kept.
public func escapingControlCharacters(_ text: String) -> String {
  guard text.unicodeScalars.contains(where: needsEscape) else { return text }
  var out = String.UnicodeScalarView()
  let scalars = Array(text.unicodeScalars)
  for (index, scalar) in scalars.enumerated() {
    // CR of a CRLF line end is a line end.
    if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
      out.append(scalar)
      continue
    }
    if needsEscape(scalar) {
      out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
    } else {
      out.append(scalar)
    }
  }
  return String(out)
}

private func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
  let v = scalar.value
  return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
}

/// Markdown whose text cannot become markup a viewer runs or hides: `&`, `<` and `>` as HTML
/// entities (`<script>` in a street's name stays text), control characters escaped. fenjie's own
/// markdown uses none of the three characters.
public func markdownSafe(_ markdown: String) -> String {
  var out = ""
  out.unicodeScalars.reserveCapacity(markdown.unicodeScalars.count)
  for scalar in escapingControlCharacters(markdown).unicodeScalars {
    switch scalar {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out
}

/// A CSV text cell neutralised against formula injection as OWASP advises: a cell that begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel and WPS show it as text
/// instead of evaluating it. Numbers (`-5`, `+27.3%`, `-1,200.5`) are left alone.
public func csvNeutralised(_ cell: String) -> String {
  guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
  if isPlainNumber(cell) { return cell }
  return "'" + cell
}

/// `-5`, `+27.3%`, `-1,200.5`, `-3.5e-2`: a number as a spreadsheet reads one, with no formula in it.
func isPlainNumber(_ cell: String) -> Bool {
  var text = Substring(cell)
  if text.first == "+" || text.first == "-" { text = text.dropFirst() }
  if text.last == "%" { text = text.dropLast() }
  let plain = text.replacingOccurrences(of: ",", with: "")
  guard !plain.isEmpty, plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "-" || $0 == "+") }) else { return false }
  return Double(plain) != nil
}

/// The width of a terminal report when nothing else sets it: wide enough for a laptop's terminal
/// at its usual font size, and the same in a file or a pipe, so outputs are reproducible.
public let standardTerminalWidth = 120

/// Prose for a terminal at most `width` display columns wide: every longer line broken at a space,
/// or between Chinese characters (never before "，。、" and the like, never inside a number or an
/// English word unless a word alone is wider than the line), the continuation indented two more
/// than the line. `nil` leaves the text as it is.
public func wrappingLines(_ text: String, width: Int?) -> String {
  guard let width else { return text }
  return text.split(separator: "\n", omittingEmptySubsequences: false)
    .flatMap { wrappedLine(String($0), width: width) }.joined(separator: "\n")
}

func wrappedLine(_ line: String, width: Int) -> [String] {
  guard displayWidth(line) > width else { return [line] }
  let chars = Array(line)
  let indent = String(chars.prefix { $0 == " " })
  let hanging = indent + "  "
  guard displayWidth(hanging) + 8 < width else { return [line] }
  let noBreakBefore: Set<Character> = ["'", "’", "，", "。", "、", "；", "：", "）", "》", "」", "』", "】", "〕", "！", "？", ",", ".", ";", ":", ")", "%", "·"]
  let noBreakAfter: Set<Character> = ["（", "《", "「", "『", "【", "〔", "(", "“", "\""]
  func wide(_ c: Character) -> Bool { displayWidth(String(c)) > 1 }
  func canBreak(_ a: Character, _ b: Character) -> Bool {
    if a == " " { return b != " " }
    if b == " " { return false }
    return (wide(a) || wide(b)) && !noBreakBefore.contains(b) && !noBreakAfter.contains(a)
  }
  var out: [String] = []
  var start = 0
  var prefix = ""
  while start < chars.count {
    var used = displayWidth(prefix)
    var end = start
    var lastBreak: Int? = nil
    while end < chars.count {
      let w = displayWidth(String(chars[end]))
      if used + w > width { break }
      used += w
      end += 1
      if end < chars.count, canBreak(chars[end - 1], chars[end]) { lastBreak = end }
    }
    if end < chars.count, let lastBreak, lastBreak > start { end = lastBreak }
    if end == start { end = start + 1 }
    out.append((prefix + String(chars[start..<end])).trimmingTrailingSpaces())
    start = end
    while start < chars.count, chars[start] == " " { start += 1 }
    prefix = hanging
  }
  return out
}
