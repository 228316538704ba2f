extension LinearModel {
  /// The largest magnitude accepted for a bound or coefficient; beyond it the solvers' tolerances
  /// lose meaning.
  public static let largestMagnitude = 1e12

  /// Why no solver should be handed this model (a bound or coefficient that is not a finite number
  /// of sensible size, bounds the wrong way round, a term naming no variable), or nil if it is sound.
  /// GLPK aborts the process on such input; every solver is better off refusing it with a sentence.
  public var problem: String? {
    let model = self
    let largestMagnitude = LinearModel.largestMagnitude
    func bad(_ value: Double?) -> Bool {
      guard let value else { return false }
      return !value.isFinite || abs(value) > largestMagnitude
    }
    if !model.objectiveConstant.isFinite { return "the objective constant is not a finite number" }
    for variable in model.variables {
      if bad(variable.lower) || bad(variable.upper) {
        return "variable \(variable.name) has a bound that is not a finite number of sensible size"
      }
      if !variable.cost.isFinite || abs(variable.cost) > largestMagnitude {
        return "variable \(variable.name) has an objective coefficient that is not a finite number of sensible size"
      }
      if let l = variable.lower, let u = variable.upper, l > u {
        return "variable \(variable.name) has lower bound \(l) above upper bound \(u)"
      }
      if variable.isInteger {
        if let l = variable.lower, l.rounded() != l {
          return "integer variable \(variable.name) has a fractional lower bound \(l)"
        }
        if let u = variable.upper, u.rounded() != u {
          return "integer variable \(variable.name) has a fractional upper bound \(u)"
        }
      }
    }
    for row in model.constraints {
      if bad(row.lower) || bad(row.upper) {
        return "constraint \(row.name) has a bound that is not a finite number of sensible size"
      }
      if let l = row.lower, let u = row.upper, l > u {
        return "constraint \(row.name) has lower bound \(l) above upper bound \(u)"
      }
      for term in row.terms {
        if term.variable < 0 || term.variable >= model.variables.count {
          return "constraint \(row.name) refers to variable \(term.variable), which does not exist"
        }
        if !term.coefficient.isFinite || abs(term.coefficient) > largestMagnitude {
          return "constraint \(row.name) has a coefficient that is not a finite number of sensible size"
        }
      }
    }
    if model.variables.count > 10_000_000 || model.constraints.count > 10_000_000 {
      return "the model is too large"
    }
    return nil
  }
}
