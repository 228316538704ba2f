import FenjieCore
import FenjieText
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
  /// For an .xlsx file: the sheet to read (default: the first).
  public var sheet: String? = nil
}

/// Reads a dataset: `dataset.toml` naming the district targets (附件1 shape) and the area tables
/// (附件2 shape). The file formats are documented in `Scenarios/README.md`.
///
/// Read exactly or refused: every name is checked for what would make it unmatchable or ambiguous
/// (blank, spaces, control characters, over `maximumNameLength` characters, given twice), every table
/// must have a row for every indicator and a column for every area, and every problem found is
/// reported, not just the first.
public enum DatasetLoader {
  static let idHeaders = ["id", "编号", "代码"]
  static let nameHeaders = ["name", "指标", "行动内容", "指标名称", "名称"]
  static let unitHeaders = ["unit", "单位"]
  static let actionHeaders = ["action", "行动名称", "行动"]
  static let ignoredHeaders = ["序号", "no", "kind", "parent", "aliases", "类型", "备注", "note", "状态", "status"]
  /// Columns that hold totals, never an area.
  static let totalHeaders = ["合计", "总计", "小计", "区目标", "区合计", "全区", "district", "total"]
  static let threeYearHeaders = ["three_year", "三年目标", "三年合计", "三年总目标"]
  /// The longest name of an area or an indicator (the longest published one has 40 characters).
  public static let maximumNameLength = 100
  /// A file with more problems than this is not the file meant: reading it stops there.
  static let maximumErrorsPerFile = 50

  /// Loads the dataset at `path` plus `extraTables` (from a scenario). Reads every file and reports
  /// every problem found, not just the first.
  public static func load(_ path: String, extraTables: [TableSpec] = []) throws(InputErrors) -> Dataset {
    try load(path, extraTables: extraTables, childRegions: nil)
  }

  /// `childRegions`: a tree level's file (`TreeLoader`), whose areas are its child regions and whose
  /// `[[children]]` name them.
  static func load(_ path: String, extraTables: [TableSpec], childRegions: [String]?) throws(InputErrors) -> Dataset {
    let document: TOMLDocument
    do { document = try TOMLDocument.read(path) } catch { throw InputErrors([error]) }
    var reading = Reading(document: document)
    let reader = TOMLReader(document, document.root)
    reading.attempt { () throws(InputError) in
      try reader.checkKeys(["region", "areas", "plan_years", "targets", "tables", "shares", "industrial_output", "industrial_output_note", "source"] + (childRegions == nil ? [] : ["children"]))
    }
    let region = reading.attempt { () throws(InputError) in try reader.requiredString("region") } ?? "?"
    let areas = childRegions ?? reading.attempt { () throws(InputError) in try readAreas(reader) } ?? []
    let planYears = reading.attempt { () throws(InputError) in try readPlanYears(document) } ?? []
    let shares = readShares(reader, &reading)
    let industrialOutput = readIndustrialOutput(reader, &reading)
    let district = readDistrictTargets(reader, shares: shares, &reading)
    var specs: [TableSpec] = []
    let directory = reading.directory
    for table in (reading.attempt { () throws(InputError) in try reader.tables("tables") } ?? []) {
      if let spec = reading.attempt({ () throws(InputError) in try tableSpec(table, directory: directory) }) { specs.append(spec) }
    }
    specs += extraTables
    var tables: [AreaTable] = []
    if !district.indicators.isEmpty && !areas.isEmpty {
      tables = readAreaTables(specs, areas: areas, indicators: district.indicators, &reading)
    }
    if !reading.errors.isEmpty { throw InputErrors(reading.errors) }
    var dataset = Dataset(
      region: region, areas: areas, planYears: planYears, indicators: district.indicators, targets: district.targets,
      threeYearGoals: district.threeYear, targetsProvenance: district.provenance, tables: tables,
      industrialOutput: industrialOutput,
      industrialOutputNote: (try? reader.string("industrial_output_note")) ?? nil)
    dataset.readingWarnings = reading.warnings
    return dataset
  }

  /// Errors and warnings gathered while reading one dataset.
  struct Reading {
    let document: TOMLDocument
    var errors: [InputError] = []
    var warnings: [ReadingWarning] = []
    var directory: String { (document.path as NSString).deletingLastPathComponent }

    init(document: TOMLDocument) { self.document = document }

    /// Runs `body`, keeping its error (if any) and going on.
    @discardableResult
    mutating func attempt<T>(_ body: () throws(InputError) -> T) -> T? {
      do { return try body() } catch {
        errors.append(error)
        return nil
      }
    }

    mutating func read(_ path: String, sheet: String? = nil) -> CSVFile? {
      do {
        let csv = try CSVFile.read(path, displayName: display(path), sheet: sheet)
        if !csv.endsWithLineEnd {
          warnings.append(
            ReadingWarning(
              place: SourcePlace(file: csv.path, row: csv.rows.count),
              message: Say.Input.endsWithoutLineEnd.text()))
        }
        return csv
      } catch {
        errors += error.errors
        return nil
      }
    }
  }

  // MARK: dataset.toml

  static func readAreas(_ reader: TOMLReader) throws(InputError) -> [String] {
    let document = reader.document
    guard let areas = try reader.strings("areas"), !areas.isEmpty else {
      throw InputError(file: document.path, Say.Input.needsAreas)
    }
    var seen: [String: String] = [:]
    for area in areas {
      if let problem = nameProblem(area, what: Say.Input.anAreaName) { throw document.error("areas", Say.Input.inAreas(problem)) }
      let key = NumberCell.normalise(area)
      if let previous = seen[key] {
        throw document.error("areas", previous == area ? Say.Input.listedTwice(area) : Say.Input.differOnlyInWidth(previous, area))
      }
      seen[key] = area
    }
    return areas
  }

  /// Why `name` cannot serve as a name that tables are matched against, or nil. With
  /// `allowingSpaces`, a space inside the name is no problem (rows are matched ignoring spaces).
  static func nameProblem(_ name: String, what: Message, allowingSpaces: Bool = false) -> Message? {
    if name.unicodeScalars.contains(where: isControlCharacter) {
      return Say.Input.nameHasControlCharacter(what, quotedPrefix(name, limit: 30))
    }
    if name.count > maximumNameLength {
      return Say.Input.nameTooLong(what, length: name.count, quotedPrefix(name, limit: 20, count: false), limit: maximumNameLength)
    }
    if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      return Say.Input.nameEmpty(what)
    }
    if !allowingSpaces, name.contains(where: \.isWhitespace) {
      return Say.Input.nameHasSpace(what, quotedPrefix(name, limit: 30))
    }
    return nil
  }

  static func readPlanYears(_ document: TOMLDocument) throws(InputError) -> [Int] {
    guard case .array(let items)? = document.root["plan_years"] else {
      throw InputError(file: document.path, Say.Input.needsPlanYears)
    }
    let years = items.compactMap { item -> Int? in if case .integer(let y) = item { return y } else { return nil } }
    guard years.count == items.count, !years.isEmpty, years.allSatisfy({ (1900...2200).contains($0) }) else {
      throw document.error("plan_years", Say.Input.planYearsShouldBeYears)
    }
    guard Set(years).count == years.count else {
      throw document.error("plan_years", Say.Input.planYearsTwice)
    }
    return years.sorted()
  }

  typealias ShareInfo = (id: String?, name: String?, unit: String?)

  /// `[shares.ID]`: what the areas are given for a share line.
  static func readShares(_ reader: TOMLReader, _ reading: inout Reading) -> [String: ShareInfo] {
    var shareInfo: [String: ShareInfo] = [:]
    guard let shares = reading.attempt({ () throws(InputError) in try reader.subtable("shares") }) ?? nil else { return [:] }
    for key in shares.table.keys.sorted() {
      guard let entry = reading.attempt({ () throws(InputError) in try shares.subtable(key) }) ?? nil else { continue }
      reading.attempt { () throws(InputError) in try entry.checkKeys(["area_id", "area_name", "area_unit"]) }
      shareInfo[key] = (
        reading.attempt { () throws(InputError) in try entry.string("area_id") } ?? nil,
        reading.attempt { () throws(InputError) in try entry.string("area_name") } ?? nil,
        reading.attempt { () throws(InputError) in try entry.string("area_unit") } ?? nil
      )
    }
    return shareInfo
  }

  static func readIndustrialOutput(_ reader: TOMLReader, _ reading: inout Reading) -> [Int: Double] {
    var industrialOutput: [Int: Double] = [:]
    guard let output = reading.attempt({ () throws(InputError) in try reader.subtable("industrial_output") }) ?? nil else { return [:] }
    for key in output.table.keys {
      guard let year = Int(key), let value = reading.attempt({ () throws(InputError) in try output.number(key, in: 0...1e9) }) ?? nil else {
        reading.errors.append(reader.document.error(key, Say.Input.industrialOutputKeys))
        continue
      }
      industrialOutput[year] = value
    }
    return industrialOutput
  }

  struct DistrictTargets {
    var indicators: [Indicator] = []
    var targets: [String: [Int: Double]] = [:]
    var threeYear: [String: Double] = [:]
    var provenance = Provenance(source: "", illustrative: false, file: "")
  }

  /// `[targets]` and the file it names.
  static func readDistrictTargets(_ reader: TOMLReader, shares: [String: ShareInfo], _ reading: inout Reading) -> DistrictTargets {
    var result = DistrictTargets()
    guard let targetsTable = reading.attempt({ () throws(InputError) in try reader.subtable("targets") }) ?? nil else {
      reading.errors.append(InputError(file: reader.document.path, Say.Input.needsTargets))
      return result
    }
    reading.attempt { () throws(InputError) in try targetsTable.checkKeys(["file", "source", "illustrative"]) }
    guard let file = reading.attempt({ () throws(InputError) in try targetsTable.requiredString("file") }) else { return result }
    let source = (reading.attempt { () throws(InputError) in try targetsTable.string("source") } ?? nil) ?? file
    let illustrative = (reading.attempt { () throws(InputError) in try targetsTable.bool("illustrative") } ?? nil) ?? false
    result.provenance = Provenance(source: source, illustrative: illustrative, file: file)
    guard let csv = reading.read(resolve(file, relativeTo: reading.directory)) else { return result }
    var targets = TargetsReading(csv: csv, shares: shares)
    targets.read()
    reading.errors += targets.errors
    result.indicators = targets.indicators
    result.targets = targets.targets
    result.threeYear = targets.threeYear
    return result
  }

  static func tableSpec(_ table: TOMLReader, directory: String) throws(InputError) -> TableSpec {
    try table.checkKeys(["year", "kind", "file", "sheet", "source", "illustrative", "fraction_of_year"])
    guard let year = try table.integer("year") else { throw table.document.error("tables", Say.Input.tableNeedsYear) }
    let kindText = try table.string("kind") ?? "target"
    guard let kind = AreaTable.Kind(rawValue: kindText) else {
      throw table.document.error("kind", Say.Input.unknownTableKind(kindText))
    }
    let file = try table.requiredString("file")
    guard let source = try table.string("source") else {
      throw table.document.error(file, Say.Input.tableNeedsSource(file))
    }
    guard let illustrative = try table.bool("illustrative") else {
      throw table.document.error(file, Say.Input.tableNeedsIllustrative(file))
    }
    let fraction = try table.number("fraction_of_year", in: 0...1)
    if kind == .progress && fraction == nil {
      throw table.document.error(file, Say.Input.progressNeedsFraction)
    }
    let sheet = try table.string("sheet")
    if sheet != nil, !file.lowercased().hasSuffix(".xlsx") {
      throw table.document.error("sheet", Say.Input.sheetOnlyForXLSX(file))
    }
    return TableSpec(
      year: year, kind: kind, path: resolve(file, relativeTo: directory), source: source, illustrative: illustrative,
      fractionOfYear: fraction, sheet: sheet)
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

  // MARK: Area tables (附件2)

  static func readAreaTables(_ specs: [TableSpec], areas: [String], indicators: [Indicator], _ reading: inout Reading) -> [AreaTable] {
    var tables: [AreaTable] = []
    for spec in specs {
      guard let csv = reading.read(spec.path, sheet: spec.sheet) else { continue }
      var table = AreaTableReading(csv: csv, spec: spec, areas: areas, indicators: indicators)
      guard let read = table.read() else {
        reading.errors += table.errors
        continue
      }
      if tables.contains(where: { $0.year == read.year && $0.kind == read.kind }) {
        reading.errors.append(InputError(file: display(spec.path), Say.Input.secondTable(spec.kind.rawValue, year: spec.year)))
      }
      tables.append(read)
    }
    return tables
  }

  /// An area by exact name, or by a unique prefix ("扬名" for 扬名街道), ignoring spaces and the
  /// difference of full-width forms (as headers are read).
  public static func matchArea(_ text: String, _ areas: [String]) -> String? {
    if areas.contains(text) { return text }
    let key = NumberCell.normalise(text)
    guard !key.isEmpty, key.count <= maximumNameLength else { return nil }
    let normalised = areas.map { ($0, NumberCell.normalise($0)) }
    if let exact = normalised.first(where: { $0.1 == key }) { return exact.0 }
    let candidates = normalised.filter { $0.1.hasPrefix(key) }
    return candidates.count == 1 ? candidates[0].0 : nil
  }

  /// "新增科技型企业(家)" → ("新增科技型企业", "家"); half- or full-width brackets; nil without a unit.
  public static func splitUnit(_ text: String) -> (name: String, unit: String)? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let close = trimmed.last, close == ")" || close == "）",
      let open = trimmed.lastIndex(where: { $0 == "(" || $0 == "（" }), open > trimmed.startIndex
    else { return nil }
    let unit = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
    let name = String(trimmed[..<open]).trimmingCharacters(in: .whitespaces)
    guard !unit.isEmpty, unit.count <= 8, !name.isEmpty else { return nil }
    return (name, unit)
  }

  /// An indicator by id, name or alias (ignoring spaces and the difference of full-width forms).
  public static func matchIndicator(_ text: String, _ indicators: [Indicator]) -> Indicator? {
    let key = NumberCell.normalise(text)
    guard !key.isEmpty, key.count <= maximumNameLength else { return nil }
    return indicators.first { $0.id == key }
      ?? indicators.first { NumberCell.normalise($0.name) == key }
      ?? indicators.first { $0.aliases.contains { NumberCell.normalise($0) == key } }
      ?? indicators.first { NumberCell.normalise($0.name).replacingOccurrences(of: "其中:", with: "") == key.replacingOccurrences(of: "其中:", with: "") }
  }
}
