import LinearProgramming
/// One area's line in the 分解表, with the numbers that explain it.
public struct AreaAllocation: Sendable, Equatable {
  /// The target; nil means "/" (not applicable).
  public var value: Double?
  public var baseline: Double?
  public var floor: Double?
  public var cap: Double?
  public var locked: Bool = false
  /// The value before rounding to whole numbers (or hundredths).
  public var continuous: Double?
  /// The constraint that decides this value (see `BindingConstraint`).
  public var binding: BindingConstraint?

  public init(value: Double? = nil) { self.value = value }

  /// value ÷ baseline − 1.
  public var growth: Double? {
    guard let value, let baseline, baseline > 0 else { return nil }
    return value / baseline - 1
  }
  /// (value − baseline) ÷ (cap − baseline): the share of its headroom the area uses.
  public var headroomUsed: Double? {
    guard let value, let baseline, let cap, cap - baseline > 1e-12 else { return nil }
    return (value - baseline) / (cap - baseline)
  }
}

/// What holds an area's value where it is.
public enum BindingConstraint: String, Sendable, Equatable, Codable {
  /// At its cap.
  case cap
  /// At its floor (allowed decline or minimum per area).
  case floor
  case lock
  /// Held up by a "其中" line below it, or held down by its parent line.
  case parent
  /// Equal to another area of its group.
  case equalGroup = "equal_group"
  /// Set by the rule: the common share of headroom (balanced), the common multiple (proportional),
  /// the common value (equal) or last year's value (closest).
  case rule
}

/// How a line came out.
public enum LineStatus: String, Sendable, Equatable, Codable {
  case optimal
  /// A solution was found but not proven optimal (time limit).
  case feasible
  /// The targets cannot be met under the constraints; the line is shown with the smallest changes
  /// that make it feasible applied (see the diagnostics).
  case infeasible
  /// Not split (a rate: every area carries the district rate).
  case notSplit = "not_split"
}

/// One change the elastic re-solve found necessary.
public struct SuggestedChange: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable, Codable {
    case raiseCap = "raise_cap", lowerFloor = "lower_floor", changeLock = "change_lock"
    case openArea = "open_area", exceedParent = "exceed_parent", breakEqualGroup = "break_equal_group"
  }
  public var kind: Kind
  public var indicator: String
  public var area: String?
  public var from: Double?
  public var to: Double?
}

/// One line of the table.
public struct IndicatorAllocation: Sendable, Equatable {
  public var indicator: Indicator
  /// The district target (for a share, the amount: share × 规上工业总产值).
  public var districtTarget: Double?
  /// The published district figure for the year (the share itself, in %, for the share kind).
  public var publishedTarget: Double?
  public var margin: Double
  /// District target with its margin, rounded up to the line's resolution.
  public var requiredTotal: Double?
  public var allocatedTotal: Double?
  public var status: LineStatus
  public var areas: [String: AreaAllocation]
  /// What raising the district target by one unit costs in the rule's own measure (balanced: share
  /// of headroom; proportional: the common multiple; equal: the common value), from the dual value of
  /// the district total row. nil where the total does not bind.
  public var marginalCost: Double?
  /// The common share of headroom, multiple or value the rule settled on (stage 1).
  public var ruleLevel: Double?
  /// Where the baselines came from.
  public var baselineSource: String
  public var changes: [SuggestedChange] = []
  /// Largest total the constraints allow, when infeasible.
  public var largestFeasibleTotal: Double?
  /// The smallest `max_growth` that would make the line feasible, when infeasible.
  public var neededMaxGrowth: Double?
}

public struct Diagnostic: Sendable, Equatable {
  public enum Severity: String, Sendable, Equatable, Codable { case info, warning, error }
  public var severity: Severity
  public var indicator: String?
  public var message: String
  /// A scenario lock that contradicts the cap or floor the capacity rule gives its street (`fenjie
  /// check` reports these): known by this flag, not by the message's words, which follow the language.
  public var isLockConflict = false
  public init(_ severity: Severity, indicator: String?, _ message: String, isLockConflict: Bool = false) {
    self.severity = severity
    self.indicator = indicator
    self.message = message
    self.isLockConflict = isLockConflict
  }
}

/// A year's 分解表.
public struct AllocationResult: Sendable {
  public var region: String
  public var year: Int
  public var rule: AllocationRule
  public var areas: [String]
  public var indicators: [IndicatorAllocation]
  public var diagnostics: [Diagnostic]
  /// Whether anything illustrative (示例数据) went into it.
  public var usesIllustrativeData: Bool
  /// Sources of the published figures used.
  public var sources: [String]
  /// The final model of every split line side by side, for `--write-lp`.
  public var model: LinearModel

  public var allFeasible: Bool {
    indicators.allSatisfy { $0.status != .infeasible }
  }
}
