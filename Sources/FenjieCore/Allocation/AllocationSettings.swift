import Foundation

/// How a district target is shared out across areas (分解规则).
public enum AllocationRule: String, Sendable, Codable, CaseIterable {
  /// Every area uses the same fraction of its headroom (cap − baseline): minimise the largest
  /// fraction, lexicographically. With caps that are a uniform growth over baseline this is
  /// "the same growth for everyone". The default.
  case balanced
  /// 按基数同比例: every area gets the same multiple of its baseline.
  case proportional
  /// The same value for every area.
  case equal
  /// As close as possible to last year's table (fewest units moved), any change spread in
  /// proportion to last year's values.
  case closest
}

/// How caps and floors are derived from an area's history.
public enum CapacityRule: String, Sendable, Codable, CaseIterable {
  /// cap = max(max(peak, baseline) × (1 + max_growth), baseline + minimum headroom).
  case growth
  /// cap = max(baseline × (district target ÷ Σ baselines) × (1 + max_growth), baseline + minimum
  /// headroom): an area may grow at most `max_growth` faster than the district as a whole.
  case districtPace = "district_pace"
  /// No cap but the district total.
  case none
}

/// The parameters of the capacity rule for one indicator.
public struct CapacityParameters: Sendable, Equatable, Codable {
  public var rule: CapacityRule = .growth
  /// Allowed growth over the larger of peak and baseline (0.5 = +50%).
  public var maxGrowth: Double = 0.5
  /// Allowed decline below baseline (0.2 = at most −20%); sets the floor.
  public var maxDecline: Double = 0.2
  /// Minimum headroom, as a fraction of the mean baseline of the open areas, so that small areas are
  /// not stuck at 0 (at least one whole unit for counts).
  public var minHeadroom: Double = 0.2

  public init(
    rule: CapacityRule = .growth, maxGrowth: Double = 0.5, maxDecline: Double = 0.2,
    minHeadroom: Double = 0.2
  ) {
    self.rule = rule
    self.maxGrowth = maxGrowth
    self.maxDecline = maxDecline
    self.minHeadroom = minHeadroom
  }
}

/// A fixed value agreed for one area on one line (锁定).
public struct Lock: Sendable, Equatable, Codable {
  public var indicator: String
  public var area: String
  public var value: Double
  public init(indicator: String, area: String, value: Double) {
    self.indicator = indicator
    self.area = area
    self.value = value
  }
}

/// Areas that must get equal values (附件2 treats 崇安寺/清名桥/惠山/北大街 alike).
public struct EqualGroup: Sendable, Equatable, Codable {
  public var areas: [String]
  /// The lines it applies to; empty = every split line.
  public var indicators: [String]
  public init(areas: [String], indicators: [String] = []) {
    self.areas = areas
    self.indicators = indicators
  }
  public func applies(to indicator: String) -> Bool {
    indicators.isEmpty || indicators.contains(indicator)
  }
}

/// Where the baselines of a year without a preceding area table come from.
public enum BaselineSource: String, Sendable, Codable {
  /// The most recent area values there are (actuals where known, else targets).
  case latest
  /// fenjie's own allocation of the year before (chained from the last published table).
  case allocated
}

/// Everything a scenario decides about one allocation.
public struct AllocationSettings: Sendable, Equatable {
  public var year: Int
  public var rule: AllocationRule = .balanced
  public var baseline: BaselineSource = .latest
  public var capacity = CapacityParameters()
  /// Capacity overrides per indicator id.
  public var capacityByIndicator: [String: CapacityParameters] = [:]
  /// Over-allocation above the district target (0.05 = +5%).
  public var margin: Double = 0
  public var marginByIndicator: [String: Double] = [:]
  /// Minimum per open area.
  public var minimumPerArea: Double = 0
  public var minimumByIndicator: [String: Double] = [:]
  public var locks: [Lock] = []
  public var equalGroups: [EqualGroup] = []
  /// Size weights per area (population, enterprises, GDP, …) for lines where an area has no history.
  public var areaWeights: [String: Double] = [:]
  /// Explicit baselines: indicator id → area → value (real units); they override history.
  public var explicitBaselines: [String: [String: Double]] = [:]
  /// Rooms given from below: indicator id → area → the area's baseline, floor and cap when the area is
  /// itself a region whose own areas carry it (a district of a city: the sums over its streets). They
  /// replace what the area's history and the capacity rule would give (see `RegionTree`).
  public var areaRooms: [String: [String: AreaRoom]] = [:]
  /// Areas opened on lines where the last table has "/": indicator id → areas.
  public var open: [String: [String]] = [:]
  /// Areas closed ("/") on a line: indicator id → areas.
  public var closed: [String: [String]] = [:]
  /// The district's 规上工业总产值 (亿元) by year, for the share kind (overrides the dataset's).
  public var industrialOutput: [Int: Double] = [:]
  /// Time limit of each solve, seconds.
  public var timeLimit: Double = 20
  /// Allocate only these lines (and nothing else); nil = every line. Used when a search needs one
  /// line's table many times.
  public var onlyIndicators: Set<String>? = nil
  /// Single lines by exact water-filling (O(N log N), no LP) where the rule allows; false sends
  /// every line through the LP steps (kept as an independent check).
  public var waterFilling = true
  /// Threads that solve families at once (nil = every core). Never changes the result.
  public var threads: Int? = nil

  public init(year: Int) { self.year = year }

  public func capacity(for indicator: String) -> CapacityParameters {
    capacityByIndicator[indicator] ?? capacity
  }
  /// `threads`, or every core.
  public var resolvedThreads: Int { max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount) }
  public func margin(for indicator: String) -> Double { marginByIndicator[indicator] ?? margin }
  public func minimum(for indicator: String) -> Double {
    minimumByIndicator[indicator] ?? minimumPerArea
  }
}
