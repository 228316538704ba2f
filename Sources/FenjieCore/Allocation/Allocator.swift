import FenjieText
import Dispatch
import Foundation
import LinearProgramming

/// Errors that stop an allocation before anything is solved.
public struct AllocationError: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// Drafts one year's 分解表: builds each line's problem from the dataset and the scenario's
/// settings (baselines, caps, floors, locks, groups, margins) and solves it with the solver it is
/// given (the command line gives GLPK).
public struct Allocator: Sendable {
  public let dataset: Dataset
  public let settings: AllocationSettings
  public let solver: any LinearSolver

  /// Position of each area in `dataset.areas`.
  let datasetIndex: [String: Int]

  public init(dataset: Dataset, settings: AllocationSettings, solver: any LinearSolver) {
    self.dataset = dataset
    self.settings = settings
    self.solver = solver
    datasetIndex = Dictionary(dataset.areas.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
  }

  public func allocate() throws(AllocationError) -> AllocationResult {
    let year = settings.year
    guard dataset.planYears.contains(year) else {
      throw AllocationError(Say.Allocation.yearOutsidePlan(year, dataset.planYears).text())
    }
    var diagnostics: [Diagnostic] = []
    let history = try chainedHistory(diagnostics: &diagnostics)
    let context = BaselineContext(dataset: dataset, history: history, year: year)
    var lines: [String: IndicatorAllocation] = [:]
    var problems: [String: LineProblem] = [:]
    for indicator in dataset.indicators where settings.onlyIndicators?.contains(indicator.id) ?? true {
      let (line, problem) = prepare(indicator, context: context, diagnostics: &diagnostics)
      lines[indicator.id] = line
      problems[indicator.id] = problem
    }
    let models = solveFamilies(problems, context: context, lines: &lines, diagnostics: &diagnostics)
    noteAboveTarget(lines, problems, diagnostics: &diagnostics)
    var sources = [dataset.targetsProvenance.label]
    for table in history where !sources.contains(table.provenance.label) && table.year < year {
      if context.usedTables.contains(where: { $0 == table.provenance }) { sources.append(table.provenance.label) }
    }
    return AllocationResult(
      region: dataset.region, year: year, rule: settings.rule, areas: dataset.areas,
      indicators: dataset.indicators.compactMap { lines[$0.id] }, diagnostics: diagnostics,
      usesIllustrativeData: context.usedTables.contains { $0.illustrative }, sources: sources,
      model: LinearModel.combined(models, name: "fenjie_\(year)"))
  }

  /// The tables before the year, with fenjie's own draft of the year before where that year has no
  /// published table (and, for "latest", no actuals either): never silently an older table.
  func chainedHistory(diagnostics: inout [Diagnostic]) throws(AllocationError) -> [AreaTable] {
    let year = settings.year
    var history = dataset.tables.filter { $0.year < year }
    let unpublished = dataset.table(year: year - 1, kind: .target) == nil
      && (settings.baseline == .allocated || dataset.table(year: year - 1, kind: .actual) == nil)
    guard unpublished, dataset.planYears.contains(year - 1),
      dataset.tables.contains(where: { $0.kind == .target && $0.year < year - 1 })
    else { return history }
    var previous = settings
    previous.year = year - 1
    previous.locks = []
    let before = try Allocator(dataset: dataset, settings: previous, solver: solver).allocate()
    history.append(before.targetTable())
    diagnostics.append(
      Diagnostic(
        .info, indicator: nil,
        Say.Allocation.noPublishedTable(year - 1).text()))
    return history
  }

  /// One line's row of the result so far and its problem (nil for a rate, or a line that cannot be
  /// set up: no target, a share without 规上工业总产值).
  func prepare(
    _ indicator: Indicator, context: BaselineContext, diagnostics: inout [Diagnostic]
  ) -> (IndicatorAllocation, LineProblem?) {
    let year = settings.year
    var line = IndicatorAllocation(
      indicator: indicator, districtTarget: nil, publishedTarget: dataset.targets[indicator.id]?[year],
      margin: settings.margin(for: indicator.id), requiredTotal: nil, allocatedTotal: nil,
      status: .optimal, areas: [:], marginalCost: nil, ruleLevel: nil,
      baselineSource: context.describeSources(indicator.id))
    guard let published = line.publishedTarget else {
      diagnostics.append(Diagnostic(.error, indicator: indicator.id, Say.Allocation.noDistrictTarget(year).text()))
      line.status = .infeasible
      return (line, nil)
    }
    let (open, possible) = openAreas(indicator, context: context, diagnostics: &diagnostics)
    if indicator.kind == .rate {
      line.status = .notSplit
      line.districtTarget = published
      let openSet = Set(open)
      for area in dataset.areas { line.areas[area] = AreaAllocation(value: openSet.contains(area) ? published : nil) }
      return (line, nil)
    }
    var target = published
    if indicator.kind == .share {
      guard let output = settings.industrialOutput[year] ?? dataset.industrialOutput[year] else {
        diagnostics.append(
          Diagnostic(
            .error, indicator: indicator.id,
            Say.Allocation.shareNeedsOutput(indicator.name, year, "\(published)").text()))
        line.status = .infeasible
        for area in dataset.areas { line.areas[area] = AreaAllocation(value: nil) }
        return (line, nil)
      }
      target = published / 100 * output
    }
    line.districtTarget = target
    var problem = buildProblem(indicator, target: target, open: open, context: context, diagnostics: &diagnostics)
    if let possible {
      let possibleSet = Set(possible)
      problem.closed = problem.closed.filter { possibleSet.contains(dataset.areas[$0]) }
    }
    line.requiredTotal = problem.required * problem.unit
    return (line, problem)
  }

  /// The areas open on a line and, for a "其中" line, the areas it could be opened in (its parent's
  /// open areas: where the parent has "/", so does it).
  func openAreas(
    _ indicator: Indicator, context: BaselineContext, diagnostics: inout [Diagnostic]
  ) -> (open: [String], possible: [String]?) {
    let open = context.openAreas(indicator.id, settings: settings)
    guard let parent = indicator.parent, dataset.indicator(parent)?.kind.isSplit == true else { return (open, nil) }
    let parentOpen = context.openAreas(parent, settings: settings)
    let parentSet = Set(parentOpen)
    let dropped = open.filter { !parentSet.contains($0) }
    if !dropped.isEmpty, indicator.kind != .rate {
      diagnostics.append(
        Diagnostic(.warning, indicator: indicator.id, Say.Allocation.parentNotApplicable(dropped).text()))
    }
    return (open.filter { parentSet.contains($0) }, parentOpen)
  }

  /// Solves family by family (a line together with its "其中" lines), explaining the infeasible ones;
  /// returns the final models, for `--write-lp`. Families are independent, so they are solved on
  /// `settings.threads` threads (each takes the next family; every GLPK problem is made, solved and
  /// freed on the thread that takes its family); each family's lines, models and notes are kept by
  /// its index and merged in family order, so the result is the same whatever the thread count.
  func solveFamilies(
    _ problems: [String: LineProblem], context: BaselineContext, lines: inout [String: IndicatorAllocation],
    diagnostics: inout [Diagnostic]
  ) -> [LinearModel] {
    let solver = SolverContext(solver: self.solver, options: SolverOptions(timeLimit: settings.timeLimit))
    let families = self.families(Set(problems.keys))
    let start = lines
    let solveOne = { (index: Int) -> FamilyResult in
      let family = families[index]
      var result = FamilyResult()
      for id in family { result.lines[id] = start[id] }
      self.solveFamily(family, problems, context: context, solver: solver, into: &result)
      return result
    }
    let results = Allocator.forEachIndex(families.count, threads: settings.resolvedThreads, solveOne)
    var models: [LinearModel] = []
    for result in results {
      for (id, line) in result.lines { lines[id] = line }
      models += result.models
      diagnostics += result.diagnostics
    }
    return models
  }

  /// What solving one family adds: its lines, its final models, its notes.
  struct FamilyResult {
    var lines: [String: IndicatorAllocation] = [:]
    var models: [LinearModel] = []
    var diagnostics: [Diagnostic] = []
  }

  func solveFamily(
    _ family: [String], _ problems: [String: LineProblem], context: BaselineContext, solver: SolverContext,
    into result: inout FamilyResult
  ) {
    var members = family.map { problems[$0]! }
    for (m, id) in family.enumerated() {
      if let parent = dataset.indicator(id)?.parent, let p = family.firstIndex(of: parent) { members[m].parent = p }
    }
    do {
      let outcome = try FamilySolver.solve(
        members, rule: settings.rule, solver: solver, waterFilling: settings.waterFilling)
      result.models.append(outcome.finalModel)
      record(outcome, members, family, status: outcome.termination == .optimal ? .optimal : .feasible, into: &result.lines)
      if outcome.termination != .optimal {
        for id in family {
          result.diagnostics.append(
            Diagnostic(.warning, indicator: id, Say.Allocation.solverStopped(outcome.termination.rawValue).text()))
        }
      }
    } catch {
      explainInfeasible(
        members, family, failure: error, solver: solver, context: context, lines: &result.lines,
        models: &result.models, diagnostics: &result.diagnostics)
    }
  }

  /// `body(i)` for every i in 0..<count on up to `threads` threads, the results in index order.
  static func forEachIndex<T>(_ count: Int, threads: Int, _ body: (Int) -> T) -> [T] {
    let workers = max(1, min(threads, count))
    if workers == 1 { return (0..<count).map(body) }
    let slots = IndexedResults<T>(count)
    withoutActuallyEscaping(body) { body in
      let work = UncheckedBox(body)
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while let index = slots.next() { slots.put(index, work.value(index)) }
      }
    }
    return slots.all()
  }

  // MARK: Building a line's problem

  func buildProblem(
    _ indicator: Indicator, target: Double, open: [String], context: BaselineContext,
    diagnostics: inout [Diagnostic]
  ) -> LineProblem {
    let unit = indicator.kind.resolution
    let margin = settings.margin(for: indicator.id)
    let required = (target * (1 + margin) / unit - 1e-6).rounded(.up)
    let parameters = settings.capacity(for: indicator.id)
    let minimum = settings.minimum(for: indicator.id)
    let estimate = roomBaselines(indicator.id, open: open) ?? context.estimateMissing(
      indicator.id, open: open, required: target * (1 + margin), settings: settings)
    if let note = estimate.note { diagnostics.append(Diagnostic(.warning, indicator: indicator.id, note)) }
    let baselines = estimate.baselines
    let explicit = settings.explicitBaselines[indicator.id] ?? [:]
    let peaks = open.indices.map { s in
      explicit[open[s]] == nil ? context.peak(indicator.id, open[s]) ?? baselines[s] : baselines[s]
    }
    let lasts = open.indices.map { s in context.lastTarget(indicator.id, open[s]) ?? baselines[s] }
    let baselineSum = baselines.reduce(0, +)
    let meanBaseline = open.isEmpty ? 0 : baselineSum / Double(open.count)
    var headroom = parameters.minHeadroom * meanBaseline
    if indicator.kind.isWhole { headroom = max(headroom, 1) }
    var caps: [Double] = []
    var floors: [Double] = []
    for s in open.indices {
      let b = baselines[s]
      var cap: Double
      switch parameters.rule {
      case .growth: cap = max(max(peaks[s], b) * (1 + parameters.maxGrowth), b + headroom)
      case .districtPace:
        let pace = baselineSum > 0 ? target * (1 + margin) / baselineSum : 1
        cap = max(b * pace * (1 + parameters.maxGrowth), b + headroom)
      case .none: cap = required * unit
      }
      // Whole units exactly: x ≥ 0.8 means x ≥ 1 for a count, x ≤ 2.5 means x ≤ 2.
      let floor = (max(minimum, b * (1 - min(1, max(0, parameters.maxDecline)))) / unit - 1e-6).rounded(.up)
      cap = max((cap / unit + 1e-6).rounded(.down), floor)
      let (roomFloor, roomCap) = roomBounds(indicator.id, open[s], unit: unit) ?? (floor, cap)
      caps.append(roomCap)
      floors.append(roomFloor)
    }
    let locks = scenarioLocks(indicator, open: open, caps: caps, floors: floors, diagnostics: &diagnostics)
    var groups: [[Int]] = []
    let openIndex = Dictionary(open.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    for group in settings.equalGroups where group.applies(to: indicator.id) {
      let positions = group.areas.compactMap { openIndex[$0] }
      if positions.count > 1 { groups.append(positions) }
    }
    return LineProblem(
      indicator: indicator, areas: open.map { datasetIndex[$0]! },
      baseline: baselines.map { $0 / unit }, floor: floors, cap: caps, lock: locks,
      last: lasts.map { $0 / unit }, parentAllowance: Array(repeating: 0, count: open.count),
      required: required, parent: nil, equalGroups: groups, unit: unit,
      closed: dataset.areas.indices.filter { openIndex[dataset.areas[$0]] == nil }, areaNames: open)
  }

  /// The scenario's locks on the line, in model units, each checked against the area's floor and cap
  /// (said before anything is solved; the repair then shows what would reconcile them).
  func scenarioLocks(
    _ indicator: Indicator, open: [String], caps: [Double], floors: [Double], diagnostics: inout [Diagnostic]
  ) -> [Double?] {
    let unit = indicator.kind.resolution
    var locks: [Double?] = Array(repeating: nil, count: open.count)
    for lock in settings.locks where lock.indicator == indicator.id {
      guard let s = open.firstIndex(of: lock.area) else {
        diagnostics.append(
          Diagnostic(.warning, indicator: indicator.id, Say.Allocation.lockIgnored(lock.area).text()))
        continue
      }
      let scaled = lock.value / unit
      if abs(scaled - scaled.rounded()) > 1e-6 {
        diagnostics.append(
          Diagnostic(.warning, indicator: indicator.id, Say.Allocation.lockRounded(lock.area, "\(lock.value)", "\(scaled.rounded() * unit)").text()))
      }
      locks[s] = scaled.rounded()
      let value = scaled.rounded() * unit
      if scaled.rounded() > caps[s] {
        diagnostics.append(
          Diagnostic(.error, indicator: indicator.id, Say.Allocation.lockAboveCap(lock.area, JSONValueless(value), JSONValueless(caps[s] * unit)).text(),
            isLockConflict: true))
      } else if scaled.rounded() < floors[s] {
        diagnostics.append(
          Diagnostic(.error, indicator: indicator.id, Say.Allocation.lockBelowFloor(lock.area, JSONValueless(value), JSONValueless(floors[s] * unit)).text(),
            isLockConflict: true))
      }
    }
    return locks
  }

  /// A line allocated above its district target (and above what its margin asks for) says why:
  /// floors and locks that add up to more, or "其中" lines that need room.
  func noteAboveTarget(
    _ lines: [String: IndicatorAllocation], _ problems: [String: LineProblem], diagnostics: inout [Diagnostic]
  ) {
    for indicator in dataset.indicators {
      guard let line = lines[indicator.id], let problem = problems[indicator.id], line.status != .notSplit,
        let total = line.allocatedTotal, let target = line.districtTarget, let required = line.requiredTotal
      else { continue }
      let unit = problem.unit
      // Above the total its margin asks for (the margin itself is shown with the table).
      guard total > target + unit / 2, total > required + unit / 2 else { continue }
      var reasons: [Message] = []
      if line.margin > 0 { reasons.append(Say.Allocation.reasonMargin(format2(line.margin * 100), format(required, problem))) }
      do {
        let lower = (0..<problem.count).reduce(0.0) { $0 + (problem.lock[$1] ?? problem.floor[$1]) } * unit
        if lower >= total - unit / 2 {
          reasons.append(Say.Allocation.reasonFloors(format(lower, problem)))
        } else if dataset.children(of: indicator.id).contains(where: { problems[$0.id] != nil }) {
          reasons.append(Say.Allocation.reasonChildren)
        } else {
          reasons.append(Say.Allocation.reasonWholeUnits)
        }
      }
      guard !reasons.isEmpty else { continue }
      diagnostics.append(
        Diagnostic(
          .info, indicator: indicator.id,
          Say.Allocation.aboveTarget(format(total, problem), format(target, problem), Say.Allocation.clauses(reasons)).text()))
    }
  }

  /// Groups of indicator ids: each root line followed by its descendants, parents before children.
  private func families(_ ids: Set<String>) -> [[String]] {
    var result: [[String]] = []
    for indicator in dataset.indicators where ids.contains(indicator.id) {
      if let parent = indicator.parent, ids.contains(parent) { continue }
      var family = [indicator.id]
      var index = 0
      while index < family.count {
        for child in dataset.children(of: family[index]) where ids.contains(child.id) && !family.contains(child.id) {
          family.append(child.id)
        }
        index += 1
      }
      result.append(family)
    }
    return result
  }

  // MARK: Results

  func record(
    _ outcome: FamilyOutcome, _ members: [LineProblem], _ family: [String], status: LineStatus,
    into lines: inout [String: IndicatorAllocation]
  ) {
    for (m, id) in family.enumerated() {
      let problem = members[m]
      var line = lines[id]!
      line.status = status
      let slot = Dictionary(problem.areas.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
      line.marginalCost = outcome.marginalCost[m]
      line.ruleLevel = outcome.ruleLevel[m]
      var total = 0.0
      for (position, area) in dataset.areas.enumerated() {
        guard let s = slot[position] else {
          line.areas[area] = AreaAllocation(value: nil)
          continue
        }
        var cell = AreaAllocation(value: outcome.values[m][s] * problem.unit)
        cell.baseline = problem.baseline[s] * problem.unit
        cell.floor = problem.floor[s] * problem.unit
        cell.cap = problem.cap[s] * problem.unit
        cell.locked = problem.lock[s] != nil
        cell.continuous = outcome.continuous[m][s] * problem.unit
        cell.binding = outcome.binding[m][s]
        total += outcome.values[m][s]
        line.areas[area] = cell
      }
      line.allocatedTotal = total * problem.unit
      lines[id] = line
    }
  }

  /// The smallest `max_growth` (to two decimals, up to 20 = +2000%) at which the family becomes
  /// feasible when only line `m`'s caps change, found by bisection on the capacity rule.
  func neededGrowth(
    _ members: [LineProblem], member m: Int, target: Double, context: BaselineContext, solver: SolverContext
  ) -> Double? {
    let parameters = settings.capacity(for: members[m].indicator.id)
    guard parameters.rule != .none else { return nil }
    let open = members[m].areas.map { dataset.areas[$0] }
    func feasible(_ growth: Double) -> Bool {
      var changed = settings
      var p = parameters
      p.maxGrowth = growth
      changed.capacityByIndicator[members[m].indicator.id] = p
      var ignored: [Diagnostic] = []
      var lines = members
      let rebuilt = Allocator(dataset: dataset, settings: changed, solver: solver.solver).buildProblem(
        members[m].indicator, target: target, open: open, context: context, diagnostics: &ignored)
      lines[m].cap = rebuilt.cap
      return FamilySolver.isFeasible(lines, solver: solver)
    }
    var low = parameters.maxGrowth
    var high = 20.0
    guard feasible(high) else { return nil }
    for _ in 0..<30 where high - low > 0.005 {
      let mid = (low + high) / 2
      if feasible(mid) { high = mid } else { low = mid }
    }
    return (high * 100).rounded(.up) / 100
  }

  func format(_ value: Double, _ line: LineProblem) -> String {
    let text = line.unit >= 1 ? String(Int(value.rounded())) : String(format2(value))
    return text + line.indicator.areaUnit
  }

  func describe(_ change: SuggestedChange, _ line: LineProblem, _ language: Language = .current) -> String {
    let area = change.area ?? ""
    func f(_ v: Double?) -> String { v.map { line.unit >= 1 ? String(Int($0.rounded())) : format2($0) } ?? "" }
    let delta = (change.to ?? 0) - (change.from ?? 0)
    let signed = (delta >= 0 ? "+" : "") + f(delta)
    switch change.kind {
    case .raiseCap: return Say.Allocation.raiseCap(area, f(change.from), f(change.to), signed).text(language)
    case .lowerFloor: return Say.Allocation.lowerFloor(area, f(change.from), f(change.to), signed).text(language)
    case .changeLock: return Say.Allocation.changeLock(area, f(change.from), f(change.to), signed).text(language)
    case .exceedParent: return Say.Allocation.exceedParent(area, f(change.to)).text(language)
    case .breakEqualGroup: return Say.Allocation.breakEqualGroup(area).text(language)
    case .openArea: return Say.Allocation.openArea(area, f(change.to)).text(language)
    }
  }
}

/// A number in its shortest form (0.41, 2, 0.125).
func JSONValueless(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
}

/// Two decimals, without Foundation's locale.
public func format2(_ value: Double) -> String {
  let hundredths = Int((value * 100).rounded())
  let sign = hundredths < 0 ? "-" : ""
  let magnitude = abs(hundredths)
  let fraction = magnitude % 100
  return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

extension AllocationResult {
  /// The result as a target table of its year (to chain baselines, or to simulate it).
  public func targetTable() -> AreaTable {
    var values: [String: [String: AreaValue]] = [:]
    for line in indicators {
      var row: [String: AreaValue] = [:]
      for area in areas {
        if let value = line.areas[area]?.value { row[area] = .value(value) } else { row[area] = .notApplicable }
      }
      values[line.indicator.id] = row
    }
    return AreaTable(
      year: year, kind: .target,
      provenance: Provenance(source: Say.Allocation.ownAllocation(year).text(), illustrative: usesIllustrativeData, file: ""),
      values: values)
  }
}

/// Results written by index from several threads, and the next index to take.
private final class IndexedResults<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [T?]
  private var taken = 0

  init(_ count: Int) { values = Array(repeating: nil, count: count) }

  func next() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard taken < values.count else { return nil }
    taken += 1
    return taken - 1
  }

  func put(_ index: Int, _ value: T) {
    lock.lock()
    values[index] = value
    lock.unlock()
  }

  func all() -> [T] {
    lock.lock()
    defer { lock.unlock() }
    return values.map { $0! }
  }
}

/// A value handed to the worker threads of `forEachIndex`, which only read it.
private struct UncheckedBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
