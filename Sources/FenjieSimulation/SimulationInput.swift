import FenjieText
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
  /// The plan's first and last year (JSON `plan_years`, optional): they name the plan-total goal
  /// ("四年 2022–2025"). Without it the plan is taken to be the simulated years.
  public var planYears: [Int]?

  public init(
    areas: [String], years: [Int], groups: [String], factor: FactorMode, indicators: [SimIndicator],
    planYears: [Int]? = nil
  ) {
    self.areas = areas
    self.years = years
    self.groups = groups
    self.factor = factor
    self.indicators = indicators
    self.planYears = planYears
  }

  enum CodingKeys: String, CodingKey {
    case areas, years, groups, factor, indicators
    case planYears = "plan_years"
  }

  /// The goal year (the last simulated year), if there is one.
  public var goalYear: Int? { years.last }

  /// The plan's first and last year: ``planYears`` where given, else the simulated years'.
  public var planSpan: PlanSpan {
    let first = planYears?.first ?? years.first ?? 0
    let last = planYears?.last ?? years.last ?? first
    return PlanSpan(first: first, last: last)
  }
}

/// The years of a plan, first to last. It names the two goals of an indicator by what they are:
/// the final year's annual goal ("2026") and the goal over the plan's real length ("三年 2024–2026"
/// for Liangxi's plan, "四年 2022–2025" for a four-year one).
public struct PlanSpan: Sendable, Codable, Equatable {
  public var first: Int
  public var last: Int

  public init(first: Int, last: Int) {
    self.first = first
    self.last = max(first, last)
  }

  /// Number of years, first and last included.
  public var length: Int { last - first + 1 }

  /// "三年", "四年", …, "十年"; "N年" beyond ten.
  public var chineseLength: String {
    let digits = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    return (1...10).contains(length) ? digits[length - 1] + "年" : "\(length)年"
  }

  /// "2024–2026"
  public var years: String { "\(first)–\(last)" }

  /// The goal as a reader names it: "2026" for the annual goal, "三年 2024–2026" for the plan goal.
  public func label(_ type: GoalType) -> String {
    type == .annual ? "\(last)" : "\(chineseLength) \(years)"
  }

  /// The goal's kind in English, for tables: "annual" or "plan total (3 years)".
  public func kind(_ type: GoalType) -> String {
    (type == .annual ? Say.Simulation.annualGoal : Say.Simulation.planTotalGoal(length)).text()
  }
}

/// The shared factor Z of the model.
public enum FactorMode: String, Sendable, Codable, Equatable {
  /// One N(0, 1) factor per simulated year, shared by every indicator and street.
  case district
  /// One N(0, 1) factor per (simulated year, action group).
  case group
}

/// How an indicator is simulated: counts and stocks are whole Poisson draws, the others continuous.
/// (A stock, such as 高新技术企业数, is a whole number whose plan goal is the final year's value:
/// simulated as a count, its goal's aggregate says `final_year`.)
public enum SimKind: String, Sendable, Codable, Equatable {
  case count, amount, level, share, stock

  /// Whole numbers, drawn as Poisson(target·remaining·R).
  public var isWhole: Bool { self == .count || self == .stock }
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
  /// The plan-period goal, over the plan's real length (three years for Liangxi 2024–2026, four
  /// for a 2022–2025 plan). Its JSON value stays "three_year", the name of format 1, so that files
  /// written before keep reading; ``PlanSpan`` names it for readers.
  case planTotal = "three_year"
}

public enum GoalAggregate: String, Sendable, Codable, Equatable {
  /// `known` + the sum of the simulated years' district totals.
  case sumOfYears = "sum"
  /// The goal year's district total only (`known` is ignored).
  case finalYear = "final_year"
}

/// A district goal of one indicator. Its outcome per run:
/// - `annual`: the goal year's district total (`known` ignored);
/// - `three_year` (the plan total, ``GoalType/planTotal``) with `sum`: `known` + Σ of the simulated
///   years' district totals;
/// - `three_year` with `final_year`: the goal year's district total.
/// A run hits the goal when outcome ≥ target − 10⁻⁹.
public struct SimGoal: Sendable, Codable, Equatable {
  public var type: GoalType
  public var target: Double
  /// Achieved in years that are not simulated (added to the outcome of a `sum` goal). For a
  /// `final_year` goal it is what the goal year has delivered so far (progress to date), shown as
  /// 已完成 and otherwise ignored (the streets' cells carry it into the outcome).
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

  /// What the goal's outcome already holds for sure (已完成): for a `sum` goal, `known` plus the
  /// progress to date of every simulated year; otherwise the goal year's progress to date.
  public func delivered(_ indicator: SimIndicator) -> Double {
    func progress(_ year: [AreaCell?]) -> Double { year.reduce(0) { $0 + ($1?.known ?? 0) } }
    if sumsYears { return known + indicator.cells.reduce(0) { $0 + progress($1) } }
    return indicator.cells.last.map(progress) ?? 0
  }

  /// Whether the outcome adds the simulated years (and `known`) rather than taking the goal year.
  var sumsYears: Bool { type == .planTotal && aggregate == .sumOfYears }
}
