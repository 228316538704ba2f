import FenjieCore
import FenjiePlanning
import FenjieSimulation
import FenjieText

extension ScenarioLoader {
  /// Reads `[simulation]` and `[[shock]]` of a scenario's merged TOML.
  static func readSimulation(_ reader: TOMLReader, dataset: Dataset) throws(InputError) -> SimulationSettings {
    var settings = SimulationSettings()
    if let table = try reader.subtable("simulation") {
      try readSimulationTable(table, dataset: dataset, into: &settings)
    }
    for shock in try reader.tables("shock") {
      settings.shocks.append(try readShock(shock, dataset: dataset))
    }
    return settings
  }

  static func readSimulationTable(_ table: TOMLReader, dataset: Dataset, into settings: inout SimulationSettings) throws(InputError) {
    try table.checkKeys([
      "runs", "seed", "mean_ratio", "sigma", "correlation", "factor", "prior_strength", "by_indicator",
      "sigma_prior_strength", "sigma_floor", "pace_noise", "monthly_profile",
    ])
    if let runs = try table.integer("runs") {
      guard (1...100_000_000).contains(runs) else { throw table.error("runs", Say.Input.runsOutOfRange(runs)) }
      settings.runs = runs
    }
    if let seed = try table.integer("seed") {
      guard seed >= 0 else { throw table.error("seed", Say.Input.seedNotNegative) }
      settings.seed = UInt64(seed)
    }
    settings.meanRatio = try table.number("mean_ratio", in: 0...10) ?? settings.meanRatio
    settings.sigma = try table.number("sigma", in: 0...5) ?? settings.sigma
    settings.correlation = try table.number("correlation", in: 0...1) ?? settings.correlation
    settings.priorStrength = try table.number("prior_strength", in: 0...1000) ?? settings.priorStrength
    settings.sigmaPriorStrength = try table.number("sigma_prior_strength", in: 0...1000) ?? settings.sigmaPriorStrength
    settings.sigmaFloor = try table.number("sigma_floor", in: 0...5) ?? settings.sigmaFloor
    settings.paceNoise = try table.number("pace_noise", in: 0...1000) ?? settings.paceNoise
    if let items = table.table["monthly_profile"] {
      var profile: [Double] = []
      if case .array(let values) = items {
        for value in values {
          switch value {
          case .integer(let v): profile.append(Double(v))
          case .double(let v): profile.append(v)
          default: break
          }
        }
      }
      guard profile.count == 12, profile.allSatisfy({ $0 >= 0 && $0.isFinite }), profile.reduce(0, +) > 0 else {
        throw table.error("monthly_profile", Say.Input.monthlyProfile)
      }
      settings.monthlyProfile = profile
    }
    if let factor = try table.string("factor") {
      guard let mode = FactorMode(rawValue: factor) else {
        throw table.error("factor", Say.Input.unknownFactor(factor))
      }
      settings.factor = mode
    }
    guard let by = try table.subtable("by_indicator") else { return }
    for key in by.table.keys.sorted() {
      guard let entry = try by.subtable(key) else { continue }
      try entry.checkKeys(["mean_ratio", "sigma", "correlation"])
      settings.byIndicator[try indicator(key, dataset, in: by, key: key).id] = SimulationSettings.Override(
        meanRatio: try entry.number("mean_ratio", in: 0...10), sigma: try entry.number("sigma", in: 0...5),
        correlation: try entry.number("correlation", in: 0...1))
    }
  }

  /// One `[[shock]]` (or `--shock`): on simulated lines of the dataset (a rate line is not simulated),
  /// in plan years, in areas of the dataset; a shock that would move nothing is refused.
  static func readShock(_ shock: TOMLReader, dataset: Dataset) throws(InputError) -> SimulationSettings.Shock {
    try shock.checkKeys(["indicator", "indicators", "area", "areas", "year", "years", "change"])
    var ids: [String] = []
    for name in (try shock.strings("indicators") ?? []) + [try shock.string("indicator")].compactMap({ $0 }) {
      let line = try indicator(name, dataset, in: shock, key: name)
      if line.kind == .rate {
        throw shock.tableError(name, Say.Input.shockOnRate(line.name))
      }
      ids.append(line.id)
    }
    if ids.isEmpty { ids = dataset.indicators.map(\.id) }
    var areas: [String] = []
    for name in (try shock.strings("areas") ?? []) + [try shock.string("area")].compactMap({ $0 }) {
      areas.append(try area(name, dataset, in: shock, key: name))
    }
    var years: [Int] = []
    if let year = try shock.integer("year") { years.append(year) }
    if case .array(let items)? = shock.table["years"] {
      for item in items {
        guard case .integer(let year) = item else { throw shock.error("years", Say.Input.yearsShouldListYears) }
        years.append(year)
      }
    }
    for year in years where !dataset.planYears.contains(year) {
      throw shock.tableError(
        years.count == 1 ? "year" : "years", Say.Input.shockYearOutsidePlan(year, plan: dataset.planYears.map(String.init).joined(separator: ", ")))
    }
    guard let change = try shock.number("change", in: -1...10) else {
      throw shock.tableError("shock", Say.Input.shockNeedsChange)
    }
    return SimulationSettings.Shock(indicators: ids, areas: areas, years: years, change: change)
  }
}
