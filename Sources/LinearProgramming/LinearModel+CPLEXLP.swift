/// Writing a model in the CPLEX LP format (`glpsol --lp FILE`, CPLEX, HiGHS, CBC and others read it).
///
/// Written by hand because no Swift package writes this format; it follows what GLPK's own
/// `glp_write_lp` produces, so a file from here and one from GLPK solve alike: rows with two different
/// bounds become an equation with a bounded slack `~r_N` (the format has no ranged rows), variables
/// with no lower bound are declared `free` or `-inf <= x`, and the objective's constant, which the format
/// cannot carry, is kept as a comment. Names are made what the format accepts (ASCII letters, digits and
/// `_`, not starting with a digit, no keyword), unique, at most 200 characters; they are built here only,
/// never for a solve.
extension LinearModel {
  public func cplexLP() -> String {
    var names = LPNames()
    let columns = variables.enumerated().map { names.take($0.element.name, fallback: "x\($0.offset + 1)") }
    let rows = constraints.enumerated().map { names.take($0.element.name, fallback: "r\($0.offset + 1)") }
    var out = "\\* Problem: \(names.symbol(name, fallback: "model")) *\\\n\n"
    if objectiveConstant != 0 {
      out += "\\* The objective's constant term \(LPNames.number(objectiveConstant)) is not written: add it to the optimum. *\\\n\n"
    }
    out += sense == .minimize ? "Minimize\n" : "Maximize\n"
    let objective = variables.indices.filter { variables[$0].cost != 0 }.map { LinearModel.Term($0, variables[$0].cost) }
    out += " obj:" + expression(objective, columns) + "\n\nSubject To\n"
    var slacks: [(name: String, upper: Double)] = []
    for (index, row) in constraints.enumerated() {
      var text = " \(rows[index]):" + expression(row.terms, columns)
      switch (row.lower, row.upper) {
      case (nil, nil):
        text += " >= -inf"
      case (let l?, nil):
        text += " >= \(LPNames.number(l))"
      case (nil, let u?):
        text += " <= \(LPNames.number(u))"
      case (let l?, let u?) where l == u:
        text += " = \(LPNames.number(l))"
      case (let l?, let u?):
        let slack = "~r_\(index + 1)"
        slacks.append((slack, u - l))
        text += " - \(slack) = \(LPNames.number(l))"
      }
      out += text + "\n"
    }
    out += "\nBounds\n"
    for (index, variable) in variables.enumerated() {
      let name = columns[index]
      switch (variable.lower, variable.upper) {
      case (nil, nil): out += " \(name) free\n"
      case (0?, nil): break
      case (let l?, nil): out += " \(name) >= \(LPNames.number(l))\n"
      case (nil, let u?): out += " -inf <= \(name) <= \(LPNames.number(u))\n"
      case (let l?, let u?) where l == u: out += " \(name) = \(LPNames.number(l))\n"
      case (let l?, let u?): out += " \(LPNames.number(l)) <= \(name) <= \(LPNames.number(u))\n"
      }
    }
    for slack in slacks { out += " 0 <= \(slack.name) <= \(LPNames.number(slack.upper))\n" }
    let integers = variables.indices.filter { variables[$0].isInteger }
    if !integers.isEmpty {
      out += "\nGenerals\n" + integers.map { " \(columns[$0])\n" }.joined()
    }
    return out + "\nEnd\n"
  }

  /// ` + 3 x - 2 y` (repeated variables added together); ` 0 x1` for a row with no terms.
  private func expression(_ terms: [Term], _ columns: [String]) -> String {
    var order: [Int] = []
    var sums: [Int: Double] = [:]
    for term in terms {
      if sums[term.variable] == nil { order.append(term.variable) }
      sums[term.variable, default: 0] += term.coefficient
    }
    let text = order.compactMap { variable -> String? in
      let value = sums[variable]!
      guard value != 0 else { return nil }
      return (value < 0 ? " - " : " + ") + LPNames.number(abs(value)) + " " + columns[variable]
    }.joined()
    if !text.isEmpty { return text }
    return columns.isEmpty ? " 0 ~dummy" : " 0 \(columns[0])"
  }
}

/// Names the CPLEX LP format accepts, each used once.
private struct LPNames {
  static let keywords: Set<String> = [
    "minimize", "maximize", "minimum", "maximum", "min", "max", "subject", "to", "st", "s.t.", "such", "that",
    "bounds", "bound", "free", "inf", "infinity", "generals", "general", "gen", "integers", "binary",
    "binaries", "bin", "end",
  ]
  var used: Set<String> = []

  func symbol(_ name: String, fallback: String) -> String {
    var result = ""
    for scalar in name.unicodeScalars {
      let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
      result.unicodeScalars.append(ok ? scalar : "_")
    }
    if result.isEmpty || result.allSatisfy({ $0 == "_" }) { result = fallback }
    if let first = result.first, first.isNumber || first == "e" || first == "E" { result = "_" + result }
    if LPNames.keywords.contains(result.lowercased()) { result += "_" }
    return String(result.prefix(200))
  }

  mutating func take(_ name: String, fallback: String) -> String {
    let base = symbol(name, fallback: fallback)
    var candidate = base
    var suffix = 2
    while used.contains(candidate) {
      candidate = "\(base)_\(suffix)"
      suffix += 1
    }
    used.insert(candidate)
    return candidate
  }

  /// Shortest text that reads back as the same Double.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
  }
}
