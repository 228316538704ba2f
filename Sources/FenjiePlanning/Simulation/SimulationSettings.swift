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
  /// Shrinkage of a line's spread σ of log R: its own residual spread (ν = n − 1 degrees of
  /// freedom) counts against this many degrees of freedom of the spread pooled across every
  /// line with actuals (scenario key `sigma_prior_strength`).
  public var sigmaPriorStrength = 4.0
  /// No fitted σ goes below this (`sigma_floor`): a handful of street-years can never make an
  /// achievement ratio certain.
  public var sigmaFloor = 0.05
  /// Pace of the year so far: its weight against history is w = e / (e + κ(1 − e)) for the share
  /// e of the year's expected result that the months reported cover (`pace_noise` = κ; 1 gives
  /// w = e). See ``PaceUpdate``.
  public var paceNoise = 1.0
  /// Expected share of a year's result delivered in each month, January first (`monthly_profile`,
  /// twelve non-negative numbers, normalised); nil = even.
  public var monthlyProfile: [Double]? = nil
  /// Per-indicator overrides of the three defaults above.
  public var byIndicator: [String: Override] = [:]
  public var shocks: [Shock] = []

  public struct Override: Sendable, Equatable {
    public var meanRatio: Double?
    public var sigma: Double?
    public var correlation: Double?

    public init(meanRatio: Double? = nil, sigma: Double? = nil, correlation: Double? = nil) {
      self.meanRatio = meanRatio
      self.sigma = sigma
      self.correlation = correlation
    }
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

    public init(indicators: [String], areas: [String], years: [Int], change: Double) {
      self.indicators = indicators
      self.areas = areas
      self.years = years
      self.change = change
    }
  }

  public init() {}
}
