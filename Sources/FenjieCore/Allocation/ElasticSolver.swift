import LinearProgramming

/// When a family cannot be allocated: finds the fewest changes (raise a cap, lower a floor, move a
/// lock, let a "其中" line exceed its parent in an area, break an equal group, open a "/" area) that
/// make it feasible, and among those the smallest amounts. A MIP: one binary per possible change,
/// slack ≤ M·binary, minimise Σ binaries + ε·Σ slack (ε small enough that amounts never outweigh
/// one change).
enum ElasticSolver {
  struct Outcome {
    var changes: [[SuggestedChange]]
    var relaxed: [LineProblem]
  }

  enum Slot { case cap(Int, Int), floor(Int, Int), lockUp(Int, Int), lockDown(Int, Int), parent(Int, Int), equal(Int, Int), open(Int, Int) }

  /// The elastic MIP: the family's rows, each with a slack that a binary switches on.
  struct Elastic {
    let lines: [LineProblem]
    var model = LinearModel(name: "elastic")
    /// Per-slot big-M: no slack needs more than the largest total, cap, floor or lock of the family
    /// (a bound that does not grow with the number of areas, so GLPK never reads s ≤ M·b as b ≈ 0).
    let bigM: Double
    var slots: [(slot: Slot, slack: Int, binary: Int)] = []
    var x: [[Int]] = []
    var opened: [[Int]] = []

    init(_ lines: [LineProblem]) {
      self.lines = lines
      bigM = lines.reduce(0.0) { top, line in
        max(top, line.required + (line.cap.max() ?? 0) + (line.floor.max() ?? 0) + (line.lock.compactMap { $0 }.max() ?? 0))
      } + 10
      for (m, line) in lines.enumerated() {
        x.append((0..<line.count).map { s in model.addVariable("x_\(m)_\(s)", lower: 0, upper: bigM) })
        opened.append(line.closed.indices.map { c in slack("open_\(m)_\(c)", .open(m, c)) })
      }
      for m in lines.indices {
        addAreaRows(m)
        addOpenedWithinParent(m)
        addGroups(m)
      }
      setAmountCosts()
    }

    mutating func slack(_ name: String, _ slot: Slot, bound: Double? = nil) -> Int {
      let m = max(1, min(bigM, bound ?? bigM))
      let s = model.addVariable("s_\(name)", lower: 0, upper: m)
      let b = model.addVariable("b_\(name)", lower: 0, upper: 1, integer: true, cost: 1)
      model.addConstraint("m_\(name)", [.init(s, 1), .init(b, -m)], upper: 0)
      slots.append((slot, s, b))
      return s
    }

    /// The total, and per area its cap, floor, lock and parent rows.
    mutating func addAreaRows(_ m: Int) {
      let line = lines[m]
      model.addConstraint("total_\(m)", x[m].map { .init($0, 1) } + opened[m].map { .init($0, 1) }, lower: line.required)
      for s in 0..<line.count {
        let capSlack = slack("cap_\(m)_\(s)", .cap(m, s))
        model.addConstraint("cap_\(m)_\(s)", [.init(x[m][s], 1), .init(capSlack, -1)], upper: line.cap[s])
        if line.floor[s] > 0 {
          let floorSlack = slack("floor_\(m)_\(s)", .floor(m, s), bound: line.floor[s])
          model.addConstraint("floor_\(m)_\(s)", [.init(x[m][s], 1), .init(floorSlack, 1)], lower: line.floor[s])
        }
        if let lock = line.lock[s] {
          let up = slack("lockup_\(m)_\(s)", .lockUp(m, s))
          let down = slack("lockdown_\(m)_\(s)", .lockDown(m, s), bound: lock)
          model.addConstraint("lock_\(m)_\(s)", [.init(x[m][s], 1), .init(up, -1), .init(down, 1)], lower: lock, upper: lock)
        }
        if let p = line.parent, let ps = lines[p].areas.firstIndex(of: line.areas[s]) {
          let over = slack("parent_\(m)_\(s)", .parent(m, s))
          model.addConstraint(
            "sub_\(m)_\(s)", [.init(x[m][s], 1), .init(x[p][ps], -1), .init(over, -1)], upper: line.parentAllowance[s])
        }
      }
    }

    /// An area opened on a "其中" line stays within its parent there (opened or open).
    mutating func addOpenedWithinParent(_ m: Int) {
      guard let p = lines[m].parent else { return }
      for (c, area) in lines[m].closed.enumerated() {
        var parentTerm: LinearModel.Term? = nil
        if let ps = lines[p].areas.firstIndex(of: area) { parentTerm = .init(x[p][ps], -1) }
        if let pc = lines[p].closed.firstIndex(of: area) { parentTerm = .init(opened[p][pc], -1) }
        guard let parentTerm else { continue }
        model.addConstraint("subopen_\(m)_\(c)", [.init(opened[m][c], 1), parentTerm], upper: 0)
      }
    }

    mutating func addGroups(_ m: Int) {
      for (g, group) in lines[m].equalGroups.enumerated() where group.count > 1 {
        let spread = slack("equal_\(m)_\(g)", .equal(m, g))
        for pair in zip(group, group.dropFirst()) {
          model.addConstraint("equp_\(m)_\(g)_\(pair.0)", [.init(x[m][pair.0], 1), .init(x[m][pair.1], -1), .init(spread, -1)], upper: 0)
          model.addConstraint("eqdn_\(m)_\(g)_\(pair.0)", [.init(x[m][pair.0], 1), .init(x[m][pair.1], -1), .init(spread, 1)], lower: 0)
        }
      }
    }

    /// Amounts count relative to the bound they change (a cap raised by 10 on a street capped at
    /// 200 is a smaller change than on one capped at 20), and never as much as one change.
    mutating func setAmountCosts() {
      let epsilon = 1 / (Double(slots.count + 1) * bigM)
      for (k, slot) in slots.enumerated() { model.setCost(slot.slack, epsilon / scale(k)) }
    }

    func scale(_ k: Int) -> Double {
      switch slots[k].slot {
      case .cap(let m, let a): return max(1, lines[m].cap[a])
      case .floor(let m, let a): return max(1, lines[m].floor[a])
      case .lockUp(let m, let a), .lockDown(let m, let a): return max(1, lines[m].lock[a] ?? 1)
      default: return 1
      }
    }

    /// The changes chosen by the MIP, with their amounts (whose weight in the MIP is too small for
    /// its tolerances) made as small as possible by an LP with the choice fixed.
    mutating func solve(solver: SolverContext) -> Solution? {
      // A tight integrality tolerance: with GLPK's default 1e-5, a binary at 1e-5 times the big-M
      // opens units of slack that no change pays for.
      let chosen = solver.tightIntegrality.solve(model)
      guard chosen.hasSolution else { return nil }
      for (k, (_, s, b)) in slots.enumerated() {
        let on: Double = chosen.values[b] > 0.5 ? 1 : 0
        model.setBounds(b, lower: on, upper: on)
        model.setInteger(b, false)
        model.setCost(b, 0)
        model.setCost(s, 1 / scale(k))
      }
      let amounts = solver.solve(model)
      return amounts.status == .optimal ? amounts : chosen
    }
  }

  static func relax(_ lines: [LineProblem], areaNames: [String], solver: SolverContext) -> Outcome? {
    var elastic = Elastic(lines)
    guard let solution = elastic.solve(solver: solver) else { return nil }
    return read(solution, elastic.slots, lines, areaNames: areaNames)
  }

  /// The family with the chosen changes applied, and the changes as listed.
  static func read(
    _ solution: Solution, _ slots: [(slot: Slot, slack: Int, binary: Int)], _ lines: [LineProblem],
    areaNames: [String]
  ) -> Outcome {
    var relaxed = lines
    var changes: [[SuggestedChange]] = lines.map { _ in [] }
    var opens: [[(Int, Double)]] = lines.map { _ in [] }
    for (slot, s, b) in slots where solution.values[b] > 0.5 && solution.values[s] > 1e-9 {
      let amount = solution.values[s]
      switch slot {
      case .cap(let m, let a):
        let to = (lines[m].cap[a] + amount - 1e-9).rounded(.up)
        relaxed[m].cap[a] = to
        changes[m].append(change(.raiseCap, lines[m], a, areaNames, lines[m].cap[a], to))
      case .floor(let m, let a):
        let to = max(0, (lines[m].floor[a] - amount + 1e-9).rounded(.down))
        relaxed[m].floor[a] = to
        changes[m].append(change(.lowerFloor, lines[m], a, areaNames, lines[m].floor[a], to))
      case .lockUp(let m, let a), .lockDown(let m, let a):
        let sign: Double
        if case .lockUp = slot { sign = 1 } else { sign = -1 }
        let old = lines[m].lock[a]!
        let to = sign > 0 ? (old + amount - 1e-9).rounded(.up) : (old - amount + 1e-9).rounded(.down)
        relaxed[m].lock[a] = to
        relaxed[m].cap[a] = max(relaxed[m].cap[a], to)
        relaxed[m].floor[a] = min(relaxed[m].floor[a], to)
        changes[m].append(change(.changeLock, lines[m], a, areaNames, old, to))
      case .parent(let m, let a):
        let to = (amount - 1e-9).rounded(.up)
        relaxed[m].parentAllowance[a] = to
        changes[m].append(change(.exceedParent, lines[m], a, areaNames, 0, to))
      case .equal(let m, let g):
        relaxed[m].equalGroups[g] = []
        changes[m].append(SuggestedChange(kind: .breakEqualGroup, indicator: lines[m].indicator.id, area: lines[m].equalGroups[g].map { areaNames[lines[m].areas[$0]] }.joined(separator: "、"), from: nil, to: nil))
      case .open(let m, let c):
        opens[m].append((c, (amount - 1e-9).rounded(.up)))
      }
    }
    for m in lines.indices {
      for (c, amount) in opens[m] {
        let area = lines[m].closed[c]
        relaxed[m].areas.append(area)
        relaxed[m].baseline.append(0)
        relaxed[m].floor.append(0)
        relaxed[m].cap.append(amount)
        relaxed[m].lock.append(nil)
        relaxed[m].last.append(0)
        relaxed[m].parentAllowance.append(0)
        relaxed[m].areaNames.append(areaNames[area])
        changes[m].append(SuggestedChange(kind: .openArea, indicator: lines[m].indicator.id, area: areaNames[area], from: nil, to: amount * lines[m].unit))
      }
      relaxed[m].closed.removeAll { c in opens[m].contains { lines[m].closed[$0.0] == c } }
    }
    return Outcome(changes: changes, relaxed: relaxed)
  }

  private static func change(
    _ kind: SuggestedChange.Kind, _ line: LineProblem, _ s: Int, _ names: [String], _ from: Double, _ to: Double
  ) -> SuggestedChange {
    SuggestedChange(kind: kind, indicator: line.indicator.id, area: names[line.areas[s]], from: from * line.unit, to: to * line.unit)
  }

  /// A single line short of its target only because of its caps (no equal groups, every lock
  /// within its own floor and cap): the fewest changes is one raised cap, and the smallest relative
  /// change raises the largest cap (ties: the area's name in Unicode order). nil otherwise.
  static func raiseOneCap(_ line: LineProblem, areaNames: [String]) -> Outcome? {
    guard !line.equalGroups.contains(where: { $0.count > 1 }) else { return nil }
    var reachable = 0.0
    for s in 0..<line.count {
      if let lock = line.lock[s] {
        guard lock <= line.cap[s], lock >= line.floor[s] else { return nil }
        reachable += lock
      } else {
        reachable += line.cap[s]
      }
    }
    let short = line.required - reachable
    let free = (0..<line.count).filter { line.lock[$0] == nil }
    guard short > 0, let s = free.max(by: { a, b in
      line.cap[a] != line.cap[b]
        ? line.cap[a] < line.cap[b]
        : !line.areaNames[a].unicodeScalars.lexicographicallyPrecedes(line.areaNames[b].unicodeScalars)
    }) else { return nil }
    var relaxed = line
    relaxed.cap[s] = line.cap[s] + short
    let listed = change(.raiseCap, line, s, areaNames, line.cap[s], relaxed.cap[s])
    return Outcome(changes: [[listed]], relaxed: [relaxed])
  }

  /// The largest total line `m` can reach under the family's other constraints, or nil.
  static func largestTotal(_ lines: [LineProblem], member m: Int, solver: SolverContext) -> Double? {
    var free = lines
    free[m].required = 0
    var built = Builder(
      lines: free, lower: free.map { $0.floor }, upper: free.map { $0.cap }, integer: false)
    built.model.sense = .maximize
    for v in built.x[m] { built.model.setCost(v, 1) }
    for (k, line) in free.enumerated() {
      for (s, lock) in line.lock.enumerated() {
        if let lock { built.model.setBounds(built.x[k][s], lower: lock, upper: lock) }
      }
    }
    let solution = solver.solve(built.model)
    guard solution.status == .optimal else { return nil }
    return (solution.objective + 1e-7).rounded(.down) * lines[m].unit
  }
}
