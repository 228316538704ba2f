import FenjieCore

/// Why a plan cannot be drafted or its odds simulated as asked. Problems in what the user fed in are
/// `InputError`s of `FenjieFiles`, found while reading; these are found later, while planning.
public enum PlanningError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The scenario asks for what its data cannot give (a year outside the plan, a share with no
  /// 规上工业总产值, a plan whose goal year is already known): the user's input is at fault.
  case scenario(file: String, message: String)
  /// The simulation engine refused the input the planning layer built for it: a run failed.
  case simulation(file: String, message: String)

  /// Whether the user's input is at fault (exit status 2) rather than a run (exit status 1).
  public var isInputProblem: Bool {
    if case .scenario = self { return true }
    return false
  }

  public var description: String {
    switch self {
    case .scenario(let file, let message), .simulation(let file, let message): return "\(file): \(message)"
    }
  }
}
