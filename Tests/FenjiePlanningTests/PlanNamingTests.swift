import FenjieText
import FenjieCore
import FenjieReports
import FenjieSimulation
import Foundation
import GLPK
import XCTest

@testable import FenjiePlanning

/// A four-year plan (2022–2025) is never called 三年 / three-year in what readers see.
final class PlanNamingTests: XCTestCase {
  func testFourYearPlanGoalsAreNamedByTheirLength() throws {
    var dataset = BacktestTests.dataset(lines: 3, yearShift: [0, 0, 0, 0], seed: 5)
    // 2022–2024 known, 2025 simulated; plan-total goals = the sum of the district targets.
    dataset.tables.removeAll { $0.year == 2025 && $0.kind == .actual }
    for indicator in dataset.indicators {
      dataset.threeYearGoals[indicator.id] = dataset.targets[indicator.id]!.values.reduce(0, +)
    }
    let scenario = Scenario(
      path: "four-years.toml", purpose: nil, datasetPath: "four-years", dataset: dataset,
      settings: AllocationSettings(year: 2025), simulation: SimulationSettings(), inputFiles: [])
    let planner = Planner(solver: GLPKSolver())
    let setup = try planner.simulationSetup(scenario, settings: scenario.simulation)
    XCTAssertEqual(setup.input.years, [2025])
    var settings = setup
    settings.settings.runs = 2000
    let result = try planner.simulate(settings, scenario: scenario, threads: 1)
    XCTAssertEqual(result.plan, PlanSpan(first: 2022, last: 2025))
    let report = SimulationReport(setup: setup, result: result, version: "test")
    let label = Say.Report.goal(annual: false, first: 2022, last: 2025, length: 4)
    XCTAssertEqual(label.text(.chinese), "四年 2022-2025")
    for text in [report.terminal(), report.csv(), report.markdown()] {
      XCTAssertTrue(text.contains(label.text()), text)
      // No table has a 类型 column (it repeats 目标); every one has 单位.
      XCTAssertFalse(text.contains("类型"), text)
      XCTAssertTrue(text.contains("单位"), text)
      XCTAssertFalse(text.contains("三年"))
      XCTAssertFalse(text.contains("three_year"))
    }
    // The JSON keeps format 1's type and says what the goal is.
    let json = report.json().rendered(indent: 2)
    XCTAssertTrue(json.contains("\"label\": \"四年 2022–2025\""), json)
    XCTAssertTrue(json.contains("\"plan_years\": [2022, 2025]"))
    // 已完成 of the plan total: the three known years' actuals.
    let known = dataset.indicators.map { indicator in
      [2022, 2023, 2024].reduce(0.0) { sum, year in
        sum + dataset.areas.reduce(0.0) { $0 + (dataset.table(year: year, kind: .actual)!.value(indicator.id, $1).number ?? 0) }
      }
    }
    for (i, indicator) in setup.input.indicators.enumerated() {
      let goal = try XCTUnwrap(indicator.goals.first { $0.type == .planTotal })
      XCTAssertEqual(goal.delivered(indicator), known[i], accuracy: 1e-9)
    }
  }
}
