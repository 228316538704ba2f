import Foundation
import TestSupport
import XCTest

/// The reports of the shipped scenarios in each language: Chinese by default with no English
/// sentence left, English (an English locale) with no Chinese sentence besides the data's names and
/// the table labels that stay Chinese; and in both, terminal output free of East Asian Ambiguous
/// characters, which CJK terminals draw two columns wide.
final class LanguageOutputTests: XCTestCase {
  /// The terminal outputs checked: every report command on the shipped scenarios, and `check`'s
  /// findings (the fixture of the published 附件2's noise column). `check` on a clean scenario prints
  /// only the command line's own summary line, which is not this test's.
  static let commands: [[String]] = [
    ["allocate", "Scenarios/liangxi-2025.toml", "--explain"],
    ["allocate", "Scenarios/liangxi-2025-tight-caps.toml", "--explain"],
    ["allocate", "Scenarios/liangxi-2025-practice-2024.toml"],
    ["allocate", "Scenarios/liangxi-2026-progress.toml", "--explain"],
    ["allocate", "Scenarios/liangxi-2025.toml", "--confidence", "0.9", "--confidence-runs", "300"],
    ["allocate", "Scenarios/liangxi-2025.toml", "--lock", "扬名街道:高新技术企业申报数=90"],
    ["simulate", "Scenarios/liangxi-2026.toml", "--runs", "1000", "--seed", "11"],
    ["simulate", "Scenarios/liangxi-2026-progress.toml", "--runs", "1000", "--seed", "11"],
    ["simulate", "Scenarios/liangxi-2026-talent-shock.toml", "--runs", "1000", "--seed", "11"],
    ["compare", "Scenarios/liangxi-2026.toml", "Scenarios/liangxi-2026-talent-shock.toml", "--runs", "1000", "--seed", "11"],
    ["backtest", "Scenarios/liangxi-2026-progress.toml", "--runs", "500", "--seed", "11"],
    ["check", "Tests/Fixtures/noise-area/scenario.toml"],
  ]

  /// Text of the data, not of fenjie: each scenario's purpose (its first comment line) and every
  /// `source = "…"` of the shipped scenarios and datasets, and the fixtures' names of streets.
  static func dataTexts() throws -> [String] {
    var texts: [String] = []
    let folder = packageRoot.appendingPathComponent("Scenarios")
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".toml") }
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let lines = text.split(separator: "\n").map(String.init)
      if let first = lines.first, first.hasPrefix("# ") {
        // The purpose, as written and as the subtitle shows it (its full stop dropped).
        let purpose = String(first.dropFirst(2))
        texts.append(purpose)
        if purpose.hasSuffix("。") { texts.append(String(purpose.dropLast())) }
      }
      for line in lines {
        guard let equals = line.firstIndex(of: "="), line[..<equals].trimmingCharacters(in: .whitespaces) == "source" else { continue }
        let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { texts.append(String(value.dropFirst().dropLast())) }
      }
    }
    // Longest first, so that a text inside another is not removed from it first.
    return texts.sorted { $0.count > $1.count }
  }

  /// Words that are names, not sentences, in Chinese output: file and option names, the random
  /// generator's name, the solver's terms in scenario keys. Each is removed before the scan.
  static let chineseAllowlist: [String] = [
    "xoshiro256** (seeded by SplitMix64)",  // the generator's published name (FenjieSimulation)
    "Brier", "Poisson", "Wilson", "sample average approximation", "fenjie simulate", "fenjie allocate",
  ]

  /// Runs of three or more ASCII words (letters, two or more each): an English sentence. Identifiers
  /// (`[capacity.by_indicator.x]`, `--format json`, `max_growth`) are not runs of words.
  static func englishRuns(_ text: String) -> [String] {
    let pattern = #"(?<![\w.\[\-_/])[A-Za-z]{2,}(?:[ ,;]+[A-Za-z]{2,}){2,}(?![\w\]_])"#
    let regex = try! NSRegularExpression(pattern: pattern)
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
  }

  func testChineseOutputHasNoEnglishSentence() throws {
    let data = try Self.dataTexts()
    for command in Self.commands {
      let run = try runFenjie(command + (command[0] == "check" ? [] : ["--wide"]), environment: chineseLocale)
      XCTAssertTrue([0, 1, 2].contains(run.status), "\(command): \(run.stderr)")
      var text = run.stdout
      for name in data + Self.chineseAllowlist { text = text.replacingOccurrences(of: name, with: " ") }
      let runs = Self.englishRuns(text)
      XCTAssertTrue(runs.isEmpty, "\(command.joined(separator: " ")): English left in the Chinese output: \(runs.prefix(8))")
      XCTAssertFalse(run.stdout.isEmpty, "\(command)")
    }
  }

  /// Chinese labels that stay in English output (the table's headers and its proper names), as the
  /// issue asks: a planner's table keeps its Chinese headers.
  static let englishAllowlist: [String] = [
    "年度目标任务分解表", "（含示例数据）", "示例数据", "（续表）", "分解表", "分解说明", "完成数", "规上工业总产值", "其中",
    "指标", "单位", "合计", "区目标", "街道", "基数", "下限", "上限", "目标值", "目标", "增长", "余量使用", "约束", "已完成",
    "P(达成)", "区间", "期望缺口", "缺口主要来自", "预测", "拟合年份", "命中/期望", "平均预测", "实际频率", "实际", "事件", "内",
    "科技人才导入",
  ]

  /// The data's names as the JSON of a scenario's allocation gives them: region, streets, indicators,
  /// their units and action groups, the sources.
  func dataNames(_ scenario: String) throws -> [String] {
    let run = try runFenjie(["allocate", scenario, "--format", "json"], environment: englishLocale)
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    var names = [document["region"] as? String ?? ""] + (document["areas"] as? [String] ?? []) + (document["sources"] as? [String] ?? [])
    for line in document["indicators"] as? [[String: Any]] ?? [] {
      for key in ["name", "area_name", "unit", "area_unit", "action"] { names.append(line[key] as? String ?? "") }
    }
    return names.filter { !$0.isEmpty }
  }

  func testEnglishOutputHasNoChineseSentence() throws {
    var names = try dataNames("Scenarios/liangxi-2026-progress.toml") + dataNames("Scenarios/liangxi-2025.toml")
    names += try Self.dataTexts()
    names += ["科技城区"]  // the noise column of the published 附件2, read as an area by the fixture
    let removals = (names + Self.englishAllowlist).sorted { $0.count > $1.count }
    for command in Self.commands {
      let run = try runFenjie(command + (command[0] == "check" ? [] : ["--wide"]), environment: englishLocale)
      var text = run.stdout
      for name in removals { text = text.replacingOccurrences(of: name, with: " ") }
      let chinese = text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) || "，。；：、“”".unicodeScalars.contains($0) }
      XCTAssertTrue(
        chinese.isEmpty,
        "\(command.joined(separator: " ")): Chinese left in the English output: \(String(String.UnicodeScalarView(chinese)).prefix(40)) in \(text.prefix(600))")
    }
  }

  /// The HTML report and the workbooks written in English: the page's text and the sheets' cells
  /// (the shared strings of the .xlsx) hold no Chinese besides the data's names and the labels.
  func testEnglishHTMLAndWorkbooksHaveNoChineseSentence() throws {
    var names = try dataNames("Scenarios/liangxi-2026-progress.toml") + dataNames("Scenarios/liangxi-2025.toml")
    names += try Self.dataTexts()
    let removals = (names + Self.englishAllowlist + ["分解规则", "达成概率", "街道达成概率", "置信度余量", "状态", "行动名称", "锁定",
      "同时达成", "目标数", "P(全部达成)", "下限", "上限", "说明"]).sorted { $0.count > $1.count }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-language-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let html = directory.appendingPathComponent("report.html").path
    let runs: [[String]] = [
      ["report", "Scenarios/liangxi-2026-progress.toml", "--runs", "500", "-o", html],
      ["allocate", "Scenarios/liangxi-2026-progress.toml", "--explain", "--format", "xlsx", "-o", directory.appendingPathComponent("a.xlsx").path],
      ["simulate", "Scenarios/liangxi-2026-progress.toml", "--runs", "500", "--format", "xlsx", "-o", directory.appendingPathComponent("s.xlsx").path],
    ]
    for arguments in runs {
      let run = try runFenjie(arguments, environment: englishLocale)
      XCTAssertTrue([0, 1].contains(run.status), "\(arguments): \(run.stderr)")
    }
    var page = try String(contentsOfFile: html, encoding: .utf8)
    XCTAssertTrue(page.contains("<html lang=\"en\">"))
    page = String(page[page.range(of: "<body>")!.upperBound...]).replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
    var texts = ["report.html": page]
    for name in ["a.xlsx", "s.xlsx"] {
      let unzip = try runTool("/usr/bin/unzip", ["-p", directory.appendingPathComponent(name).path, "xl/sharedStrings.xml"])
      XCTAssertEqual(unzip.status, 0, unzip.output)
      texts[name] = unzip.output.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
    }
    for (name, original) in texts {
      var text = original.replacingOccurrences(of: "&quot;", with: "\"")
      for removal in removals { text = text.replacingOccurrences(of: removal, with: " ") }
      let chinese = text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) || "，。；：、".unicodeScalars.contains($0) }
      XCTAssertTrue(chinese.isEmpty, "\(name): Chinese left in English: \(String(String.UnicodeScalarView(chinese)).prefix(60))")
    }
  }

  /// East Asian Ambiguous characters (UAX #11) that text tends to use: a CJK terminal draws them
  /// two columns wide, so a table holding one loses its alignment. "✗" and "✓" are listed too: CJK
  /// fonts draw them wide.
  static let ambiguous: [ClosedRange<UInt32>] = [
    0x00A7...0x00A8, 0x00B0...0x00B4, 0x00B6...0x00BA, 0x00D7...0x00D7, 0x00F7...0x00F7,  // § ¨ ° ± ² ³ ´ ¶ · ¹ º × ÷
    0x0391...0x03A9, 0x03B1...0x03C9,  // Greek: Δ Σ σ ρ κ
    0x2010...0x2010, 0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022, 0x2024...0x2027,  // ‐ – — ‘ ’ “ ” • …
    0x2030...0x2030, 0x2032...0x2033, 0x203B...0x203B,
    0x2190...0x2199, 0x21D2...0x21D2, 0x21D4...0x21D4,  // arrows
    0x2200...0x22FF,  // mathematical operators: − √ ∞ ≤ ≥ ≈ Σ
    0x2460...0x24FF, 0x2500...0x257F, 0x2580...0x259F, 0x25A0...0x25FF,  // circled, box drawing ─, blocks, shapes
    0x2605...0x2606, 0x2713...0x2713, 0x2717...0x2717,  // ★ ☆ ✓ ✗
  ]

  static func ambiguousCharacters(_ text: String) -> [Character] {
    text.filter { character in
      character.unicodeScalars.contains { scalar in ambiguous.contains { $0.contains(scalar.value) } }
    }.map { $0 }
  }

  func testTerminalOutputHasNoAmbiguousWidthCharacter() throws {
    for environment in [chineseLocale, englishLocale] {
      for command in Self.commands {
        let run = try runFenjie(command, environment: environment)
        let found = Self.ambiguousCharacters(run.stdout)
        XCTAssertTrue(
          found.isEmpty, "\(environment["LANG"] ?? ""): \(command.joined(separator: " ")): \(Set(found).map { String($0) }.sorted())")
      }
    }
  }

  /// The scan finds what it looks for (a test of the test).
  func testTheScansFindWhatTheyLookFor() {
    XCTAssertEqual(Self.ambiguousCharacters("σ ρ · ✗ – ─ ≥ 合计 - x"), ["σ", "ρ", "·", "✗", "–", "─", "≥"])
    XCTAssertEqual(Self.englishRuns("按现有设定不可行 infeasible as set（见下）"), ["infeasible as set"])
    XCTAssertEqual(Self.englishRuns("[capacity.by_indicator.core_ip_firms] max_growth = 0.47，见 --format json"), [])
    XCTAssertEqual(Self.englishRuns("fenjie 0.1.0，seed 11"), [])
  }
}
