import Foundation

/// The input flattened for the inner loop: one ``Task`` per open street per simulated year, in the
/// order (year, indicator, street), which is also the order of the street noise draws.
struct CompiledModel: Sendable {
  /// One street of one indicator in one simulated year.
  struct Task: Sendable {
    /// target · remaining
    var scale: Double
    /// ln(meanRatio) − σ²/2
    var logMean: Double
    /// σ·√ρ, the weight of the shared factor
    var sharedWeight: Double
    /// σ·√(1 − ρ), the weight of the street's own noise
    var ownWeight: Double
    /// meanRatio, used as R itself when σ = 0
    var meanRatio: Double
    var known: Double
    /// Index of the shared factor in the run's factor array.
    var factor: Int32
    /// Index of the (year, indicator) district total.
    var total: Int32
    /// Index of the goal-year street slot, or −1 for earlier years.
    var slot: Int32
    var isCount: Bool
    /// Nothing random: σ = 0, or nothing left to deliver (scale or mean ratio 0).
    var fixedRatio: Bool
    var deterministic: Bool
  }

  /// One goal, evaluated from the district totals.
  struct Goal: Sendable {
    var indicator: Int
    var group: Int
    var type: GoalType
    var aggregate: GoalAggregate
    var sumsYears: Bool
    var known: Double
    var target: Double
  }

  /// One street of one indicator in the goal year.
  struct Slot: Sendable {
    var indicator: Int
    var area: Int
    var target: Double
  }

  /// A Poisson draw (or, for continuous kinds, a sum) that makes up part of a district total.
  /// In the goal year every street is its own unit (street results are needed); in earlier years
  /// the streets of an indicator form one unit, drawn as Poisson(Σ λ_s), which has exactly the
  /// distribution of Σ Poisson(λ_s) for independent draws given the λ_s.
  struct Unit: Sendable {
    /// The tasks whose λ are added.
    var tasks: Range<Int>
    /// Σ known of those tasks.
    var known: Double
    var total: Int32
    /// Goal-year street slot, or −1.
    var slot: Int32
    var isCount: Bool
  }

  var tasks: [Task] = []
  var units: [Unit] = []
  /// Tasks of the goal year: `goalYearTasks.lowerBound..<tasks.count`.
  var goalYearTasks: Range<Int> = 0..<0
  var goals: [Goal] = []
  var slots: [Slot] = []
  /// Slots of each indicator, as a range into `slots`.
  var indicatorSlots: [Range<Int>] = []
  /// The annual goal of each indicator (index into `goals`), if any.
  var annualGoal: [Int?] = []
  var factorCount = 0
  var indicatorCount = 0
  var yearCount = 0
  var groupCount = 0

  /// Goals are hit at outcome ≥ target − tolerance.
  static let tolerance = 1e-9

  init(_ input: SimulationInput) {
    indicatorCount = input.indicators.count
    yearCount = input.years.count
    groupCount = input.groups.count
    let factorsPerYear = input.factor == .district ? 1 : max(1, input.groups.count)
    factorCount = yearCount * factorsPerYear
    let last = yearCount - 1

    for (i, indicator) in input.indicators.enumerated() {
      let start = slots.count
      if last >= 0, indicator.cells.indices.contains(last) {
        for (s, cell) in indicator.cells[last].enumerated() {
          if let cell { slots.append(Slot(indicator: i, area: s, target: cell.target)) }
        }
      }
      indicatorSlots.append(start..<slots.count)
    }
    for y in 0..<yearCount {
      if y == last { goalYearTasks = tasks.count..<tasks.count }
      for (i, indicator) in input.indicators.enumerated() {
        guard indicator.cells.indices.contains(y) else { continue }
        let first = tasks.count
        var slot = indicatorSlots[i].lowerBound
        for cell in indicator.cells[y] {
          guard let cell else { continue }
          let scale = cell.target * cell.remaining
          let sigma = cell.sigma
          let factor = y * factorsPerYear + (input.factor == .district ? 0 : indicator.group)
          tasks.append(
            Task(
              scale: scale,
              logMean: log(cell.meanRatio) - sigma * sigma / 2,
              sharedWeight: sigma * cell.correlation.squareRoot(),
              ownWeight: sigma * (1 - cell.correlation).squareRoot(),
              meanRatio: cell.meanRatio,
              known: cell.known,
              factor: Int32(factor),
              total: Int32(y * indicatorCount + i),
              slot: y == last ? Int32(slot) : -1,
              isCount: indicator.kind.isWhole,
              fixedRatio: sigma == 0,
              deterministic: scale == 0 || cell.meanRatio == 0))
          if y == last {
            let t = tasks.count - 1
            units.append(
              Unit(
                tasks: t..<(t + 1), known: cell.known, total: Int32(y * indicatorCount + i),
                slot: Int32(slot), isCount: indicator.kind.isWhole))
            slot += 1
          }
        }
        if y != last && tasks.count > first {
          units.append(
            Unit(
              tasks: first..<tasks.count, known: tasks[first...].reduce(0) { $0 + $1.known },
              total: Int32(y * indicatorCount + i), slot: -1, isCount: indicator.kind.isWhole))
        }
      }
    }
    goalYearTasks = goalYearTasks.lowerBound..<tasks.count
    for (i, indicator) in input.indicators.enumerated() {
      var annual: Int?
      for goal in indicator.goals {
        if goal.type == .annual && annual == nil { annual = goals.count }
        goals.append(
          Goal(
            indicator: i, group: indicator.group, type: goal.type, aggregate: goal.aggregate,
            sumsYears: goal.sumsYears,
            known: goal.sumsYears ? goal.known : 0, target: goal.target))
      }
      annualGoal.append(annual)
    }
  }
}
