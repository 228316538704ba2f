import CGLPK
import FenjieText
import Foundation
import LinearProgramming
import TestSupport
import XCTest

@testable import GLPK

/// The GLPK layer against answers worked out by hand.
final class GLPKSolverTests: XCTestCase {
  /// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 7,  0 ≤ x ≤ 3,  y ≥ 0.
  /// Vertices: (0,0) 0, (3,0) 9, (3,1) 11, (2.5,1.5) 10.5, (0,7/3) 4.67 → optimum (3,1), 11.
  /// Raising the first row's bound by one moves the optimum to (3,2): +2, so its dual is 2; the
  /// second row is slack at (3,1) (3 + 3 = 6 < 7), so its dual is 0.
  func testLPOptimumAndDuals() {
    var model = LinearModel(name: "hand", sense: .maximize)
    let x = model.addVariable("x", lower: 0, upper: 3, cost: 3)
    let y = model.addVariable("y", lower: 0, cost: 2)
    model.addConstraint("a", [.init(x, 1), .init(y, 1)], upper: 4)
    model.addConstraint("b", [.init(x, 1), .init(y, 3)], upper: 7)
    let solution = GLPKSolver.solve(model)
    XCTAssertEqual(solution.termination, .optimal)
    XCTAssertEqual(solution.status, .optimal)
    XCTAssertEqual(solution.objective, 11, accuracy: 1e-9)
    XCTAssertEqual(solution.values[x], 3, accuracy: 1e-9)
    XCTAssertEqual(solution.values[y], 1, accuracy: 1e-9)
    XCTAssertEqual(solution.activities[1], 6, accuracy: 1e-9)
    let duals = try! XCTUnwrap(solution.duals)
    XCTAssertEqual(duals[0], 2, accuracy: 1e-9)
    XCTAssertEqual(duals[1], 0, accuracy: 1e-9)
  }

  /// min x + y  s.t.  x + y ≥ 10: dual of the row is +1 (one more unit of requirement costs one).
  func testDualSignOfACoveringRow() {
    var model = LinearModel()
    let x = model.addVariable("x", lower: 0, upper: 8, cost: 1)
    let y = model.addVariable("y", lower: 0, upper: 8, cost: 1)
    model.addConstraint("total", [.init(x, 1), .init(y, 1)], lower: 10)
    let solution = GLPKSolver.solve(model)
    XCTAssertEqual(solution.objective, 10, accuracy: 1e-9)
    XCTAssertEqual(solution.duals?[0] ?? .nan, 1, accuracy: 1e-9)
  }

  /// max 5x + 4y  s.t.  6x + 4y ≤ 24,  x + 2y ≤ 6,  x, y ≥ 0 integer.
  /// LP optimum (3, 1.5) = 21; integer points: (4,0) 20, (3,1) 19, (2,2) 18 → (4,0), 20.
  func testMIPOptimum() {
    var model = LinearModel(sense: .maximize)
    let x = model.addVariable("x", lower: 0, integer: true, cost: 5)
    let y = model.addVariable("y", lower: 0, integer: true, cost: 4)
    model.addConstraint("c1", [.init(x, 6), .init(y, 4)], upper: 24)
    model.addConstraint("c2", [.init(x, 1), .init(y, 2)], upper: 6)
    let solution = GLPKSolver.solve(model)
    XCTAssertEqual(solution.termination, .optimal)
    XCTAssertEqual(solution.objective, 20, accuracy: 1e-9)
    XCTAssertEqual(solution.values[x], 4, accuracy: 1e-9)
    XCTAssertEqual(solution.values[y], 0, accuracy: 1e-9)
    XCTAssertNil(solution.duals, "a MIP has no duals")
  }

  func testInfeasibleLPAndMIP() {
    for integer in [false, true] {
      var model = LinearModel()
      let x = model.addVariable("x", lower: 0, upper: 3, integer: integer, cost: 1)
      model.addConstraint("need", [.init(x, 1)], lower: 5)
      let solution = GLPKSolver.solve(model)
      XCTAssertEqual(solution.termination, .infeasible, "integer: \(integer)")
      XCTAssertFalse(solution.hasSolution)
    }
  }

  func testUnbounded() {
    var model = LinearModel(sense: .maximize)
    let x = model.addVariable("x", lower: 0, cost: 1)
    model.addConstraint("r", [.init(x, 1)], lower: 1)
    XCTAssertEqual(GLPKSolver.solve(model).termination, .unbounded)
  }

  /// Repeated variables in a row are added up (glp_load_matrix would abort on them).
  func testRepeatedTermsAreMerged() {
    var model = LinearModel(sense: .maximize)
    let x = model.addVariable("x", lower: 0, cost: 1)
    model.addConstraint("r", [.init(x, 1), .init(x, 1)], upper: 4)
    let solution = GLPKSolver.solve(model)
    XCTAssertEqual(solution.values[x], 2, accuracy: 1e-9)
  }

  /// Bad models are refused before they reach GLPK, with a reason; the process lives on.
  func testInvalidModelsAreRefusedNotAborted() {
    var nanCoefficient = LinearModel()
    let a = nanCoefficient.addVariable("a")
    nanCoefficient.addConstraint("r", [.init(a, .nan)], upper: 1)
    var crossedBounds = LinearModel()
    crossedBounds.addVariable("b", lower: 5, upper: 1)
    var fractionalInteger = LinearModel()
    fractionalInteger.addVariable("c", lower: 0.5, upper: 3, integer: true)
    var missingVariable = LinearModel()
    missingVariable.addVariable("d")
    missingVariable.addConstraint("r", [.init(7, 1)], upper: 1)
    var infiniteBound = LinearModel()
    infiniteBound.addVariable("e", lower: 0, upper: .infinity)
    // The reasons as the catalog says them (in the interface language: the tests never change it).
    for (model, reason) in [
      (nanCoefficient, Say.Solver.constraint("r").followed(by: Say.Solver.badCoefficient)),
      (crossedBounds, Say.Solver.variable("b").followed(by: Say.Solver.crossedBounds("5.0", "1.0"))),
      (fractionalInteger, Say.Solver.integerVariable("c").followed(by: Say.Solver.fractionalLower("0.5"))),
      (missingVariable, Say.Solver.constraint("r").followed(by: Say.Solver.missingVariable(7))),
      (infiniteBound, Say.Solver.variable("e").followed(by: Say.Solver.badBound)),
    ] {
      let solution = GLPKSolver.solve(model)
      XCTAssertEqual(solution.termination, .invalidModel)
      XCTAssertEqual(solution.message, reason.text())
      XCTAssertEqual(model.problemMessage, reason)
    }
    XCTAssertEqual(crossedBounds.problemMessage?.text(.english), "variable b has lower bound 5.0 above upper bound 1.0")
  }

  /// GLPK's error hook turns an internal failure (here a column index out of range, called on GLPK
  /// directly) into a message instead of an abort, and GLPK works again afterwards.
  func testErrorHookCatchesGLPKFailures() {
    let message = GLPKSolver.guarded {
      let problem = glp_create_prob()
      glp_add_cols(problem, 1)
      glp_set_col_bnds(problem, 5, GLP_LO, 0, 0)
    }
    XCTAssertNotNil(message)
    XCTAssertTrue(message?.contains("out of range") == true, message ?? "")
    testMIPOptimum()
  }

  /// A market-split instance (Cornuéjols & Dawande: 4 equality rows over 30 binaries, right-hand
  /// sides half the row sums), which branch-and-bound cannot settle quickly: the solve stops at the
  /// time limit and never calls what it holds optimal.
  func testTimeLimitStopsAHardMIP() {
    var generator = TestGenerator(seed: 7)
    var model = LinearModel(name: "market_split")
    let x = (0..<30).map { model.addVariable("x\($0)", lower: 0, upper: 1, integer: true) }
    for row in 0..<4 {
      let a = x.map { _ in Double(generator.next() % 100) }
      let half = (a.reduce(0, +) / 2).rounded(.down)
      model.addConstraint("split\(row)", zip(x, a).map { .init($0, $1) }, lower: half, upper: half)
    }
    let solution = GLPKSolver.solve(model, options: SolverOptions(timeLimit: 0.2))
    XCTAssertEqual(solution.termination, .timeLimit)
    XCTAssertNotEqual(solution.status, .optimal)
  }

  /// The LP file re-solved by glpsol gives the same optimum.
  func testLPFileResolvesWithGlpsol() throws {
    var model = LinearModel(name: "resolve", sense: .maximize)
    let x = model.addVariable("x 甲", lower: 0, integer: true, cost: 5)
    let y = model.addVariable("y", lower: 0, integer: true, cost: 4)
    model.addConstraint("c1", [.init(x, 6), .init(y, 4)], upper: 24)
    model.addConstraint("c2", [.init(x, 1), .init(y, 2)], upper: 6)
    XCTAssertEqual(try glpsolObjective(model), 20)
  }

  /// `LinearModel.cplexLP()` on random models with every kind of row and bound (ranged rows, free
  /// and negative variables, fixed values, repeated terms, integers, names that are not ASCII or are
  /// keywords): glpsol reading the file finds the optimum GLPKSolver finds from the model itself.
  func testCPLEXLPMatchesTheModelOnRandomInstances() throws {
    var generator = TestGenerator(seed: 7)
    for instance in 0..<25 {
      var model = LinearModel(name: "random \(instance)", sense: instance % 2 == 0 ? .minimize : .maximize)
      let n = Int.random(in: 2...6, using: &generator)
      let names = ["x", "街道", "inf", "free", "e1", "2y", "x", "end"]
      for j in 0..<n {
        let bound = Double(Int.random(in: -5...5, using: &generator))
        let kind = Int.random(in: 0..<5, using: &generator)
        let lower: Double? = [bound, nil, 0, bound, -10][kind]
        let upper: Double? = [bound + 7, bound + 3, 9, bound, 8][kind]
        model.addVariable(
          names[j % names.count], lower: lower, upper: upper, integer: Int.random(in: 0..<3, using: &generator) == 0,
          cost: Double(Int.random(in: -9...9, using: &generator)) / 4)
      }
      for i in 0..<Int.random(in: 1...5, using: &generator) {
        var terms: [LinearModel.Term] = []
        for _ in 0..<Int.random(in: 1...n + 1, using: &generator) {
          terms.append(.init(Int.random(in: 0..<n, using: &generator), Double(Int.random(in: -6...6, using: &generator)) / 2))
        }
        let centre = Double(Int.random(in: -4...4, using: &generator))
        switch i % 4 {
        case 0: model.addConstraint("r\(i)", terms, lower: centre - 3, upper: centre + 2)
        case 1: model.addConstraint("row \(i)", terms, upper: centre + 6)
        case 2: model.addConstraint("st", terms, lower: centre - 6)
        default: model.addConstraint("r\(i)", terms, lower: centre, upper: centre)
        }
      }
      model.objectiveConstant = 0
      let direct = GLPKSolver.solve(model)
      let viaFile = try glpsolObjective(model)
      if direct.status == .optimal {
        let value = try XCTUnwrap(viaFile, "instance \(instance): glpsol found no optimum\n\(model.cplexLP())")
        XCTAssertEqual(value, direct.objective, accuracy: 1e-6, "instance \(instance)\n\(model.cplexLP())")
      } else {
        XCTAssertNil(viaFile, "instance \(instance): \(direct.termination) directly, an optimum through the file\n\(model.cplexLP())")
      }
    }
  }

  /// glpsol's optimum for the model written as CPLEX LP, or nil when it reports none.
  private func glpsolObjective(_ model: LinearModel) throws -> Double? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol") else {
      throw XCTSkip("glpsol is not installed (make setup installs glpk-utils)")
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-glpk-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let lp = directory.appendingPathComponent("m.lp").path
    try model.cplexLP().write(toFile: lp, atomically: true, encoding: .utf8)
    let out = directory.appendingPathComponent("m.txt").path
    XCTAssertEqual(try runGlpsol(["--lp", lp, "-o", out]), 0, model.cplexLP())
    let report = try String(contentsOfFile: out, encoding: .utf8)
    guard report.contains("OPTIMAL"), !report.contains("UNDEFINED"), !report.contains("NO PRIMAL"),
      let line = report.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") })
    else { return nil }
    // "Objective:  obj = 20 (MAXimum)"
    let parts = line.split(separator: "=")[1].split(separator: " ")
    return Double(parts[0])
  }

  private func runGlpsol(_ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
