/// A linear or mixed-integer program as plain Swift data, independent of any solver.
///
/// Indices are 0-based Swift indices; the 1-based numbering and dummy slot 0 of GLPK never leave
/// `Problem`. Bounds use `nil` for "none" (−∞ below, +∞ above).
public struct LinearModel: Sendable, Equatable {
  public enum Sense: String, Sendable { case minimize, maximize }

  public struct Variable: Sendable, Equatable {
    /// Used in LP files and messages; kept to what the CPLEX LP format accepts (see `Problem`).
    public var name: String
    public var lower: Double?
    public var upper: Double?
    public var isInteger: Bool
    /// Objective coefficient.
    public var cost: Double
  }

  /// One row: `lower ≤ Σ coefficient·x[variable] ≤ upper`.
  public struct Constraint: Sendable, Equatable {
    public var name: String
    public var terms: [Term]
    public var lower: Double?
    public var upper: Double?
  }

  public struct Term: Sendable, Equatable {
    public var variable: Int
    public var coefficient: Double
    public init(_ variable: Int, _ coefficient: Double) {
      self.variable = variable
      self.coefficient = coefficient
    }
  }

  public var name: String
  public var sense: Sense
  public var objectiveConstant: Double = 0
  public private(set) var variables: [Variable] = []
  public private(set) var constraints: [Constraint] = []

  public init(name: String = "model", sense: Sense = .minimize) {
    self.name = name
    self.sense = sense
  }

  public var isMixedInteger: Bool { variables.contains { $0.isInteger } }

  @discardableResult
  public mutating func addVariable(
    _ name: String, lower: Double? = 0, upper: Double? = nil, integer: Bool = false, cost: Double = 0
  ) -> Int {
    variables.append(Variable(name: name, lower: lower, upper: upper, isInteger: integer, cost: cost))
    return variables.count - 1
  }

  @discardableResult
  public mutating func addConstraint(
    _ name: String, _ terms: [Term], lower: Double? = nil, upper: Double? = nil
  ) -> Int {
    constraints.append(Constraint(name: name, terms: terms, lower: lower, upper: upper))
    return constraints.count - 1
  }

  public mutating func setCost(_ variable: Int, _ cost: Double) { variables[variable].cost = cost }

  public mutating func setBounds(_ variable: Int, lower: Double?, upper: Double?) {
    variables[variable].lower = lower
    variables[variable].upper = upper
  }

  public mutating func setInteger(_ variable: Int, _ isInteger: Bool) {
    variables[variable].isInteger = isInteger
  }

  public mutating func setRowBounds(_ row: Int, lower: Double?, upper: Double?) {
    constraints[row].lower = lower
    constraints[row].upper = upper
  }

  /// Clears every objective coefficient.
  public mutating func clearObjective() {
    for index in variables.indices { variables[index].cost = 0 }
    objectiveConstant = 0
  }

  /// The models side by side, with no shared variables: the objective is their sum, so solving the
  /// whole gives each part's own optimum. Used to write one LP file for a whole table.
  public static func combined(_ parts: [LinearModel], name: String) -> LinearModel {
    var whole = LinearModel(name: name, sense: parts.first?.sense ?? .minimize)
    for part in parts {
      precondition(part.sense == whole.sense, "combined models must share their sense")
      let offset = whole.variables.count
      whole.variables.append(contentsOf: part.variables)
      for row in part.constraints {
        var shifted = row
        shifted.terms = row.terms.map { Term($0.variable + offset, $0.coefficient) }
        whole.constraints.append(shifted)
      }
      whole.objectiveConstant += part.objectiveConstant
    }
    return whole
  }
}
