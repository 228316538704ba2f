import Foundation
import TestSupport
import XCTest

/// `fenjie simulate` run as a planner runs it.
final class SimulateCommandTests: XCTestCase {
  func json(_ text: String) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
  }

  func indicator(_ document: [String: Any], _ id: String) throws -> [String: Any] {
    let lines = try XCTUnwrap(document["indicators"] as? [[String: Any]])
    return try XCTUnwrap(lines.first { $0["id"] as? String == id }, id)
  }

  func goal(_ line: [String: Any], _ type: String) throws -> [String: Any] {
    let goals = try XCTUnwrap(line["goals"] as? [[String: Any]])
    return try XCTUnwrap(goals.first { $0["type"] as? String == type })
  }

  func testJSONContractAndAnIndependentCheck() throws {
    let run = try runFenjie(["simulate", "--runs", "40000", "--seed", "7", "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try json(run.stdout)
    XCTAssertEqual(document["runs"] as? Int, 40000)
    XCTAssertEqual(document["seed"] as? Int, 7)
    XCTAssertTrue((document["generator"] as? String)?.contains("xoshiro256**") == true)
    XCTAssertEqual(document["goal_year"] as? Int, 2026)
    let pAll = try XCTUnwrap(document["p_all"] as? Double)
    XCTAssertTrue((0...1).contains(pAll))
    let firms = try indicator(document, "new_tech_firms")
    XCTAssertEqual(firms["kind"] as? String, "count")
    let annual = try goal(firms, "annual")
    XCTAssertEqual(annual["target"] as? Double, 1600)
    for key in ["known", "p_hit", "ci95", "p10", "p50", "p90", "expected_shortfall"] { XCTAssertNotNil(annual[key], key) }
    let interval = try XCTUnwrap(annual["ci95"] as? [Double])
    let p = try XCTUnwrap(annual["p_hit"] as? Double)
    XCTAssertTrue(interval[0] <= p && p <= interval[1])
    XCTAssertEqual(try goal(firms, "three_year")["target"] as? Double, 3800)
    let street = try XCTUnwrap((firms["areas"] as? [String: Any])?["崇安寺街道"] as? [String: Any])
    for key in ["target", "mean_ratio", "sigma", "correlation", "factor", "p_hit"] { XCTAssertNotNil(street[key], key) }

    // 科技公共服务平台新增数 in 2026: one street (广益), target 1, Poisson(R) with log R ~ N(−σ²/2, σ²):
    // P(hit) = E[1 − e^(−R)], computed here by quadrature from the parameters the JSON reports.
    let platforms = try indicator(document, "public_service_platforms")
    let cell = try XCTUnwrap((platforms["areas"] as? [String: Any])?["广益街道"] as? [String: Any])
    let target = try XCTUnwrap(cell["target"] as? Double)
    let sigma = try XCTUnwrap(cell["sigma"] as? Double)
    let mean = try XCTUnwrap(cell["mean_ratio"] as? Double)
    XCTAssertEqual(target, 1)
    var exact = 0.0
    let steps = 4000
    for i in 0..<steps {
      let z = -8 + 16 * (Double(i) + 0.5) / Double(steps)
      let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot() * 16 / Double(steps)
      let r = mean * exp(-sigma * sigma / 2 + sigma * z)
      exact += density * (1 - exp(-target * r))
    }
    let simulated = try XCTUnwrap(try goal(platforms, "annual")["p_hit"] as? Double)
    let se = (exact * (1 - exact) / 40000).squareRoot()
    XCTAssertEqual(simulated, exact, accuracy: 4.5 * se, "simulated \(simulated) vs exact \(exact)")
  }

  /// The same seed gives the same bytes with 1 thread or 3.
  func testThreadCountNeverChangesTheAnswer() throws {
    let one = try runFenjie(["simulate", "--runs", "30000", "--threads", "1", "--format", "json"])
    let three = try runFenjie(["simulate", "--runs", "30000", "--threads", "3", "--format", "json"])
    XCTAssertEqual(one.status, 0)
    XCTAssertEqual(one.stdout, three.stdout)
    let other = try runFenjie(["simulate", "--runs", "30000", "--seed", "99", "--format", "json"])
    XCTAssertNotEqual(one.stdout, other.stdout, "a different seed gives different draws")
  }

  func testPrecisionControl() throws {
    let run = try runFenjie(["simulate", "--precision", "0.004", "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try json(run.stdout)
    let precision = try XCTUnwrap(document["precision"] as? [String: Any])
    XCTAssertEqual(precision["met"] as? Bool, true)
    XCTAssertLessThanOrEqual(try XCTUnwrap(precision["achieved"] as? Double), 0.004)
    let runs = try XCTUnwrap(document["runs"] as? Int)
    XCTAssertGreaterThanOrEqual(runs, 15_625, "0.5·0.5/n ≤ 0.004² needs n ≥ 15625")
    for line in try XCTUnwrap(document["indicators"] as? [[String: Any]]) {
      for goal in try XCTUnwrap(line["goals"] as? [[String: Any]]) {
        XCTAssertLessThanOrEqual(try XCTUnwrap(goal["standard_error"] as? Double), 0.004 + 1e-12)
      }
    }
  }

  /// A 15% talent shock lowers the odds of the talent lines and leaves the others alone.
  func testShockScenario() throws {
    let base = try json(try runFenjie(["simulate", "Scenarios/liangxi-2026.toml", "--runs", "30000", "--format", "json"]).stdout)
    let shocked = try json(try runFenjie(["simulate", "Scenarios/liangxi-2026-talent-shock.toml", "--runs", "30000", "--format", "json"]).stdout)
    let before = try XCTUnwrap(try goal(indicator(base, "foreign_experts"), "annual")["p_hit"] as? Double)
    let after = try XCTUnwrap(try goal(indicator(shocked, "foreign_experts"), "annual")["p_hit"] as? Double)
    XCTAssertLessThan(after, before - 0.2, "talent −15%: \(before) → \(after)")
    // Other lines move by Monte Carlo noise only (their draws are not shared between the runs).
    let a = try XCTUnwrap(try goal(indicator(base, "new_tech_firms"), "annual")["p_hit"] as? Double)
    let b = try XCTUnwrap(try goal(indicator(shocked, "new_tech_firms"), "annual")["p_hit"] as? Double)
    XCTAssertEqual(a, b, accuracy: 4 * (2 * a * (1 - a) / 30000).squareRoot())
  }

  /// Progress to date: the known years count toward the three-year goal, only the rest of 2026 is
  /// simulated, and the output says 示例数据.
  func testProgressScenarioIsLabelledIllustrative() throws {
    let run = try runFenjie(["simulate", "Scenarios/liangxi-2026-progress.toml", "--runs", "20000"])
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.contains("示例数据"))
    XCTAssertTrue(run.stdout.contains("模拟年份：2026年（已过 83.3% 之后的剩余部分）；已知完成数：2024年、2025年"), run.stdout)
    let english = try runFenjie(["simulate", "Scenarios/liangxi-2026-progress.toml", "--runs", "2000"], environment: englishLocale)
    XCTAssertTrue(english.stdout.contains("Simulated: 2026 (the rest of the year after 83.3% of it); known actuals: 2024, 2025"), english.stdout)
    let document = try json(try runFenjie(["simulate", "Scenarios/liangxi-2026-progress.toml", "--runs", "20000", "--format", "json"]).stdout)
    XCTAssertEqual(document["illustrative"] as? Bool, true)
    XCTAssertEqual(document["simulated_years"] as? [Int], [2026])
    let known = try XCTUnwrap(try goal(indicator(document, "new_tech_firms"), "three_year")["known"] as? Double)
    XCTAssertGreaterThan(known, 1500)
    let cell = try XCTUnwrap((try indicator(document, "new_tech_firms")["areas"] as? [String: Any])?["崇安寺街道"] as? [String: Any])
    XCTAssertEqual(try XCTUnwrap(cell["remaining"] as? Double), 1 - 0.8333, accuracy: 1e-9)
    XCTAssertGreaterThan(try XCTUnwrap(cell["known"] as? Double), 0)
  }

  func testBadOptions() throws {
    let run = try runFenjie(["simulate", "--runs", "0"])
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.stderr.contains("--runs"), run.stderr)
    let precision = try runFenjie(["simulate", "--precision", "2"])
    XCTAssertEqual(precision.status, 2)
  }
}

final class BacktestCommandTests: XCTestCase {
  /// `fenjie backtest` on the progress scenario: both years with actuals held out, JSON scores that
  /// agree with the per-line numbers it prints, and a scenario without actuals refused with status 2.
  func testBacktestJSONAndRefusal() throws {
    let run = try runFenjie(["backtest", "Scenarios/liangxi-2026-progress.toml", "--runs", "2000", "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(document["illustrative"] as? Bool, true)
    let forecasts = try XCTUnwrap(document["forecasts"] as? [[String: Any]])
    XCTAssertEqual(forecasts.compactMap { $0["year"] as? Int }, [2024, 2025])
    XCTAssertEqual(forecasts[0]["fitted_from"] as? [Int], [2025])
    // The model's Brier score is the mean squared error of every event listed.
    var squares: [Double] = []
    for forecast in forecasts {
      for line in try XCTUnwrap(forecast["lines"] as? [[String: Any]]) {
        if let target = line["district_target"] as? Double, let p = line["p_hit"] as? Double {
          let hit = (line["district_actual"] as! Double) >= target - 1e-9 ? 1.0 : 0.0
          squares.append((p - hit) * (p - hit))
        }
        for street in try XCTUnwrap(line["streets"] as? [[String: Any]]) {
          let hit = (street["actual"] as! Double) >= (street["target"] as! Double) - 1e-9 ? 1.0 : 0.0
          let p = street["p_hit"] as! Double
          squares.append((p - hit) * (p - hit))
        }
      }
    }
    let model = try XCTUnwrap(document["model"] as? [String: Any])
    XCTAssertEqual(model["events"] as? Int, squares.count)
    XCTAssertEqual(try XCTUnwrap(model["brier"] as? Double), squares.reduce(0, +) / Double(squares.count), accuracy: 1e-12)
    XCTAssertTrue(run.stdout.contains("2025年完成数对照 fenjie 对2025年的分解拟合"), run.stdout)

    // The same bytes in another process (another dictionary order) and with one thread.
    let again = try runFenjie(
      ["backtest", "Scenarios/liangxi-2026-progress.toml", "--runs", "2000", "--format", "json", "--threads", "1"])
    XCTAssertEqual(again.stdout, run.stdout)

    let none = try runFenjie(["backtest", "Scenarios/liangxi-2026.toml", "--runs", "100"])
    XCTAssertEqual(none.status, 2)
    XCTAssertTrue(none.stderr.contains("无法回测"), none.stderr)
  }

  /// The progress scenario: no street of any line has σ = 0 (three lines' invented actuals hit their
  /// targets exactly), every pace update is echoed and recomputable from the numbers beside it, and
  /// the annual goals show what was delivered so far.
  func testProgressOddsAreNeverCertainAndEchoTheirPace() throws {
    let run = try runFenjie(["simulate", "Scenarios/liangxi-2026-progress.toml", "--runs", "2000", "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(document["plan_years"] as? [Int], [2024, 2026])
    XCTAssertNotNil(document["pace_model"] as? [String: Any])
    var checked = 0
    for line in try XCTUnwrap(document["indicators"] as? [[String: Any]]) {
      let isCount = line["kind"] as? String == "count"
      for (_, value) in try XCTUnwrap(line["areas"] as? [String: Any]) {
        guard let area = value as? [String: Any] else { continue }
        XCTAssertGreaterThan(try XCTUnwrap(area["sigma"] as? Double), 0, "\(line["id"]!)")
        let year = try XCTUnwrap((area["years"] as? [String: Any])?["2026"] as? [String: Any])
        let pace = try XCTUnwrap(year["pace"] as? [String: Any])
        let e = pace["elapsed_share"] as! Double, s0 = pace["prior_sigma"] as! Double
        let known = year["known"] as! Double, target = year["target"] as! Double
        guard let w = pace["weight"] as? Double, w > 0 else { continue }
        // w = σ²/(σ² + σ²(1 − e)/e [+ 1/(known + ½)]) with κ = 1.
        let v = s0 * s0 * (1 - e) / e + (isCount ? 1 / (known + 0.5) : 0)
        XCTAssertEqual(w, s0 * s0 / (s0 * s0 + v), accuracy: 1e-12)
        let pace0 = isCount ? (known + 0.5) / (target * e + 0.5) : max(known, 0.01 * target * e) / (target * e)
        XCTAssertEqual(pace["observed_ratio"] as! Double, pace0, accuracy: 1e-12)
        let mu = log(pace["prior_mean_ratio"] as! Double) - s0 * s0 / 2
        let post = mu + w * (log(pace0) - mu), v1 = (1 - w) * s0 * s0
        XCTAssertEqual(area["mean_ratio"] as! Double, exp(post + v1 / 2), accuracy: 1e-12)
        XCTAssertEqual(area["sigma"] as! Double, v1.squareRoot(), accuracy: 1e-12)
        checked += 1
      }
      let annual = try XCTUnwrap((line["goals"] as? [[String: Any]])?.first { $0["type"] as? String == "annual" })
      XCTAssertGreaterThan(try XCTUnwrap(annual["delivered"] as? Double), 0, "\(line["id"]!)")
    }
    XCTAssertGreaterThan(checked, 100)
  }
}
