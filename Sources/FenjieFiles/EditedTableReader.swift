import FenjieCore
import FenjiePlanning
import Foundation

/// Reads a 分解表 the planner edited (`--from EDITED.xlsx`): fenjie's own 分解表 sheet, or that sheet
/// saved as CSV by Excel or WPS. The title rows above the header are skipped; the header is the row
/// with 指标 and the area names; a line is a row whose 指标 cell names a line of the dataset (its ✗
/// or ~ mark, if pasted, ignored); 合计, 区目标 and 状态 are not read; the notes under the table end
/// it. Every cell is read exactly or refused with its place (`分解表!F12`).
public enum EditedTableReader {
  public static func read(_ path: String, dataset: Dataset) throws(InputError) -> EditedTable {
    let name = DatasetLoader.display(path)
    let grid: [[String]]
    let sheet: String?
    var uncalculated: Set<[Int]> = []
    if path.lowercased().hasSuffix(".xlsx") {
      let first = try XLSXReader.read(path, displayName: name)
      let table = first.sheet == "分解表" ? first : ((try? XLSXReader.read(path, sheet: "分解表", displayName: name)) ?? first)
      grid = table.rows
      sheet = table.sheet
      uncalculated = table.uncalculated
    } else {
      do { grid = try CSVFile.read(path, displayName: name).rows } catch {
        throw error.errors.first ?? InputError(file: name, "cannot be read")
      }
      sheet = nil
    }
    return try parse(grid, sheet: sheet, uncalculated: uncalculated, file: name, dataset: dataset)
  }

  static func parse(
    _ grid: [[String]], sheet: String?, uncalculated: Set<[Int]> = [], file: String, dataset: Dataset
  ) throws(InputError) -> EditedTable {
    func place(_ row: Int, _ column: Int) -> String {
      sheet.map { "\($0)!\(columnLetter(column))\(row + 1)" } ?? "row \(row + 1), column \(columnLetter(column))"
    }
    guard let headerRow = grid.firstIndex(where: { row in
      row.contains("指标") && row.contains { DatasetLoader.matchArea($0, dataset.areas) != nil }
    }) else {
      throw InputError(file: file, "has no header row with 指标 and the area names (\(dataset.areas.prefix(3).joined(separator: "、"))…); is this a 分解表 fenjie wrote?")
    }
    let header = grid[headerRow]
    let nameColumn = header.firstIndex(of: "指标")!
    var areaColumns: [(column: Int, area: String)] = []
    for (c, text) in header.enumerated() where c != nameColumn {
      guard let area = DatasetLoader.matchArea(text, dataset.areas), text == area else { continue }
      guard !areaColumns.contains(where: { $0.area == area }) else {
        throw InputError(file: file, "\(place(headerRow, c)): \(area) is a column twice")
      }
      areaColumns.append((c, area))
    }
    let split = dataset.indicators.filter { $0.kind.isSplit }
    var values: [String: [String: Double?]] = [:]
    var places: [String: [String: String]] = [:]
    for r in (headerRow + 1)..<grid.count {
      let row = grid[r]
      let raw = nameColumn < row.count ? row[nameColumn] : ""
      if raw.isEmpty && row.allSatisfy(\.isEmpty) { break }  // the blank row above the notes
      var label = raw.trimmingCharacters(in: .whitespaces)
      for mark in [" ✗", " ~", "✗", "~"] where label.hasSuffix(mark) { label = String(label.dropLast(mark.count)) }
      if label.isEmpty { continue }
      guard let indicator = split.first(where: { $0.areaName == label }) ?? DatasetLoader.matchIndicator(label, split) else {
        if dataset.indicators.contains(where: { $0.name == label }) { continue }  // a rate: not split
        throw InputError(file: file, "\(place(r, nameColumn)): \"\(label.prefix(60))\" is not a line of this dataset")
      }
      guard values[indicator.id] == nil else {
        throw InputError(file: file, "\(place(r, nameColumn)): \(indicator.areaName) appears twice")
      }
      var cells: [String: Double?] = [:]
      var where_: [String: String] = [:]
      for (c, area) in areaColumns {
        let text = c < row.count ? row[c] : ""
        where_[area] = place(r, c)
        if uncalculated.contains([r, c]) {
          throw InputError(file: file, "\(place(r, c)): the formula has no saved value; open the workbook in Excel or WPS and save it (so the values are calculated), or type the number")
        }
        switch NumberCell.parse(text, unit: indicator.areaUnit) {
        case .value(let v) where v >= 0: cells[area] = v
        case .blank, .notApplicable: cells[area] = .some(nil)
        case .value: throw InputError(file: file, "\(place(r, c)): \(text) for \(area) on \(indicator.areaName) is negative")
        case .invalid(let why): throw InputError(file: file, "\(place(r, c)): \(why) (\(area), \(indicator.areaName))")
        }
      }
      values[indicator.id] = cells
      places[indicator.id] = where_
    }
    guard !values.isEmpty else { throw InputError(file: file, "has a header but no line of this dataset under it") }
    return EditedTable(values: values, places: places, file: file)
  }
}
