import FenjieCore
import Foundation

/// An area table named by a dataset or scenario file, before it is read.
public struct TableSpec: Sendable, Equatable {
  public var year: Int
  public var kind: AreaTable.Kind
  /// Absolute or working-directory-relative path.
  public var path: String
  public var source: String
  public var illustrative: Bool
  public var fractionOfYear: Double?
}

/// Reads a dataset: `dataset.toml` naming the district targets (附件1 shape) and the area tables
/// (附件2 shape). The file formats are documented in `Scenarios/README.md`.
public enum DatasetLoader {
  static let idHeaders = ["id", "编号", "代码"]
  static let nameHeaders = ["name", "指标", "行动内容", "指标名称", "名称"]
  static let unitHeaders = ["unit", "单位"]
  static let actionHeaders = ["action", "行动名称", "行动"]
  static let ignoredHeaders = ["序号", "no", "kind", "parent", "aliases", "类型", "备注", "note"]
  /// Columns that hold totals, never an area.
  static let totalHeaders = ["合计", "总计", "小计", "区目标", "区合计", "全区", "district", "total"]
  static let threeYearHeaders = ["three_year", "三年目标", "三年合计", "三年总目标"]

  /// Loads the dataset at `path` plus `extraTables` (from a scenario). Reads every file and reports
  /// every problem found, not just the first.
  public static func load(_ path: String, extraTables: [TableSpec] = []) throws(InputErrors) -> Dataset {
    let document: TOMLDocument
    do { document = try TOMLDocument.read(path) } catch { throw InputErrors([error]) }
    let directory = (path as NSString).deletingLastPathComponent
    var errors: [InputError] = []
    func attempt<T>(_ body: () throws(InputError) -> T) -> T? {
      do { return try body() } catch {
        errors.append(error)
        return nil
      }
    }
    let reader = TOMLReader(document, document.root)
    _ = attempt { () throws(InputError) in
      try reader.checkKeys(["region", "areas", "plan_years", "targets", "tables", "shares", "industrial_output", "industrial_output_note", "source"])
    }
    let region = attempt { () throws(InputError) in try reader.requiredString("region") } ?? "?"
    let areas = attempt { () throws(InputError) -> [String] in
      guard let areas = try reader.strings("areas"), !areas.isEmpty else {
        throw InputError(file: path, "needs \"areas\": the list of areas (streets) in table order")
      }
      if let duplicate = areas.first(where: { a in areas.filter { $0 == a }.count > 1 }) {
        throw document.error("areas", "\"\(duplicate)\" is listed twice in areas")
      }
      return areas
    } ?? []
    let planYears = attempt { () throws(InputError) -> [Int] in
      guard case .array(let items)? = document.root["plan_years"] else {
        throw InputError(file: path, "needs \"plan_years\", e.g. plan_years = [2024, 2025, 2026]")
      }
      let years = items.compactMap { item -> Int? in if case .integer(let y) = item { return y } else { return nil } }
      guard years.count == items.count, !years.isEmpty, years.allSatisfy({ (1900...2200).contains($0) }) else {
        throw document.error("plan_years", "\"plan_years\" should list years such as 2024, 2025, 2026")
      }
      return years.sorted()
    } ?? []

    // Share lines: what the areas are given.
    var shareInfo: [String: (id: String?, name: String?, unit: String?)] = [:]
    if let shares = attempt({ () throws(InputError) in try reader.subtable("shares") }) ?? nil {
      for key in shares.table.keys.sorted() {
        guard let entry = attempt({ () throws(InputError) in try shares.subtable(key) }) ?? nil else { continue }
        _ = attempt { () throws(InputError) in try entry.checkKeys(["area_id", "area_name", "area_unit"]) }
        shareInfo[key] = (
          attempt { () throws(InputError) in try entry.string("area_id") } ?? nil,
          attempt { () throws(InputError) in try entry.string("area_name") } ?? nil,
          attempt { () throws(InputError) in try entry.string("area_unit") } ?? nil
        )
      }
    }
    var industrialOutput: [Int: Double] = [:]
    if let output = attempt({ () throws(InputError) in try reader.subtable("industrial_output") }) ?? nil {
      for key in output.table.keys {
        guard let year = Int(key), let value = attempt({ () throws(InputError) in try output.number(key, in: 0...1e9) }) ?? nil else {
          errors.append(document.error(key, "[industrial_output] keys are years, e.g. 2025 = 420"))
          continue
        }
        industrialOutput[year] = value
      }
    }

    // District targets.
    var indicators: [Indicator] = []
    var targets: [String: [Int: Double]] = [:]
    var threeYear: [String: Double] = [:]
    var targetsProvenance = Provenance(source: "", illustrative: false, file: "")
    if let targetsTable = attempt({ () throws(InputError) in try reader.subtable("targets") }) ?? nil {
      _ = attempt { () throws(InputError) in try targetsTable.checkKeys(["file", "source", "illustrative"]) }
      if let file = attempt({ () throws(InputError) in try targetsTable.requiredString("file") }) {
        let source = (attempt { () throws(InputError) in try targetsTable.string("source") } ?? nil) ?? file
        let illustrative = (attempt { () throws(InputError) in try targetsTable.bool("illustrative") } ?? nil) ?? false
        targetsProvenance = Provenance(source: source, illustrative: illustrative, file: file)
        let full = resolve(file, relativeTo: directory)
        do {
          let csv = try CSVFile.read(full, displayName: display(full))
          let parsed = readTargets(csv, shares: shareInfo, errors: &errors)
          indicators = parsed.indicators
          targets = parsed.targets
          threeYear = parsed.threeYear
        } catch { errors.append(error) }
      }
    } else {
      errors.append(InputError(file: path, "needs a [targets] table naming the district targets file"))
    }

    // Area tables.
    var specs: [TableSpec] = []
    for table in (attempt { () throws(InputError) in try reader.tables("tables") } ?? []) {
      if let spec = attempt({ () throws(InputError) in try tableSpec(table, directory: directory) }) { specs.append(spec) }
    }
    specs += extraTables
    var tables: [AreaTable] = []
    if !indicators.isEmpty && !areas.isEmpty {
      for spec in specs {
        do {
          let csv = try CSVFile.read(spec.path, displayName: display(spec.path))
          if let table = readAreaTable(csv, spec: spec, areas: areas, indicators: indicators, errors: &errors) {
            if tables.contains(where: { $0.year == table.year && $0.kind == table.kind }) {
              errors.append(InputError(file: display(spec.path), "is a second \(spec.kind.rawValue) table for \(spec.year); give each year one table of each kind"))
            }
            tables.append(table)
          }
        } catch { errors.append(error) }
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    return Dataset(
      region: region, areas: areas, planYears: planYears, indicators: indicators, targets: targets,
      threeYearGoals: threeYear, targetsProvenance: targetsProvenance, tables: tables,
      industrialOutput: industrialOutput,
      industrialOutputNote: (try? reader.string("industrial_output_note")) ?? nil)
  }

  static func tableSpec(_ table: TOMLReader, directory: String) throws(InputError) -> TableSpec {
    try table.checkKeys(["year", "kind", "file", "source", "illustrative", "fraction_of_year"])
    guard let year = try table.integer("year") else { throw table.document.error("tables", "each [[tables]] needs a year") }
    let kindText = try table.string("kind") ?? "target"
    guard let kind = AreaTable.Kind(rawValue: kindText) else {
      throw table.document.error("kind", "kind = \"\(kindText)\" should be \"target\" (分解表), \"actual\" (完成数) or \"progress\" (progress to date)")
    }
    let file = try table.requiredString("file")
    guard let source = try table.string("source") else {
      throw table.document.error(file, "the table \(file) needs a \"source\" (a document number, or what made it)")
    }
    guard let illustrative = try table.bool("illustrative") else {
      throw table.document.error(file, "the table \(file) needs illustrative = true (示例数据) or false (published figures)")
    }
    let fraction = try table.number("fraction_of_year", in: 0...1)
    if kind == .progress && fraction == nil {
      throw table.document.error(file, "a progress table needs fraction_of_year (10/12 ≈ 0.8333 for January–October)")
    }
    return TableSpec(year: year, kind: kind, path: resolve(file, relativeTo: directory), source: source, illustrative: illustrative, fractionOfYear: fraction)
  }

  public static func resolve(_ path: String, relativeTo directory: String) -> String {
    if path.hasPrefix("/") || directory.isEmpty { return path }
    return (directory as NSString).appendingPathComponent(path)
  }

  /// A path shortened for messages: relative to the working directory where possible.
  public static func display(_ path: String) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
  }

  // MARK: District targets (附件1)

  static func readTargets(
    _ csv: CSVFile, shares: [String: (id: String?, name: String?, unit: String?)], errors: inout [InputError]
  ) -> (indicators: [Indicator], targets: [String: [Int: Double]], threeYear: [String: Double]) {
    let header = csv.rows[0].map { NumberCell.normalise($0).lowercased() }
    func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
    let idColumn = column(idHeaders)
    let nameColumn = column(nameHeaders)
    let unitColumn = column(unitHeaders)
    let actionColumn = column(actionHeaders)
    let kindColumn = column(["kind", "类型"])
    let parentColumn = column(["parent", "上级"])
    let aliasColumn = column(["aliases", "别名"])
    let threeYearColumn = column(threeYearHeaders)
    let yearColumns = header.enumerated().compactMap { index, text -> (Int, Int)? in
      let digits = text.replacingOccurrences(of: "年", with: "")
      guard digits.count == 4, let year = Int(digits) else { return nil }
      return (index, year)
    }
    guard nameColumn != nil || idColumn != nil else {
      errors.append(InputError(file: csv.path, row: 1, "needs a column \"name\" (or 指标) or \"id\" naming each indicator"))
      return ([], [:], [:])
    }
    guard kindColumn != nil else {
      errors.append(InputError(file: csv.path, row: 1, "needs a column \"kind\" (count, amount, level, stock, rate or share)"))
      return ([], [:], [:])
    }
    if yearColumns.isEmpty {
      errors.append(InputError(file: csv.path, row: 1, "needs one column per year headed by the year (2024, 2025, …)"))
    }
    var indicators: [Indicator] = []
    var parents: [(Int, String)] = []
    var targets: [String: [Int: Double]] = [:]
    var threeYear: [String: Double] = [:]
    for (r, row) in csv.rows.enumerated().dropFirst() {
      func cell(_ c: Int?) -> String { c.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
      let name = cell(nameColumn)
      if row.isEmpty || totalHeaders.contains(name) { continue }
      let id = cell(idColumn).isEmpty ? name : cell(idColumn)
      if id.isEmpty {
        errors.append(InputError(file: csv.path, row: r + 1, "has no indicator name or id"))
        continue
      }
      if indicators.contains(where: { $0.id == id }) {
        errors.append(InputError(file: csv.path, row: r + 1, column: csv.columnName(idColumn ?? nameColumn!), "indicator \"\(id)\" appears twice"))
        continue
      }
      let kindText = cell(kindColumn)
      guard let kind = IndicatorKind(rawValue: kindText) else {
        errors.append(
          InputError(file: csv.path, row: r + 1, column: csv.columnName(kindColumn!),
            "kind \"\(kindText)\" should be one of count, amount, level, stock, rate, share\(suggestion(kindText, IndicatorKind.allCases.map(\.rawValue)))"))
        continue
      }
      let share = shares[id]
      if kind == .share && share == nil {
        errors.append(InputError(file: csv.path, row: r + 1, "\(id) is a share: dataset.toml needs [shares.\(id)] with area_name and area_unit (the amount areas are given)"))
      }
      let unit = cell(unitColumn)
      var aliases = cell(aliasColumn).split(separator: "|").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      if let areaID = share?.id { aliases.append(areaID) }
      if let areaName = share?.name { aliases.append(areaName) }
      indicators.append(
        Indicator(
          id: id, name: name.isEmpty ? id : name, unit: unit, kind: kind, action: cell(actionColumn),
          parent: nil, aliases: aliases, numeratorName: share?.name, numeratorUnit: share?.unit))
      let parent = cell(parentColumn)
      if !parent.isEmpty { parents.append((indicators.count - 1, parent)) }
      for (c, year) in yearColumns {
        switch NumberCell.parse(cell(c), unit: unit) {
        case .value(let v):
          if v < 0 {
            errors.append(InputError(file: csv.path, row: r + 1, column: csv.columnName(c), "a target cannot be negative (\(cell(c)))"))
          } else if v > 1e9 {
            errors.append(InputError(file: csv.path, row: r + 1, column: csv.columnName(c), "\(cell(c)) is implausibly large for a district target"))
          } else if kind.isWhole && v.rounded() != v {
            errors.append(InputError(file: csv.path, row: r + 1, column: csv.columnName(c), "\(name) is a \(kind.rawValue): its target \(cell(c)) is not a whole number"))
          } else {
            targets[id, default: [:]][year] = v
          }
        case .invalid(let why): errors.append(InputError(file: csv.path, row: r + 1, column: csv.columnName(c), why))
        case .blank, .notApplicable: break
        }
      }
      if let c = threeYearColumn {
        switch NumberCell.parse(cell(c), unit: unit) {
        case .value(let v): threeYear[id] = v
        case .invalid(let why): errors.append(InputError(file: csv.path, row: r + 1, column: csv.columnName(c), why))
        default: break
        }
      }
    }
    for (index, parent) in parents {
      if let match = indicators.first(where: { $0.id == parent || $0.name == parent }) {
        if match.id == indicators[index].id {
          errors.append(InputError(file: csv.path, "\(parent) cannot be its own parent"))
        } else {
          indicators[index].parent = match.id
        }
      } else {
        errors.append(InputError(file: csv.path, "parent \"\(parent)\" of \(indicators[index].id) is not an indicator\(suggestion(parent, indicators.map(\.id)))"))
      }
    }
    return (indicators, targets, threeYear)
  }

  // MARK: Area tables (附件2)

  static func readAreaTable(
    _ csv: CSVFile, spec: TableSpec, areas: [String], indicators: [Indicator], errors: inout [InputError]
  ) -> AreaTable? {
    let before = errors.count
    let header = csv.rows[0]
    let normalised = header.map { NumberCell.normalise($0).lowercased() }
    let idColumn = normalised.firstIndex { idHeaders.contains($0) }
    let nameColumn = normalised.firstIndex { nameHeaders.contains($0) }
    let unitColumn = normalised.firstIndex { unitHeaders.contains($0) }
    guard idColumn != nil || nameColumn != nil else {
      errors.append(InputError(file: csv.path, row: 1, "needs a column \"name\" (or 指标) or \"id\" naming each indicator"))
      return nil
    }
    var areaColumns: [(Int, String)] = []
    for (c, raw) in header.enumerated() {
      let text = NumberCell.normalise(raw)
      let lower = text.lowercased()
      if [idColumn, nameColumn, unitColumn].contains(c) || idHeaders.contains(lower) || nameHeaders.contains(lower)
        || unitHeaders.contains(lower) || actionHeaders.contains(lower) || ignoredHeaders.contains(lower)
        || totalHeaders.contains(lower)
      {
        continue
      }
      if text.isEmpty {
        errors.append(InputError(file: csv.path, row: 1, column: columnLetter(c), "has no header: name the area (street) this column is for"))
        continue
      }
      guard let area = matchArea(text, areas) else {
        errors.append(
          InputError(file: csv.path, row: 1, column: csv.columnName(c),
            "\"\(text)\" is not an area of this dataset\(suggestion(text, areas)) (areas: \(areas.joined(separator: "、")))"))
        continue
      }
      if let previous = areaColumns.first(where: { $0.1 == area }) {
        errors.append(InputError(file: csv.path, row: 1, column: csv.columnName(c), "\(area) appears twice (also column \(columnLetter(previous.0)))"))
        continue
      }
      areaColumns.append((c, area))
    }
    var values: [String: [String: AreaValue]] = [:]
    var rowOf: [String: Int] = [:]
    for (r, row) in csv.rows.enumerated().dropFirst() {
      func cell(_ c: Int?) -> String { c.flatMap { $0 < row.count ? row[$0] : nil } ?? "" }
      let key = cell(idColumn).isEmpty ? cell(nameColumn) : cell(idColumn)
      if key.isEmpty && row.allSatisfy({ $0.isEmpty }) { continue }
      if totalHeaders.contains(NumberCell.normalise(key).lowercased()) { continue }
      guard let indicator = matchIndicator(key, indicators) ?? matchIndicator(cell(nameColumn), indicators) else {
        let names = indicators.flatMap { [$0.id, $0.name] + $0.aliases }
        errors.append(
          InputError(file: csv.path, row: r + 1, column: csv.columnName(idColumn ?? nameColumn!),
            "\"\(key)\" is not an indicator of this dataset\(suggestion(key, names))"))
        continue
      }
      if values[indicator.id] != nil {
        errors.append(InputError(file: csv.path, row: r + 1, "\(indicator.name) appears twice"))
        continue
      }
      var line: [String: AreaValue] = [:]
      for (c, area) in areaColumns {
        switch NumberCell.parse(cell(c), unit: indicator.areaUnit) {
        case .value(let v):
          if v < 0 && indicator.kind != .rate {
            errors.append(InputError(file: csv.path, row: r + 1, column: csv.columnName(c), "\(indicator.name) cannot be negative (\(cell(c)))"))
          } else if abs(v) > 1e9 {
            errors.append(InputError(file: csv.path, row: r + 1, column: csv.columnName(c), "\(cell(c)) is implausibly large"))
          } else if indicator.kind.isWhole && v.rounded() != v {
            errors.append(InputError(file: csv.path, row: r + 1, column: csv.columnName(c), "\(indicator.name) is a \(indicator.kind.rawValue): \(cell(c)) is not a whole number"))
          } else {
            line[area] = .value(v)
          }
        case .notApplicable: line[area] = .notApplicable
        case .blank: line[area] = .unknown
        case .invalid(let why): errors.append(InputError(file: csv.path, row: r + 1, column: csv.columnName(c), why))
        }
      }
      values[indicator.id] = line
      rowOf[indicator.id] = r + 1
    }
    guard errors.count == before else { return nil }
    var table = AreaTable(
      year: spec.year, kind: spec.kind, fractionOfYear: spec.fractionOfYear,
      provenance: Provenance(source: spec.source, illustrative: spec.illustrative, file: display(spec.path)),
      values: values)
    table.rowOf = rowOf
    for (c, area) in areaColumns { table.columnOf[area] = csv.columnName(c) }
    return table
  }

  /// An area by exact name, or by a unique prefix ("扬名" for 扬名街道).
  public static func matchArea(_ text: String, _ areas: [String]) -> String? {
    if areas.contains(text) { return text }
    let candidates = areas.filter { $0.hasPrefix(text) }
    return candidates.count == 1 ? candidates[0] : nil
  }

  /// An indicator by id, name or alias (ignoring spaces and the difference of full-width forms).
  public static func matchIndicator(_ text: String, _ indicators: [Indicator]) -> Indicator? {
    let key = NumberCell.normalise(text)
    guard !key.isEmpty else { return nil }
    return indicators.first { $0.id == key }
      ?? indicators.first { NumberCell.normalise($0.name) == key }
      ?? indicators.first { $0.aliases.contains { NumberCell.normalise($0) == key } }
      ?? indicators.first { NumberCell.normalise($0.name).replacingOccurrences(of: "其中:", with: "") == key.replacingOccurrences(of: "其中:", with: "") }
  }
}
