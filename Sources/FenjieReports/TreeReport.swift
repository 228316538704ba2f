import FenjieCore
import FenjieText
import Foundation

/// A tree's allocation (市 → 区 → 街道): the top region's table of its children, then every
/// region's 分解表, each written by `AllocationReport`. `region` shows one table only.
///
/// JSON: `{"tables": [ … ]}`, each table in the allocation contract of `AllocationReport.json()` with
/// `"parent"` (the parent region's name, null at the top) after `"region"`; a parent table's value for
/// a child region equals that child table's `required_total` on every line.
public struct TreeReport: Sendable, TextReport {
  public var allocation: TreeAllocation
  public var explain: Bool
  public var purpose: String?
  /// Show only this region's table.
  public var region: String?
  public var width: Int? = standardTerminalWidth

  public init(_ allocation: TreeAllocation, explain: Bool = false, purpose: String? = nil, region: String? = nil) {
    self.allocation = allocation
    self.explain = explain
    self.purpose = purpose
    self.region = region
  }

  /// The tables shown, parents before children.
  public var shown: [RegionTable] {
    guard let region else { return allocation.tables }
    return allocation.tables.filter { $0.region == region }
  }

  func report(_ table: RegionTable) -> AllocationReport {
    var report = AllocationReport(
      table.result, explain: explain,
      purpose: [purpose, table.parent.map { Say.Tree.parentLabel($0).description }].compactMap { $0 }
        .joined(separator: "；"))
    report.width = width
    return report
  }

  /// The regions with a table below them: their target column is the region's own (市目标, 省目标),
  /// not a district's (区目标).
  var parents: Set<String> { Set(allocation.tables.compactMap(\.parent)) }

  /// `text` with the target column named after the region's level (无锡市 → 市目标).
  func relabel(_ text: String, _ table: RegionTable) -> String {
    guard parents.contains(table.region), let level = table.region.last, level != "区" else { return text }
    return text.replacingOccurrences(of: "区目标", with: "\(level)目标")
  }

  func consistency(_ table: RegionTable) -> String {
    table.parent.map { Say.Tree.consistencyNote($0).description } ?? ""
  }

  public func terminal() -> String {
    shown.map { table in
      var text = relabel(report(table).terminal(), table)
      if table.parent != nil { text += "  " + consistency(table) + "\n" }
      return text
    }.joined(separator: "\n")
  }

  public func markdown() -> String {
    shown.map { table in
      var text = relabel(report(table).markdown(), table)
      if table.parent != nil { text += "- " + consistency(table) + "\n" }
      return text
    }.joined(separator: "\n")
  }

  /// Each table's CSV under a row naming its region and parent, a blank row between tables.
  public func csv() -> String {
    let bom: Character = "\u{FEFF}"
    let text = shown.map { table in
      var named = TextTable(header: ["地区", "上级"], alignments: [.left, .left])
      named.add([table.region, table.parent ?? ""])
      return String(named.csv().drop { $0 == bom }) + relabel(String(report(table).csv().drop { $0 == bom }), table)
    }.joined(separator: "\r\n")
    // One byte-order mark, at the start (Excel reads it as UTF-8).
    return String(bom) + text
  }

  public func json() -> JSONValue {
    .object([("tables", .array(shown.map(tableJSON)))])
  }

  /// One table in the allocation contract with `"parent"` after `"region"`.
  func tableJSON(_ table: RegionTable) -> JSONValue {
    guard case .object(let pairs) = report(table).json() else { return .null }
    var out: [(String, JSONValue)] = []
    for pair in pairs {
      out.append(pair)
      if pair.0 == "region" { out.append(("parent", .str(table.parent))) }
    }
    return .object(out)
  }

  // MARK: Workbook

  /// One sheet per table: the top region's, then each region's 分解表, named by region.
  public func workbook() throws(XLSXError) -> Data {
    var sheets: [XLSXSheet] = []
    var used: Set<String> = []
    for table in shown {
      var sheet = report(table).tableSheet()
      sheet.rows = sheet.rows.map { row in
        row.map { cell in
          if case .text(let text, let style) = cell { return .text(relabel(text, table), style) }
          return cell
        }
      }
      var name = String(table.region.prefix(28))
      var n = 2
      while used.contains(name) {
        name = String(table.region.prefix(26)) + "_\(n)"
        n += 1
      }
      used.insert(name)
      sheet.name = name
      sheets.append(sheet)
    }
    let top = shown.first.map { report($0).title } ?? ""
    return try XLSXWorkbook(title: top, sheets: sheets).data()
  }

  // MARK: HTML

  /// One self-contained page: the top region's table, then a section per region below it, each with
  /// its notes (示例数据 where it is illustrative).
  public func html(version: String) -> String {
    let first = shown.first
    let title = first.map { report($0).title } ?? ""
    var out = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="fenjie \(xmlEscape(version))">
      <title>\(xmlEscape(title))</title>
      <style>
      \(HTMLReport.css)
      </style>
      </head>
      <body>

      """
    out += "<header><h1>\(xmlEscape(title))</h1>"
    if let purpose { out += "<p class=\"purpose\">\(xmlEscape(purpose))</p>" }
    out += "</header>\n"
    if allocation.usesIllustrativeData {
      out += "<div class=\"alert warn\">\(xmlEscape(Say.Common.illustrative.description)): "
        + "\(xmlEscape(Say.Tree.htmlIllustrative.description))</div>\n"
    }
    let regions = shown.filter { $0.parent != nil }
    if !regions.isEmpty && region == nil {
      out += "<nav><h2>\(xmlEscape(Say.Tree.htmlRegions.description))</h2><ul>"
      for table in regions { out += "<li><a href=\"#\(anchor(table.region))\">\(xmlEscape(table.region))</a></li>" }
      out += "</ul></nav>\n"
    }
    for table in shown {
      let r = report(table)
      out += "<section class=\"allocation\" id=\"\(anchor(table.region))\">\n<h2>\(xmlEscape(r.title))</h2>\n"
      out += "<p>\(xmlEscape(r.subtitle))</p>\n"
      var shownTable = r.table()
      shownTable.header = shownTable.header.map { relabel($0, table) }
      out += HTMLReport.htmlTable(shownTable, className: "allocation")
      out += "<ul class=\"notes\">"
      for line in r.footer(markdown: false).split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        out += "<li>\(xmlEscape(line.trimmingCharacters(in: .whitespaces)))</li>"
      }
      if table.parent != nil { out += "<li>\(xmlEscape(consistency(table)))</li>" }
      out += "</ul>\n</section>\n"
    }
    out += "<footer>fenjie \(xmlEscape(version))</footer>\n</body>\n</html>\n"
    return out
  }

  func anchor(_ region: String) -> String {
    "r" + region.unicodeScalars.map { String($0.value, radix: 16) }.joined()
  }
}
