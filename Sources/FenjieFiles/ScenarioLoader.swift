import FenjieCore
import FenjiePlanning
import Foundation

/// Reads scenario files (TOML). A scenario may name a `base` scenario and change only what differs;
/// every path resolves relative to the file that names it.
public enum ScenarioLoader {
  static let keys = [
    "base", "dataset", "year", "rule", "baseline", "tables", "capacity", "margin", "minimum", "lock",
    "equal", "open", "close", "industrial_output", "weights", "baselines", "solver", "simulation", "shock", "description",
  ]

  public static func load(_ path: String, year: Int? = nil, changes: ScenarioChanges = ScenarioChanges()) throws(InputErrors) -> Scenario {
    var (root, document, purpose, files) = try merged(path, seen: [])
    if !changes.isEmpty {
      do {
        let (changed, keys) = try changes.apply(to: root)
        root = changed
        document.changedKeys = keys
      } catch { throw InputErrors([error]) }
    }
    let reader = TOMLReader(document, root)
    do {
      try reader.checkKeys(keys)
    } catch { throw InputErrors([error]) }
    guard case .string(let datasetPath)? = root["dataset"] else {
      throw InputErrors([InputError(file: path, "needs dataset = \"path/to/dataset.toml\" (relative to the scenario file)")])
    }
    var extra: [TableSpec] = []
    do {
      for table in try reader.tables("tables") {
        extra.append(try DatasetLoader.tableSpec(table, directory: ""))
      }
    } catch { throw InputErrors([error]) }
    let dataset = try DatasetLoader.load(datasetPath, extraTables: extra)
    do {
      let settings = try readSettings(reader, dataset: dataset, year: year)
      let simulation = try readSimulation(reader, dataset: dataset)
      let inputs = files + [datasetPath] + dataset.tables.map(\.provenance.file) + [dataset.targetsProvenance.file]
      return Scenario(
        path: path, purpose: purpose, datasetPath: datasetPath, dataset: dataset, settings: settings,
        simulation: simulation, inputFiles: inputs)
    } catch { throw InputErrors([error]) }
  }

  /// The scenario's TOML with its base chain merged in (the scenario's own values win; tables merge
  /// key by key, lists are replaced), its document, its purpose, and the files of the chain. Paths are
  /// made relative to the working directory.
  static func merged(_ path: String, seen: [String]) throws(InputErrors) -> ([String: TOMLNode], TOMLDocument, String?, [String]) {
    guard !seen.contains(path) else {
      throw InputErrors([InputError(file: path, "names itself as a base, through \(seen.joined(separator: " → "))")])
    }
    let document: TOMLDocument
    do { document = try TOMLDocument.read(path) } catch { throw InputErrors([error]) }
    let directory = (path as NSString).deletingLastPathComponent
    var root = document.root
    for key in ["dataset", "base"] {
      if case .string(let p)? = root[key] { root[key] = .string(DatasetLoader.resolve(p, relativeTo: directory)) }
    }
    if case .array(let tables)? = root["tables"] {
      root["tables"] = .array(tables.map { node in
        guard case .table(var t) = node, case .string(let file)? = t["file"] else { return node }
        t["file"] = .string(DatasetLoader.resolve(file, relativeTo: directory))
        return .table(t)
      })
    }
    let purpose = document.lines.first { $0.hasPrefix("#") }.map {
      $0.drop { $0 == "#" || $0 == " " }.trimmingCharacters(in: .whitespaces)
    }
    guard case .string(let basePath)? = root["base"] else { return (root, document, purpose, [path]) }
    let (base, _, _, files) = try merged(basePath, seen: seen + [path])
    root.removeValue(forKey: "base")
    return (merge(base, root), document, purpose, [path] + files)
  }

  public static func merge(_ base: [String: TOMLNode], _ over: [String: TOMLNode]) -> [String: TOMLNode] {
    var result = base
    for (key, value) in over {
      if case .table(let b)? = base[key], case .table(let o) = value {
        result[key] = .table(merge(b, o))
      } else {
        result[key] = value
      }
    }
    return result
  }

  static func readSettings(_ reader: TOMLReader, dataset: Dataset, year: Int?) throws(InputError) -> AllocationSettings {
    let document = reader.document
    let written = try reader.integer("year")
    guard let scenarioYear = year ?? written ?? dataset.planYears.dropFirst().first else {
      throw InputError(file: document.path, "needs year = … (a plan year)")
    }
    guard dataset.planYears.contains(scenarioYear) else {
      throw document.error("year", "year \(scenarioYear) is outside the plan (\(dataset.planYears.map(String.init).joined(separator: ", ")))")
    }
    var settings = AllocationSettings(year: scenarioYear)
    if let rule = try reader.string("rule") {
      guard let value = AllocationRule(rawValue: rule) else {
        throw document.error("rule", "rule = \"\(rule)\" should be one of \(AllocationRule.allCases.map(\.rawValue).joined(separator: ", "))\(suggestion(rule, AllocationRule.allCases.map(\.rawValue)))")
      }
      settings.rule = value
    }
    if let baseline = try reader.string("baseline") {
      guard let value = BaselineSource(rawValue: baseline) else {
        throw document.error("baseline", "baseline = \"\(baseline)\" should be \"latest\" or \"allocated\"")
      }
      settings.baseline = value
    }
    let indicatorNames = dataset.indicators.flatMap { [$0.id, $0.name] }
    func indicator(_ text: String, key: String) throws(InputError) -> String {
      guard let match = DatasetLoader.matchIndicator(text, dataset.indicators) else {
        throw document.error(key, "\"\(text)\" is not an indicator of this dataset\(suggestion(text, indicatorNames))")
      }
      return match.id
    }
    func area(_ text: String, key: String) throws(InputError) -> String {
      guard let match = DatasetLoader.matchArea(text, dataset.areas) else {
        throw document.error(key, "\"\(text)\" is not an area of this dataset\(suggestion(text, dataset.areas))")
      }
      return match
    }
    if let capacity = try reader.subtable("capacity") {
      try capacity.checkKeys(["rule", "max_growth", "max_decline", "min_headroom", "by_indicator"])
      settings.capacity = try capacityParameters(capacity, base: settings.capacity)
      if let by = try capacity.subtable("by_indicator") {
        for key in by.table.keys.sorted() {
          guard let entry = try by.subtable(key) else { continue }
          try entry.checkKeys(["rule", "max_growth", "max_decline", "min_headroom"])
          settings.capacityByIndicator[try indicator(key, key: key)] = try capacityParameters(entry, base: settings.capacity)
        }
      }
    }
    func allAndByIndicator(_ key: String, range: ClosedRange<Double>) throws(InputError) -> (Double?, [String: Double]) {
      guard let table = try reader.subtable(key) else { return (nil, [:]) }
      try table.checkKeys(["all", "by_indicator"])
      var by: [String: Double] = [:]
      if let entries = try table.subtable("by_indicator") {
        for name in entries.table.keys.sorted() {
          by[try indicator(name, key: name)] = try entries.number(name, in: range)
        }
      }
      return (try table.number("all", in: range), by)
    }
    let margins = try allAndByIndicator("margin", range: -0.99...10)
    settings.margin = margins.0 ?? 0
    settings.marginByIndicator = margins.1
    let minimums = try allAndByIndicator("minimum", range: 0...1e9)
    settings.minimumPerArea = minimums.0 ?? 0
    settings.minimumByIndicator = minimums.1
    for lock in try reader.tables("lock") {
      try lock.checkKeys(["indicator", "area", "value"])
      let id = try indicator(try lock.requiredString("indicator"), key: "indicator")
      let where_ = try area(try lock.requiredString("area"), key: "area")
      guard let value = try lock.number("value", in: 0...1e9) else {
        throw document.error("lock", "each [[lock]] needs a value (0 or more)")
      }
      settings.locks.append(Lock(indicator: id, area: where_, value: value))
    }
    for group in try reader.tables("equal") {
      try group.checkKeys(["areas", "indicators"])
      var areas: [String] = []
      for name in try group.strings("areas") ?? [] { areas.append(try area(name, key: "areas")) }
      guard areas.count > 1 else { throw document.error("equal", "each [[equal]] group needs at least two areas") }
      var ids: [String] = []
      for name in try group.strings("indicators") ?? [] { ids.append(try indicator(name, key: "indicators")) }
      settings.equalGroups.append(EqualGroup(areas: areas, indicators: ids))
    }
    for (key, target) in [("open", \AllocationSettings.open), ("close", \AllocationSettings.closed)] {
      guard let table = try reader.subtable(key) else { continue }
      for name in table.table.keys.sorted() {
        let id = try indicator(name, key: name)
        var areas: [String] = []
        for a in try table.strings(name) ?? [] { areas.append(try area(a, key: name)) }
        settings[keyPath: target][id] = areas
      }
    }
    if let weights = try reader.subtable("weights") {
      for name in weights.table.keys.sorted() {
        settings.areaWeights[try area(name, key: name)] = try weights.number(name, in: 0...1e12)
      }
    }
    if let baselines = try reader.subtable("baselines") {
      for line in baselines.table.keys.sorted() {
        guard let entries = try baselines.subtable(line) else { continue }
        let id = try indicator(line, key: line)
        for name in entries.table.keys.sorted() {
          settings.explicitBaselines[id, default: [:]][try area(name, key: name)] = try entries.number(name, in: 0...1e12)
        }
      }
    }
    if let output = try reader.subtable("industrial_output") {
      for key in output.table.keys {
        guard let year = Int(key) else {
          throw document.error(key, "[industrial_output] keys are years, e.g. 2025 = 420 (亿元)")
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

  static func capacityParameters(_ table: TOMLReader, base: CapacityParameters) throws(InputError) -> CapacityParameters {
    var result = base
    if let rule = try table.string("rule") {
      guard let value = CapacityRule(rawValue: rule) else {
        throw table.document.error("rule", "capacity rule \"\(rule)\" should be one of \(CapacityRule.allCases.map(\.rawValue).joined(separator: ", "))\(suggestion(rule, CapacityRule.allCases.map(\.rawValue)))")
      }
      result.rule = value
    }
    result.maxGrowth = try table.number("max_growth", in: -0.99...100) ?? result.maxGrowth
    result.maxDecline = try table.number("max_decline", in: 0...1) ?? result.maxDecline
    result.minHeadroom = try table.number("min_headroom", in: 0...100) ?? result.minHeadroom
    return result
  }
}
