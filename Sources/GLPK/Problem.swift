import CGLPK
import CGLPKGuard
import LinearProgramming

/// The one place that calls GLPK. A `Problem` owns one `glp_prob`, created from a validated
/// `LinearModel`, and frees it in `deinit`. GLPK's environment is per thread, so a `Problem` lives and
/// dies on the thread that made it (it is never `Sendable`). Rows and columns carry no names: GLPK
/// checks every character of a name, and only an LP file needs them (`LinearModel.cplexLP()`).
final class Problem {
  let pointer: OpaquePointer
  private let generation: UInt
  let model: LinearModel

  /// Builds the GLPK problem. Call only inside `GLPK.guarded` and with a model whose `problem` is nil.
  init(_ model: LinearModel) {
    self.model = model
    pointer = glp_create_prob()
    generation = UInt(fenjie_glpk_generation())
    glp_set_obj_dir(pointer, model.sense == .minimize ? GLP_MIN : GLP_MAX)
    glp_set_obj_coef(pointer, 0, model.objectiveConstant)
    let columnCount = model.variables.count
    let rowCount = model.constraints.count
    if columnCount > 0 { glp_add_cols(pointer, Int32(columnCount)) }
    if rowCount > 0 { glp_add_rows(pointer, Int32(rowCount)) }
    for (index, variable) in model.variables.enumerated() {
      let column = Int32(index + 1)
      let (type, lower, upper) = Problem.boundType(variable.lower, variable.upper)
      glp_set_col_bnds(pointer, column, type, lower, upper)
      glp_set_col_kind(pointer, column, variable.isInteger ? GLP_IV : GLP_CV)
      glp_set_obj_coef(pointer, column, variable.cost)
    }
    var rowIndices: [Int32] = [0]
    var columnIndices: [Int32] = [0]
    var coefficients: [Double] = [0]
    for (index, row) in model.constraints.enumerated() {
      let rowNumber = Int32(index + 1)
      let (type, lower, upper) = Problem.boundType(row.lower, row.upper)
      glp_set_row_bnds(pointer, rowNumber, type, lower, upper)
      for term in Problem.merged(row.terms) {
        rowIndices.append(rowNumber)
        columnIndices.append(Int32(term.variable + 1))
        coefficients.append(term.coefficient)
      }
    }
    let nonZeros = Int32(coefficients.count - 1)
    if nonZeros > 0 {
      glp_load_matrix(pointer, nonZeros, &rowIndices, &columnIndices, &coefficients)
    }
  }

  deinit {
    // After a fatal error GLPK freed its environment, and this problem with it.
    if UInt(fenjie_glpk_generation()) == generation { glp_delete_prob(pointer) }
  }

  // MARK: Helpers that keep GLPK's conventions inside this file

  static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
    switch (lower, upper) {
    case (nil, nil): return (GLP_FR, 0, 0)
    case (let l?, nil): return (GLP_LO, l, 0)
    case (nil, let u?): return (GLP_UP, 0, u)
    case (let l?, let u?): return l == u ? (GLP_FX, l, u) : (GLP_DB, l, u)
    }
  }

  /// Terms with repeated variables added together: `glp_load_matrix` aborts on duplicates.
  static func merged(_ terms: [LinearModel.Term]) -> [LinearModel.Term] {
    var order: [Int] = []
    var sums: [Int: Double] = [:]
    for term in terms {
      if sums[term.variable] == nil { order.append(term.variable) }
      sums[term.variable, default: 0] += term.coefficient
    }
    return order.compactMap { variable in
      let value = sums[variable]!
      return value == 0 ? nil : LinearModel.Term(variable, value)
    }
  }
}
