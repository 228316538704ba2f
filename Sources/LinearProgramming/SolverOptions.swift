/// Options of one solve.
public struct SolverOptions: Sendable {
  /// Wall-clock limit for one solve, in seconds. A MIP stopped by it is reported `.timeLimit` with
  /// the best solution found (status `.feasible`), never as optimal.
  public var timeLimit: Double
  /// Relative MIP gap at which branch-and-bound may stop (0 = prove optimality).
  public var mipGap: Double
  /// How far from a whole number an integer variable's value may be and still count as whole
  /// (GLPK's `tol_int`; its default 1e-5). The MIPs of repairs use a tight value, since their big-M
  /// rows turn a tolerated 1e-5 on a binary into units of slack.
  public var integralityTolerance: Double

  public static let defaultIntegralityTolerance = 1e-5
  /// The tolerance of the lock/group repair and rounding MIPs.
  public static let tightIntegralityTolerance = 1e-9

  public init(timeLimit: Double = 30, mipGap: Double = 0, integralityTolerance: Double = 1e-5) {
    self.timeLimit = timeLimit
    self.mipGap = mipGap
    self.integralityTolerance = integralityTolerance
  }
}
