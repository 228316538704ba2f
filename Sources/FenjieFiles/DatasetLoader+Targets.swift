import FenjieCore

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

  mutating func fail(_ row: Int?, _ column: Int?, _ message: String) {
    errors.append(csv.error(row: row, column: column, message))
  }

  mutating func read() {
    guard let columns = readHeader() else { return }
    for (r, row) in csv.rows.enumerated().dropFirst() where !row.isEmpty {
      if errors.count >= DatasetLoader.maximumErrorsPerFile {
        fail(r + 1, nil, "stopped reading here after \(errors.count) errors: is this the right file?")
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
        fail(1, index, "\(year) heads two columns (also \(columnLetter(previous.column))): which one holds the \(year) targets? Delete or rename the other")
        continue
      }
      columns.years.append((index, year))
    }
    guard columns.name != nil || columns.id != nil else {
      fail(1, nil, "needs a column \"name\" (or 指标) or \"id\" naming each indicator")
      return nil
    }
    guard columns.kind != nil else {
      fail(1, nil, "needs a column \"kind\" (count, amount, level, stock, rate or share)")
      return nil
    }
    if columns.years.isEmpty { fail(1, nil, "needs one column per year headed by the year (2024, 2025, …)") }
    return columns
  }

  mutating func readRow(_ row: [String], number r: Int, _ columns: Columns) {
    func cell(_ c: Int?) -> String { c.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
    let name = cell(columns.name)
    if DatasetLoader.totalHeaders.contains(name) { return }
    let id = cell(columns.id).isEmpty ? name : cell(columns.id)
    let idColumn = columns.id ?? columns.name!
    if id.isEmpty {
      fail(r, idColumn, "has no indicator name or id")
      return
    }
    for (text, column, what) in [(id, idColumn, "an indicator id"), (name, columns.name, "an indicator name"), (cell(columns.unit), columns.unit, "a unit"), (cell(columns.action), columns.action, "an action name")] {
      if let column, !text.isEmpty, let problem = DatasetLoader.nameProblem(text, what: what), !problem.contains("contains a space") {
        fail(r, column, problem)
        return
      }
    }
    if let previous = rowOf[id] {
      fail(r, idColumn, "indicator \"\(id)\" appears twice (also row \(previous))")
      return
    }
    let kindText = cell(columns.kind)
    guard let kind = IndicatorKind(rawValue: kindText) else {
      fail(r, columns.kind,
        "kind \(quotedPrefix(kindText, limit: 20)) should be one of count, amount, level, stock, rate, share\(suggestion(kindText, IndicatorKind.allCases.map(\.rawValue)))")
      return
    }
    let share = shares[id]
    if kind == .share && share == nil {
      fail(r, nil, "\(id) is a share: dataset.toml needs [shares.\(id)] with area_name and area_unit (the amount areas are given)")
    }
    var aliases = cell(columns.aliases).split(separator: "|").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    for alias in aliases {
      if let problem = DatasetLoader.nameProblem(alias, what: "an alias"), !problem.contains("contains a space") {
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
        fail(r, columns.name ?? columns.id,
          "\(quotedPrefix(key, limit: 40)) already names indicator \(owner.id) (row \(owner.row)): one name under two indicators cannot be told apart in the area tables; give each line its own name")
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
          fail(r, c, "a target cannot be negative (\(cell(c)))")
        } else if v > 1e9 {
          fail(r, c, "\(cell(c)) is implausibly large for a district target")
        } else if indicator.kind.isWhole && v.rounded() != v {
          fail(r, c, "\(indicator.name) is a \(indicator.kind.rawValue): its target \(cell(c)) is not a whole number")
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
          fail(row, nil, "\(parent) cannot be its own parent")
        } else {
          indicators[index].parent = match.id
        }
      } else {
        fail(row, nil, "parent \(quotedPrefix(parent, limit: 40)) of \(indicators[index].id) is not an indicator\(suggestion(parent, indicators.map(\.id)))")
      }
    }
  }
}
