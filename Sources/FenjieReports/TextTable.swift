/// A table of text cells rendered for a terminal (columns aligned, CJK characters counted as two
/// cells wide), as CSV (UTF-8 with a byte-order mark, so Excel and WPS open it correctly), or as a
/// markdown table.
public struct TextTable: Sendable {
  public enum Alignment: Sendable { case left, right }
  public var header: [String]
  public var rows: [[String]]
  public var alignments: [Alignment]
  /// Rows that are group titles (行动名称): a single cell spanning the table in the terminal.
  public var groupRows: Set<Int> = []

  public init(header: [String], alignments: [Alignment]) {
    self.header = header
    self.alignments = alignments
    self.rows = []
  }

  public mutating func add(_ row: [String]) { rows.append(row) }

  public mutating func addGroup(_ title: String) {
    groupRows.insert(rows.count)
    rows.append([title] + Array(repeating: "", count: header.count - 1))
  }

  public func terminal() -> String {
    var widths = header.map(displayWidth)
    for (r, row) in rows.enumerated() where !groupRows.contains(r) {
      for (c, cell) in row.enumerated() where c < widths.count { widths[c] = max(widths[c], displayWidth(cell)) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { c, cell in pad(cell, widths[c], alignments[c]) }.joined(separator: "  ")
        .trimmingTrailingSpaces()
    }
    var out = [line(header)]
    out.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
    for (r, row) in rows.enumerated() {
      out.append(groupRows.contains(r) ? "【\(row[0])】" : line(row))
    }
    return out.joined(separator: "\n") + "\n"
  }

  public func csv() -> String {
    var out = "\u{FEFF}"
    for row in [header] + rows {
      out += row.map(csvField).joined(separator: ",") + "\r\n"
    }
    return out
  }

  public func markdown() -> String {
    func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
    var out = "| " + header.map(escape).joined(separator: " | ") + " |\n"
    out += "| " + alignments.map { $0 == .right ? "---:" : "---" }.joined(separator: " | ") + " |\n"
    for (r, row) in rows.enumerated() {
      let cells = groupRows.contains(r) ? ["**\(row[0])**"] + Array(repeating: "", count: header.count - 1) : row
      out += "| " + cells.map(escape).joined(separator: " | ") + " |\n"
    }
    return out
  }

  private func csvField(_ cell: String) -> String {
    let s = csvNeutralised(cell)
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return s
  }

  private func pad(_ s: String, _ width: Int, _ alignment: Alignment) -> String {
    let fill = String(repeating: " ", count: max(0, width - displayWidth(s)))
    return alignment == .left ? s + fill : fill + s
  }
}

/// Terminal cells a string takes: East Asian wide and full-width characters count two (Unicode
/// UAX #11, the ranges that occur in Chinese text), combining marks zero.
public func displayWidth(_ s: String) -> Int {
  var width = 0
  for scalar in s.unicodeScalars {
    let v = scalar.value
    if scalar.properties.generalCategory == .nonspacingMark || v == 0x200B || v == 0xFEFF { continue }
    let wide =
      (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
      || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
      || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
      || (0x1F300...0x1F64F).contains(v)
    width += wide ? 2 : 1
  }
  return width
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
