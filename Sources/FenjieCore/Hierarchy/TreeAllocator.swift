import FenjieText
import LinearProgramming

/// One region's table in a tree's allocation: the city's table of districts, or a district's 分解表.
public struct RegionTable: Sendable {
  public var region: String
  /// The parent region's name; nil at the top.
  public var parent: String?
  /// 0 at the top.
  public var depth: Int
  public var result: AllocationResult

  public init(region: String, parent: String?, depth: Int, result: AllocationResult) {
    self.region = region
    self.parent = parent
    self.depth = depth
    self.result = result
  }
}

/// A whole tree's allocation for one year: every region's table, parents before children.
public struct TreeAllocation: Sendable {
  public var year: Int
  public var tables: [RegionTable]

  public init(year: Int, tables: [RegionTable]) {
    self.year = year
    self.tables = tables
  }

  public var allFeasible: Bool { tables.allSatisfy { $0.result.allFeasible } }
  public func table(_ region: String) -> RegionTable? { tables.first { $0.region == region } }
  public var usesIllustrativeData: Bool { tables.contains { $0.result.usesIllustrativeData } }
}

/// Allocates a tree of regions consistently, with the same rule at every level:
/// 1. **Room, bottom up.** Each leaf (a district) works out its streets' baselines, floors and caps
///    as its own allocation would (`Allocator.prepare`: history, capacity rule, locks, "/"); the
///    district's room on a line is their sum (`AreaRoom`), and an inner region's room is its
///    children's sum.
/// 2. **Targets, top down.** The top region's targets are split across its children by `Allocator`,
///    each child an area whose baseline, floor and cap are its room; each child's share becomes that
///    child's target for the year (margin 0 below the top, so the child's required total is exactly
///    what its parent gave it), and the child is allocated the same way, down to the streets.
///
/// A region whose dataset holds a published target table for the year keeps it: its areas are locked
/// at their published values, so its totals are locked at the level above. Scenario locks name an
/// area of any level and act at the level of that area. A parent line that cannot be met says, for
/// each child at its room, which areas cap it.
///
/// While rooms are measured a child's target is not known yet; where it matters (baselines of lines
/// without history, the `district_pace` caps) the child's own published target for the year is used,
/// else an equal share of its parent's.
public struct TreeAllocator: Sendable {
  public let tree: RegionTree
  /// The scenario's settings, for every level: locks, `[open]`/`[close]` and equal groups act where
  /// their areas are; margins apply at the top (and to a level's own lines).
  public let settings: AllocationSettings
  public let solver: any LinearSolver

  public init(tree: RegionTree, settings: AllocationSettings, solver: any LinearSolver) {
    self.tree = tree
    self.settings = settings
    self.solver = solver
  }

  var year: Int { settings.year }

  public func allocate() throws(AllocationError) -> TreeAllocation {
    let problems = tree.problems()
    if !problems.isEmpty { throw AllocationError(problems.map(\.description).joined(separator: "\n")) }
    for (node, _, _) in tree.regions where !node.dataset.planYears.contains(year) {
      throw AllocationError(Say.Tree.yearOutside(node.name, year, node.dataset.planYears).description)
    }
    var rooms: [String: [String: AreaRoom]] = [:]
    var provisional: [String: Double] = [:]
    for line in tree.dataset.indicators { provisional[line.id] = tree.dataset.targets[line.id]?[year] }
    _ = try measure(tree, provisional: provisional, parentLines: [], top: true, rooms: &rooms)
    var tables: [RegionTable] = []
    try allocate(tree, parent: nil, depth: 0, given: [:], rooms: rooms, into: &tables)
    return TreeAllocation(year: year, tables: tables)
  }

  // MARK: Settings of one level

  /// The scenario's settings at one region's level: locks of its own areas, its published table of
  /// the year kept as locks, no margin on the lines its parent gives it.
  func levelSettings(_ node: RegionTree, parentLines: Set<String>, top: Bool) -> AllocationSettings {
    var s = settings
    let areas = Set(node.dataset.areas)
    s.locks = settings.locks.filter { areas.contains($0.area) }
    s.areaRooms = [:]
    if !top {
      for id in parentLines { s.marginByIndicator[id] = 0 }
      s.industrialOutput = node.industrialOutput
    } else {
      s.industrialOutput = node.industrialOutput.merging(settings.industrialOutput) { _, scenario in scenario }
    }
    if let published = node.dataset.table(year: year, kind: .target) {
      for line in node.dataset.indicators where line.kind.isSplit {
        for area in node.dataset.areas {
          guard let value = published.value(line.id, area).number,
            !s.locks.contains(where: { $0.indicator == line.id && $0.area == area })
          else { continue }
          s.locks.append(Lock(indicator: line.id, area: area, value: value))
        }
      }
    }
    return s
  }

  // MARK: Room, bottom up

  /// The node's room on each of its lines (the sum over its areas), with every descendant's room
  /// stored in `rooms` by region name.
  func measure(
    _ node: RegionTree, provisional: [String: Double], parentLines: Set<String>, top: Bool,
    rooms: inout [String: [String: AreaRoom]]
  ) throws(AllocationError) -> [String: AreaRoom] {
    let s = levelSettings(node, parentLines: parentLines, top: top)
    if node.isLeaf { return try leafRoom(node, provisional: provisional, settings: s) }
    let lines = Set(node.dataset.indicators.map(\.id))
    for child in node.children {
      var childProvisional: [String: Double] = [:]
      for line in node.dataset.indicators {
        if let own = child.dataset.targets[line.id]?[year] {
          childProvisional[line.id] = own
        } else if let whole = provisional[line.id] {
          childProvisional[line.id] = line.kind.isSplit ? whole / Double(node.children.count) : whole
        }
      }
      rooms[child.name] = try measure(child, provisional: childProvisional, parentLines: lines, top: false, rooms: &rooms)
    }
    var total: [String: AreaRoom] = [:]
    for line in node.dataset.indicators where line.kind.isSplit {
      var parts: [(String, AreaRoom)] = []
      for child in node.children {
        guard var room = rooms[child.name]?[line.id] else { continue }
        if let lock = s.locks.first(where: { $0.indicator == line.id && $0.area == child.name }) {
          room.floor = lock.value
          room.cap = lock.value
        }
        parts.append((child.name, room))
      }
      if !parts.isEmpty { total[line.id] = .sum(parts) }
    }
    return total
  }

  /// A district's room from its streets: their baselines, floors and caps as its own allocation sets
  /// them up (a locked street at its lock; a "其中" line at most its parent line's cap per street).
  func leafRoom(
    _ node: RegionTree, provisional: [String: Double], settings s: AllocationSettings
  ) throws(AllocationError) -> [String: AreaRoom] {
    var data = node.dataset
    for (id, value) in provisional where data.targets[id]?[year] == nil { data.targets[id, default: [:]][year] = value }
    let allocator = Allocator(dataset: data, settings: s, solver: solver)
    var ignored: [Diagnostic] = []
    let history = try allocator.chainedHistory(diagnostics: &ignored)
    let context = BaselineContext(dataset: data, history: history, year: year)
    var problems: [String: LineProblem] = [:]
    for line in data.indicators {
      problems[line.id] = allocator.prepare(line, context: context, diagnostics: &ignored).1
    }
    var rooms: [String: AreaRoom] = [:]
    for line in data.indicators {
      guard let p = problems[line.id], p.count > 0 else { continue }
      let parent = line.parent.flatMap { problems[$0] }
      let parentSlot = parent.map { pp in Dictionary(pp.areas.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }
      var room = AreaRoom(baseline: 0, floor: 0, cap: 0)
      for s in 0..<p.count {
        let floor = p.lock[s] ?? p.floor[s]
        var cap = p.lock[s] ?? p.cap[s]
        if let parent, let t = parentSlot?[p.areas[s]] { cap = min(cap, parent.lock[t] ?? parent.cap[t]) }
        room.baseline += p.baseline[s] * p.unit
        room.floor += floor * p.unit
        room.cap += max(cap, floor) * p.unit
        room.parts.append(
          AreaRoom.Part(area: p.areaNames[s], floor: floor * p.unit, cap: max(cap, floor) * p.unit, locked: p.lock[s] != nil))
      }
      rooms[line.id] = room
    }
    return rooms
  }

  // MARK: Targets, top down

  func allocate(
    _ node: RegionTree, parent: String?, depth: Int, given: [String: Double], rooms: [String: [String: AreaRoom]],
    into tables: inout [RegionTable]
  ) throws(AllocationError) {
    var data = node.dataset
    var notes: [Diagnostic] = []
    for line in data.indicators {
      guard let value = given[line.id] else { continue }
      if let own = data.targets[line.id]?[year], abs(own - value) > line.kind.resolution / 2, let parent {
        notes.append(Diagnostic(.info, indicator: line.id, Say.Tree.targetFromParent(parent, value: value, own: own).description))
      }
      data.targets[line.id, default: [:]][year] = value
    }
    var s = levelSettings(node, parentLines: Set(given.keys), top: parent == nil)
    if !node.isLeaf {
      for line in data.indicators where line.kind.isSplit {
        for child in node.children {
          if let room = rooms[child.name]?[line.id] {
            s.areaRooms[line.id, default: [:]][child.name] = room
            s.open[line.id, default: []].append(child.name)
            // A child that keeps its published table of the year: its total is a lock here, which a
            // repair may only name as a change of that lock, never as a raised cap.
            if child.dataset.table(year: year, kind: .target) != nil, room.parts.allSatisfy(\.locked),
              !s.locks.contains(where: { $0.indicator == line.id && $0.area == child.name })
            {
              s.locks.append(Lock(indicator: line.id, area: child.name, value: room.cap))
            }
          } else {
            s.closed[line.id, default: []].append(child.name)
          }
        }
      }
    }
    var result = try Allocator(dataset: data, settings: s, solver: solver).allocate()
    result.diagnostics = notes + result.diagnostics
    // Illustrative where anything it rests on is: its own figures, its parent's split (made from the
    // other regions' figures too), or, for a parent, the rooms of the regions below it.
    let inherited = parent.flatMap { name in tables.first { $0.region == name }?.result.usesIllustrativeData } ?? false
    result.usesIllustrativeData = result.usesIllustrativeData || inherited || node.hasIllustrativeData
    if !node.isLeaf { result.diagnostics += acrossLevels(result, node, rooms: rooms) }
    tables.append(RegionTable(region: node.name, parent: parent, depth: depth, result: result))
    for child in node.children {
      var childGiven: [String: Double] = [:]
      for line in result.indicators {
        if let value = line.areas[child.name]?.value { childGiven[line.indicator.id] = value }
      }
      try allocate(child, parent: node.name, depth: depth + 1, given: childGiven, rooms: rooms, into: &tables)
    }
  }

  /// For each line the parent cannot meet, the children at their room and the areas that cap them.
  func acrossLevels(_ result: AllocationResult, _ node: RegionTree, rooms: [String: [String: AreaRoom]]) -> [Diagnostic] {
    var out: [Diagnostic] = []
    for line in result.indicators where line.status == .infeasible {
      let unit = line.indicator.kind.resolution
      for child in node.children {
        // A child whose every area is locked (its own table of the year) is a lock here, not a cap.
        guard let room = rooms[child.name]?[line.indicator.id], !room.parts.allSatisfy(\.locked) else { continue }
        let raised = line.changes.contains { $0.kind == .raiseCap && $0.area == child.name }
        let atCap = (line.areas[child.name]?.value ?? 0) >= room.cap - unit / 2
        guard raised || atCap else { continue }
        let capped = room.parts.filter { !$0.locked }.map { ($0.area, $0.cap) }
        let locked = room.parts.filter(\.locked).map(\.area)
        out.append(
          Diagnostic(
            .warning, indicator: line.indicator.id,
            Say.Tree.childCapped(
              child.name, cap: room.cap, unit: line.indicator.areaUnit, whole: line.indicator.kind.isWhole,
              capped: capped, locked: locked
            ).description))
      }
    }
    return out
  }
}
