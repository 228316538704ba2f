import Foundation

@testable import FenjieSimulation

/// Φ, the standard normal CDF.
func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// log P(X = k) for X ~ Poisson(λ).
func poissonLogPMF(_ k: Int, _ lambda: Double) -> Double {
  Double(k) * log(lambda) - lambda - logFactorial(Double(k))
}

/// P(X ≥ k) for X ~ Poisson(λ), summing the pmf upward from k until the terms vanish
/// (all terms positive, so no cancellation).
func poissonUpperTail(_ k: Int, _ lambda: Double) -> Double {
  if k <= 0 { return 1 }
  var term = exp(poissonLogPMF(k, lambda))
  var sum = 0.0
  var j = k
  while term > 1e-18 * sum || Double(j) < lambda {
    sum += term
    j += 1
    term *= lambda / Double(j)
  }
  return sum
}

/// The upper 0.1% point of χ² with `df` degrees of freedom (Wilson–Hilferty; accurate to ~1%
/// for df ≥ 3, which is plenty for a pass/fail threshold).
func chiSquareCritical999(df: Int) -> Double {
  let d = Double(df)
  let z = 3.090_232_306
  let t = 1 - 2 / (9 * d) + z * (2 / (9 * d)).squareRoot()
  return d * t * t * t
}

/// Pearson's χ² of observed counts against expected probabilities, after pooling adjacent cells
/// (in order) until each has an expected count of at least 5. Returns (statistic, degrees of freedom).
func chiSquare(observed: [Int], probabilities: [Double], n: Int) -> (Double, Int) {
  var pooledO: [Double] = [], pooledE: [Double] = []
  var o = 0.0, e = 0.0
  for (count, p) in zip(observed, probabilities) {
    o += Double(count)
    e += p * Double(n)
    if e >= 5 {
      pooledO.append(o)
      pooledE.append(e)
      o = 0
      e = 0
    }
  }
  if e > 0 || o > 0 {
    if pooledE.isEmpty {
      pooledO.append(o)
      pooledE.append(e)
    } else {
      pooledO[pooledO.count - 1] += o
      pooledE[pooledE.count - 1] += e
    }
  }
  let stat = zip(pooledO, pooledE).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / $1.1 }
  return (stat, pooledO.count - 1)
}

/// Asserts |estimate − exact| ≤ k standard errors of a proportion from n runs.
func withinStandardErrors(_ estimate: Double, _ exact: Double, runs n: Int, k: Double = 5) -> Bool {
  let se = max((exact * (1 - exact) / Double(n)).squareRoot(), 1 / Double(n))
  return abs(estimate - exact) <= k * se
}
