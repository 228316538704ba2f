import LinearProgramming

/// Solves one family (a line and its "其中" lines) with GLPK in three steps:
///
/// 1. **The rule, lexicographically** (LPs). Each area gets a fairness row
///    `x − w·t ≤ o` (balanced: o = baseline, w = cap − baseline, so t is the share of headroom used;
///    proportional: o = 0, w = baseline; equal: o = 0, w = 1; closest: o = 0, w = last year's value,
///    after an L1 stage that moves as few units from last year's table as possible). Minimise Σ t over
///    the family's lines. A fairness row with a nonzero dual is tight in every optimal solution
///    (complementary slackness), so those areas are fixed at their values, and the rest minimise
///    their own t again, until every area is fixed. Floors, caps, locks, equal groups and the
///    child ≤ parent rows hold throughout. The result is the min-max (then next-max, …) solution: every
///    area uses the same share of its headroom except those pinned by a floor, cap, lock, group or
///    parent.
/// 2. **Whole units** (MIP). Each value may only round to the floor or ceiling of its continuous
///    value. Minimise the total first (add as little as possible above the target), then the distance
///    from the continuous values: the weight of rounding area s up is 1 + δ(1 − 2·frac(c_s)) with
///    δ < 1/n, so the second aim never outweighs one unit of the first (largest remainders go up).
/// 3. The stage-1 dual of each total row is kept as the marginal cost of the district target.
enum FamilySolver {
  struct Failure: Error {
    var termination: Termination
    var message: String
  }

  /// The family's table: water-filling for a single line where it applies, else the LP steps;
  /// then fair rounding to whole units (a MIP only where it cannot apply).
  static func solve(
    _ lines: [LineProblem], rule: AllocationRule, solver: SolverContext, waterFilling: Bool = true
  ) throws(Failure) -> FamilyOutcome {
    let relaxed: Relaxed
    if waterFilling, let filled = waterFilled(lines, rule: rule) {
      relaxed = filled
    } else {
      relaxed = try lexicographic(lines, rule: rule, solver: solver)
    }
    return try wholeUnits(lines, relaxed, rule: rule, solver: solver)
  }

  /// The continuous solution of the rule, before rounding.
  struct Relaxed {
    var continuous: [[Double]]
    var marginal: [Double?]
    var level: [Double?]
  }

  /// Locked areas sit at their lock: per member, per area.
  static func lockedBounds(_ lines: [LineProblem]) -> (lower: [[Double]], upper: [[Double]]) {
    var lower = lines.map { line in line.floor }
    var upper = lines.map { line in line.cap }
    for (m, line) in lines.enumerated() {
      for s in 0..<line.count {
        if let lock = line.lock[s] {
          lower[m][s] = lock
          upper[m][s] = lock
        }
      }
    }
    return (lower, upper)
  }

  /// A single line without equal groups, under a rule with fairness weights: `WaterFilling`.
  /// nil where it does not apply (the LP decides, or explains an infeasibility).
  static func waterFilled(_ lines: [LineProblem], rule: AllocationRule) -> Relaxed? {
    guard lines.count == 1, rule != .closest, let line = lines.first,
      !line.equalGroups.contains(where: { $0.count > 1 })
    else { return nil }
    for s in 0..<line.count {
      if let lock = line.lock[s], lock > line.cap[s] + 1e-9 || lock < line.floor[s] - 1e-9 { return nil }
    }
    let (lower, upper) = lockedBounds(lines)
    let fairness = fairnessWeights(line, rule: rule)
    let weight = (0..<line.count).map { line.lock[$0] == nil ? fairness[$0].w : 0 }
    guard
      let filled = WaterFilling.fill(
        offset: fairness.map(\.o), weight: weight, lower: lower[0], upper: upper[0], required: line.required)
    else { return nil }
    let ruled = weight.contains { $0 > 0 }
    return Relaxed(
      continuous: [filled.values], marginal: [ruled ? filled.marginal / line.unit : nil],
      level: [ruled ? filled.level : nil])
  }

  /// The rule as a sequence of LPs (see the type's documentation).
  static func lexicographic(
    _ lines: [LineProblem], rule: AllocationRule, solver: SolverContext
  ) throws(Failure) -> Relaxed {
    let fairness = lines.map { fairnessWeights($0, rule: rule) }
    var (lower, upper) = lockedBounds(lines)
    // Locked areas sit at their lock; if the lock conflicts with a floor or cap the solve below
    // reports infeasible, because the lock also stands as a row against the original bounds.
    var active = lines.enumerated().map { m, line in
      (0..<line.count).map { s in line.lock[s] == nil && fairness[m][s].w > 0 }
    }
    var marginal: [Double?] = Array(repeating: nil, count: lines.count)
    var level: [Double?] = Array(repeating: nil, count: lines.count)
    var l1Bound: Double? = nil
    if rule == .closest {
      l1Bound = try closestDistance(lines, lower: lower, upper: upper, solver: solver)
    }
    // One LP for the whole sequence, changed between steps by bounds only (fixed areas, lowered
    // upper bounds, the fairness rows of fixed areas freed, the level of a finished line fixed at 0
    // out of the objective): the solver starts each step from the last step's basis.
    var step = stepModel(
      lines, fairness: fairness, stage: 1, l1Bound: l1Bound, lower: lower, upper: upper, active: active)
    let session = solver.session(step.built.model)
    var loaded = (lower: lower, upper: upper)
    var stage = 0
    while active.contains(where: { $0.contains(true) }) {
      stage += 1
      if stage > lines.reduce(0, { $0 + $1.count }) + 2 { break }
      if stage > 1 {
        update(session, &step, &loaded, lower: lower, upper: upper, active: active)
      }
      try levelStep(
        lines, fairness: fairness, stage: stage, step: step, session: session, solver: solver,
        lower: &lower, upper: &upper, active: &active, marginal: &marginal, level: &level)
    }
    let continuous = try polish(lines, lower: lower, upper: upper, l1Bound: l1Bound, solver: solver)
    return Relaxed(continuous: continuous, marginal: marginal, level: level)
  }

  /// Closest: the fewest units that must move away from last year's table (the L1 stage).
  static func closestDistance(
    _ lines: [LineProblem], lower: [[Double]], upper: [[Double]], solver: SolverContext
  ) throws(Failure) -> Double {
    var built = Builder(lines: lines, lower: lower, upper: upper, integer: false)
    let deviations = built.addDeviations(lines)
    let solution = solver.solve(built.model)
    guard solution.status == .optimal else { throw Failure(termination: solution.termination, message: solution.message) }
    return deviations.reduce(0) { $0 + solution.values[$1] } + 1e-7
  }

  /// The LP of one step: the family's rows, one level variable per line with active areas
  /// (cost 1) and the fairness row `x − w·t + σ ≤ o` of every active area. σ, the slack `rigid`
  /// tests, is fixed at 0 but in that test.
  struct StepModel {
    var built: Builder
    var t: [Int?]
    var fairRows: [[Int?]]
    var sigma: [[Int?]]
  }

  static func stepModel(
    _ lines: [LineProblem], fairness: [[(o: Double, w: Double)]], stage: Int, l1Bound: Double?,
    lower: [[Double]], upper: [[Double]], active: [[Bool]]
  ) -> StepModel {
    var built = Builder(lines: lines, lower: lower, upper: upper, integer: false)
    if let l1Bound { built.addDeviations(lines, bound: l1Bound) }
    var tVariables: [Int?] = Array(repeating: nil, count: lines.count)
    var fairRows: [[Int?]] = lines.map { Array(repeating: nil, count: $0.count) }
    var sigma: [[Int?]] = lines.map { Array(repeating: nil, count: $0.count) }
    for (m, line) in lines.enumerated() where active[m].contains(true) {
      let t = built.model.addVariable("t_\(line.indicator.id)_\(stage)", lower: nil, upper: nil, cost: 1)
      tVariables[m] = t
      for s in 0..<line.count where active[m][s] {
        let (o, w) = fairness[m][s]
        let slack = built.model.addVariable("sigma_\(line.indicator.id)_\(s + 1)", lower: 0, upper: 0)
        sigma[m][s] = slack
        fairRows[m][s] = built.model.addConstraint(
          "fair_\(line.indicator.id)_\(s + 1)", [.init(built.x[m][s], 1), .init(t, -w), .init(slack, 1)],
          upper: o)
      }
    }
    return StepModel(built: built, t: tVariables, fairRows: fairRows, sigma: sigma)
  }

  /// The step model of the next step, from the last one's: the bounds that moved, and the fairness
  /// rows and levels of the areas and lines no longer active taken out. The same LP as `stepModel`
  /// would build for the step, with the dropped rows and levels left in, free and unpriced.
  static func update(
    _ session: any LinearSolverSession, _ step: inout StepModel,
    _ loaded: inout (lower: [[Double]], upper: [[Double]]), lower: [[Double]], upper: [[Double]],
    active: [[Bool]]
  ) {
    for m in lower.indices {
      for s in lower[m].indices where lower[m][s] != loaded.lower[m][s] || upper[m][s] != loaded.upper[m][s] {
        session.setBounds(step.built.x[m][s], lower: lower[m][s], upper: max(lower[m][s], upper[m][s]))
      }
      for s in active[m].indices where !active[m][s] {
        guard let row = step.fairRows[m][s] else { continue }
        session.setRowBounds(row, lower: nil, upper: nil)
        step.fairRows[m][s] = nil
      }
      if let t = step.t[m], !active[m].contains(true) {
        session.setCost(t, 0)
        session.setBounds(t, lower: 0, upper: 0)
        step.t[m] = nil
      }
    }
    loaded = (lower, upper)
  }

  /// One step of the lexicographic sequence: minimise each active line's level t_m, then fix every
  /// area that sits at its line's level in *every* optimal solution (`rigid`), all at once; the
  /// others may only go lower in the next step.
  static func levelStep(
    _ lines: [LineProblem], fairness: [[(o: Double, w: Double)]], stage: Int, step: StepModel,
    session: any LinearSolverSession, solver: SolverContext, lower: inout [[Double]],
    upper: inout [[Double]], active: inout [[Bool]], marginal: inout [Double?], level: inout [Double?]
  ) throws(Failure) {
    let solution = session.solve()
    guard solution.status == .optimal, let duals = solution.duals else {
      throw Failure(termination: solution.termination, message: solution.message)
    }
    let levels = step.t.map { $0.map { solution.values[$0] } }
    for (m, line) in lines.enumerated() where stage == 1 && levels[m] != nil {
      level[m] = levels[m]
      let dual = duals[step.built.totalRows[m]]
      marginal[m] = abs(dual) > 1e-12 ? dual / line.unit : 0
    }
    let (fixed, values) = rigid(
      lines, step: step, session: session, solution: solution, levels: levels, fairness: fairness,
      active: active)
    for (m, line) in lines.enumerated() {
      guard let tValue = levels[m] else { continue }
      for s in 0..<line.count where active[m][s] {
        if fixed[m].isEmpty || fixed[m].contains(s) {
          active[m][s] = false
          let v = clamp(values[m][s], lower[m][s], upper[m][s])
          lower[m][s] = v
          upper[m][s] = v
        } else {
          let (o, w) = fairness[m][s]
          upper[m][s] = max(lower[m][s], min(upper[m][s], o + w * tValue + 1e-9 * max(1, abs(o + w * tValue))))
        }
      }
    }
    keepChildrenWithinParents(lines, lower: &lower, upper: &upper)
  }

  /// The active areas at their line's level in every optimal solution, and the values to fix them
  /// at. Candidates are the areas at the level in the step's solution. With every level held at its
  /// optimum, an LP gives each candidate a slack σ ≤ δ below the level and maximises Σ σ; as the
  /// optimal set is convex, every candidate that can go lower at all gets σ > 0 at once (for δ
  /// small), and is dropped; the LP is repeated until no candidate gets any. The rest are rigid, and
  /// one step fixes a whole level, where the duals of a degenerate LP name only a few areas. Where
  /// this does not settle, the areas with a nonzero fairness dual (rigid by complementary slackness).
  static func rigid(
    _ lines: [LineProblem], step: StepModel, session: any LinearSolverSession, solution: Solution,
    levels: [Double?], fairness: [[(o: Double, w: Double)]], active: [[Bool]]
  ) -> (fixed: [Set<Int>], values: [[Double]]) {
    let values = step.built.read(solution)
    let duals = solution.duals ?? []
    let dualTight: [Set<Int>] = lines.indices.map { m in
      Set((0..<lines[m].count).filter { s in step.fairRows[m][s].map { abs(duals[$0]) > 1e-9 } ?? false })
    }
    var candidates: [Set<Int>] = lines.indices.map { m in
      guard let t = levels[m] else { return [] }
      return Set((0..<lines[m].count).filter { s in
        guard active[m][s] else { return false }
        let (o, w) = fairness[m][s]
        return dualTight[m].contains(s) || values[m][s] >= o + w * t - 1e-7 * max(1, abs(o + w * t))
      })
    }
    if lines.indices.allSatisfy({ candidates[$0].isSubset(of: dualTight[$0]) }) { return (candidates, values) }
    // The test runs on the step's own LP, changed by bounds and costs and warm-started from the
    // step's optimum (σ = 0 is feasible for it): levels capped at their optimum and out of the
    // objective, each candidate's σ in [0, δ] at cost −1. Put back as it was afterwards.
    var tested: [Int] = []
    for (m, t) in step.t.enumerated() {
      guard let t, let tValue = levels[m] else { continue }
      session.setCost(t, 0)
      session.setBounds(t, lower: nil, upper: tValue)
    }
    for m in lines.indices where step.t[m] != nil {
      for s in candidates[m].sorted() {
        guard let v = step.sigma[m][s] else { continue }
        session.setBounds(v, lower: 0, upper: 1e-3)
        session.setCost(v, -1)
        tested.append(v)
      }
    }
    defer {
      for v in tested {
        session.setBounds(v, lower: 0, upper: 0)
        session.setCost(v, 0)
      }
      for (m, t) in step.t.enumerated() where t != nil && levels[m] != nil {
        session.setCost(t!, 1)
        session.setBounds(t!, lower: nil, upper: nil)
      }
    }
    for _ in 0..<6 {
      let test = session.solve()
      guard test.status == .optimal else { break }
      var dropped = false
      for m in lines.indices {
        // 1% of δ: the solver's tolerances alone give slacks far below it.
        for s in candidates[m].sorted() where test.values[step.sigma[m][s]!] > 1e-5 {
          candidates[m].remove(s)
          session.setBounds(step.sigma[m][s]!, lower: 0, upper: 0)
          dropped = true
        }
      }
      if !dropped { return (candidates, values) }
    }
    return (dualTight, values)
  }

  /// Values fixed from an LP solution may put a "其中" area a hair (the solver's tolerance) above its
  /// fixed parent, which makes the next LP infeasible: such bounds are pulled back within the parent's.
  static func keepChildrenWithinParents(_ lines: [LineProblem], lower: inout [[Double]], upper: inout [[Double]]) {
    for (m, line) in lines.enumerated() {
      guard let p = line.parent else { continue }
      for s in 0..<line.count {
        guard let ps = lines[p].areas.firstIndex(of: line.areas[s]) else { continue }
        let limit = upper[p][ps] + line.parentAllowance[s]
        if upper[m][s] > limit {
          upper[m][s] = max(limit, line.lock[s] ?? line.floor[s])
          lower[m][s] = min(lower[m][s], upper[m][s])
        }
      }
    }
  }

  /// Areas outside the rule (no headroom, no baseline): as low as the rest allows.
  static func polish(
    _ lines: [LineProblem], lower: [[Double]], upper: [[Double]], l1Bound: Double?, solver: SolverContext
  ) throws(Failure) -> [[Double]] {
    var polish = Builder(lines: lines, lower: lower, upper: upper, integer: false)
    if let l1Bound { polish.addDeviations(lines, bound: l1Bound) }
    for (m, line) in lines.enumerated() {
      for s in 0..<line.count where lower[m][s] < upper[m][s] { polish.model.setCost(polish.x[m][s], 1) }
    }
    let polished = solver.solve(polish.model)
    guard polished.status == .optimal else {
      throw Failure(termination: polished.termination, message: polished.message)
    }
    return polish.read(polished).map { row in row.map(FairRounding.snap) }
  }

  /// Whole units: `FairRounding` member by member (parents first, a "其中" line never above its
  /// parent's rounded value); the MIP where that cannot apply (equal groups, or bounds that leave
  /// the largest-remainder choices short of the total).
  static func wholeUnits(
    _ lines: [LineProblem], _ relaxed: Relaxed, rule: AllocationRule, solver: SolverContext
  ) throws(Failure) -> FamilyOutcome {
    let continuous = relaxed.continuous.map { $0.map(FairRounding.snap) }
    let fairness = lines.map { fairnessWeights($0, rule: rule) }
    let rounding = roundingModel(lines, continuous)
    var termination = Termination.optimal
    var values: [[Double]]
    if let fair = fairRounding(lines, continuous) {
      values = fair
    } else {
      // A tight integrality tolerance: a value 1e-5 off a whole number is not rounded.
      let integral = solver.tightIntegrality.solve(rounding.model)
      guard integral.hasSolution else {
        throw Failure(termination: integral.termination, message: integral.message)
      }
      termination = integral.termination
      values = rounding.read(integral).map { $0.map { $0.rounded() } }
    }
    let binding = lines.indices.map { m in
      lines[m].areas.indices.map { s in classify(lines, values, m, s, fairness[m][s].w > 0) }
    }
    return FamilyOutcome(
      termination: termination, values: values, continuous: continuous, binding: binding,
      marginalCost: relaxed.marginal, ruleLevel: relaxed.level, finalModel: rounding.model)
  }

  /// The largest-remainder rounding of every member, or nil where it does not apply.
  static func fairRounding(_ lines: [LineProblem], _ continuous: [[Double]]) -> [[Double]]? {
    guard !lines.contains(where: { $0.equalGroups.contains { $0.count > 1 } }) else { return nil }
    var values: [[Double]] = lines.map { _ in [] }
    for (m, line) in lines.enumerated() {
      let areas = (0..<line.count).map { s in
        var upper = line.lock[s] ?? line.cap[s]
        if let p = line.parent, let ps = lines[p].areas.firstIndex(of: line.areas[s]) {
          upper = min(upper, values[p][ps] + line.parentAllowance[s])
        }
        return FairRounding.Area(
          value: continuous[m][s], lower: line.lock[s] ?? line.floor[s], upper: upper,
          baseline: line.baseline[s], name: line.areaNames[s])
      }
      guard areas.allSatisfy({ $0.lower <= $0.upper }),
        let rounded = FairRounding.round(areas, required: line.required)
      else { return nil }
      values[m] = rounded
    }
    return values
  }

  /// The rounding MIP: each value may only round to the floor or ceiling of its continuous value.
  /// Minimise the total first (add as little as possible above the target), then the distance from
  /// the continuous values: the weight of rounding area s up is 1 + δ(1 − 2·frac(c_s)) with δ < 1/n,
  /// so the second aim never outweighs one unit of the first (largest remainders go up). Solved only
  /// where fair rounding cannot apply; always kept as the family's model for `--write-lp`.
  static func roundingModel(_ lines: [LineProblem], _ continuous: [[Double]]) -> Builder {
    var rounded = Builder(
      lines: lines,
      lower: lines.indices.map { m in
        lines[m].floor.indices.map { s in
          lines[m].lock[s] ?? max(lines[m].floor[s], continuous[m][s].rounded(.down))
        }
      },
      upper: lines.indices.map { m in
        lines[m].cap.indices.map { s in
          lines[m].lock[s] ?? min(lines[m].cap[s], continuous[m][s].rounded(.up))
        }
      },
      integer: true)
    let n = Double(lines.reduce(0) { $0 + $1.count })
    let delta = 0.5 / (n + 1)
    for (m, line) in lines.enumerated() {
      for s in 0..<line.count {
        let c = continuous[m][s]
        let fraction = c - c.rounded(.down)
        rounded.model.setCost(rounded.x[m][s], 1 + delta * (1 - 2 * fraction))
      }
    }
    return rounded
  }

  /// Whether the family's constraints can all hold (one LP, no objective).
  static func isFeasible(_ lines: [LineProblem], solver: SolverContext) -> Bool {
    // A single line without groups: its bounds alone decide, no LP.
    if lines.count == 1, let line = lines.first, !line.equalGroups.contains(where: { $0.count > 1 }) {
      var reachable = 0.0
      for s in 0..<line.count {
        let lower = line.lock[s] ?? line.floor[s]
        let upper = line.lock[s] ?? line.cap[s]
        guard lower <= upper + 1e-9, line.floor[s] <= line.cap[s] + 1e-9 else { return false }
        if let lock = line.lock[s], lock > line.cap[s] + 1e-9 || lock < line.floor[s] - 1e-9 { return false }
        reachable += upper
      }
      return reachable >= line.required - 1e-9
    }
    var lower = lines.map { $0.floor }
    var upper = lines.map { $0.cap }
    for (m, line) in lines.enumerated() {
      for (s, lock) in line.lock.enumerated() {
        if let lock {
          lower[m][s] = lock
          upper[m][s] = lock
        }
      }
    }
    let built = Builder(lines: lines, lower: lower, upper: upper, integer: false)
    return solver.solve(built.model).status == .optimal
  }

  /// (o, w) of the fairness row `x − w·t ≤ o`; w = 0 leaves the area outside the rule.
  static func fairnessWeights(_ line: LineProblem, rule: AllocationRule) -> [(o: Double, w: Double)] {
    (0..<line.count).map { s in
      switch rule {
      case .balanced:
        let headroom = line.cap[s] - line.baseline[s]
        return headroom > 1e-9 ? (line.baseline[s], headroom) : (0, 0)
      case .proportional:
        return line.baseline[s] > 1e-9 ? (0, line.baseline[s]) : (0, 0)
      case .equal:
        return (0, 1)
      case .closest:
        return line.last[s] > 1e-9 ? (0, line.last[s]) : (0, 0)
      }
    }
  }

  static func classify(
    _ lines: [LineProblem], _ values: [[Double]], _ m: Int, _ s: Int, _ inRule: Bool
  ) -> BindingConstraint? {
    let line = lines[m]
    let v = values[m][s]
    if line.lock[s] != nil { return .lock }
    if let p = line.parent, let ps = lines[p].areas.firstIndex(of: line.areas[s]),
      abs(values[p][ps] - v) < 1e-9, line.parentAllowance[s] == 0
    {
      return .parent
    }
    for (c, child) in lines.enumerated() where child.parent == m {
      if let cs = child.areas.firstIndex(of: line.areas[s]), abs(values[c][cs] - v) < 1e-9,
        v > line.floor[s]
      {
        return .parent
      }
    }
    if abs(v - line.cap[s]) < 1e-9 { return .cap }
    if abs(v - line.floor[s]) < 1e-9 { return .floor }
    if line.equalGroups.contains(where: { $0.count > 1 && $0.contains(s) }) { return .equalGroup }
    return inRule ? .rule : nil
  }

  static func clamp(_ v: Double, _ lo: Double, _ hi: Double) -> Double { min(max(v, lo), hi) }
}

/// Builds the family's common rows: bounds, locks, totals, child ≤ parent, equal groups.
struct Builder {
  var model = LinearModel(name: "fenjie")
  var x: [[Int]] = []
  var totalRows: [Int] = []

  init(lines: [LineProblem], lower: [[Double]], upper: [[Double]], integer: Bool) {
    for (m, line) in lines.enumerated() {
      x.append(
        (0..<line.count).map { s in
          model.addVariable(
            "x_\(line.indicator.id)_\(line.areas[s] + 1)", lower: lower[m][s],
            upper: max(lower[m][s], upper[m][s]), integer: integer)
        })
    }
    for (m, line) in lines.enumerated() {
      totalRows.append(
        model.addConstraint(
          "total_\(line.indicator.id)", x[m].map { .init($0, 1) }, lower: line.required))
      for s in 0..<line.count {
        if let lock = line.lock[s] {
          // Against the area's own floor and cap: a lock outside them is a conflict to report.
          if lock > line.cap[s] + 1e-9 || lock < line.floor[s] - 1e-9 {
            model.addConstraint(
              "lockconflict_\(line.indicator.id)_\(line.areas[s] + 1)", [.init(x[m][s], 1)],
              lower: line.floor[s], upper: line.cap[s])
          }
        }
      }
      if let p = line.parent {
        for s in 0..<line.count {
          guard let ps = lines[p].areas.firstIndex(of: line.areas[s]) else { continue }
          model.addConstraint(
            "sub_\(line.indicator.id)_\(line.areas[s] + 1)", [.init(x[m][s], 1), .init(x[p][ps], -1)],
            upper: line.parentAllowance[s])
        }
      }
      for group in line.equalGroups where group.count > 1 {
        for pair in zip(group, group.dropFirst()) {
          model.addConstraint(
            "eq_\(line.indicator.id)_\(line.areas[pair.0] + 1)_\(line.areas[pair.1] + 1)",
            [.init(x[m][pair.0], 1), .init(x[m][pair.1], -1)], lower: 0, upper: 0)
        }
      }
    }
  }

  /// d_s ≥ |x_s − last_s|, minimised (cost 1) or bounded in total.
  @discardableResult
  mutating func addDeviations(_ lines: [LineProblem], bound: Double? = nil) -> [Int] {
    var deviations: [Int] = []
    for (m, line) in lines.enumerated() {
      for s in 0..<line.count {
        let d = model.addVariable("d_\(line.indicator.id)_\(line.areas[s] + 1)", cost: bound == nil ? 1 : 0)
        deviations.append(d)
        model.addConstraint("dp_\(m)_\(s)", [.init(d, 1), .init(x[m][s], -1)], lower: -line.last[s])
        model.addConstraint("dm_\(m)_\(s)", [.init(d, 1), .init(x[m][s], 1)], lower: line.last[s])
      }
    }
    if let bound {
      model.addConstraint("l1", deviations.map { .init($0, 1) }, upper: bound)
    }
    return deviations
  }

  func read(_ solution: Solution) -> [[Double]] {
    x.map { row in row.map { solution.values[$0] } }
  }
}
