import Foundation
import TestSupport
import XCTest

/// The built `fenjie` on the shipped tree (无锡市 → its eight counties and districts → streets).
final class TreeCommandTests: XCTestCase {
  let scenario = "Scenarios/wuxi-2025.toml"

  func tables() throws -> [[String: Any]] {
    let run = try runFenjie(["allocate", scenario, "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(Array(document.keys), ["tables"])
    return try XCTUnwrap(document["tables"] as? [[String: Any]])
  }

  func lines(_ table: [String: Any]) -> [[String: Any]] { table["indicators"] as? [[String: Any]] ?? [] }

  func cell(_ line: [String: Any], _ area: String) -> Double? {
    ((line["areas"] as? [String: Any])?[area] as? [String: Any])?["value"] as? Double
  }

  /// Every table has region and parent; a parent's value for a child is the child's required total
  /// on every line; every table says it rests on 示例数据 (the other districts are illustrative).
  func testJSONTablesAgreeAcrossLevels() throws {
    let tables = try tables()
    XCTAssertEqual(tables.count, 9)
    XCTAssertEqual(tables[0]["region"] as? String, "无锡市")
    XCTAssertTrue(tables[0]["parent"] is NSNull)
    let byRegion = Dictionary(uniqueKeysWithValues: tables.map { ($0["region"] as! String, $0) })
    XCTAssertEqual(
      tables.dropFirst().map { $0["region"] as? String },
      ["江阴市", "宜兴市", "梁溪区", "锡山区", "惠山区", "滨湖区", "新吴区", "经开区"])
    var checked = 0
    for table in tables {
      XCTAssertEqual(table["illustrative"] as? Bool, true, "\(table["region"]!) must say 示例数据")
      for line in lines(table) where line["kind"] as? String != "rate" {
        for (area, _) in (line["areas"] as? [String: Any]) ?? [:] {
          guard let child = byRegion[area], let given = cell(line, area) else { continue }
          XCTAssertEqual(child["parent"] as? String, table["region"] as? String)
          let own = try XCTUnwrap(lines(child).first { $0["id"] as? String == line["id"] as? String })
          XCTAssertEqual(try XCTUnwrap(own["required_total"] as? Double), given, accuracy: 1e-9, "\(area) \(line["id"]!)")
          checked += 1
        }
      }
    }
    XCTAssertEqual(checked, 8, "the city's one line, for each of its eight children")
    // The city goal (published) is met exactly; 新吴区 keeps its own 2025 table, so the city takes its total.
    let city = try XCTUnwrap(lines(tables[0]).first)
    XCTAssertEqual(city["district_target"] as? Double, 10_000)
    XCTAssertEqual(city["allocated_total"] as? Double, 10_000)
    XCTAssertEqual(cell(city, "新吴区"), 1700)
    XCTAssertEqual(((city["areas"] as? [String: Any])?["新吴区"] as? [String: Any])?["locked"] as? Bool, true)
    // 梁溪区's table is its own published data under the city's share: its nine streets, every line.
    let liangxi = try XCTUnwrap(byRegion["梁溪区"])
    XCTAssertEqual((liangxi["areas"] as? [String])?.count, 9)
    XCTAssertEqual(lines(liangxi).count, 26)
  }

  /// With the city's share for 梁溪区 locked at its own target (1,200), its table inside the tree is
  /// the table of its own scenario (liangxi-2025.toml has the same settings), cell for cell.
  func testLiangxiInsideTheTreeMatchesItsOwnScenario() throws {
    let run = try runFenjie(["allocate", scenario, "--lock", "梁溪区:新招引科技型企业=1200", "--region", "梁溪区", "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let inTree = try XCTUnwrap((document["tables"] as? [[String: Any]])?.first)
    XCTAssertEqual(inTree["parent"] as? String, "无锡市")
    let alone = try runFenjie(["allocate", "Scenarios/liangxi-2025.toml", "--format", "json"])
    let own = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? [String: Any])
    let a = lines(inTree)
    let b = lines(own)
    XCTAssertEqual(a.count, b.count)
    for (x, y) in zip(a, b) {
      let streets = (own["areas"] as? [String]) ?? []
      XCTAssertEqual(streets.map { cell(x, $0) }, streets.map { cell(y, $0) }, "\(x["id"]!)")
    }
  }

  /// 经开区 (a district made for the tree: three streets, its plan starts in 2025, no street history,
  /// a "其中" line): sized by the scenario's weights, 其中 never above its parent line in a street.
  func testDistrictWithoutHistoryInsideTheTree() throws {
    let tables = try tables()
    let jingkai = try XCTUnwrap(tables.first { $0["region"] as? String == "经开区" })
    let firms = try XCTUnwrap(lines(jingkai).first { $0["id"] as? String == "new_tech_firms" })
    let core = try XCTUnwrap(lines(jingkai).first { $0["id"] as? String == "core_ip_firms" })
    for street in ["华庄街道", "太湖街道", "雪浪街道"] {
      XCTAssertLessThanOrEqual(try XCTUnwrap(cell(core, street)), try XCTUnwrap(cell(firms, street)))
    }
    // Weights 1.5 : 1.0 : 0.8, so 华庄 > 太湖 > 雪浪.
    XCTAssertGreaterThan(cell(firms, "华庄街道")!, cell(firms, "太湖街道")!)
    XCTAssertGreaterThan(cell(firms, "太湖街道")!, cell(firms, "雪浪街道")!)
    let notes = (jingkai["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
    XCTAssertTrue(notes.contains { $0.contains("[weights]") }, "\(notes)")
  }

  func testRegionShowsOneTable() throws {
    let run = try runFenjie(["allocate", scenario, "--region", "梁溪区"])
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.contains("梁溪区 2025年度目标任务分解表"))
    XCTAssertFalse(run.stdout.contains("江阴市 2025年度"))
    XCTAssertFalse(run.stdout.contains("无锡市 2025年度"))
    // The subtitle may wrap anywhere in a long Chinese line.
    XCTAssertTrue(run.stdout.replacingOccurrences(of: "\n  ", with: "").contains("上级：无锡市"), run.stdout)
    let unknown = try runFenjie(["allocate", scenario, "--region", "南京市"])
    XCTAssertNotEqual(unknown.status, 0)
    XCTAssertTrue(unknown.stderr.contains("南京市") && unknown.stderr.contains("梁溪区"), unknown.stderr)
    let single = try runFenjie(["allocate", "Scenarios/liangxi-2025.toml", "--region", "梁溪区"])
    XCTAssertNotEqual(single.status, 0, "--region needs a tree")
  }

  func testWorkbookHasASheetPerRegionAndTheHTMLASectionPerRegion() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-tree-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let xlsx = folder.appendingPathComponent("wuxi.xlsx").path
    let run = try runFenjie(["allocate", scenario, "-o", xlsx])
    XCTAssertEqual(run.status, 0, run.stderr)
    let listing = try runTool("/usr/bin/unzip", ["-l", xlsx])
    XCTAssertEqual(listing.output.components(separatedBy: "xl/worksheets/sheet").count - 1, 9, listing.output)
    let workbook = try runTool("/usr/bin/unzip", ["-p", xlsx, "xl/workbook.xml"])
    for name in ["无锡市", "梁溪区", "经开区"] { XCTAssertTrue(workbook.output.contains("name=\"\(name)\""), name) }
    let html = folder.appendingPathComponent("wuxi.html").path
    let report = try runFenjie(["report", scenario, "-o", html])
    XCTAssertEqual(report.status, 0, report.stderr)
    let page = try String(contentsOfFile: html, encoding: .utf8)
    XCTAssertEqual(page.components(separatedBy: "<section class=\"allocation\"").count - 1, 9)
    XCTAssertTrue(page.contains("示例数据"))
  }

  func testOtherCommandsRefuseATree() throws {
    let run = try runFenjie(["compare", scenario, "Scenarios/liangxi-2025.toml", "--no-odds"])
    XCTAssertEqual(run.status, 2, run.stderr)
    XCTAssertTrue(run.stderr.contains("wuxi-2025.toml"), run.stderr)
  }

  func testCheckReadsEveryRegion() throws {
    let run = try runFenjie(["check", scenario])
    XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
    XCTAssertTrue(run.stdout.contains("wuxi-2025.toml"), run.stdout)
  }

  /// The odds of every region's targets: one table per region, the same bytes for any thread count.
  func testSimulateTheTree() throws {
    let one = try runFenjie(["simulate", scenario, "--runs", "3000", "--threads", "1", "--format", "json"])
    XCTAssertEqual(one.status, 0, one.stderr)
    let two = try runFenjie(["simulate", scenario, "--runs", "3000", "--threads", "2", "--format", "json"])
    XCTAssertEqual(one.stdout, two.stdout)
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
    XCTAssertEqual(document["runs"] as? Int, 3000)
    let regions = try XCTUnwrap(document["regions"] as? [[String: Any]])
    XCTAssertEqual(regions.count, 9)
    XCTAssertEqual(regions[0]["region"] as? String, "无锡市")
    let city = try XCTUnwrap((regions[0]["lines"] as? [[String: Any]])?.first)
    XCTAssertEqual(city["target"] as? Double, 10_000)
    XCTAssertEqual(city["streets"] as? Int, 69, "every street of the eight districts")
    let p = try XCTUnwrap(city["p_hit"] as? Double)
    XCTAssertTrue(p > 0.3 && p < 0.7, "targets at the mean: about even odds, got \(p)")
    let liangxiOnly = try runFenjie(["simulate", scenario, "--runs", "3000", "--region", "梁溪区", "--format", "json"])
    XCTAssertEqual(liangxiOnly.status, 0, liangxiOnly.stderr)
    let only = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(liangxiOnly.stdout.utf8)) as? [String: Any])
    let shown = try XCTUnwrap(only["regions"] as? [[String: Any]])
    XCTAssertEqual(shown.map { $0["region"] as? String }, ["梁溪区"])
    XCTAssertEqual(
      (shown[0]["lines"] as? [[String: Any]])?.first?["p_hit"] as? Double,
      (regions.first { $0["region"] as? String == "梁溪区" }?["lines"] as? [[String: Any]])?.first?["p_hit"] as? Double,
      "the same numbers as in the whole tree")
  }
}
