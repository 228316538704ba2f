import FenjieText
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

  /// The changes as TOML values merged into `root`, and the option that set each changed path
  /// (`capacity.max_growth` → `--set capacity.max_growth=0.3`, `lock[3]` → `--lock …`), for messages.
  func apply(to root: [String: TOMLNode]) throws(InputError) -> ([String: TOMLNode], [String: String]) {
    var result = root
    var origins: [String: String] = [:]
    for text in sets {
      let (path, value) = try parseSet(text)
      var node = value
      for key in path.reversed().dropLast() { node = .table([key: node]) }
      result = ScenarioLoader.merge(result, [path[0]: node])
      origins[path.joined(separator: ".")] = "--set \(text)"
    }
    var locks: [TOMLNode] = []
    if case .array(let existing)? = result["lock"] { locks = existing }
    for text in self.locks {
      locks.append(try parseLock(text))
      origins["lock[\(locks.count)]"] = "--lock \(text)"
    }
    if !self.locks.isEmpty { result["lock"] = .array(locks) }
    var shocks: [TOMLNode] = []
    if case .array(let existing)? = result["shock"] { shocks = existing }
    for text in self.shocks {
      shocks.append(try parseShock(text))
      origins["shock[\(shocks.count)]"] = "--shock \(text)"
    }
    if !self.shocks.isEmpty { result["shock"] = .array(shocks) }
    return (result, origins)
  }

  /// `capacity.max_growth=0.3` → (["capacity", "max_growth"], 0.3); a value that is not TOML is text.
  func parseSet(_ text: String) throws(InputError) -> ([String], TOMLNode) {
    guard let equals = text.firstIndex(of: "=") else {
      throw InputError(file: "--set \(text)", Say.Input.setKeyValue)
    }
    let path = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    let valueText = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
    guard !path.isEmpty, path.allSatisfy({ !$0.isEmpty }) else {
      throw InputError(file: "--set \(text)", Say.Input.setEmptyKey)
    }
    if let parsed = try? TOMLDocument.parse("value = \(valueText)", path: "--set"), let node = parsed.root["value"] {
      return (path, node)
    }
    return (path, .string(valueText))
  }

  /// `扬名街道:高新技术企业申报数=90` → a `[[lock]]` table.
  func parseLock(_ text: String) throws(InputError) -> TOMLNode {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    let place = parts.first?.split(separator: ":", maxSplits: 1).map(String.init) ?? []
    guard parts.count == 2, place.count == 2 else {
      throw InputError(file: "--lock \(text)", Say.Input.lockForm)
    }
    guard let value = Double(NumberCell.normalise(parts[1])), value.isFinite else {
      throw InputError(file: "--lock \(text)", Say.Input.lockValueNotNumber(parts[1]))
    }
    return .table(["area": .string(place[0]), "indicator": .string(place[1]), "value": .double(value)])
  }

  /// `外国高端人才来华工作数=-15%`, `扬名街道:…=-15%`, `…=-0.15@2026` → a `[[shock]]` table.
  func parseShock(_ text: String) throws(InputError) -> TOMLNode {
    let option = "--shock \(text)"
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      throw InputError(file: option, Say.Input.shockForm)
    }
    let place = parts[0].split(separator: ":", maxSplits: 1).map(String.init)
    var amount = NumberCell.normalise(parts[1])
    var year: Int? = nil
    if let at = amount.firstIndex(of: "@") {
      year = Int(amount[amount.index(after: at)...])
      amount = String(amount[..<at])
      if year == nil { throw InputError(file: option, Say.Input.shockYearNotYear) }
    }
    let isPercent = amount.hasSuffix("%")
    guard let number = Double(isPercent ? String(amount.dropLast()) : amount), number.isFinite else {
      throw InputError(file: option, Say.Input.shockNotChange(parts[1]))
    }
    var shock: [String: TOMLNode] = ["change": .double(isPercent ? number / 100 : number)]
    shock["indicator"] = .string(place.count == 2 ? place[1] : place[0])
    if place.count == 2 { shock["area"] = .string(place[0]) }
    if let year { shock["year"] = .integer(year) }
    return .table(shock)
  }
}
