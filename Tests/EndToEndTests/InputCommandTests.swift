import Foundation
import TestSupport
import XCTest

/// Issue 17, through the built binary: what a planner sees for inputs that cannot be read as given.
final class InputCommandTests: XCTestCase {
  /// An unreadable file says "permission denied" (it said "missing, or not a file"). As root, the
  /// binary is run as nobody (setpriv), since root reads every file.
  func testUnreadableFileSaysPermissionDenied() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-perm-\(UUID())")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("liangxi"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for name in ["liangxi/dataset.toml", "liangxi/targets.csv", "liangxi/streets-2024.csv", "liangxi-2025.toml"] {
      try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Scenarios/\(name)"), to: directory.appendingPathComponent(name))
      chmod(directory.appendingPathComponent(name).path, 0o644)
    }
    chmod(directory.path, 0o755)
    chmod(directory.appendingPathComponent("liangxi").path, 0o755)
    chmod(directory.appendingPathComponent("liangxi/targets.csv").path, 0)
    let run: (status: Int32, stdout: String, stderr: String)
    if getuid() == 0 {
      guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("root, and no setpriv to run as another user") }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", productsDirectory.appendingPathComponent("fenjie").path, "check", "liangxi-2025.toml", "--lang", "en"]
      process.currentDirectoryURL = directory
      let out = Pipe()
      process.standardOutput = out
      process.standardError = Pipe()
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      run = (process.terminationStatus, String(decoding: data, as: UTF8.self), "")
    } else {
      run = try runFenjie(["check", "liangxi-2025.toml", "--lang", "en"], in: directory)
    }
    XCTAssertEqual(run.status, 2, run.stdout)
    XCTAssertTrue(run.stdout.contains("error: liangxi/targets.csv: cannot be read: permission denied"), run.stdout)
  }

  /// `--runs -1` is the value -1, refused as such (it was "Missing value for '--runs <runs>'").
  func testNegativeOptionValuesAreReadAsValues() throws {
    let run = try runFenjie(["simulate", "--runs", "-1", "--lang", "en"])
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.stderr.contains("--runs must be between 1 and 100000000"), run.stderr)
    let year = try runFenjie(["allocate", "--year", "-2025", "--lang", "en"])
    XCTAssertEqual(year.status, 2)
    XCTAssertTrue(year.stderr.contains("fenjie: --year -2025: year -2025 is outside the plan"), year.stderr)
  }

  /// `check` says what the commands would misread, and the commands say it too.
  func testCheckReportsAFileThatEndsInsideItsLastRow() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-cut-\(UUID())")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("liangxi"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for name in ["liangxi/dataset.toml", "liangxi/targets.csv", "liangxi/streets-2024.csv", "liangxi-2025.toml"] {
      try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Scenarios/\(name)"), to: directory.appendingPathComponent(name))
    }
    let streets = directory.appendingPathComponent("liangxi/streets-2024.csv")
    let data = try Data(contentsOf: streets)
    try data.dropLast(1).write(to: streets)  // the final line end gone
    let check = try runFenjie(["check", "liangxi-2025.toml", "--lang", "en"], in: directory)
    XCTAssertEqual(check.status, 0, check.stdout)
    XCTAssertTrue(check.stdout.contains("warning: liangxi/streets-2024.csv, row 27: the file ends inside its last row, without a line end"), check.stdout)
    let allocate = try runFenjie(["allocate", "liangxi-2025.toml", "--lang", "en"], in: directory)
    XCTAssertEqual(allocate.status, 0)
    XCTAssertTrue(allocate.stderr.hasPrefix("fenjie: warning: liangxi/streets-2024.csv, row 27: the file ends inside its last row"), allocate.stderr)
  }
}

/// compare takes --set, --lock and --shock for every scenario it compares, as the README says.
final class CompareChangesTests: XCTestCase {
  func testCompareAppliesChangesToEveryScenario() throws {
    let base = ["compare", "Scenarios/liangxi-2025.toml", "Scenarios/liangxi-2025-tight-caps.toml", "--no-odds", "--format", "json"]
    let plain = try runFenjie(base)
    XCTAssertEqual(plain.status, 0, plain.stderr)
    let locked = try runFenjie(base + ["--lock", "扬名街道:高新技术企业申报数=90", "--set", "capacity.max_growth=0.6"])
    XCTAssertEqual(locked.status, 0, locked.stderr)
    XCTAssertNotEqual(locked.stdout, plain.stdout, "the changes move both tables")
    let typo = try runFenjie(base + ["--set", "rule=proportionl"])
    XCTAssertEqual(typo.status, 2)
    XCTAssertTrue(typo.stderr.hasPrefix("fenjie: --set rule=proportionl："), typo.stderr)
    let idle = try runFenjie(base + ["--shock", "外国高端人才来华工作数=-15%", "--lang", "en"])
    XCTAssertEqual(idle.status, 2)
    XCTAssertTrue(idle.stderr.contains("--shock does nothing with --no-odds"), idle.stderr)
  }
}
