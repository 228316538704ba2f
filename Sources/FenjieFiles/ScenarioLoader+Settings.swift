import FenjieCore
import FenjiePlanning
import FenjieText

/// Reading the allocation settings of a scenario's merged TOML, one concern a function.
extension ScenarioLoader {
  static func readSettings(_ reader: TOMLReader, dataset: Dataset, year: Int?) throws(InputError) -> AllocationSettings {
    var settings = AllocationSettings(year: try readYear(reader, dataset: dataset, option: year))
    try readRuleAndBaseline(reader, into: &settings)
    try readCapacity(reader, dataset: dataset, into: &settings)
    let margins = try allAndByIndicator(reader, "margin", dataset: dataset, range: -0.99...10)
    settings.margin = margins.all ?? 0
    settings.marginByIndicator = margins.byIndicator
    let minimums = try allAndByIndicator(reader, "minimum", dataset: dataset, range: 0...1e9)
    settings.minimumPerArea = minimums.all ?? 0
    settings.minimumByIndicator = minimums.byIndicator
    settings.locks = try readLocks(reader, dataset: dataset)
    settings.equalGroups = try readEqualGroups(reader, dataset: dataset)
    try readOpenAndClose(reader, dataset: dataset, into: &settings)
    try readSizes(reader, dataset: dataset, into: &settings)
    if let output = try reader.subtable("industrial_output") {
      for key in output.table.keys {
        guard let year = Int(key) else {
          throw output.error(key, Say.Input.industrialOutputKeysWithUnit)
        }
        settings.industrialOutput[year] = try output.number(key, in: 0...1e9)
      }
    }
    if let solver = try reader.subtable("solver") {
      try solver.checkKeys(["time_limit"])
      settings.timeLimit = try solver.number("time_limit", in: 0.01...3600) ?? settings.timeLimit
    }
    return settings
  }

  /// `--year`, else the scenario's `year`, else the plan's second year; within the plan.
  static func readYear(_ reader: TOMLReader, dataset: Dataset, option: Int?) throws(InputError) -> Int {
    let written = try reader.integer("year")
    guard let year = option ?? written ?? dataset.planYears.dropFirst().first else {
      throw InputError(file: reader.document.path, Say.Input.needsYear)
    }
    guard dataset.planYears.contains(year) else {
      let message = Say.Input.yearOutsidePlan(year, plan: dataset.planYears.map(String.init).joined(separator: ", "))
      if option != nil { throw InputError(file: "--year \(year)", message) }
      throw reader.error("year", message)
    }
    return year
  }

  static func readRuleAndBaseline(_ reader: TOMLReader, into settings: inout AllocationSettings) throws(InputError) {
    if let rule = try reader.string("rule") {
      guard let value = AllocationRule(rawValue: rule) else {
        throw reader.error(
          "rule",
          Say.Input.unknownRule(
            rule, choices: AllocationRule.allCases.map(\.rawValue).joined(separator: ", "), suggestion: suggestion(rule, AllocationRule.allCases.map(\.rawValue))))
      }
      settings.rule = value
    }
    if let baseline = try reader.string("baseline") {
      guard let value = BaselineSource(rawValue: baseline) else {
        throw reader.error("baseline", Say.Input.unknownBaseline(baseline))
      }
      settings.baseline = value
    }
  }

  static func readCapacity(_ reader: TOMLReader, dataset: Dataset, into settings: inout AllocationSettings) throws(InputError) {
    guard let capacity = try reader.subtable("capacity") else { return }
    try capacity.checkKeys(["rule", "max_growth", "max_decline", "min_headroom", "by_indicator"])
    settings.capacity = try capacityParameters(capacity, base: settings.capacity)
    guard let by = try capacity.subtable("by_indicator") else { return }
    for key in by.table.keys.sorted() {
      guard let entry = try by.subtable(key) else { continue }
      try entry.checkKeys(["rule", "max_growth", "max_decline", "min_headroom"])
      settings.capacityByIndicator[try indicator(key, dataset, in: by, key: key).id] = try capacityParameters(entry, base: settings.capacity)
    }
  }

  static func capacityParameters(_ table: TOMLReader, base: CapacityParameters) throws(InputError) -> CapacityParameters {
    var result = base
    if let rule = try table.string("rule") {
      guard let value = CapacityRule(rawValue: rule) else {
        throw table.error(
          "rule",
          Say.Input.unknownCapacityRule(
            rule, choices: CapacityRule.allCases.map(\.rawValue).joined(separator: ", "), suggestion: suggestion(rule, CapacityRule.allCases.map(\.rawValue))))
      }
      result.rule = value
    }
    result.maxGrowth = try table.number("max_growth", in: -0.99...100) ?? result.maxGrowth
    result.maxDecline = try table.number("max_decline", in: 0...1) ?? result.maxDecline
    result.minHeadroom = try table.number("min_headroom", in: 0...100) ?? result.minHeadroom
    return result
  }

  /// `[margin]` or `[minimum]`: `all` and `[… .by_indicator]`.
  static func allAndByIndicator(
    _ reader: TOMLReader, _ key: String, dataset: Dataset, range: ClosedRange<Double>
  ) throws(InputError) -> (all: Double?, byIndicator: [String: Double]) {
    guard let table = try reader.subtable(key) else { return (nil, [:]) }
    try table.checkKeys(["all", "by_indicator"])
    var by: [String: Double] = [:]
    if let entries = try table.subtable("by_indicator") {
      for name in entries.table.keys.sorted() {
        by[try indicator(name, dataset, in: entries, key: name).id] = try entries.number(name, in: range)
      }
    }
    return (try table.number("all", in: range), by)
  }

  /// `[[lock]]`s: one per cell, a whole number on a count line, never on a rate line. A `--lock`
  /// replaces a lock of the scenario file on the same cell (that is what a what-if means); two locks
  /// on one cell from the same place are refused.
  static func readLocks(_ reader: TOMLReader, dataset: Dataset) throws(InputError) -> [Lock] {
    var locks: [Lock] = []
    var origins: [String?] = []
    for lock in try reader.tables("lock") {
      try lock.checkKeys(["indicator", "area", "value"])
      let line = try indicator(try lock.requiredString("indicator"), dataset, in: lock, key: "indicator")
      let area = try area(try lock.requiredString("area"), dataset, in: lock, key: "area")
      guard let value = try lock.number("value", in: 0...1e9) else {
        throw lock.tableError("lock", Say.Input.lockNeedsValue)
      }
      if line.kind == .rate {
        throw lock.error("indicator", Say.Input.rateCannotBeLocked(line.name))
      }
      if line.kind.isWhole && value.rounded() != value {
        throw lock.error(
          "value",
          Say.Input.lockNotWhole(
            line.name, kind: line.kind.rawValue, value: plainNumber(value), down: plainNumber(value.rounded(.down)), up: plainNumber(value.rounded(.up))))
      }
      let origin = reader.document.option(setting: lock.context)
      if let previous = locks.firstIndex(where: { $0.indicator == line.id && $0.area == area }) {
        guard origin != nil, origins[previous] == nil else {
          let first = origins[previous].map { Message(zh: $0, en: $0) } ?? Say.Input.theScenarioFile
          throw lock.tableError("indicator", Say.Input.secondLock(area: area, line: line.name, first: first, value: plainNumber(locks[previous].value)))
        }
        locks[previous].value = value
        origins[previous] = origin
        continue
      }
      locks.append(Lock(indicator: line.id, area: area, value: value))
      origins.append(origin)
    }
    return locks
  }

  static func readEqualGroups(_ reader: TOMLReader, dataset: Dataset) throws(InputError) -> [EqualGroup] {
    var groups: [EqualGroup] = []
    for group in try reader.tables("equal") {
      try group.checkKeys(["areas", "indicators"])
      var areas: [String] = []
      for name in try group.strings("areas") ?? [] { areas.append(try area(name, dataset, in: group, key: "areas")) }
      guard areas.count > 1 else { throw group.tableError("equal", Say.Input.equalNeedsTwoAreas) }
      var ids: [String] = []
      for name in try group.strings("indicators") ?? [] { ids.append(try indicator(name, dataset, in: group, key: "indicators").id) }
      groups.append(EqualGroup(areas: areas, indicators: ids))
    }
    return groups
  }

  static func readOpenAndClose(_ reader: TOMLReader, dataset: Dataset, into settings: inout AllocationSettings) throws(InputError) {
    for (key, target) in [("open", \AllocationSettings.open), ("close", \AllocationSettings.closed)] {
      guard let table = try reader.subtable(key) else { continue }
      for name in table.table.keys.sorted() {
        let id = try indicator(name, dataset, in: table, key: name).id
        var areas: [String] = []
        for a in try table.strings(name) ?? [] { areas.append(try area(a, dataset, in: table, key: name)) }
        settings[keyPath: target][id] = areas
      }
    }
  }

  /// `[weights]` (an area's size: population, enterprises, GDP…) and `[baselines.<line>]` (explicit
  /// baselines), for lines where areas have no history.
  static func readSizes(_ reader: TOMLReader, dataset: Dataset, into settings: inout AllocationSettings) throws(InputError) {
    if let weights = try reader.subtable("weights") {
      for name in weights.table.keys.sorted() {
        settings.areaWeights[try area(name, dataset, in: weights, key: name)] = try weights.number(name, in: 0...1e12)
      }
    }
    if let baselines = try reader.subtable("baselines") {
      for line in baselines.table.keys.sorted() {
        guard let entries = try baselines.subtable(line) else { continue }
        let id = try indicator(line, dataset, in: baselines, key: line).id
        for name in entries.table.keys.sorted() {
          settings.explicitBaselines[id, default: [:]][try area(name, dataset, in: entries, key: name)] =
            try entries.number(name, in: 0...1e12)
        }
      }
    }
  }
}
