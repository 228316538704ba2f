extension SimulationInput {
  /// The largest σ accepted: beyond it R spans more than e^±30 and the model means nothing.
  public static let maxSigma = 10.0
  /// The largest mean ratio accepted.
  public static let maxMeanRatio = 1e6

  /// Problems that make the input unusable, each naming the indicator, street and year concerned;
  /// empty when the input is valid. ``Simulator/init(input:)`` refuses an input with problems.
  public func validate() -> [String] {
    var problems: [String] = []
    if areas.isEmpty { problems.append("no areas (streets) given") }
    if years.isEmpty { problems.append("no simulated years given") }
    for (a, b) in zip(years, years.dropFirst()) where a >= b {
      problems.append("years must be strictly ascending: \(a) is followed by \(b)")
    }
    if factor == .group && groups.isEmpty {
      problems.append("factor \"group\" needs at least one action group")
    }
    var seenIDs: Set<String> = []
    for indicator in indicators {
      let label = "indicator \(indicator.id) (\(indicator.name))"
      if !seenIDs.insert(indicator.id).inserted {
        problems.append("\(label): the id \(indicator.id) is used twice")
      }
      if !groups.indices.contains(indicator.group) {
        problems.append(
          "\(label): group \(indicator.group) is not an index of the \(groups.count) action groups")
      }
      if indicator.cells.count != years.count {
        problems.append(
          "\(label): cells has \(indicator.cells.count) years, expected \(years.count) (one per simulated year)"
        )
      }
      for (y, row) in indicator.cells.enumerated() {
        let yearName = years.indices.contains(y) ? String(years[y]) : "year index \(y)"
        if row.count != areas.count {
          problems.append(
            "\(label), \(yearName): \(row.count) streets, expected \(areas.count) (one per area)")
        }
        for (s, cell) in row.enumerated() {
          guard let cell else { continue }
          let street = areas.indices.contains(s) ? areas[s] : "street index \(s)"
          let place = "\(label), \(street), \(yearName)"
          problems += cell.problems(at: place)
        }
      }
      for goal in indicator.goals {
        let place = "\(label), \(goal.type.rawValue) goal"
        if !(goal.target.isFinite && goal.target >= 0) {
          problems.append("\(place): target must be a finite number ≥ 0, got \(goal.target)")
        }
        if !(goal.known.isFinite && goal.known >= 0) {
          problems.append("\(place): known must be a finite number ≥ 0, got \(goal.known)")
        }
      }
    }
    return problems
  }
}

extension AreaCell {
  func problems(at place: String) -> [String] {
    var problems: [String] = []
    func check(_ name: String, _ value: Double, _ ok: Bool, _ rule: String) {
      if !(value.isFinite && ok) { problems.append("\(place): \(name) must be \(rule), got \(value)") }
    }
    check("target", target, target >= 0, "a finite number ≥ 0")
    check("known", known, known >= 0, "a finite number ≥ 0")
    check("remaining", remaining, (0...1).contains(remaining), "between 0 and 1")
    check(
      "mean_ratio", meanRatio, (0...SimulationInput.maxMeanRatio).contains(meanRatio),
      "between 0 and \(Int(SimulationInput.maxMeanRatio))")
    check("sigma", sigma, (0...SimulationInput.maxSigma).contains(sigma), "between 0 and 10")
    check("correlation", correlation, (0...1).contains(correlation), "between 0 and 1")
    return problems
  }
}
