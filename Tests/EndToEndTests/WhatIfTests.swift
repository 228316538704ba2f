import Foundation
import TestSupport
import XCTest

/// Scenarios that build on each other, and quick changes from the command line.
final class WhatIfTests: XCTestCase {
  /// A base plus changes, the same changes given with --set, and the scenario written out in full
  /// all give the same table, byte for byte.
  func testInheritanceAndSetEqualTheFullFile() throws {
    let inherited = try runFenjie(["Scenarios/liangxi-2025-tight-caps.toml", "--format", "json"])
    let full = try runFenjie(["Tests/Fixtures/what-if/tight-caps-full.toml", "--format", "json"])
    let set = try runFenjie([
      "--set", "capacity.max_growth=0.15", "--set", "capacity.by_indicator.innovation_floor_area.max_growth=0.15",
      "--format", "json",
    ])
    XCTAssertEqual(inherited.status, 1)
    XCTAssertEqual(inherited.stdout, full.stdout)
    XCTAssertEqual(inherited.stdout, set.stdout)
    XCTAssertEqual(full.status, 1)
    XCTAssertEqual(set.status, 1)
  }

  func testLockFromTheCommandLine() throws {
    let run = try runFenjie(["--lock", "扬名街道:高新技术企业申报数=90", "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let line = try XCTUnwrap((document["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "hitech_applications" })
    let cell = try XCTUnwrap((line["areas"] as? [String: Any])?["扬名街道"] as? [String: Any])
    XCTAssertEqual(cell["value"] as? Double, 90)
    XCTAssertEqual(cell["locked"] as? Bool, true)
    XCTAssertEqual(line["allocated_total"] as? Double, 300)
  }

  func testMistakesOnTheCommandLineNameTheClosestMatch() throws {
    let area = try runFenjie(["--lock", "杨名街道:高新技术企业申报数=90", "--lang", "en"])
    XCTAssertEqual(area.status, 2)
    XCTAssertTrue(area.stderr.contains("fenjie: --lock 杨名街道:高新技术企业申报数=90: \"杨名街道\" is not an area of this dataset; did you mean 扬名街道?"), area.stderr)
    let key = try runFenjie(["--set", "capacity.max_grwth=0.3", "--lang", "en"])
    XCTAssertEqual(key.status, 2)
    XCTAssertTrue(key.stderr.contains("did you mean max_growth?"), key.stderr)
    let indicator = try runFenjie(["simulate", "--shock", "外国高端人才来化工作数=-15%", "--runs", "100", "--lang", "en"])
    XCTAssertEqual(indicator.status, 2)
    XCTAssertTrue(indicator.stderr.contains("did you mean 外国高端人才来华工作数?"), indicator.stderr)
    let malformed = try runFenjie(["--lock", "扬名街道=90", "--lang", "en"])
    XCTAssertEqual(malformed.status, 2)
    XCTAssertTrue(malformed.stderr.contains("AREA:INDICATOR=VALUE"), malformed.stderr)
  }

  /// A lock above its cap is said before solving (check refuses it; allocate explains it, exit 1).
  func testLockAboveItsCap() throws {
    let check = try runFenjie(["check", "--lock", "扬名街道:高新技术企业申报数=300"])
    XCTAssertEqual(check.status, 2)
    XCTAssertTrue(check.stdout.contains("扬名街道的锁定值 300 高于其上限 127"), check.stdout)
    let allocate = try runFenjie(["--lock", "扬名街道:高新技术企业申报数=300", "--wide"])
    XCTAssertEqual(allocate.status, 1)
    XCTAssertTrue(allocate.stdout.contains("扬名街道锁定值由 300 改为 127"), allocate.stdout)
    let english = try runFenjie(["--lock", "扬名街道:高新技术企业申报数=300", "--wide"], environment: englishLocale)
    XCTAssertTrue(english.stdout.contains("change 扬名街道's lock from 300 to 127"), english.stdout)
  }

  /// --shock on the command line equals the shock scenario file.
  func testShockFromTheCommandLine() throws {
    let file = try runFenjie(["simulate", "Scenarios/liangxi-2026-talent-shock.toml", "--runs", "5000", "--format", "json"])
    var arguments = ["simulate", "Scenarios/liangxi-2026.toml", "--runs", "5000", "--format", "json"]
    for id in ["national_talent_applications", "national_talent_selected", "foreign_experts", "innovation_talents", "provincial_talents", "taihu_talents", "liangxi_talents"] {
      arguments += ["--shock", "\(id)=-15%@2026"]
    }
    let flags = try runFenjie(arguments)
    XCTAssertEqual(file.status, 0)
    XCTAssertEqual(file.stdout, flags.stdout)
  }
}

/// `fenjie compare`.
final class CompareCommandTests: XCTestCase {
  func testIdenticalScenariosShowNoChange() throws {
    let run = try runFenjie(["compare", "Scenarios/liangxi-2026.toml", "Scenarios/liangxi-2026.toml", "--runs", "3000"])
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.contains("没有变化：各情景的分解表和达成概率相同。"), run.stdout)
    let json = try runFenjie(["compare", "Scenarios/liangxi-2026.toml", "Scenarios/liangxi-2026.toml", "--runs", "3000", "--format", "json"])
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(document["no_change"] as? Bool, true)
    XCTAssertEqual((document["targets"] as? [Any])?.count, 0)
    XCTAssertEqual((document["odds"] as? [Any])?.count, 0)
  }

  /// Tight caps change targets; the largest relative change comes first and is in the table.
  func testTargetChangesLargestFirst() throws {
    let run = try runFenjie(["compare", "Scenarios/liangxi-2025.toml", "Scenarios/liangxi-2025-tight-caps.toml", "--no-odds", "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let targets = try XCTUnwrap(document["targets"] as? [[String: Any]])
    XCTAssertFalse(targets.isEmpty)
    func relative(_ t: [String: Any]) -> Double {
      guard let b = t["base"] as? Double, let v = (t["values"] as? [Any])?.first as? Double, b != 0 else { return .infinity }
      return abs(v - b) / abs(b)
    }
    let changes = targets.map(relative)
    XCTAssertEqual(changes, changes.sorted(by: >))
  }

  /// A talent shock lowers the talent goals' odds by far more than Monte Carlo noise.
  func testShockShowsInTheOdds() throws {
    let run = try runFenjie(["compare", "Scenarios/liangxi-2026.toml", "Scenarios/liangxi-2026-talent-shock.toml", "--runs", "20000", "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let odds = try XCTUnwrap(document["odds"] as? [[String: Any]])
    let first = try XCTUnwrap(odds.first)
    XCTAssertTrue(["innovation_talents", "national_talent_applications", "foreign_experts", "liangxi_talents", "taihu_talents"].contains(first["indicator"] as? String ?? ""), "\(first)")
    let base = try XCTUnwrap(first["base"] as? Double)
    let shocked = try XCTUnwrap((first["values"] as? [Double])?.first)
    XCTAssertLessThan(shocked, base - 0.2)
  }
}

/// `fenjie allocate --confidence`.
final class ConfidenceTests: XCTestCase {
  /// The margins found give odds, checked by a fresh simulation with another seed, of at least the
  /// asked level within Monte Carlo error; the table's required totals carry those margins.
  func testConfidenceMarginsReachTheLevel() throws {
    let run = try runFenjie(["--confidence", "0.8", "--confidence-runs", "4000", "--format", "json"])
    XCTAssertTrue([0, 1].contains(run.status), run.stderr)
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let confidence = try XCTUnwrap(document["confidence"] as? [String: Any])
    XCTAssertEqual(confidence["level"] as? Double, 0.8)
    XCTAssertNotEqual(confidence["seed"] as? Int, confidence["check_seed"] as? Int, "the check uses another seed")
    let runs = Double(try XCTUnwrap(confidence["runs"] as? Int))
    let checkRuns = Double(try XCTUnwrap(confidence["check_runs"] as? Int))
    let lines = try XCTUnwrap(confidence["lines"] as? [[String: Any]])
    XCTAssertEqual(lines.count, 24)
    let indicators = try XCTUnwrap(document["indicators"] as? [[String: Any]])
    for line in lines {
      let p = try XCTUnwrap(line["p_hit"] as? Double)
      let error = (0.8 * 0.2 / runs + 0.8 * 0.2 / checkRuns).squareRoot()
      XCTAssertGreaterThanOrEqual(p, 0.8 - 4 * error, "\(line)")
      let id = try XCTUnwrap(line["indicator"] as? String)
      let margin = try XCTUnwrap(line["margin"] as? Double)
      let entry = try XCTUnwrap(indicators.first { $0["id"] as? String == id })
      XCTAssertEqual(entry["margin"] as? Double, margin)
      let target = try XCTUnwrap(entry["district_target"] as? Double)
      let required = try XCTUnwrap(entry["required_total"] as? Double)
      let unit = entry["kind"] as? String == "count" ? 1.0 : 0.01
      XCTAssertEqual(required, (target * (1 + margin) / unit - 1e-6).rounded(.up) * unit, accuracy: 1e-9, id)
    }
  }
}
