import FenjieCore
import FenjieSimulation
import Foundation
import GLPK
import TestSupport
import XCTest

@testable import FenjiePlanning

/// The backtest on datasets drawn from the model itself (it must find the odds calibrated, within
/// Monte Carlo error) and from a model the scenario gets wrong (it must say so).
final class BacktestTests: XCTestCase {
  static let areas = (1...9).map { "街道\($0)" }
  static let years = [2022, 2023, 2024, 2025]

  /// A four-year plan of `lines` amount lines, every year's 分解表 published, actuals drawn from the
  /// model: target × R with log R ~ N(a_line + b_street − σ²/2 + shift[year], σ²) independently per
  /// street and year, where each line has its own a ~ N(0, 0.2²) and σ ~ U(0.15, 0.35) and each
  /// street on it its own b ~ N(0, 0.1²), fixed over the years (so the odds differ for real from
  /// line to line and street to street, as the fitted model says they may).
  static func dataset(lines: Int, yearShift: [Double], seed: UInt64) -> Dataset {
    var rng = Xoshiro256StarStar(seed: seed)
    let normal = StandardNormal()
    let indicators = (0..<lines).map {
      Indicator(id: "line\($0)", name: "指标\($0)", unit: "亿元", kind: .amount, action: "行动\($0 % 3)")
    }
    var lineMean: [String: Double] = [:], lineSigma: [String: Double] = [:], streetMean: [String: Double] = [:]
    for indicator in indicators {
      lineMean[indicator.id] = 0.2 * normal.sample(using: &rng)
      lineSigma[indicator.id] = 0.15 + 0.2 * rng.nextUnitClosedOpen()
      for area in areas { streetMean[indicator.id + area] = 0.1 * normal.sample(using: &rng) }
    }
    var tables: [AreaTable] = []
    var districtTargets: [String: [Int: Double]] = [:]
    let provenance = Provenance(source: "synthetic", illustrative: true, file: "synthetic")
    for (y, year) in years.enumerated() {
      var targets: [String: [String: AreaValue]] = [:]
      var actuals: [String: [String: AreaValue]] = [:]
      for indicator in indicators {
        var total = 0.0
        for area in areas {
          let target = 10 + 90 * rng.nextUnitClosedOpen()
          total += target
          let sigma = lineSigma[indicator.id]!
          let logR = lineMean[indicator.id]! + streetMean[indicator.id + area]! - sigma * sigma / 2 + yearShift[y]
            + sigma * normal.sample(using: &rng)
          targets[indicator.id, default: [:]][area] = .value(target)
          actuals[indicator.id, default: [:]][area] = .value(target * exp(logR))
        }
        // District targets near the streets' sum, some above, some below.
        districtTargets[indicator.id, default: [:]][year] = total * (0.9 + 0.2 * rng.nextUnitClosedOpen())
      }
      tables.append(AreaTable(year: year, kind: .target, provenance: provenance, values: targets))
      tables.append(AreaTable(year: year, kind: .actual, provenance: provenance, values: actuals))
    }
    return Dataset(
      region: "测试区", areas: areas, planYears: years, indicators: indicators, targets: districtTargets,
      threeYearGoals: [:], targetsProvenance: provenance, tables: tables)
  }

  static func backtest(_ dataset: Dataset, correlation: Double) throws -> Backtest {
    var settings = SimulationSettings()
    settings.correlation = correlation
    settings.seed = 7
    let scenario = Scenario(
      path: "synthetic.toml", purpose: nil, datasetPath: "synthetic", dataset: dataset,
      settings: AllocationSettings(year: 2025), simulation: settings, inputFiles: [])
    return try Planner(solver: GLPKSolver()).backtest(scenario, settings: settings, runs: 4096, threads: 2)
  }

  /// Data drawn from the model the backtest fits: the hits agree with the odds (|z| < 4 overall
  /// and in every decile with enough events), the P10–P90 band holds about 80% of the district
  /// totals (within 4 standard errors), and the model beats the naive model's Brier score.
  func testCalibratedOnDataFromTheModel() throws {
    let backtest = try Self.backtest(
      Self.dataset(lines: 24, yearShift: [0, 0, 0, 0], seed: 1), correlation: 0)
    XCTAssertEqual(backtest.forecasts.count, 4)
    XCTAssertEqual(backtest.forecasts[0].fittedFrom, [2023, 2024, 2025])
    let model = backtest.model
    XCTAssertEqual(model.events, 4 * 24 * 10)
    XCTAssertLessThan(abs(model.z), 4, "overall calibration z = \(model.z)")
    for decile in model.deciles where decile.count >= 30 {
      XCTAssertLessThan(abs(decile.z), 4, "decile \(decile.lower): \(decile)")
    }
    let coverage = try XCTUnwrap(model.bandCoverage)
    XCTAssertEqual(coverage, 0.8, accuracy: 4 * model.bandStandardError!)
    XCTAssertLessThan(model.brier + 4 * model.brierStandardError, backtest.naive.brier)
  }

  /// A year with progress to date and actuals is also forecast from its first months: the rest of
  /// the year is simulated with the pace update, and its bands are narrower than the whole year's.
  func testRestOfYearFromItsFirstMonths() throws {
    var dataset = Self.dataset(lines: 6, yearShift: [0, 0, 0, 0], seed: 3)
    let actual = dataset.table(year: 2025, kind: .actual)!
    var progress = actual
    progress.kind = .progress
    progress.fractionOfYear = 0.75
    progress.values = actual.values.mapValues { $0.mapValues { .value(0.75 * ($0.number ?? 0)) } }
    dataset.tables.append(progress)
    let backtest = try Self.backtest(dataset, correlation: 0.3)
    XCTAssertEqual(backtest.forecasts.map(\.year), [2022, 2023, 2024, 2025, 2025])
    XCTAssertNil(backtest.forecasts[3].fractionKnown)
    XCTAssertEqual(backtest.forecasts[4].fractionKnown, 0.75)
    func width(_ f: Backtest.Forecast) -> Double { f.lines.reduce(0) { $0 + ($1.p90! - $1.p10!) } }
    XCTAssertLessThan(width(backtest.forecasts[4]), 0.5 * width(backtest.forecasts[3]))
  }

  /// Data with a year-wide shock of ±0.4 in log R (a deliberately biased year each time) that the scenario (correlation 0) does not know:
  /// the district totals fall outside their P10–P90 bands, and each year's hits are far from what
  /// the odds expected.
  func testCatchesAModelThatIsWrong() throws {
    let backtest = try Self.backtest(
      Self.dataset(lines: 24, yearShift: [0.4, -0.4, 0.4, -0.4], seed: 2), correlation: 0)
    let coverage = try XCTUnwrap(backtest.districtModel.bandCoverage)
    XCTAssertLessThan(coverage, 0.8 - 6 * backtest.districtModel.bandStandardError!)
    for forecast in backtest.forecasts {
      let events = forecast.lines.flatMap { line in
        line.streets.map { Calibration.Event(probability: $0.probability, hit: $0.actual >= $0.target) }
      }
      XCTAssertGreaterThan(abs(Calibration(events: events).z), 4, "year \(forecast.year)")
    }
  }
}
