import FenjieCore
import FenjieText

/// Reading the district targets (附件1 shape): one row per indicator with its kind, unit, parent and
/// aliases, one column per year, and the three-year goal.
struct TargetsReading {
  struct Columns {
    var id: Int?
    var name: Int?
    var unit: Int?
    var action: Int?
    var kind: Int?
    var parent: Int?
    var aliases: Int?
    var threeYear: Int?
    var years: [(column: Int, year: Int)] = []
  }

  let csv: CSVFile
  let shares: [String: DatasetLoader.ShareInfo]
  var errors: [InputError] = []
  var indicators: [Indicator] = []
  var targets: [String: [Int: Double]] = [:]
  var threeYear: [String: Double] = [:]
  /// Each indicator's row, and which row first used each name (normalised), for duplicates.
  var rowOf: [String: Int] = [:]
  var nameOwner: [String: (id: String, row: Int)] = [:]
  var parents: [(index: Int, parent: String, row: Int)] = []

  init(csv: CSVFile, shares: [String: DatasetLoader.ShareInfo]) {
    self.csv = csv
    self.shares = shares
  }

  mutating func fail(_ row: Int?, _ column: Int?, _ message: Message) {
    errors.append(csv.error(row: row, column: column, message))
  }

  mutating func read() {
    guard let columns = readHeader() else { return }
    errors += csv.notesThatLookLikeLines(keyColumns: [columns.id, columns.name].compactMap { $0 })
    for (r, row) in csv.rows.enumerated().dropFirst() where !row.isEmpty {
      if errors.count >= DatasetLoader.maximumErrorsPerFile {
        fail(r + 1, nil, Say.Input.stoppedAfter(errors.count))
        return
      }
      readRow(row, number: r + 1, columns)
    }
    resolveParents()
  }

  mutating func readHeader() -> Columns? {
    let header = csv.rows[0].map { NumberCell.normalise($0).lowercased() }
    func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
    var columns = Columns(
      id: column(DatasetLoader.idHeaders), name: column(DatasetLoader.nameHeaders), unit: column(DatasetLoader.unitHeaders),
      action: column(DatasetLoader.actionHeaders), kind: column(["kind", "类型"]), parent: column(["parent", "上级"]),
      aliases: column(["aliases", "别名"]), threeYear: column(DatasetLoader.threeYearHeaders))
    for (index, text) in header.enumerated() {
      let digits = text.replacingOccurrences(of: "年", with: "")
      guard digits.count == 4, let year = Int(digits) else { continue }
      if let previous = columns.years.first(where: { $0.year == year }) {
        fail(1, index, Say.Input.yearTwice(year, also: columnLetter(previous.column)))
        continue
      }
      columns.years.append((index, year))
    }
    guard columns.name != nil || columns.id != nil else {
      fail(1, nil, Say.Input.needsNameColumn)
      return nil
    }
    guard columns.kind != nil else {
      fail(1, nil, Say.Input.needsKindColumn)
      return nil
    }
    if columns.years.isEmpty { fail(1, nil, Say.Input.needsYearColumns) }
    return columns
  }

  mutating func readRow(_ row: [String], number r: Int, _ columns: Columns) {
    func cell(_ c: Int?) -> String { c.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
    let name = cell(columns.name)
    if DatasetLoader.totalHeaders.contains(name) { return }
    let id = cell(columns.id).isEmpty ? name : cell(columns.id)
    let idColumn = columns.id ?? columns.name!
    if id.isEmpty {
      fail(r, idColumn, Say.Input.rowWithoutName)
      return
    }
    let named: [(String, Int?, Message)] = [
      (id, idColumn, Say.Input.anIndicatorID), (name, columns.name, Say.Input.anIndicatorName), (cell(columns.unit), columns.unit, Say.Input.aUnit),
      (cell(columns.action), columns.action, Say.Input.anActionName),
    ]
    for (text, column, what) in named {
      if let column, !text.isEmpty, let problem = DatasetLoader.nameProblem(text, what: what, allowingSpaces: true) {
        fail(r, column, problem)
        return
      }
    }
    if let previous = rowOf[id] {
      fail(r, idColumn, Say.Input.indicatorTwice(id, alsoRow: previous))
      return
    }
    let kindText = cell(columns.kind)
    guard let kind = IndicatorKind(rawValue: kindText) else {
      fail(r, columns.kind, Say.Input.unknownKind(quotedPrefix(kindText, limit: 20), suggestion: suggestion(kindText, IndicatorKind.allCases.map(\.rawValue))))
      return
    }
    let share = shares[id]
    if kind == .share && share == nil {
      fail(r, nil, Say.Input.shareNeedsTable(id))
    }
    var aliases = cell(columns.aliases).split(separator: "|").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    for alias in aliases {
      if let problem = DatasetLoader.nameProblem(alias, what: Say.Input.anAlias, allowingSpaces: true) {
        fail(r, columns.aliases, problem)
        return
      }
    }
    if let areaID = share?.id { aliases.append(areaID) }
    if let areaName = share?.name { aliases.append(areaName) }
    let indicator = Indicator(
      id: id, name: name.isEmpty ? id : name, unit: cell(columns.unit), kind: kind, action: cell(columns.action),
      parent: nil, aliases: aliases, numeratorName: share?.name, numeratorUnit: share?.unit)
    guard claimNames(indicator, row: r, columns) else { return }
    indicators.append(indicator)
    rowOf[id] = r
    let parent = cell(columns.parent)
    if !parent.isEmpty { parents.append((indicators.count - 1, parent, r)) }
    readYears(row, number: r, indicator, columns)
  }

  /// Every name an indicator is matched by (id, name, aliases) must belong to it alone: one name under
  /// two ids would send an area table's row to whichever comes first.
  mutating func claimNames(_ indicator: Indicator, row r: Int, _ columns: Columns) -> Bool {
    var keys: [String] = []
    for name in [indicator.id, indicator.name] + indicator.aliases {
      let key = NumberCell.normalise(name)
      if !keys.contains(key) { keys.append(key) }
    }
    for key in keys {
      if let owner = nameOwner[key], owner.id != indicator.id {
        fail(r, columns.name ?? columns.id, Say.Input.nameAlreadyUsed(quotedPrefix(key, limit: 40), by: owner.id, row: owner.row))
        return false
      }
    }
    for key in keys { nameOwner[key] = (indicator.id, r) }
    return true
  }

  mutating func readYears(_ row: [String], number r: Int, _ indicator: Indicator, _ columns: Columns) {
    func cell(_ c: Int) -> String { c < row.count ? row[c] : "" }
    for (c, year) in columns.years {
      switch NumberCell.parse(cell(c), unit: indicator.unit) {
      case .value(let v):
        if v < 0 {
          fail(r, c, Say.Input.targetNegative(cell(c)))
        } else if v > 1e9 {
          fail(r, c, Say.Input.targetImplausible(cell(c)))
        } else if indicator.kind.isWhole && v.rounded() != v {
          fail(r, c, Say.Input.targetNotWhole(indicator.name, kind: indicator.kind.rawValue, cell(c)))
        } else {
          targets[indicator.id, default: [:]][year] = v
        }
      case .invalid(let why): fail(r, c, why)
      case .blank, .notApplicable: break
      }
    }
    if let c = columns.threeYear {
      switch NumberCell.parse(cell(c), unit: indicator.unit) {
      case .value(let v): threeYear[indicator.id] = v
      case .invalid(let why): fail(r, c, why)
      default: break
      }
    }
  }

  mutating func resolveParents() {
    for (index, parent, row) in parents {
      if let match = indicators.first(where: { $0.id == parent || $0.name == parent }) {
        if match.id == indicators[index].id {
          fail(row, nil, Say.Input.ownParent(parent))
        } else {
          indicators[index].parent = match.id
        }
      } else {
        fail(row, nil, Say.Input.parentNotIndicator(quotedPrefix(parent, limit: 40), of: indicators[index].id, suggestion: suggestion(parent, indicators.map(\.id))))
      }
    }
  }
}
