import FenjieText
import LinearProgramming

/// A family that cannot be allocated as set: what is short, the repair shown in the table, and the
/// alternatives. Every repair is re-solved before it is shown or listed.
extension Allocator {
  /// A repair applied to the family and re-solved.
  struct AppliedRepair {
    var relaxed: [LineProblem]
    var changes: [[SuggestedChange]]
    var outcome: FamilyOutcome
    /// Per member, the uniform extra share of headroom (nil for the fewest-changes repair).
    var lambda: [Double]?
  }

  func explainInfeasible(
    _ members: [LineProblem], _ family: [String], failure: FamilySolver.Failure, solver: SolverContext,
    context: BaselineContext, lines: inout [String: IndicatorAllocation], models: inout [LinearModel],
    diagnostics: inout [Diagnostic]
  ) {
    guard failure.termination == .infeasible else {
      blank(family, Say.Allocation.couldNotAllocate(failure.message).text(), lines: &lines, diagnostics: &diagnostics)
      return
    }
    let spread = spreadRepair(members, solver: solver)
    let fewest = fewestChanges(members, solver: solver, needed: spread == nil)
    guard let shown = spread ?? fewest else {
      blank(
        family,
        Say.Allocation.contradictory.text(),
        lines: &lines, diagnostics: &diagnostics)
      return
    }
    models.append(shown.outcome.finalModel)
    record(shown.outcome, shown.relaxed, family, status: shown.outcome.termination == .optimal ? .optimal : .feasible, into: &lines)
    // Show the floors, caps and locks as set; the changes are listed separately.
    for (m, id) in family.enumerated() {
      for (s, position) in members[m].areas.enumerated() {
        let area = dataset.areas[position]
        lines[id]?.areas[area]?.floor = members[m].floor[s] * members[m].unit
        lines[id]?.areas[area]?.cap = members[m].cap[s] * members[m].unit
      }
    }
    for (m, id) in family.enumerated() {
      explainMember(
        m, id, members, shown: shown, alternative: spread == nil ? nil : fewest, solver: solver,
        context: context, lines: &lines, diagnostics: &diagnostics)
    }
  }

  /// The uniform extra growth (`SpreadRepair`), re-solved.
  func spreadRepair(_ members: [LineProblem], solver: SolverContext) -> AppliedRepair? {
    guard let found = SpreadRepair.find(members, areaNames: dataset.areas, solver: solver),
      let outcome = try? FamilySolver.solve(
        found.relaxed, rule: settings.rule, solver: solver, waterFilling: settings.waterFilling)
    else { return nil }
    return AppliedRepair(relaxed: found.relaxed, changes: found.changes, outcome: outcome, lambda: found.lambda)
  }

  /// The fewest changes (`ElasticSolver`, a MIP), re-solved. Where the spread repair exists it is
  /// only an alternative: a single line short of its target then needs one raised cap (the largest,
  /// which is the smallest change relative to the cap), with no MIP; a family gets the MIP only
  /// when small, with a short time limit.
  func fewestChanges(_ members: [LineProblem], solver: SolverContext, needed: Bool) -> AppliedRepair? {
    var limited = solver
    if !needed {
      if members.count == 1, let single = ElasticSolver.raiseOneCap(members[0], areaNames: dataset.areas) {
        return verified(single, solver: solver)
      }
      guard members.reduce(0, { $0 + $1.count }) <= 60 else { return nil }
      limited.options.timeLimit = min(solver.options.timeLimit, 5)
    }
    guard let elastic = ElasticSolver.relax(members, areaNames: dataset.areas, solver: limited) else { return nil }
    return verified(elastic, solver: solver)
  }

  /// A repair re-solved, or nil where the re-solve fails.
  func verified(_ elastic: ElasticSolver.Outcome, solver: SolverContext) -> AppliedRepair? {
    guard
      let outcome = try? FamilySolver.solve(
        elastic.relaxed, rule: settings.rule, solver: solver, waterFilling: settings.waterFilling)
    else { return nil }
    return AppliedRepair(relaxed: elastic.relaxed, changes: elastic.changes, outcome: outcome, lambda: nil)
  }

  /// Every member of the family marked "/" with the reason.
  func blank(
    _ family: [String], _ reason: String, lines: inout [String: IndicatorAllocation], diagnostics: inout [Diagnostic]
  ) {
    for id in family {
      lines[id]?.status = .infeasible
      for area in dataset.areas { lines[id]?.areas[area] = AreaAllocation(value: nil) }
      diagnostics.append(Diagnostic(.error, indicator: id, reason))
    }
  }

  /// The note of one member: the shortfall, the repair shown, the growth setting that would do it,
  /// and the fewest-changes alternative where it is small (at most two changes).
  func explainMember(
    _ m: Int, _ id: String, _ members: [LineProblem], shown: AppliedRepair, alternative: AppliedRepair?,
    solver: SolverContext, context: BaselineContext, lines: inout [String: IndicatorAllocation],
    diagnostics: inout [Diagnostic]
  ) {
    let line = members[m]
    let changes = shown.changes[m]
    lines[id]?.changes = changes
    let largest = ElasticSolver.largestTotal(members, member: m, solver: solver)
    lines[id]?.largestFeasibleTotal = largest
    let required = line.required * line.unit
    let short = largest.map { $0 < required - 1e-9 } ?? false
    guard short || !changes.isEmpty else { return }
    lines[id]?.status = .infeasible
    var parts: [Message] = []
    if let largest, short {
      parts.append(Say.Allocation.shortBy(format(required, line), format(largest, line), format(required - largest, line)))
    } else if members.contains(where: { $0.parent == m }) {
      parts.append(Say.Allocation.childrenNoRoom(plural: members.filter { $0.parent == m }.count > 1))
    } else if line.parent != nil {
      parts.append(Say.Allocation.parentTooTight)
    } else {
      parts.append(Say.Allocation.contradict)
    }
    if changes.isEmpty {
      parts.append(Say.Allocation.parentRepairMakesRoom)
    } else {
      parts.append(repairSentence(changes, line, lambda: shown.lambda?[m]))
    }
    if short, let growth = neededGrowth(members, member: m, target: lines[id]?.districtTarget ?? 0, context: context, solver: solver) {
      parts.append(Say.Allocation.moreGrowth(id, JSONValueless(growth), JSONValueless(settings.capacity(for: id).maxGrowth)))
      lines[id]?.neededMaxGrowth = growth
    }
    if let alternative, (1...2).contains(alternative.changes[m].count) {
      let listed = Say.Allocation.clauses(alternative.changes[m].map { Message(zh: describe($0, line, .chinese), en: describe($0, line, .english)) })
      parts.append(Say.Allocation.alternative(listed.text()))
    }
    diagnostics.append(Diagnostic(.error, indicator: id, Say.Allocation.sentences(parts).text()))
  }

  /// "repair shown in the table: …", listing at most twelve changes.
  func repairSentence(_ changes: [SuggestedChange], _ line: LineProblem, lambda: Double?) -> Message {
    var items = changes.prefix(12).map { Message(zh: describe($0, line, .chinese), en: describe($0, line, .english)) }
    if changes.count > 12 { items.append(Say.Allocation.andMore(changes.count - 12)) }
    let listed = Say.Allocation.clauses(items)
    guard let lambda, lambda > 0 else {
      return Message(
        zh: Say.Allocation.smallestChanges(changes.count, listed.chinese).chinese,
        en: Say.Allocation.smallestChanges(changes.count, listed.english).english)
    }
    let share = format2(lambda * 100)
    return Message(
      zh: Say.Allocation.spreadRepair(share, listed.chinese).chinese, en: Say.Allocation.spreadRepair(share, listed.english).english)
  }
}
