import FenjieCore
import FenjiePlanning
import FenjieSimulation
import Foundation
import GLPK
import TestSupport
import XCTest

/// The odds over a tree: known answers of the nested model and the same numbers for any thread count.
final class TreeOddsTests: XCTestCase {
  let x = Indicator(id: "x", name: "x", unit: "亿元", kind: .amount, action: "A")
  let y = Indicator(id: "y", name: "y", unit: "亿元", kind: .amount, action: "A")
  let n = Indicator(id: "n", name: "n", unit: "家", kind: .count, action: "A")

  /// A city over districts; each district's streets with 2024 values `streets` on every line, the
  /// city's 2025 target the sum (so every street keeps its value).
  func allocation(_ districts: [(String, [String: Double])], lines: [Indicator]) throws -> TreeAllocation {
    var children: [RegionTree] = []
    var totals: [String: Double] = [:]
    for (name, streets) in districts {
      let names = streets.keys.sorted()
      let rows: [(indicator: Indicator, baseline: [Double?], target2025: Double)] = lines.map { line in
        (indicator: line, baseline: names.map { name in streets[name] }, target2025: 0.0)
      }
      var data = makeDataset(areas: names, lines: rows)
      data.region = name
      for line in lines { data.targets[line.id]?[2025] = nil }
      children.append(RegionTree(dataset: data))
      for line in lines { totals[line.id, default: 0] += streets.values.reduce(0, +) }
    }
    let city = Dataset(
      region: "市", areas: children.map(\.name), planYears: [2024, 2025], indicators: lines,
      targets: totals.mapValues { [2025: $0] }, threeYearGoals: [:],
      targetsProvenance: Provenance(source: "t", illustrative: false, file: "t"), tables: [])
    var settings = AllocationSettings(year: 2025)
    settings.capacity.maxDecline = 0
    return try TreeAllocator(tree: RegionTree(dataset: city, children: children), settings: settings, solver: GLPKSolver()).allocate()
  }

  /// One street: log R ~ N(ln m − σ²/2, σ²) whatever ρ (the factor weights add up to σ²), so
  /// P(R ≥ 1) = Φ((ln m − σ²/2)/σ): m = 1.1, σ = 0.2 gives 0.6468.
  func testOneStreetMatchesTheLognormal() throws {
    let allocation = try allocation([("A", ["a1": 10])], lines: [x])
    for rho in [0.0, 0.5, 0.9] {
      var settings = SimulationSettings()
      settings.runs = 100_000
      settings.meanRatio = 1.1
      settings.sigma = 0.2
      settings.correlation = rho
      let odds = TreeOdds.simulate(allocation, settings: settings, threads: 2)
      let street = try XCTUnwrap(odds.regions.first { $0.region == "A" }?.lines.first)
      let expected = 0.5 * erfc(-((log(1.1) - 0.02) / 0.2) / 2.0.squareRoot())
      XCTAssertEqual(street.pHit, expected, accuracy: 4 * (expected * (1 - expected) / 1e5).squareRoot(), "ρ = \(rho)")
      XCTAssertEqual(street.mean, 11, accuracy: 0.05, "E[target × R] = 10 × 1.1")
    }
  }

  /// Two lines of one street share the factors of every region above it: log Rs correlated ρ, so
  /// with thresholds at the median P(both) = 1/4 + arcsin(ρ)/(2π) (0.3524 for ρ = 0.6).
  func testSharedFactorsGiveTheOrthantProbability() throws {
    let allocation = try allocation([("A", ["a1": 10]), ("B", ["b1": 10])], lines: [x, y])
    var settings = SimulationSettings()
    settings.runs = 100_000
    settings.sigma = 0.3
    settings.meanRatio = exp(0.045)
    settings.correlation = 0.6
    let odds = TreeOdds.simulate(allocation, settings: settings, threads: 2)
    let a = try XCTUnwrap(odds.regions.first { $0.region == "A" })
    let expected = 0.25 + asin(0.6) / (2 * Double.pi)
    XCTAssertEqual(a.pAll, expected, accuracy: 4 * (expected * (1 - expected) / 1e5).squareRoot())
    XCTAssertEqual(a.levels, 2)
    // Without correlation the two lines are independent: 1/4.
    settings.correlation = 0
    let independent = TreeOdds.simulate(allocation, settings: settings, threads: 2)
    XCTAssertEqual(independent.regions.first { $0.region == "A" }!.pAll, 0.25, accuracy: 0.006)
  }

  /// With no spread in R, a district's count is Poisson(Σ targets) (its streets' independent
  /// Poisson draws added up): 30 + 30 + 40 gives P(X ≥ 100) for X ~ Poisson(100), and the city of two
  /// such districts P(X ≥ 200) for Poisson(200).
  func testCountsAddUpAsPoissons() throws {
    let allocation = try allocation([("A", ["a1": 30, "a2": 30, "a3": 40]), ("B", ["b1": 100])], lines: [n])
    var settings = SimulationSettings()
    settings.runs = 100_000
    settings.sigma = 1e-9
    let odds = TreeOdds.simulate(allocation, settings: settings, threads: 2)
    func tail(_ lambda: Double, from k: Int) -> Double {
      var p = exp(-lambda)
      var below = 0.0
      for j in 0..<k {
        below += p
        p *= lambda / Double(j + 1)
      }
      return 1 - below
    }
    for (region, lambda) in [("A", 100.0), ("市", 200.0)] {
      let line = try XCTUnwrap(odds.regions.first { $0.region == region }?.lines.first)
      let expected = tail(lambda, from: Int(lambda))
      XCTAssertEqual(line.pHit, expected, accuracy: 4 * (expected * (1 - expected) / 1e5).squareRoot(), region)
      XCTAssertEqual(line.mean, lambda, accuracy: 0.3, region)
    }
  }

  func testSameNumbersForAnyThreadCount() throws {
    let allocation = try allocation(
      [("A", ["a1": 12, "a2": 30]), ("B", ["b1": 7, "b2": 19, "b3": 25])], lines: [x, n])
    var settings = SimulationSettings()
    settings.runs = 5_000
    settings.shocks = [SimulationSettings.Shock(indicators: ["n"], areas: ["B"], years: [], change: -0.2)]
    let one = TreeOdds.simulate(allocation, settings: settings, threads: 1)
    let three = TreeOdds.simulate(allocation, settings: settings, threads: 3)
    for (a, b) in zip(one.regions, three.regions) {
      XCTAssertEqual(a.pAll, b.pAll)
      XCTAssertEqual(a.lines.map(\.pHit), b.lines.map(\.pHit))
      XCTAssertEqual(a.lines.map(\.mean), b.lines.map(\.mean))
    }
    // The shock on B lowers B's count line (and so the city's) but not A's.
    let b = one.regions.first { $0.region == "B" }!.lines.first { $0.indicator.id == "n" }!
    let a = one.regions.first { $0.region == "A" }!.lines.first { $0.indicator.id == "n" }!
    XCTAssertLessThan(b.mean, 0.85 * b.target)
    XCTAssertGreaterThan(a.mean, 0.95 * a.target)
  }
}
