import FenjieCore
import FenjieText
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// One worksheet of an .xlsx workbook as a grid of cell texts, the way a planner sees it: numbers as
/// their shortest decimal form, shared and inline strings as text, booleans as TRUE/FALSE, a formula
/// as its cached value, the cells merged down a column all showing the top cell's text (so a
/// 行动名称 merged down its lines reads on every line).
///
/// Written by hand on ZIPFoundation and Foundation's XMLParser: no Swift package on this machine
/// reads .xlsx. It reads what Excel, WPS, LibreOffice, openpyxl and fenjie itself write; it refuses,
/// with the sheet and cell, what it cannot read exactly (an error value such as #REF!); a formula with
/// no saved value reads as empty and is listed in `uncalculated`, for a caller that needs its value.
public struct XLSXSheetGrid: Sendable, Equatable {
  /// The sheet's name (messages say `分解表!F12`).
  public var sheet: String
  /// rows[r][c], zero-based; "" for an empty cell; trailing empty cells and rows dropped.
  public var rows: [[String]]
  /// Cells holding a formula with no saved value (a workbook saved by a program that does not
  /// calculate, such as openpyxl): they read as the formula ("=SUM(D4:L4)"), which no number parser
  /// takes, so a reader that needs the value refuses it with its place; `isUncalculated` tells them.
  public var uncalculated: Set<[Int]> = []
  /// Cells merged across columns, as (row, first column, last column), zero-based: a title above a
  /// table, or, inside one, two streets' cells made one (which a reader of the table must refuse).
  public var mergedAcross: [MergedAcross] = []

  public struct MergedAcross: Sendable, Equatable {
    public var row: Int
    public var first: Int
    public var last: Int
  }

  public func isUncalculated(row: Int, column: Int) -> Bool { uncalculated.contains([row, column]) }

  /// "分解表!F12" for zero-based row and column.
  public func reference(row: Int, column: Int) -> String { "\(sheet)!\(columnLetter(column))\(row + 1)" }
}

public enum XLSXReader {
  /// The largest workbook part read (an .xlsx of a district's tables is well under a megabyte).
  static let largestPart = 64 << 20

  /// The sheet named `sheet`, or the first one.
  public static func read(_ path: String, sheet: String? = nil, displayName: String? = nil) throws(InputError) -> XLSXSheetGrid {
    let name = displayName ?? path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: name, Say.Input.workbookCannotBeRead)
    }
    return try parse(data, sheet: sheet, name: name)
  }

  public static func parse(_ data: Data, sheet wanted: String? = nil, name: String) throws(InputError) -> XLSXSheetGrid {
    let archive: Archive
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      throw InputError(file: name, Say.Input.notAZipWorkbook)
    }
    func part(_ path: String) throws(InputError) -> Data? {
      guard let entry = archive[path] else { return nil }
      guard entry.uncompressedSize <= Int64(largestPart) else {
        throw InputError(file: name, Say.Input.partTooLarge(path, megabytes: largestPart >> 20))
      }
      var bytes = Data()
      do { _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) } } catch {
        throw InputError(file: name, Say.Input.partDamaged(path, "\(error)"))
      }
      return bytes
    }
    guard let workbook = try part("xl/workbook.xml") else {
      throw InputError(file: name, Say.Input.noWorkbookPart)
    }
    let sheets = try WorkbookSheets.parse(workbook, relationships: try part("xl/_rels/workbook.xml.rels"), name: name)
    guard !sheets.isEmpty else { throw InputError(file: name, Say.Input.noWorksheet) }
    let chosen: (name: String, target: String)
    if let wanted {
      guard let match = sheets.first(where: { $0.name == wanted }) else {
        throw InputError(file: name, Say.Input.noSheetNamed(wanted, sheets: sheets.map(\.name)))
      }
      chosen = match
    } else {
      chosen = sheets[0]
    }
    let strings = try part("xl/sharedStrings.xml").map { data throws(InputError) in try SharedStringsParser.parse(data, name: name) } ?? []
    let formats = try part("xl/styles.xml").map { data throws(InputError) in try NumberFormats.parse(data, name: name) } ?? []
    guard let sheetData = try part(chosen.target) else {
      throw InputError(file: name, Say.Input.sheetPartMissing(chosen.name, part: chosen.target))
    }
    let reader = try SheetParser.parse(sheetData, strings: strings, formats: formats, sheet: chosen.name, name: name)
    var grid = XLSXSheetGrid(sheet: chosen.name, rows: reader.grid(), uncalculated: reader.uncalculated)
    grid.mergedAcross = reader.merges.filter { $0.1 != $0.3 }.flatMap { r0, c0, r1, c1 in (r0...r1).map { XLSXSheetGrid.MergedAcross(row: $0, first: c0, last: c1) } }
    return grid
  }
}

/// Runs an XMLParser delegate; a malformed part is an error naming the part.
private func runParser(_ data: Data, _ delegate: XMLParserDelegate, part: String, name: String) throws(InputError) {
  try runParser(data, delegate, part: Message(zh: part, en: part), name: name)
}

private func runParser(_ data: Data, _ delegate: XMLParserDelegate, part: Message, name: String) throws(InputError) {
  let parser = XMLParser(data: data)
  parser.delegate = delegate
  parser.shouldProcessNamespaces = false
  guard parser.parse() else {
    throw InputError(file: name, Say.Input.partNotXML(part, line: parser.lineNumber))
  }
}

/// xl/workbook.xml's sheets in tab order, resolved through the workbook relationships to their parts.
private final class WorkbookSheets: NSObject, XMLParserDelegate {
  var sheets: [(name: String, id: String)] = []
  var targets: [String: String] = [:]

  static func parse(_ workbook: Data, relationships: Data?, name: String) throws(InputError) -> [(name: String, target: String)] {
    let reader = WorkbookSheets()
    try runParser(workbook, reader, part: "xl/workbook.xml", name: name)
    if let relationships { try runParser(relationships, reader, part: "xl/_rels/workbook.xml.rels", name: name) }
    return reader.sheets.enumerated().map { index, sheet in
      var target = reader.targets[sheet.id] ?? "worksheets/sheet\(index + 1).xml"
      if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
      return (sheet.name, target)
    }
  }

  func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    let local = element.split(separator: ":").last.map(String.init) ?? element
    if local == "sheet", let name = attributes["name"] {
      let id = attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value ?? ""
      sheets.append((name, id))
    } else if local == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
      targets[id] = target
    }
  }
}

/// xl/sharedStrings.xml: each `<si>`'s text, rich-text runs joined, phonetic runs (`<rPh>`) left out.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
  var strings: [String] = []
  var current = ""
  var inText = false
  var inPhonetic = false

  static func parse(_ data: Data, name: String) throws(InputError) -> [String] {
    let reader = SharedStringsParser()
    try runParser(data, reader, part: "xl/sharedStrings.xml", name: name)
    return reader.strings
  }

  func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    switch element {
    case "si": current = ""
    case "t": inText = !inPhonetic
    case "rPh": inPhonetic = true
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

  func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    switch element {
    case "si": strings.append(current)
    case "t": inText = false
    case "rPh": inPhonetic = false
    default: break
    }
  }
}

/// One worksheet part: `<c r="F12" t="s|str|inlineStr|b|n|e"><v>…</v><is><t>…</t></is></c>` and
/// `<mergeCell ref="A4:A9"/>`.
private final class SheetParser: NSObject, XMLParserDelegate {
  let strings: [String]
  let sheet: String
  var cells: [Int: [Int: String]] = [:]
  var merges: [(Int, Int, Int, Int)] = []
  var reference: (Int, Int)? = nil
  var type = "n"
  var value = ""
  var inValue = false
  var inInline = false
  var hasFormula = false
  var formula = ""
  var inFormula = false
  var nextRow = 0
  var nextColumn = 0
  var failure: Message? = nil
  var uncalculated: Set<[Int]> = []

  let formats: [NumberFormats.Kind]
  var style = 0

  init(strings: [String], formats: [NumberFormats.Kind], sheet: String) {
    self.strings = strings
    self.formats = formats
    self.sheet = sheet
  }

  static func parse(
    _ data: Data, strings: [String], formats: [NumberFormats.Kind], sheet: String, name: String
  ) throws(InputError) -> SheetParser {
    let reader = SheetParser(strings: strings, formats: formats, sheet: sheet)
    try runParser(data, reader, part: Say.Input.theSheet(sheet), name: name)
    if let failure = reader.failure { throw InputError(file: name, failure) }
    return reader
  }

  func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    switch element {
    case "row":
      if let r = attributes["r"].flatMap(Int.init), r >= 1 { nextRow = r - 1 }
      nextColumn = 0
    case "c":
      reference = attributes["r"].flatMap(SheetParser.cell) ?? (nextRow, nextColumn)
      type = attributes["t"] ?? "n"
      style = attributes["s"].flatMap(Int.init) ?? 0
      value = ""
      formula = ""
      hasFormula = false
    case "v": inValue = true
    case "f":
      hasFormula = true
      inFormula = true
    case "is": inInline = true
    case "t": if inInline { inValue = true }
    case "mergeCell":
      if let ref = attributes["ref"], let range = SheetParser.range(ref) { merges.append(range) }
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inValue { value += string }
    if inFormula { formula += string }
  }

  func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    switch element {
    case "v", "t": inValue = false
    case "f": inFormula = false
    case "is": inInline = false
    case "c":
      guard let (r, c) = reference else { return }
      let place = Message(zh: "\(sheet)!\(columnLetter(c))\(r + 1): ", en: "\(sheet)!\(columnLetter(c))\(r + 1): ")
      switch type {
      case "s":
        guard let index = Int(value), strings.indices.contains(index) else {
          failure = failure ?? place.followed(by: Say.Input.missingSharedString(value))
          return
        }
        set(r, c, strings[index])
      case "str", "inlineStr": set(r, c, value)
      case "b": set(r, c, value == "1" ? "TRUE" : "FALSE")
      case "e":
        failure = failure ?? place.followed(by: Say.Input.cellShowsError(value))
      default:
        if value.isEmpty {
          if hasFormula {
            uncalculated.insert([r, c])
            set(r, c, "=" + formula)
          }
          return
        }
        guard let number = Double(value), number.isFinite else {
          failure = failure ?? place.followed(by: Say.Input.cellNotANumber(String(value.prefix(40))))
          return
        }
        // A number shows as its format shows it: 25% is stored as 0.25, and a CSV of the same sheet
        // says "25%"; a date is a day count, which no table of fenjie's means.
        switch style < formats.count ? formats[style] : .plain {
        case .plain: set(r, c, SheetParser.text(number))
        case .percent: set(r, c, SheetParser.text(number * 100) + "%")
        case .date: set(r, c, Say.Input.dateCell(SheetParser.text(number)).text())
        }
      }
      nextRow = r
      nextColumn = c + 1
    case "row": nextRow += 1
    default: break
    }
  }

  func set(_ r: Int, _ c: Int, _ text: String) { cells[r, default: [:]][c] = text }

  /// The grid with cells merged down a column filled from their top cell (a 行动名称 over its lines),
  /// trailing empties dropped. Cells merged across columns (a title) are left empty but the first,
  /// so that a title never looks like a header row.
  func grid() -> [[String]] {
    for (r0, c0, r1, c1) in merges where c0 == c1 {
      let text = cells[r0]?[c0] ?? ""
      guard !text.isEmpty, r1 - r0 < 10_000 else { continue }
      for r in r0...r1 { for c in c0...c1 where cells[r]?[c] == nil { set(r, c, text) } }
    }
    guard let last = cells.keys.max() else { return [] }
    var rows: [[String]] = []
    for r in 0...last {
      let row = cells[r] ?? [:]
      guard let width = row.keys.max() else {
        rows.append([])
        continue
      }
      rows.append((0...width).map { row[$0] ?? "" })
    }
    return rows
  }

  /// "F12" → (11, 5).
  static func cell(_ reference: String) -> (Int, Int)? {
    var column = 0
    var digits = ""
    for scalar in reference.unicodeScalars {
      if ("A"..."Z").contains(scalar), digits.isEmpty {
        column = column * 26 + Int(scalar.value - 64)
      } else if ("0"..."9").contains(scalar) {
        digits.unicodeScalars.append(scalar)
      } else if scalar != "$" {
        return nil
      }
    }
    guard column > 0, let row = Int(digits), row >= 1 else { return nil }
    return (row - 1, column - 1)
  }

  static func range(_ reference: String) -> (Int, Int, Int, Int)? {
    let ends = reference.split(separator: ":").map(String.init)
    guard let first = ends.first.flatMap(cell) else { return nil }
    let last = ends.count > 1 ? cell(ends[1]) : first
    guard let last else { return nil }
    return (first.0, first.1, last.0, last.1)
  }

  /// A stored number as the planner typed it: Excel stores 12.34 as 12.34 or 12.339999999999999;
  /// 15 significant digits (what Excel shows) give back what was typed.
  static func text(_ number: Double) -> String {
    let rounded = Double(String(format: "%.15g", number)) ?? number
    return plainNumber(rounded)
  }
}

/// xl/styles.xml: for each cell style (`<cellXfs>`' `<xf numFmtId=…>`, in order), whether its number
/// format shows a percentage, a date or time, or a plain number. Built-in formats 9 and 10 are
/// percentages, 14–22 and 45–47 dates and times; a custom format is a percentage if it has `%`, a
/// date if it has y, m, d, h or s outside quotes and brackets.
private final class NumberFormats: NSObject, XMLParserDelegate {
  enum Kind: Sendable { case plain, percent, date }
  var custom: [Int: String] = [:]
  var styles: [Int] = []
  var inCellStyles = false

  static func parse(_ data: Data, name: String) throws(InputError) -> [Kind] {
    let reader = NumberFormats()
    try runParser(data, reader, part: "xl/styles.xml", name: name)
    return reader.styles.map(reader.kind)
  }

  func kind(_ id: Int) -> Kind {
    if [9, 10].contains(id) { return .percent }
    if (14...22).contains(id) || (45...47).contains(id) { return .date }
    guard let code = custom[id] else { return .plain }
    var bare = ""
    var quoted = false
    var bracketed = false
    for ch in code {
      if ch == "\"" { quoted.toggle(); continue }
      if ch == "[" { bracketed = true; continue }
      if ch == "]" { bracketed = false; continue }
      if !quoted && !bracketed { bare.append(ch) }
    }
    if bare.contains("%") { return .percent }
    if bare.lowercased().contains(where: { "ymdhs".contains($0) }) && bare.lowercased() != "general" { return .date }
    return .plain
  }

  func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
    switch element {
    case "numFmt":
      if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code }
    case "cellXfs": inCellStyles = true
    case "xf": if inCellStyles { styles.append(attributes["numFmtId"].flatMap(Int.init) ?? 0) }
    default: break
    }
  }

  func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
    if element == "cellXfs" { inCellStyles = false }
  }
}
