import Foundation

/// A probability distribution that can draw values from any random number generator.
public protocol Sampler: Sendable {
  associatedtype Value
  func sample<G: RandomNumberGenerator>(using generator: inout G) -> Value
}

// MARK: - Tables

/// Read-only tables shared by the samplers: the ziggurat of the normal density and log k! for small k.
/// Built once, never mutated and never freed, so sharing the raw pointers between threads is safe.
@usableFromInline
final class SamplingTables: @unchecked Sendable {
  @usableFromInline static let shared = SamplingTables()

  /// Ziggurat with 256 layers (Marsaglia & Tsang 2000, in the form of Doornik 2005 "ZIGNOR").
  @usableFromInline static let layers = 256
  /// Right edge of the base layer: r = 3.6541528853610088.
  @usableFromInline static let tailStart = 3.6541528853610088
  /// Area of every layer under exp(−x²/2): v = 4.92867323399e−3.
  @usableFromInline static let layerArea = 4.92867323399e-3
  /// Number of log k! values tabulated (32 KB); Stirling's series above.
  @usableFromInline static let logFactorialCount = 4096

  /// x_i, the right edge of layer i (i = 0…256, x_0 = v / f(r) for the base, x_256 = 0).
  @usableFromInline let zigX: UnsafeMutablePointer<Double>
  /// x_{i+1} / x_i: below this |u| a draw lies inside the layer's inner rectangle.
  @usableFromInline let zigRatio: UnsafeMutablePointer<Double>
  /// log k! for k = 0…4095.
  @usableFromInline let logFactorial: UnsafeMutablePointer<Double>
  /// 1/k for k = 0…4095 (entry 0 unused), so that Poisson inversion multiplies instead of divides.
  @usableFromInline let reciprocal: UnsafeMutablePointer<Double>

  private init() {
    let c = Self.layers
    zigX = .allocate(capacity: c + 1)
    zigRatio = .allocate(capacity: c)
    let r = Self.tailStart, v = Self.layerArea
    var f = exp(-0.5 * r * r)
    zigX[0] = v / f
    zigX[1] = r
    zigX[c] = 0
    for i in 2..<c {
      zigX[i] = (-2 * log(v / zigX[i - 1] + f)).squareRoot()
      f = exp(-0.5 * zigX[i] * zigX[i])
    }
    for i in 0..<c { zigRatio[i] = zigX[i + 1] / zigX[i] }

    reciprocal = .allocate(capacity: Self.logFactorialCount)
    reciprocal[0] = 0
    for k in 1..<Self.logFactorialCount { reciprocal[k] = 1 / Double(k) }

    logFactorial = .allocate(capacity: Self.logFactorialCount)
    var sum = 0.0
    logFactorial[0] = 0
    for k in 1..<Self.logFactorialCount {
      sum += log(Double(k))
      logFactorial[k] = sum
    }
  }
}

/// log k! (= log Γ(k + 1)) for a whole number k ≥ 0 given as a double: a table below 4096, else
/// Stirling's series to the z⁻⁷ term (relative error below 10⁻¹⁹ there). Thread-safe, unlike
/// the C library's `lgamma`, which writes the global `signgam`.
@inlinable
public func logFactorial(_ k: Double) -> Double {
  if k < Double(SamplingTables.logFactorialCount) {
    return SamplingTables.shared.logFactorial[Int(k)]
  }
  let z = k + 1
  let z2 = z * z
  let series = (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - 1.0 / (1680 * z2)) / z2) / z2) / z
  return (z - 0.5) * log(z) - z + 0.918_938_533_204_672_7 + series  // ½·log 2π
}

// MARK: - Normal

/// The standard normal distribution N(0, 1), drawn by the ziggurat method with 256 layers
/// (Marsaglia & Tsang 2000, "The ziggurat method for generating random variables", with the
/// correction of Doornik 2005: the layer index and the abscissa come from disjoint bits).
///
/// One 64-bit output gives the layer (low 8 bits) and a signed uniform u in [−1, 1) (top 53 bits);
/// about 99% of draws end there. Wedges are accepted by comparing with the exact density, and the
/// tail beyond r = 3.654 uses Marsaglia's exact exponential rejection, so the draws are exactly
/// normal (up to floating point). Mean 0, variance 1.
public struct StandardNormal: Sampler, @unchecked Sendable {
  @usableFromInline let x: UnsafeMutablePointer<Double>
  @usableFromInline let ratio: UnsafeMutablePointer<Double>

  public init() {
    let t = SamplingTables.shared
    x = t.zigX
    ratio = t.zigRatio
  }

  @inlinable @inline(__always)
  public func sample<G: RandomNumberGenerator>(using g: inout G) -> Double {
    while true {
      let bits = g.next()
      let i = Int(truncatingIfNeeded: bits & 0xFF)
      let u = Double(Int64(bitPattern: bits) >> 11) * 0x1.0p-52
      if abs(u) < ratio[i] { return u * x[i] }
      if let value = slowPath(i: i, u: u, using: &g) { return value }
    }
  }

  @usableFromInline @inline(never)
  func slowPath<G: RandomNumberGenerator>(i: Int, u: Double, using g: inout G) -> Double? {
    if i == 0 {
      // The tail |x| > r (Marsaglia 1964): x = −log(U₁)/r, accepted when −2·log U₂ ≥ x².
      let r = SamplingTables.tailStart
      while true {
        let a = log(g.nextUnitOpen()) / r
        let b = log(g.nextUnitOpen())
        if -2 * b >= a * a { return u < 0 ? a - r : r - a }
      }
    }
    let xi = u * x[i]
    let f0 = exp(-0.5 * (x[i] * x[i] - xi * xi))  // f(x_i)/f(xi)
    let f1 = exp(-0.5 * (x[i + 1] * x[i + 1] - xi * xi))  // f(x_{i+1})/f(xi)
    return f1 + g.nextUnitClosedOpen() * (f0 - f1) < 1 ? xi : nil
  }
}

/// The lognormal distribution: exp(μ + σ·Z) with Z standard normal.
/// Mean exp(μ + σ²/2), variance (exp(σ²) − 1)·exp(2μ + σ²).
public struct LogNormal: Sampler {
  public let mu: Double
  public let sigma: Double
  @usableFromInline let normal = StandardNormal()

  /// - Parameters: mu: mean of log X; sigma: standard deviation of log X (≥ 0).
  public init(mu: Double, sigma: Double) {
    self.mu = mu
    self.sigma = sigma
  }

  /// The lognormal with the given mean E[X] > 0 and log-spread σ: μ = ln(mean) − σ²/2.
  public init(mean: Double, sigma: Double) {
    self.init(mu: log(mean) - sigma * sigma / 2, sigma: sigma)
  }

  public var mean: Double { exp(mu + sigma * sigma / 2) }
  public var variance: Double { (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma) }

  @inlinable
  public func sample<G: RandomNumberGenerator>(using g: inout G) -> Double {
    exp(mu + sigma * normal.sample(using: &g))
  }
}

// MARK: - Poisson

/// The Poisson distribution with mean λ ≥ 0, drawn exactly (no normal approximation):
/// - λ < 10: inversion by sequential search from 0 on one uniform (expected λ + 1 steps);
/// - λ ≥ 10: PTRS, the transformed rejection with squeeze of Hörmann (1993, "The transformed
///   rejection method for generating Poisson random variables", Insurance: Mathematics and
///   Economics 12), with the constants of the paper; acceptance ≈ 0.9 per pair of uniforms.
/// Values are returned as whole-number doubles so that nothing can trap on overflow; a mean that
/// is not finite is returned unchanged (infinity or NaN).
public struct Poisson: Sampler {
  public let mean: Double
  public init(mean: Double) { self.mean = mean }

  /// Means below this use inversion, at or above it PTRS (the switch numpy also uses).
  public static let inversionLimit = 10.0

  @inlinable
  public func sample<G: RandomNumberGenerator>(using g: inout G) -> Double {
    let lam = mean
    if lam < Self.inversionLimit {
      if !(lam > 0) { return lam == 0 ? 0 : .nan }
      return Self.inversion(lam, using: &g)
    }
    if !lam.isFinite { return lam }
    return Self.ptrs(lam, using: &g)
  }

  @inlinable
  static func inversion<G: RandomNumberGenerator>(_ lam: Double, using g: inout G) -> Double {
    inversion(lam, expMinusMean: exp(-lam), reciprocal: SamplingTables.shared.reciprocal, using: &g)
  }

  /// Inversion for 0 < λ < 10 given e^−λ: the smallest k with u < P(0) + … + P(k), found by
  /// subtracting P(0), P(1), … from u (P(k) = P(k−1)·λ/k).
  @inlinable
  static func inversion<G: RandomNumberGenerator>(
    _ lam: Double, expMinusMean: Double, reciprocal: UnsafeMutablePointer<Double>, using g: inout G
  ) -> Double {
    while true {
      var u = g.nextUnitClosedOpen()
      var p = expMinusMean
      var k = 0
      while u >= p {
        u -= p
        k += 1
        // Past k = 200 the remaining mass is far below 2⁻⁵³; only rounding gets here: redraw.
        if k > 200 { break }
        p *= lam * reciprocal[k]
      }
      if k <= 200 { return Double(k) }
    }
  }

  @inlinable
  static func ptrs<G: RandomNumberGenerator>(_ lam: Double, using g: inout G) -> Double {
    let slam = lam.squareRoot()
    let b = 0.931 + 2.53 * slam
    let a = -0.059 + 0.02483 * b
    let vr = 0.9277 - 3.6224 / (b - 2)
    while true {
      let u = g.nextUnitClosedOpen() - 0.5
      let v = g.nextUnitClosedOpen()
      let us = 0.5 - abs(u)
      let x = (2 * a / us + b) * u + lam + 0.43
      // k = ⌊x⌋; x < 0 is always rejected (k < 0), and conversion is exact below 2⁶².
      guard x >= 0 else { continue }
      let k = x < 0x1p62 ? Double(Int64(x)) : x.rounded(.down)
      if us >= 0.07 && v <= vr { return k }
      if us < 0.013 && v > us { continue }
      let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
      if log(v * invAlpha / (a / (us * us) + b)) <= -lam + k * log(lam) - logFactorial(k) {
        return k
      }
    }
  }
}
