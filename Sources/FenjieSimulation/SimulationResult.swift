import FenjieText
/// What a simulation found. Every field is a pure function of (input, runs, seed): the thread count
/// never changes a single bit of it. JSON keys are snake_case.
public struct SimulationResult: Sendable, Codable, Equatable {
  /// Number of simulated runs (trials).
  public var runs: Int
  public var seed: UInt64
  /// The bit generator, e.g. "xoshiro256** (seeded by SplitMix64)".
  public var generator: String
  /// Runs per block; block b draws from the generator seeded with (seed, b).
  public var blockSize: Int
  public var factor: FactorMode
  /// The last simulated year, whose values the annual goals and the street odds use.
  public var goalYear: Int
  /// The plan's years: they name the plan-total goal.
  public var plan: PlanSpan
  /// How P10/P50/P90 are defined.
  public var quantileDefinition: String
  /// Set by ``Simulator/run(precision:seed:threads:maxRuns:progress:)``.
  public var precision: PrecisionReport?
  /// One entry per goal, in indicator order and then goal order.
  public var goals: [GoalOdds]
  /// Street odds per indicator (indicators without an open street in the goal year are left out).
  public var indicators: [IndicatorStreetOdds]
  /// P(every goal of every indicator is hit in the same run).
  public var all: JointOdds
  /// The same per action group (groups without any goal are left out).
  public var groups: [GroupOdds]

  enum CodingKeys: String, CodingKey {
    case runs, seed, generator, factor, precision, goals, indicators, all, groups, plan
    case blockSize = "block_size"
    case goalYear = "goal_year"
    case quantileDefinition = "quantile_definition"
  }

  /// The quantile rule used for P10/P50/P90.
  public static var quantileRule: String { Say.Simulation.quantileRule.text() }
}

/// A 95% Wilson score interval for a probability.
public struct ProbabilityInterval: Sendable, Codable, Equatable {
  public var lower: Double
  public var upper: Double

  /// The Wilson score interval (z = 1.959964) for `hits` successes in `runs` trials:
  /// (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
  public init(wilsonHits hits: Int, runs: Int) {
    guard runs > 0 else {
      self.init(lower: 0, upper: 1)
      return
    }
    let z = 1.959_963_984_540_054
    let n = Double(runs)
    let p = Double(hits) / n
    let z2n = z * z / n
    let center = (p + z2n / 2) / (1 + z2n)
    let half = z * (p * (1 - p) / n + z2n / (4 * n)).squareRoot() / (1 + z2n)
    self.init(
      lower: hits <= 0 ? 0 : max(0, center - half), upper: hits >= runs ? 1 : min(1, center + half))
  }

  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }
}

public struct GoalOdds: Sendable, Codable, Equatable {
  public var indicatorIndex: Int
  public var indicatorID: String
  public var indicatorName: String
  public var type: GoalType
  public var aggregate: GoalAggregate
  public var target: Double
  /// Runs with outcome ≥ target − 10⁻⁹.
  public var hits: Int
  public var pHit: Double
  public var ci95: ProbabilityInterval
  /// Standard error of `pHit`, √(p(1−p)/n).
  public var standardError: Double
  public var p10: Double
  public var p50: Double
  public var p90: Double
  /// Mean outcome.
  public var mean: Double
  /// E[max(0, target − outcome)].
  public var expectedShortfall: Double

  enum CodingKeys: String, CodingKey {
    case type, aggregate, target, hits, ci95, p10, p50, p90, mean
    case indicatorIndex = "indicator_index"
    case indicatorID = "indicator_id"
    case indicatorName = "indicator_name"
    case pHit = "p_hit"
    case standardError = "standard_error"
    case expectedShortfall = "expected_shortfall"
  }
}

/// The streets of one indicator in the goal year.
public struct IndicatorStreetOdds: Sendable, Codable, Equatable {
  public var indicatorIndex: Int
  public var indicatorID: String
  /// Index into ``SimulationResult/goals`` of the annual goal the shortfall shares refer to, if any.
  public var annualGoal: Int?
  /// Runs in which the district missed that annual goal.
  public var districtMisses: Int
  public var streets: [StreetOdds]

  enum CodingKeys: String, CodingKey {
    case streets
    case indicatorIndex = "indicator_index"
    case indicatorID = "indicator_id"
    case annualGoal = "annual_goal"
    case districtMisses = "district_misses"
  }
}

public struct StreetOdds: Sendable, Codable, Equatable {
  public var areaIndex: Int
  public var area: String
  /// The street's goal-year target.
  public var target: Double
  /// Runs in which the street's result (known + simulated) ≥ its target − 10⁻⁹.
  public var hits: Int
  public var pMeetTarget: Double
  /// Σ over runs where the district misses the annual goal of max(0, T_s − X_s), divided by the
  /// same summed over the indicator's streets: this street's part of the gap in a miss.
  /// 0 when the district never misses (or there is no annual goal).
  public var shortfallShare: Double

  enum CodingKeys: String, CodingKey {
    case area, target, hits
    case areaIndex = "area_index"
    case pMeetTarget = "p_meet_target"
    case shortfallShare = "shortfall_share"
  }
}

/// P(all goals hit in the same run).
public struct JointOdds: Sendable, Codable, Equatable {
  /// Number of goals that must all be hit.
  public var goals: Int
  public var hits: Int
  public var pAll: Double
  public var ci95: ProbabilityInterval

  enum CodingKeys: String, CodingKey {
    case goals, hits, ci95
    case pAll = "p_all"
  }
}

public struct GroupOdds: Sendable, Codable, Equatable {
  public var groupIndex: Int
  public var group: String
  public var odds: JointOdds

  enum CodingKeys: String, CodingKey {
    case group, odds
    case groupIndex = "group_index"
  }
}

/// How a run with a precision target ended.
public struct PrecisionReport: Sendable, Codable, Equatable {
  /// The requested largest standard error of any P(hit).
  public var target: Double
  /// The largest standard error reached, √(p(1−p)/n) with p = (hits + 1)/(n + 2).
  public var achieved: Double
  /// The cap on runs.
  public var maxRuns: Int
  /// Whether `achieved` ≤ `target` (false: stopped at `maxRuns`).
  public var met: Bool

  enum CodingKeys: String, CodingKey {
    case target, achieved, met
    case maxRuns = "max_runs"
  }
}
