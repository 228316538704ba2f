import LinearProgramming

/// The default repair of a family whose caps cannot carry its targets: the same extra growth for
/// every area of a line.
///
/// One LP: every unlocked area of line m may go up to `cap + λ_m·h` with h = cap − baseline (its
/// headroom; at least one unit), every other constraint as set (floors, locks, totals, 其中 ≤ parent,
/// equal groups); minimise Σ λ_m. The shortfall is thus spread over the areas in proportion to
/// their headroom, instead of piled on one area as the fewest-changes repair does. The new caps are
/// rounded up to whole units, so the LP's solution stays feasible; the caller re-solves the family
/// with them before anything is shown.
enum SpreadRepair {
  struct Outcome {
    /// Per member: the extra share of headroom every area gets (0 where the line needs none).
    var lambda: [Double]
    /// The family with the raised caps.
    var relaxed: [LineProblem]
    var changes: [[SuggestedChange]]
  }

  /// nil when raising caps cannot make the family feasible (a lock outside its own floor and cap, a
  /// child's floor above its parent's lock, …): the fewest-changes MIP then decides.
  static func find(_ lines: [LineProblem], areaNames: [String], solver: SolverContext) -> Outcome? {
    for line in lines {
      for s in 0..<line.count {
        if let lock = line.lock[s], lock > line.cap[s] + 1e-9 || lock < line.floor[s] - 1e-9 { return nil }
      }
    }
    let (built, lambdas) = model(lines)
    let solution = solver.solve(built.model)
    guard solution.status == .optimal else { return nil }
    var relaxed = lines
    var changes: [[SuggestedChange]] = lines.map { _ in [] }
    var lambda = lines.map { _ in 0.0 }
    for (m, line) in lines.enumerated() {
      let l = solution.values[lambdas[m]]
      guard l > 1e-9 else { continue }
      lambda[m] = l
      for s in 0..<line.count where line.lock[s] == nil {
        let raised = (line.cap[s] + l * headroom(line, s) - 1e-7).rounded(.up)
        guard raised > line.cap[s] else { continue }
        relaxed[m].cap[s] = raised
        changes[m].append(
          SuggestedChange(
            kind: .raiseCap, indicator: line.indicator.id, area: areaNames[line.areas[s]],
            from: line.cap[s] * line.unit, to: raised * line.unit))
      }
    }
    return Outcome(lambda: lambda, relaxed: relaxed, changes: changes)
  }

  /// The area's headroom in model units, at least one unit.
  static func headroom(_ line: LineProblem, _ s: Int) -> Double { max(1, line.cap[s] - line.baseline[s]) }

  /// The LP: the family's rows with caps lifted into `x − h·λ_m ≤ cap` rows.
  static func model(_ lines: [LineProblem]) -> (Builder, [Int]) {
    let ceiling = lines.reduce(0) { $0 + $1.required + ($1.cap.max() ?? 0) } + 1
    var built = Builder(
      lines: lines,
      lower: lines.map { line in (0..<line.count).map { line.lock[$0] ?? line.floor[$0] } },
      upper: lines.map { line in (0..<line.count).map { line.lock[$0] ?? ceiling } },
      integer: false)
    var lambdas: [Int] = []
    for (m, line) in lines.enumerated() {
      let l = built.model.addVariable("lambda_\(line.indicator.id)", lower: 0, upper: nil, cost: 1)
      lambdas.append(l)
      for s in 0..<line.count where line.lock[s] == nil {
        built.model.addConstraint(
          "cap_\(line.indicator.id)_\(line.areas[s] + 1)",
          [.init(built.x[m][s], 1), .init(l, -headroom(line, s))], upper: line.cap[s])
      }
    }
    return (built, lambdas)
  }
}
