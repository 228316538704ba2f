import Foundation
import Testing

@testable import FenjieSimulation

/// The building blocks of the simulator's inner loop: the exponential, the floor, and the Poisson
/// paths that `Poisson.sample` does not take (several lanes, precomputed constants, any steps).
struct FastPathTests {
  @Test func fastExpLanesMatchScalarBitForBit() {
    let table = SamplingTables.shared.exp2
    var g = Xoshiro256StarStar(seed: 99)
    var inputs: [Double] = [
      0, -0.0, 1, -1, -707.7, -707.69, -707.71, -708, -709, -745, -800, 709.78, 709.782,
      709.7827, 709.79, 710, 800, .infinity, -.infinity, .nan, 1e-300, -1e-300,
    ]
    for _ in 0..<20_000 { inputs.append((g.nextUnitClosedOpen() - 0.5) * 1500) }
    for _ in 0..<20_000 { inputs.append((g.nextUnitClosedOpen() - 0.5) * 12) }
    for i in stride(from: 0, to: inputs.count - 7, by: 8) {
      let lanes = fastExp(SIMD8(inputs[i..<(i + 8)]), table: table)
      for lane in 0..<8 {
        let x = inputs[i + lane]
        #expect(lanes[lane].bitPattern == fastExp(x).bitPattern, "x = \(x)")
      }
    }
  }

  @Test func fastExpEnds() {
    #expect(fastExp(709.782).isFinite)
    #expect(abs(fastExp(709.782) / exp(709.782) - 1) < 2 * Double.ulpOfOne)
    #expect(fastExp(709.79) == .infinity)
    #expect(fastExp(-707.69) > 0)
    #expect(abs(fastExp(-707.69) / exp(-707.69) - 1) < 2 * Double.ulpOfOne)
    #expect(fastExp(-745) == 0)
    #expect(fastExp(-.infinity) == 0)
    #expect(fastExp(.infinity) == .infinity)
    // Whole and half-way multiples of ln2/256, where the table index changes.
    for k in stride(from: -2000, through: 2000, by: 7) {
      for offset in [-1e-13, 0, 1e-13] {
        let x = Double(k) * 0.693_147_180_559_945_3 / 256 + offset
        #expect(abs(fastExp(x) / exp(x) - 1) < 2 * Double.ulpOfOne, "x = \(x)")
      }
    }
  }

  @Test func floorOfNonNegativeIsTheFloor() {
    var g = Xoshiro256StarStar(seed: 5)
    var xs: [Double] = [
      0, 0.5, 1, 1.5, 2.5, 0x1p52 - 0.5, 0x1p52, 0x1p52 + 1, 0x1p53, 1e300, .infinity,
      0.9999999999999999, 4_503_599_627_370_495.5, Double.leastNonzeroMagnitude,
    ]
    for e in 0..<60 {
      for _ in 0..<200 { xs.append(g.nextUnitClosedOpen() * pow(2, Double(e))) }
      xs.append(pow(2, Double(e)))
      xs.append(pow(2, Double(e)).nextDown)
      xs.append(pow(2, Double(e)).nextUp)
    }
    for x in xs {
      #expect(floorOfNonNegative(x) == x.rounded(.down), "x = \(x)")
    }
  }

  /// The smallest k with u < P(0) + … + P(k), summed as inversionCounting does.
  static func referenceInversion(_ lam: Double, _ u: Double) -> Double {
    let reciprocal = SamplingTables.shared.reciprocal
    var p = exp(-lam)
    var c = p
    var k = 0
    while u >= c && k < 200 {
      k += 1
      p *= lam * reciprocal[k]
      c += p
    }
    return Double(k)
  }

  @Test func countingInversionIsTheSearchWhateverTheSteps() {
    let reciprocal = SamplingTables.shared.reciprocal
    for lam in [0.01, 0.7, 1, 1.99, 2, 2.01, 3.3, 4.99, 5, 5.01, 7.7, 9.5, 9.999, 10.01, 15, 19.99, 24] {
      for seed in 0..<400 {
        var probe = Xoshiro256StarStar(seed: UInt64(seed))
        let expected = Self.referenceInversion(lam, probe.nextUnitClosedOpen())
        for steps in [1, 2, 6, 12, 18, 32, 40, Poisson.countingSteps(lam)] {
          var g = Xoshiro256StarStar(seed: UInt64(seed))
          let value = Poisson.inversionCounting(
            lam, expMinusMean: exp(-lam), steps: steps, reciprocal: reciprocal, using: &g)
          #expect(value == expected, "λ = \(lam), seed \(seed), steps \(steps)")
        }
      }
    }
  }

  @Test func laneInversionEqualsSingleDraws() {
    let reciprocal = SamplingTables.shared.reciprocal
    let groups: [[Double]] = [
      [0.3, 1.9, 0.01, 1.2], [2.5, 4.9, 3], [5.5, 9.9], [9.99, 0.01, 7, 7], [10.5, 19.9, 14, 25],
      [7],
    ]
    for means in groups {
      // The unused lanes (u = −1) hold means that must not matter.
      let padded = means + Array(repeating: 1e300, count: 4 - means.count)
      let lam = SIMD4(padded[0], padded[1], padded[2], padded[3])
      let q = SIMD4(padded.map { fastExp(-$0) }[0..<4])
      for steps in [6, 12, 18, 32] {
        for seed in 0..<500 {
          var lanes = Xoshiro256StarStar(seed: UInt64(seed))
          var u = SIMD4<Double>(repeating: -1)
          for lane in means.indices { u[lane] = lanes.nextUnitClosedOpen() }
          let drawn = Poisson.inversionCountingLanes(
            lam, expMinusMean: q, uniforms: u, steps: steps, reciprocal: reciprocal)
          var single = Xoshiro256StarStar(seed: UInt64(seed))
          for (lane, mean) in means.enumerated() {
            let one = Poisson.inversionCounting(
              mean, expMinusMean: q[lane], steps: steps, reciprocal: reciprocal, using: &single)
            #expect(drawn[lane] == one, "λ = \(means), steps \(steps), seed \(seed), lane \(lane)")
          }
          for lane in means.count..<4 { #expect(drawn[lane] == 0) }
        }
      }
    }
  }

  @Test(arguments: [(1.5, 3.25), (4.2, 4.8), (8.5, 9.75), (10.25, 12.5), (17.5, 19.9)])
  func laneInversionChiSquare(means: (Double, Double)) {
    let reciprocal = SamplingTables.shared.reciprocal
    var g = Xoshiro256StarStar(seed: UInt64(means.0 * 100))
    let n = 60_000
    let lam = SIMD4(means.0, means.1, means.0, means.1)
    let q = SIMD4(exp(-means.0), exp(-means.1), exp(-means.0), exp(-means.1))
    let steps = Poisson.countingSteps(max(means.0, means.1))
    let hi = 60
    var counts = [[Int]](repeating: [Int](repeating: 0, count: hi + 1), count: 4)
    for _ in 0..<n {
      var u = SIMD4<Double>()
      for lane in 0..<4 { u[lane] = g.nextUnitClosedOpen() }
      let d = Poisson.inversionCountingLanes(
        lam, expMinusMean: q, uniforms: u, steps: steps, reciprocal: reciprocal)
      for lane in 0..<4 { counts[lane][min(Int(d[lane]), hi)] += 1 }
    }
    for lane in 0..<4 {
      let m = lam[lane]
      var probabilities = (0..<hi).map { exp(poissonLogPMF($0, m)) }
      probabilities.append(poissonUpperTail(hi, m))
      let (stat, df) = chiSquare(observed: counts[lane], probabilities: probabilities, n: n)
      #expect(stat < chiSquareCritical999(df: df), "λ = \(m): χ² = \(stat) with \(df) df")
    }
  }

  @Test func ptrsConstantsLanesMatchScalar() {
    for lam in [10.0, 10.5, 37, 99.9, 1000, 123_456] {
      let means = SIMD8<Double>((0..<8).map { lam * (1 + Double($0) / 4) })
      let lanes = PTRSConstants.lanes(means)
      for lane in 0..<8 {
        let one = PTRSConstants(means[lane])
        #expect(lanes.b[lane] == one.b && lanes.a[lane] == one.a)
        #expect(lanes.vr[lane] == one.vr && lanes.invAlpha[lane] == one.invAlpha)
      }
    }
  }

  @Test func ptrsWithLogMeanGivenOrNotIsTheSame() {
    let tables = SamplingTables.shared
    for lam in [10.0, 14.2, 48, 260] {
      let c = PTRSConstants(lam)
      var a = Xoshiro256StarStar(seed: 3)
      var b = Xoshiro256StarStar(seed: 3)
      for _ in 0..<2000 {
        let x = Poisson.ptrs(
          lam, c.b, c.a, c.vr, c.invAlpha, logMean: log(lam), logFactorials: tables.logFactorial,
          expTable: tables.exp2, using: &a)
        let y = Poisson.ptrs(lam, logMean: .nan, using: &b)
        #expect(x == y)
      }
    }
  }
}

struct SimulatorPathTests {
  @Test func streetsOfManySizesAreExactPoissons() throws {
    // σ = 0 in every street: each street's result is Poisson(target), and the district total is
    // Poisson(Σ targets). The targets cover both sides of every switch of the inner loop (the
    // two-lane inversion's steps at 2, 5, 10, and inversion against PTRS at 20 in the simulator).
    let targets: [Double] = [
      0, 0.4, 1.7, 1.8, 2.2, 3.9, 4.6, 5.4, 8.8, 9.6, 10.4, 13, 18.9, 19.6, 20.4, 21, 29, 31, 60,
    ]
    let areas = targets.count
    let cells: [[AreaCell?]] = [
      targets.map { AreaCell(target: $0, meanRatio: 1, sigma: 0, correlation: 0.3) }
    ]
    let sum = targets.reduce(0, +)
    let goal = (sum + 3).rounded()
    let input = SimulationInput(
      areas: (0..<areas).map { "s\($0)" }, years: [2026], groups: ["g"], factor: .district,
      indicators: [
        SimIndicator(
          id: "x", name: "X", kind: .count, group: 0, cells: cells,
          goals: [SimGoal(type: .annual, target: goal, aggregate: .finalYear)])
      ])
    let runs = 40_000
    let result = try Simulator(input: input).run(runs: runs, seed: 8, threads: 2)
    #expect(withinStandardErrors(result.goals[0].pHit, poissonUpperTail(Int(goal), sum), runs: runs))
    for (s, street) in result.indicators[0].streets.enumerated() {
      let target = targets[s]
      // Own target = the mean: P(X ≥ ⌈mean⌉).
      let exact = target == 0 ? 1 : poissonUpperTail(Int(target.rounded(.up)), target)
      #expect(withinStandardErrors(street.pMeetTarget, exact, runs: runs), "street \(s), λ = \(target)")
    }
  }

  @Test func earlierYearSumsOfSmallStreetsAreExact() throws {
    // Two years of small streets (σ = 0): the first year's streets form one unit, Poisson(Σ),
    // which may fall on either side of 10; the three-year sum is Poisson(2·Σ) + known.
    let targets: [Double] = [0.5, 1.5, 2, 3]
    let cells: [[AreaCell?]] = [2025, 2026].map { _ in
      targets.map { AreaCell(target: $0, meanRatio: 1, sigma: 0, correlation: 0) }
    }
    let input = SimulationInput(
      areas: targets.indices.map { "s\($0)" }, years: [2025, 2026], groups: ["g"],
      factor: .district,
      indicators: [
        SimIndicator(
          id: "x", name: "X", kind: .count, group: 0, cells: cells,
          goals: [
            SimGoal(type: .annual, target: 8, aggregate: .finalYear),
            SimGoal(type: .planTotal, target: 25, known: 5, aggregate: .sumOfYears),
          ])
      ])
    let runs = 40_000
    let result = try Simulator(input: input).run(runs: runs, seed: 21, threads: 1)
    #expect(withinStandardErrors(result.goals[0].pHit, poissonUpperTail(8, 7), runs: runs))
    #expect(withinStandardErrors(result.goals[1].pHit, poissonUpperTail(20, 14), runs: runs))
  }
}

struct LargeQuantileTests {
  /// Raw (fractional) outcomes, merged block by block as the simulator does.
  static func rawSet(_ values: [Double]) -> OutcomeSet {
    var set = OutcomeSet()
    for start in stride(from: 0, to: values.count, by: 4096) {
      values[start..<min(start + 4096, values.count)].withUnsafeBufferPointer {
        set.merge(OutcomeSet(block: $0))
      }
    }
    return set
  }

  @Test func manyRawValuesGiveExactOrderStatistics() {
    var g = Xoshiro256StarStar(seed: 17)
    let normal = StandardNormal()
    let n = 100_003
    let cases: [[Double]] = [
      (0..<n).map { _ in normal.sample(using: &g) * 3 + 0.5 },
      (0..<n).map { _ in (g.nextUnitClosedOpen() * 20).rounded(.down) + 0.25 },  // many ties
      (0..<n).map { Double($0) + 0.5 },  // sorted
      (0..<n).map { Double(n - $0) + 0.5 },  // reversed
      (0..<n).map { $0 % 1000 == 0 ? 1e300 : Double($0 % 7) + 0.5 },  // few distinct, far outliers
    ]
    let ranks = [1, 2, 100, 10_001, 50_002, 90_003, n - 1, n]
    for values in cases {
      let set = Self.rawSet(values)
      #expect(set.count == n && !set.isHistogram)
      let sorted = values.sorted()
      #expect(set.orderStatistics(ranks) == ranks.map { sorted[$0 - 1] })
    }
  }

  @Test func nanFallsBackToSelection() {
    var values = (0..<70_000).map { Double($0) + 0.5 }
    values[123] = .nan
    let set = Self.rawSet(values)
    // Quickselect's answer with a NaN present: whatever it is, it must not crash; the others are
    // still order statistics of the numbers.
    let q = set.orderStatistics([1, 35_000, 70_000])
    #expect(q.count == 3)
  }
}
