import Foundation
import Testing

@testable import FenjieSimulation

struct DistributionTests {
  @Test func normalMomentsAndKolmogorovSmirnov() {
    var g = Xoshiro256StarStar(seed: 2024)
    let normal = StandardNormal()
    let n = 200_000
    var xs = (0..<n).map { _ in normal.sample(using: &g) }
    let mean = xs.reduce(0, +) / Double(n)
    let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
    let fourth = xs.reduce(0) { $0 + pow($1, 4) } / Double(n)
    // SE of the mean 1/√n; of the variance √(2/n); of E[X⁴] √(96/n) (E X⁸ − (E X⁴)² = 105 − 9).
    #expect(abs(mean) < 5 / Double(n).squareRoot())
    #expect(abs(variance - 1) < 5 * (2 / Double(n)).squareRoot())
    #expect(abs(fourth - 3) < 5 * (96 / Double(n)).squareRoot())
    // Kolmogorov–Smirnov: D·√n beyond 1.95 has probability 0.001.
    xs.sort()
    var d = 0.0
    for (i, x) in xs.enumerated() {
      let f = normalCDF(x)
      d = max(d, abs(f - Double(i) / Double(n)), abs(Double(i + 1) / Double(n) - f))
    }
    #expect(d * Double(n).squareRoot() < 1.95)
  }

  @Test func normalTailsAndWedgesByBinnedChiSquare() {
    // Bins at the ziggurat's own layer edges would be ideal; 0.25-wide bins out to ±5 plus the
    // two tails cover the wedges and the tail beyond r = 3.654 with enough expected counts.
    var g = Xoshiro256StarStar(seed: 77)
    let normal = StandardNormal()
    let n = 1_000_000
    let edges = stride(from: -5.0, through: 5.0, by: 0.25).map { $0 }
    var counts = [Int](repeating: 0, count: edges.count + 1)
    var beyondR = 0
    for _ in 0..<n {
      let x = normal.sample(using: &g)
      var lo = 0, hi = edges.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if x < edges[mid] { hi = mid } else { lo = mid + 1 }
      }
      counts[lo] += 1
      if abs(x) > SamplingTables.tailStart { beyondR += 1 }
    }
    var probabilities: [Double] = []
    var previous = 0.0
    for e in edges {
      let f = normalCDF(e)
      probabilities.append(f - previous)
      previous = f
    }
    probabilities.append(1 - previous)
    let (stat, df) = chiSquare(observed: counts, probabilities: probabilities, n: n)
    #expect(stat < chiSquareCritical999(df: df), "χ² = \(stat) with \(df) df")
    let pTail = 2 * (1 - normalCDF(SamplingTables.tailStart))
    #expect(withinStandardErrors(Double(beyondR) / Double(n), pTail, runs: n))
  }

  @Test func logNormalMeanAndVariance() {
    var g = Xoshiro256StarStar(seed: 3)
    let d = LogNormal(mean: 1.1, sigma: 0.3)
    #expect(abs(d.mean - 1.1) < 1e-12)
    let n = 400_000
    let xs = (0..<n).map { _ in d.sample(using: &g) }
    let mean = xs.reduce(0, +) / Double(n)
    let logs = xs.map { log($0) }
    let logMean = logs.reduce(0, +) / Double(n)
    let logVar = logs.reduce(0) { $0 + ($1 - logMean) * ($1 - logMean) } / Double(n - 1)
    #expect(abs(mean - 1.1) < 5 * (d.variance / Double(n)).squareRoot())
    #expect(abs(logMean - d.mu) < 5 * 0.3 / Double(n).squareRoot())
    #expect(abs(logVar - 0.09) < 5 * 0.09 * (2 / Double(n)).squareRoot())
  }

  // Means on both sides of every switch: the counting steps of inversion (2, 5), inversion
  // against PTRS (10), and the exact-log-factorial table (k < 4096).
  @Test(arguments: [
    0.3, 0.5, 1.99, 2.01, 3, 4.99, 5.01, 9.9, 9.99, 10, 10.01, 12, 37, 45, 160, 1000, 3900, 10_000, 250_000,
  ])
  func poissonChiSquareAndMoments(mean lambda: Double) {
    var g = Xoshiro256StarStar(seed: UInt64(lambda * 1000))
    let d = Poisson(mean: lambda)
    let n = 200_000
    var sum = 0.0, sumSquares = 0.0
    let lo = max(0, Int(lambda - 8 * lambda.squareRoot() - 10))
    let hi = Int(lambda + 8 * lambda.squareRoot() + 20)
    var counts = [Int](repeating: 0, count: hi - lo + 1)
    var outside = 0
    for _ in 0..<n {
      let k = d.sample(using: &g)
      #expect(k == k.rounded() && k >= 0)
      sum += k
      sumSquares += k * k
      let i = Int(k) - lo
      if counts.indices.contains(i) { counts[i] += 1 } else { outside += 1 }
    }
    let mean = sum / Double(n)
    let variance = (sumSquares - sum * sum / Double(n)) / Double(n - 1)
    // SE of the mean √(λ/n); of the sample variance √((μ₄ − σ⁴)/n) = √((λ + 2λ²)/n).
    #expect(abs(mean - lambda) < 5 * (lambda / Double(n)).squareRoot())
    #expect(abs(variance - lambda) < 5 * ((lambda + 2 * lambda * lambda) / Double(n)).squareRoot())
    #expect(outside == 0)
    let probabilities = (lo...hi).map { exp(poissonLogPMF($0, lambda)) }
    let (stat, df) = chiSquare(observed: counts, probabilities: probabilities, n: n)
    #expect(stat < chiSquareCritical999(df: df), "λ = \(lambda): χ² = \(stat) with \(df) df")
  }

  @Test func poissonEdgeCases() {
    var g = Xoshiro256StarStar(seed: 1)
    #expect(Poisson(mean: 0).sample(using: &g) == 0)
    #expect(Poisson(mean: .infinity).sample(using: &g) == .infinity)
    #expect(Poisson(mean: .nan).sample(using: &g).isNaN)
    #expect(Poisson(mean: -1).sample(using: &g).isNaN)
    let huge = Poisson(mean: 1e18).sample(using: &g)
    #expect(abs(huge - 1e18) < 1e11)
  }

  @Test func logFactorialMatchesSummedLogs() {
    var sum = 0.0
    for k in 1...5000 {
      sum += log(Double(k))
      let value = logFactorial(Double(k))
      #expect(abs(value - sum) <= 1e-12 * max(1, sum), "k = \(k)")
    }
    #expect(logFactorial(0) == 0)
  }

  @Test func fastExpAgreesWithTheLibrary() {
    var worst = 0.0
    var x = -707.7
    while x < 709.7 {
      let exact = exp(x)
      worst = max(worst, abs(fastExp(x) - exact) / exact)
      x += 0.0137
    }
    #expect(worst < 2 * Double.ulpOfOne, "worst relative error \(worst)")
    #expect(fastExp(0) == 1)
    #expect(fastExp(-800) == 0)
    #expect(fastExp(-707.8) == 0)
    #expect(abs(fastExp(709.78) / exp(709.78) - 1) < 2 * Double.ulpOfOne)
    #expect(fastExp(800) == .infinity)
    #expect(fastExp(.nan).isNaN)
  }
}
