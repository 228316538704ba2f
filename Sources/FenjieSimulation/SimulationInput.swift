/// Everything the Monte Carlo simulation needs, as plain data (no dependency on the allocation).
///
/// JSON (the `Codable` form, keys in snake_case):
/// ```json
/// { "areas": ["崇安寺街道", …], "years": [2025, 2026], "groups": ["科技企业倍增行动计划", …],
///   "factor": "district" | "group",
///   "indicators": [ { "id": "new_tech_firms", "name": "…", "kind": "count" | "amount" | "level" | "share",
///       "group": 0,
///       "cells": [[ {"target": 45, "known": 0, "remaining": 1, "mean_ratio": 1.0, "sigma": 0.2,
///                    "correlation": 0.3}, null, … ], …],      // [year][area], null = "/"
///       "goals": [ {"type": "annual", "target": 1600, "known": 0, "aggregate": "final_year"},
///                  {"type": "three_year", "target": 3800, "known": 1000, "aggregate": "sum"} ] } ] }
/// ```
/// When decoding, `known` (cell and goal) defaults to 0 and `remaining` to 1; other keys are required.
/// Unknown keys (for example a top-level "note") are ignored.
public struct SimulationInput: Sendable, Codable, Equatable {
  /// Street names in column order.
  public var areas: [String]
  /// Simulated years, ascending; the last is the goal year.
  public var years: [Int]
  /// Action groups (行动名称).
  public var groups: [String]
  /// How the shared factor is drawn.
  public var factor: FactorMode
  public var indicators: [SimIndicator]

  public init(
    areas: [String], years: [Int], groups: [String], factor: FactorMode, indicators: [SimIndicator]
  ) {
    self.areas = areas
    self.years = years
    self.groups = groups
    self.factor = factor
    self.indicators = indicators
  }

  /// The goal year (the last simulated year), if there is one.
  public var goalYear: Int? { years.last }
}

/// The shared factor Z of the model.
public enum FactorMode: String, Sendable, Codable, Equatable {
  /// One N(0, 1) factor per simulated year, shared by every indicator and street.
  case district
  /// One N(0, 1) factor per (simulated year, action group).
  case group
}

/// How an indicator is simulated: counts are whole Poisson draws, the others continuous.
public enum SimKind: String, Sendable, Codable, Equatable {
  case count, amount, level, share
}

public struct SimIndicator: Sendable, Codable, Equatable {
  public var id: String
  public var name: String
  public var kind: SimKind
  /// Index into ``SimulationInput/groups``.
  public var group: Int
  /// `[year index][area index]`; `nil` = "/" (no target for that street that year).
  public var cells: [[AreaCell?]]
  public var goals: [SimGoal]

  public init(
    id: String, name: String, kind: SimKind, group: Int, cells: [[AreaCell?]], goals: [SimGoal]
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.group = group
    self.cells = cells
    self.goals = goals
  }
}

/// One street in one simulated year.
///
/// Its result is `known + D` with `D = Poisson(target·remaining·R)` for counts and
/// `target·remaining·R` otherwise, where
/// `log R = ln(meanRatio) − σ²/2 + σ·(√ρ·Z + √(1−ρ)·ε)` (so E[R] = meanRatio).
public struct AreaCell: Sendable, Codable, Equatable {
  /// The street's target that year (≥ 0).
  public var target: Double
  /// Progress to date that year (0 if none).
  public var known: Double
  /// Fraction of the year still to simulate, 0…1 (1 = whole year).
  public var remaining: Double
  /// E[R], the expected achievement ratio (> 0; 0 makes the street deliver nothing more).
  public var meanRatio: Double
  /// Standard deviation of log R (0…10).
  public var sigma: Double
  /// ρ in 0…1: the weight of the shared factor in log R.
  public var correlation: Double

  public init(
    target: Double, known: Double = 0, remaining: Double = 1, meanRatio: Double = 1,
    sigma: Double, correlation: Double
  ) {
    self.target = target
    self.known = known
    self.remaining = remaining
    self.meanRatio = meanRatio
    self.sigma = sigma
    self.correlation = correlation
  }

  enum CodingKeys: String, CodingKey {
    case target, known, remaining, sigma, correlation
    case meanRatio = "mean_ratio"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    target = try c.decode(Double.self, forKey: .target)
    known = try c.decodeIfPresent(Double.self, forKey: .known) ?? 0
    remaining = try c.decodeIfPresent(Double.self, forKey: .remaining) ?? 1
    meanRatio = try c.decode(Double.self, forKey: .meanRatio)
    sigma = try c.decode(Double.self, forKey: .sigma)
    correlation = try c.decode(Double.self, forKey: .correlation)
  }
}

public enum GoalType: String, Sendable, Codable, Equatable {
  /// The goal year's target.
  case annual
  /// The three-year (plan-period) goal.
  case threeYear = "three_year"
}

public enum GoalAggregate: String, Sendable, Codable, Equatable {
  /// `known` + the sum of the simulated years' district totals.
  case sumOfYears = "sum"
  /// The goal year's district total only (`known` is ignored).
  case finalYear = "final_year"
}

/// A district goal of one indicator. Its outcome per run:
/// - `annual`: the goal year's district total (`known` ignored);
/// - `three_year` with `sum`: `known` + Σ of the simulated years' district totals;
/// - `three_year` with `final_year`: the goal year's district total.
/// A run hits the goal when outcome ≥ target − 10⁻⁹.
public struct SimGoal: Sendable, Codable, Equatable {
  public var type: GoalType
  public var target: Double
  /// Achieved in years that are not simulated (added to the outcome of a `sum` goal).
  public var known: Double
  public var aggregate: GoalAggregate

  public init(type: GoalType, target: Double, known: Double = 0, aggregate: GoalAggregate) {
    self.type = type
    self.target = target
    self.known = known
    self.aggregate = aggregate
  }

  enum CodingKeys: String, CodingKey { case type, target, known, aggregate }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    type = try c.decode(GoalType.self, forKey: .type)
    target = try c.decode(Double.self, forKey: .target)
    known = try c.decodeIfPresent(Double.self, forKey: .known) ?? 0
    aggregate = try c.decode(GoalAggregate.self, forKey: .aggregate)
  }

  /// Whether the outcome adds the simulated years (and `known`) rather than taking the goal year.
  var sumsYears: Bool { type == .threeYear && aggregate == .sumOfYears }
}
