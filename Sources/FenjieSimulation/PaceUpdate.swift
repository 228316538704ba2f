import FenjieText
import Foundation

/// The rest of a year, informed by its pace so far: a conjugate normal update of log R.
///
/// Before the year, a street's achievement ratio has log R ~ N(μ, σ²), μ = ln E[R] − σ²/2 (its
/// history). After a share e of the year's expected result is due (e from the months reported and
/// the monthly profile; e = months/12 for an even profile), its pace so far is
/// ℓ = log(known ÷ (target·e)) — for counts log((known + ½) ÷ (target·e + ½)), which stays finite at
/// 0 — and is read as a noisy measurement of log R:
///
///     ℓ | log R ~ N(log R, v),   v = κ·σ²·(1 − e)/e  (+ 1/(known + ½) for counts: Poisson noise)
///
/// The within-year noise shrinks as the year completes (by December the pace *is* the ratio);
/// κ (`pace_noise`, default 1) scales it. The posterior is normal:
///
///     w = σ² / (σ² + v)          (w = e for amounts when κ = 1)
///     μ' = μ + w·(ℓ − μ),   σ'² = (1 − w)·σ²
///
/// and the rest of the year, target·(1 − e)·R', draws R' lognormal with log-mean μ' and spread σ':
/// E[R'] = exp(μ' + σ'²/2). A street at 60% of its pace in October is thus expected to go on at
/// about that pace, not to catch up at its historical ratio. The shared factor keeps its weight ρ
/// in the remaining spread. A continuous line's pace is floored at 1% of the due amount before the
/// logarithm. Nothing is updated when e is 0, nothing remains (e = 1), σ = 0 or the target is 0.
public struct PaceUpdate: Sendable, Equatable, Codable {
  /// e: the share of the year's expected result due by the last month reported.
  public var elapsedShare: Double
  /// known ÷ (target·e) (counts: (known + ½) ÷ (target·e + ½)); nil when nothing was updated.
  public var observedRatio: Double?
  /// w, the weight of the pace against history.
  public var weight: Double
  /// E[R] and σ from history (and shocks).
  public var priorMeanRatio: Double
  public var priorSigma: Double
  /// E[R'] and σ' for the rest of the year.
  public var meanRatio: Double
  public var sigma: Double

  enum CodingKeys: String, CodingKey {
    case weight, sigma
    case elapsedShare = "elapsed_share"
    case observedRatio = "observed_ratio"
    case priorMeanRatio = "prior_mean_ratio"
    case priorSigma = "prior_sigma"
    case meanRatio = "mean_ratio"
  }

  /// The method in one line, for reports.
  public static var method: String { Say.Simulation.paceMethod.text() }

  /// - Parameters:
  ///   - target: the street's target for the whole year (≥ 0).
  ///   - known: what it has delivered so far.
  ///   - elapsedShare: e in 0…1.
  ///   - meanRatio: E[R] from history (> 0).
  ///   - sigma: σ of log R from history.
  ///   - paceNoise: κ ≥ 0.
  ///   - isCount: whether the line is a count (adds the Poisson noise of `known`).
  public init(
    target: Double, known: Double, elapsedShare e: Double, meanRatio: Double, sigma: Double,
    paceNoise: Double = 1, isCount: Bool
  ) {
    elapsedShare = e
    priorMeanRatio = meanRatio
    priorSigma = sigma
    guard e > 0, e < 1, sigma > 0, target > 0, meanRatio > 0 else {
      observedRatio = nil
      weight = 0
      self.meanRatio = meanRatio
      self.sigma = sigma
      return
    }
    let due = target * e
    let pace = isCount ? (known + 0.5) / (due + 0.5) : max(known, 0.01 * due) / due
    let s2 = sigma * sigma
    var v = paceNoise * s2 * (1 - e) / e
    if isCount { v += 1 / (max(known, 0) + 0.5) }
    let w = v > 0 ? s2 / (s2 + v) : 1
    let mu = log(meanRatio) - s2 / 2
    let posteriorMu = mu + w * (log(pace) - mu)
    let posteriorVariance = (1 - w) * s2
    observedRatio = pace
    weight = w
    self.meanRatio = exp(posteriorMu + posteriorVariance / 2)
    self.sigma = posteriorVariance.squareRoot()
  }

  /// The share of a year's expected result due after `fractionOfYear` of it, under a monthly
  /// profile (twelve non-negative weights, January first; nil = even): whole months add their
  /// weight, a part month its part. With an even profile it is `fractionOfYear` itself.
  public static func elapsedShare(fractionOfYear f: Double, profile: [Double]?) -> Double {
    let f = min(max(f, 0), 1)
    guard let profile, profile.count == 12 else { return f }
    let total = profile.reduce(0, +)
    guard total > 0 else { return f }
    let months = f * 12
    let whole = min(Int(months.rounded(.down)), 12)
    var due = profile[0..<whole].reduce(0, +)
    if whole < 12 { due += (months - Double(whole)) * profile[whole] }
    return min(max(due / total, 0), 1)
  }
}
