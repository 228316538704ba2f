/// Anything that solves a `LinearModel`: GLPK today (the `GLPK` module's `GLPKSolver`), another
/// solver tomorrow. The allocation takes one as a parameter and never names a solver; only the command
/// line chooses.
///
/// A conforming solver never stops the process: a model it cannot take is a `.invalidModel`
/// termination with a message, a time limit is `.timeLimit` with the best solution found.
public protocol LinearSolver: Sendable {
  func solve(_ model: LinearModel, options: SolverOptions) -> Solution

  /// A model kept loaded across solves that differ only in bounds and objective coefficients (the
  /// steps of a lexicographic sequence). A solver that can reuse its basis starts each solve from the
  /// last one's; the default rebuilds the model at every solve. A session belongs to the thread that
  /// opened it: use and drop it there.
  func session(_ model: LinearModel, options: SolverOptions) -> any LinearSolverSession
}

extension LinearSolver {
  public func solve(_ model: LinearModel) -> Solution { solve(model, options: SolverOptions()) }

  public func session(_ model: LinearModel, options: SolverOptions) -> any LinearSolverSession {
    RebuildingSession(model: model, options: options, solver: self)
  }
}

/// One model solved again and again with changed bounds and costs (see `LinearSolver.session`).
/// `model` always mirrors what the next `solve()` solves.
public protocol LinearSolverSession: AnyObject {
  var model: LinearModel { get }
  func setBounds(_ variable: Int, lower: Double?, upper: Double?)
  func setRowBounds(_ row: Int, lower: Double?, upper: Double?)
  func setCost(_ variable: Int, _ cost: Double)
  func solve() -> Solution
}

/// The default session: the model is changed in Swift and handed whole to the solver at each solve.
public final class RebuildingSession: LinearSolverSession {
  public private(set) var model: LinearModel
  let options: SolverOptions
  let solver: any LinearSolver

  public init(model: LinearModel, options: SolverOptions, solver: any LinearSolver) {
    self.model = model
    self.options = options
    self.solver = solver
  }

  public func setBounds(_ variable: Int, lower: Double?, upper: Double?) {
    model.setBounds(variable, lower: lower, upper: upper)
  }
  public func setRowBounds(_ row: Int, lower: Double?, upper: Double?) {
    model.setRowBounds(row, lower: lower, upper: upper)
  }
  public func setCost(_ variable: Int, _ cost: Double) { model.setCost(variable, cost) }
  public func solve() -> Solution { solver.solve(model, options: options) }
}
