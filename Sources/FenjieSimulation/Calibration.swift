import Foundation

/// How well probability forecasts of hitting targets matched what happened.
///
/// - Brier score: mean of (p − hit)², 0 best; a forecaster who always says the base rate scores
///   base·(1 − base). Its standard error is that of a mean of the squared errors.
/// - Calibration in the large: z = Σ(hit − p) ÷ √Σ p(1 − p), the standardised difference between
///   the hits observed and the hits the forecasts expected. If the forecasts are the true
///   probabilities and the events independent, z is approximately N(0, 1); |z| > 3 says the
///   forecasts are biased (too hopeful when z < 0).
/// - Reliability by decile: forecasts grouped by p into [0, 0.1), [0.1, 0.2), …, [0.9, 1]; per
///   group the mean forecast, the observed frequency and z of the group.
/// - Band: the share of outcomes inside their forecast's P10–P90 band (both ends included);
///   ≈ 80% when calibrated (at least 80% for whole numbers, whose quantiles are ties), with its
///   standard error √(0.16/n).
public struct Calibration: Sendable, Equatable, Codable {
  /// One probability forecast and what happened.
  public struct Event: Sendable, Equatable, Codable {
    public var probability: Double
    public var hit: Bool
    public init(probability: Double, hit: Bool) {
      self.probability = probability
      self.hit = hit
    }
  }

  /// One quantile forecast of an outcome and the outcome.
  public struct Band: Sendable, Equatable, Codable {
    public var p10: Double
    public var p90: Double
    public var outcome: Double
    public init(p10: Double, p90: Double, outcome: Double) {
      self.p10 = p10
      self.p90 = p90
      self.outcome = outcome
    }
    public var inside: Bool { outcome >= p10 - 1e-9 && outcome <= p90 + 1e-9 }
  }

  public struct Decile: Sendable, Equatable, Codable {
    /// [lower, upper) (the last includes 1).
    public var lower: Double
    public var upper: Double
    public var count: Int
    public var meanForecast: Double
    public var observed: Double
    /// (hits − Σp) ÷ √Σp(1 − p); 0 when every forecast is 0 or 1 and agrees.
    public var z: Double
  }

  public var events: Int
  public var brier: Double
  public var brierStandardError: Double
  public var expectedHits: Double
  public var hits: Int
  public var z: Double
  public var deciles: [Decile]
  public var bands: Int
  /// nil without bands.
  public var bandCoverage: Double?

  enum CodingKeys: String, CodingKey {
    case events, brier, hits, z, deciles, bands
    case brierStandardError = "brier_standard_error"
    case expectedHits = "expected_hits"
    case bandCoverage = "band_coverage"
  }

  public init(events list: [Event], bands bandList: [Band] = []) {
    events = list.count
    let n = Double(max(list.count, 1))
    let squares = list.map { ($0.probability - ($0.hit ? 1 : 0)) * ($0.probability - ($0.hit ? 1 : 0)) }
    let meanSquare = squares.reduce(0, +) / n
    let spread = squares.reduce(0) { $0 + ($1 - meanSquare) * ($1 - meanSquare) } / max(n - 1, 1)
    brier = meanSquare
    brierStandardError = (spread / n).squareRoot()
    expectedHits = list.reduce(0) { $0 + $1.probability }
    hits = list.count { $0.hit }
    z = Self.z(list)
    deciles = (0..<10).compactMap { d in
      let lower = Double(d) / 10, upper = Double(d + 1) / 10
      let members = list.filter { $0.probability >= lower && ($0.probability < upper || (d == 9 && $0.probability <= 1)) }
      guard !members.isEmpty else { return nil }
      let count = Double(members.count)
      return Decile(
        lower: lower, upper: upper, count: members.count,
        meanForecast: members.reduce(0) { $0 + $1.probability } / count,
        observed: Double(members.count { $0.hit }) / count, z: Self.z(members))
    }
    bands = bandList.count
    bandCoverage = bandList.isEmpty ? nil : Double(bandList.count { $0.inside }) / Double(bandList.count)
  }

  static func z(_ list: [Event]) -> Double {
    let variance = list.reduce(0) { $0 + $1.probability * (1 - $1.probability) }
    let difference = list.reduce(0) { $0 + ($1.hit ? 1 : 0) - $1.probability }
    if variance > 0 { return difference / variance.squareRoot() }
    return difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
  }

  /// √(0.8·0.2/n): the standard error of the band's coverage when it is calibrated.
  public var bandStandardError: Double? { bands > 0 ? (0.16 / Double(bands)).squareRoot() : nil }
}
