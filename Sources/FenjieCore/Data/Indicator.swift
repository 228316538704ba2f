/// How an indicator (指标) is split across areas and how its three-year goal is formed.
public enum IndicatorKind: String, Sendable, Codable, CaseIterable {
  /// Whole numbers (家, 人, 个); areas add up to at least the district target; goal = sum of years.
  case count
  /// Decimals (亿元, 万平方米); areas add up; goal = sum of years.
  case amount
  /// Decimals that are a level, not a flow (全社会研发投入); goal = the final year's value.
  case level
  /// Whole numbers that are a level, not a flow (高新技术企业数, 有效发明专利拥有量): split in whole
  /// units like a count, goal = the final year's value like a level, simulated as a level.
  case stock
  /// A growth rate (研发人员增速, %): not split, every area carries the district rate.
  case rate
  /// A share (高新技术产业产值占比, %): areas get the numerator amount (高新技术产业产值, 亿元); the
  /// district amount is share × the district's 规上工业总产值, which the scenario supplies.
  case share

  /// Whether areas get their own values that must add up to the district's.
  public var isSplit: Bool { self != .rate }
  /// Whether the three-year goal is the sum of the years (else the final year's value).
  public var goalIsSum: Bool { self == .count || self == .amount }
  /// Whether area values are whole numbers (counts and stocks).
  public var isWhole: Bool { self == .count || self == .stock }
  /// The unit of allocation: whole numbers for counts and stocks, hundredths for everything else, so
  /// the table as printed (two decimals) adds up exactly.
  public var resolution: Double { isWhole ? 1 : 0.01 }
}

/// One line (指标 / 行动内容) of the district's plan.
public struct Indicator: Sendable, Equatable, Codable {
  /// ASCII id used in files and on the command line (`new_tech_firms`).
  public var id: String
  /// The Chinese name as published (新招引科技型企业).
  public var name: String
  public var unit: String
  public var kind: IndicatorKind
  /// The action group (行动名称), e.g. 科技企业倍增行动计划.
  public var action: String
  /// The parent line of a "其中" line: this line may never exceed its parent in any area.
  public var parent: String?
  /// Other names the line goes by in area tables (附件2 writes 新增科技型企业 for 新招引科技型企业).
  public var aliases: [String]
  /// For a share: the name and unit of the amount areas are given (高新技术产业产值, 亿元).
  public var numeratorName: String?
  public var numeratorUnit: String?

  public init(
    id: String, name: String, unit: String, kind: IndicatorKind, action: String, parent: String? = nil,
    aliases: [String] = [], numeratorName: String? = nil, numeratorUnit: String? = nil
  ) {
    self.id = id
    self.name = name
    self.unit = unit
    self.kind = kind
    self.action = action
    self.parent = parent
    self.aliases = aliases
    self.numeratorName = numeratorName
    self.numeratorUnit = numeratorUnit
  }

  /// The unit of area values: the numerator's unit for a share, else the line's own.
  public var areaUnit: String { kind == .share ? (numeratorUnit ?? unit) : unit }
  /// The name shown on an area row: the numerator's name for a share.
  public var areaName: String { kind == .share ? (numeratorName ?? name) : name }
}
