import Foundation

/// Totals of a set of runs. Blocks are merged in block order, so floating-point sums (and thus
/// every result) are the same whatever the number of threads.
struct Tally: Sendable {
  var runs = 0
  var goalHits: [Int]
  var goalOutcomeSum: [Double]
  var goalShortfallSum: [Double]
  var outcomes: [OutcomeSet]
  var slotHits: [Int]
  var slotMissShortfall: [Double]
  var indicatorMisses: [Int]
  var allHits = 0
  var groupHits: [Int]

  init(model: CompiledModel) {
    goalHits = Array(repeating: 0, count: model.goals.count)
    goalOutcomeSum = Array(repeating: 0, count: model.goals.count)
    goalShortfallSum = Array(repeating: 0, count: model.goals.count)
    outcomes = Array(repeating: OutcomeSet(), count: model.goals.count)
    slotHits = Array(repeating: 0, count: model.slots.count)
    slotMissShortfall = Array(repeating: 0, count: model.slots.count)
    indicatorMisses = Array(repeating: 0, count: model.indicatorCount)
    groupHits = Array(repeating: 0, count: model.groupCount)
  }

  /// Adds `other` (the next block). `expectedRuns` sizes the stored outcomes once.
  mutating func merge(_ other: Tally, expectedRuns: Int = 0) {
    runs += other.runs
    for g in goalHits.indices {
      goalHits[g] += other.goalHits[g]
      goalOutcomeSum[g] += other.goalOutcomeSum[g]
      goalShortfallSum[g] += other.goalShortfallSum[g]
      outcomes[g].merge(other.outcomes[g], expectedCount: expectedRuns)
    }
    for s in slotHits.indices {
      slotHits[s] += other.slotHits[s]
      slotMissShortfall[s] += other.slotMissShortfall[s]
    }
    for i in indicatorMisses.indices { indicatorMisses[i] += other.indicatorMisses[i] }
    allHits += other.allHits
    for g in groupHits.indices { groupHits[g] += other.groupHits[g] }
  }
}

extension CompiledModel {
  /// Simulates `runs` runs with `generator` (the first `runs` runs of the block's stream).
  ///
  /// Per run, in three passes (so that the exponentials vectorise):
  /// 1. draw the shared factors (year-major, then group), then each task's own ε in task order
  ///    (no draw when σ·√(1−ρ) = 0), giving the exponent of R;
  /// 2. λ = target·remaining·R for every task, and e^−λ for the goal year's tasks;
  /// 3. in unit order (see ``Unit``), the Poisson draw of each count unit with λ > 0, then the
  ///    district totals, the goals and the street statistics.
  func simulateBlock(runs: Int, generator: inout Xoshiro256StarStar, scratch: BlockScratch) -> Tally {
    let normal = StandardNormal()
    let reciprocal = SamplingTables.shared.reciprocal
    let taskCount = tasks.count
    let goalCount = goals.count
    let slotCount = slots.count
    let totalCount = yearCount * indicatorCount
    let tolerance = Self.tolerance
    let lastYearOffset = (yearCount - 1) * indicatorCount
    let goalYearStart = goalYearTasks.lowerBound

    assert(scratch.runs >= runs, "scratch smaller than the block")
    scratch.reset()
    let columns = scratch.columns
    let unitColumns = scratch.unitColumns
    let buffers = scratch.buffers
    let exponent = buffers.exponent, lambda = buffers.lambda, emLambda = buffers.emLambda
    let factors = buffers.factors, totals = buffers.totals, street = buffers.street
    let outcome = buffers.outcome, goalMissed = buffers.goalMissed
    let groupAllHit = buffers.groupAllHit
    let goalHits = buffers.goalHits, slotHits = buffers.slotHits
    let indicatorMisses = buffers.indicatorMisses, groupHits = buffers.groupHits
    let goalOutcomeSum = buffers.goalOutcomeSum, goalShortfallSum = buffers.goalShortfallSum
    let slotMissShortfall = buffers.slotMissShortfall
    let goalIndicator = buffers.goalIndicator, goalGroup = buffers.goalGroup
    let goalSums = buffers.goalSums, goalKnown = buffers.goalKnown, goalTarget = buffers.goalTarget
    let slotTarget = buffers.slotTarget, slotIndicatorMissGoal = buffers.slotMissGoal
    var allHits = 0

    for run in 0..<runs {
      // Pass 1: exponents of R.
      for f in 0..<factorCount { factors[f] = normal.sample(using: &generator) }
      for t in 0..<taskCount {
        var x = columns.logMean[t] + columns.sharedWeight[t] * factors[Int(columns.factor[t])]
        if columns.ownWeight[t] != 0 {
          x += columns.ownWeight[t] * normal.sample(using: &generator)
        }
        exponent[t] = x
      }
      // Pass 2: λ, and e^−λ where a street's own draw may need it (vectorised loops).
      // A task without randomness has exponent 0 and scale λ: fastExp(0) is exactly 1.
      for t in 0..<taskCount { lambda[t] = columns.scale[t] * fastExp(exponent[t]) }
      for t in goalYearStart..<taskCount { emLambda[t] = fastExp(-lambda[t]) }

      // Pass 3: draws and district totals (units come in the order of their totals).
      for t in 0..<totalCount { totals[t] = 0 }
      var current = Int(unitColumns.total[0])
      var sum = 0.0
      for u in 0..<unitColumns.count {
        let first = Int(unitColumns.first[u])
        let end = Int(unitColumns.end[u])
        var l = lambda[first]
        for t in (first + 1)..<max(end, first + 1) { l += lambda[t] }
        var draw = l
        if unitColumns.isCount[u] && l > 0 {
          if l < Poisson.inversionLimit {
            let q = end - first == 1 && first >= goalYearStart ? emLambda[first] : exp(-l)
            draw = Poisson.inversion(l, expMinusMean: q, reciprocal: reciprocal, using: &generator)
          } else {
            draw = Poisson.ptrs(l, using: &generator)
          }
        }
        let value = unitColumns.known[u] + draw
        let total = Int(unitColumns.total[u])
        if total != current {
          totals[current] = sum
          current = total
          sum = 0
        }
        sum += value
        let slot = unitColumns.slot[u]
        if slot >= 0 { street[Int(slot)] = value }
      }
      totals[current] = sum

      // Goals.
      var allHit = true
      for g in 0..<groupCount { groupAllHit[g] = true }
      for g in 0..<goalCount {
        let indicator = goalIndicator[g]
        var result: Double
        if goalSums[g] {
          result = goalKnown[g]
          for y in 0..<yearCount { result += totals[y * indicatorCount + indicator] }
        } else {
          result = totals[lastYearOffset + indicator]
        }
        outcome[g * runs + run] = result
        goalOutcomeSum[g] += result
        let target = goalTarget[g]
        if result < target { goalShortfallSum[g] += target - result }
        let hit = result >= target - tolerance
        goalMissed[g] = !hit
        if hit {
          goalHits[g] += 1
        } else {
          allHit = false
          groupAllHit[goalGroup[g]] = false
        }
      }
      if allHit { allHits += 1 }
      for g in 0..<groupCount where groupAllHit[g] { groupHits[g] += 1 }

      // Streets: own targets, and their part of the gap when the annual goal is missed.
      for i in 0..<indicatorCount {
        if let annual = annualGoal[i], goalMissed[annual] { indicatorMisses[i] += 1 }
      }
      for s in 0..<slotCount {
        let value = street[s]
        let target = slotTarget[s]
        slotHits[s] += value >= target - tolerance ? 1 : 0
        let missGoal = slotIndicatorMissGoal[s]
        if missGoal >= 0 && goalMissed[missGoal] {
          slotMissShortfall[s] += value < target ? target - value : 0
        }
      }
    }

    var tally = Tally(model: self)
    tally.runs = runs
    tally.allHits = allHits
    for g in 0..<goalCount {
      tally.goalHits[g] = goalHits[g]
      tally.goalOutcomeSum[g] = goalOutcomeSum[g]
      tally.goalShortfallSum[g] = goalShortfallSum[g]
      tally.outcomes[g] = OutcomeSet(block: UnsafeBufferPointer(start: outcome + g * runs, count: runs))
    }
    for s in 0..<slotCount {
      tally.slotHits[s] = slotHits[s]
      tally.slotMissShortfall[s] = slotMissShortfall[s]
    }
    for i in 0..<indicatorCount { tally.indicatorMisses[i] = indicatorMisses[i] }
    for g in 0..<groupCount { tally.groupHits[g] = groupHits[g] }
    return tally
  }
}

/// The memory one worker thread reuses for every block it runs (no allocation per block).
final class BlockScratch {
  let runs: Int
  fileprivate let buffers: Buffers
  fileprivate let columns: TaskColumns
  fileprivate let unitColumns: UnitColumns
  private let model: CompiledModel

  init(model: CompiledModel, runs: Int) {
    self.runs = runs
    self.model = model
    buffers = Buffers(model: model, runs: runs)
    columns = TaskColumns(model.tasks)
    unitColumns = UnitColumns(model.units)
  }

  /// Zeroes the per-block counters.
  func reset() {
    let goals = max(model.goals.count, 1), slots = max(model.slots.count, 1)
    buffers.goalOutcomeSum.update(repeating: 0, count: goals)
    buffers.goalShortfallSum.update(repeating: 0, count: goals)
    buffers.goalHits.update(repeating: 0, count: goals)
    buffers.slotHits.update(repeating: 0, count: slots)
    buffers.slotMissShortfall.update(repeating: 0, count: slots)
    buffers.indicatorMisses.update(repeating: 0, count: max(model.indicatorCount, 1))
    buffers.groupHits.update(repeating: 0, count: max(model.groupCount, 1))
  }

  deinit {
    buffers.deallocate()
    columns.deallocate()
    unitColumns.deallocate()
  }
}

/// Scratch memory of one block, as raw pointers so the inner loops have no array overhead.
private struct Buffers {
  let exponent, lambda, emLambda, factors, totals, street, outcome: UnsafeMutablePointer<Double>
  let goalOutcomeSum, goalShortfallSum, slotMissShortfall: UnsafeMutablePointer<Double>
  let goalKnown, goalTarget, slotTarget: UnsafeMutablePointer<Double>
  let goalHits, slotHits, indicatorMisses, groupHits, goalIndicator, goalGroup, slotMissGoal:
    UnsafeMutablePointer<Int>
  let goalMissed, groupAllHit, goalSums: UnsafeMutablePointer<Bool>

  init(model: CompiledModel, runs: Int) {
    func doubles(_ n: Int) -> UnsafeMutablePointer<Double> {
      let p = UnsafeMutablePointer<Double>.allocate(capacity: max(n, 1))
      p.initialize(repeating: 0, count: max(n, 1))
      return p
    }
    func ints(_ n: Int) -> UnsafeMutablePointer<Int> {
      let p = UnsafeMutablePointer<Int>.allocate(capacity: max(n, 1))
      p.initialize(repeating: 0, count: max(n, 1))
      return p
    }
    func bools(_ n: Int) -> UnsafeMutablePointer<Bool> {
      let p = UnsafeMutablePointer<Bool>.allocate(capacity: max(n, 1))
      p.initialize(repeating: false, count: max(n, 1))
      return p
    }
    let tasks = model.tasks.count, goals = model.goals.count, slots = model.slots.count
    exponent = doubles(tasks)
    lambda = doubles(tasks)
    emLambda = doubles(tasks)
    factors = doubles(model.factorCount)
    totals = doubles(model.yearCount * model.indicatorCount)
    street = doubles(slots)
    outcome = doubles(goals * runs)
    goalOutcomeSum = doubles(goals)
    goalShortfallSum = doubles(goals)
    slotMissShortfall = doubles(slots)
    goalKnown = doubles(goals)
    goalTarget = doubles(goals)
    slotTarget = doubles(slots)
    goalHits = ints(goals)
    slotHits = ints(slots)
    indicatorMisses = ints(model.indicatorCount)
    groupHits = ints(model.groupCount)
    goalIndicator = ints(goals)
    goalGroup = ints(goals)
    slotMissGoal = ints(slots)
    goalMissed = bools(goals)
    groupAllHit = bools(model.groupCount)
    goalSums = bools(goals)
    for (g, goal) in model.goals.enumerated() {
      goalKnown[g] = goal.known
      goalTarget[g] = goal.target
      goalIndicator[g] = goal.indicator
      goalGroup[g] = goal.group
      goalSums[g] = goal.sumsYears
    }
    for (s, slot) in model.slots.enumerated() {
      slotTarget[s] = slot.target
      slotMissGoal[s] = model.annualGoal[slot.indicator] ?? -1
    }
  }

  func deallocate() {
    for p in [
      exponent, lambda, emLambda, factors, totals, street, outcome, goalOutcomeSum,
      goalShortfallSum, slotMissShortfall, goalKnown, goalTarget, slotTarget,
    ] { p.deallocate() }
    for p in [
      goalHits, slotHits, indicatorMisses, groupHits, goalIndicator, goalGroup, slotMissGoal,
    ] { p.deallocate() }
    for p in [goalMissed, groupAllHit, goalSums] { p.deallocate() }
  }
}

/// The tasks as columns (structure of arrays) for the passes of ``CompiledModel/simulateBlock``.
private struct TaskColumns {
  /// λ = scale · e^(logMean + sharedWeight·Z + ownWeight·ε); without randomness (σ = 0, or
  /// nothing to deliver) the weights and logMean are 0 and scale is λ itself.
  let scale, logMean, sharedWeight, ownWeight: UnsafeMutablePointer<Double>
  let factor: UnsafeMutablePointer<Int32>

  init(_ tasks: [CompiledModel.Task]) {
    let n = max(tasks.count, 1)
    scale = .allocate(capacity: n)
    logMean = .allocate(capacity: n)
    sharedWeight = .allocate(capacity: n)
    ownWeight = .allocate(capacity: n)
    factor = .allocate(capacity: n)
    for (t, task) in tasks.enumerated() {
      let fixed = task.fixedRatio || task.deterministic
      scale[t] = task.deterministic ? 0 : (task.fixedRatio ? task.scale * task.meanRatio : task.scale)
      logMean[t] = fixed ? 0 : task.logMean
      sharedWeight[t] = fixed ? 0 : task.sharedWeight
      ownWeight[t] = fixed ? 0 : task.ownWeight
      factor[t] = task.factor
    }
  }

  func deallocate() {
    for p in [scale, logMean, sharedWeight, ownWeight] { p.deallocate() }
    factor.deallocate()
  }
}

/// The units as columns.
private struct UnitColumns {
  let count: Int
  let first, end, total, slot: UnsafeMutablePointer<Int32>
  let known: UnsafeMutablePointer<Double>
  let isCount: UnsafeMutablePointer<Bool>

  init(_ units: [CompiledModel.Unit]) {
    count = units.count
    let n = max(count, 1)
    first = .allocate(capacity: n)
    end = .allocate(capacity: n)
    total = .allocate(capacity: n)
    slot = .allocate(capacity: n)
    known = .allocate(capacity: n)
    isCount = .allocate(capacity: n)
    // A model without any open street still needs a unit to flush its (zero) totals.
    first[0] = 0
    end[0] = 0
    total[0] = 0
    slot[0] = -1
    known[0] = 0
    isCount[0] = false
    for (u, unit) in units.enumerated() {
      first[u] = Int32(unit.tasks.lowerBound)
      end[u] = Int32(unit.tasks.upperBound)
      total[u] = unit.total
      slot[u] = unit.slot
      known[u] = unit.known
      isCount[u] = unit.isCount
    }
  }

  func deallocate() {
    for p in [first, end, total, slot] { p.deallocate() }
    known.deallocate()
    isCount.deallocate()
  }
}
