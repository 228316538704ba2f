/// Why the solver stopped. Kept apart from what solution it holds (`Solution.status`).
public enum Termination: String, Sendable, Equatable {
  /// Solved to proven optimality.
  case optimal
  /// A solution satisfying every constraint, not proven optimal.
  case feasible
  /// No point satisfies every constraint.
  case infeasible
  /// The objective can improve without limit.
  case unbounded
  /// The time limit stopped the search; the best solution found, if any, is kept.
  case timeLimit = "time_limit"
  /// The solver stopped on numerical difficulty (singular basis, ill conditioning).
  case numericalTrouble = "numerical_trouble"
  /// The model was refused before solving, or GLPK reported an internal error.
  case invalidModel = "invalid_model"
}

/// What the solver returned.
public struct Solution: Sendable {
  public enum Status: String, Sendable { case optimal, feasible, none }

  public var termination: Termination
  /// What the held values are worth: proven optimal, merely feasible, or nothing usable.
  public var status: Status
  /// GLPK's own return code (`glp_simplex`/`glp_intopt`; 0 when it ran to its end), kept for reports.
  public var rawCode: Int32
  public var message: String
  public var objective: Double
  /// One value per model variable (empty when `status == .none`).
  public var values: [Double]
  /// One activity (Σ coefficient·x) per constraint.
  public var activities: [Double]
  /// Row duals of an LP (sign: the change of the objective per unit increase of the row's bound, as
  /// GLPK reports it). `nil` for a MIP, which has none: fix the integers and solve the LP for them.
  public var duals: [Double]?

  public var hasSolution: Bool { status != .none }

  public init(
    termination: Termination, status: Status, rawCode: Int32, message: String, objective: Double,
    values: [Double], activities: [Double], duals: [Double]?
  ) {
    self.termination = termination
    self.status = status
    self.rawCode = rawCode
    self.message = message
    self.objective = objective
    self.values = values
    self.activities = activities
    self.duals = duals
  }
}
