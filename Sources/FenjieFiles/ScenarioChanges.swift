import Foundation

/// Quick changes to a scenario from the command line, without a file:
/// `--set capacity.max_growth=0.3`, `--lock 扬名街道:高新技术企业申报数=90`,
/// `--shock 外国高端人才来华工作数=-15%` (also `AREA:INDICATOR=-15%` and `…=-15%@2026`).
/// They apply on top of the scenario (and its base), exactly as if written at the end of its file.
public struct ScenarioChanges: Sendable, Equatable {
  public var sets: [String] = []
  public var locks: [String] = []
  public var shocks: [String] = []

  public init(sets: [String] = [], locks: [String] = [], shocks: [String] = []) {
    self.sets = sets
    self.locks = locks
    self.shocks = shocks
  }

  public var isEmpty: Bool { sets.isEmpty && locks.isEmpty && shocks.isEmpty }

  static let source = "command line"

  /// The changes as TOML values merged into `root`; the keys they set, for messages.
  func apply(to root: [String: TOMLNode]) throws(InputError) -> ([String: TOMLNode], [String]) {
    var result = root
    var keys: [String] = []
    for text in sets {
      guard let equals = text.firstIndex(of: "=") else {
        throw InputError(file: Self.source, "--set \(text): write it as key=value, e.g. --set capacity.max_growth=0.3")
      }
      let path = text[..<equals].split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }
      let valueText = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
      guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }) else {
        throw InputError(file: Self.source, "--set \(text): the key before = is empty")
      }
      var value: TOMLNode
      if let parsed = try? TOMLDocument.parse("value = \(valueText)", path: Self.source), let node = parsed.root["value"] {
        value = node
      } else {
        value = .string(valueText)
      }
      for key in path.reversed().dropLast() { value = .table([key: value]) }
      result = ScenarioLoader.merge(result, [path[0]: value])
      keys.append(path.last!)
    }
    var locks: [TOMLNode] = []
    if case .array(let existing)? = result["lock"] { locks = existing }
    for text in self.locks {
      let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
      let place = parts.first?.split(separator: ":", maxSplits: 1).map(String.init) ?? []
      guard parts.count == 2, place.count == 2, let value = Double(NumberCell.normalise(parts[1])) else {
        throw InputError(file: Self.source, "--lock \(text): write it as AREA:INDICATOR=VALUE, e.g. --lock 扬名街道:高新技术企业申报数=90")
      }
      locks.append(.table(["area": .string(place[0]), "indicator": .string(place[1]), "value": .double(value)]))
      keys += ["area", "indicator"]
    }
    if !locks.isEmpty { result["lock"] = .array(locks) }
    var shocks: [TOMLNode] = []
    if case .array(let existing)? = result["shock"] { shocks = existing }
    for text in self.shocks {
      let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        throw InputError(file: Self.source, "--shock \(text): write it as INDICATOR=-15% (or AREA:INDICATOR=-15%, …=-15%@2026)")
      }
      let place = parts[0].split(separator: ":", maxSplits: 1).map(String.init)
      var amount = NumberCell.normalise(parts[1])
      var year: Int? = nil
      if let at = amount.firstIndex(of: "@") {
        year = Int(amount[amount.index(after: at)...])
        amount = String(amount[..<at])
        if year == nil { throw InputError(file: Self.source, "--shock \(text): the year after @ is not a year") }
      }
      let isPercent = amount.hasSuffix("%")
      guard let number = Double(isPercent ? String(amount.dropLast()) : amount), number.isFinite else {
        throw InputError(file: Self.source, "--shock \(text): \(parts[1]) is not a change such as -15% or -0.15")
      }
      var shock: [String: TOMLNode] = ["change": .double(isPercent ? number / 100 : number)]
      shock["indicator"] = .string(place.count == 2 ? place[1] : place[0])
      if place.count == 2 { shock["area"] = .string(place[0]) }
      if let year { shock["year"] = .integer(year) }
      shocks.append(.table(shock))
      keys += ["indicator", "area", "change"]
    }
    if !shocks.isEmpty { result["shock"] = .array(shocks) }
    return (result, keys)
  }
}
