import FenjieText
import FenjieCore
import TestSupport
import XCTest

/// Issue 12, item 5: a line allocated above its district target says why.
final class AboveTargetNoteTests: XCTestCase {
  func testFloorsAboveTheTargetAreNamed() throws {
    let areas = (1...9).map { "街道\($0)" }
    let line = Indicator(id: "incubators", name: "新认定科创孵化载体数", unit: "家", kind: .count, action: "")
    let dataset = makeDataset(areas: areas, lines: [(line, areas.map { _ in 1 }, 6)])
    var settings = AllocationSettings(year: 2025)
    settings.minimumPerArea = 1
    let result = try Allocator(dataset: dataset, settings: settings).allocate()
    XCTAssertEqual(result.indicators[0].allocatedTotal, 9)
    let notes = result.diagnostics.filter { $0.indicator == "incubators" }.map(\.message)
    XCTAssertTrue(
      notes.contains(Say.Allocation.aboveTarget("9家", "6家", Say.Allocation.reasonFloors("9家")).text()),
      "\(notes)")
  }

  func testNoNoteWhenTheTotalIsTheTarget() throws {
    let line = Indicator(id: "x", name: "x", unit: "家", kind: .count, action: "")
    let dataset = makeDataset(areas: ["甲", "乙"], lines: [(line, [10, 10], 22)])
    let result = try Allocator(dataset: dataset, settings: AllocationSettings(year: 2025)).allocate()
    XCTAssertEqual(result.indicators[0].allocatedTotal, 22)
    XCTAssertFalse(result.diagnostics.contains { $0.message.hasPrefix(Say.Allocation.aboveTarget("", "", Message(zh: "", en: "")).text().prefix(4)) })
  }
}
