import FenjieText
/// One cell of an area table: a number, "/" (not applicable), or blank (unknown).
public enum AreaValue: Sendable, Equatable, Hashable {
  case value(Double)
  /// "/": no target for this area on this line.
  case notApplicable
  /// Blank: not known.
  case unknown

  public var number: Double? {
    if case .value(let v) = self { return v }
    return nil
  }
}

/// Where a table came from, carried to every output that uses it.
public struct Provenance: Sendable, Equatable, Codable {
  /// "梁政发〔2024〕40号 附件2" or a file's own description.
  public var source: String
  /// Illustrative figures (示例数据), not published: labelled as such wherever they show.
  public var illustrative: Bool
  /// The file it was read from (relative to the dataset), for messages.
  public var file: String

  public init(source: String, illustrative: Bool, file: String) {
    self.source = source
    self.illustrative = illustrative
    self.file = file
  }

  public var label: String { illustrative ? "\(source)（示例数据）" : source }
}

/// A table of area values for one year, in the shape of 附件2.
public struct AreaTable: Sendable, Equatable {
  public enum Kind: String, Sendable, Codable {
    /// The year's 分解表: each area's target.
    case target
    /// 完成数: what each area achieved over the whole year.
    case actual
    /// Progress to date within the year (e.g. January–October).
    case progress
  }

  public var year: Int
  public var kind: Kind
  /// For progress: the fraction of the year it covers (10/12 for January–October).
  public var fractionOfYear: Double?
  public var provenance: Provenance
  /// indicator id → area → value
  public var values: [String: [String: AreaValue]]
  /// Where each line and area sat in the file (spreadsheet row number; column letter and header),
  /// so that checks can point at a cell.
  public var rowOf: [String: Int] = [:]
  public var columnOf: [String: String] = [:]

  public init(
    year: Int, kind: Kind, fractionOfYear: Double? = nil, provenance: Provenance,
    values: [String: [String: AreaValue]]
  ) {
    self.year = year
    self.kind = kind
    self.fractionOfYear = fractionOfYear
    self.provenance = provenance
    self.values = values
  }

  public func value(_ indicator: String, _ area: String) -> AreaValue {
    values[indicator]?[area] ?? .unknown
  }
}

/// Something read that may not be what was meant though nothing in it is wrong (a file that ends
/// inside its last row, as a file cut short does): `fenjie check` reports it, every command prints it.
public struct ReadingWarning: Sendable, Equatable {
  public var place: SourcePlace
  public var message: String

  public init(place: SourcePlace, message: String) {
    self.place = place
    self.message = message
  }

  public var description: String { place.description + (Language.current == .chinese ? "：" : ": ") + message }
}

/// A region's plan: its areas, indicators, district targets per year (附件1) and area tables (附件2,
/// actuals, progress). The same shape serves a district and its streets or a city and its districts.
public struct Dataset: Sendable, Equatable {
  /// 梁溪区
  public var region: String
  /// Streets (街道) in the order of the published table.
  public var areas: [String]
  public var planYears: [Int]
  public var indicators: [Indicator]
  /// indicator id → year → district target
  public var targets: [String: [Int: Double]]
  /// indicator id → the three-year goal
  public var threeYearGoals: [String: Double]
  public var targetsProvenance: Provenance
  public var tables: [AreaTable]
  /// The district's 规上工业总产值 (亿元) per year where the dataset states it, for the share kind.
  public var industrialOutput: [Int: Double]
  public var industrialOutputNote: String?
  /// What the files' reading found doubtful (see `ReadingWarning`).
  public var readingWarnings: [ReadingWarning] = []

  public init(
    region: String, areas: [String], planYears: [Int], indicators: [Indicator],
    targets: [String: [Int: Double]], threeYearGoals: [String: Double], targetsProvenance: Provenance,
    tables: [AreaTable], industrialOutput: [Int: Double] = [:], industrialOutputNote: String? = nil
  ) {
    self.region = region
    self.areas = areas
    self.planYears = planYears
    self.indicators = indicators
    self.targets = targets
    self.threeYearGoals = threeYearGoals
    self.targetsProvenance = targetsProvenance
    self.tables = tables
    self.industrialOutput = industrialOutput
    self.industrialOutputNote = industrialOutputNote
  }

  public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

  public func table(year: Int, kind: AreaTable.Kind) -> AreaTable? {
    tables.first { $0.year == year && $0.kind == kind }
  }

  /// The lines below `id` ("其中" lines).
  public func children(of id: String) -> [Indicator] { indicators.filter { $0.parent == id } }
}
