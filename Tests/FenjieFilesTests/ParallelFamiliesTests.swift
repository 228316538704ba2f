import FenjieCore
import FenjieFiles
import FenjiePlanning
import Foundation
import GLPK
import TestSupport
import XCTest

/// Families solved on several threads give the same `AllocationResult` as on one, on a generated
/// 300-area district (benchmarks/make_district.py, 示例数据), feasible as generated and with caps tight
/// enough that several families are repaired and explained. Here rather than in FenjieCoreTests
/// because the district is read by the scenario loader.
final class ParallelFamiliesTests: XCTestCase {
  func generatedDistrict(areas: Int, seed: Int) throws -> Scenario {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-parallel-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let made = try runTool(
      "/usr/bin/env",
      ["python3", packageRoot.appendingPathComponent("benchmarks/make_district.py").path, "--areas", "\(areas)",
       "--seed", "\(seed)", "--out", directory.path])
    XCTAssertEqual(made.status, 0, made.output)
    return try ScenarioLoader.load(directory.appendingPathComponent("scenario.toml").path)
  }

  func assertSame(_ a: AllocationResult, _ b: AllocationResult, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.areas, b.areas, label, file: file, line: line)
    XCTAssertEqual(a.indicators.count, b.indicators.count, label, file: file, line: line)
    for (x, y) in zip(a.indicators, b.indicators) {
      XCTAssertTrue(x == y, "\(label): \(x.indicator.id) differs", file: file, line: line)
    }
    XCTAssertEqual(a.diagnostics, b.diagnostics, label, file: file, line: line)
    XCTAssertEqual(a.sources, b.sources, label, file: file, line: line)
    XCTAssertEqual(a.usesIllustrativeData, b.usesIllustrativeData, label, file: file, line: line)
    XCTAssertTrue(a.model == b.model, "\(label): the exported models differ", file: file, line: line)
  }

  func testOneAndSeveralThreadsGiveTheSameResult() throws {
    let scenario = try generatedDistrict(areas: 300, seed: 5)
    for maxGrowth in [nil, 0.15] {
      var settings = scenario.settings
      if let maxGrowth { settings.capacity.maxGrowth = maxGrowth }
      settings.threads = 1
      let one = try Allocator(dataset: scenario.dataset, settings: settings).allocate()
      if maxGrowth != nil {
        XCTAssertFalse(one.allFeasible, "tight caps should leave lines to repair")
      } else {
        XCTAssertTrue(one.allFeasible)
      }
      for threads in [2, 4, 7] {
        settings.threads = threads
        let several = try Allocator(dataset: scenario.dataset, settings: settings).allocate()
        assertSame(one, several, "max_growth \(maxGrowth.map { "\($0)" } ?? "default"), \(threads) threads")
      }
    }
  }
}
