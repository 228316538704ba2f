import Dispatch
import FenjieText
import Foundation

/// Why a simulation could not run. Its description is in the current language (`Say.Simulation`).
public enum SimulationError: Error, Equatable, CustomStringConvertible {
  /// The input has problems (see ``SimulationInput/problems()``), each naming where.
  case invalidInput([Message])
  /// An argument of `run` is out of range.
  case invalidArgument(Message)

  public var description: String { message.text() }

  /// The error in both languages.
  public var message: Message {
    switch self {
    case .invalidInput(let problems):
      return problems.reduce(Say.Simulation.invalidInput) { text, problem in
        Message(zh: text.chinese + "\n  - " + problem.chinese, en: text.english + "\n  - " + problem.english)
      }
    case .invalidArgument(let problem):
      return Say.Simulation.invalidArgument(problem)
    }
  }
}

/// Runs the Monte Carlo model of ``SimulationInput`` (see ``AreaCell`` for the formula).
///
/// Runs are simulated in blocks of ``blockSize``; block b draws from
/// `Xoshiro256StarStar(seed: seed, block: b)` (its ratios) and that generator jumped by 2¹²⁸
/// (its Poisson counts), blocks run on any thread and are merged in block order, so a result
/// depends on (input, runs, seed) only — never on `threads`. The result of n runs is always that
/// of the first n runs of the same sequence of blocks. Two inputs of the same shape share their
/// ratios run for run (common random numbers; see `CompiledModel.simulateBlock`).
public struct Simulator: Sendable {
  /// Runs per block (2¹²).
  public static let blockSize = 4096
  /// The generator named in every result.
  public static let generatorName = Xoshiro256StarStar.name

  public let input: SimulationInput
  let model: CompiledModel

  /// Checks the input (``SimulationInput/validate()``) and prepares it.
  /// - Throws: ``SimulationError/invalidInput(_:)`` listing every problem.
  public init(input: SimulationInput) throws {
    let problems = input.problems()
    guard problems.isEmpty else { throw SimulationError.invalidInput(problems) }
    self.input = input
    self.model = CompiledModel(input)
  }

  /// All cores of this machine, the default thread count.
  public static var defaultThreads: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Simulates `runs` runs.
  /// - Parameters:
  ///   - runs: number of runs, ≥ 1.
  ///   - seed: any 64-bit seed; the same seed gives the same result bit for bit.
  ///   - threads: worker threads, ≥ 1 (default: all cores); does not change the result.
  ///   - progress: called on the calling thread with the fraction done (0…1), a few dozen times.
  public func run(
    runs: Int, seed: UInt64, threads: Int = Simulator.defaultThreads,
    progress: (@Sendable (Double) -> Void)? = nil
  ) throws -> SimulationResult {
    guard runs >= 1 else { throw SimulationError.invalidArgument(Say.Simulation.runsAtLeastOne(runs)) }
    guard threads >= 1 else {
      throw SimulationError.invalidArgument(Say.Simulation.threadsAtLeastOne(threads))
    }
    var tally = Tally(model: model)
    simulate(into: &tally, upTo: runs, seed: seed, threads: threads) { done in
      progress?(Double(done) / Double(runs))
    }
    return makeResult(tally, seed: seed, precision: nil, threads: threads)
  }

  /// Simulates until the standard error of every goal's P(hit) is at most `precision`, checking
  /// after 4, 8, 16, … blocks (4·4096·2ᵏ runs), and stopping at `maxRuns` at the latest. The
  /// checkpoints do not depend on `threads`, so neither does the result; it equals
  /// `run(runs: result.runs, seed: seed)`. The standard error is √(p(1−p)/n) with
  /// p = (hits + 1)/(n + 2), so that a goal hit in every run still needs enough runs.
  /// - Parameters:
  ///   - precision: the largest acceptable standard error, in (0, 0.5].
  ///   - maxRuns: cap on runs, ≥ 1.
  ///   - progress: called with runs done / maxRuns.
  public func run(
    precision: Double, seed: UInt64, threads: Int = Simulator.defaultThreads,
    maxRuns: Int = 10_000_000, progress: (@Sendable (Double) -> Void)? = nil
  ) throws -> SimulationResult {
    guard precision > 0 && precision <= 0.5 else {
      throw SimulationError.invalidArgument(Say.Simulation.precisionRange(precision))
    }
    guard maxRuns >= 1 else {
      throw SimulationError.invalidArgument(Say.Simulation.maxRunsAtLeastOne(maxRuns))
    }
    guard threads >= 1 else {
      throw SimulationError.invalidArgument(Say.Simulation.threadsAtLeastOne(threads))
    }
    var tally = Tally(model: model)
    var checkpoint = 4 * Self.blockSize
    var achieved = Double.infinity
    while true {
      let target = min(checkpoint, maxRuns)
      simulate(into: &tally, upTo: target, seed: seed, threads: threads) { done in
        progress?(Double(done) / Double(maxRuns))
      }
      achieved = Self.largestStandardError(tally)
      if achieved <= precision || target >= maxRuns { break }
      checkpoint *= 2
    }
    let report = PrecisionReport(
      target: precision, achieved: achieved, maxRuns: maxRuns, met: achieved <= precision)
    return makeResult(tally, seed: seed, precision: report, threads: threads)
  }

  static func largestStandardError(_ tally: Tally) -> Double {
    let n = Double(tally.runs)
    var largest = 0.0
    for hits in tally.goalHits {
      let p = (Double(hits) + 1) / (n + 2)
      largest = max(largest, (p * (1 - p) / n).squareRoot())
    }
    return largest
  }

  // MARK: Running blocks

  /// Extends `tally` (which holds the first `tally.runs` runs, a whole number of blocks) to `runs`.
  private func simulate(
    into tally: inout Tally, upTo runs: Int, seed: UInt64, threads: Int,
    progress: (Int) -> Void
  ) {
    let size = Self.blockSize
    var nextBlock = tally.runs / size
    let blockCount = (runs + size - 1) / size
    // Waves bound the memory of finished, unmerged blocks; they do not affect the result.
    let wave = max(16, 4 * threads)
    while nextBlock < blockCount {
      let first = nextBlock
      let last = min(blockCount, first + wave)
      let results = runBlocks(first..<last, totalRuns: runs, seed: seed, threads: threads)
      for result in results { tally.merge(result, expectedRuns: runs) }
      nextBlock = last
      progress(tally.runs)
    }
  }

  private func runBlocks(_ blocks: Range<Int>, totalRuns: Int, seed: UInt64, threads: Int)
    -> [Tally]
  {
    let size = Self.blockSize
    let model = self.model
    @Sendable func block(_ b: Int, _ scratch: BlockScratch) -> Tally {
      model.simulateBlock(
        runs: min(size, totalRuns - b * size),
        generator: Xoshiro256StarStar(seed: seed, block: UInt64(b)), scratch: scratch)
    }
    let workers = min(threads, blocks.count)
    if workers <= 1 {
      let scratch = BlockScratch(model: model, runs: size)
      return blocks.map { block($0, scratch) }
    }

    let slots = ResultSlots<Tally>(count: blocks.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      let scratch = BlockScratch(model: model, runs: size)
      while let index = slots.claim() {
        slots.store(block(blocks.lowerBound + index, scratch), at: index)
      }
    }
    return slots.results()
  }

  // MARK: Results

  /// The order statistics `ranks` of every goal's outcomes. Selecting among raw values takes a
  /// while for many runs, so goals are spread over up to `threads` workers; each answer depends
  /// on its goal's outcomes only.
  static func orderStatistics(_ outcomes: [OutcomeSet], ranks: [Int], threads: Int) -> [[Double]] {
    let workers = min(threads, outcomes.count { !$0.isHistogram })
    if workers <= 1 { return outcomes.map { $0.orderStatistics(ranks) } }
    let slots = ResultSlots<[Double]>(count: outcomes.count)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while let g = slots.claim() { slots.store(outcomes[g].orderStatistics(ranks), at: g) }
    }
    return slots.results()
  }

  private func makeResult(
    _ tally: Tally, seed: UInt64, precision: PrecisionReport?, threads: Int
  ) -> SimulationResult {
    let n = tally.runs
    let nd = Double(n)
    let ranks = [0.1, 0.5, 0.9].map { OutcomeSet.rank(of: $0, in: n) }
    let quantiles = Self.orderStatistics(tally.outcomes, ranks: ranks, threads: threads)
    var goals: [GoalOdds] = []
    for (g, goal) in model.goals.enumerated() {
      let indicator = input.indicators[goal.indicator]
      let hits = tally.goalHits[g]
      let p = Double(hits) / nd
      let q = quantiles[g]
      goals.append(
        GoalOdds(
          indicatorIndex: goal.indicator, indicatorID: indicator.id, indicatorName: indicator.name,
          type: goal.type, aggregate: goal.aggregate, target: goal.target, hits: hits, pHit: p,
          ci95: ProbabilityInterval(wilsonHits: hits, runs: n),
          standardError: (p * (1 - p) / nd).squareRoot(),
          p10: q[0], p50: q[1], p90: q[2],
          mean: tally.goalOutcomeSum[g] / nd,
          expectedShortfall: tally.goalShortfallSum[g] / nd))
    }

    var indicators: [IndicatorStreetOdds] = []
    for (i, indicator) in input.indicators.enumerated() {
      let range = model.indicatorSlots[i]
      if range.isEmpty { continue }
      let totalShortfall = range.reduce(0.0) { $0 + tally.slotMissShortfall[$1] }
      let streets = range.map { s in
        let slot = model.slots[s]
        return StreetOdds(
          areaIndex: slot.area, area: input.areas[slot.area], target: slot.target,
          hits: tally.slotHits[s], pMeetTarget: Double(tally.slotHits[s]) / nd,
          shortfallShare: totalShortfall > 0 ? tally.slotMissShortfall[s] / totalShortfall : 0)
      }
      indicators.append(
        IndicatorStreetOdds(
          indicatorIndex: i, indicatorID: indicator.id, annualGoal: model.annualGoal[i],
          districtMisses: tally.indicatorMisses[i], streets: streets))
    }

    func joint(goals: Int, hits: Int) -> JointOdds {
      JointOdds(
        goals: goals, hits: hits, pAll: Double(hits) / nd,
        ci95: ProbabilityInterval(wilsonHits: hits, runs: n))
    }
    var groups: [GroupOdds] = []
    for (k, name) in input.groups.enumerated() {
      let count = model.goals.filter { $0.group == k }.count
      if count == 0 { continue }
      groups.append(
        GroupOdds(groupIndex: k, group: name, odds: joint(goals: count, hits: tally.groupHits[k])))
    }

    return SimulationResult(
      runs: n, seed: seed, generator: Self.generatorName, blockSize: Self.blockSize,
      factor: input.factor, goalYear: input.years.last ?? 0, plan: input.planSpan,
      quantileDefinition: SimulationResult.quantileRule, precision: precision, goals: goals,
      indicators: indicators, all: joint(goals: model.goals.count, hits: tally.allHits),
      groups: groups)
  }
}

/// Results (finished blocks of one wave, or quantiles) filled by worker threads. Each slot is
/// claimed by exactly one worker (under the lock) and written once; they are read after
/// `concurrentPerform` returns.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private var slots: [Value?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func store(_ value: Value, at index: Int) {
    lock.lock()
    defer { lock.unlock() }
    slots[index] = value
  }

  func results() -> [Value] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
