import CGLPK
import LinearProgramming
import CGLPKGuard
import FenjieText
import Foundation

/// Solves `LinearModel`s with GLPK: the simplex method for LPs, branch-and-cut for MIPs.
///
/// Every model is checked before it reaches GLPK (GLPK aborts the process on bad arguments), GLPK's
/// terminal output is off, and GLPK's error hook turns an internal failure into an
/// `.invalidModel` termination with GLPK's message instead of a dead process.
public struct GLPKSolver: LinearSolver {
  public init() {}

  /// `LinearSolver`: the same as the static `solve`.
  public func solve(_ model: LinearModel, options: SolverOptions) -> Solution {
    GLPKSolver.solve(model, options: options)
  }

  public static func solve(_ model: LinearModel, options: SolverOptions = SolverOptions()) -> Solution {
    if let problem = model.problem {
      return Solution(
        termination: .invalidModel, status: .none, rawCode: -1, message: problem, objective: .nan,
        values: [], activities: [], duals: nil)
    }
    var result: Solution?
    let failure = guarded {
      let problem = Problem(model)
      result = model.isMixedInteger
        ? solveMIP(problem, options: options) : solveLP(problem, options: options)
    }
    if let failure {
      return Solution(
        termination: .invalidModel, status: .none, rawCode: -1,
        message: Say.Solver.internalError(failure).text(), objective: .nan, values: [],
        activities: [], duals: nil)
    }
    return result!
  }

  /// `LinearSolver`: one GLPK problem kept across solves (`GLPKSession`), so each simplex starts from
  /// the basis the last one ended with.
  public func session(_ model: LinearModel, options: SolverOptions) -> any LinearSolverSession {
    GLPKSession(model, options: options)
  }

  // MARK: Internals

  /// Runs `body` under GLPK's error hook; returns GLPK's message if GLPK failed fatally. (After
  /// such a failure GLPK jumps over the Swift frames of `body`, so whatever they held is leaked:
  /// a small price for a process that lives on.)
  static func guarded(_ body: @escaping () -> Void) -> String? {
    final class Box {
      let body: () -> Void
      init(_ body: @escaping () -> Void) { self.body = body }
    }
    let box = Box(body)
    let code = withExtendedLifetime(box) {
      fenjie_glpk_guarded(
        { context in Unmanaged<Box>.fromOpaque(context!).takeUnretainedValue().body() },
        Unmanaged.passUnretained(box).toOpaque())
    }
    if code == 0 { return nil }
    let text = String(cString: fenjie_glpk_last_error())
      .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    return text.isEmpty ? "no message" : text.joined(separator: "; ")
  }

  private static func milliseconds(_ seconds: Double) -> Int32 {
    Int32(clamping: Int((max(0.001, seconds) * 1000).rounded()))
  }

  static func solveLP(_ problem: Problem, options: SolverOptions) -> Solution {
    var parameters = glp_smcp()
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.presolve = GLP_OFF
    parameters.tm_lim = milliseconds(options.timeLimit)
    let code = glp_simplex(problem.pointer, &parameters)
    let status = glp_get_status(problem.pointer)
    let termination: Termination
    var solutionStatus: Solution.Status = .none
    switch (code, status) {
    case (0, GLP_OPT): termination = .optimal; solutionStatus = .optimal
    case (0, GLP_NOFEAS), (0, GLP_INFEAS): termination = .infeasible
    case (0, GLP_UNBND): termination = .unbounded
    case (GLP_ETMLIM, _), (GLP_EITLIM, _):
      termination = .timeLimit
      if status == GLP_FEAS { solutionStatus = .feasible }
    case (GLP_ENOPFS, _): termination = .infeasible
    case (GLP_ENODFS, _): termination = .unbounded
    case (GLP_EBADB, _), (GLP_EBOUND, _): termination = .invalidModel
    default: termination = .numericalTrouble
    }
    return read(problem, termination: termination, status: solutionStatus, code: code, mip: false)
  }

  static func solveMIP(_ problem: Problem, options: SolverOptions) -> Solution {
    var parameters = glp_iocp()
    glp_init_iocp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    parameters.presolve = GLP_ON
    parameters.tm_lim = milliseconds(options.timeLimit)
    parameters.mip_gap = options.mipGap
    parameters.tol_int = options.integralityTolerance
    let code = glp_intopt(problem.pointer, &parameters)
    let status = glp_mip_status(problem.pointer)
    let termination: Termination
    var solutionStatus: Solution.Status = status == GLP_OPT ? .optimal : status == GLP_FEAS ? .feasible : .none
    switch code {
    case 0:
      switch status {
      case GLP_OPT: termination = .optimal
      case GLP_FEAS: termination = .feasible
      case GLP_NOFEAS: termination = .infeasible
      default: termination = .numericalTrouble
      }
    case GLP_ENOPFS: termination = .infeasible; solutionStatus = .none
    case GLP_ENODFS: termination = .unbounded; solutionStatus = .none
    case GLP_ETMLIM: termination = .timeLimit; if solutionStatus == .optimal { solutionStatus = .feasible }
    case GLP_EMIPGAP: termination = .feasible; if solutionStatus == .optimal { solutionStatus = .feasible }
    case GLP_EBOUND: termination = .invalidModel; solutionStatus = .none
    default: termination = .numericalTrouble
    }
    return read(problem, termination: termination, status: solutionStatus, code: code, mip: true)
  }

  private static func read(
    _ problem: Problem, termination: Termination, status: Solution.Status, code: Int32, mip: Bool
  ) -> Solution {
    let p = problem.pointer
    let columns = problem.model.variables.count
    let rows = problem.model.constraints.count
    guard status != .none else {
      return Solution(
        termination: termination, status: .none, rawCode: code, message: message(termination, code),
        objective: .nan, values: [], activities: [], duals: nil)
    }
    let values = (0..<columns).map { mip ? glp_mip_col_val(p, Int32($0 + 1)) : glp_get_col_prim(p, Int32($0 + 1)) }
    let activities = (0..<rows).map { mip ? glp_mip_row_val(p, Int32($0 + 1)) : glp_get_row_prim(p, Int32($0 + 1)) }
    let duals: [Double]? = mip ? nil : (0..<rows).map { glp_get_row_dual(p, Int32($0 + 1)) }
    let objective = mip ? glp_mip_obj_val(p) : glp_get_obj_val(p)
    return Solution(
      termination: termination, status: status, rawCode: code, message: message(termination, code),
      objective: objective, values: values, activities: activities, duals: duals)
  }

  private static func message(_ termination: Termination, _ code: Int32) -> String {
    switch termination {
    case .optimal: return Say.Solver.optimal.text()
    case .feasible: return Say.Solver.feasible.text()
    case .infeasible: return Say.Solver.infeasible.text()
    case .unbounded: return Say.Solver.unbounded.text()
    case .timeLimit: return Say.Solver.timeLimit.text()
    case .numericalTrouble: return Say.Solver.numericalTrouble(code).text()
    case .invalidModel: return Say.Solver.refused(code).text()
    }
  }
}
