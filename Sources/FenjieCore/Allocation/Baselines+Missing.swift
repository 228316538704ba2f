import FenjieText
/// Baselines of areas with no history on a line (a district's first plan year, a new line, a new
/// area), so that no area gets a silent cap of 0 and no area is handed the whole target.
///
/// In order of preference, each area gets a size s_a:
/// 1. the scenario's explicit baseline for the line (`[baselines.<line>]`), used as it is;
/// 2. the scenario's size weight (`[weights]`: population, enterprises, GDP, …);
/// 3. the area's mean share of the other split lines it has history on
///    (mean over lines L of b(L, a) ÷ Σ_areas b(L, ·));
/// 4. equal sizes.
/// The missing baselines are then s_a × (Σ known baselines ÷ Σ known sizes) where some areas have
/// history on the line, and s_a ÷ Σ sizes × the required total where none has. An area that had
/// "/" on the line and is opened by the scenario keeps baseline 0 (it had none).
extension BaselineContext {
  struct Estimate {
    var baselines: [Double]
    /// What was assumed, for the notes; nil when every baseline came from history.
    var note: String?
  }

  func estimateMissing(
    _ indicator: String, open: [String], required: Double, settings: AllocationSettings
  ) -> Estimate {
    var baselines = open.map { baseline(indicator, $0) }
    for (s, area) in open.enumerated() {
      if let explicit = settings.explicitBaselines[indicator]?[area] { baselines[s] = explicit }
      else if baselines[s] == nil, hadNotApplicable(indicator, area) { baselines[s] = 0 }
    }
    let missing = open.indices.filter { baselines[$0] == nil }
    let explicitNames = open.filter { settings.explicitBaselines[indicator]?[$0] != nil }
    guard !missing.isEmpty else {
      let note = explicitNames.isEmpty ? nil : Say.Allocation.explicitBaselines(explicitNames).text()
      return Estimate(baselines: baselines.map { $0! }, note: note)
    }
    let (sizes, basis) = areaSizes(open, excluding: indicator, settings: settings)
    let known = open.indices.filter { baselines[$0] != nil }
    let knownSizes = known.reduce(0) { $0 + sizes[$1] }
    let knownTotal = known.reduce(0) { $0 + baselines[$1]! }
    let perSize: Double
    let scale: Message
    if !known.isEmpty, knownSizes > 0, knownTotal > 0 {
      perSize = knownTotal / knownSizes
      scale = Say.Allocation.scaledToHistory
    } else {
      let allSizes = missing.reduce(0) { $0 + sizes[$1] }
      perSize = allSizes > 0 ? max(0, required - knownTotal) / allSizes : 0
      scale = Say.Allocation.splittingTarget
    }
    for s in missing { baselines[s] = sizes[s] * perSize }
    let names = missing.map { open[$0] }
    let who = missing.count == open.count
      ? Say.Allocation.noAreaHistory : Say.Allocation.noHistory(names)
    return Estimate(
      baselines: baselines.map { $0! },
      note: Say.Allocation.assumedBaselines(who, basis, scale, indicator).text())
  }

  /// Whether a table marks the area "/" on the line (no target: its baseline is 0, not unknown).
  func hadNotApplicable(_ indicator: String, _ area: String) -> Bool {
    history.contains { $0.value(indicator, area) == .notApplicable }
  }

  /// Each area's size and what it is based on.
  func areaSizes(
    _ open: [String], excluding indicator: String, settings: AllocationSettings
  ) -> (sizes: [Double], basis: Message) {
    if !settings.areaWeights.isEmpty, open.allSatisfy({ settings.areaWeights[$0] != nil }) {
      return (open.map { settings.areaWeights[$0]! }, Say.Allocation.weightsBasis)
    }
    let shares = meanShares(excluding: indicator)
    if open.allSatisfy({ shares[$0] != nil }) {
      return (open.map { shares[$0]! }, Say.Allocation.meanShareBasis)
    }
    return (open.map { _ in 1 }, Say.Allocation.equalShareBasis)
  }

  /// Each area's mean share of the split lines with history (other than `indicator`).
  func meanShares(excluding indicator: String) -> [String: Double] {
    var sums: [String: Double] = [:]
    var counts: [String: Int] = [:]
    for line in dataset.indicators where line.kind.isSplit && line.id != indicator && line.parent == nil {
      let values = dataset.areas.map { baseline(line.id, $0) }
      let total = values.compactMap { $0 }.reduce(0, +)
      guard total > 0 else { continue }
      for (area, value) in zip(dataset.areas, values) {
        guard let value else { continue }
        sums[area, default: 0] += value / total
        counts[area, default: 0] += 1
      }
    }
    return sums.mapValues { $0 }.reduce(into: [:]) { result, entry in
      result[entry.key] = entry.value / Double(counts[entry.key]!)
    }
  }
}
