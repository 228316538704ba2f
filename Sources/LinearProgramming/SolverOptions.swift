/// Options of one solve.
public struct SolverOptions: Sendable {
  /// Wall-clock limit for one solve, in seconds. A MIP stopped by it is reported `.timeLimit` with
  /// the best solution found (status `.feasible`), never as optimal.
  public var timeLimit: Double
  /// Relative MIP gap at which branch-and-bound may stop (0 = prove optimality).
  public var mipGap: Double

  public init(timeLimit: Double = 30, mipGap: Double = 0) {
    self.timeLimit = timeLimit
    self.mipGap = mipGap
  }
}
