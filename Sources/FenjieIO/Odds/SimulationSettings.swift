import FenjieSimulation

/// The scenario's choices for `fenjie simulate` (the `[simulation]` table and `[[shock]]`s).
public struct SimulationSettings: Sendable, Equatable {
  public var runs = 100_000
  public var seed: UInt64 = 2026
  /// E[R] where history cannot tell.
  public var meanRatio = 1.0
  /// Standard deviation of log R where history cannot tell.
  public var sigma = 0.2
  /// ρ: the weight of the shared factor (a bad year for one street is a bad year for all).
  public var correlation = 0.3
  public var factor: FactorMode = .district
  /// Shrinkage: a street's own history counts as n observations against this many of the pool's.
  public var priorStrength = 3.0
  /// Per-indicator overrides of the three defaults above.
  public var byIndicator: [String: Override] = [:]
  public var shocks: [Shock] = []

  public struct Override: Sendable, Equatable {
    public var meanRatio: Double?
    public var sigma: Double?
    public var correlation: Double?
  }

  /// A shift of E[R]: `change` = −0.15 means every affected street delivers 15% less than it
  /// otherwise would, on average.
  public struct Shock: Sendable, Equatable {
    public var indicators: [String]
    /// Empty: every area.
    public var areas: [String]
    /// Empty: every simulated year.
    public var years: [Int]
    public var change: Double
  }

  public init() {}
}

extension ScenarioLoader {
  /// Reads `[simulation]` and `[[shock]]` of a loaded scenario.
  public static func simulationSettings(_ scenario: Scenario) throws(InputError) -> SimulationSettings {
    var settings = SimulationSettings()
    let reader = TOMLReader(scenario.document, scenario.root)
    let dataset = scenario.dataset
    func indicator(_ text: String, key: String) throws(InputError) -> String {
      guard let match = DatasetLoader.matchIndicator(text, dataset.indicators) else {
        throw scenario.document.error(key, "\"\(text)\" is not an indicator of this dataset\(suggestion(text, dataset.indicators.flatMap { [$0.id, $0.name] }))")
      }
      return match.id
    }
    if let table = try reader.subtable("simulation") {
      try table.checkKeys(["runs", "seed", "mean_ratio", "sigma", "correlation", "factor", "prior_strength", "by_indicator"])
      if let runs = try table.integer("runs") {
        guard (1...100_000_000).contains(runs) else { throw scenario.document.error("runs", "runs = \(runs) should be between 1 and 100000000") }
        settings.runs = runs
      }
      if let seed = try table.integer("seed") {
        guard seed >= 0 else { throw scenario.document.error("seed", "seed should be 0 or more") }
        settings.seed = UInt64(seed)
      }
      settings.meanRatio = try table.number("mean_ratio", in: 0...10) ?? settings.meanRatio
      settings.sigma = try table.number("sigma", in: 0...5) ?? settings.sigma
      settings.correlation = try table.number("correlation", in: 0...1) ?? settings.correlation
      settings.priorStrength = try table.number("prior_strength", in: 0...1000) ?? settings.priorStrength
      if let factor = try table.string("factor") {
        guard let mode = FactorMode(rawValue: factor) else {
          throw scenario.document.error("factor", "factor = \"\(factor)\" should be \"district\" or \"group\"")
        }
        settings.factor = mode
      }
      if let by = try table.subtable("by_indicator") {
        for key in by.table.keys.sorted() {
          guard let entry = try by.subtable(key) else { continue }
          try entry.checkKeys(["mean_ratio", "sigma", "correlation"])
          settings.byIndicator[try indicator(key, key: key)] = SimulationSettings.Override(
            meanRatio: try entry.number("mean_ratio", in: 0...10), sigma: try entry.number("sigma", in: 0...5),
            correlation: try entry.number("correlation", in: 0...1))
        }
      }
    }
    for shock in try reader.tables("shock") {
      try shock.checkKeys(["indicator", "indicators", "area", "areas", "year", "years", "change"])
      var ids: [String] = []
      for name in (try shock.strings("indicators") ?? []) + [try shock.string("indicator")].compactMap({ $0 }) {
        ids.append(try indicator(name, key: name))
      }
      if ids.isEmpty { ids = dataset.indicators.map(\.id) }
      var areas: [String] = []
      for name in (try shock.strings("areas") ?? []) + [try shock.string("area")].compactMap({ $0 }) {
        guard let area = DatasetLoader.matchArea(name, dataset.areas) else {
          throw scenario.document.error(name, "\"\(name)\" is not an area of this dataset\(suggestion(name, dataset.areas))")
        }
        areas.append(area)
      }
      var years: [Int] = []
      if let year = try shock.integer("year") { years.append(year) }
      if case .array(let items)? = shock.table["years"] {
        for item in items {
          guard case .integer(let year) = item else { throw scenario.document.error("years", "years should list years, e.g. [2026]") }
          years.append(year)
        }
      }
      guard let change = try shock.number("change", in: -1...10) else {
        throw scenario.document.error("shock", "each [[shock]] needs change = −0.15 (for −15%)")
      }
      settings.shocks.append(SimulationSettings.Shock(indicators: ids, areas: areas, years: years, change: change))
    }
    return settings
  }
}
