import FenjieCore
import FenjieText
import GLPK
import TestSupport
import XCTest

/// Regions in levels: a small tree worked by hand, locks and published tables at both levels, the
/// explanation across levels, and the consistency of the levels on many random trees.
final class TreeAllocationTests: XCTestCase {
  let firms = Indicator(id: "p", name: "新招引科技型企业", unit: "家", kind: .count, action: "A")

  /// A leaf district with 2024 targets `baselines` (one count line) and `own2025` as its own target.
  func district(_ name: String, _ streets: [String], _ baselines: [Double], own2025: Double? = nil) -> RegionTree {
    var data = makeDataset(areas: streets, lines: [(firms, baselines.map { $0 }, own2025 ?? baselines.reduce(0, +))])
    data.region = name
    if own2025 == nil { data.targets["p"]?[2025] = nil }
    return RegionTree(dataset: data)
  }

  func city(_ target: Double, _ children: [RegionTree]) -> RegionTree {
    let data = Dataset(
      region: "市", areas: children.map(\.name), planYears: [2024, 2025], indicators: [firms],
      targets: ["p": [2025: target]], threeYearGoals: [:],
      targetsProvenance: Provenance(source: "test", illustrative: false, file: "t"), tables: [])
    return RegionTree(dataset: data, children: children)
  }

  func settings() -> AllocationSettings {
    var s = AllocationSettings(year: 2025)
    s.capacity = CapacityParameters(rule: .growth, maxGrowth: 0.5, maxDecline: 0.2, minHeadroom: 0.2)
    return s
  }

  func value(_ allocation: TreeAllocation, _ region: String, _ area: String, _ line: String = "p") -> Double? {
    allocation.table(region)?.result.indicators.first { $0.indicator.id == line }?.areas[area]?.value
  }

  /// By hand: A's streets 10 and 30 (caps max(b×1.5, b + 0.2×20) = 15, 45; floors 8, 24), B's 20 and
  /// 40 (caps 30, 60; floors 16, 32). A's room: baseline 40, cap 60; B's: 60, 90. The city's 130
  /// uses the same share t of headroom everywhere: 40 + 20t + 60 + 30t = 130, t = 0.6: A 52, B 78;
  /// then A's streets 10 + 0.6×5 = 13, 30 + 0.6×15 = 39; B's 20 + 0.6×10 = 26, 40 + 0.6×20 = 52.
  func testHandWorkedTree() throws {
    let tree = city(130, [district("A", ["a1", "a2"], [10, 30]), district("B", ["b1", "b2"], [20, 40])])
    let result = try TreeAllocator(tree: tree, settings: settings(), solver: GLPKSolver()).allocate()
    XCTAssertEqual(result.tables.map(\.region), ["市", "A", "B"])
    XCTAssertEqual(result.tables.map(\.parent), [nil, "市", "市"])
    XCTAssertEqual(value(result, "市", "A"), 52)
    XCTAssertEqual(value(result, "市", "B"), 78)
    let cityLine = result.table("市")!.result.indicators[0]
    XCTAssertEqual(cityLine.areas["A"]?.cap, 60)
    XCTAssertEqual(cityLine.areas["B"]?.floor, 48)
    XCTAssertEqual(cityLine.areas["A"]?.baseline, 40)
    XCTAssertEqual(value(result, "A", "a1"), 13)
    XCTAssertEqual(value(result, "A", "a2"), 39)
    XCTAssertEqual(value(result, "B", "b1"), 26)
    XCTAssertEqual(value(result, "B", "b2"), 52)
    XCTAssertEqual(result.table("A")!.result.indicators[0].requiredTotal, 52)
    XCTAssertTrue(result.allFeasible)
  }

  /// 160 is above what the streets can carry (60 + 90 = 150): the city line is infeasible and each
  /// district at its room names its capped streets.
  func testCityAboveTheStreetsCapsNamesTheStreets() throws {
    let tree = city(160, [district("A", ["a1", "a2"], [10, 30]), district("B", ["b1", "b2"], [20, 40])])
    let result = try TreeAllocator(tree: tree, settings: settings(), solver: GLPKSolver()).allocate()
    let line = result.table("市")!.result.indicators[0]
    XCTAssertEqual(line.status, .infeasible)
    XCTAssertEqual(line.largestFeasibleTotal, 150)
    let expected = Say.Tree.childCapped("A", cap: 60, unit: "家", whole: true, capped: [("a1", 15), ("a2", 45)], locked: [])
    let messages = result.table("市")!.result.diagnostics.map(\.message)
    let named = messages.filter { $0 == expected.description }
    let other = messages.filter { $0.contains("b1") && $0.contains("b2") }
    XCTAssertTrue(!named.isEmpty || !other.isEmpty, "no note names the capped streets: \(messages)")
  }

  /// A lock on a street counts at its value in its district's room; a district with a published
  /// 2025 table keeps it, and the city takes its total as it is.
  func testLocksAndPublishedTablesAtBothLevels() throws {
    var b = district("B", ["b1", "b2"], [20, 40])
    b.dataset.tables.append(
      AreaTable(
        year: 2025, kind: .target, provenance: Provenance(source: "B 2025", illustrative: false, file: "b.csv"),
        values: ["p": ["b1": .value(25), "b2": .value(50)]]))
    let tree = city(130, [district("A", ["a1", "a2"], [10, 30]), b])
    var s = settings()
    s.locks = [Lock(indicator: "p", area: "a2", value: 35)]
    let result = try TreeAllocator(tree: tree, settings: s, solver: GLPKSolver()).allocate()
    XCTAssertEqual(value(result, "市", "B"), 75)
    XCTAssertEqual(value(result, "市", "A"), 55, "130 − 75; A's room is [8 + 35, 15 + 35]")
    XCTAssertFalse(result.table("市")!.result.allFeasible, "55 is above A's room of 50 with a2 locked at 35")
    XCTAssertEqual(value(result, "B", "b1"), 25)
    XCTAssertEqual(value(result, "B", "b2"), 50)
    XCTAssertEqual(value(result, "A", "a2"), 35)
    // Without B's table the city is free to balance, and A stays within its room.
    let free = try TreeAllocator(
      tree: city(130, [district("A", ["a1", "a2"], [10, 30]), district("B", ["b1", "b2"], [20, 40])]), settings: s,
      solver: GLPKSolver()
    ).allocate()
    XCTAssertTrue(free.allFeasible)
    XCTAssertLessThanOrEqual(value(free, "市", "A")!, 50)
    XCTAssertEqual(value(free, "A", "a2"), 35)
  }

  func testTreeProblemsAreRefused() {
    var other = district("B", ["b1"], [5])
    other.dataset.indicators[0].unit = "个"
    let tree = city(10, [district("A", ["a1"], [5]), other, district("A", ["a3"], [5])])
    let problems = tree.problems().map { $0.text(.english) }
    XCTAssertTrue(problems.contains { $0.contains("named twice") }, "\(problems)")
    XCTAssertTrue(problems.contains { $0.contains("B's line") && $0.contains("个") }, "\(problems)")
    XCTAssertThrowsError(try TreeAllocator(tree: tree, settings: settings(), solver: GLPKSolver()).allocate())
  }

  // MARK: Random trees

  /// A random tree of depth 2 or 3: 2–5 children per region, 1–6 streets per district, a count line
  /// with a "其中" line, an amount line and a rate, random 2024 baselines with some "/", a city
  /// target within or beyond the streets' reach, sometimes a lock on a street or a district.
  func randomTree(_ g: inout TestGenerator, serial: inout Int) -> (RegionTree, AllocationSettings) {
    let lines = [
      Indicator(id: "p", name: "p", unit: "家", kind: .count, action: "A"),
      Indicator(id: "c", name: "c", unit: "家", kind: .count, action: "A", parent: "p"),
      Indicator(id: "m", name: "m", unit: "亿元", kind: .amount, action: "B"),
      Indicator(id: "r", name: "r", unit: "%", kind: .rate, action: "B"),
    ]
    var locks: [Lock] = []
    func leaf() -> RegionTree {
      serial += 1
      let n = Int.random(in: 1...6, using: &g)
      let streets = (0..<n).map { "街\(serial)_\($0)" }
      var pb: [Double?] = []
      var cb: [Double?] = []
      var mb: [Double?] = []
      for _ in 0..<n {
        let closed = Double.random(in: 0..<1, using: &g) < 0.1
        let p = Double(Int.random(in: 0...120, using: &g))
        pb.append(closed ? nil : p)
        cb.append(closed ? nil : Double(Int.random(in: 0...Int(p), using: &g)))
        mb.append((Double.random(in: 0...15, using: &g) * 100).rounded() / 100)
      }
      if pb.allSatisfy({ $0 == nil }) { pb[0] = 10; cb[0] = 3 }
      var data = makeDataset(
        areas: streets,
        lines: [(lines[0], pb, 0), (lines[1], cb, 0), (lines[2], mb, 0), (lines[3], Array(repeating: 12, count: n), 12)])
      data.region = "区\(serial)"
      for id in ["p", "c", "m"] { data.targets[id]?[2025] = nil }
      if Double.random(in: 0..<1, using: &g) < 0.2, let s = pb.firstIndex(where: { $0 != nil }) {
        locks.append(Lock(indicator: "p", area: streets[s], value: (pb[s]! * Double.random(in: 0.9...1.3, using: &g)).rounded()))
      }
      return RegionTree(dataset: data)
    }
    func inner(_ depth: Int) -> RegionTree {
      serial += 1
      let name = "市\(serial)"
      let children = (0..<Int.random(in: 2...5, using: &g)).map { _ in depth > 1 ? inner(depth - 1) : leaf() }
      let data = Dataset(
        region: name, areas: children.map(\.name), planYears: [2024, 2025], indicators: lines, targets: [:],
        threeYearGoals: [:], targetsProvenance: Provenance(source: "t", illustrative: false, file: "t"), tables: [])
      return RegionTree(dataset: data, children: children)
    }
    var tree = inner(Bool.random(using: &g) ? 1 : 2)
    // Targets from the streets' own sums, grown at random (sometimes beyond the caps).
    func sum(_ node: RegionTree, _ id: String) -> Double {
      if node.isLeaf { return node.dataset.table(year: 2024, kind: .target)!.values[id]!.values.compactMap(\.number).reduce(0, +) }
      return node.children.reduce(0) { $0 + sum($1, id) }
    }
    let growth = { (g: inout TestGenerator) in Double.random(in: 0.8...1.7, using: &g) }
    let pTarget = max(1, (sum(tree, "p") * growth(&g)).rounded())
    tree.dataset.targets = [
      "p": [2025: pTarget], "c": [2025: min(pTarget, max(1, (sum(tree, "c") * growth(&g)).rounded()))],
      "m": [2025: max(0.5, (sum(tree, "m") * growth(&g) * 100).rounded() / 100)], "r": [2025: 12],
    ]
    var s = AllocationSettings(year: 2025)
    s.capacity.maxGrowth = Double.random(in: 0.2...0.8, using: &g)
    s.capacity.maxDecline = Double.random(in: 0...0.4, using: &g)
    if Bool.random(using: &g) { s.margin = Double.random(in: 0...0.1, using: &g) }
    s.locks = locks
    return (tree, s)
  }

  /// On every random tree: a parent table's value for a child equals the child table's required
  /// total on every split line (the rate: the child carries it); the children's values add up to the
  /// parent's allocated total; a feasible parent gives each child a value within its room (floor ≤
  /// value ≤ cap), and then the child is feasible too.
  func testLevelsAgreeOnRandomTrees() throws {
    var g = TestGenerator(seed: 2025_1202)
    var serial = 0
    var feasibleParents = 0
    var infeasibleParents = 0
    for instance in 0..<60 {
      let (tree, s) = randomTree(&g, serial: &serial)
      let allocation = try TreeAllocator(tree: tree, settings: s, solver: GLPKSolver()).allocate()
      XCTAssertEqual(allocation.tables.count, tree.regions.count)
      for table in allocation.tables {
        let children = allocation.tables.filter { $0.parent == table.region }
        for line in table.result.indicators {
          let unit = line.indicator.kind.resolution
          var childSum = 0.0
          for child in children {
            let given = line.areas[child.region]?.value
            let own = child.result.indicators.first { $0.indicator.id == line.indicator.id }
            guard let given, let own else { continue }
            if line.indicator.kind == .rate {
              XCTAssertEqual(own.districtTarget, given, "instance \(instance) \(child.region) rate")
              continue
            }
            childSum += given
            XCTAssertEqual(own.requiredTotal ?? .nan, given, accuracy: 1e-9, "instance \(instance): \(table.region) → \(child.region) \(line.indicator.id)")
            if line.status != .infeasible, let cell = line.areas[child.region] {
              XCTAssertLessThanOrEqual(given, (cell.cap ?? .infinity) + 1e-9)
              XCTAssertGreaterThanOrEqual(given, (cell.floor ?? -.infinity) - 1e-9)
            }
          }
          if !children.isEmpty, line.indicator.kind != .rate, let total = line.allocatedTotal {
            XCTAssertEqual(childSum, total, accuracy: unit / 10, "instance \(instance): \(table.region) \(line.indicator.id) children add up")
          }
        }
        if !children.isEmpty {
          if table.result.allFeasible {
            feasibleParents += 1
            for child in children where child.result.indicators.contains(where: { $0.indicator.parent == nil }) {
              let parentLines = child.result.indicators.filter { $0.indicator.parent == nil && $0.status == .infeasible }
              XCTAssertTrue(parentLines.isEmpty, "instance \(instance): \(child.region) infeasible under a feasible \(table.region): \(parentLines.map(\.indicator.id))")
            }
          } else {
            infeasibleParents += 1
          }
        }
      }
    }
    XCTAssertGreaterThan(feasibleParents, 10, "too few feasible trees to test anything")
    XCTAssertGreaterThan(infeasibleParents, 0, "no infeasible tree: the caps never bite")
  }
}
