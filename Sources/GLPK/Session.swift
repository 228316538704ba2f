import CGLPK
import FenjieText
import LinearProgramming

/// One `glp_prob` kept loaded across solves that change only bounds and objective coefficients: GLPK's
/// simplex (presolver off) starts from the basis the problem holds, which is the last solve's, so a
/// sequence of small changes costs a few pivots each instead of a new problem and a solve from the
/// slack basis. Like `Problem`, a session lives and dies on the thread that opened it (GLPK's
/// environment is per thread). Changed bounds are checked as `LinearModel.problem` checks a model's,
/// and a bad one makes the next solve an `.invalidModel` termination instead of a GLPK abort.
final class GLPKSession: LinearSolverSession {
  private(set) var model: LinearModel
  private let options: SolverOptions
  private var problem: Problem?
  /// Why nothing can be solved (a refused model or bound, or GLPK's fatal error), or nil.
  private var refusal: String?

  init(_ model: LinearModel, options: SolverOptions) {
    self.model = model
    self.options = options
    if let problem = model.problem {
      refusal = problem
      return
    }
    var built: Problem?
    if let failure = GLPKSolver.guarded({ built = Problem(model) }) {
      refusal = Say.Solver.internalError(failure).text()
    }
    problem = built
  }

  func setBounds(_ variable: Int, lower: Double?, upper: Double?) {
    model.setBounds(variable, lower: lower, upper: upper)
    let name = model.variables[variable].name
    if let reason = GLPKSession.badBounds(lower, upper, integer: model.variables[variable].isInteger) {
      refuse(Say.Solver.variable(name).followed(by: reason).text())
      return
    }
    guard let problem else { return }
    let (type, l, u) = Problem.boundType(lower, upper)
    glp_set_col_bnds(problem.pointer, Int32(variable + 1), type, l, u)
  }

  func setRowBounds(_ row: Int, lower: Double?, upper: Double?) {
    model.setRowBounds(row, lower: lower, upper: upper)
    if let reason = GLPKSession.badBounds(lower, upper, integer: false) {
      refuse(Say.Solver.constraint(model.constraints[row].name).followed(by: reason).text())
      return
    }
    guard let problem else { return }
    let (type, l, u) = Problem.boundType(lower, upper)
    glp_set_row_bnds(problem.pointer, Int32(row + 1), type, l, u)
  }

  func setCost(_ variable: Int, _ cost: Double) {
    model.setCost(variable, cost)
    guard cost.isFinite, abs(cost) <= LinearModel.largestMagnitude else {
      refuse(Say.Solver.variable(model.variables[variable].name).followed(by: Say.Solver.badCost).text())
      return
    }
    guard let problem else { return }
    glp_set_obj_coef(problem.pointer, Int32(variable + 1), cost)
  }

  func solve() -> Solution {
    if let refusal {
      return Solution(
        termination: .invalidModel, status: .none, rawCode: -1, message: refusal, objective: .nan,
        values: [], activities: [], duals: nil)
    }
    guard let problem else { preconditionFailure("a session without a refusal holds a problem") }
    var result: Solution?
    let isMIP = model.isMixedInteger
    let options = self.options
    if let failure = GLPKSolver.guarded({
      result = isMIP
        ? GLPKSolver.solveMIP(problem, options: options) : GLPKSolver.solveLP(problem, options: options)
    }) {
      // GLPK freed its environment, and the problem with it.
      self.problem = nil
      refuse(Say.Solver.internalError(failure).text())
      return solve()
    }
    return result!
  }

  private func refuse(_ reason: String) {
    if refusal == nil { refusal = reason }
  }

  /// What `LinearModel.problem` would say of these bounds, or nil.
  static func badBounds(_ lower: Double?, _ upper: Double?, integer: Bool) -> Message? {
    func bad(_ value: Double?) -> Bool {
      guard let value else { return false }
      return !value.isFinite || abs(value) > LinearModel.largestMagnitude
    }
    if bad(lower) || bad(upper) { return Say.Solver.badBound }
    if let l = lower, let u = upper, l > u { return Say.Solver.crossedBounds("\(l)", "\(u)") }
    if integer, let l = lower, l.rounded() != l { return Say.Solver.fractionalLower("\(l)") }
    if integer, let u = upper, u.rounded() != u { return Say.Solver.fractionalUpper("\(u)") }
    return nil
  }
}
