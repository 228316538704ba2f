import FenjieCore
import FenjieSimulation

/// One scenario's results, for `fenjie compare`.
public struct ScenarioOutcome: Sendable {
  public var name: String
  public var allocation: AllocationResult
  public var simulation: SimulationResult?
  public var setup: SimulationSetup?

  public init(name: String, allocation: AllocationResult, simulation: SimulationResult?, setup: SimulationSetup?) {
    self.name = name
    self.allocation = allocation
    self.simulation = simulation
    self.setup = setup
  }
}

/// Scenarios side by side (情景对比): how each street's targets change and how each goal's odds
/// change, the largest changes first. `FenjieReports.ComparisonReport` prints it.
public struct Comparison: Sendable {
  public var base: ScenarioOutcome
  public var alternatives: [ScenarioOutcome]

  public init(base: ScenarioOutcome, alternatives: [ScenarioOutcome]) {
    self.base = base
    self.alternatives = alternatives
  }

  public struct TargetChange: Sendable {
    public var indicator: Indicator
    /// nil: the district total line.
    public var area: String?
    public var base: Double?
    public var values: [Double?]
    public var largestRelativeChange: Double
  }

  public struct OddsChange: Sendable {
    public var indicator: String
    public var name: String
    public var type: GoalType
    public var base: Double
    public var baseError: Double
    public var values: [Double?]
    public var errors: [Double?]
    public var largestChange: Double
  }

  public var targetChanges: [TargetChange] {
    var changes: [TargetChange] = []
    for line in base.allocation.indicators where line.status != .notSplit {
      let others = alternatives.map { alt in alt.allocation.indicators.first { $0.indicator.id == line.indicator.id } }
      for area in [nil] + base.allocation.areas.map(Optional.some) {
        func value(_ l: IndicatorAllocation?) -> Double? {
          guard let l else { return nil }
          return area.map { l.areas[$0]?.value } ?? l.allocatedTotal
        }
        let b = value(line)
        let vs = others.map { value($0) }
        var largest = 0.0
        var differs = false
        for v in vs {
          if v != b { differs = true }
          if let v, let b { largest = max(largest, abs(v - b) / max(abs(b), 1e-9)) } else if v != b { largest = .infinity }
        }
        if differs {
          changes.append(TargetChange(indicator: line.indicator, area: area, base: b, values: vs, largestRelativeChange: largest))
        }
      }
    }
    return changes.sorted { $0.largestRelativeChange > $1.largestRelativeChange }
  }

  public var oddsChanges: [OddsChange] {
    guard let baseOdds = base.simulation else { return [] }
    var changes: [OddsChange] = []
    for goal in baseOdds.goals {
      let others = alternatives.map { alt in
        alt.simulation?.goals.first { $0.indicatorID == goal.indicatorID && $0.type == goal.type }
      }
      let largest = others.map { o in o.map { abs($0.pHit - goal.pHit) } ?? 1 }.max() ?? 0
      if others.contains(where: { $0?.pHit != goal.pHit }) {
        changes.append(
          OddsChange(
            indicator: goal.indicatorID, name: goal.indicatorName, type: goal.type, base: goal.pHit,
            baseError: goal.standardError, values: others.map { $0?.pHit }, errors: others.map { $0?.standardError },
            largestChange: largest))
      }
    }
    return changes.sorted { $0.largestChange > $1.largestChange }
  }
}
