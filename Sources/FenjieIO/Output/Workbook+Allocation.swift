import FenjieCore
import Foundation

/// The 分解表 as an Excel workbook laid out like 附件2, with the per-street explanation beside it.
extension AllocationReport {
  /// The .xlsx file's bytes (`--format xlsx`).
  public func workbook() throws(XLSXError) -> Data {
    try xlsxWorkbook().data()
  }

  /// The workbook's sheets: 分解表; 分解说明 (every split line's baseline, floor, cap, target, growth,
  /// headroom used and binding constraint, as `explanation(_:)`); 置信度余量 with `--confidence`.
  public func xlsxWorkbook() -> XLSXWorkbook {
    var sheets = [tableSheet(), explanationSheet()]
    if let margins = confidenceSheet() { sheets.append(margins) }
    return XLSXWorkbook(title: title, sheets: sheets)
  }

  /// A table value as a cell: the number as the terminal shows it (counts whole, rates as published,
  /// everything else to two decimals) with the matching number format.
  func valueCell(_ indicator: Indicator, _ v: Double?) -> XLSXCell {
    guard let v, v.isFinite else { return .empty }
    switch indicator.kind {
    case .count, .stock: return .number(v.rounded(), .integer)
    case .rate: return .number(v, .general)
    default: return .number((v * 100).rounded() / 100, .decimal2)
    }
  }

  /// The footer's notes and sources, one per line.
  var footerLines: [String] {
    footer(markdown: false).split(separator: "\n").map { line in
      line.hasPrefix("  ") ? String(line.dropFirst(2)) : String(line)
    }
  }

  /// 行动名称 (merged over its lines), 指标, 单位, one column per area, 合计, 区目标; "/" where not
  /// applicable; the notes and sources under the table.
  func tableSheet() -> XLSXSheet {
    var sheet = XLSXSheet(name: "分解表")
    let header = ["行动名称", "指标", "单位"] + result.areas + ["合计", "区目标"]
    let lastColumn = header.count - 1
    let titleRow = sheet.add([.text(title, .title)])
    sheet.merge(rows: titleRow...titleRow, columns: 0...lastColumn)
    let subtitleRow = sheet.add([.text(subtitle, .note)])
    sheet.merge(rows: subtitleRow...subtitleRow, columns: 0...lastColumn)
    sheet.add(header.map { .text($0, .header) })
    sheet.frozenRows = sheet.rows.count
    sheet.frozenColumns = 3
    sheet.fixedWidths[0] = 14

    var group: (action: String, first: Int)? = nil
    func closeGroup(before row: Int) {
      if let group, !group.action.isEmpty { sheet.merge(rows: group.first...(row - 1), columns: 0...0) }
    }
    for line in result.indicators {
      let row = sheet.rows.count
      let action = line.indicator.action
      var first: XLSXCell = .empty
      if group?.action != action {
        closeGroup(before: row)
        group = (action, row)
        if !action.isEmpty { first = .text(action, .group) }
      }
      let mark = line.status == .infeasible ? " ✗" : line.status == .feasible ? " ~" : ""
      var cells: [XLSXCell] = [first, .text(line.indicator.areaName + mark), .text(line.indicator.areaUnit, .centered)]
      for area in result.areas {
        if let v = line.areas[area]?.value {
          cells.append(valueCell(line.indicator, v))
        } else {
          cells.append(.text("/", .centered))
        }
      }
      cells.append(line.status == .notSplit ? .empty : valueCell(line.indicator, line.allocatedTotal))
      cells.append(valueCell(line.indicator, line.districtTarget))
      sheet.add(cells)
    }
    closeGroup(before: sheet.rows.count)

    sheet.add([])
    for note in footerLines { sheet.add([.text(note, .note)]) }
    return sheet
  }

  /// For every split line: its summary (required total, the rule's level, the marginal cost, where
  /// the baselines came from), then one row per area as in `explanation(_:)`.
  func explanationSheet() -> XLSXSheet {
    var sheet = XLSXSheet(name: "分解说明")
    let header = ["指标", "单位", "街道", "基数", "下限", "上限", "目标", "锁定", "增长", "余量使用", "约束"]
    let titleRow = sheet.add([.text("\(title) · 分解说明", .title)])
    sheet.merge(rows: titleRow...titleRow, columns: 0...(header.count - 1))
    sheet.add(header.map { .text($0, .header) })
    sheet.frozenRows = sheet.rows.count
    sheet.frozenColumns = 3
    for line in result.indicators where line.status != .notSplit && line.requiredTotal != nil {
      sheet.add([.text("\(line.indicator.areaName)（\(line.indicator.areaUnit)）: \(explainLine(line))", .note)])
      let name = XLSXCell.text(line.indicator.areaName, .bold)
      let unit = XLSXCell.text(line.indicator.areaUnit, .centered)
      for area in result.areas {
        guard let cell = line.areas[area], let target = cell.value else {
          sheet.add([name, unit, .text(area), .empty, .empty, .empty, .text("/", .centered)])
          continue
        }
        sheet.add([
          name, unit, .text(area),
          valueCell(line.indicator, cell.baseline), valueCell(line.indicator, cell.floor),
          valueCell(line.indicator, cell.cap), valueCell(line.indicator, target),
          cell.locked ? .text("🔒", .centered) : .empty,
          .optional(cell.growth.flatMap { $0.isFinite ? $0 : nil }, .signedPercent1),
          .optional(cell.headroomUsed.flatMap { $0.isFinite ? $0 : nil }, .signedPercent1),
          cell.binding.map { .text(label($0)) } ?? .empty,
        ])
      }
    }
    return sheet
  }

  /// The margins chosen for `--confidence` and the odds the independent check gives them.
  func confidenceSheet() -> XLSXSheet? {
    guard let confidence else { return nil }
    var sheet = XLSXSheet(name: "置信度余量")
    let header = ["指标", "margin", "P(合计 ≥ 区目标)", "95% 下限", "95% 上限", "说明"]
    let titleRow = sheet.add([.text("\(title) · margins for \(percent(confidence.level).dropFirst()) confidence", .title)])
    sheet.merge(rows: titleRow...titleRow, columns: 0...(header.count - 1))
    sheet.add(header.map { .text($0, .header) })
    sheet.frozenRows = sheet.rows.count
    sheet.frozenColumns = 1
    for line in confidence.lines {
      let remark = !line.reached ? "level not reached at +300%" : line.alreadySafe ? "already safe with no margin" : ""
      sheet.add([
        .text(line.name), .number(line.margin, .signedPercent1), .number(line.probability, .percent1),
        .number(line.interval.lower, .percent1), .number(line.interval.upper, .percent1), remark.isEmpty ? .empty : .text(remark),
      ])
    }
    sheet.add([])
    sheet.add([.text(confidenceNote, .note)])
    return sheet
  }
}
