import FenjieCore
import FenjieText

/// Reading one area table (附件2 shape): one row per indicator, one column per area. A table must
/// have a row for every indicator and a column for every area: a missing one is far more often a file
/// cut short or a column deleted by mistake than a line with no figures, which is written as a row of
/// "/" (no target) or of empty cells (not known).
struct AreaTableReading {
  let csv: CSVFile
  let spec: TableSpec
  let areas: [String]
  let indicators: [Indicator]
  var errors: [InputError] = []
  var idColumn: Int?
  var nameColumn: Int?
  var areaColumns: [(column: Int, area: String)] = []
  var values: [String: [String: AreaValue]] = [:]
  var rowOf: [String: Int] = [:]

  init(csv: CSVFile, spec: TableSpec, areas: [String], indicators: [Indicator]) {
    self.csv = csv
    self.spec = spec
    self.areas = areas
    self.indicators = indicators
  }

  mutating func fail(_ row: Int?, _ column: Int?, _ message: Message) {
    errors.append(csv.error(row: row, column: column, message))
  }

  /// The table, or nil with `errors` saying why.
  mutating func read() -> AreaTable? {
    guard readHeader() else { return nil }
    errors += csv.notesThatLookLikeLines(keyColumns: [idColumn, nameColumn].compactMap { $0 }) { [indicators] text in
      DatasetLoader.matchIndicator(text, indicators) != nil
    }
    for (r, row) in csv.rows.enumerated().dropFirst() where !row.isEmpty {
      if errors.count >= DatasetLoader.maximumErrorsPerFile {
        fail(r + 1, nil, Say.Input.stoppedAfter(errors.count))
        return nil
      }
      readRow(row, number: r + 1)
    }
    checkCompleteness()
    guard errors.isEmpty else { return nil }
    var table = AreaTable(
      year: spec.year, kind: spec.kind, fractionOfYear: spec.fractionOfYear,
      provenance: Provenance(source: spec.source, illustrative: spec.illustrative, file: DatasetLoader.display(spec.path)),
      values: values)
    table.rowOf = rowOf
    for (c, area) in areaColumns { table.columnOf[area] = csv.columnName(c) }
    return table
  }

  mutating func readHeader() -> Bool {
    let header = csv.rows[0]
    let normalised = header.map { NumberCell.normalise($0).lowercased() }
    idColumn = normalised.firstIndex { DatasetLoader.idHeaders.contains($0) }
    nameColumn = normalised.firstIndex { DatasetLoader.nameHeaders.contains($0) }
    let unitColumn = normalised.firstIndex { DatasetLoader.unitHeaders.contains($0) }
    guard idColumn != nil || nameColumn != nil else {
      fail(1, nil, Say.Input.needsNameColumn)
      return false
    }
    let known = DatasetLoader.idHeaders + DatasetLoader.nameHeaders + DatasetLoader.unitHeaders + DatasetLoader.actionHeaders
      + DatasetLoader.ignoredHeaders + DatasetLoader.totalHeaders
    for (c, raw) in header.enumerated() {
      let text = NumberCell.normalise(raw)
      if [idColumn, nameColumn, unitColumn].contains(c) || known.contains(text.lowercased()) { continue }
      readAreaHeader(text, column: c)
    }
    return true
  }

  mutating func readAreaHeader(_ text: String, column c: Int) {
    if text.isEmpty {
      fail(1, c, Say.Input.columnWithoutHeader)
      return
    }
    if let problem = DatasetLoader.nameProblem(text, what: Say.Input.aColumnHeader) {
      fail(1, c, problem)
      return
    }
    guard let area = DatasetLoader.matchArea(text, areas) else {
      fail(1, c, Say.Input.notAnArea(Say.Input.quoted(text), suggestion: suggestion(text, areas), areas: areas))
      return
    }
    if let previous = areaColumns.first(where: { $0.area == area }) {
      fail(1, c, Say.Input.areaTwice(area, alsoColumn: columnLetter(previous.column)))
      return
    }
    areaColumns.append((c, area))
  }

  /// A name written with its unit, as 附件2 prints it ("新增科技型企业(家)", full-width brackets too):
  /// the indicator without the unit, and the unit written where it is not the line's own.
  func matchWithUnit(_ text: String) -> (indicator: Indicator, unit: String?)? {
    guard let (name, unit) = DatasetLoader.splitUnit(text), let indicator = DatasetLoader.matchIndicator(name, indicators) else {
      return nil
    }
    return (indicator, NumberCell.normalise(unit) == NumberCell.normalise(indicator.areaUnit) ? nil : unit)
  }

  mutating func readRow(_ row: [String], number r: Int) {
    func cell(_ c: Int?) -> String { c.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
    let key = cell(idColumn).isEmpty ? cell(nameColumn) : cell(idColumn)
    let keyColumn = cell(idColumn).isEmpty ? (nameColumn ?? idColumn) : idColumn
    if key.isEmpty && row.allSatisfy({ $0.isEmpty }) { return }
    if DatasetLoader.totalHeaders.contains(NumberCell.normalise(key).lowercased()) { return }
    if let problem = DatasetLoader.nameProblem(key, what: Say.Input.anIndicator, allowingSpaces: true) {
      fail(r, keyColumn, problem)
      return
    }
    let exact = DatasetLoader.matchIndicator(key, indicators) ?? DatasetLoader.matchIndicator(cell(nameColumn), indicators)
    let withUnit = exact == nil ? matchWithUnit(key) : nil
    if let withUnit, withUnit.unit != nil {
      fail(r, keyColumn, Say.Input.unitDiffers(withUnit.indicator.name, unit: withUnit.indicator.areaUnit, rowUnit: withUnit.unit!))
      return
    }
    guard let indicator = exact ?? withUnit?.indicator else {
      let names = indicators.flatMap { [$0.id, $0.name] + $0.aliases }
      fail(r, keyColumn, Say.Input.notAnIndicator(Say.Input.quoted(key), suggestion: suggestion(key, names)))
      return
    }
    if let previous = rowOf[indicator.id] {
      fail(r, keyColumn, Say.Input.lineTwice(indicator.name, alsoRow: previous))
      return
    }
    var line: [String: AreaValue] = [:]
    for (c, area) in areaColumns {
      if let value = readCell(cell(c), indicator, row: r, column: c) { line[area] = value }
    }
    values[indicator.id] = line
    rowOf[indicator.id] = r - 1 + csv.firstRow
  }

  mutating func readCell(_ text: String, _ indicator: Indicator, row r: Int, column c: Int) -> AreaValue? {
    switch NumberCell.parse(text, unit: indicator.areaUnit) {
    case .value(let v):
      if v < 0 && indicator.kind != .rate {
        fail(r, c, Say.Input.cannotBeNegative(indicator.name, text))
      } else if abs(v) > 1e9 {
        fail(r, c, Say.Input.implausiblyLarge(text))
      } else if indicator.kind.isWhole && v.rounded() != v {
        fail(r, c, Say.Input.notWhole(indicator.name, kind: indicator.kind.rawValue, text))
      } else {
        return .value(v)
      }
      return nil
    case .notApplicable: return .notApplicable
    case .blank: return .unknown
    case .invalid(let why):
      fail(r, c, why)
      return nil
    }
  }

  /// Every indicator has a row and every area a column.
  mutating func checkCompleteness() {
    guard errors.isEmpty else { return }
    let missingLines = indicators.filter { values[$0.id] == nil }
    if !missingLines.isEmpty {
      let names = missingLines.prefix(5).map(\.areaName).joined(separator: "、") + (missingLines.count > 5 ? "、…" : "")
      fail(nil, nil, Say.Input.missingRows(missingLines.count, of: indicators.count, names: names, afterRow: csv.rows.count))
    }
    let missingAreas = areas.filter { area in !areaColumns.contains { $0.area == area } }
    if !missingAreas.isEmpty {
      fail(1, nil, Say.Input.missingColumns(missingAreas))
    }
  }
}
