import FenjieCore
import FenjiePlanning
@testable import FenjieFiles
import Foundation
import XCTest

/// The scenario keys for lines without history: [weights] and [baselines.<line>].
final class BaselineKeysTests: XCTestCase {
  func testWeightsAndExplicitBaselinesAreRead() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-weights-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let scenario = directory.appendingPathComponent("s.toml")
    try """
      # weights
      base = "\(root.path)/Scenarios/liangxi-2025.toml"

      [weights]
      "崇安寺街道" = 1.2
      "扬名" = 3

      [baselines.new_tech_firms]
      "瞻江街道" = 60
      """.write(to: scenario, atomically: true, encoding: .utf8)
    let loaded = try ScenarioLoader.load(scenario.path)
    XCTAssertEqual(loaded.settings.areaWeights, ["崇安寺街道": 1.2, "扬名街道": 3])
    XCTAssertEqual(loaded.settings.explicitBaselines, ["new_tech_firms": ["瞻江街道": 60]])
    let line = try Allocator(dataset: loaded.dataset, settings: loaded.settings).allocate().indicators.first { $0.indicator.id == "new_tech_firms" }
    XCTAssertEqual(line?.areas["瞻江街道"]?.baseline, 60)
  }
}
