import FenjieText
import FenjieCore
import TestSupport
import XCTest

/// Every repair printed for an infeasible (✗) line is feasible when applied: the table shows the line
/// with it applied, so the table must keep every constraint except those the listed changes relax.
extension AllocationPropertyTests {
  func testEveryPrintedRepairIsFeasibleWhenApplied() throws {
    var g = TestGenerator(seed: 1212)
    var repaired = 0
    var spread = 0
    for trial in 0..<300 {
      var instance = randomInstance(&g)
      // Tighter caps than the base generator, so that many lines need a repair.
      instance.settings.capacity.maxGrowth = Double.random(in: 0...0.3, using: &g)
      let result = try Allocator(dataset: instance.dataset, settings: instance.settings).allocate()
      let byID = Dictionary(uniqueKeysWithValues: result.indicators.map { ($0.indicator.id, $0) })
      for line in result.indicators where line.status == .infeasible {
        let context = "trial \(trial), line \(line.indicator.id)"
        let notes = result.diagnostics.filter { $0.indicator == line.indicator.id }.map(\.message)
        XCTAssertFalse(notes.isEmpty, "explained: \(context)")
        XCTAssertFalse(notes.contains { $0.hasSuffix("no solution satisfies every constraint") }, "no bare message: \(context)")
        guard let total = line.allocatedTotal else { continue }  // blanked, with its reason
        repaired += 1
        if notes.contains(where: { $0.contains("各街道同样多增长") }) { spread += 1 }
        XCTAssertGreaterThanOrEqual(total, try XCTUnwrap(line.requiredTotal) - 1e-9, "total reached: \(context)")
        try checkCells(line, byID: byID, instance: instance, context: context)
      }
    }
    XCTAssertGreaterThan(repaired, 40, "the instances must exercise repairs")
    XCTAssertGreaterThan(spread, 20, "most repairs are the spread one")
  }

  /// Each cell within its bounds as changed by the line's listed repair.
  func checkCells(
    _ line: IndicatorAllocation, byID: [String: IndicatorAllocation], instance: Instance, context: String
  ) throws {
    let id = line.indicator.id
    for area in instance.dataset.areas {
      guard let cell = line.areas[area], let value = cell.value else { continue }
      let changes = line.changes.filter { $0.area == area }
      let cap = changes.first { $0.kind == .raiseCap }?.to ?? changes.first { $0.kind == .openArea }?.to ?? cell.cap
      let floor = changes.first { $0.kind == .lowerFloor }?.to ?? cell.floor
      if let lock = instance.settings.locks.first(where: { $0.indicator == id && $0.area == area }) {
        let moved = changes.first { $0.kind == .changeLock }?.to ?? lock.value
        XCTAssertEqual(value, moved, accuracy: 1e-9, "lock (as changed): \(context) \(area)")
        continue
      }
      if let cap { XCTAssertLessThanOrEqual(value, cap + 1e-9, "cap (as changed): \(context) \(area)") }
      if let floor { XCTAssertGreaterThanOrEqual(value, floor - 1e-9, "floor (as changed): \(context) \(area)") }
      if let parentID = line.indicator.parent, let parent = byID[parentID],
        !changes.contains(where: { $0.kind == .exceedParent })
      {
        let pv = try XCTUnwrap(parent.areas[area]?.value, "其中 open only where its parent is: \(context) \(area)")
        XCTAssertLessThanOrEqual(value, pv + 1e-9, "其中 ≤ parent: \(context) \(area)")
      }
    }
  }
}
