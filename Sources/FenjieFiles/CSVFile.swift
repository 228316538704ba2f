import FenjieCore
import FenjieText
import Foundation

/// A CSV file as rows of cells, read the way planners' files come: UTF-8 with or without a
/// byte-order mark, CRLF or LF line ends, trailing empty rows and columns dropped.
///
/// Read exactly or refused: a row with more cells than the header (an unquoted comma in `1,200`
/// shifts every cell after it) or fewer (a missing comma, a row cut short), control characters (a NUL
/// from a damaged file), an unclosed quote and an oversized cell are refused with their row and
/// column. The parser is one pass over the text: a 10 MB file is read or refused in well under a second.
public struct CSVFile: Sendable {
  /// The path as the user gave it (for messages).
  public var path: String
  /// Rows as read; row 0 is the header (spreadsheet row 1). Blank rows inside the file are kept (as
  /// empty rows) so that indices stay spreadsheet rows.
  public var rows: [[String]]
  /// Whether the last row ends with a line end. Excel and WPS always write one: a file without it may
  /// have been cut short inside its last cell.
  public var endsWithLineEnd: Bool = true
  /// The spreadsheet row of `rows[0]`: 1 for a CSV file; for a workbook sheet, the row under its
  /// title rows.
  public var firstRow = 1
  /// The sheet a workbook's table was read from (messages then say `分解表!F12`).
  public var sheet: String? = nil
  /// A workbook's cells holding a formula with no saved value, as `[row, column]` indices into
  /// `rows` (see `XLSXSheetGrid.uncalculated`): a reader that needs their value refuses them.
  public var uncalculated: Set<[Int]> = []
  /// The rows under the table read as its notes (one filled cell each, after a blank row): their
  /// spreadsheet row, the column of the cell and its text. A loader checks that none of them is a
  /// line left with only its name (`notesThatLookLikeLines`).
  public var notes: [(row: Int, column: Int, text: String)] = []

  /// The longest cell read at all (a note column may be long; names are limited by the loader).
  public static let maximumCellLength = 10_000

  public static func read(_ path: String, displayName: String? = nil, sheet: String? = nil) throws(InputErrors) -> CSVFile {
    let name = displayName ?? path
    if path.lowercased().hasSuffix(".xlsx") { return try readWorkbook(path, name: name, sheet: sheet) }
    let data: Data
    do { data = try InputFile.contents(path, name: name) } catch { throw InputErrors([error]) }
    let text: String
    do { text = try decode(data, name: name) } catch { throw InputErrors([error]) }
    return try parse(text, name: name)
  }

  public static func parse(_ text: String, name: String) throws(InputErrors) -> CSVFile {
    var scanner = CSVScanner(text, name: name)
    let records = scanner.records()
    if !scanner.errors.isEmpty { throw InputErrors(scanner.errors) }
    var rows = records.map { record in
      var trimmed = record.cells.map(CSVFile.trimmed)
      while let last = trimmed.last, last.isEmpty { trimmed.removeLast() }
      return trimmed
    }
    var rawCounts = records.map(\.cells.count)
    while let last = rows.last, last.isEmpty {
      rows.removeLast()
      rawCounts.removeLast()
    }
    let table = tableRows(rows)
    let all = rows
    let endsWithLineEnd = records.count > rows.count || (records.last?.endedByLineEnd ?? true)
    rows = Array(rows[table])
    rawCounts = Array(rawCounts[table])
    guard !rows.isEmpty, !rows[0].isEmpty else { throw InputErrors([InputError(file: name, Say.Input.isEmpty)]) }
    var file = CSVFile(path: name, rows: rows)
    file.firstRow = table.lowerBound + 1
    file.notes = notes(all, after: table)
    file.endsWithLineEnd = endsWithLineEnd || table.upperBound < records.count
    let errors = file.rowLengthErrors(rawCounts: rawCounts)
    if !errors.isEmpty { throw InputErrors(errors) }
    return file
  }

  /// The rows that are the table, as a spreadsheet saved it: the title rows above the header (rows
  /// with at most one filled cell, where a later row has two or more) and the notes under the table
  /// (rows with at most one filled cell after a blank row, to the end) are not part of it. A file
  /// whose first row is its header is all table.
  static func tableRows(_ rows: [[String]]) -> Range<Int> {
    func filled(_ row: [String]) -> Int { row.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) } }
    guard let header = rows.firstIndex(where: { filled($0) >= 2 }) else { return 0..<rows.count }
    var end = rows.count
    if let blank = rows.indices.last(where: { $0 > header && rows[$0].allSatisfy(\.isEmpty) }),
      rows[(blank + 1)...].allSatisfy({ filled($0) <= 1 }),
      rows[(header + 1)..<blank].contains(where: { filled($0) >= 2 })
    {
      end = blank
    }
    return header..<end
  }

  /// The rows after `table` that hold a cell, as notes.
  static func notes(_ rows: [[String]], after table: Range<Int>) -> [(row: Int, column: Int, text: String)] {
    rows.indices.dropFirst(table.upperBound).compactMap { index in
      guard let column = rows[index].firstIndex(where: { !$0.isEmpty }) else { return nil }
      return (index + 1, column, rows[index][column])
    }
  }

  /// Errors for the notes under the table that look like a line with only its name, not a note: the
  /// cell is in a column that names the lines (`keyColumns`) and is short, with no sentence
  /// punctuation and no note's lead (注、说明、来源 …), or `isLine` says it names a line. Such a row
  /// would otherwise be dropped with the notes.
  public func notesThatLookLikeLines(keyColumns: [Int], isLine: (String) -> Bool = { _ in false }) -> [InputError] {
    notes.filter { (keyColumns.contains($0.column) && !Self.looksLikeANote($0.text)) || isLine($0.text) }.map { note in
      error(row: note.row - firstRow + 1, column: note.column, Say.Input.notesSwallowRow(quotedPrefix(note.text, limit: 40)))
    }
  }

  static func looksLikeANote(_ text: String) -> Bool {
    let leads = ["注", "说明", "备注", "来源", "数据来源", "资料来源", "填报", "制表", "*", "※", "note", "source"]
    if leads.contains(where: { text.lowercased().hasPrefix($0) }) { return true }
    return text.count > 30 || text.contains(where: { "。；，,;!！?？".contains($0) })
  }

  /// A cell without the spaces around it; most cells have none, and are returned as they are.
  static func trimmed(_ cell: String) -> String {
    guard let first = cell.unicodeScalars.first, let last = cell.unicodeScalars.last else { return cell }
    if !first.properties.isWhitespace && !last.properties.isWhitespace { return cell }
    return cell.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Rows whose cells do not line up with the header's columns.
  func rowLengthErrors(rawCounts: [Int]) -> [InputError] {
    let width = rows[0].count
    var errors: [InputError] = []
    for (index, row) in rows.enumerated().dropFirst() where !row.isEmpty {
      if errors.count >= 50 {
        errors.append(InputError(file: path, row: index + firstRow, Say.Input.stoppedAfter(errors.count)))
        break
      }
      if row.count > width {
        errors.append(
          InputError(
            file: path, row: index + firstRow, column: columnLetter(width),
            Say.Input.extraCells(row.count, headerRow: firstRow, width: width, hint: splitNumberHint(row))))
      } else if rawCounts[index] < width {
        let last = index == rows.count - 1 && !endsWithLineEnd
        errors.append(
          InputError(
            file: path, row: index + firstRow, column: columnName(rawCounts[index]),
            Say.Input.fewerCells(rawCounts[index], headerRow: firstRow, width: width, fileEndsHere: last)))
      }
    }
    return errors
  }

  /// "; columns H and I look like one number (1,200) split by an unquoted comma" where they do.
  func splitNumberHint(_ row: [String]) -> Message {
    for c in row.indices.dropLast() {
      let a = row[c]
      let b = row[c + 1]
      let isDigits = { (s: String) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
      if isDigits(a), a.count <= 3, b.count == 3, isDigits(b) {
        return Say.Input.splitNumber(columnLetter(c), columnLetter(c + 1), a, b)
      }
    }
    return Say.Input.nothing
  }

  /// UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or GB18030/GBK.
  static func decode(_ data: Data, name: String) throws(InputError) -> String {
    guard let (text, _) = TextDecoding.decode(data) else {
      if TextDecoding.isCutUTF8(data) { throw InputError(file: name, Say.Input.cutInsideACharacter) }
      throw InputError(file: name, Say.Input.resaveAsUTF8)
    }
    return text
  }

  /// A table from a sheet of an .xlsx workbook (`sheet`, or the first): the title rows above the header (rows with
  /// at most one filled cell, as a merged title is) are skipped; the header is the first row with two
  /// or more; a cell right of the header's last column is refused, as in a CSV file.
  static func readWorkbook(_ path: String, name: String, sheet: String?) throws(InputErrors) -> CSVFile {
    let grid: XLSXSheetGrid
    do { grid = try XLSXReader.read(path, sheet: sheet, displayName: name) } catch { throw InputErrors([error]) }
    guard grid.rows.contains(where: { $0.filter { !$0.isEmpty }.count >= 2 }) else {
      throw InputErrors([InputError(file: name, Say.Input.sheetHasNoHeader(grid.sheet))])
    }
    var rows = grid.rows
    while let last = rows.last, last.allSatisfy(\.isEmpty) { rows.removeLast() }
    let table = tableRows(rows)
    let header = table.lowerBound
    let all = rows.map { $0.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } }
    rows = Array(rows[table]).map { row in
      var trimmed = row.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      while let last = trimmed.last, last.isEmpty { trimmed.removeLast() }
      return trimmed
    }
    var file = CSVFile(path: name, rows: rows)
    file.firstRow = header + 1
    file.sheet = grid.sheet
    file.uncalculated = Set(grid.uncalculated.filter { table.contains($0[0]) }.map { [$0[0] - header, $0[1]] })
    file.notes = notes(all, after: table)
    var errors: [InputError] = []
    for (index, row) in rows.enumerated().dropFirst() where row.count > rows[0].count {
      errors.append(file.error(row: index + 1, column: rows[0].count, Say.Input.valueRightOfTable(quotedPrefix(row[rows[0].count], limit: 20))))
    }
    // Cells merged across columns inside the table: one value over several streets (or a header
    // over several columns), which no reading can share out as the planner meant.
    for merge in grid.mergedAcross where table.contains(merge.row) {
      errors.append(
        file.error(
          row: merge.row - header + 1, column: merge.first,
          Say.Input.mergedAcross(columnLetter(merge.first), columnLetter(merge.last))))
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return file
  }

  /// An error at `row` (1-based in `rows`: 1 is the header) and `column`, told as the spreadsheet
  /// shows it: `file, row 12, column F (扬名街道)` for a CSV, `file: 分解表!F12 (扬名街道)` for a sheet.
  public func error(row: Int?, column: Int?, _ message: String) -> InputError {
    error(row: row, column: column, Message(zh: message, en: message))
  }

  /// An error at `row` and `column` (see above), in both languages.
  public func error(row: Int?, column: Int?, _ message: Message) -> InputError {
    let sheetRow = row.map { $0 - 1 + firstRow }
    guard let sheet else { return InputError(file: path, row: sheetRow, column: column.map(columnName), message) }
    var zh = sheet, en = sheet
    switch (column, sheetRow) {
    case (let column?, let row?):
      zh += "!\(columnLetter(column))\(row)"
      en = zh
    case (let column?, nil):
      zh += "，\(columnLetter(column))列"
      en += ", column \(columnLetter(column))"
    case (nil, let row?):
      zh += "，第\(row)行"
      en += ", row \(row)"
    case (nil, nil): break
    }
    if let column, column < rows[0].count, !rows[0][column].isEmpty {
      let header = quotedPrefix(rows[0][column], limit: 40, quotes: false)
      return InputError(file: path, Message(zh: "\(zh)（\(header.chinese)）：", en: "\(en) (\(header.english)): ").followed(by: message))
    }
    return InputError(file: path, Message(zh: "\(zh)：", en: "\(en): ").followed(by: message))
  }

  /// "E (惠山街道)" for a column index.
  public func columnName(_ index: Int) -> String {
    let header = index < rows[0].count ? rows[0][index] : ""
    return header.isEmpty ? columnLetter(index) : "\(columnLetter(index)) (\(quotedPrefix(header, limit: 40, quotes: false).text()))"
  }
}

/// One pass over CSV text (RFC 4180 as Excel writes it: cells separated by commas, a cell in double
/// quotes may hold commas, quotes doubled and line ends), on the text's UTF-8 bytes: every byte that
/// matters (`,` `"` CR LF, the control characters) is ASCII or, for C1 controls, a two-byte form
/// starting 0xC2. Stops at 20 errors.
struct CSVScanner {
  struct Record {
    var cells: [String]
    var endedByLineEnd: Bool
  }

  let bytes: [UInt8]
  let name: String
  var errors: [InputError] = []
  var read: [Record] = []
  var index = 0
  // The record and the cell being read.
  var cells: [String] = []
  var cell: [UInt8] = []
  var cellLength = 0
  var cellBlank = true
  var tooLong = false
  var inQuotes = false
  var quoteRow = 0
  var quotedLineEnds = 0

  init(_ text: String, name: String) {
    bytes = Array(text.utf8)
    self.name = name
  }

  var row: Int { read.count + 1 }
  var next: UInt8? { index < bytes.count ? bytes[index] : nil }
  var cellText: String { String(decoding: cell, as: UTF8.self) }

  static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

  /// Records an error; true when there are enough to stop.
  mutating func fail(_ row: Int, _ column: Int, _ message: Message) -> Bool {
    errors.append(InputError(file: name, row: row, column: columnLetter(column), message))
    return errors.count >= 20
  }

  mutating func records() -> [Record] {
    while let byte = next {
      index += 1
      let handled = inQuotes ? quoted(byte) : structural(byte)
      guard let handled else { return read }  // an error that stops the reading
      if handled { continue }
      if let control = control(byte) {
        if fail(row, cells.count, Say.Input.controlCharacter(scalarName(control), after: quotedPrefix(cellText, limit: 20))) {
          return read
        }
        skipRestOfRow()
        continue
      }
      guard append(byte) else { return read }
    }
    if inQuotes {
      _ = fail(quoteRow, cells.count, Say.Input.quoteNeverClosed)
      return read
    }
    if !cells.isEmpty || cellLength > 0 { endRecord(lineEnd: false) }
    return read
  }

  /// A byte inside quotes: true when it was a quote (handled), false for content, nil to stop.
  mutating func quoted(_ byte: UInt8) -> Bool? {
    guard byte == Self.quote else {
      if byte == Self.lf { quotedLineEnds += 1 }
      return false
    }
    if next == Self.quote {
      index += 1
      return append(byte) ? true : nil
    }
    inQuotes = false
    if let after = next, after != Self.comma, after != Self.cr, after != Self.lf {
      // `"abc"def`: no spreadsheet writes it; a quote is missing or stray.
      let message = quotedLineEnds > 0
        ? Say.Input.quoteClosesLater(quotedLineEnds)
        : Say.Input.textAfterClosingQuote(quotedPrefix(cellText, limit: 20))
      _ = fail(quoteRow, cells.count, message)
      return nil
    }
    return true
  }

  /// A comma, a line end or an opening quote outside quotes: true when handled.
  mutating func structural(_ byte: UInt8) -> Bool? {
    switch byte {
    case Self.comma:
      endCell()
    case Self.cr, Self.lf:
      if byte == Self.cr && next == Self.lf { index += 1 }
      endRecord(lineEnd: true)
    case Self.quote where cellBlank:
      inQuotes = true
      quoteRow = row
      quotedLineEnds = 0
    default:
      return false
    }
    return true
  }

  /// The control character `byte` starts (C0 but tab and line ends, DEL, C1 as 0xC2 0x80–0x9F).
  func control(_ byte: UInt8) -> Unicode.Scalar? {
    if (byte < 0x20 && byte != 0x09 && byte != Self.cr && byte != Self.lf) || byte == 0x7F { return Unicode.Scalar(byte) }
    if byte == 0xC2, let second = next, (0x80...0x9F).contains(second) { return Unicode.Scalar(second) }
    return nil
  }

  /// Adds a byte to the cell; false to stop (too many errors). Lengths count characters (bytes that
  /// start one).
  mutating func append(_ byte: UInt8) -> Bool {
    if byte & 0xC0 != 0x80 { cellLength += 1 }
    if cellLength > CSVFile.maximumCellLength {
      defer { tooLong = true }
      return tooLong || !fail(row, cells.count, Say.Input.cellTooLong(CSVFile.maximumCellLength, beginning: quotedPrefix(cellText, limit: 30, count: false)))
    }
    cell.append(byte)
    if cellBlank && byte != 0x20 && byte != 0x09 { cellBlank = false }
    return true
  }

  mutating func endCell() {
    cells.append(cellText)
    cell.removeAll(keepingCapacity: true)
    cellLength = 0
    cellBlank = true
    tooLong = false
  }

  mutating func endRecord(lineEnd: Bool) {
    endCell()
    read.append(Record(cells: cells, endedByLineEnd: lineEnd))
    cells = []
  }

  /// After an error in a row: its other cells are not looked at; the row counts as empty.
  mutating func skipRestOfRow() {
    while let byte = next, byte != Self.lf { index += 1 }
    if next != nil { index += 1 }
    inQuotes = false
    cells = []
    cell.removeAll(keepingCapacity: true)
    endRecord(lineEnd: true)
    read[read.count - 1].cells = []
  }
}

/// C0 and C1 control characters other than the tab, and DEL: never in a table or a scenario that
/// was meant; a NUL is what a damaged file or a binary one shows.
func isControlCharacter(_ scalar: Unicode.Scalar) -> Bool {
  let v = scalar.value
  return (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v)
}

/// "U+0000 (NUL)" for a control character.
func scalarName(_ scalar: Unicode.Scalar) -> String {
  let names: [UInt32: String] = [0: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL", 0x0A: "LF", 0x0D: "CR"]
  let hex = String(scalar.value, radix: 16, uppercase: true)
  let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  return names[scalar.value].map { "\(code) (\($0))" } ?? code
}

/// A text quoted for a message, cut to its first `limit` characters: a 10 MB cell is never echoed.
/// Control characters are shown by their code. A message piece: the count of a cut text is said in
/// each language.
func quotedPrefix(_ text: String, limit: Int, quotes: Bool = true, count showCount: Bool = true) -> Message {
  var shown = ""
  var count = 0
  for character in text {
    if count == limit { break }
    count += 1
    if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1, isControlCharacter(scalar) {
      shown += "<\(scalarName(scalar))>"
    } else {
      shown.append(character)
    }
  }
  let cut = count == limit && text.count > limit
  let body = cut ? shown + "…" : shown
  let quoted = quotes ? Say.Input.quoted(body) : Message(zh: body, en: body)
  return quoted.followed(by: cut && showCount ? Say.Input.characterCount(text.count) : Say.Input.nothing)
}
