/// Anything that solves a `LinearModel`: GLPK today (the `GLPK` module's `GLPKSolver`), another
/// solver tomorrow. The allocation takes one as a parameter and never names a solver; only the command
/// line chooses.
///
/// A conforming solver never stops the process: a model it cannot take is a `.invalidModel`
/// termination with a message, a time limit is `.timeLimit` with the best solution found.
public protocol LinearSolver: Sendable {
  func solve(_ model: LinearModel, options: SolverOptions) -> Solution
}

extension LinearSolver {
  public func solve(_ model: LinearModel) -> Solution { solve(model, options: SolverOptions()) }
}
