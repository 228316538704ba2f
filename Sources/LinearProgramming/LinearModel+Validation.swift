import FenjieText

extension LinearModel {
  /// The largest magnitude accepted for a bound or coefficient; beyond it the solvers' tolerances
  /// lose meaning.
  public static let largestMagnitude = 1e12

  /// Why no solver should be handed this model (a bound or coefficient that is not a finite number
  /// of sensible size, bounds the wrong way round, a term naming no variable), or nil if it is sound.
  /// GLPK aborts the process on such input; every solver is better off refusing it with a sentence
  /// (`Say.Solver`, in the interface language).
  public var problem: String? { problemMessage?.text() }

  /// `problem` in both languages.
  public var problemMessage: Message? {
    let model = self
    let largestMagnitude = LinearModel.largestMagnitude
    func bad(_ value: Double?) -> Bool {
      guard let value else { return false }
      return !value.isFinite || abs(value) > largestMagnitude
    }
    if !model.objectiveConstant.isFinite { return Say.Solver.objectiveConstant }
    for variable in model.variables {
      if bad(variable.lower) || bad(variable.upper) {
        return Say.Solver.variable(variable.name).followed(by: Say.Solver.badBound)
      }
      if !variable.cost.isFinite || abs(variable.cost) > largestMagnitude {
        return Say.Solver.variable(variable.name).followed(by: Say.Solver.badCost)
      }
      if let l = variable.lower, let u = variable.upper, l > u {
        return Say.Solver.variable(variable.name).followed(by: Say.Solver.crossedBounds("\(l)", "\(u)"))
      }
      if variable.isInteger {
        if let l = variable.lower, l.rounded() != l {
          return Say.Solver.integerVariable(variable.name).followed(by: Say.Solver.fractionalLower("\(l)"))
        }
        if let u = variable.upper, u.rounded() != u {
          return Say.Solver.integerVariable(variable.name).followed(by: Say.Solver.fractionalUpper("\(u)"))
        }
      }
    }
    for row in model.constraints {
      if bad(row.lower) || bad(row.upper) {
        return Say.Solver.constraint(row.name).followed(by: Say.Solver.badBound)
      }
      if let l = row.lower, let u = row.upper, l > u {
        return Say.Solver.constraint(row.name).followed(by: Say.Solver.crossedBounds("\(l)", "\(u)"))
      }
      for term in row.terms {
        if term.variable < 0 || term.variable >= model.variables.count {
          return Say.Solver.constraint(row.name).followed(by: Say.Solver.missingVariable(term.variable))
        }
        if !term.coefficient.isFinite || abs(term.coefficient) > largestMagnitude {
          return Say.Solver.constraint(row.name).followed(by: Say.Solver.badCoefficient)
        }
      }
    }
    if model.variables.count > 10_000_000 || model.constraints.count > 10_000_000 {
      return Say.Solver.tooLarge
    }
    return nil
  }
}
