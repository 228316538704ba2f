import FenjieText
import Foundation
import TestSupport
import XCTest

/// Chinese by default (issue 16): the help, the parser's own words and the input errors read in
/// Chinese with no English sentence left; `--lang en` and an English locale give English.
final class LanguageCommandTests: XCTestCase {
  static let subcommands = ["allocate", "simulate", "compare", "backtest", "check", "report"]

  /// Three English words in a row (letters only, two or more each, or "a"): a sentence left in
  /// English. Option names, paths, `<placeholders>` and lists of formats ("table, csv, json") are
  /// not sentences.
  func englishSentence(in text: String) -> String? {
    for line in text.split(separator: "\n") {
      var run = 0
      for token in line.split(separator: " ") {
        let word = token.trimmingCharacters(in: CharacterSet(charactersIn: ".;:?!()\""))
        if word == "a" || (word.count >= 2 && word.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "'") })) {
          run += 1
          if run >= 3 { return String(line) }
        } else if word.hasSuffix(","), word.dropLast().allSatisfy({ $0.isASCII && $0.isLetter }) {
          run = 0  // an item of a list
        } else {
          run = 0
        }
      }
    }
    return nil
  }

  /// Runs the built fenjie with `environment` only (plus PATH), as a shell with LANG set would.
  func run(_ arguments: [String], environment: [String: String], in directory: URL = packageRoot) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = productsDirectory.appendingPathComponent("fenjie")
    process.arguments = arguments
    process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine }
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
  }

  func testHelpIsChineseByDefault() throws {
    XCTAssertNil(englishSentence(in: "用法：fenjie allocate [<options>] [<scenario>]\n  --set <key=value>  修改情景"), "the check itself")
    XCTAssertNotNil(englishSentence(in: "Draft a year's 分解表"), "the check itself")
    XCTAssertNil(englishSentence(in: "请从 table, csv, markdown, json 中选一个"), "the check itself")
    for arguments in [["--help"]] + Self.subcommands.map({ [$0, "--help"] }) + [["help", "simulate"]] {
      let help = try run(arguments, environment: [:])
      XCTAssertEqual(help.status, 0, "\(arguments): \(help.stderr)")
      XCTAssertTrue(help.stdout.contains("用法："), "\(arguments): \(help.stdout)")
      XCTAssertTrue(help.stdout.contains("选项："), "\(arguments): \(help.stdout)")
      XCTAssertNil(englishSentence(in: help.stdout), "\(arguments): English left in the help")
      XCTAssertFalse(help.stdout.contains("USAGE") || help.stdout.contains("OPTIONS") || help.stdout.contains("Show help"), help.stdout)
      for line in help.stdout.split(separator: "\n") {
        XCTAssertLessThanOrEqual(displayColumns(String(line)), 80, "\(arguments): a help line wider than the terminal: \(line)")
      }
    }
  }

  /// A Chinese character takes two columns of a terminal.
  func displayColumns(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
      let v = scalar.value
      let wide = (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFE30...0xFE4F).contains(v)
      return width + (wide ? 2 : 1)
    }
  }

  func testEachDefaultScenarioIsNamedOnceInTheHelp() throws {
    for (command, scenario) in [
      ("allocate", "Scenarios/liangxi-2025.toml"), ("check", "Scenarios/liangxi-2025.toml"), ("simulate", "Scenarios/liangxi-2026.toml"),
      ("report", "Scenarios/liangxi-2026.toml"), ("backtest", "Scenarios/liangxi-2026-progress.toml"),
    ] {
      for language in ["zh", "en"] {
        let help = try runFenjie([command, "--help", "--lang", language])
        XCTAssertEqual(help.stdout.components(separatedBy: scenario).count - 1, 1, "\(command) --lang \(language): \(help.stdout)")
      }
    }
  }

  func testBadInputIsSaidInChinese() throws {
    let typo = try run(["Tests/Fixtures/bad-input/typo.toml"], environment: [:])
    XCTAssertEqual(typo.status, 2)
    let expected = Say.Input.unknownKey("capacity.max_grwth", suggestion: Say.Common.didYouMean("max_growth")).text(.chinese)
    XCTAssertTrue(typo.stderr.contains("typo.toml，第6行：" + expected), typo.stderr)
    XCTAssertNil(englishSentence(in: typo.stderr), typo.stderr)

    let number = try run(["Tests/Fixtures/bad-input/bad-number.toml"], environment: [:])
    XCTAssertEqual(number.status, 2)
    let cell = Say.Input.quoted("1O")
    XCTAssertTrue(number.stderr.contains("actuals-bad.csv，第4行，E列（清名桥街道）：" + Say.Input.notANumber(cell).text(.chinese)), number.stderr)
    XCTAssertNil(englishSentence(in: number.stderr), number.stderr)

    // TOML that does not parse: the parser's reason said in Chinese too.
    let broken = try run(["Tests/Fixtures/bad-input/broken.toml"], environment: [:])
    XCTAssertEqual(broken.status, 2)
    XCTAssertTrue(broken.stderr.contains("broken.toml，第4行：第4行第10列不符合 TOML 格式"), broken.stderr)
    XCTAssertNil(englishSentence(in: broken.stderr), broken.stderr)

    // The parser's own errors, and fenjie's refusals of option values.
    for arguments in [["allocate", "--bogus"], ["compare"], ["simulate", "--runs", "x"], ["allocate", "--format", "xls"], ["allocate", "--lang", "fr"]] {
      let refused = try run(arguments, environment: [:])
      XCTAssertEqual(refused.status, 2, "\(arguments)")
      XCTAssertTrue(refused.stderr.hasPrefix("fenjie: " + Say.CommandLine.error.chinese), "\(arguments): \(refused.stderr)")
      XCTAssertTrue(refused.stderr.contains("用法："), "\(arguments): \(refused.stderr)")
      XCTAssertNil(englishSentence(in: refused.stderr), "\(arguments): \(refused.stderr)")
    }
    let lang = try run(["allocate", "--lang", "fr"], environment: [:])
    XCTAssertTrue(lang.stderr.contains(Say.CommandLine.badLanguage("fr").text(.chinese)), lang.stderr)
  }

  func testLangEnAndAnEnglishLocaleGiveEnglish() throws {
    for (arguments, environment) in [(["--help", "--lang", "en"], [String: String]()), (["--help"], ["LANG": "en_US.UTF-8"])] {
      let help = try run(arguments, environment: environment)
      XCTAssertEqual(help.status, 0)
      XCTAssertTrue(help.stdout.contains("USAGE:") && help.stdout.contains("OVERVIEW: "), help.stdout)
      XCTAssertTrue(help.stdout.contains(Say.Help.fenjieAbstract.text(.english).prefix(30)), help.stdout)
      XCTAssertFalse(help.stdout.contains("用法"), help.stdout)
    }
    // --lang wins over the locale, both ways.
    let chinese = try run(["allocate", "--help", "--lang", "zh"], environment: ["LANG": "en_US.UTF-8"])
    XCTAssertTrue(chinese.stdout.contains("用法："), chinese.stdout)
    let expected = Say.Input.unknownKey("capacity.max_grwth", suggestion: Say.Common.didYouMean("max_growth")).text(.english)
    for (arguments, environment) in [
      (["Tests/Fixtures/bad-input/typo.toml", "--lang", "en"], [String: String]()), (["Tests/Fixtures/bad-input/typo.toml"], ["LANG": "en_US.UTF-8"]),
    ] {
      let typo = try run(arguments, environment: environment)
      XCTAssertEqual(typo.status, 2)
      XCTAssertTrue(typo.stderr.contains("typo.toml, line 6: " + expected), typo.stderr)
    }
    let parser = try run(["allocate", "--bogus"], environment: ["LANG": "en_US.UTF-8"])
    XCTAssertTrue(parser.stderr.contains("Error: Unknown option '--bogus'"), parser.stderr)
  }

  /// The default scenario is found beside the program (the release's layout: fenjie and Scenarios/
  /// side by side) and from the repository's build folder, whatever the working directory; alone in
  /// a folder, the program names every place it looked.
  func testTheDefaultScenarioIsFoundFromAnyFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-default-\(UUID().uuidString)")
    let release = folder.appendingPathComponent("release")
    let empty = folder.appendingPathComponent("empty")
    let alone = folder.appendingPathComponent("alone")
    for directory in [release, empty, alone] { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
    defer { try? FileManager.default.removeItem(at: folder) }
    let binary = productsDirectory.appendingPathComponent("fenjie")
    try FileManager.default.copyItem(at: binary, to: release.appendingPathComponent("fenjie"))
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Scenarios"), to: release.appendingPathComponent("Scenarios"))
    try FileManager.default.copyItem(at: binary, to: alone.appendingPathComponent("fenjie"))

    let fromRelease = try runProgram(release.appendingPathComponent("fenjie").path, ["check"], in: empty)
    XCTAssertEqual(fromRelease.status, 0, fromRelease.stderr)
    XCTAssertTrue(fromRelease.stdout.contains("release/Scenarios/liangxi-2025.toml"), fromRelease.stdout)
    let allocate = try runProgram(release.appendingPathComponent("fenjie").path, ["--format", "csv"], in: empty)
    XCTAssertEqual(allocate.status, 0, allocate.stderr)
    XCTAssertEqual(allocate.stdout, try runFenjie(["--format", "csv"]).stdout, "the same table as from the repository")

    let fromBuild = try runProgram(binary.path, ["check"], in: empty)
    XCTAssertEqual(fromBuild.status, 0, "the repository found above .build: \(fromBuild.stderr)")

    let lost = try runProgram(alone.appendingPathComponent("fenjie").path, ["simulate"], in: empty)
    XCTAssertEqual(lost.status, 2)
    XCTAssertTrue(lost.stderr.contains("Scenarios/liangxi-2026.toml"), lost.stderr)
    for place in [empty.path + "/Scenarios/liangxi-2026.toml", alone.path + "/Scenarios/liangxi-2026.toml", folder.path + "/share/fenjie/Scenarios/liangxi-2026.toml"] {
      XCTAssertTrue(lost.stderr.contains(place), "\(place) not named: \(lost.stderr)")
    }
  }

  /// allocate --threads: checked as simulate's is, and never changes the table.
  func testAllocateThreads() throws {
    let one = try runFenjie(["allocate", "--threads", "1", "--format", "json"])
    let four = try runFenjie(["allocate", "--threads", "4", "--format", "json"])
    XCTAssertEqual(one.status, 0, one.stderr)
    XCTAssertEqual(one.stdout, four.stdout)
    let refused = try runFenjie(["allocate", "--threads", "0", "--lang", "en"])
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.stderr.contains("--threads must be between 1 and 1024"), refused.stderr)
  }
}
