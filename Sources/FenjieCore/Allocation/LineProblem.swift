import LinearProgramming

/// One line's allocation problem in whole units of its resolution (1 for counts, 0.01 for amounts),
/// over its open areas only. Built by `Allocator`, solved (with its parent and "其中" lines) by
/// `FamilySolver`.
struct LineProblem: Sendable {
  var indicator: Indicator
  /// Positions in `Dataset.areas` of the open areas; every other array is indexed like this one.
  var areas: [Int]
  var baseline: [Double]
  var floor: [Double]
  var cap: [Double]
  var lock: [Double?]
  /// Last year's table (for the closest rule), or the baseline where there is none.
  var last: [Double]
  /// How far each area may exceed its parent line (0 except in an elastic re-solve).
  var parentAllowance: [Double]
  /// The required district total.
  var required: Double
  /// Index of the parent line within the family.
  var parent: Int?
  /// Groups of positions (in `areas`) that must get equal values.
  var equalGroups: [[Int]]
  /// Real units per model unit (the resolution).
  var unit: Double
  /// Positions in `Dataset.areas` of the areas with "/" on this line (an elastic re-solve may
  /// suggest opening one).
  var closed: [Int] = []
  /// The names of the open areas (for the tie rule of `FairRounding`), like `areas`.
  var areaNames: [String] = []

  var count: Int { areas.count }
}

/// The solver and the options of every solve in one allocation: the only way the allocation reaches
/// a solver.
struct SolverContext: Sendable {
  var solver: any LinearSolver
  var options: SolverOptions

  func solve(_ model: LinearModel) -> Solution { solver.solve(model, options: options) }
  /// The model kept loaded across solves changed by bounds and costs (`LinearSolver.session`).
  func session(_ model: LinearModel) -> any LinearSolverSession { solver.session(model, options: options) }
  /// The same solver with the tight integrality tolerance of the rounding and repair MIPs.
  var tightIntegrality: SolverContext {
    var tight = self
    tight.options.integralityTolerance = SolverOptions.tightIntegralityTolerance
    return tight
  }
}

/// The outcome of one family (a line with its "其中" lines).
struct FamilyOutcome {
  var termination: Termination
  /// Model units, per member, per open area.
  var values: [[Double]]
  var continuous: [[Double]]
  var binding: [[BindingConstraint?]]
  /// d(rule level)/d(required total) per member, per model unit.
  var marginalCost: [Double?]
  var ruleLevel: [Double?]
  var finalModel: LinearModel
}
