import FenjieText
import FenjieCore
import Foundation

/// The achievement ratio R = actual ÷ target of one indicator, fitted from the dataset's years that
/// have actuals and a street table to hold them against: the published 分解表 of that year, else
/// fenjie's own allocation of it (``fitTargets``, named in the sources).
///
/// - Mean: log R pooled across streets; each street's mean shrunk toward the pool by k
///   pseudo-observations, m_s = (n_s·mean_s + k·mean_pool) / (n_s + k), with k = σ_w²/τ² (σ_w² the within-street variance) from the
///   between-street spread τ² the data show beyond chance (empirical Bayes, method of moments; k =
///   ∞, full pooling, when τ² = 0), and never below `prior_strength`.
/// - Spread: the line's sample variance s² of log R (ν = n − 1 degrees of freedom) shrunk toward
///   the spread pooled across every line with actuals, σ₀² = Σ_lines Σ (log R − line mean)² ÷
///   Σ_lines (n − 1) (the scenario's `sigma` where no line has two pairs), with ν₀ =
///   `sigma_prior_strength` degrees of freedom: σ² = (ν·s² + ν₀·σ₀²) / (ν + ν₀) — the posterior
///   mode of a scaled-inverse-χ² prior — and never below `sigma_floor`. A line whose few actuals
///   all hit their targets exactly thus gets σ ≈ √(ν₀/(ν + ν₀))·σ₀, not 0.
///
/// With fewer than 3 pairs on a line, the scenario's defaults.
struct RatioFit {
  var pooledMean: Double?
  var sigma: Double
  var streetMeans: [String: (mean: Double, count: Int)] = [:]
  var priorStrength: Double
  var defaultMean: Double
  var source: String
  /// The line's own spread before shrinkage and its degrees of freedom (nil with defaults).
  var ownSigma: Double?
  var degreesOfFreedom: Int = 0
  /// τ, the spread of the streets' true log-means estimated from the data (nil with defaults).
  var betweenStreetSigma: Double?

  /// The spread of log R pooled across lines (residuals from each line's own mean) and its
  /// degrees of freedom; nil where no line has two pairs.
  struct Prior {
    var sigma: Double
    var degreesOfFreedom: Int
  }

  /// Every (area, log R) pair of one line: actuals ÷ the targets they are held against.
  static func logRatios(dataset: Dataset, indicator: String, targets: [Int: AreaTable]) -> [(String, Double)] {
    var logs: [(String, Double)] = []
    for actual in dataset.tables where actual.kind == .actual {
      guard let target = dataset.table(year: actual.year, kind: .target) ?? targets[actual.year] else { continue }
      for area in dataset.areas {
        if let a = actual.value(indicator, area).number, let t = target.value(indicator, area).number, t > 0, a > 0 {
          logs.append((area, log(a / t)))
        }
      }
    }
    return logs
  }

  /// The spread pooled across the dataset's split lines.
  static func prior(dataset: Dataset, targets: [Int: AreaTable]) -> Prior? {
    var squares = 0.0
    var freedom = 0
    for indicator in dataset.indicators where indicator.kind.isSplit {
      let logs = logRatios(dataset: dataset, indicator: indicator.id, targets: targets).map(\.1)
      guard logs.count >= 2 else { continue }
      let mean = logs.reduce(0, +) / Double(logs.count)
      squares += logs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      freedom += logs.count - 1
    }
    return freedom > 0 ? Prior(sigma: (squares / Double(freedom)).squareRoot(), degreesOfFreedom: freedom) : nil
  }

  init(
    dataset: Dataset, indicator: String, settings: SimulationSettings, targets: [Int: AreaTable] = [:],
    prior: Prior? = nil
  ) {
    let logs = Self.logRatios(dataset: dataset, indicator: indicator, targets: targets)
    priorStrength = settings.priorStrength
    defaultMean = settings.meanRatio
    guard logs.count >= 3 else {
      sigma = settings.sigma
      source = Say.Planning.scenarioDefaults(mean: "\(settings.meanRatio)", sigma: "\(settings.sigma)").text()
      return
    }
    let mean = logs.reduce(0) { $0 + $1.1 } / Double(logs.count)
    let variance = logs.reduce(0) { $0 + ($1.1 - mean) * ($1.1 - mean) } / Double(logs.count - 1)
    pooledMean = mean
    let nu = Double(logs.count - 1)
    let nu0 = settings.sigmaPriorStrength
    let sigma0 = prior?.sigma ?? settings.sigma
    let shrunk = nu + nu0 > 0 ? ((nu * variance + nu0 * sigma0 * sigma0) / (nu + nu0)).squareRoot() : sigma0
    ownSigma = variance.squareRoot()
    degreesOfFreedom = logs.count - 1
    sigma = max(shrunk, settings.sigmaFloor)
    for (area, value) in logs {
      let previous = streetMeans[area] ?? (0, 0)
      streetMeans[area] = (previous.mean + value, previous.count + 1)
    }
    for (area, entry) in streetMeans { streetMeans[area] = (entry.mean / Double(entry.count), entry.count) }
    // Empirical Bayes: the spread of the street means beyond what the noise of their own few
    // years explains, τ² = max(0, var(street means) − mean(σ²/n_s)) (method of moments); a street's
    // own mean counts as n_s observations against σ²/τ² of the pool's, and never against fewer than
    // `prior_strength`. Streets that differ only by chance are pooled.
    // Sums in street-name order, so that the bits never depend on a dictionary's order.
    let own = streetMeans
    let streets = own.keys.sorted()
    let means = streets.map { own[$0]!.mean }
    if means.count >= 2 {
      let grand = means.reduce(0, +) / Double(means.count)
      let between = means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(means.count - 1)
      // Within-street variance (the total one where every street has a single year).
      var within = 0.0
      for (area, value) in logs { within += (value - own[area]!.mean) * (value - own[area]!.mean) }
      let withinFreedom = logs.count - streetMeans.count
      let withinVariance = withinFreedom > 0 ? within / Double(withinFreedom) : variance
      let noise = streets.reduce(0) { $0 + withinVariance / Double(own[$1]!.count) } / Double(means.count)
      // A difference within rounding of 0 is 0 (one year per street makes them equal in exact
      // arithmetic).
      let tau2 = between - noise > 1e-12 * max(between, noise) ? between - noise : 0
      betweenStreetSigma = tau2.squareRoot()
      priorStrength = tau2 > 0 ? max(settings.priorStrength, withinVariance / tau2) : .infinity
    }
    let priorText = prior.map { Say.Planning.pooledPrior(String(format: "%.3f", $0.sigma), df: $0.degreesOfFreedom) }
      ?? Say.Planning.scenarioSigma("\(settings.sigma)")
    let shrink = priorStrength.isInfinite ? Say.Planning.fullPooling : Message(zh: String(format: "%.3g", priorStrength), en: String(format: "%.3g", priorStrength))
    source = Say.Planning.fitted(
      pairs: logs.count, ownSigma: String(format: "%.3f", variance.squareRoot()), df: logs.count - 1,
      priorDF: JSONFormat.plain(nu0), prior: priorText, floor: JSONFormat.plain(settings.sigmaFloor),
      sigma: String(format: "%.3f", sigma), shrink: shrink
    ).text()
  }

  /// E[R] for a street: exp(m + σ_s²/2) of its shrunk log-mean m and its predictive spread σ_s
  /// (``sigma(_:)``), or the default.
  func meanRatio(_ area: String) -> Double {
    guard let pooled = pooledMean else { return defaultMean }
    let own = streetMeans[area]
    let n = Double(own?.count ?? 0)
    let m = priorStrength.isInfinite ? pooled : (n * (own?.mean ?? 0) + priorStrength * pooled) / max(n + priorStrength, 1e-12)
    let s = sigma(area)
    return exp(m + s * s / 2)
  }

  /// The predictive spread of a street's log R: σ² plus the uncertainty of its fitted log-mean,
  /// σ²/(n_s + k) for its own part and (k/(n_s + k))·σ²/N for the pool's (N pairs on the line;
  /// σ²/N alone when fully pooled, k = ∞), so that odds from a few years of history are not sharper
  /// than those years can support. The scenario's σ where nothing is fitted.
  func sigma(_ area: String) -> Double {
    guard pooledMean != nil else { return sigma }
    let n = Double(streetMeans[area]?.count ?? 0)
    let pairs = Double(degreesOfFreedom + 1)
    let s2 = sigma * sigma
    let meanVariance: Double
    if priorStrength.isInfinite {
      meanVariance = s2 / pairs
    } else {
      let k = priorStrength
      meanVariance = s2 / max(n + k, 1e-12) + k / max(n + k, 1e-12) * s2 / pairs
    }
    return (s2 + meanVariance).squareRoot()
  }
}

/// Short, stable number text for notes ("3", "0.05").
enum JSONFormat {
  static func plain(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
  }
}
