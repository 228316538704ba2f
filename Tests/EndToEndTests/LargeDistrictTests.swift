import Foundation
import TestSupport
import XCTest

/// A generated 300-area district in the Liangxi shape (benchmarks/make_district.py, 示例数据),
/// allocated by the built binary: every line feasible, whole, within caps and floors, 其中 ≤ parent.
/// No timing assertion: `make bench` measures time.
final class LargeDistrictTests: XCTestCase {
  func testThreeHundredAreas() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-district-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let made = try runTool(
      "/usr/bin/env",
      ["python3", packageRoot.appendingPathComponent("benchmarks/make_district.py").path, "--areas", "300", "--seed", "3", "--out", directory.path])
    XCTAssertEqual(made.status, 0, made.output)
    let run = try runFenjie([directory.appendingPathComponent("scenario.toml").path, "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(document["feasible"] as? Bool, true)
    XCTAssertEqual(document["illustrative"] as? Bool, true)
    let lines = try XCTUnwrap(document["indicators"] as? [[String: Any]])
    XCTAssertEqual(lines.count, 26)
    let byID = Dictionary(uniqueKeysWithValues: lines.map { ($0["id"] as! String, $0) })
    var cells = 0
    for line in lines where line["status"] as? String != "not_split" {
      let id = try XCTUnwrap(line["id"] as? String)
      let whole = ["count", "stock"].contains(line["kind"] as? String)
      let areas = try XCTUnwrap(line["areas"] as? [String: [String: Any]])
      var total = 0.0
      for (area, cell) in areas {
        guard let value = cell["value"] as? Double else { continue }
        cells += 1
        total += value
        if whole { XCTAssertEqual(value, value.rounded(), "\(id) \(area)") }
        XCTAssertLessThanOrEqual(value, try XCTUnwrap(cell["cap"] as? Double) + 1e-9, "\(id) \(area)")
        XCTAssertGreaterThanOrEqual(value, try XCTUnwrap(cell["floor"] as? Double) - 1e-9, "\(id) \(area)")
        if let parent = line["parent"] as? String, let parentLine = byID[parent],
          let parentAreas = parentLine["areas"] as? [String: [String: Any]]
        {
          let pv = try XCTUnwrap(parentAreas[area]?["value"] as? Double, "其中 only where the parent is open: \(id) \(area)")
          XCTAssertLessThanOrEqual(value, pv + 1e-9, "其中 ≤ parent: \(id) \(area)")
        }
      }
      let required = try XCTUnwrap(line["required_total"] as? Double)
      XCTAssertGreaterThanOrEqual(total, required - 1e-6, id)
      XCTAssertEqual(total, try XCTUnwrap(line["allocated_total"] as? Double), accuracy: 1e-6, id)
    }
    XCTAssertGreaterThan(cells, 5000)
  }
}
