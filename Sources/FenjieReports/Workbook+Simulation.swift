import FenjieText
import FenjieSimulation
import Foundation

/// The odds of hitting the goals as an Excel workbook: one sheet per goal (the rows of `goalTable()`)
/// and one of each street's odds (`streetTable()`), probabilities as numbers formatted "0.0%".
extension SimulationReport {
  /// The .xlsx file's bytes (`--format xlsx`).
  public func workbook() throws(XLSXError) -> Data {
    try xlsxWorkbook().data()
  }

  public func xlsxWorkbook() -> XLSXWorkbook {
    XLSXWorkbook(title: title, sheets: [goalSheet(), streetSheet()])
  }

  func amountCell(_ kind: SimKind, _ v: Double) -> XLSXCell {
    guard v.isFinite else { return .empty }
    return .number(v, kind.isWhole ? .integer : .decimal2)
  }

  /// Goals riskiest first, then the odds of hitting all goals (and each group's) at once, then the notes.
  func goalSheet() -> XLSXSheet {
    var sheet = XLSXSheet(name: "达成概率")
    let header = [
      "指标", "目标", Say.Report.unitHeader, "目标值", "已完成", "P(达成)", "95% 下限", "95% 上限", "P10", "P50", "P90", "期望缺口", "缺口主要来自",
    ]
    let titleRow = sheet.add([.text(title, .title)])
    sheet.merge(rows: titleRow...titleRow, columns: 0...(header.count - 1))
    let runRow = sheet.add([.text(runLine, .note)])
    sheet.merge(rows: runRow...runRow, columns: 0...(header.count - 1))
    if setup.usesIllustrativeData {
      let noteRow = sheet.add([.text(Say.Report.sheetIllustrative.text(), .note)])
      sheet.merge(rows: noteRow...noteRow, columns: 0...(header.count - 1))
    }
    sheet.add(header.map { .text($0, .header) })
    sheet.frozenRows = sheet.rows.count
    sheet.frozenColumns = 1
    sheet.printLandscapeOnePageWide = true
    sheet.printTitleRows = 0...(sheet.rows.count - 1)
    for goal in goalsByRisk {
      let indicator = indicators[goal.indicatorIndex]
      let known = indicator.goals.first { $0.type == goal.type }?.delivered(indicator) ?? 0
      let streets = riskiestStreets(goal)
      sheet.add([
        .text(indicator.name), .text(goalLabel(goal.type), .centered),
        .text(units[indicator.id] ?? "", .centered),
        amountCell(indicator.kind, goal.target), known > 0 ? amountCell(indicator.kind, known) : .empty,
        .number(goal.pHit, .percent1), .number(goal.ci95.lower, .percent1), .number(goal.ci95.upper, .percent1),
        amountCell(indicator.kind, goal.p10), amountCell(indicator.kind, goal.p50), amountCell(indicator.kind, goal.p90),
        amountCell(indicator.kind, goal.expectedShortfall), streets.isEmpty ? .empty : .text(streets),
      ])
    }

    sheet.add([])
    sheet.add(["同时达成", "目标数", "P(全部达成)", "95% 下限", "95% 上限"].map { .text($0, .header) })
    sheet.add([
      .text(Say.Report.allGoalsRow.text()), .number(Double(result.all.goals), .integer), .number(result.all.pAll, .percent1),
      .number(result.all.ci95.lower, .percent1), .number(result.all.ci95.upper, .percent1),
    ])
    for group in result.groups {
      sheet.add([
        .text(group.group), .number(Double(group.odds.goals), .integer), .number(group.odds.pAll, .percent1),
        .number(group.odds.ci95.lower, .percent1), .number(group.odds.ci95.upper, .percent1),
      ])
    }

    sheet.add([])
    for note in notes { sheet.add([.text(note, .note)]) }
    return sheet
  }

  /// Indicators × streets: each street's odds of meeting its own goal-year target; "/" where it has none.
  func streetSheet() -> XLSXSheet {
    var sheet = XLSXSheet(name: "街道达成概率")
    let header = ["指标"] + setup.input.areas
    let titleRow = sheet.add([
      .text(Say.Report.streetOddsSheetTitle(setup.region, result.goalYear, illustrative: setup.usesIllustrativeData).text(), .title)
    ])
    sheet.merge(rows: titleRow...titleRow, columns: 0...(header.count - 1))
    if setup.usesIllustrativeData {
      let noteRow = sheet.add([.text(Say.Report.sheetIllustrative.text(), .note)])
      sheet.merge(rows: noteRow...noteRow, columns: 0...(header.count - 1))
    }
    sheet.add(header.map { .text($0, .header) })
    sheet.frozenRows = sheet.rows.count
    sheet.frozenColumns = 1
    sheet.printLandscapeOnePageWide = true
    sheet.printTitleRows = 0...(sheet.rows.count - 1)
    for streets in result.indicators {
      var row: [XLSXCell] = [.text(indicators[streets.indicatorIndex].name)]
      for (index, _) in setup.input.areas.enumerated() {
        row.append(streets.streets.first { $0.areaIndex == index }.map { .number($0.pMeetTarget, .percent1) } ?? .text("/", .centered))
      }
      sheet.add(row)
    }
    return sheet
  }
}
