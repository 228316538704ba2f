import FenjieCore
import FenjieText
import Foundation
import ZIPFoundation

/// A small Office Open XML (.xlsx) writer: sheets of text and number cells with a handful of styles,
/// merged cells, frozen panes and column widths, zipped in memory. Just what fenjie's tables need,
/// written by hand so that every part is known: [Content_Types].xml, the package and workbook
/// relationships, docProps/core.xml, xl/workbook.xml, xl/styles.xml, xl/sharedStrings.xml and one
/// xl/worksheets/sheetN.xml per sheet.
public struct XLSXWorkbook: Sendable {
  public var sheets: [XLSXSheet]
  /// Document title (docProps/core.xml).
  public var title: String

  public init(title: String, sheets: [XLSXSheet] = []) {
    self.title = title
    self.sheets = sheets
  }

  /// The .xlsx file's bytes.
  public func data() throws(XLSXError) -> Data {
    guard !sheets.isEmpty else { throw XLSXError(Say.Report.workbookNeedsSheet.text()) }
    var strings = SharedStrings()
    let names = XLSXWorkbook.uniqueSheetNames(sheets.map(\.name))
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes()),
      ("_rels/.rels", packageRelationships),
      ("docProps/core.xml", coreProperties()),
      ("xl/workbook.xml", workbookXML(names)),
      ("xl/_rels/workbook.xml.rels", workbookRelationships()),
      ("xl/styles.xml", XLSXStyle.stylesXML),
    ]
    for (index, sheet) in sheets.enumerated() {
      parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml(selected: index == 0, strings: &strings)))
    }
    parts.append(("xl/sharedStrings.xml", strings.xml()))
    return try XLSXWorkbook.zip(parts)
  }

  // MARK: Parts

  func contentTypes() -> String {
    var xml = xmlDeclaration
    xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
    xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
    xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
    for index in sheets.indices {
      xml += #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
    }
    xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
    xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
    xml += #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
    return xml + "</Types>"
  }

  var packageRelationships: String {
    xmlDeclaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
      + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
      + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
      + "</Relationships>"
  }

  func coreProperties() -> String {
    xmlDeclaration
      + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
      + "<dc:title>\(xmlEscape(title))</dc:title><dc:creator>fenjie</dc:creator></cp:coreProperties>"
  }

  func workbookXML(_ names: [String]) -> String {
    var xml = xmlDeclaration
    xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
    xml += #"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#
    for (index, name) in names.enumerated() {
      xml += #"<sheet name="\#(xmlEscape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
    }
    xml += "</sheets>"
    let titles = sheets.enumerated().compactMap { index, sheet in sheet.printTitleRows.map { (index, $0) } }
    if !titles.isEmpty {
      xml += "<definedNames>"
      for (index, rows) in titles {
        let name = names[index].replacingOccurrences(of: "'", with: "''")
        xml += #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">'\#(xmlEscape(name))'!$\#(rows.lowerBound + 1):$\#(rows.upperBound + 1)</definedName>"#
      }
      xml += "</definedNames>"
    }
    return xml + "</workbook>"
  }

  func workbookRelationships() -> String {
    var xml = xmlDeclaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    for index in sheets.indices {
      xml += #"<Relationship Id="rId\#(index + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index + 1).xml"/>"#
    }
    let n = sheets.count
    xml += #"<Relationship Id="rId\#(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
    xml += #"<Relationship Id="rId\#(n + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
    return xml + "</Relationships>"
  }

  /// Sheet names as Excel accepts them: at most 31 characters, none of []:*?/\, not blank, unique
  /// (case-insensitively).
  static func uniqueSheetNames(_ names: [String]) -> [String] {
    var used: Set<String> = []
    return names.enumerated().map { index, name in
      var base = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
      base = base.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
      if base.isEmpty { base = "Sheet\(index + 1)" }
      base = String(base.prefix(31))
      var candidate = base
      var n = 2
      while used.contains(candidate.lowercased()) {
        let suffix = " (\(n))"
        candidate = String(base.prefix(31 - suffix.count)) + suffix
        n += 1
      }
      used.insert(candidate.lowercased())
      return candidate
    }
  }

  /// Zips the parts in memory, deflated, with a fixed date so that the same table gives the same bytes.
  static func zip(_ parts: [(String, String)]) throws(XLSXError) -> Data {
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      let date = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01
      for (path, text) in parts {
        let bytes = Data(text.utf8)
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
          compressionMethod: .deflate
        ) { position, size in
          let start = Int(position)
          return bytes.subdata(in: start..<min(bytes.count, start + size))
        }
      }
      guard let data = archive.data else { throw XLSXError(Say.Report.archiveHasNoData.text()) }
      return data
    } catch let error as XLSXError {
      throw error
    } catch {
      throw XLSXError(Say.Report.cannotBuildArchive("\(error)").text())
    }
  }
}

/// Why a workbook could not be written.
public struct XLSXError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// The styles a cell can have; each is one `<xf>` of styles.xml, in this order.
public enum XLSXStyle: Int, Sendable, CaseIterable {
  case plain = 0
  /// Bold, centred, on a light grey fill, thin border: column headers.
  case header
  /// Bold, larger: a sheet's title row.
  case title
  /// Whole numbers, "0".
  case integer
  /// Two decimals, "0.00".
  case decimal2
  /// Probabilities, "0.0%".
  case percent1
  /// Signed changes, "+0.0%;-0.0%;0.0%".
  case signedPercent1
  /// Centred text ("/" where not applicable).
  case centered
  /// Bold, wrapped, centred vertically: merged group cells (行动名称).
  case group
  /// Bold text: line titles within a sheet.
  case bold
  /// A general number, shown as entered (published rates).
  case general
  /// Notes: plain text that may run across empty cells; not counted when fitting column widths.
  case note
  /// The table body, with thin borders on every side: text, whole numbers, two decimals, centred
  /// text ("/", units, status), general numbers, and the merged 行动名称 cells.
  case tableText
  case tableInteger
  case tableDecimal2
  case tableCentered
  case tableGeneral
  case tableGroup
  /// A locked value (a kept edit or a `[[lock]]`): the table's number formats on a light yellow fill.
  case tableIntegerLocked
  case tableDecimal2Locked
  /// A note merged across the table and wrapped within it (so that printing keeps to the table's width).
  case noteWrapped

  static let stylesXML: String = {
    var xml = xmlDeclaration
    xml += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
    xml += #"<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="+0.0%;-0.0%;0.0%"/></numFmts>"#
    xml += #"<fonts count="3">"#
    xml += #"<font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>"#
    xml += #"<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>"#
    xml += #"<font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/></font>"#
    xml += "</fonts>"
    xml += #"<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
    xml += #"<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill>"#
    xml += #"<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill></fills>"#
    xml += #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
    xml += #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"#
    xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
    let xfs = [
      #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
      #"<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#,
      #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
      #"<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
      #"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
      #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
      #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
      #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center"/></xf>"#,
      #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#,
      #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
      #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
      #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
      #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>"#,
      #"<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#,
      #"<xf numFmtId="2" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#,
      #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>"#,
      #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#,
      #"<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#,
      #"<xf numFmtId="1" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#,
      #"<xf numFmtId="2" fontId="0" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>"#,
      #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#,
    ]
    xml += #"<cellXfs count="\#(xfs.count)">"# + xfs.joined() + "</cellXfs>"
    xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
    return xml + "</styleSheet>"
  }()
}

/// One cell: text, a number (non-finite numbers are left empty), or nothing.
public enum XLSXCell: Sendable, Equatable {
  case empty
  /// No value, but a style (a bordered cell of the table left blank).
  case blank(XLSXStyle)
  case text(String, XLSXStyle = .plain)
  case number(Double, XLSXStyle = .general)
  /// A formula (without "="), with the value it has now: Excel and WPS recompute it after an edit,
  /// a reader that does not calculate still sees the number.
  case formula(String, cached: Double, XLSXStyle = .general)

  /// A number, or an empty cell for nil.
  public static func optional(_ x: Double?, _ style: XLSXStyle) -> XLSXCell { x.map { .number($0, style) } ?? .empty }
}

/// A rectangle of cells (zero-based, inclusive) to merge.
public struct XLSXRange: Sendable, Equatable {
  public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
  public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
    firstRow = rows.lowerBound
    lastRow = rows.upperBound
    firstColumn = columns.lowerBound
    lastColumn = columns.upperBound
  }
  var reference: String { "\(cellReference(firstRow, firstColumn)):\(cellReference(lastRow, lastColumn))" }
  func contains(_ row: Int, _ column: Int) -> Bool {
    (firstRow...lastRow).contains(row) && (firstColumn...lastColumn).contains(column)
  }
}

/// One worksheet.
public struct XLSXSheet: Sendable {
  public var name: String
  public var rows: [[XLSXCell]] = []
  public var merges: [XLSXRange] = []
  /// Rows above and columns left of the panes that stay put when scrolling.
  public var frozenRows = 0
  public var frozenColumns = 0
  /// Fixed widths (in characters) for some columns; the others fit their content.
  public var fixedWidths: [Int: Double] = [:]
  /// Printing: A4 landscape, scaled to one page wide (as many pages down as needed), these rows
  /// (zero-based) repeated at the top of every printed page.
  public var printLandscapeOnePageWide = false
  public var printTitleRows: ClosedRange<Int>? = nil
  /// Row heights in points for some rows (a wrapped note); the others are the default.
  public var rowHeights: [Int: Double] = [:]

  /// Adds `text` as a note merged across columns `0...lastColumn`, wrapped, its row as tall as the
  /// lines it needs at the columns' widths.
  public mutating func addWrappedNote(_ text: String, lastColumn: Int) {
    let row = add([.text(text, .noteWrapped)])
    merge(rows: row...row, columns: 0...lastColumn)
    let width = columnWidths().prefix(lastColumn + 1).reduce(0, +)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      max(1, Int((Double(displayWidth(String(line))) * 1.1 / max(width, 1)).rounded(.up)))
    }.reduce(0, +)
    if lines > 1 { rowHeights[row] = Double(lines) * 15 }
  }

  public init(name: String) { self.name = name }

  /// Appends a row and returns its (zero-based) index.
  @discardableResult
  public mutating func add(_ row: [XLSXCell]) -> Int {
    rows.append(row)
    return rows.count - 1
  }

  /// Merges a range; single cells are left alone.
  public mutating func merge(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
    guard rows.count > 1 || columns.count > 1 else { return }
    merges.append(XLSXRange(rows: rows, columns: columns))
  }

  var columnCount: Int { rows.map(\.count).max() ?? 0 }

  /// Column widths in Excel's character units: the widest cell, with CJK characters counted as two
  /// (as on a terminal), plus a little padding. Titles, notes and merged cells are not counted.
  public func columnWidths() -> [Double] {
    var widths = Array(repeating: 0, count: columnCount)
    for (r, row) in rows.enumerated() {
      for (c, cell) in row.enumerated() {
        let text: String
        switch cell {
        case .empty, .blank: continue
        case .text(let s, let style):
          if style == .title || style == .note || style == .noteWrapped { continue }
          text = s
        case .number(let x, let style), .formula(_, let x, let style): text = XLSXSheet.displayedNumber(x, style)
        }
        if merges.contains(where: { $0.contains(r, c) }) { continue }
        widths[c] = max(widths[c], text.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0)
      }
    }
    return widths.enumerated().map { c, w in fixedWidths[c] ?? min(80, max(6, Double(w) + 2.5)) }
  }

  /// About how a number shows under its style (for widths only).
  static func displayedNumber(_ x: Double, _ style: XLSXStyle) -> String {
    switch style {
    case .integer, .tableInteger, .tableIntegerLocked: return String(format: "%.0f", x)
    case .decimal2, .tableDecimal2, .tableDecimal2Locked: return String(format: "%.2f", x)
    case .percent1, .signedPercent1: return String(format: "+%.1f%%", x * 100)
    default: return xmlNumber(x)
    }
  }

  func xml(selected: Bool, strings: inout SharedStrings) -> String {
    let columns = columnCount
    var xml = xmlDeclaration
    xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
    if printLandscapeOnePageWide { xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# }
    let last = columns > 0 && !rows.isEmpty ? cellReference(rows.count - 1, columns - 1) : "A1"
    xml += #"<dimension ref="\#(last == "A1" ? "A1" : "A1:" + last)"/>"#
    xml += #"<sheetViews><sheetView workbookViewId="0"\#(selected ? #" tabSelected="1""# : "")>"#
    if frozenRows > 0 || frozenColumns > 0 {
      let topLeft = cellReference(frozenRows, frozenColumns)
      let pane = frozenRows > 0 && frozenColumns > 0 ? "bottomRight" : frozenRows > 0 ? "bottomLeft" : "topRight"
      xml += "<pane"
      if frozenColumns > 0 { xml += #" xSplit="\#(frozenColumns)""# }
      if frozenRows > 0 { xml += #" ySplit="\#(frozenRows)""# }
      xml += #" topLeftCell="\#(topLeft)" activePane="\#(pane)" state="frozen"/>"#
      xml += #"<selection pane="\#(pane)" activeCell="\#(topLeft)" sqref="\#(topLeft)"/>"#
    }
    xml += "</sheetView></sheetViews>"
    xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
    if columns > 0 {
      xml += "<cols>"
      for (c, width) in columnWidths().enumerated() {
        xml += #"<col min="\#(c + 1)" max="\#(c + 1)" width="\#(xmlNumber((width * 100).rounded() / 100))" customWidth="1"/>"#
      }
      xml += "</cols>"
    }
    xml += "<sheetData>"
    for (r, row) in rows.enumerated() {
      if let height = rowHeights[r] {
        xml += #"<row r="\#(r + 1)" ht="\#(xmlNumber(height))" customHeight="1">"#
      } else {
        xml += #"<row r="\#(r + 1)">"#
      }
      for (c, cell) in row.enumerated() {
        let ref = cellReference(r, c)
        switch cell {
        case .empty:
          continue
        case .blank(let style):
          xml += #"<c r="\#(ref)" s="\#(style.rawValue)"/>"#
        case .text(let s, let style):
          let index = strings.index(of: s)
          xml += #"<c r="\#(ref)"\#(style == .plain ? "" : #" s="\#(style.rawValue)""#) t="s"><v>\#(index)</v></c>"#
        case .number(let x, let style):
          guard x.isFinite else { continue }
          xml += #"<c r="\#(ref)"\#(style == .plain ? "" : #" s="\#(style.rawValue)""#)><v>\#(xmlNumber(x))</v></c>"#
        case .formula(let f, let x, let style):
          let cached = x.isFinite ? "<v>\(xmlNumber(x))</v>" : ""
          xml += #"<c r="\#(ref)"\#(style == .plain ? "" : #" s="\#(style.rawValue)""#)><f>\#(xmlEscape(f))</f>\#(cached)</c>"#
        }
      }
      xml += "</row>"
    }
    xml += "</sheetData>"
    if !merges.isEmpty {
      xml += #"<mergeCells count="\#(merges.count)">"# + merges.map { #"<mergeCell ref="\#($0.reference)"/>"# }.joined() + "</mergeCells>"
    }
    if printLandscapeOnePageWide {
      xml += #"<printOptions horizontalCentered="1"/>"#
      xml += #"<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>"#
      // paperSize 9 = A4; fitToHeight 0 = as many pages down as the rows need.
      xml += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
      xml += "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"
    } else {
      xml += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
    }
    return xml + "</worksheet>"
  }
}

/// The workbook's shared string table (xl/sharedStrings.xml), each distinct string once.
struct SharedStrings {
  private var indices: [String: Int] = [:]
  private var strings: [String] = []
  private var references = 0

  mutating func index(of s: String) -> Int {
    references += 1
    if let index = indices[s] { return index }
    indices[s] = strings.count
    strings.append(s)
    return strings.count - 1
  }

  func xml() -> String {
    var xml = xmlDeclaration
    xml += #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(references)" uniqueCount="\#(strings.count)">"#
    for s in strings {
      // Excel holds at most 32,767 characters in a cell.
      let text = s.count > 32_767 ? String(s.prefix(32_767)) : s
      let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
      xml += "<si><t\(preserve ? #" xml:space="preserve""# : "")>\(xmlEscape(text))</t></si>"
    }
    return xml + "</sst>"
  }
}

let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

/// "A1"-style reference of a zero-based row and column.
func cellReference(_ row: Int, _ column: Int) -> String { columnLetter(column) + String(row + 1) }


/// A number as an xsd:double, as short as round-trips: FenjieCore's `plainNumber` (whole numbers
/// without a fraction, others in Swift's shortest form, an exponent written `1e16` rather than
/// `1e+16`; xsd:double reads both).
func xmlNumber(_ x: Double) -> String { plainNumber(x) }
