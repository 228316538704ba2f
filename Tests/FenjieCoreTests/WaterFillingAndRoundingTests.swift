import FenjieCore
import TestSupport
import XCTest

/// Water-filling against the LP steps, and the fairness of rounding (ties, permutations).
final class WaterFillingAndRoundingTests: XCTestCase {
  /// A random single line (count or amount) with ties in its baselines, and random settings.
  func randomSingleLine(_ g: inout TestGenerator) -> (Dataset, AllocationSettings) {
    let n = Int.random(in: 2...25, using: &g)
    let areas = (0..<n).map { "区\(Int.random(in: 0...99_999, using: &g))_\($0)" }
    let kind: IndicatorKind = Bool.random(using: &g) ? .count : .amount
    let shared = Double(Int.random(in: 1...60, using: &g))
    let baselines: [Double?] = (0..<n).map { _ in
      let roll = Double.random(in: 0..<1, using: &g)
      if roll < 0.08 { return nil }
      if roll < 0.4 { return shared }
      let v = Double.random(in: 0...200, using: &g)
      return kind == .count ? v.rounded() : (v * 100).rounded() / 100
    }
    let sum = baselines.compactMap { $0 }.reduce(0, +)
    var target = max(1, sum * Double.random(in: 0.5...1.5, using: &g))
    target = kind == .count ? target.rounded() : (target * 100).rounded() / 100
    let indicator = Indicator(id: "a", name: "a", unit: "家", kind: kind, action: "")
    let dataset = makeDataset(areas: areas, lines: [(indicator, baselines.allSatisfy { $0 == nil } ? [1] + baselines.dropFirst() : baselines, target)])
    var settings = AllocationSettings(year: 2025)
    settings.rule = [.balanced, .balanced, .proportional, .equal].randomElement(using: &g)!
    settings.capacity.maxGrowth = Double.random(in: 0.05...1.0, using: &g)
    settings.capacity.maxDecline = Double.random(in: 0...0.6, using: &g)
    if Bool.random(using: &g) { settings.minimumPerArea = 1 }
    if Bool.random(using: &g) { settings.margin = Double.random(in: 0...0.1, using: &g) }
    if Double.random(in: 0..<1, using: &g) < 0.3, let s = baselines.firstIndex(where: { $0 != nil }) {
      settings.locks.append(Lock(indicator: "a", area: areas[s], value: (baselines[s]! * 1.1).rounded()))
    }
    return (dataset, settings)
  }

  /// Water-filling (O(N log N), no LP) and the LP steps give the same continuous values, rule level,
  /// marginal cost and table on random single lines.
  func testWaterFillingMatchesTheLP() throws {
    var g = TestGenerator(seed: 12)
    var compared = 0
    for trial in 0..<300 {
      var (dataset, settings) = randomSingleLine(&g)
      let filled = try Allocator(dataset: dataset, settings: settings).allocate().indicators[0]
      settings.waterFilling = false
      let solved = try Allocator(dataset: dataset, settings: settings).allocate().indicators[0]
      let context = "trial \(trial), rule \(settings.rule)"
      XCTAssertEqual(filled.status, solved.status, context)
      guard filled.status == .optimal, solved.status == .optimal else { continue }
      compared += 1
      let scale = max(1, filled.requiredTotal ?? 1)
      for area in dataset.areas {
        let a = filled.areas[area]?.continuous
        let b = solved.areas[area]?.continuous
        XCTAssertEqual(a == nil, b == nil, context)
        if let a, let b { XCTAssertEqual(a, b, accuracy: 1e-6 * scale, "\(context) \(area)") }
      }
      XCTAssertEqual(filled.allocatedTotal ?? -1, solved.allocatedTotal ?? -2, accuracy: 1e-9, context)
      if let a = filled.ruleLevel, let b = solved.ruleLevel { XCTAssertEqual(a, b, accuracy: 1e-6, context) }
      XCTAssertEqual(filled.ruleLevel == nil, solved.ruleLevel == nil, context)
    }
    XCTAssertGreaterThan(compared, 150)
  }

  /// Permuting the areas (their order in the dataset) permutes the table and nothing else, on random
  /// families with tied remainders (many areas share a baseline).
  func testPermutingTheAreasPermutesTheTable() throws {
    var g = TestGenerator(seed: 2026)
    var tiesSeen = 0
    for trial in 0..<120 {
      let n = Int.random(in: 3...14, using: &g)
      let areas = (0..<n).map { "街道\(["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑", "寅", "卯"][$0])" }
      let shared = Double(Int.random(in: 2...40, using: &g))
      let pb: [Double?] = (0..<n).map { _ in Bool.random(using: &g) ? shared : Double(Int.random(in: 0...80, using: &g)) }
      let cb: [Double?] = pb.map { $0.map { ($0 / 3).rounded(.down) } }
      let parent = Indicator(id: "p", name: "p", unit: "家", kind: .count, action: "A")
      let child = Indicator(id: "c", name: "c", unit: "家", kind: .count, action: "A", parent: "p")
      let single = Indicator(id: "s", name: "s", unit: "个", kind: .count, action: "B")
      let pt = (pb.compactMap { $0 }.reduce(0, +) * Double.random(in: 0.9...1.3, using: &g)).rounded() + 1
      let ct = (cb.compactMap { $0 }.reduce(0, +) * Double.random(in: 0.9...1.3, using: &g)).rounded() + 1
      let lines: [(Indicator, [Double?], Double)] = [(parent, pb, pt), (child, cb, ct), (single, pb, pt)]
      var settings = AllocationSettings(year: 2025)
      settings.capacity.maxGrowth = Double.random(in: 0.3...1.0, using: &g)
      let original = try Allocator(dataset: makeDataset(areas: areas, lines: lines), settings: settings).allocate()
      let order = Array(0..<n).shuffled(using: &g)
      let permuted = lines.map { line in (line.0, order.map { line.1[$0] }, line.2) }
      let shuffled = try Allocator(
        dataset: makeDataset(areas: order.map { areas[$0] }, lines: permuted), settings: settings
      ).allocate()
      for (a, b) in zip(original.indicators, shuffled.indicators) {
        XCTAssertEqual(a.status, b.status, "trial \(trial) \(a.indicator.id)")
        for area in areas {
          XCTAssertEqual(a.areas[area]?.value, b.areas[area]?.value, "trial \(trial) \(a.indicator.id) \(area)")
        }
        let fractions = areas.compactMap { a.areas[$0]?.continuous }.map { $0 - $0.rounded(.down) }.filter { $0 > 1e-6 }
        if Set(fractions.map { ($0 * 1e6).rounded() }).count < fractions.count { tiesSeen += 1 }
      }
    }
    XCTAssertGreaterThan(tiesSeen, 30, "the instances must contain tied remainders")
  }

  /// The documented tie rule, by hand. The equal rule gives each of three areas 25/3 ≈ 8.33: a
  /// three-way tie on the remainder, one unit to give. Rounded up to 9, 乙 and 丙 (baseline 10) change
  /// by −10%, 甲 (baseline 5) by +80%: the smaller relative increase goes first. 乙 and 丙 are equal in
  /// everything else, and 丙 (U+4E19) precedes 乙 (U+4E59) in Unicode scalar order.
  func testTiesGoToTheSmallerRelativeIncreaseThenTheName() throws {
    let areas = ["甲", "乙", "丙"]
    let indicator = Indicator(id: "x", name: "x", unit: "个", kind: .count, action: "")
    let dataset = makeDataset(areas: areas, lines: [(indicator, [5, 10, 10], 25)])
    var settings = AllocationSettings(year: 2025)
    settings.rule = .equal
    settings.capacity.rule = .none
    settings.capacity.maxDecline = 1
    let line = try Allocator(dataset: dataset, settings: settings).allocate().indicators[0]
    XCTAssertEqual(line.areas["甲"]?.continuous ?? 0, 25.0 / 3, accuracy: 1e-6)
    XCTAssertEqual(line.areas["丙"]?.value, 9)
    XCTAssertEqual(line.areas["乙"]?.value, 8)
    XCTAssertEqual(line.areas["甲"]?.value, 8)
  }

  /// Issue 12, item 3: ties fell by column order (新型研发机构 on an 18-area district: +1 to the
  /// first three columns, to the last three with the list reversed). Here 15 units over 18 areas
  /// alike (the equal rule, 0.83 each): which three get none is decided by the tie rule (here the
  /// names), whatever the order of the list.
  func testTiesDoNotFollowColumnOrder() throws {
    let names = (1...18).map { "区\(String(UnicodeScalar(0x4E00 + $0 * 7)!))街道" }
    let indicator = Indicator(id: "rd", name: "新型研发机构", unit: "个", kind: .count, action: "")
    func allocate(_ order: [String], _ b: [Double?]) throws -> [String: Double] {
      var settings = AllocationSettings(year: 2025)
      settings.rule = .equal
      settings.capacity.rule = .none
      settings.capacity.maxDecline = 1
      let line = try Allocator(dataset: makeDataset(areas: order, lines: [(indicator, b, 15)]), settings: settings)
        .allocate().indicators[0]
      return Dictionary(uniqueKeysWithValues: order.map { ($0, line.areas[$0]!.value!) })
    }
    let forward = try allocate(names, names.map { _ in 1 })
    let backward = try allocate(names.reversed(), names.map { _ in 1 })
    XCTAssertEqual(forward, backward)
    XCTAssertEqual(forward.values.reduce(0, +), 15)
    // 15 over 18 equal areas: 15 get one unit; the three without are the last three names in
    // Unicode order.
    let zero = forward.filter { $0.value == 0 }.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    let last = names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.suffix(3)
    XCTAssertEqual(zero, Array(last))
  }
}
