import FenjieText
import FenjieCore
import TestSupport
import XCTest

/// Issue 12, items 1 and 4: a year with no earlier table, a new area, and the whole-number stock kind.
final class NoHistoryAndStockTests: XCTestCase {
  let areas = ["郑陆镇", "雕庄街道", "青龙街道", "红梅街道", "新桥街道", "茶山街道", "北港街道"]
  let stock = Indicator(id: "hitech_firms", name: "高新技术企业数", unit: "家", kind: .stock, action: "A")
  let count = Indicator(id: "sme", name: "科技型中小企业", unit: "家", kind: .count, action: "A")
  let amount = Indicator(id: "contracts", name: "技术合同成交额", unit: "亿元", kind: .amount, action: "A")

  /// A district in its first plan year: targets, no area table at all.
  func firstYearDataset() -> Dataset {
    Dataset(
      region: "天宁区", areas: areas, planYears: [2025, 2026, 2027], indicators: [stock, count, amount],
      targets: ["hitech_firms": [2025: 330], "sme": [2025: 520], "contracts": [2025: 40.5]],
      threeYearGoals: [:], targetsProvenance: Provenance(source: "test", illustrative: false, file: "t"),
      tables: [])
  }

  func testFirstPlanYearWithoutHistoryGivesNoAreaEverything() throws {
    let result = try Allocator(dataset: firstYearDataset(), settings: AllocationSettings(year: 2025)).allocate()
    XCTAssertTrue(result.allFeasible)
    for line in result.indicators {
      let values = areas.map { line.areas[$0]!.value! }
      let total = values.reduce(0, +)
      XCTAssertGreaterThanOrEqual(total, line.requiredTotal! - 1e-9)
      // Equal shares: every area within one unit of the mean.
      let mean = total / Double(areas.count)
      for (area, v) in zip(areas, values) {
        XCTAssertEqual(v, mean, accuracy: line.indicator.kind.resolution + 1e-9, "\(line.indicator.name) \(area)")
        XCTAssertGreaterThan(line.areas[area]!.cap!, 0, "no cap of 0")
      }
      let notes = result.diagnostics.filter { $0.indicator == line.indicator.id }.map(\.message)
      XCTAssertTrue(
        notes.contains { $0.contains(Say.Allocation.noAreaHistory.text()) && $0.contains(Say.Allocation.equalShareBasis.text()) }, "\(notes)")
    }
    let stockLine = result.indicators[0]
    XCTAssertTrue(areas.allSatisfy { stockLine.areas[$0]!.value! == stockLine.areas[$0]!.value!.rounded() }, "a stock is split in whole units")
  }

  func testSizeWeightsShareTheFirstYear() throws {
    var settings = AllocationSettings(year: 2025)
    let weights = [3.0, 1, 1, 1, 1, 1, 2]
    settings.areaWeights = Dictionary(uniqueKeysWithValues: zip(areas, weights))
    let result = try Allocator(dataset: firstYearDataset(), settings: settings).allocate()
    let line = result.indicators[1]  // 科技型中小企业 520 over weights summing to 10
    for (area, w) in zip(areas, weights) {
      XCTAssertEqual(line.areas[area]!.value!, 52 * w, accuracy: 1, area)
    }
    XCTAssertTrue(result.diagnostics.contains { $0.indicator == "sme" && $0.message.contains("[weights]") })
  }

  /// A new area (no value on any line) among areas with history: its baseline is its size times what
  /// the others carry per size; here its size is its mean share of the lines it has: none, so equal.
  func testNewAreaGetsAnEstimatedBaselineNotZero() throws {
    let names = ["甲街道", "乙街道", "丙街道", "新区"]
    let dataset = makeDataset(
      areas: names,
      lines: [(count, [40, 40, 40, nil], 150)])
    // makeDataset writes "/" for nil; make the new area's cell unknown instead (no history at all).
    var tables = dataset.tables
    tables[0].values["sme"]?["新区"] = .unknown
    var d = dataset
    d.tables = tables
    let result = try Allocator(dataset: d, settings: AllocationSettings(year: 2025)).allocate()
    let line = result.indicators[0]
    XCTAssertEqual(line.areas["新区"]?.baseline ?? -1, 40, accuracy: 1e-9, "equal size: what the others carry on average")
    XCTAssertEqual(line.areas["新区"]?.value ?? -1, 150.0 / 4, accuracy: 1)
    XCTAssertTrue(result.diagnostics.contains { $0.message.hasPrefix("本指标" + Say.Allocation.noHistory(["新区"]).text() + "：基数按" + Say.Allocation.equalShareBasis.text()) })
  }

  /// The explicit baseline of the scenario wins over history.
  func testExplicitBaselineIsUsed() throws {
    let dataset = makeDataset(areas: ["甲", "乙"], lines: [(count, [10, 10], 30)])
    var settings = AllocationSettings(year: 2025)
    settings.explicitBaselines = ["sme": ["甲": 20]]
    let line = try Allocator(dataset: dataset, settings: settings).allocate().indicators[0]
    XCTAssertEqual(line.areas["甲"]?.baseline, 20)
    XCTAssertEqual(line.areas["乙"]?.baseline, 10)
    XCTAssertEqual(line.areas["甲"]!.value! + line.areas["乙"]!.value!, 30)
    XCTAssertGreaterThan(line.areas["甲"]!.value!, line.areas["乙"]!.value!)
  }
}
