import Foundation
import FenjieText
import Testing

@testable import FenjieSimulation

/// A one-indicator model over the given years with one cell per street.
func model(
  kind: SimKind = .count, areas: Int = 1, years: [Int] = [2026],
  cell: AreaCell, goals: [SimGoal], factor: FactorMode = .district
) -> SimulationInput {
  SimulationInput(
    areas: (0..<areas).map { "street \($0)" }, years: years, groups: ["g"], factor: factor,
    indicators: [
      SimIndicator(
        id: "x", name: "X", kind: kind, group: 0,
        cells: years.map { _ in Array(repeating: cell, count: areas) }, goals: goals)
    ])
}

/// A Liangxi-like small model: 3 streets, 3 indicators in 2 groups, 2 years, every goal kind.
func mixedModel(factor: FactorMode = .group) -> SimulationInput {
  func cells(_ targets: [Double?], sigma: Double, kind: SimKind) -> [[AreaCell?]] {
    [2025, 2026].map { year in
      targets.map { t in
        t.map {
          AreaCell(
            target: year == 2026 ? $0 * 1.2 : $0, known: year == 2026 ? 1 : 0,
            remaining: year == 2026 ? 0.75 : 1, meanRatio: 1.02, sigma: sigma, correlation: 0.4)
        }
      }
    }
  }
  return SimulationInput(
    areas: ["A", "B", "C"], years: [2025, 2026], groups: ["firms", "talent"], factor: factor,
    indicators: [
      SimIndicator(
        id: "firms", name: "新增科技型企业", kind: .count, group: 0,
        cells: cells([40, 75, nil], sigma: 0.2, kind: .count),
        goals: [
          SimGoal(type: .annual, target: 140, aggregate: .finalYear),
          SimGoal(type: .planTotal, target: 330, known: 110, aggregate: .sumOfYears),
        ]),
      SimIndicator(
        id: "rd", name: "全社会研发投入", kind: .level, group: 0,
        cells: cells([1.05, 4.16, 0.86], sigma: 0.15, kind: .level),
        goals: [
          SimGoal(type: .annual, target: 7.0, aggregate: .finalYear),
          SimGoal(type: .planTotal, target: 7.0, aggregate: .finalYear),
        ]),
      SimIndicator(
        id: "talent", name: "人才", kind: .count, group: 1,
        cells: cells([2, 5, 3], sigma: 0.3, kind: .count),
        goals: [SimGoal(type: .annual, target: 11, aggregate: .finalYear)]),
    ])
}

/// One value as sorted-key JSON, to compare results field by field.
func json1<T: Encodable>(_ value: T) throws -> Data {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  return try encoder.encode(value)
}

func json(_ result: SimulationResult) throws -> Data {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  return try encoder.encode(result)
}

struct ExactAnswerTests {
  @Test func countWithoutSpreadIsAPoissonTail() throws {
    // One street, σ = 0: the result is Poisson(target · meanRatio) exactly.
    let cell = AreaCell(target: 12, meanRatio: 1.05, sigma: 0, correlation: 0.5)
    let input = model(cell: cell, goals: [SimGoal(type: .annual, target: 15, aggregate: .finalYear)])
    let runs = 60_000
    let result = try Simulator(input: input).run(runs: runs, seed: 11, threads: 2)
    let exact = poissonUpperTail(15, 12.6)
    #expect(withinStandardErrors(result.goals[0].pHit, exact, runs: runs))
    // The street's own target is 12: P(X ≥ 12).
    let street = result.indicators[0].streets[0]
    #expect(withinStandardErrors(street.pMeetTarget, poissonUpperTail(12, 12.6), runs: runs))
    #expect(abs(result.goals[0].mean - 12.6) < 5 * (12.6 / Double(runs)).squareRoot())
    #expect(result.goals[0].ci95.lower <= result.goals[0].pHit)
    #expect(result.goals[0].ci95.upper >= result.goals[0].pHit)
  }

  @Test func stockIsWholeLikeACountWithAFinalYearGoal() throws {
    // A stock (高新技术企业数) is drawn as a count: with σ = 0, Poisson(target · meanRatio) exactly,
    // and its plan goal takes the final year's value.
    let cell = AreaCell(target: 9, meanRatio: 1.1, sigma: 0, correlation: 0)
    let input = model(
      kind: .stock, years: [2025, 2026], cell: cell,
      goals: [
        SimGoal(type: .annual, target: 11, aggregate: .finalYear),
        SimGoal(type: .planTotal, target: 11, aggregate: .finalYear),
      ])
    let runs = 60_000
    let result = try Simulator(input: input).run(runs: runs, seed: 13, threads: 2)
    #expect(withinStandardErrors(result.goals[0].pHit, poissonUpperTail(11, 9.9), runs: runs))
    #expect(result.goals[1].pHit == result.goals[0].pHit)
    #expect(result.goals[0].p10 == result.goals[0].p10.rounded())
    #expect(result.goals[0].p90 == result.goals[0].p90.rounded())
  }

  @Test func smallMeanCountUsesInversion() throws {
    let cell = AreaCell(target: 2, remaining: 0.5, meanRatio: 1.2, sigma: 0, correlation: 0)
    let input = model(cell: cell, goals: [SimGoal(type: .annual, target: 2, aggregate: .finalYear)])
    let runs = 60_000
    let result = try Simulator(input: input).run(runs: runs, seed: 12, threads: 1)
    #expect(withinStandardErrors(result.goals[0].pHit, poissonUpperTail(2, 1.2), runs: runs))
  }

  @Test(arguments: [0.0, 0.6, 1.0])
  func amountIsLogNormal(correlation rho: Double) throws {
    // P(T·R ≥ g) = 1 − Φ((ln(g/T) − μ)/σ) with μ = ln(meanRatio) − σ²/2, whatever ρ.
    let sigma = 0.3, mean = 1.1, target = 100.0, goal = 105.0
    let cell = AreaCell(target: target, meanRatio: mean, sigma: sigma, correlation: rho)
    let input = model(
      kind: .amount, cell: cell, goals: [SimGoal(type: .annual, target: goal, aggregate: .finalYear)])
    let runs = 60_000
    let result = try Simulator(input: input).run(runs: runs, seed: 13, threads: 2)
    let mu = log(mean) - sigma * sigma / 2
    let exact = 1 - normalCDF((log(goal / target) - mu) / sigma)
    #expect(withinStandardErrors(result.goals[0].pHit, exact, runs: runs))
    // Median of T·R is T·e^μ; mean T·meanRatio.
    let sd = target * (exp(sigma * sigma) - 1).squareRoot() * mean
    #expect(abs(result.goals[0].mean - target * mean) < 5 * sd / Double(runs).squareRoot())
    #expect(abs(result.goals[0].p50 / (target * exp(mu)) - 1) < 0.01)
  }

  @Test func partialYearAddsKnownProgress() throws {
    // 40 known, a quarter of the year left: 40 + Poisson(100 · 0.25) ≥ 60 ⇔ Poisson(25) ≥ 20.
    let cell = AreaCell(target: 100, known: 40, remaining: 0.25, meanRatio: 1, sigma: 0, correlation: 0)
    let input = model(cell: cell, goals: [SimGoal(type: .annual, target: 60, aggregate: .finalYear)])
    let runs = 40_000
    let result = try Simulator(input: input).run(runs: runs, seed: 14, threads: 2)
    #expect(withinStandardErrors(result.goals[0].pHit, poissonUpperTail(20, 25), runs: runs))
    #expect(result.goals[0].p10 >= 40)
  }

  @Test func threeYearSumAddsKnownYearsAndSimulatedYears() throws {
    // Two streets, two simulated years, σ = 0: Σ = 300 + Poisson(4 · 30 · 0.9) = 300 + Poisson(108).
    let cell = AreaCell(target: 30, meanRatio: 0.9, sigma: 0, correlation: 0.3)
    let goals = [
      SimGoal(type: .annual, target: 55, aggregate: .finalYear),
      SimGoal(type: .planTotal, target: 410, known: 300, aggregate: .sumOfYears),
      SimGoal(type: .planTotal, target: 55, known: 999, aggregate: .finalYear),
    ]
    let input = model(areas: 2, years: [2025, 2026], cell: cell, goals: goals)
    let runs = 40_000
    let result = try Simulator(input: input).run(runs: runs, seed: 15, threads: 2)
    #expect(withinStandardErrors(result.goals[0].pHit, poissonUpperTail(55, 54), runs: runs))
    #expect(withinStandardErrors(result.goals[1].pHit, poissonUpperTail(110, 108), runs: runs))
    // final_year ignores known: the same event as the annual goal in every run.
    #expect(result.goals[2].hits == result.goals[0].hits)
    #expect(abs(result.goals[1].mean - 408) < 5 * (108 / Double(runs)).squareRoot())
  }

  @Test func independentGroupsMultiply() throws {
    // Factor per group, two groups: the indicators are independent, so p_all = p₁·p₂.
    let cell = AreaCell(target: 20, meanRatio: 1, sigma: 0.4, correlation: 0.8)
    let indicator = { (id: String, group: Int) in
      SimIndicator(
        id: id, name: id, kind: .count, group: group, cells: [[cell, cell]],
        goals: [SimGoal(type: .annual, target: 40, aggregate: .finalYear)])
    }
    let input = SimulationInput(
      areas: ["a", "b"], years: [2026], groups: ["g1", "g2"], factor: .group,
      indicators: [indicator("x", 0), indicator("y", 1)])
    let runs = 80_000
    let result = try Simulator(input: input).run(runs: runs, seed: 16, threads: 2)
    let p1 = result.goals[0].pHit, p2 = result.goals[1].pHit
    #expect(withinStandardErrors(p1, p2, runs: runs / 2))
    #expect(withinStandardErrors(result.all.pAll, p1 * p2, runs: runs))
    #expect(result.groups.map(\.odds.hits) == [result.goals[0].hits, result.goals[1].hits])

    // With one district factor and ρ = 0.8 they move together: p_all clearly above p₁·p₂.
    var shared = input
    shared.factor = .district
    let together = try Simulator(input: shared).run(runs: runs, seed: 16, threads: 2)
    #expect(together.all.pAll > together.goals[0].pHit * together.goals[1].pHit + 0.05)
  }

  @Test func meanRatioIsTheMeanOfR() throws {
    // E[district total] = Σ target · meanRatio for any σ and ρ.
    let cell = AreaCell(target: 50, meanRatio: 0.8, sigma: 0.5, correlation: 0.5)
    let input = model(
      kind: .count, areas: 3, cell: cell, goals: [SimGoal(type: .annual, target: 0, aggregate: .finalYear)])
    let runs = 60_000
    let result = try Simulator(input: input).run(runs: runs, seed: 17, threads: 2)
    // Var(total) ≤ E[total] + Var(Σ 50·R) ≤ 120 + 9·2500·0.64·(e^0.25 − 1) ≈ 4230.
    #expect(abs(result.goals[0].mean - 120) < 5 * (4230 / Double(runs)).squareRoot())
    #expect(result.goals[0].pHit == 1)
  }

  @Test func shortfallSharesSplitTheGap() throws {
    // Two identical streets and one with no chance of missing its own target.
    let weak = AreaCell(target: 30, meanRatio: 0.9, sigma: 0.3, correlation: 0.5)
    let sure = AreaCell(target: 5, known: 10, remaining: 0, meanRatio: 1, sigma: 0.3, correlation: 0.5)
    let input = SimulationInput(
      areas: ["a", "b", "c"], years: [2026], groups: ["g"], factor: .district,
      indicators: [
        SimIndicator(
          id: "x", name: "x", kind: .count, group: 0, cells: [[weak, weak, sure]],
          goals: [SimGoal(type: .annual, target: 65, aggregate: .finalYear)])
      ])
    let runs = 40_000
    let result = try Simulator(input: input).run(runs: runs, seed: 18, threads: 2)
    let streets = result.indicators[0].streets
    #expect(abs(streets.map(\.shortfallShare).reduce(0, +) - 1) < 1e-12)
    #expect(streets[2].shortfallShare == 0)
    #expect(streets[2].pMeetTarget == 1)
    #expect(abs(streets[0].shortfallShare - 0.5) < 0.02)
    #expect(result.indicators[0].districtMisses == runs - result.goals[0].hits)
  }
}

struct DeterminismTests {
  @Test func sameSeedSameBytesWhateverTheThreads() throws {
    let simulator = try Simulator(input: mixedModel())
    let runs = 3 * Simulator.blockSize + 123  // a partial last block
    let one = try json(simulator.run(runs: runs, seed: 42, threads: 1))
    let two = try json(simulator.run(runs: runs, seed: 42, threads: 2))
    let three = try json(simulator.run(runs: runs, seed: 42, threads: 3))
    #expect(one == two)
    #expect(one == three)
    let other = try json(simulator.run(runs: runs, seed: 43, threads: 2))
    #expect(one != other)
  }

  /// Common random numbers: a shift of one indicator's mean (a shock) leaves every result of
  /// the other indicators the same, bit for bit, with the same seed; and the shocked indicator's
  /// odds move in the direction of the shock in every goal.
  @Test func aShockOnOneIndicatorLeavesTheOthersUntouched() throws {
    let base = mixedModel()
    var shocked = base
    for y in shocked.indicators[2].cells.indices {
      for s in shocked.indicators[2].cells[y].indices { shocked.indicators[2].cells[y][s]?.meanRatio *= 0.8 }
    }
    var firmsShocked = base
    for y in firmsShocked.indicators[0].cells.indices {
      for s in firmsShocked.indicators[0].cells[y].indices {
        firmsShocked.indicators[0].cells[y][s]?.meanRatio *= 0.9
      }
    }
    let runs = 2 * Simulator.blockSize + 77
    let a = try Simulator(input: base).run(runs: runs, seed: 7, threads: 2)
    for (input, changed) in [(shocked, 2), (firmsShocked, 0)] {
      let b = try Simulator(input: input).run(runs: runs, seed: 7, threads: 2)
      for (x, y) in zip(a.goals, b.goals) {
        if x.indicatorIndex == changed {
          #expect(y.pHit < x.pHit, "\(x.indicatorID) \(x.type)")
        } else {
          #expect(try json1(x) == json1(y), "\(x.indicatorID) \(x.type) moved")
        }
      }
      for (x, y) in zip(a.indicators, b.indicators) where x.indicatorIndex != changed {
        // The streets' own odds; their shortfall shares depend on the district's misses, which
        // the changed indicator does not touch for another indicator's annual goal either.
        #expect(try json1(x) == json1(y), "\(x.indicatorID) streets moved")
      }
    }
  }

  @Test func resultNamesSeedGeneratorAndRuns() throws {
    let result = try Simulator(input: mixedModel()).run(runs: 1000, seed: 9, threads: 2)
    #expect(result.runs == 1000)
    #expect(result.seed == 9)
    #expect(result.generator == "xoshiro256** (seeded by SplitMix64)")
    #expect(result.goalYear == 2026)
    #expect(result.goals.count == 5)
    #expect(result.groups.map(\.group) == ["firms", "talent"])
    #expect(result.indicators.map(\.streets.count) == [2, 3, 3])
  }

  @Test func precisionRunIsThreadIndependentAndEqualsAFixedRun() throws {
    let simulator = try Simulator(input: mixedModel(factor: .district))
    let a = try simulator.run(precision: 0.004, seed: 5, threads: 1, maxRuns: 200_000)
    let b = try simulator.run(precision: 0.004, seed: 5, threads: 2, maxRuns: 200_000)
    #expect(try json(a) == json(b))
    let precision = try #require(a.precision)
    #expect(precision.met)
    #expect(precision.achieved <= 0.004)
    #expect(a.runs % (4 * Simulator.blockSize) == 0)
    for goal in a.goals { #expect(goal.standardError <= 0.004 + 1e-4) }
    var fixed = try simulator.run(runs: a.runs, seed: 5, threads: 2)
    fixed.precision = a.precision
    #expect(try json(fixed) == json(a))
  }

  @Test func precisionStopsAtTheCap() throws {
    let simulator = try Simulator(input: mixedModel())
    let result = try simulator.run(precision: 1e-5, seed: 5, threads: 2, maxRuns: 20_000)
    #expect(result.runs == 20_000)
    #expect(result.precision?.met == false)
  }

  @Test func progressReachesOne() throws {
    final class Box: @unchecked Sendable {
      let lock = NSLock()
      var values: [Double] = []
    }
    let box = Box()
    _ = try Simulator(input: mixedModel()).run(runs: 20_000, seed: 1, threads: 2) { p in
      box.lock.lock()
      box.values.append(p)
      box.lock.unlock()
    }
    #expect(box.values.last == 1)
    #expect(box.values == box.values.sorted())
  }
}

struct ValidationTests {
  @Test func validModelHasNoProblems() {
    #expect(mixedModel().validate().isEmpty)
  }

  @Test func badNumbersAreNamed() {
    var input = mixedModel()
    input.indicators[0].cells[1][0]?.target = .nan
    input.indicators[0].cells[0][1]?.sigma = -0.1
    input.indicators[1].cells[1][2]?.correlation = 1.5
    input.indicators[2].cells[0][0]?.remaining = 2
    input.indicators[2].goals[0].target = -3
    let problems = input.problems().map { $0.text(.english) }
    #expect(problems.count == 5)
    #expect(problems.contains { $0.contains("firms") && $0.contains("A") && $0.contains("2026") && $0.contains("target") })
    #expect(problems.contains { $0.contains("firms") && $0.contains("B") && $0.contains("2025") && $0.contains("sigma") })
    #expect(problems.contains { $0.contains("rd") && $0.contains("C") && $0.contains("correlation") })
    #expect(problems.contains { $0.contains("talent") && $0.contains("remaining") })
    #expect(problems.contains { $0.contains("talent") && $0.contains("annual goal") })
    #expect(throws: SimulationError.self) { try Simulator(input: input) }
  }

  @Test func badShapesAreNamed() {
    var input = mixedModel()
    input.indicators[0].cells[0].removeLast()
    input.indicators[1].cells.removeLast()
    input.indicators[2].group = 7
    input.years = [2026, 2025]
    let problems = input.problems().map { $0.text(.english) }
    #expect(problems.contains { $0.contains("firms") && $0.contains("2 streets, expected 3") })
    #expect(problems.contains { $0.contains("rd") && $0.contains("cells has 1 years") })
    #expect(problems.contains { $0.contains("talent") && $0.contains("group 7") })
    #expect(problems.contains { $0.contains("ascending") })
  }

  @Test func problemsReadInBothLanguages() {
    var input = mixedModel()
    input.indicators[0].cells[0][1]?.sigma = -0.1
    input.indicators[2].goals[0].target = -3
    input.years = [2026, 2025]
    let problems = input.problems()
    #expect(problems.count == 3)
    let chinese = problems.map { $0.text(.chinese) }
    #expect(chinese.contains { $0.contains("指标 firms") && $0.contains("sigma 须为0 到 10 之间的数") && $0.contains("实为 -0.1") })
    #expect(chinese.contains { $0.contains("talent") && $0.contains("年度目标") && $0.contains("target 须为不小于 0 的有限数") })
    #expect(chinese.contains { $0.contains("年份须严格递增：2026 之后是 2025") })
    #expect(!chinese.contains { $0.contains("must") || $0.contains("expected") })
    // The error thrown lists them, in the language asked for.
    do {
      _ = try Simulator(input: input)
      Issue.record("an input with problems was accepted")
    } catch let error as SimulationError {
      #expect(error.message.text(.chinese).hasPrefix("模拟输入有误："))
      #expect(error.message.text(.english).hasPrefix("invalid simulation input:"))
      #expect(error.message.text(.english).contains("years must be strictly ascending: 2026 is followed by 2025"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func badArgumentsSayWhatIsWrong() throws {
    let simulator = try Simulator(input: mixedModel())
    do {
      _ = try simulator.run(runs: 0, seed: 1)
      Issue.record("0 runs accepted")
    } catch let error as SimulationError {
      #expect(error.message.text(.english) == "invalid simulation argument: runs must be at least 1, got 0")
      #expect(error.message.text(.chinese) == "模拟参数有误：模拟次数至少为 1，实为 0")
    }
  }

  @Test func badArgumentsThrow() throws {
    let simulator = try Simulator(input: mixedModel())
    #expect(throws: SimulationError.self) { try simulator.run(runs: 0, seed: 1) }
    #expect(throws: SimulationError.self) { try simulator.run(runs: 10, seed: 1, threads: 0) }
    #expect(throws: SimulationError.self) { try simulator.run(precision: 0, seed: 1) }
    #expect(throws: SimulationError.self) { try simulator.run(precision: .nan, seed: 1) }
    #expect(throws: SimulationError.self) { try simulator.run(precision: 0.01, seed: 1, maxRuns: 0) }
  }

  @Test func emptyModelsDoNotCrash() throws {
    var input = mixedModel()
    input.indicators = []
    let result = try Simulator(input: input).run(runs: 10, seed: 1)
    #expect(result.goals.isEmpty)
    #expect(result.all.pAll == 1)
    var closed = mixedModel()
    closed.indicators[0].cells = [[nil, nil, nil], [nil, nil, nil]]
    let r2 = try Simulator(input: closed).run(runs: 100, seed: 1)
    #expect(r2.goals[0].p50 == 0)
    #expect(r2.goals[1].p50 == 110)
  }
}

struct CodingTests {
  @Test func decodesSnakeCaseWithDefaultsAndNulls() throws {
    let text = """
      {"note": "ignored", "areas": ["A", "B"], "years": [2026], "groups": ["g"], "factor": "group",
       "indicators": [{"id": "x", "name": "X", "kind": "amount", "group": 0,
         "cells": [[{"target": 3.5, "mean_ratio": 1.1, "sigma": 0.2, "correlation": 0.3}, null]],
         "goals": [{"type": "three_year", "target": 9, "known": 4, "aggregate": "sum"},
                   {"type": "annual", "target": 3, "aggregate": "final_year"}]}]}
      """
    let input = try JSONDecoder().decode(SimulationInput.self, from: Data(text.utf8))
    #expect(input.factor == .group)
    let cell = try #require(input.indicators[0].cells[0][0])
    #expect(cell.known == 0 && cell.remaining == 1 && cell.meanRatio == 1.1)
    #expect(input.indicators[0].cells[0][1] == nil)
    #expect(input.indicators[0].goals[0].type == .planTotal)
    #expect(input.indicators[0].goals[0].aggregate == .sumOfYears)
    #expect(input.indicators[0].goals[1].known == 0)
  }

  @Test func roundTripsAndUsesTheDocumentedKeys() throws {
    let input = mixedModel()
    let data = try JSONEncoder().encode(input)
    #expect(try JSONDecoder().decode(SimulationInput.self, from: data) == input)
    let text = String(decoding: data, as: UTF8.self)
    for key in ["\"mean_ratio\"", "\"three_year\"", "\"final_year\"", "\"sum\"", "\"remaining\""] {
      #expect(text.contains(key))
    }
    let result = try Simulator(input: input).run(runs: 500, seed: 3)
    let resultText = String(decoding: try json(result), as: UTF8.self)
    for key in ["\"p_hit\"", "\"expected_shortfall\"", "\"p_all\"", "\"p_meet_target\"", "\"shortfall_share\"", "\"block_size\""] {
      #expect(resultText.contains(key))
    }
    #expect(try JSONDecoder().decode(SimulationResult.self, from: json(result)) == result)
  }
}

struct StatisticsTests {
  @Test func wilsonIntervalKnownValues() {
    let a = ProbabilityInterval(wilsonHits: 0, runs: 10)
    #expect(a.lower == 0)
    #expect(abs(a.upper - 0.277_532) < 1e-5)
    let b = ProbabilityInterval(wilsonHits: 5, runs: 10)
    #expect(abs(b.lower - 0.236_590) < 1e-5 && abs(b.upper - 0.763_410) < 1e-5)
    let c = ProbabilityInterval(wilsonHits: 10, runs: 10)
    #expect(abs(c.lower - 0.722_468) < 1e-5 && c.upper == 1)
  }

  @Test func quantilesAreExactOrderStatistics() {
    // Whole numbers in a narrow range: histogram; fractions: raw values. Same answers.
    let whole = (0..<1000).map { Double(($0 * 7919) % 1000) }  // a permutation of 0…999
    let fractional = whole.map { $0 + 0.5 }
    let ranks = [0.1, 0.5, 0.9].map { OutcomeSet.rank(of: $0, in: 1000) }
    #expect(ranks == [100, 500, 900])
    for (values, offset) in [(whole, 0.0), (fractional, 0.5)] {
      var set = OutcomeSet()
      for chunk in stride(from: 0, to: 1000, by: 300) {
        values[chunk..<min(chunk + 300, 1000)].withUnsafeBufferPointer {
          set.merge(OutcomeSet(block: $0))
        }
      }
      #expect(set.count == 1000)
      #expect(set.orderStatistics(ranks) == [99 + offset, 499 + offset, 899 + offset])
    }
    // A wide whole-number block is stored raw; merging histogram + raw keeps every value.
    var mixed = OutcomeSet()
    [1.0, 2, 2, 3].withUnsafeBufferPointer { mixed.merge(OutcomeSet(block: $0)) }
    [1e9, 5].withUnsafeBufferPointer { mixed.merge(OutcomeSet(block: $0)) }
    #expect(mixed.orderStatistics([1, 2, 3, 4, 5, 6]) == [1, 2, 2, 3, 5, 1e9])
    // Many equal values.
    let flat = [Double](repeating: 4.25, count: 5000)
    let set = flat.withUnsafeBufferPointer { OutcomeSet(block: $0) }
    #expect(set.orderStatistics([1, 2500, 5000]) == [4.25, 4.25, 4.25])
  }
}
