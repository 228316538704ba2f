import FenjieCore
import FenjieFiles
import Foundation
import TestSupport
import XCTest

/// Tree files (regions in levels): the shipped example reads, and every broken tree is refused at
/// its file and line.
final class TreeLoaderTests: XCTestCase {
  var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-tree-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

  func write(_ name: String, _ text: String) throws {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// A district `name` in folder `dir` with one count line (unit `unit`) and a 2024 table.
  func district(_ dir: String, _ name: String, unit: String = "家", streets: [String] = ["甲街道", "乙街道"]) throws {
    try write(
      "\(dir)/dataset.toml",
      """
      region = "\(name)"
      areas = [\(streets.map { "\"\($0)\"" }.joined(separator: ", "))]
      plan_years = [2024, 2025]
      [targets]
      file = "targets.csv"
      source = "test"
      [[tables]]
      year = 2024
      kind = "target"
      file = "streets-2024.csv"
      source = "test"
      illustrative = false
      """)
    try write("\(dir)/targets.csv", "id,name,unit,kind,2024,2025\nfirms,新招引科技型企业,\(unit),count,30,36\n")
    try write("\(dir)/streets-2024.csv", "id,\(streets.joined(separator: ","))\nfirms,\(streets.indices.map { String(10 + 10 * $0) }.joined(separator: ","))\n")
  }

  func city(_ name: String = "city.toml", children: [String], line: String = "firms,新招引科技型企业,家,count,60,70") throws {
    try write(
      name,
      """
      region = "测试市"
      plan_years = [2024, 2025]
      [targets]
      file = "city-targets.csv"
      source = "test"
      \(children.map { "[[children]]\ndataset = \"\($0)\"" }.joined(separator: "\n"))
      """)
    try write("city-targets.csv", "id,name,unit,kind,2024,2025\n\(line)\n")
  }

  func messages(_ body: () throws -> Void) -> [String] { errors(body).map(\.description) }

  func errors(_ body: () throws -> Void) -> [InputError] {
    do {
      try body()
      return []
    } catch let error as InputErrors {
      return error.errors
    } catch {
      return [InputError(file: "?", "\(error)")]
    }
  }

  func testShippedWuxiTreeReads() throws {
    let tree = try TreeLoader.load(packageRoot.appendingPathComponent("Scenarios/wuxi/dataset.toml").path)
    XCTAssertEqual(tree.name, "无锡市")
    XCTAssertEqual(tree.children.map(\.name), ["江阴市", "宜兴市", "梁溪区", "锡山区", "惠山区", "滨湖区", "新吴区", "经开区"])
    XCTAssertEqual(tree.dataset.areas, tree.children.map(\.name))
    XCTAssertEqual(tree.dataset.targets["new_tech_firms"]?[2025], 10_000)
    XCTAssertFalse(tree.dataset.targetsProvenance.illustrative)
    let liangxi = tree.children[2]
    XCTAssertFalse(liangxi.dataset.targetsProvenance.illustrative)
    XCTAssertEqual(liangxi.industrialOutput[2025], 420)
    XCTAssertTrue(tree.children.filter { $0.name != "梁溪区" }.allSatisfy { $0.dataset.targetsProvenance.illustrative })
    XCTAssertTrue(tree.problems().isEmpty)
  }

  func testThreeLevelsRead() throws {
    try district("a", "甲区")
    try district("b", "乙区", streets: ["丙街道", "丁街道"])
    try write(
      "mid/dataset.toml",
      """
      region = "中间县"
      plan_years = [2024, 2025]
      [targets]
      file = "t.csv"
      source = "test"
      [[children]]
      dataset = "../a/dataset.toml"
      [[children]]
      dataset = "../b/dataset.toml"
      """)
    try write("mid/t.csv", "id,name,unit,kind,2024,2025\nfirms,新招引科技型企业,家,count,60,70\n")
    try district("c", "丙区", streets: ["戊街道"])
    try city(children: ["mid/dataset.toml", "c/dataset.toml"])
    let tree = try TreeLoader.load(path("city.toml"))
    XCTAssertEqual(tree.regions.map(\.region.name), ["测试市", "中间县", "甲区", "乙区", "丙区"])
    XCTAssertEqual(tree.regions.map(\.depth), [0, 1, 2, 2, 1])
  }

  /// A city's own history: a table of past district targets whose columns are its districts; a
  /// column that is not one of them is refused at its cell.
  func testCityHistoryTableReadsWithDistrictsAsAreas() throws {
    try district("a", "甲区")
    try district("b", "乙区", streets: ["丙街道", "丁街道"])
    try city(children: ["a/dataset.toml", "b/dataset.toml"])
    var text = try String(contentsOfFile: path("city.toml"), encoding: .utf8)
    text = text.replacingOccurrences(
      of: "[[children]]", with: "[[tables]]\nyear = 2024\nkind = \"target\"\nfile = \"city-2024.csv\"\nsource = \"test\"\nillustrative = false\n[[children]]",
      options: [], range: text.range(of: "[[children]]"))
    try write("city.toml", text)
    try write("city-2024.csv", "id,甲区,乙区\nfirms,30,30\n")
    let tree = try TreeLoader.load(path("city.toml"))
    XCTAssertEqual(tree.dataset.tables.first?.value("firms", "乙区"), .value(30))
    try write("city-2024.csv", "id,甲区,丙区\nfirms,30,30\n")
    let found = messages { _ = try TreeLoader.load(self.path("city.toml")) }
    XCTAssertTrue(found.contains { $0.contains("city-2024.csv") && $0.contains("丙区") }, "\(found)")
  }

  func testCycleIsRefused() throws {
    try write(
      "loop.toml",
      """
      region = "环市"
      plan_years = [2024, 2025]
      [targets]
      file = "city-targets.csv"
      source = "test"
      [[children]]
      dataset = "loop.toml"
      """)
    try write("city-targets.csv", "id,name,unit,kind,2024,2025\nfirms,新招引科技型企业,家,count,60,70\n")
    let found = messages { _ = try TreeLoader.load(self.path("loop.toml")) }
    XCTAssertEqual(found.count, 1, "\(found)")
    XCTAssertTrue(found[0].contains("loop.toml"), found[0])
    XCTAssertEqual(found[0].components(separatedBy: "loop.toml").count - 1, 3, "the file, the path and the chain: \(found[0])")
  }

  func testRegionNamedTwiceIsRefusedAtTheChild() throws {
    try district("a", "甲区")
    try district("b", "甲区", streets: ["丙街道", "丁街道"])
    try city(children: ["a/dataset.toml", "b/dataset.toml"])
    let found = errors { _ = try TreeLoader.load(self.path("city.toml")) }
    XCTAssertTrue(
      found.contains { $0.file.hasSuffix("city.toml") && $0.row == 9 && $0.message.contains("甲区") && $0.message.contains("a/dataset.toml") },
      "\(found)")
  }

  func testParentLineMissingAtAChildIsRefused() throws {
    try district("a", "甲区")
    try district("b", "乙区", streets: ["丙街道", "丁街道"])
    try city(children: ["a/dataset.toml", "b/dataset.toml"], line: "talents,人才引育数,人,count,5,6")
    let found = errors { _ = try TreeLoader.load(self.path("city.toml")) }
    XCTAssertEqual(
      found.filter { $0.message.contains("人才引育数") && $0.file.hasSuffix("city.toml") && $0.row != nil }.map(\.row), [7, 9],
      "at each child's [[children]] entry: \(found)")
  }

  func testUnitThatDiffersIsRefusedAtTheChildsFile() throws {
    try district("a", "甲区")
    try district("b", "乙区", unit: "个", streets: ["丙街道", "丁街道"])
    try city(children: ["a/dataset.toml", "b/dataset.toml"])
    let found = messages { _ = try TreeLoader.load(self.path("city.toml")) }
    XCTAssertEqual(found.count, 1, "\(found)")
    XCTAssertTrue(found[0].contains("b/dataset.toml") && found[0].contains("个"), found[0])
  }

  func testChildWithoutDatasetAndUnknownKeysAreRefused() throws {
    try district("a", "甲区")
    try write(
      "city.toml",
      """
      region = "测试市"
      plan_years = [2024, 2025]
      [targets]
      file = "city-targets.csv"
      source = "test"
      [[children]]
      dataset = "a/dataset.toml"
      [[children]]
      datset = "b/dataset.toml"
      """)
    try write("city-targets.csv", "id,name,unit,kind,2024,2025\nfirms,新招引科技型企业,家,count,60,70\n")
    let found = errors { _ = try TreeLoader.load(self.path("city.toml")) }
    XCTAssertEqual(found.count, 1, "\(found)")
    XCTAssertTrue(found[0].file.hasSuffix("city.toml") && found[0].row == 9 && found[0].message.contains("datset"), "\(found)")
  }
}
