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
  /// 2·2^(j/256) for j = 0…255 (the C library's `exp2`, within an ulp), for ``fastExp(_:table:)``.
  @usableFromInline let exp2: UnsafeMutablePointer<Double>

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

    exp2 = .allocate(capacity: 256)
    for j in 0..<256 { exp2[j] = 2 * Foundation.exp2(Double(j) / 256) }

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

/// ``logFactorial(_:)`` with the table passed in (``SamplingTables/logFactorial``), for loops.
@inlinable @inline(__always)
func logFactorial(_ k: Double, table: UnsafeMutablePointer<Double>) -> Double {
  k < Double(SamplingTables.logFactorialCount) ? table[Int(k)] : logFactorial(k)
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
      // The rare slow path works on a copy, so that a caller's generator can stay in registers.
      var copy = g
      let value = slowPath(i: i, u: u, using: &copy)
      g = copy
      if let value { return value }
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
    // The densities by fastExp (within 2 ulp of the C library, and about three times as fast:
    // one draw in 70 comes here).
    let xi = u * x[i]
    let f0 = fastExp(-0.5 * (x[i] * x[i] - xi * xi))  // f(x_i)/f(xi)
    let f1 = fastExp(-0.5 * (x[i + 1] * x[i + 1] - xi * xi))  // f(x_{i+1})/f(xi)
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
/// - λ < 10: inversion on one uniform u: the number of partial sums P(0) + … + P(j) that are
///   ≤ u, counted without branches over the likely j (see ``inversionCounting``);
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
      return Self.inversionCounting(
        lam, expMinusMean: exp(-lam), steps: Self.countingSteps(lam),
        reciprocal: SamplingTables.shared.reciprocal, using: &g)
    }
    if !lam.isFinite { return lam }
    return Self.ptrs(lam, logMean: .nan, using: &g)
  }

  /// Inversion for λ > 0 given e^−λ (``sample`` uses it below 10, the simulator below 20, where
  /// it beats PTRS for having no data-dependent branch), without such branches for the likely
  /// values: X = #{j : u ≥ P(0) + … + P(j)} (the partial sums never decrease), counted over
  /// j < `steps` (≥ 1; ``countingSteps(_:)`` covers all but about 2% of the mass); only when u
  /// lies beyond does the sequential search go on. Any `steps` gives the same value.
  @inlinable @inline(__always)
  static func inversionCounting<G: RandomNumberGenerator>(
    _ lam: Double, expMinusMean: Double, steps: Int, reciprocal: UnsafeMutablePointer<Double>,
    using g: inout G
  ) -> Double {
    while true {
      let u = g.nextUnitClosedOpen()
      var p = expMinusMean
      var c = p
      var k = 0
      for j in 1..<steps {
        k &+= u >= c ? 1 : 0
        p *= lam * reciprocal[j]
        c += p
      }
      k &+= u >= c ? 1 : 0
      if k < steps { return Double(k) }
      // u ≥ P(0) + … + P(steps − 1): go on from j = steps. Past k = 200 the remaining mass is
      // far below 2⁻⁵³; only rounding gets there: redraw.
      let value = continueCounting(lam, u, p, c, from: steps, reciprocal)
      if !value.isNaN { return value }
    }
  }

  /// ``inversionCounting(_:expMinusMean:steps:reciprocal:using:)`` for four means at once,
  /// with the same `steps`, given each lane's uniform u in [0, 1) (a lane with u = −1 gives 0).
  /// The lanes are independent chains of products that the processor runs side by side, where
  /// one mean alone would wait on each product in turn. A lane whose uniform lies beyond the
  /// counted values goes on alone; the rare lane that rounding takes past k = 200 gives NaN, and
  /// the caller draws it again with ``inversionCounting(_:expMinusMean:steps:reciprocal:using:)``.
  @inlinable @inline(__always)
  static func inversionCountingLanes(
    _ lam: SIMD4<Double>, expMinusMean: SIMD4<Double>, uniforms u: SIMD4<Double>, steps: Int,
    reciprocal: UnsafeMutablePointer<Double>
  ) -> SIMD4<Double> {
    var p = expMinusMean
    var c = p
    var k = SIMD4<Int64>()
    for j in 1..<steps {
      k &-= unsafeBitCast(u .>= c, to: SIMD4<Int64>.self)  // a true lane is −1
      p *= lam * reciprocal[j]
      c += p
    }
    k &-= unsafeBitCast(u .>= c, to: SIMD4<Int64>.self)
    var result = SIMD4(Double(k[0]), Double(k[1]), Double(k[2]), Double(k[3]))
    let n = Int64(steps)
    if any(k .== SIMD4(repeating: n)) {
      for lane in 0..<4 where k[lane] == n {
        result[lane] = continueCounting(lam[lane], u[lane], p[lane], c[lane], from: steps, reciprocal)
      }
    }
    return result
  }

  /// The sequential search past `from` values, with p = P(from − 1) and
  /// c = P(0) + … + P(from − 1): the smallest j ≥ `from` with u < P(0) + … + P(j), or NaN past
  /// j = 200 (only rounding gets there: the caller redraws).
  @inlinable @inline(__always)
  static func continueCounting(
    _ lam: Double, _ u: Double, _ p: Double, _ c: Double, from: Int,
    _ reciprocal: UnsafeMutablePointer<Double>
  ) -> Double {
    var p = p, c = c, j = from
    while j <= 200 {
      p *= lam * reciprocal[j]
      c += p
      if u < c { return Double(j) }
      j += 1
    }
    return .nan
  }

  /// The number of values that ``inversionCounting(_:expMinusMean:steps:reciprocal:using:)``
  /// checks without branching: 6 for λ ≤ 2, 12 for λ ≤ 5, 18 for λ ≤ 10, else 32, which leaves
  /// at most 1.7% of the mass beyond (at λ = 2, 5, 10 and 20).
  @inlinable @inline(__always)
  static func countingSteps(_ lam: Double) -> Int {
    lam <= 2 ? 6 : (lam <= 5 ? 12 : (lam <= 10 ? 18 : 32))
  }

  /// PTRS for λ ≥ 10. `logMean` is log λ if the caller has it, else NaN (then it is computed
  /// when the squeeze fails).
  @inlinable @inline(__always)
  static func ptrs<G: RandomNumberGenerator>(_ lam: Double, logMean: Double, using g: inout G)
    -> Double
  {
    let c = PTRSConstants(lam)
    return ptrs(
      lam, c.b, c.a, c.vr, c.invAlpha, logMean: logMean,
      logFactorials: SamplingTables.shared.logFactorial, expTable: SamplingTables.shared.exp2,
      using: &g)
  }

  /// PTRS given its constants (``PTRSConstants``).
  @inlinable @inline(__always)
  static func ptrs<G: RandomNumberGenerator>(
    _ lam: Double, _ b: Double, _ a: Double, _ vr: Double, _ invAlpha: Double, logMean: Double,
    logFactorials: UnsafeMutablePointer<Double>, expTable: UnsafeMutablePointer<Double>,
    using g: inout G
  ) -> Double {
    let twoA = a + a
    let shift = lam + 0.43
    var logLam = logMean
    while true {
      let u = g.nextUnitClosedOpen() - 0.5
      let v = g.nextUnitClosedOpen()
      let us = 0.5 - abs(u)
      let x = (twoA / us + b) * u + shift
      // k = ⌊x⌋; x < 0 is always rejected (k < 0).
      guard x >= 0 else { continue }
      let k = floorOfNonNegative(x)
      if us >= 0.07 && v <= vr { return k }
      if logLam.isNaN { logLam = log(lam) }
      // Reject in the strip us < 0.013, v > us; else accept if
      // log(v·(1/α)/(a/us² + b)) ≤ −λ + k·log λ − log k!, here multiplied out (a + b·us² > 0)
      // and without the logarithm. One branch for both (the strip is rare).
      let us2 = us * us
      let strip = us < 0.013 && v > us
      let logPoint = k * logLam - lam - logFactorial(k, table: logFactorials)
      let bound = fastExp(logPoint, table: expTable)
      let under = v * invAlpha * us2 <= bound * (a + b * us2)
      if (strip ? 0 : 1) & (under ? 1 : 0) != 0 { return k }
    }
  }
}

/// ⌊x⌋ for x ≥ 0 (or +∞) without a library call: below 2⁵², adding and subtracting 2⁵² rounds
/// to a whole number, and one is taken off if that rounded up; from 2⁵² on, x is whole.
@inlinable @inline(__always)
func floorOfNonNegative(_ x: Double) -> Double {
  let rounded = (x + 0x1p52) - 0x1p52
  return x < 0x1p52 ? rounded - (rounded > x ? 1 : 0) : x
}

/// The constants of PTRS for mean λ (Hörmann 1993): b, a, v_r and 1/α.
@usableFromInline
struct PTRSConstants {
  @usableFromInline let b, a, vr, invAlpha: Double

  @inlinable @inline(__always)
  init(_ lam: Double) {
    b = 0.931 + 2.53 * lam.squareRoot()
    a = -0.059 + 0.02483 * b
    vr = 0.9277 - 3.6224 / (b - 2)
    invAlpha = 1.1239 + 1.1328 / (b - 3.4)
  }

  /// Constants computed before (by ``lanes(_:)``).
  @inlinable @inline(__always)
  init(b: Double, a: Double, vr: Double, invAlpha: Double) {
    (self.b, self.a, self.vr, self.invAlpha) = (b, a, vr, invAlpha)
  }

  /// The same for eight means at once (bit for bit).
  @inlinable @inline(__always)
  static func lanes(_ lam: SIMD8<Double>)
    -> (b: SIMD8<Double>, a: SIMD8<Double>, vr: SIMD8<Double>, invAlpha: SIMD8<Double>)
  {
    let b = 0.931 + 2.53 * lam.squareRoot()
    let a = -0.059 + 0.02483 * b
    let vr = 0.9277 - 3.6224 / (b - 2)
    let invAlpha = 1.1239 + 1.1328 / (b - 3.4)
    return (b, a, vr, invAlpha)
  }
}
