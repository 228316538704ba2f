import FenjieCore
import TestSupport
import XCTest

/// Properties every allocation must have, on many random instances.
final class AllocationPropertyTests: XCTestCase {
  struct Instance {
    var dataset: Dataset
    var settings: AllocationSettings
  }

  /// A random district: 2–10 areas, a parent line and a "其中" line (counts), an amount line, some
  /// "/" cells, random growth of the target, sometimes a lock, an equal group, a minimum per area.
  func randomInstance(_ g: inout TestGenerator) -> Instance {
    let n = Int.random(in: 2...10, using: &g)
    let areas = (0..<n).map { "街道\($0)" }
    let parent = Indicator(id: "p", name: "p", unit: "家", kind: .count, action: "A")
    let child = Indicator(id: "c", name: "c", unit: "家", kind: .count, action: "A", parent: "p")
    let amount = Indicator(id: "m", name: "m", unit: "亿元", kind: .amount, action: "B")
    var pb: [Double?] = []
    var cb: [Double?] = []
    var mb: [Double?] = []
    for _ in 0..<n {
      let closed = Double.random(in: 0..<1, using: &g) < 0.15
      let p = Double(Int.random(in: 0...200, using: &g))
      pb.append(closed ? nil : p)
      cb.append(closed ? nil : Double(Int.random(in: 0...Int(p), using: &g)))
      mb.append(Double.random(in: 0..<1, using: &g) < 0.1 ? nil : (Double.random(in: 0...20, using: &g) * 100).rounded() / 100)
    }
    if pb.allSatisfy({ $0 == nil }) { pb[0] = 10; cb[0] = 5 }
    if mb.allSatisfy({ $0 == nil }) { mb[0] = 1 }
    let growth = { (g: inout TestGenerator) in Double.random(in: 0.7...1.6, using: &g) }
    let pSum = pb.compactMap { $0 }.reduce(0, +)
    let cSum = cb.compactMap { $0 }.reduce(0, +)
    let mSum = mb.compactMap { $0 }.reduce(0, +)
    let dataset = makeDataset(
      areas: areas,
      lines: [
        (parent, pb, max(1, (pSum * growth(&g)).rounded())),
        (child, cb, max(1, (cSum * growth(&g)).rounded())),
        (amount, mb, max(0.5, ((mSum * growth(&g)) * 100).rounded() / 100)),
      ])
    var settings = AllocationSettings(year: 2025)
    settings.rule = AllocationRule.allCases.randomElement(using: &g)!
    settings.capacity.maxGrowth = Double.random(in: 0.1...1.0, using: &g)
    settings.capacity.maxDecline = Double.random(in: 0...0.5, using: &g)
    if Bool.random(using: &g) { settings.minimumByIndicator["p"] = 1 }
    if Bool.random(using: &g) { settings.margin = Double.random(in: 0...0.2, using: &g) }
    if Double.random(in: 0..<1, using: &g) < 0.3, let s = pb.firstIndex(where: { $0 != nil }) {
      settings.locks.append(Lock(indicator: "p", area: areas[s], value: ((pb[s] ?? 0) * growth(&g)).rounded()))
    }
    if n >= 4, Double.random(in: 0..<1, using: &g) < 0.3 {
      settings.equalGroups.append(EqualGroup(areas: Array(areas.prefix(2)), indicators: ["m"]))
    }
    return Instance(dataset: dataset, settings: settings)
  }

  func testPropertiesOnRandomInstances() throws {
    var g = TestGenerator(seed: 20_241_105)
    var feasibleCount = 0
    var infeasibleCount = 0
    for trial in 0..<300 {
      let instance = randomInstance(&g)
      let result = try Allocator(dataset: instance.dataset, settings: instance.settings).allocate()
      let byID = Dictionary(uniqueKeysWithValues: result.indicators.map { ($0.indicator.id, $0) })
      for line in result.indicators {
        let context = "trial \(trial), line \(line.indicator.id), rule \(instance.settings.rule)"
        let unit = line.indicator.kind.resolution
        if line.status == .infeasible {
          infeasibleCount += 1
          XCTAssertTrue(
            !line.changes.isEmpty || result.diagnostics.contains { $0.indicator == line.indicator.id && $0.severity == .error },
            "an infeasible line must be explained: \(context)")
          continue
        }
        feasibleCount += 1
        let required = try XCTUnwrap(line.requiredTotal, context)
        let total = try XCTUnwrap(line.allocatedTotal, context)
        XCTAssertGreaterThanOrEqual(total, required - 1e-9, "total covers the target: \(context)")
        var sum = 0.0
        for area in result.areas {
          guard let cell = line.areas[area], let value = cell.value else { continue }
          sum += value
          XCTAssertEqual(value / unit, (value / unit).rounded(), accuracy: 1e-9, "whole units: \(context)")
          if let lock = instance.settings.locks.first(where: { $0.indicator == line.indicator.id && $0.area == area }) {
            XCTAssertEqual(value, lock.value, accuracy: 1e-9, "lock kept: \(context)")
          } else {
            XCTAssertGreaterThanOrEqual(value, cell.floor! - 1e-9, "floor kept: \(context) \(area)")
            XCTAssertLessThanOrEqual(value, cell.cap! + 1e-9, "cap kept: \(context) \(area)")
          }
          let c = try XCTUnwrap(cell.continuous)
          XCTAssertLessThanOrEqual(value, (c / unit - 1e-6).rounded(.up) * unit + 1e-9, "no more than rounding needs above the continuous value: \(context) \(area)")
          XCTAssertGreaterThanOrEqual(value, (c / unit + 1e-6).rounded(.down) * unit - 1e-9, "no more than rounding below: \(context) \(area)")
          if let parentID = line.indicator.parent, let parent = byID[parentID], parent.status != .infeasible {
            let pv = try XCTUnwrap(parent.areas[area]?.value, "a 其中 line is open only where its parent is: \(context)")
            XCTAssertLessThanOrEqual(value, pv + 1e-9, "其中 ≤ parent: \(context) \(area)")
          }
        }
        XCTAssertEqual(sum, total, accuracy: 1e-6)
        for group in instance.settings.equalGroups where group.applies(to: line.indicator.id) {
          let values = group.areas.compactMap { line.areas[$0]?.value }
          XCTAssertEqual(Set(values).count <= 1, true, "equal group: \(context) \(values)")
        }
      }
    }
    // The generator must exercise both outcomes, or the test proves little.
    XCTAssertGreaterThan(feasibleCount, 300)
    XCTAssertGreaterThan(infeasibleCount, 5)
  }

  /// The balanced rule checked against an independent computation: with one line, no locks, groups
  /// or parents, the continuous values are clamp(b + t·(cap − b), floor, cap) with the smallest t
  /// whose total reaches the requirement (found here by bisection, not by GLPK).
  func testBalancedMatchesWaterFillingByBisection() throws {
    var g = TestGenerator(seed: 7)
    for trial in 0..<200 {
      let n = Int.random(in: 2...12, using: &g)
      let areas = (0..<n).map { "区\($0)" }
      let baselines = (0..<n).map { _ in Double(Int.random(in: 0...300, using: &g)) }
      let sum = baselines.reduce(0, +)
      let target = max(1, (sum * Double.random(in: 0.6...1.45, using: &g)).rounded())
      let dataset = makeDataset(
        areas: areas, lines: [(Indicator(id: "a", name: "a", unit: "家", kind: .count, action: ""), baselines, target)])
      var settings = AllocationSettings(year: 2025)
      settings.capacity.maxGrowth = Double.random(in: 0.2...0.8, using: &g)
      settings.capacity.maxDecline = Double.random(in: 0...0.6, using: &g)
      let line = try Allocator(dataset: dataset, settings: settings).allocate().indicators[0]
      guard line.status == .optimal else {
        let capSum = areas.reduce(0.0) { $0 + (line.areas[$1]?.cap ?? 0) }
        XCTAssertLessThan(capSum, target, "only infeasible when the caps cannot reach the target (trial \(trial))")
        continue
      }
      let floors = areas.map { line.areas[$0]!.floor! }
      let caps = areas.map { line.areas[$0]!.cap! }
      func total(_ t: Double) -> Double {
        (0..<n).reduce(0) { $0 + min(caps[$1], max(floors[$1], baselines[$1] + t * (caps[$1] - baselines[$1]))) }
      }
      var low = -10.0
      var high = 10.0
      for _ in 0..<200 {
        let mid = (low + high) / 2
        if total(mid) >= target { high = mid } else { low = mid }
      }
      for s in 0..<n {
        let expected = min(caps[s], max(floors[s], baselines[s] + high * (caps[s] - baselines[s])))
        XCTAssertEqual(line.areas[areas[s]]!.continuous!, expected, accuracy: 1e-5 * max(1, expected), "trial \(trial), area \(s)")
      }
    }
  }
}
