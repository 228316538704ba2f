import FenjieText
import FenjieCore
import TestSupport
import XCTest

/// Allocations small enough to work out by hand.
final class AllocationKnownAnswerTests: XCTestCase {
  let areas = ["甲街道", "乙街道", "丙街道"]

  func count(_ id: String, parent: String? = nil) -> Indicator {
    Indicator(id: id, name: id, unit: "家", kind: .count, action: "行动", parent: parent)
  }

  func allocate(_ dataset: Dataset, _ configure: (inout AllocationSettings) -> Void = { _ in }) throws -> AllocationResult {
    var settings = AllocationSettings(year: 2025)
    configure(&settings)
    return try Allocator(dataset: dataset, settings: settings).allocate()
  }

  /// Baselines 10, 20, 30; caps +50% (15, 30, 45); target 72 = 60 × 1.2. Balanced: every street uses
  /// the same share of headroom: (x − b)/(0.5b) = t with Σx = 72 → t = 0.4, x = 12, 24, 36 (+20% each).
  func testBalancedGivesTheSameGrowthWhenCapsAreAUniformGrowth() throws {
    let dataset = makeDataset(areas: areas, lines: [(count("a"), [10, 20, 30], 72)])
    let line = try allocate(dataset).indicators[0]
    XCTAssertEqual(areas.map { line.areas[$0]?.value }, [12, 24, 36])
    XCTAssertEqual(line.status, .optimal)
    XCTAssertEqual(line.ruleLevel ?? .nan, 0.4, accuracy: 1e-9)
    // One more unit of target: Σ 0.5·b·Δt = 1 → Δt = 1/30.
    XCTAssertEqual(line.marginalCost ?? .nan, 1.0 / 30, accuracy: 1e-9)
    XCTAssertEqual(areas.map { line.areas[$0]?.binding }, [.rule, .rule, .rule])
  }

  /// Baselines 10, 10, 10, target 31: continuous 10⅓ each; whole numbers 11, 10, 10 (one unit up,
  /// no more than rounding needs; ties go to the first street).
  func testRoundingAddsAsLittleAsPossible() throws {
    let dataset = makeDataset(areas: areas, lines: [(count("a"), [10, 10, 10], 31)])
    let line = try allocate(dataset).indicators[0]
    XCTAssertEqual(line.allocatedTotal, 31)
    XCTAssertEqual(areas.map { line.areas[$0]?.value }.compactMap { $0 }.sorted(), [10, 10, 11])
    for area in areas { XCTAssertEqual(line.areas[area]?.continuous ?? .nan, 31.0 / 3, accuracy: 1e-6) }
  }

  /// Proportional to baseline: 10, 30 with target 60 → ×1.5: 15, 45 (caps lifted out of the way).
  func testProportionalRule() throws {
    let dataset = makeDataset(areas: ["甲", "乙"], lines: [(count("a"), [10, 30], 60)])
    let line = try allocate(dataset) {
      $0.rule = .proportional
      $0.capacity.rule = .none
    }.indicators[0]
    XCTAssertEqual([line.areas["甲"]?.value, line.areas["乙"]?.value], [15, 45])
  }

  /// Equal split: 3 streets, target 30 → 10 each, whatever the baselines (no caps, no floors).
  func testEqualRule() throws {
    let dataset = makeDataset(areas: areas, lines: [(count("a"), [1, 5, 20], 30)])
    let line = try allocate(dataset) {
      $0.rule = .equal
      $0.capacity.rule = .none
      $0.capacity.maxDecline = 1
    }.indicators[0]
    XCTAssertEqual(areas.map { line.areas[$0]?.value }, [10, 10, 10])
  }

  /// Closest to last year's table: 10, 20, 30 with target 66 keeps every street at or above last
  /// year and spreads the 6 extra in proportion: 11, 22, 33.
  func testClosestRule() throws {
    let dataset = makeDataset(areas: areas, lines: [(count("a"), [10, 20, 30], 66)])
    let line = try allocate(dataset) { $0.rule = .closest }.indicators[0]
    XCTAssertEqual(areas.map { line.areas[$0]?.value }, [11, 22, 33])
  }

  /// A lock takes its value; the others share the rest evenly in headroom: baselines 10, 20, 30,
  /// caps 15, 30, 45, target 75 with 丙 locked at 40 → 甲, 乙 carry 35 = 10 + 20 + 0.5·t·30 → t = 1/3:
  /// 11.67, 23.33 → whole: 12, 23 (12 + 23 = 35).
  func testLocksAreKept() throws {
    let dataset = makeDataset(areas: areas, lines: [(count("a"), [10, 20, 30], 75)])
    let line = try allocate(dataset) { $0.locks = [Lock(indicator: "a", area: "丙街道", value: 40)] }.indicators[0]
    XCTAssertEqual(line.areas["丙街道"]?.value, 40)
    XCTAssertEqual(line.areas["丙街道"]?.locked, true)
    XCTAssertEqual(line.areas["甲街道"]?.continuous ?? .nan, 35.0 / 3, accuracy: 1e-6)
    XCTAssertEqual(line.allocatedTotal, 75)
    XCTAssertEqual(Set([line.areas["甲街道"]?.value, line.areas["乙街道"]?.value]), Set([12, 23]))
  }

  /// Caps too tight: baselines 10, 10, caps 15, 15 (30 at most) against a target of 40: infeasible,
  /// short by 10. The repair shown spreads the shortfall: both caps rise by their headroom (λ = 1,
  /// +5 each); raising one cap by 10 is listed as the alternative with fewer changes.
  func testInfeasibleLineIsExplained() throws {
    let dataset = makeDataset(areas: ["甲", "乙"], lines: [(count("a"), [10, 10], 40)])
    let result = try allocate(dataset)
    let line = result.indicators[0]
    XCTAssertEqual(line.status, .infeasible)
    XCTAssertFalse(result.allFeasible)
    XCTAssertEqual(line.largestFeasibleTotal, 30)
    XCTAssertEqual(line.changes.count, 2)
    for change in line.changes {
      XCTAssertEqual(change.kind, .raiseCap)
      XCTAssertEqual((change.to ?? 0) - (change.from ?? 0), 5)
    }
    XCTAssertEqual(line.areas["甲"]?.value, 20)
    XCTAssertEqual(line.areas["乙"]?.value, 20)
    XCTAssertEqual(line.allocatedTotal, 40)
    XCTAssertTrue(result.diagnostics.contains { $0.message.contains("（差 10") }, "\(result.diagnostics)")
    XCTAssertTrue(
      result.diagnostics.contains { $0.message.contains(Say.Allocation.alternative("").text()) && $0.message.contains("上限由") && $0.message.contains("+10") },
      "\(result.diagnostics)")
  }

  /// A lock above its cap is a conflict: the explanation moves the lock or raises the cap (one change).
  func testLockAboveCapIsExplained() throws {
    let dataset = makeDataset(areas: ["甲", "乙"], lines: [(count("a"), [10, 10], 20)])
    let result = try allocate(dataset) { $0.locks = [Lock(indicator: "a", area: "甲", value: 50)] }
    let line = result.indicators[0]
    XCTAssertEqual(line.status, .infeasible)
    XCTAssertEqual(line.changes.count, 1)
    XCTAssertTrue([.raiseCap, .changeLock].contains(line.changes[0].kind))
  }

  /// A "其中" line never exceeds its parent: the child's required 20 forces the parent above its
  /// own balanced value in the street where the child is big.
  func testChildNeverAboveParent() throws {
    let dataset = makeDataset(
      areas: ["甲", "乙"],
      lines: [(count("p"), [10, 10], 20), (count("c", parent: "p"), [9, 1], 18)])
    let result = try allocate(dataset) { $0.capacity.rule = .none; $0.capacity.maxDecline = 1 }
    let parent = result.indicators[0]
    let child = result.indicators[1]
    for area in ["甲", "乙"] {
      XCTAssertLessThanOrEqual(child.areas[area]!.value!, parent.areas[area]!.value!)
    }
    XCTAssertGreaterThanOrEqual(child.allocatedTotal!, 18)
  }

  /// Rates are carried to every open street; "/" stays "/".
  func testRatesAreNotSplit() throws {
    let rate = Indicator(id: "r", name: "增速", unit: "%", kind: .rate, action: "行动")
    var dataset = makeDataset(areas: ["甲", "乙"], lines: [(rate, [25, nil], 30)])
    dataset.targets["r"] = [2024: 25, 2025: 30]
    let line = try allocate(dataset).indicators[0]
    XCTAssertEqual(line.status, .notSplit)
    XCTAssertEqual(line.areas["甲"]?.value, 30)
    XCTAssertNil(line.areas["乙"]?.value)
  }

  /// Amounts are allocated in hundredths, so the table as printed adds up exactly.
  func testAmountsAddUpToTheHundredth() throws {
    let amount = Indicator(id: "m", name: "额", unit: "亿元", kind: .amount, action: "行动")
    let dataset = makeDataset(areas: areas, lines: [(amount, [1.05, 4.16, 0.86], 6.5)])
    let line = try allocate(dataset).indicators[0]
    let values = areas.compactMap { line.areas[$0]?.value }
    for v in values { XCTAssertEqual(v * 100, (v * 100).rounded(), accuracy: 1e-9) }
    XCTAssertEqual(values.reduce(0, +), 6.5, accuracy: 1e-9)
  }
}
