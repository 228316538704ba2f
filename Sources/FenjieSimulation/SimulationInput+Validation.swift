import FenjieText

extension SimulationInput {
  /// The largest σ accepted: beyond it R spans more than e^±30 and the model means nothing.
  public static let maxSigma = 10.0
  /// The largest mean ratio accepted.
  public static let maxMeanRatio = 1e6

  /// Problems that make the input unusable, each naming the indicator, street and year concerned
  /// (in both languages, `Say.Simulation`); empty when the input is valid.
  /// ``Simulator/init(input:)`` refuses an input with problems.
  public func problems() -> [Message] {
    typealias Text = Say.Simulation
    var problems: [Message] = []
    if areas.isEmpty { problems.append(Text.noAreas) }
    if years.isEmpty { problems.append(Text.noYears) }
    for (a, b) in zip(years, years.dropFirst()) where a >= b {
      problems.append(Text.yearsNotAscending(a, b))
    }
    if factor == .group && groups.isEmpty { problems.append(Text.groupFactorNeedsGroups) }
    var seenIDs: Set<String> = []
    for indicator in indicators {
      let label = Text.indicator(indicator.id, indicator.name)
      if !seenIDs.insert(indicator.id).inserted {
        problems.append(Text.at(label, Text.idUsedTwice(indicator.id)))
      }
      if !groups.indices.contains(indicator.group) {
        problems.append(Text.at(label, Text.groupOutOfRange(indicator.group, groups: groups.count)))
      }
      if indicator.cells.count != years.count {
        problems.append(Text.at(label, Text.yearCount(indicator.cells.count, expected: years.count)))
      }
      for (y, row) in indicator.cells.enumerated() {
        let yearName = years.indices.contains(y) ? Text.name(String(years[y])) : Text.yearIndex(y)
        if row.count != areas.count {
          problems.append(
            Text.at(Text.within(label, yearName), Text.streetCount(row.count, expected: areas.count)))
        }
        for (s, cell) in row.enumerated() {
          guard let cell else { continue }
          let street = areas.indices.contains(s) ? Text.name(areas[s]) : Text.streetIndex(s)
          problems += cell.problems(at: Text.within(Text.within(label, street), yearName))
        }
      }
      for goal in indicator.goals {
        let place = Text.within(label, Text.goal(annual: goal.type == .annual, key: goal.type.rawValue))
        if !(goal.target.isFinite && goal.target >= 0) {
          problems.append(
            Text.at(place, Text.field("target", mustBe: Text.finiteNonNegative, got: goal.target)))
        }
        if !(goal.known.isFinite && goal.known >= 0) {
          problems.append(
            Text.at(place, Text.field("known", mustBe: Text.finiteNonNegative, got: goal.known)))
        }
      }
    }
    return problems
  }

  /// ``problems()`` in the current language.
  public func validate() -> [String] { problems().map { $0.text() } }
}

extension AreaCell {
  func problems(at place: Message) -> [Message] {
    typealias Text = Say.Simulation
    var problems: [Message] = []
    func check(_ name: String, _ value: Double, _ ok: Bool, _ rule: Message) {
      if !(value.isFinite && ok) { problems.append(Text.at(place, Text.field(name, mustBe: rule, got: value))) }
    }
    check("target", target, target >= 0, Text.finiteNonNegative)
    check("known", known, known >= 0, Text.finiteNonNegative)
    check("remaining", remaining, (0...1).contains(remaining), Text.between("0", "1"))
    check(
      "mean_ratio", meanRatio, (0...SimulationInput.maxMeanRatio).contains(meanRatio),
      Text.between("0", "\(Int(SimulationInput.maxMeanRatio))"))
    check("sigma", sigma, (0...SimulationInput.maxSigma).contains(sigma), Text.between("0", "10"))
    check("correlation", correlation, (0...1).contains(correlation), Text.between("0", "1"))
    return problems
  }
}
