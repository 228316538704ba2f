import FenjieCore
import FenjieText
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
  func valueCell(_ indicator: Indicator, _ v: Double?, bordered: Bool = false) -> XLSXCell {
    guard let v, v.isFinite else { return .empty }
    switch indicator.kind {
    case .count, .stock: return .number(v.rounded(), bordered ? .tableInteger : .integer)
    case .rate: return .number(v, bordered ? .tableGeneral : .general)
    default: return .number((v * 100).rounded() / 100, bordered ? .tableDecimal2 : .decimal2)
    }
  }

  /// The footer's notes and sources, one per line.
  var footerLines: [String] {
    footer(markdown: false).split(separator: "\n").map { line in
      line.hasPrefix("  ") ? String(line.dropFirst(2)) : String(line)
    }
  }

  /// The rule as the 分解表's subtitle says it.
  var ruleName: String { Say.Allocation.ruleName(result.rule.rawValue).text() }

  /// The workbook's subtitle: the scenario's purpose, the rule, the confidence level, the 示例数据
  /// label.
  var workbookSubtitle: String {
    var parts = subtitleParts
    if result.usesIllustrativeData { parts.append(Say.Allocation.illustrativeSubtitle.text()) }
    return Say.Allocation.subtitle(parts).text()
  }

  /// 行动名称 (merged over its lines), 指标, 单位, one column per area, 合计 (a `SUM` of the areas, so
  /// an edited cell updates it), 区目标, 状态 (✗ cannot be met as set, ~ not proven optimal); "/" where
  /// not applicable; borders on the table; the notes and sources under it. Prints on A4 landscape,
  /// one page wide, with the title and header rows on every page.
  func tableSheet() -> XLSXSheet {
    var sheet = XLSXSheet(name: "分解表")
    let header = ["行动名称", "指标", "单位"] + result.areas + ["合计", "区目标", "状态"]
    let lastColumn = header.count - 1
    let titleRow = sheet.add([.text(title, .title)])
    sheet.merge(rows: titleRow...titleRow, columns: 0...lastColumn)
    let subtitleRow = sheet.add([.text(workbookSubtitle, .note)])
    sheet.merge(rows: subtitleRow...subtitleRow, columns: 0...lastColumn)
    sheet.add(header.map { .text($0, .header) })
    sheet.frozenRows = sheet.rows.count
    sheet.frozenColumns = 3
    sheet.fixedWidths[0] = 14
    sheet.printLandscapeOnePageWide = true
    sheet.printTitleRows = 0...(sheet.rows.count - 1)

    var group: (action: String, first: Int)? = nil
    func closeGroup(before row: Int) {
      if let group, !group.action.isEmpty { sheet.merge(rows: group.first...(row - 1), columns: 0...0) }
    }
    let firstArea = 3
    let lastArea = firstArea + result.areas.count - 1
    for line in result.indicators {
      let row = sheet.rows.count
      let action = line.indicator.action
      var first: XLSXCell = .blank(.tableGroup)
      if group?.action != action {
        closeGroup(before: row)
        group = (action, row)
        if !action.isEmpty { first = .text(action, .tableGroup) }
      }
      var cells: [XLSXCell] = [first, .text(line.indicator.areaName, .tableText), .text(line.indicator.areaUnit, .tableCentered)]
      for area in result.areas {
        if let v = line.areas[area]?.value {
          var cell = valueCell(line.indicator, v, bordered: true)
          if line.areas[area]?.locked == true, case .number(let x, let style) = cell {
            cell = .number(x, style == .tableInteger ? .tableIntegerLocked : style == .tableDecimal2 ? .tableDecimal2Locked : style)
          }
          cells.append(cell)
        } else {
          cells.append(.text("/", .tableCentered))
        }
      }
      if line.status != .notSplit, let total = line.allocatedTotal, !result.areas.isEmpty,
        case .number(let cached, let style) = valueCell(line.indicator, total, bordered: true)
      {
        let sum = "SUM(\(cellReference(row, firstArea)):\(cellReference(row, lastArea)))"
        cells.append(.formula(sum, cached: cached, style))
      } else {
        cells.append(.blank(.tableText))
      }
      cells.append(line.districtTarget.map { valueCell(line.indicator, $0, bordered: true) } ?? .blank(.tableText))
      let status = line.status == .infeasible ? "✗" : line.status == .feasible ? "~" : ""
      cells.append(status.isEmpty ? .blank(.tableCentered) : .text(status, .tableCentered))
      sheet.add(cells)
    }
    closeGroup(before: sheet.rows.count)

    sheet.add([])
    if result.indicators.contains(where: { $0.areas.values.contains { $0.locked } }) {
      sheet.addWrappedNote(Say.Allocation.lockedCellsNote.text(), lastColumn: lastColumn)
    }
    for note in footerLines { sheet.addWrappedNote(note, lastColumn: lastColumn) }
    return sheet
  }

  /// For every split line: its summary (required total, the rule's level, the marginal cost, where
  /// the baselines came from), then one row per area as in `explanation(_:)`.
  func explanationSheet() -> XLSXSheet {
    var sheet = XLSXSheet(name: "分解说明")
    let header = ["指标", "单位", "街道", "基数", "下限", "上限", "目标", "锁定", "增长", "余量使用", "约束"]
    let titleRow = sheet.add([.text(Say.Allocation.explanationTitle(title).text(), .title)])
    sheet.merge(rows: titleRow...titleRow, columns: 0...(header.count - 1))
    if result.usesIllustrativeData {
      let noteRow = sheet.add([.text(Say.Allocation.illustrativeNote.text(), .note)])
      sheet.merge(rows: noteRow...noteRow, columns: 0...(header.count - 1))
    }
    sheet.add(header.map { .text($0, .header) })
    sheet.frozenRows = sheet.rows.count
    sheet.frozenColumns = 3
    for line in result.indicators where line.status != .notSplit && line.requiredTotal != nil {
      sheet.add([.text("\(line.indicator.areaName)（\(line.indicator.areaUnit)）\(Language.current == .chinese ? "：" : ": ")\(explainLine(line))", .note)])
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
    let header = ["指标", Say.Allocation.marginHeader.text(), "P(合计 ≥ 区目标)", "95% 下限", "95% 上限", "说明"]
    let titleRow = sheet.add([.text(Say.Allocation.marginsTitle(title, String(percent(confidence.level).dropFirst())).text(), .title)])
    sheet.merge(rows: titleRow...titleRow, columns: 0...(header.count - 1))
    if result.usesIllustrativeData {
      let noteRow = sheet.add([.text(Say.Allocation.illustrativeNote.text(), .note)])
      sheet.merge(rows: noteRow...noteRow, columns: 0...(header.count - 1))
    }
    sheet.add(header.map { .text($0, .header) })
    sheet.frozenRows = sheet.rows.count
    sheet.frozenColumns = 1
    for line in confidence.lines {
      let remark = !line.reached ? Say.Allocation.notReachedRemark.text() : line.alreadySafe ? Say.Allocation.alreadySafeRemark.text() : ""
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
