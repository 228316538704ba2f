import FenjieText
import Foundation
import LinearProgramming
import TestSupport
import XCTest

@testable import GLPK

/// `GLPKSolver.session`: one GLPK problem changed by bounds and costs between solves gives what a
/// fresh solve of the changed model gives, refuses bad bounds with a sentence, and the default
/// session of another solver rebuilds.
final class GLPKSessionTests: XCTestCase {
  /// A random covering LP: min Σ c·x, Σ x ≥ r, x_i − w_i·t ≤ o_i, bounds on x.
  func randomModel(_ g: inout TestGenerator, n: Int) -> LinearModel {
    var model = LinearModel()
    let x = (0..<n).map { i in
      model.addVariable("x\(i)", lower: Double(Int.random(in: 0...5, using: &g)), upper: Double(Int.random(in: 10...40, using: &g)))
    }
    let t = model.addVariable("t", lower: nil, upper: nil, cost: 1)
    model.addConstraint("total", x.map { .init($0, 1) }, lower: Double(Int.random(in: 10 * n...20 * n, using: &g)))
    for i in 0..<n {
      model.addConstraint("fair\(i)", [.init(x[i], 1), .init(t, -Double(Int.random(in: 1...9, using: &g)))], upper: Double(Int.random(in: 0...5, using: &g)))
    }
    return model
  }

  func testChangedBoundsSolveAsAFreshModel() {
    var g = TestGenerator(seed: 12)
    for _ in 0..<40 {
      let n = Int.random(in: 2...30, using: &g)
      var model = randomModel(&g, n: n)
      let session = GLPKSolver().session(model, options: SolverOptions())
      for _ in 0..<5 {
        let warm = session.solve()
        let cold = GLPKSolver.solve(model)
        XCTAssertEqual(warm.termination, cold.termination)
        if cold.status == .optimal {
          XCTAssertEqual(warm.objective, cold.objective, accuracy: 1e-7 * max(1, abs(cold.objective)))
        }
        XCTAssertTrue(session.model == model)
        // Change some bounds, a row's bound and a cost, in the session and in the model alike.
        let i = Int.random(in: 0..<n, using: &g)
        let v = Double(Int.random(in: 0...20, using: &g))
        session.setBounds(i, lower: v, upper: v)
        model.setBounds(i, lower: v, upper: v)
        let row = Int.random(in: 1...n, using: &g)
        session.setRowBounds(row, lower: nil, upper: nil)
        model.setRowBounds(row, lower: nil, upper: nil)
        let j = Int.random(in: 0..<n, using: &g)
        session.setCost(j, 0.01)
        model.setCost(j, 0.01)
      }
    }
  }

  func testBadBoundsAreRefusedNotAborted() {
    var model = LinearModel()
    let x = model.addVariable("x", lower: 0, upper: 5, cost: 1)
    model.addConstraint("r", [.init(x, 1)], lower: 1)
    let session = GLPKSolver().session(model, options: SolverOptions())
    XCTAssertEqual(session.solve().termination, .optimal)
    session.setBounds(x, lower: 4, upper: 3)
    let refused = session.solve()
    XCTAssertEqual(refused.termination, .invalidModel)
    XCTAssertEqual(refused.message, Say.Solver.variable("x").followed(by: Say.Solver.crossedBounds("4.0", "3.0")).text())
    let nan = GLPKSolver().session(model, options: SolverOptions())
    nan.setRowBounds(0, lower: .nan, upper: nil)
    XCTAssertEqual(nan.solve().termination, .invalidModel)
    var bad = model
    bad.setBounds(x, lower: .infinity, upper: nil)
    XCTAssertEqual(GLPKSolver().session(bad, options: SolverOptions()).solve().termination, .invalidModel)
  }

  /// A solver without a session of its own gets the default one, which hands it the changed model.
  func testDefaultSessionRebuilds() {
    struct Counting: LinearSolver {
      func solve(_ model: LinearModel, options: SolverOptions) -> Solution { GLPKSolver.solve(model, options: options) }
    }
    var model = LinearModel()
    let x = model.addVariable("x", lower: 0, upper: 5, cost: 1)
    model.addConstraint("r", [.init(x, 1)], lower: 1)
    let session = Counting().session(model, options: SolverOptions())
    XCTAssertTrue(session is RebuildingSession)
    XCTAssertEqual(session.solve().objective, 1, accuracy: 1e-9)
    session.setBounds(x, lower: 2, upper: 5)
    XCTAssertEqual(session.solve().objective, 2, accuracy: 1e-9)
    session.setRowBounds(0, lower: 3, upper: nil)
    XCTAssertEqual(session.solve().objective, 3, accuracy: 1e-9)
  }

  func testIntegralityToleranceDefaultsToGLPKs() {
    XCTAssertEqual(SolverOptions().integralityTolerance, 1e-5)
    // A tight tolerance still solves a MIP to its whole-number optimum.
    var model = LinearModel(sense: .maximize)
    let x = model.addVariable("x", lower: 0, integer: true, cost: 5)
    let y = model.addVariable("y", lower: 0, integer: true, cost: 4)
    model.addConstraint("c1", [.init(x, 6), .init(y, 4)], upper: 24)
    model.addConstraint("c2", [.init(x, 1), .init(y, 2)], upper: 6)
    let tight = GLPKSolver.solve(model, options: SolverOptions(integralityTolerance: 1e-9))
    XCTAssertEqual(tight.objective, 20, accuracy: 1e-9)
  }
}
