import FenjieCore
import FenjieSimulation
import Foundation
import XCTest

@testable import FenjiePlanning

/// The ratio fit: no line is certain, however few or tidy its actuals.
final class RatioFitTests: XCTestCase {
  let areas = ["甲", "乙", "丙"]
  let provenance = Provenance(source: "test", illustrative: false, file: "test")

  /// Two lines over two years: "exact" always hits its targets exactly (own spread 0), "noisy"
  /// does not. By hand: the pooled spread σ₀² is the noisy line's residual sum of squares over the
  /// degrees of freedom of both lines (5 + 5); the exact line's σ² = ν₀·σ₀²/(ν + ν₀) with ν = 5.
  func testSpreadShrunkTowardThePoolNeverZero() {
    let noisyRatios: [Double] = [0.8, 1.1, 1.25, 0.9, 1.05, 1.3]
    var targets: [String: [String: AreaValue]] = [:], actuals2024: [String: [String: AreaValue]] = [:]
    var actuals2025: [String: [String: AreaValue]] = [:]
    for (a, area) in areas.enumerated() {
      targets["exact", default: [:]][area] = .value(10)
      targets["noisy", default: [:]][area] = .value(20)
      actuals2024["exact", default: [:]][area] = .value(10)
      actuals2025["exact", default: [:]][area] = .value(10)
      actuals2024["noisy", default: [:]][area] = .value(20 * noisyRatios[a])
      actuals2025["noisy", default: [:]][area] = .value(20 * noisyRatios[a + 3])
    }
    let indicators = ["exact", "noisy"].map { Indicator(id: $0, name: $0, unit: "个", kind: .amount, action: "行动") }
    let dataset = Dataset(
      region: "测试区", areas: areas, planYears: [2024, 2025, 2026], indicators: indicators, targets: [:],
      threeYearGoals: [:], targetsProvenance: provenance,
      tables: [
        AreaTable(year: 2024, kind: .target, provenance: provenance, values: targets),
        AreaTable(year: 2024, kind: .actual, provenance: provenance, values: actuals2024),
        AreaTable(year: 2025, kind: .actual, provenance: provenance, values: actuals2025),
      ])
    // 2025 has no published table: its actuals are held against the one given here.
    let table2025 = AreaTable(year: 2025, kind: .target, provenance: provenance, values: targets)
    var settings = SimulationSettings()
    settings.sigmaFloor = 0.01
    let prior = RatioFit.prior(dataset: dataset, targets: [2025: table2025])!
    let logs = noisyRatios.map { log($0) }
    let mean = logs.reduce(0, +) / 6
    let squares = logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    XCTAssertEqual(prior.degreesOfFreedom, 10)
    XCTAssertEqual(prior.sigma, (squares / 10).squareRoot(), accuracy: 1e-12)
    let exact = RatioFit(dataset: dataset, indicator: "exact", settings: settings, targets: [2025: table2025], prior: prior)
    XCTAssertEqual(exact.ownSigma!, 0, accuracy: 1e-15)
    XCTAssertEqual(exact.sigma, (4 * prior.sigma * prior.sigma / (5 + 4)).squareRoot(), accuracy: 1e-12)
    XCTAssertGreaterThan(exact.sigma(areas[0]), exact.sigma)
    // Without the 2025 table only 2024's three pairs count: still fitted, from fewer pairs.
    let only2024 = RatioFit(dataset: dataset, indicator: "noisy", settings: settings, targets: [:], prior: prior)
    XCTAssertEqual(only2024.degreesOfFreedom, 2)
    // The floor holds when the pool itself is tidy.
    settings.sigmaFloor = 0.5
    XCTAssertEqual(RatioFit(dataset: dataset, indicator: "exact", settings: settings, targets: [2025: table2025], prior: prior).sigma, 0.5)
  }
}
