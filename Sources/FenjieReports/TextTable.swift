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

  /// Leading columns repeated in every panel when the terminal table is split to fit a width
  /// (指标 and 单位 of the 分解表): each panel reads on its own.
  public var repeatedColumns = 0
  /// Trailing columns kept together in the last panel (合计 and 区目标 of the 分解表).
  public var closingColumns = 0
  /// Columns that begin a group kept in one panel where the group fits (P10, P50 and P90; a
  /// scenario's value, Δ and Δ%). Empty: any two columns may be split.
  public var groupStarts: Set<Int> = []

  /// The table as one block, however wide.
  public func terminal() -> String { terminal(width: nil) }

  /// The table for a terminal at most `width` display columns wide: when one block is wider, the
  /// columns between the repeated and the closing ones are split into panels of about equal width,
  /// one under the other, each with the repeated columns and its own header, the closing columns in
  /// the last; "（续表）" heads every panel after the first, as a printed table continued on the next
  /// page. `nil` gives one block. A single column wider than the limit is never cut.
  public func terminal(width limit: Int?) -> String {
    let widths = columnWidths()
    let all = Array(widths.indices)
    guard let limit, blockWidth(all, widths) > limit else { return block(all, widths) }
    let lead = Array(0..<min(repeatedColumns, widths.count))
    let closing = Array(max(lead.count, widths.count - closingColumns)..<widths.count)
    let middle = Array(lead.count..<(widths.count - closing.count))
    guard !middle.isEmpty else { return block(all, widths) }
    // Units of columns that stay together: the groups that fit beside the repeated columns, the
    // columns of a group that does not one by one.
    var units: [[Int]] = []
    for column in middle {
      if units.isEmpty || groupStarts.isEmpty || groupStarts.contains(column) { units.append([column]) } else { units[units.count - 1].append(column) }
    }
    units = units.flatMap { unit in blockWidth(lead + unit, widths) > limit ? unit.map { [$0] } : [unit] }
    // Packed from the right (the last panel starts with the closing columns), each panel as full
    // as `cap` allows: the fewest panels for the limit, then the smallest cap giving that many.
    func pack(_ cap: Int) -> [[Int]] {
      var panels: [[Int]] = []
      var current: [Int] = []
      for unit in units.reversed() {
        let trial = lead + unit + current + (panels.isEmpty ? closing : [])
        let occupied = !current.isEmpty || (panels.isEmpty && !closing.isEmpty)
        if occupied && blockWidth(trial, widths) > cap {
          panels.append(current)
          current = unit
        } else {
          current = unit + current
        }
      }
      panels.append(current)
      return panels.reversed()
    }
    let count = pack(limit).count
    var low = units.map { blockWidth(lead + $0, widths) }.max() ?? 0
    var high = max(limit, low)
    while low < high {
      let mid = (low + high) / 2
      if pack(mid).count <= count { high = mid } else { low = mid + 1 }
    }
    let panels = pack(high)
    return panels.enumerated().map { index, columns in
      (index == 0 ? "" : "\n（续表）\n") + block(lead + columns + (index == panels.count - 1 ? closing : []), widths)
    }.joined()
  }

  /// Display width of each column: its header and its cells (group titles span the table).
  func columnWidths() -> [Int] {
    var widths = header.map(displayWidth)
    for (r, row) in rows.enumerated() where !groupRows.contains(r) {
      for (c, cell) in row.enumerated() where c < widths.count { widths[c] = max(widths[c], displayWidth(cell)) }
    }
    return widths
  }

  /// Display width of a block of `columns`, two spaces between columns.
  func blockWidth(_ columns: [Int], _ widths: [Int]) -> Int {
    columns.map { widths[$0] }.reduce(0, +) + 2 * max(0, columns.count - 1)
  }

  /// The rows in `columns`, aligned, under the header and a rule of "-" (one column wide in every
  /// terminal, unlike "─", which CJK terminals draw two wide).
  func block(_ columns: [Int], _ widths: [Int]) -> String {
    func line(_ cells: [String]) -> String {
      columns.map { c in pad(c < cells.count ? cells[c] : "", widths[c], alignments[c]) }.joined(separator: "  ")
        .trimmingTrailingSpaces()
    }
    var out = [line(header)]
    out.append(columns.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  "))
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
