import FenjieCore
import FenjiePlanning
import FenjieText
import Foundation

/// Reads a 分解表 the planner edited (`--from EDITED.xlsx`): fenjie's own 分解表 sheet, or that sheet
/// saved as CSV by Excel or WPS. The title rows above the header are skipped; the header is the row
/// with 指标 and the area names; a line is a row whose 指标 cell names a line of the dataset (its ✗
/// or ~ mark, if pasted, ignored); 合计, 区目标 and 状态 are not read; the notes under the table end
/// it. Every cell is read exactly or refused with its place (`分解表!F12`); the table is read as
/// every other table is (`CSVFile`: a sheet's cells merged across columns are refused).
public enum EditedTableReader {
  /// The sheet fenjie's workbook gives the 分解表; a workbook whose first sheet is another is read
  /// from this one when it has it.
  static let tableSheet = "分解表"

  public static func read(_ path: String, dataset: Dataset) throws(InputError) -> EditedTable {
    let name = DatasetLoader.display(path)
    let file: CSVFile
    do {
      let first = try CSVFile.read(path, displayName: name)
      if let sheet = first.sheet, sheet != tableSheet, let table = try? CSVFile.read(path, displayName: name, sheet: tableSheet) {
        file = table
      } else {
        file = first
      }
    } catch {
      guard path.lowercased().hasSuffix(".xlsx"), let table = try? CSVFile.read(path, displayName: name, sheet: tableSheet) else {
        throw error.errors.first ?? InputError(file: name, Say.EditedTable.cannotRead)
      }
      file = table
    }
    return try parse(file, dataset: dataset)
  }

  /// The lines of `file` (a table read as CSV or from a sheet: title rows above and notes below
  /// already cut, cells merged across refused): every cell read exactly or refused with its place.
  static func parse(_ file: CSVFile, dataset: Dataset) throws(InputError) -> EditedTable {
    let grid = file.rows
    guard let headerRow = grid.firstIndex(where: { row in
      row.contains("指标") && row.contains { DatasetLoader.matchArea($0, dataset.areas) != nil }
    }) else {
      throw InputError(file: file.path, Say.EditedTable.noHeader(dataset.areas.prefix(3).joined(separator: "、")))
    }
    /// `file.error` counts rows from 1 at `rows[0]`.
    func error(_ row: Int, _ column: Int, _ message: Message) -> InputError {
      file.error(row: row + 1, column: column, message)
    }
    let header = grid[headerRow]
    let nameColumn = header.firstIndex(of: "指标")!
    var areaColumns: [(column: Int, area: String)] = []
    for (c, text) in header.enumerated() where c != nameColumn {
      guard let area = DatasetLoader.matchArea(text, dataset.areas), text == area else { continue }
      guard !areaColumns.contains(where: { $0.area == area }) else { throw error(headerRow, c, Say.EditedTable.areaTwice(area)) }
      areaColumns.append((c, area))
    }
    let split = dataset.indicators.filter { $0.kind.isSplit }
    var values: [String: [String: Double?]] = [:]
    var places: [String: [String: String]] = [:]
    for r in (headerRow + 1)..<grid.count {
      let row = grid[r]
      let raw = nameColumn < row.count ? row[nameColumn] : ""
      if raw.isEmpty && row.allSatisfy(\.isEmpty) { break }  // a blank row ends the table
      var label = raw.trimmingCharacters(in: .whitespaces)
      for mark in [" ✗", " ~", "✗", "~"] where label.hasSuffix(mark) { label = String(label.dropLast(mark.count)) }
      if label.isEmpty { continue }
      guard let indicator = split.first(where: { $0.areaName == label }) ?? DatasetLoader.matchIndicator(label, split) else {
        if dataset.indicators.contains(where: { $0.name == label }) { continue }  // a rate: not split
        throw error(r, nameColumn, Say.EditedTable.notALine(String(label.prefix(60))))
      }
      guard values[indicator.id] == nil else { throw error(r, nameColumn, Say.EditedTable.lineTwice(indicator.areaName)) }
      var cells: [String: Double?] = [:]
      var where_: [String: String] = [:]
      for (c, area) in areaColumns {
        let text = c < row.count ? row[c] : ""
        where_[area] = file.sheet.map { "\($0)!\(columnLetter(c))\(r + file.firstRow)" } ?? "\(Say.Common.row(r + file.firstRow)), \(columnLetter(c))"
        if file.uncalculated.contains([r, c]) { throw error(r, c, Say.EditedTable.uncalculated) }
        switch NumberCell.parse(text, unit: indicator.areaUnit) {
        case .value(let v) where v >= 0: cells[area] = v
        case .blank, .notApplicable: cells[area] = .some(nil)
        case .value: throw error(r, c, Say.EditedTable.negative(text, area: area, line: indicator.areaName))
        case .invalid(let why): throw error(r, c, Say.EditedTable.invalid(why, area: area, line: indicator.areaName))
        }
      }
      values[indicator.id] = cells
      places[indicator.id] = where_
    }
    guard !values.isEmpty else { throw InputError(file: file.path, Say.EditedTable.noLines) }
    return EditedTable(values: values, places: places, file: file.path)
  }
}
