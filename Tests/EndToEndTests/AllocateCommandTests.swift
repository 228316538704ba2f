import Foundation
import TestSupport
import XCTest

/// The built `fenjie` run as a planner runs it, on the shipped scenarios and on bad input.
final class AllocateCommandTests: XCTestCase {
  func json(_ text: String) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  func line(_ document: [String: Any], _ id: String) throws -> [String: Any] {
    let lines = try XCTUnwrap(document["indicators"] as? [[String: Any]])
    return try XCTUnwrap(lines.first { $0["id"] as? String == id })
  }

  /// No argument: the default scenario (Liangxi 2025), a table in the terminal, exit 0.
  func testDefaultScenarioPrintsTheTable() throws {
    let run = try runFenjie([])
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(run.stdout.contains("梁溪区 2025年度目标任务分解表"))
    XCTAssertTrue(run.stdout.contains("【科技企业倍增行动计划】"))
    // The line in every panel of areas (the 分解表 is split to fit 120 columns), in order.
    let firstLine = run.stdout.split(separator: "\n").filter { $0.hasPrefix("新招引科技型企业") }
      .flatMap { $0.split(separator: " ").dropFirst(2).map(String.init) }
    // Same growth for every street (+20%): 45 54, 75 90, 150 180, 160 192, 130 156; total and target 1200.
    XCTAssertEqual(firstLine, ["54", "90", "90", "90", "180", "192", "192", "156", "156", "1200", "1200"])
    XCTAssertTrue(run.stdout.contains("梁政发〔2024〕40号 附件2"), "the source is named")
  }

  /// The JSON contract: names kept, "/" as null, totals covering the targets, every line feasible.
  func testJSONContract() throws {
    let run = try runFenjie(["allocate", "Scenarios/liangxi-2025.toml", "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try json(run.stdout)
    XCTAssertEqual(document["year"] as? Int, 2025)
    XCTAssertEqual(document["rule"] as? String, "balanced")
    let areas = try XCTUnwrap(document["areas"] as? [String])
    XCTAssertEqual(areas.count, 9)
    XCTAssertEqual(areas.first, "崇安寺街道")
    let firms = try line(document, "new_tech_firms")
    XCTAssertEqual(firms["district_target"] as? Double, 1200)
    XCTAssertEqual(firms["required_total"] as? Double, 1200)
    XCTAssertEqual(firms["allocated_total"] as? Double, 1200)
    XCTAssertEqual(firms["status"] as? String, "optimal")
    XCTAssertEqual(firms["kind"] as? String, "count")
    XCTAssertTrue(firms["parent"] is NSNull)
    let cell = try XCTUnwrap((firms["areas"] as? [String: Any])?["崇安寺街道"] as? [String: Any])
    XCTAssertEqual(cell["value"] as? Double, 54)
    XCTAssertEqual(cell["baseline"] as? Double, 45)
    XCTAssertEqual(cell["locked"] as? Bool, false)
    let unicorn = try line(document, "quasi_unicorns")
    let closed = try XCTUnwrap((unicorn["areas"] as? [String: Any])?["崇安寺街道"] as? [String: Any])
    XCTAssertTrue(closed["value"] is NSNull, "\"/\" is null")
    let core = try line(document, "core_ip_firms")
    XCTAssertEqual(core["parent"] as? String, "new_tech_firms")
    let rate = try line(document, "rd_staff_growth")
    XCTAssertEqual(rate["status"] as? String, "not_split")
    for entry in try XCTUnwrap(document["indicators"] as? [[String: Any]]) where entry["status"] as? String != "not_split" {
      let required = try XCTUnwrap(entry["required_total"] as? Double)
      let allocated = try XCTUnwrap(entry["allocated_total"] as? Double)
      XCTAssertGreaterThanOrEqual(allocated, required - 1e-9, "\(entry["id"]!)")
      XCTAssertEqual(entry["status"] as? String, "optimal")
    }
  }

  /// Same inputs, same bytes.
  func testOutputIsReproducible() throws {
    let a = try runFenjie(["--format", "json"])
    let b = try runFenjie(["--format", "json"])
    XCTAssertEqual(a.stdout, b.stdout)
  }

  /// CSV for Excel and WPS: a byte-order mark, CRLF line ends, the action as a column.
  func testCSVOpensInExcel() throws {
    let run = try runFenjie(["--format", "csv"])
    XCTAssertEqual(run.status, 0)
    XCTAssertTrue(run.stdout.hasPrefix("\u{FEFF}行动名称,指标,单位,崇安寺街道"))
    XCTAssertTrue(run.stdout.contains("\r\n"))
    XCTAssertTrue(run.stdout.contains("科技企业倍增行动计划,新招引科技型企业,家,54,90,90,90,180,192,192,156,156,1200,1200\r\n"))
  }

  func testMarkdownAndExplain() throws {
    let run = try runFenjie(["--format", "markdown", "--explain"])
    XCTAssertEqual(run.status, 0)
    XCTAssertTrue(run.stdout.contains("| 指标 | 单位 | 崇安寺街道 |"))
    XCTAssertTrue(run.stdout.contains("### 新招引科技型企业（家）"))
    XCTAssertTrue(run.stdout.contains("边际代价，即合计行的对偶值"), run.stdout)
    let english = try runFenjie(["--format", "markdown", "--explain"], environment: englishLocale)
    XCTAssertTrue(english.stdout.contains("dual of the total row"), english.stdout)
    XCTAssertTrue(run.stdout.contains("| 崇安寺街道 | 45 | 36 | 67 | 54 | +20.0% |"), run.stdout)
  }

  /// Tight caps: exit 1, the table still printed, the shortfall and the fix named.
  func testInfeasibleScenarioIsExplained() throws {
    let run = try runFenjie(["Scenarios/liangxi-2025-tight-caps.toml", "--format", "json"])
    XCTAssertEqual(run.status, 1)
    let document = try json(run.stdout)
    XCTAssertEqual(document["feasible"] as? Bool, false)
    let eaglet = try line(document, "eaglet_firms")
    XCTAssertEqual(eaglet["status"] as? String, "infeasible")
    XCTAssertEqual(eaglet["largest_feasible_total"] as? Double, 59)
    // The repair shown spreads the 11 missing over the nine streets (+2 each at most), not +11 on one.
    let changes = try XCTUnwrap(eaglet["changes"] as? [[String: Any]])
    XCTAssertEqual(changes.count, 9)
    for change in changes {
      let raise = try XCTUnwrap(change["to"] as? Double) - XCTUnwrap(change["from"] as? Double)
      XCTAssertLessThanOrEqual(raise, 2)
    }
    let diagnostics = try XCTUnwrap(document["diagnostics"] as? [[String: Any]])
    XCTAssertTrue(diagnostics.contains { ($0["message"] as? String)?.contains("（差 11家）") == true })
    XCTAssertTrue(diagnostics.contains { ($0["message"] as? String)?.contains("调整更少的另一方案（已核验）：扬名街道上限由 12 提高到 23") == true })
    // JSON keys and values that are codes stay; the sentences follow the language.
    let english = try json(try runFenjie(["Scenarios/liangxi-2025-tight-caps.toml", "--format", "json"], environment: englishLocale).stdout)
    let englishDiagnostics = try XCTUnwrap(english["diagnostics"] as? [[String: Any]])
    XCTAssertTrue(englishDiagnostics.contains { ($0["message"] as? String)?.contains("short by 11家") == true })
    XCTAssertTrue(englishDiagnostics.contains { ($0["message"] as? String)?.contains("alternative with fewer changes (checked): raise 扬名街道's cap from 12 to 23") == true })
    XCTAssertEqual(englishDiagnostics.map { $0["severity"] as? String }, diagnostics.map { $0["severity"] as? String })
  }

  /// 2026 chained from fenjie's own 2025 draft, and any year by --year.
  func testOtherYears() throws {
    let run = try runFenjie(["Scenarios/liangxi-2026.toml", "--format", "json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let document = try json(run.stdout)
    XCTAssertEqual(document["year"] as? Int, 2026)
    XCTAssertEqual(try line(document, "new_tech_firms")["allocated_total"] as? Double, 1600)
    XCTAssertTrue((document["sources"] as? [String])?.contains("fenjie 对2025年的分解") == true, "\(document["sources"] ?? "")")
    let outside = try runFenjie(["--year", "2030", "--lang", "en"])
    XCTAssertEqual(outside.status, 2)
    XCTAssertTrue(outside.stderr.contains("outside the plan"), outside.stderr)
  }

  /// The LP file re-solved by glpsol gives the same line totals (street values can differ only
  /// where two streets tie exactly in the rounding step).
  func testWrittenModelResolvesWithGlpsol() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol") else {
      throw XCTSkip("glpsol is not installed (make setup installs glpk-utils)")
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-e2e-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let lp = directory.appendingPathComponent("2025.lp").path
    let run = try runFenjie(["--format", "json", "--write-lp", lp])
    XCTAssertEqual(run.status, 0)
    let solution = directory.appendingPathComponent("2025.txt").path
    let glpsol = try runTool("/usr/bin/glpsol", ["--lp", lp, "-o", solution])
    XCTAssertEqual(glpsol.status, 0, glpsol.output)
    let text = try String(contentsOfFile: solution, encoding: .utf8)
    XCTAssertTrue(text.contains("INTEGER OPTIMAL"), text)
    // Column lines read "  no. name  *  54  53  54", long names with the rest on the next line.
    var values: [String: Double] = [:]
    var pending: String? = nil
    for row in text.split(separator: "\n") {
      let fields = row.split(separator: " ").map(String.init)
      if fields.count == 2, fields[1].hasPrefix("x_") {
        pending = fields[1]
      } else if let name = pending, fields.first == "*", fields.count >= 2, let v = Double(fields[1]) {
        values[name] = v
        pending = nil
      } else if fields.count >= 4, fields[1].hasPrefix("x_"), fields[2] == "*", let v = Double(fields[3]) {
        values[fields[1]] = v
      }
    }
    let document = try json(run.stdout)
    let areas = try XCTUnwrap(document["areas"] as? [String])
    var compared = 0
    for entry in try XCTUnwrap(document["indicators"] as? [[String: Any]]) where entry["status"] as? String == "optimal" {
      let id = try XCTUnwrap(entry["id"] as? String)
      let unit = entry["kind"] as? String == "count" ? 1.0 : 0.01
      let cells = try XCTUnwrap(entry["areas"] as? [String: [String: Any]])
      var total = 0.0
      for (index, area) in areas.enumerated() {
        guard let cell = cells[area], let value = cell["value"] as? Double else { continue }
        let resolved = try XCTUnwrap(values["x_\(id)_\(index + 1)"], "x_\(id)_\(index + 1)") * unit
        XCTAssertLessThanOrEqual(abs(resolved - value), unit + 1e-9, "\(id) \(area): only a rounding tie may differ")
        XCTAssertLessThanOrEqual(resolved, (cell["cap"] as? Double ?? .infinity) + 1e-9)
        XCTAssertGreaterThanOrEqual(resolved, (cell["floor"] as? Double ?? 0) - 1e-9)
        total += resolved
      }
      XCTAssertEqual(total, try XCTUnwrap(entry["allocated_total"] as? Double), accuracy: 1e-6, id)
      compared += 1
    }
    XCTAssertGreaterThan(compared, 20)
  }

  /// fenjie never writes over one of its own inputs, and replaces a named output whole.
  func testOutputSafety() throws {
    let scenario = packageRoot.appendingPathComponent("Scenarios/liangxi-2025.toml").path
    let before = try String(contentsOfFile: scenario, encoding: .utf8)
    let run = try runFenjie(["--format", "table", "--output", "Scenarios/liangxi-2025.toml"])
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.stderr.contains("输入文件"), run.stderr)
    XCTAssertEqual(try String(contentsOfFile: scenario, encoding: .utf8), before)
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-\(UUID()).csv").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    try "old".write(toFile: out, atomically: true, encoding: .utf8)
    XCTAssertEqual(try runFenjie(["--output", out]).status, 0)
    let written = try Data(contentsOf: URL(fileURLWithPath: out))
    XCTAssertEqual(Array(written.prefix(3)), [0xEF, 0xBB, 0xBF], "CSV (from the extension) with a byte-order mark")
    XCTAssertTrue(String(decoding: written, as: UTF8.self).contains("行动名称,指标"))
  }

  /// Bad input: exit 2 and a sentence naming the file, the row or line, the column, and a fix (the
  /// English sentences here, with --lang en; in Chinese by default: LanguageTests).
  func testBadInputMessages() throws {
    let cases: [(String, [String])] = [
      ("Tests/Fixtures/bad-input/typo.toml", ["typo.toml, line 6", "did you mean max_growth?"]),
      ("Tests/Fixtures/bad-input/broken.toml", ["broken.toml, line 4", "not valid TOML"]),
      ("Tests/Fixtures/bad-input/unknown-area.toml", ["unknown-area.toml, line 7", "did you mean 扬名街道?"]),
      ("Tests/Fixtures/bad-input/bad-number.toml", ["actuals-bad.csv, row 4, column E (清名桥街道)", "\"1O\" is not a number"]),
      ("Tests/Fixtures/no-such-file.toml", ["no-such-file.toml: does not exist"]),
    ]
    for (scenario, phrases) in cases {
      let run = try runFenjie([scenario, "--lang", "en"])
      XCTAssertEqual(run.status, 2, scenario)
      for phrase in phrases { XCTAssertTrue(run.stderr.contains(phrase), "\(scenario): \(run.stderr)") }
      XCTAssertFalse(run.stderr.contains("Fatal error"), run.stderr)
    }
    let format = try runFenjie(["--format", "xls", "--lang", "en"])
    XCTAssertEqual(format.status, 2)
    XCTAssertTrue(format.stderr.contains("choose one of"), format.stderr)
  }

  /// `check` finds the scanner-noise column of the published 附件2, whether it is taken for an
  /// unknown street or for an area of the dataset.
  func testCheckFindsTheNoiseColumn() throws {
    let named = try runFenjie(["check", "Tests/Fixtures/noise-column/scenario.toml"])
    XCTAssertEqual(named.status, 2)
    XCTAssertTrue(named.stdout.contains("第1行，M列（科技城区）"), named.stdout)
    let disguised = try runFenjie(["check", "Tests/Fixtures/noise-area/scenario.toml"])
    XCTAssertEqual(disguised.status, 2)
    XCTAssertTrue(disguised.stdout.contains("M列（科技城区）：本列有 18 个指标单独超过全区目标"), disguised.stdout)
    let clean = try runFenjie(["check"])
    XCTAssertEqual(clean.status, 0)
    XCTAssertTrue(clean.stdout.contains("没有发现问题"))
  }
}
