import FenjieCore
import Foundation

/// The achievement ratio R = actual ÷ target of one indicator, fitted from the dataset's years that
/// have both a target table and actuals: log R pooled across streets (mean and standard deviation),
/// each street's mean shrunk toward the pool by `prior_strength` pseudo-observations
/// (m_s = (n_s·mean_s + k·mean_pool) / (n_s + k)). With fewer than 3 pairs, the scenario's defaults.
struct RatioFit {
  var pooledMean: Double?
  var sigma: Double
  var streetMeans: [String: (mean: Double, count: Int)] = [:]
  var priorStrength: Double
  var defaultMean: Double
  var source: String

  init(dataset: Dataset, indicator: String, settings: SimulationSettings) {
    var logs: [(String, Double)] = []
    for actual in dataset.tables where actual.kind == .actual {
      guard let target = dataset.table(year: actual.year, kind: .target) else { continue }
      for area in dataset.areas {
        if let a = actual.value(indicator, area).number, let t = target.value(indicator, area).number, t > 0, a > 0 {
          logs.append((area, log(a / t)))
        }
      }
    }
    priorStrength = settings.priorStrength
    defaultMean = settings.meanRatio
    guard logs.count >= 3 else {
      sigma = settings.sigma
      source = "scenario defaults (mean ratio \(settings.meanRatio), sigma \(settings.sigma))"
      return
    }
    let mean = logs.reduce(0) { $0 + $1.1 } / Double(logs.count)
    let variance = logs.reduce(0) { $0 + ($1.1 - mean) * ($1.1 - mean) } / Double(logs.count - 1)
    pooledMean = mean
    sigma = variance.squareRoot()
    for (area, value) in logs {
      let previous = streetMeans[area] ?? (0, 0)
      streetMeans[area] = (previous.mean + value, previous.count + 1)
    }
    for (area, entry) in streetMeans { streetMeans[area] = (entry.mean / Double(entry.count), entry.count) }
    source = "fitted from \(logs.count) street-years of actual ÷ target (pooled sigma \(String(format: "%.3f", sigma)), street means shrunk by \(priorStrength))"
  }

  /// E[R] for a street: exp(m + σ²/2) of its shrunk log-mean, or the default.
  func meanRatio(_ area: String) -> Double {
    guard let pooled = pooledMean else { return defaultMean }
    let own = streetMeans[area]
    let n = Double(own?.count ?? 0)
    let m = (n * (own?.mean ?? 0) + priorStrength * pooled) / max(n + priorStrength, 1e-12)
    return exp(m + sigma * sigma / 2)
  }
}
