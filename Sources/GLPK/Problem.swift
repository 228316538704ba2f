import CGLPK
import CGLPKGuard

/// The one place that calls GLPK. A `Problem` owns one `glp_prob`, created from a validated
/// `LinearModel`, and frees it in `deinit`. GLPK's environment is per thread, so a `Problem` lives and
/// dies on the thread that made it (it is never `Sendable`).
final class Problem {
  let pointer: OpaquePointer
  private let generation: UInt
  let model: LinearModel

  /// Builds the GLPK problem. Call only inside `GLPK.guarded` and with a model `validate` accepted.
  init(_ model: LinearModel) {
    self.model = model
    pointer = glp_create_prob()
    generation = UInt(fenjie_glpk_generation())
    glp_set_prob_name(pointer, Problem.symbol(model.name, fallback: "model"))
    glp_set_obj_dir(pointer, model.sense == .minimize ? GLP_MIN : GLP_MAX)
    glp_set_obj_coef(pointer, 0, model.objectiveConstant)
    let columnCount = model.variables.count
    let rowCount = model.constraints.count
    if columnCount > 0 { glp_add_cols(pointer, Int32(columnCount)) }
    if rowCount > 0 { glp_add_rows(pointer, Int32(rowCount)) }
    var usedNames = Set<String>()
    for (index, variable) in model.variables.enumerated() {
      let column = Int32(index + 1)
      let name = Problem.unique(Problem.symbol(variable.name, fallback: "x\(index + 1)"), &usedNames)
      glp_set_col_name(pointer, column, name)
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
      let name = Problem.unique(Problem.symbol(row.name, fallback: "r\(index + 1)"), &usedNames)
      glp_set_row_name(pointer, rowNumber, name)
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

  /// A name the CPLEX LP format accepts: ASCII letters, digits and `_`, not starting with a digit,
  /// at most 255 bytes (GLPK's limit).
  static func symbol(_ name: String, fallback: String) -> String {
    var result = ""
    for scalar in name.unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
        result.unicodeScalars.append(scalar)
      } else {
        result.append("_")
      }
    }
    if result.isEmpty || result.allSatisfy({ $0 == "_" }) { result = fallback }
    if let first = result.first, first.isNumber { result = "_" + result }
    return String(result.prefix(200))
  }

  static func unique(_ name: String, _ used: inout Set<String>) -> String {
    var candidate = name
    var suffix = 2
    while used.contains(candidate) {
      candidate = "\(name)_\(suffix)"
      suffix += 1
    }
    used.insert(candidate)
    return candidate
  }
}
