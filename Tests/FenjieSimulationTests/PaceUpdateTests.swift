import FenjieText
import Foundation
import XCTest

@testable import FenjieSimulation

final class PaceUpdateTests: XCTestCase {
  /// An amount line worked by hand: target 100, three quarters of the year due, 60 delivered (pace
  /// 0.8), E[R] = 1, σ = 0.2, κ = 1. The measurement variance is 0.04·0.25/0.75, so w = 0.75 = e;
  /// μ = −0.02, μ' = −0.02 + 0.75·(ln 0.8 + 0.02), σ'² = 0.25·0.04 = 0.01.
  func testAmountByHand() {
    let update = PaceUpdate(target: 100, known: 60, elapsedShare: 0.75, meanRatio: 1, sigma: 0.2, isCount: false)
    XCTAssertEqual(update.weight, 0.75, accuracy: 1e-12)
    XCTAssertEqual(update.observedRatio!, 0.8, accuracy: 1e-12)
    XCTAssertEqual(update.sigma, 0.1, accuracy: 1e-12)
    let mu = -0.02 + 0.75 * (log(0.8) + 0.02)
    XCTAssertEqual(update.meanRatio, exp(mu + 0.005), accuracy: 1e-12)
    // Behind pace: the rest of the year is expected below the historical ratio, above the pace.
    XCTAssertLessThan(update.meanRatio, 1)
    XCTAssertGreaterThan(update.meanRatio, 0.8)
  }

  /// κ scales the measurement noise: w = e / (e + κ(1 − e)).
  func testWeightFollowsElapsedShareAndNoise() {
    for e in [0.1, 0.5, 0.9] {
      for kappa in [0.5, 1, 3] {
        let update = PaceUpdate(
          target: 50, known: 50 * e, elapsedShare: e, meanRatio: 1.1, sigma: 0.3, paceNoise: kappa, isCount: false)
        XCTAssertEqual(update.weight, e / (e + kappa * (1 - e)), accuracy: 1e-12)
        XCTAssertEqual(update.sigma, 0.3 * (1 - update.weight).squareRoot(), accuracy: 1e-12)
      }
    }
  }

  /// A count adds the Poisson noise of what it delivered, 1/(known + ½): with 0 delivered the
  /// update stays finite, and a small count moves the ratio less than a large one at the same pace.
  func testCountsWeighTheirPoissonNoise() {
    let none = PaceUpdate(target: 4, known: 0, elapsedShare: 0.5, meanRatio: 1, sigma: 0.3, isCount: true)
    XCTAssertTrue(none.meanRatio.isFinite && none.meanRatio > 0)
    let s2 = 0.09, v = s2 * 0.5 / 0.5 + 1 / 0.5
    XCTAssertEqual(none.weight, s2 / (s2 + v), accuracy: 1e-12)
    XCTAssertEqual(none.observedRatio!, 0.5 / 2.5, accuracy: 1e-12)
    let small = PaceUpdate(target: 10, known: 3, elapsedShare: 0.5, meanRatio: 1, sigma: 0.3, isCount: true)
    let large = PaceUpdate(target: 1000, known: 300, elapsedShare: 0.5, meanRatio: 1, sigma: 0.3, isCount: true)
    XCTAssertLessThan(small.weight, large.weight)
    XCTAssertGreaterThan(small.meanRatio, large.meanRatio)
  }

  /// Nothing to update: no time elapsed, nothing left, σ = 0, no target.
  func testNoUpdate() {
    for (e, sigma, target) in [(0.0, 0.2, 10.0), (1.0, 0.2, 10.0), (0.5, 0.0, 10.0), (0.5, 0.2, 0.0)] {
      let update = PaceUpdate(target: target, known: 3, elapsedShare: e, meanRatio: 1.2, sigma: sigma, isCount: false)
      XCTAssertEqual(update.weight, 0)
      XCTAssertEqual(update.meanRatio, 1.2)
      XCTAssertEqual(update.sigma, sigma)
    }
  }

  /// The update is the exact normal posterior: drawing log R from the prior and ℓ from the
  /// measurement model, the regression of log R on ℓ has slope w and residual variance σ'²
  /// (checked within 4 standard errors on 200 000 draws).
  func testConjugatePosteriorMoments() {
    let sigma = 0.25, e = 0.6, kappa = 1.5, meanRatio = 1.05
    let mu = log(meanRatio) - sigma * sigma / 2
    let v = kappa * sigma * sigma * (1 - e) / e
    var rng = Xoshiro256StarStar(seed: 99)
    let normal = StandardNormal()
    let n = 200_000
    var sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0, syy = 0.0
    for _ in 0..<n {
      let logR = mu + sigma * normal.sample(using: &rng)
      let ell = logR + v.squareRoot() * normal.sample(using: &rng)
      sx += ell
      sy += logR
      sxx += ell * ell
      sxy += ell * logR
      syy += logR * logR
    }
    let nd = Double(n)
    let cxx = sxx / nd - (sx / nd) * (sx / nd), cxy = sxy / nd - (sx / nd) * (sy / nd)
    let cyy = syy / nd - (sy / nd) * (sy / nd)
    let slope = cxy / cxx
    let residual = cyy - slope * cxy
    // One update at ℓ = μ + 1 (target 1, due e, so known = e·exp(μ + 1)).
    let update = PaceUpdate(
      target: 1, known: e * exp(mu + 1), elapsedShare: e, meanRatio: meanRatio, sigma: sigma, paceNoise: kappa,
      isCount: false)
    let slopeError = (residual / (nd * cxx)).squareRoot()
    XCTAssertEqual(slope, update.weight, accuracy: 4 * slopeError)
    XCTAssertEqual(residual, update.sigma * update.sigma, accuracy: 4 * residual * (2 / nd).squareRoot())
    // The posterior log-mean at ℓ = μ + 1 is μ + w.
    XCTAssertEqual(log(update.meanRatio) - update.sigma * update.sigma / 2, mu + update.weight, accuracy: 1e-12)
  }

  /// The elapsed share under a monthly profile: whole months add their weight, a part month its part.
  func testElapsedShareUnderProfile() {
    XCTAssertEqual(PaceUpdate.elapsedShare(fractionOfYear: 10.0 / 12, profile: nil), 10.0 / 12, accuracy: 1e-15)
    let even = Array(repeating: 2.0, count: 12)
    XCTAssertEqual(PaceUpdate.elapsedShare(fractionOfYear: 0.75, profile: even), 0.75, accuracy: 1e-12)
    // December carries twelve months' worth: after October, 10 of 23 parts are due.
    let yearEnd = Array(repeating: 1.0, count: 11) + [12]
    XCTAssertEqual(PaceUpdate.elapsedShare(fractionOfYear: 10.0 / 12, profile: yearEnd), 10.0 / 23, accuracy: 1e-12)
    // Half of December: 11 + 6 of 23.
    XCTAssertEqual(PaceUpdate.elapsedShare(fractionOfYear: 11.5 / 12, profile: yearEnd), 17.0 / 23, accuracy: 1e-12)
    XCTAssertEqual(PaceUpdate.elapsedShare(fractionOfYear: 1, profile: yearEnd), 1, accuracy: 1e-15)
  }

  /// The plan-total goal is named by the plan's real length.
  func testPlanSpanNamesGoals() {
    let four = PlanSpan(first: 2022, last: 2025)
    XCTAssertEqual(four.length, 4)
    XCTAssertEqual(four.label(.planTotal), "四年 2022–2025")
    XCTAssertEqual(four.label(.annual), "2025")
    XCTAssertEqual(four.kind(.planTotal), Say.Simulation.planTotalGoal(4).text())
    XCTAssertEqual(PlanSpan(first: 2024, last: 2026).label(.planTotal), "三年 2024–2026")
    let input = SimulationInput(areas: [], years: [2025], groups: [], factor: .district, indicators: [], planYears: [2022, 2025])
    XCTAssertEqual(input.planSpan, four)
    XCTAssertEqual(SimulationInput(areas: [], years: [2025, 2026], groups: [], factor: .district, indicators: []).planSpan.length, 2)
  }
}
