import FenjieText
/// Reads an area's history for one line: its baseline (most recent value, actual where known, else
/// target), its peak, last year's target, and whether it is open ("/" stays "/").
struct BaselineContext {
  let dataset: Dataset
  /// Tables of years before the target year, most recent first, actuals before targets within a year.
  let history: [AreaTable]
  let year: Int
  private(set) var usedTables: [Provenance] = []

  init(dataset: Dataset, history: [AreaTable], year: Int) {
    self.dataset = dataset
    self.year = year
    self.history = history.filter { $0.kind != .progress }.sorted { a, b in
      a.year != b.year ? a.year > b.year : (a.kind == .actual && b.kind != .actual)
    }
    var used: [Provenance] = []
    for table in self.history where !used.contains(table.provenance) { used.append(table.provenance) }
    usedTables = used
  }

  func baseline(_ indicator: String, _ area: String) -> Double? {
    for table in history {
      if let v = table.value(indicator, area).number { return v }
    }
    return nil
  }

  func peak(_ indicator: String, _ area: String) -> Double? {
    history.compactMap { $0.value(indicator, area).number }.max()
  }

  /// The target of the year before, or nil.
  func lastTarget(_ indicator: String, _ area: String) -> Double? {
    history.first { $0.year == year - 1 && $0.kind == .target }?.value(indicator, area).number
  }

  /// Areas open on the line: "/" in the most recent target table stays "/" unless the scenario opens it.
  func openAreas(_ indicator: String, settings: AllocationSettings) -> [String] {
    let latest = history.first { $0.kind == .target && $0.values[indicator] != nil }
    let opened = Set(settings.open[indicator] ?? [])
    let closed = Set(settings.closed[indicator] ?? [])
    return dataset.areas.filter { area in
      if closed.contains(area) { return false }
      if opened.contains(area) { return true }
      guard let latest else { return true }
      return latest.value(indicator, area) != .notApplicable
    }
  }

  /// Which tables the line's baselines come from, for the output.
  func describeSources(_ indicator: String) -> String {
    var parts: [String] = []
    for table in history where table.values[indicator] != nil {
      let text = Say.Allocation.historyTable(table.year, actual: table.kind == .actual, table.provenance.label).text()
      if !parts.contains(text) { parts.append(text) }
    }
    return parts.isEmpty ? Say.Allocation.noHistoryAtAll.text() : Say.Allocation.clauses(parts.map { Message(zh: $0, en: $0) }).text()
  }
}
