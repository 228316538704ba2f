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
  /// Simulates `runs` runs of the block whose generator is `generator`.
  ///
  /// Streams: the normal draws (hence every achievement ratio R) come from `generator`; the
  /// Poisson draws of indicator i from `generator` jumped i + 1 times (2¹²⁸ outputs each). The
  /// number of normal draws per run is fixed by the model's shape, while a Poisson draw takes as
  /// many uniforms as its rejections need. So two inputs of the same shape (a shock, another
  /// target, a lock) with the same seed share every ratio of every run, and every count of the
  /// indicators they do not change: common random numbers, which makes the differences that
  /// `fenjie compare` shows those of the change rather than of the draws.
  ///
  /// Per run, in passes (so that the arithmetic runs several lanes at a time and every draw has
  /// its inputs ready; each pass is its own function, which keeps the register allocation of its
  /// loop simple):
  /// 1. draw the shared factors (year-major, then group), then each task's own ε in task order
  ///    (tasks with σ·√(1−ρ) = 0 take no draw);
  /// 2. the exponent of R and λ = target·remaining·R of every task;
  /// 3. λ and log λ of every count unit (see ``Unit``); e^−λ for the units whose λ is usually
  ///    below 20 (drawn by inversion, four at a time) and the constants of PTRS for the others;
  /// 4. the Poisson draw of each count unit with λ > 0, in ``UnitColumns`` order, then the
  ///    continuous units, adding each to its district total;
  /// 5. the goals and the street statistics.
  func simulateBlock(runs: Int, generator: Xoshiro256StarStar, scratch: BlockScratch) -> Tally {
    assert(scratch.runs >= runs, "scratch smaller than the block")
    scratch.reset()
    let kernel = Kernel(model: self, scratch: scratch, runs: runs)
    var ratios = generator
    var stream = generator
    for i in 0..<indicatorCount {
      stream.jump()
      scratch.work.countStreams[i] = stream
    }
    var allHits = 0
    for run in 0..<runs {
      kernel.drawNormals(&ratios)
      kernel.computeLambdas()
      kernel.prepareUnits()
      kernel.drawUnits()
      allHits += kernel.scoreGoals(run: run)
    }

    let w = scratch.work
    var tally = Tally(model: self)
    tally.runs = runs
    tally.allHits = allHits
    for g in 0..<goals.count {
      tally.goalHits[g] = w.goalHits[g]
      tally.goalOutcomeSum[g] = w.goalOutcomeSum[g]
      tally.goalShortfallSum[g] = w.goalShortfallSum[g]
      tally.outcomes[g] = OutcomeSet(block: UnsafeBufferPointer(start: w.outcome + g * runs, count: runs))
    }
    for s in 0..<slots.count {
      tally.slotHits[s] = w.slotHits[s]
      tally.slotMissShortfall[s] = w.slotMissShortfall[s]
    }
    for i in 0..<indicatorCount { tally.indicatorMisses[i] = w.indicatorMisses[i] }
    for g in 0..<groupCount { tally.groupHits[g] = w.groupHits[g] }
    return tally
  }
}

/// The passes of one run (see ``CompiledModel/simulateBlock(runs:generator:scratch:)``).
private struct Kernel {
  let c: TaskColumns
  let k: UnitColumns
  let u: UnitColumns
  let w: Work
  let runs, factorCount, taskCount, goalCount, slotCount, groupCount: Int
  let yearCount, indicatorCount: Int
  let normal = StandardNormal()
  let reciprocal, logFactorials, expTable: UnsafeMutablePointer<Double>

  init(model: CompiledModel, scratch: BlockScratch, runs: Int) {
    c = scratch.columns
    k = scratch.counts
    u = scratch.continuous
    w = scratch.work
    self.runs = runs
    factorCount = model.factorCount
    taskCount = model.tasks.count
    goalCount = model.goals.count
    slotCount = model.slots.count
    groupCount = model.groupCount
    yearCount = model.yearCount
    indicatorCount = model.indicatorCount
    let tables = SamplingTables.shared
    reciprocal = tables.reciprocal
    logFactorials = tables.logFactorial
    expTable = tables.exp2
  }

  /// Pass 1: the normal draws. The generator is copied in and out so that it lives in
  /// registers (the rare slow paths take copies of their own).
  @inline(never)
  func drawNormals(_ generator: inout Xoshiro256StarStar) {
    var rng = generator
    defer { generator = rng }
    let normal = self.normal, factors = w.factors, eps = w.eps, noisy = c.noisy
    for f in 0..<factorCount { factors[f] = normal.sample(using: &rng) }
    for j in 0..<c.noisyCount { eps[Int(noisy[j])] = normal.sample(using: &rng) }
  }

  /// Pass 2: exponent x = logMean + sharedWeight·Z + ownWeight·ε and λ = scale·eˣ, eight at a
  /// time (the columns have spare entries up to a multiple of eight). A task without randomness
  /// has x = 0 and scale λ: fastExp(0) is exactly 1.
  @inline(never)
  func computeLambdas() {
    let factors = w.factors, eps = w.eps, exponent = w.exponent, lambda = w.lambda
    let factor = c.factor, logMean = c.logMean, sharedWeight = c.sharedWeight
    let ownWeight = c.ownWeight, scale = c.scale, expTable = self.expTable
    var t = 0
    while t < taskCount {
      let z = SIMD8(
        factors[Int(factor[t])], factors[Int(factor[t + 1])], factors[Int(factor[t + 2])],
        factors[Int(factor[t + 3])], factors[Int(factor[t + 4])], factors[Int(factor[t + 5])],
        factors[Int(factor[t + 6])], factors[Int(factor[t + 7])])
      let x = load8(logMean, t) + load8(sharedWeight, t) * z + load8(ownWeight, t) * load8(eps, t)
      store8(x, exponent, t)
      store8(load8(scale, t) * fastExp(x, table: expTable), lambda, t)
      t += 8
    }
  }

  /// Pass 3: λ and log λ of the count units (log λ = log scale + x for one task; NaN for a sum,
  /// computed when needed), then e^−λ and the PTRS constants.
  @inline(never)
  func prepareUnits() {
    let unitLambda = w.unitLambda, unitLog = w.unitLog, lambda = w.lambda, exponent = w.exponent
    let logScale = c.logScale, first = k.first, expTable = self.expTable
    let counts = k.count
    for i in 0..<counts {
      let f = Int(first[i])
      unitLambda[i] = lambda[f]
      unitLog[i] = logScale[f] + exponent[f]
    }
    for m in 0..<k.multiCount {
      let i = Int(k.multiUnit[m])
      var l = unitLambda[i]
      for t in Int(k.multiFirst[m])..<Int(k.multiEnd[m]) { l += lambda[t] }
      unitLambda[i] = l
      unitLog[i] = .nan
    }
    let unitExpMinus = w.unitExpMinus
    var i = 0
    while i < k.smallEnd {
      store8(fastExp(-load8(unitLambda, i), table: expTable), unitExpMinus, i)
      i += 8
    }
    let ptrsB = w.ptrsB, ptrsA = w.ptrsA, ptrsVr = w.ptrsVr, ptrsInvAlpha = w.ptrsInvAlpha
    i = k.ptrsStart
    while i < counts {
      let p = PTRSConstants.lanes(load8(unitLambda, i))
      store8(p.b, ptrsB, i)
      store8(p.a, ptrsA, i)
      store8(p.vr, ptrsVr, i)
      store8(p.invAlpha, ptrsInvAlpha, i)
      i += 8
    }
  }

  /// Pass 4: draws and district totals. Units without a street slot write to a spare one.
  /// Each count unit draws from its indicator's stream (``Work/countStreams``).
  @inline(never)
  func drawUnits() {
    let totals = w.totals, counts = k.count
    for t in 0..<(yearCount * indicatorCount) { totals[t] = 0 }
    // Units whose λ is usually below 20: inversion, with e^−λ at hand; up to four at a time
    // where the steps agree and the means are in (0, 20) (the usual case), else one.
    let inversionEnd = min(k.ptrsStart, counts)
    var i = 0
    while i < inversionEnd {
      let drawn = drawByInversion(from: i, end: inversionEnd)
      if drawn > 0 {
        i += drawn
        continue
      }
      record(drawOne(i, inversionBelow: UnitColumns.inversionMean), unit: i)
      i += 1
    }
    // The others: PTRS with its constants at hand.
    for i in inversionEnd..<counts {
      record(drawOne(i, inversionBelow: Poisson.inversionLimit), unit: i)
    }
    let lambda = w.lambda, street = w.street
    for i in 0..<u.count {
      var value = u.known[i]
      for t in Int(u.first[i])..<Int(u.end[i]) { value += lambda[t] }
      totals[Int(u.total[i])] += value
      street[Int(u.slot[i])] = value
    }
  }

  /// The Poisson draw of count unit `i` alone, from its indicator's stream (copied in and out,
  /// so that it lives in registers): inversion below `limit`, else PTRS (with the constants of
  /// prepareUnits where it computed them); 0 for λ = 0; +∞ or NaN passed on.
  @inline(__always)
  private func drawOne(_ i: Int, inversionBelow limit: Double) -> Double {
    let l = w.unitLambda[i]
    guard l > 0 && l < .infinity else { return l > 0 || l.isNaN ? l : 0 }
    let streams = w.countStreams, s = Int(k.stream[i])
    var rng = streams[s]
    defer { streams[s] = rng }
    if l < limit {
      let q = i < k.smallEnd ? w.unitExpMinus[i] : fastExp(-l, table: expTable)
      return Poisson.inversionCounting(
        l, expMinusMean: q, steps: Poisson.countingSteps(l), reciprocal: reciprocal, using: &rng)
    }
    let p = i >= k.ptrsStart
      ? PTRSConstants(b: w.ptrsB[i], a: w.ptrsA[i], vr: w.ptrsVr[i], invAlpha: w.ptrsInvAlpha[i])
      : PTRSConstants(l)
    return Poisson.ptrs(
      l, p.b, p.a, p.vr, p.invAlpha, logMean: w.unitLog[i], logFactorials: logFactorials,
      expTable: expTable, using: &rng)
  }

  /// Adds the draw of count unit `i` (and what it had already delivered) to its district total
  /// and its street slot.
  @inline(__always)
  private func record(_ draw: Double, unit i: Int) {
    let value = k.known[i] + draw
    w.totals[Int(k.total[i])] += value
    w.street[Int(k.slot[i])] = value
  }

  /// Draws by inversion the units from `i` on that have the same counting steps (at most four,
  /// before `end`), one lane each, if every λ among them is in (0, 20), and records them;
  /// returns how many (0 if a λ is out of range: then nothing is drawn). Each lane's uniform
  /// comes from its unit's stream.
  @inline(__always)
  private func drawByInversion(from i: Int, end: Int) -> Int {
    let steps = k.countingSteps, streams = w.countStreams, stream = k.stream
    var n = 1
    while n < 4 && i + n < end && steps[i + n] == steps[i] { n += 1 }
    // The columns have spare entries, so four lanes can always be loaded.
    let l = load4(w.unitLambda, i)
    let active = SIMD4<Int64>(0, 1, 2, 3) .< SIMD4(repeating: Int64(n))
    let inRange = (l .> 0) .& (l .< SIMD4(repeating: UnitColumns.inversionMean))
    guard all(inRange .| .!active) else { return 0 }  // a λ out of range: one at a time
    // Unused lanes get u = −1, below every partial sum: they count 0.
    let u0 = streams[Int(stream[i])].nextUnitClosedOpen()
    let u1 = n > 1 ? streams[Int(stream[i + 1])].nextUnitClosedOpen() : -1
    let u2 = n > 2 ? streams[Int(stream[i + 2])].nextUnitClosedOpen() : -1
    let u3 = n > 3 ? streams[Int(stream[i + 3])].nextUnitClosedOpen() : -1
    let q = load4(w.unitExpMinus, i)
    let draws = Poisson.inversionCountingLanes(
      l, expMinusMean: q, uniforms: SIMD4(u0, u1, u2, u3), steps: Int(steps[i]),
      reciprocal: reciprocal)
    for lane in 0..<n {
      var draw = draws[lane]
      if draw.isNaN {  // past k = 200 by rounding: drawn again
        draw = Poisson.inversionCounting(
          l[lane], expMinusMean: q[lane], steps: Int(steps[i]), reciprocal: reciprocal,
          using: &streams[Int(stream[i + lane])])
      }
      record(draw, unit: i + lane)
    }
    return n
  }

  /// Pass 5: goals, and the streets' own targets and their part of the gap when the annual goal
  /// is missed (goalMissed is 1 or 0, and 0 at the spare index of indicators without an annual
  /// goal). Returns 1 if every goal was hit, else 0.
  @inline(never)
  func scoreGoals(run: Int) -> Int {
    let totals = w.totals, goalMissed = w.goalMissed
    let lastYearOffset = (yearCount - 1) * indicatorCount
    let groupMissed = w.groupMissed
    for g in 0..<groupCount { groupMissed[g] = 0 }
    var anyMissed = 0
    for g in 0..<goalCount {
      let indicator = w.goalIndicator[g]
      var result: Double
      if w.goalSums[g] {
        result = w.goalKnown[g]
        for y in 0..<yearCount { result += totals[y * indicatorCount + indicator] }
      } else {
        result = totals[lastYearOffset + indicator]
      }
      w.outcome[g * runs + run] = result
      w.goalOutcomeSum[g] += result
      let target = w.goalTarget[g]
      w.goalShortfallSum[g] += result < target ? target - result : 0
      let missed = result >= w.goalThreshold[g] ? 0 : 1
      goalMissed[g] = Double(missed)
      w.goalHits[g] += 1 - missed
      anyMissed |= missed
      groupMissed[w.goalGroup[g]] |= missed
    }
    for g in 0..<groupCount { w.groupHits[g] += 1 - groupMissed[g] }
    for i in 0..<indicatorCount {
      w.indicatorMisses[i] += Int(goalMissed[Int(w.annualGoal[i])])
    }
    let street = w.street, slotTarget = w.slotTarget, slotThreshold = w.slotThreshold
    let slotHits = w.slotHits, slotMissShortfall = w.slotMissShortfall, slotMissGoal = w.slotMissGoal
    for s in 0..<slotCount {
      let value = street[s]
      let target = slotTarget[s]
      slotHits[s] += value >= slotThreshold[s] ? 1 : 0
      slotMissShortfall[s] += goalMissed[Int(slotMissGoal[s])] * (value < target ? target - value : 0)
    }
    return 1 - anyMissed
  }
}

/// Four doubles from `p + i`.
@inline(__always)
private func load4(_ p: UnsafeMutablePointer<Double>, _ i: Int) -> SIMD4<Double> {
  UnsafeRawPointer(p + i).loadUnaligned(as: SIMD4<Double>.self)
}

/// Eight doubles from `p + i`.
@inline(__always)
private func load8(_ p: UnsafeMutablePointer<Double>, _ i: Int) -> SIMD8<Double> {
  UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Double>.self)
}

/// Stores eight doubles at `p + i`.
@inline(__always)
private func store8(_ v: SIMD8<Double>, _ p: UnsafeMutablePointer<Double>, _ i: Int) {
  UnsafeMutableRawPointer(p + i).storeBytes(of: v, as: SIMD8<Double>.self)
}

/// Owns raw, zero-filled allocations and frees them all at once.
private final class Arena {
  private var blocks: [UnsafeMutableRawPointer] = []

  /// `count` zeroed values (at least one), 16-byte aligned.
  func make<T>(_ count: Int, of _: T.Type = T.self) -> UnsafeMutablePointer<T> {
    let bytes = max(count, 1) * MemoryLayout<T>.stride
    let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16)
    raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    blocks.append(raw)
    return raw.bindMemory(to: T.self, capacity: max(count, 1))
  }

  deinit { for b in blocks { b.deallocate() } }
}

/// The memory one worker thread reuses for every block it runs (no allocation per block).
final class BlockScratch {
  let runs: Int
  private let arena = Arena()
  fileprivate let columns: TaskColumns
  fileprivate let counts: UnitColumns
  fileprivate let continuous: UnitColumns
  fileprivate let work: Work
  private let model: CompiledModel

  init(model: CompiledModel, runs: Int) {
    self.runs = runs
    self.model = model
    columns = TaskColumns(model.tasks, arena: arena)
    counts = UnitColumns(
      model.units.filter { $0.isCount }, tasks: model.tasks, slotCount: model.slots.count,
      indicatorCount: model.indicatorCount, arena: arena)
    continuous = UnitColumns(
      model.units.filter { !$0.isCount }, tasks: model.tasks, slotCount: model.slots.count,
      indicatorCount: model.indicatorCount, arena: arena)
    work = Work(model: model, runs: runs, countUnits: counts.count, arena: arena)
  }

  /// Zeroes the per-block counters.
  func reset() {
    let goals = max(model.goals.count, 1), slots = max(model.slots.count, 1)
    work.goalOutcomeSum.update(repeating: 0, count: goals)
    work.goalShortfallSum.update(repeating: 0, count: goals)
    work.goalHits.update(repeating: 0, count: goals)
    work.slotHits.update(repeating: 0, count: slots)
    work.slotMissShortfall.update(repeating: 0, count: slots)
    work.indicatorMisses.update(repeating: 0, count: max(model.indicatorCount, 1))
    work.groupHits.update(repeating: 0, count: max(model.groupCount, 1))
  }
}

/// Per-run buffers, the per-block counters and the goal and slot columns, as raw pointers so the
/// inner loops have no array overhead. Task and count-unit arrays have eight spare entries (zero),
/// for the loops that take eight at a time.
private struct Work {
  let eps, exponent, lambda, factors, totals, street, outcome: UnsafeMutablePointer<Double>
  let unitLambda, unitLog, unitExpMinus, ptrsB, ptrsA, ptrsVr, ptrsInvAlpha: UnsafeMutablePointer<Double>
  let goalOutcomeSum, goalShortfallSum, slotMissShortfall: UnsafeMutablePointer<Double>
  let goalKnown, goalTarget, goalThreshold, slotTarget, slotThreshold: UnsafeMutablePointer<Double>
  /// 1 when the goal was missed in this run, else 0; one spare entry that stays 0.
  let goalMissed: UnsafeMutablePointer<Double>
  let goalHits, slotHits, indicatorMisses, groupHits, goalIndicator, goalGroup: UnsafeMutablePointer<Int>
  /// The annual goal of each indicator / of each slot's indicator, or the spare index.
  let annualGoal, slotMissGoal: UnsafeMutablePointer<Int32>
  let goalSums: UnsafeMutablePointer<Bool>
  /// Per run: 1 if a goal of the group was missed, else 0.
  let groupMissed: UnsafeMutablePointer<Int>
  /// The generator of each indicator's Poisson draws (see ``CompiledModel/simulateBlock``).
  let countStreams: UnsafeMutablePointer<Xoshiro256StarStar>

  init(model: CompiledModel, runs: Int, countUnits: Int, arena: Arena) {
    let tasks = model.tasks.count + 8, goals = model.goals.count, slots = model.slots.count
    let units = countUnits + 8
    eps = arena.make(tasks)
    exponent = arena.make(tasks)
    lambda = arena.make(tasks)
    factors = arena.make(model.factorCount)
    totals = arena.make(model.yearCount * model.indicatorCount)
    street = arena.make(slots + 1)
    outcome = arena.make(goals * runs)
    unitLambda = arena.make(units)
    unitLog = arena.make(units)
    unitExpMinus = arena.make(units)
    ptrsB = arena.make(units)
    ptrsA = arena.make(units)
    ptrsVr = arena.make(units)
    ptrsInvAlpha = arena.make(units)
    goalOutcomeSum = arena.make(goals)
    goalShortfallSum = arena.make(goals)
    slotMissShortfall = arena.make(slots)
    goalKnown = arena.make(goals)
    goalTarget = arena.make(goals)
    goalThreshold = arena.make(goals)
    slotTarget = arena.make(slots)
    slotThreshold = arena.make(slots)
    goalMissed = arena.make(goals + 1)
    goalHits = arena.make(goals)
    slotHits = arena.make(slots)
    indicatorMisses = arena.make(model.indicatorCount)
    groupHits = arena.make(model.groupCount)
    goalIndicator = arena.make(goals)
    goalGroup = arena.make(goals)
    annualGoal = arena.make(model.indicatorCount)
    slotMissGoal = arena.make(slots)
    groupMissed = arena.make(model.groupCount)
    countStreams = arena.make(model.indicatorCount)
    goalSums = arena.make(goals)
    let tolerance = CompiledModel.tolerance
    for (g, goal) in model.goals.enumerated() {
      goalKnown[g] = goal.known
      goalTarget[g] = goal.target
      goalThreshold[g] = goal.target - tolerance
      goalIndicator[g] = goal.indicator
      goalGroup[g] = goal.group
      goalSums[g] = goal.sumsYears
    }
    for i in 0..<model.indicatorCount { annualGoal[i] = Int32(model.annualGoal[i] ?? goals) }
    for (s, slot) in model.slots.enumerated() {
      slotTarget[s] = slot.target
      slotThreshold[s] = slot.target - tolerance
      slotMissGoal[s] = Int32(model.annualGoal[slot.indicator] ?? goals)
    }
  }
}

/// The tasks as columns (structure of arrays) for the passes of ``CompiledModel/simulateBlock``,
/// with eight spare entries (all zero) for the loops that take eight at a time.
private struct TaskColumns {
  /// λ = scale · e^(logMean + sharedWeight·Z + ownWeight·ε); without randomness (σ = 0, or
  /// nothing to deliver) the weights and logMean are 0 and scale is λ itself.
  let scale, logMean, sharedWeight, ownWeight: UnsafeMutablePointer<Double>
  /// log(scale), so that log λ = logScale + exponent.
  let logScale: UnsafeMutablePointer<Double>
  let factor: UnsafeMutablePointer<Int32>
  /// The tasks with ownWeight ≠ 0, in task order: those that draw their own ε.
  let noisy: UnsafeMutablePointer<Int32>
  let noisyCount: Int

  init(_ tasks: [CompiledModel.Task], arena: Arena) {
    let n = tasks.count + 8
    scale = arena.make(n)
    logMean = arena.make(n)
    sharedWeight = arena.make(n)
    ownWeight = arena.make(n)
    logScale = arena.make(n)
    factor = arena.make(n)
    noisy = arena.make(n)
    var noisyCount = 0
    for (t, task) in tasks.enumerated() {
      let fixed = task.fixedRatio || task.deterministic
      scale[t] = task.deterministic ? 0 : (task.fixedRatio ? task.scale * task.meanRatio : task.scale)
      logMean[t] = fixed ? 0 : task.logMean
      sharedWeight[t] = fixed ? 0 : task.sharedWeight
      ownWeight[t] = fixed ? 0 : task.ownWeight
      logScale[t] = log(scale[t])
      factor[t] = task.factor
      if ownWeight[t] != 0 {
        noisy[noisyCount] = Int32(t)
        noisyCount += 1
      }
    }
    self.noisyCount = noisyCount
  }
}

/// Units of one kind as columns, sorted: first the units whose typical mean Σ scale·meanRatio is
/// below 20 (inversion), by their counting steps, then the others (PTRS); ties by typical mean,
/// then model order. So the draws of one method come together and the branches that choose a
/// method or a loop length seldom change their way from one unit to the next.
private struct UnitColumns {
  /// Units whose typical mean is below this get e^−λ computed in the two-lane pass (the others
  /// compute it in the rare case that they need it).
  static let smallMean = 20.0
  /// Units whose typical mean is at least this get the PTRS constants computed there.
  static let largeMean = 20.0
  /// Below this mean the first segment of units draws by inversion (four at a time): cheaper
  /// than PTRS there, because it has no data-dependent branch.
  static let inversionMean = 20.0
  let count: Int
  /// e^−λ is computed for units `0..<smallEnd`; PTRS constants for `ptrsStart..<count`
  /// (`ptrsStart` ≤ `smallEnd`). Each unit's segment depends on its own typical mean only, so a
  /// change to one indicator never moves another's units to the other method.
  let smallEnd, ptrsStart: Int
  let first, end, total, slot: UnsafeMutablePointer<Int32>
  /// The indicator of each unit: the stream its draws come from.
  let stream: UnsafeMutablePointer<Int32>
  let known: UnsafeMutablePointer<Double>
  /// The steps of ``Poisson/inversionCounting(_:expMinusMean:steps:reciprocal:using:)``.
  let countingSteps: UnsafeMutablePointer<Int32>
  /// Units of more than one task: their index and the tasks after the first.
  let multiUnit, multiFirst, multiEnd: UnsafeMutablePointer<Int32>
  let multiCount: Int

  /// - Parameter slotCount: the spare street slot, for units without one.
  init(
    _ units: [CompiledModel.Unit], tasks: [CompiledModel.Task], slotCount: Int,
    indicatorCount: Int, arena: Arena
  ) {
    func typicalMean(_ unit: CompiledModel.Unit) -> Double {
      tasks[unit.tasks].reduce(0) { $0 + ($1.deterministic ? 0 : $1.scale * $1.meanRatio) }
    }
    // The counting steps of inversion, for the mean one σ above the typical one (so that λ is
    // seldom beyond them).
    func steps(_ unit: CompiledModel.Unit) -> Int {
      let sigma = tasks[unit.tasks].reduce(0.0) {
        $1.fixedRatio || $1.deterministic
          ? $0 : max($0, ($1.sharedWeight * $1.sharedWeight + $1.ownWeight * $1.ownWeight).squareRoot())
      }
      let high = typicalMean(unit) * exp(min(sigma, 5))
      return Poisson.countingSteps(min(high, 19.5))
    }
    // Units expected below 20 first, by their steps (so that the counting loop's length seldom
    // changes from one draw to the next), then the others; ties by typical mean, then order.
    let keys = units.indices.map { u -> (Int, Int, Double, Int) in
      let mean = typicalMean(units[u])
      return mean < Self.largeMean ? (0, steps(units[u]), mean, u) : (1, 0, mean, u)
    }
    let sortedKeys = keys.sorted { $0 < $1 }
    let order = sortedKeys.map { units[$0.3] }
    count = units.count
    let small = order.prefix { typicalMean($0) < Self.smallMean }.count
    smallEnd = small
    ptrsStart = order.prefix { typicalMean($0) < Self.largeMean }.count
    let n = count + 1
    first = arena.make(n)
    end = arena.make(n)
    total = arena.make(n)
    slot = arena.make(n)
    stream = arena.make(n)
    known = arena.make(n)
    countingSteps = arena.make(n)
    multiUnit = arena.make(n)
    multiFirst = arena.make(n)
    multiEnd = arena.make(n)
    var multiCount = 0
    for (u, unit) in order.enumerated() {
      first[u] = Int32(unit.tasks.lowerBound)
      end[u] = Int32(unit.tasks.upperBound)
      total[u] = unit.total
      slot[u] = unit.slot >= 0 ? unit.slot : Int32(slotCount)
      stream[u] = unit.total % Int32(max(indicatorCount, 1))
      known[u] = unit.known
      countingSteps[u] = Int32(sortedKeys[u].0 == 0 ? sortedKeys[u].1 : Poisson.countingSteps(19.5))
      if unit.tasks.count > 1 {
        multiUnit[multiCount] = Int32(u)
        multiFirst[multiCount] = Int32(unit.tasks.lowerBound + 1)
        multiEnd[multiCount] = Int32(unit.tasks.upperBound)
        multiCount += 1
      }
    }
    self.multiCount = multiCount
  }
}
