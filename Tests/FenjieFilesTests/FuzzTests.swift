import FenjieCore
import FenjieSimulation
import Foundation
import GLPK
import TestSupport
import XCTest

import FenjiePlanning
@testable import FenjieFiles
@testable import FenjieReports

/// Thousands of random mutations of the shipped dataset and scenario (bytes flipped, cells swapped or
/// replaced by nonsense, rows cut or repeated, files truncated, re-encoded or emptied), each run through
/// loading, checking, allocating and (for some) simulating. The test fails on a crash (the process
/// dies, naming the case), on a hang (a watchdog stops the process after 60 s on one case), and on any
/// error without a message. Inputs that ever failed are kept in Tests/Fixtures/fuzz-regressions/.
final class FuzzTests: XCTestCase {
  static let cases = 3000

  struct Files {
    var files: [String: Data]
  }

  func original() throws -> Files {
    let liangxi = packageRoot.appendingPathComponent("Scenarios/liangxi")
    var files: [String: Data] = [:]
    for name in ["dataset.toml", "targets.csv", "streets-2024.csv"] {
      files[name] = try Data(contentsOf: liangxi.appendingPathComponent(name))
    }
    var scenario = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/liangxi-2025.toml"), encoding: .utf8)
    scenario = scenario.replacingOccurrences(of: "liangxi/dataset.toml", with: "dataset.toml")
    scenario += "\n[[lock]]\nindicator = \"高新技术企业申报数\"\narea = \"扬名街道\"\nvalue = 90\n\n[[equal]]\nareas = [\"崇安寺街道\", \"清名桥街道\"]\nindicators = [\"industry_projects\"]\n"
    files["scenario.toml"] = Data(scenario.utf8)
    return Files(files: files)
  }

  static let nonsense = [
    "", "/", "NaN", "nan", "inf", "-inf", "-5", "1e400", "1e308", "１２０", "12,0", "1,200", "\"", "\"\"", "科技城区",
    "99999999999999999999", "0x10", "120家", "－3", "3.5亿元", ",,,", "\r", "合计", "=SUM(A1:B2)", "💥", "\u{0}",
    "count", "share", "rate", "new_tech_firms", "2024", "[", "]]", "= 1", "year = 1900",
  ]

  func mutate(_ files: Files, _ g: inout TestGenerator) -> (Files, String) {
    var files = files
    let names = files.files.keys.sorted()
    let name = names[Int.random(in: 0..<names.count, using: &g)]
    var data = files.files[name]!
    let kind = Int.random(in: 0..<10, using: &g)
    var text = String(decoding: data, as: UTF8.self)
    var lines = text.components(separatedBy: "\n")
    let lineIndex = Int.random(in: 0..<max(1, lines.count), using: &g)
    switch kind {
    case 0:  // flip bytes
      for _ in 0..<Int.random(in: 1...4, using: &g) where !data.isEmpty {
        let i = Int.random(in: 0..<data.count, using: &g)
        data[data.startIndex + i] ^= UInt8.random(in: 1...255, using: &g)
      }
    case 1:  // replace a cell (or a TOML value) by nonsense
      var cells = lines[lineIndex].components(separatedBy: name.hasSuffix(".csv") ? "," : "=")
      let c = Int.random(in: 0..<cells.count, using: &g)
      cells[c] = Self.nonsense.randomElement(using: &g)!
      lines[lineIndex] = cells.joined(separator: name.hasSuffix(".csv") ? "," : "=")
      data = Data(lines.joined(separator: "\n").utf8)
    case 2:  // swap two cells of a row
      var cells = lines[lineIndex].components(separatedBy: ",")
      if cells.count > 1 {
        let a = Int.random(in: 0..<cells.count, using: &g)
        let b = Int.random(in: 0..<cells.count, using: &g)
        cells.swapAt(a, b)
      }
      lines[lineIndex] = cells.joined(separator: ",")
      data = Data(lines.joined(separator: "\n").utf8)
    case 3:  // cut rows
      let count = Int.random(in: 1...3, using: &g)
      lines.removeSubrange(lineIndex..<min(lines.count, lineIndex + count))
      data = Data(lines.joined(separator: "\n").utf8)
    case 4:  // repeat a row
      lines.insert(lines[lineIndex], at: lineIndex)
      data = Data(lines.joined(separator: "\n").utf8)
    case 5:  // truncate
      data = data.prefix(Int.random(in: 0...data.count, using: &g))
    case 6:  // re-encode
      switch Int.random(in: 0..<4, using: &g) {
      case 0: data = Data([0xEF, 0xBB, 0xBF]) + data
      case 1: data = Data([0xFF, 0xFE]) + (text.data(using: .utf16LittleEndian) ?? data)
      case 2: text = text.replacingOccurrences(of: "\n", with: "\r\n"); data = Data(text.utf8)
      default: data = Data(text.utf8).map { $0 }.reduce(into: Data()) { $0.append($1 == 0x2C ? 0x3B : $1) }  // semicolons
      }
    case 7:  // empty
      data = Data()
    case 8:  // insert random bytes
      let i = Int.random(in: 0...data.count, using: &g)
      let junk = (0..<Int.random(in: 1...8, using: &g)).map { _ in UInt8.random(in: 0...255, using: &g) }
      data.insert(contentsOf: junk, at: data.startIndex + i)
    default:  // a number made absurd or negative
      let replacements = ["-1", "1e12", "0", "100000000", "3.14159"]
      if let range = text.range(of: #"\b\d+(\.\d+)?\b"#, options: .regularExpression, range: text.index(text.startIndex, offsetBy: Int.random(in: 0..<max(1, text.count), using: &g)) ..< text.endIndex) {
        text.replaceSubrange(range, with: replacements.randomElement(using: &g)!)
      }
      data = Data(text.utf8)
    }
    files.files[name] = data
    return (files, "\(name), mutation \(kind)")
  }

  /// Runs one set of files through everything; fails the test on an error without a message.
  func exercise(_ files: Files, in directory: URL, deep: Bool, simulate: Bool, label: String) throws {
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, data) in files.files { try data.write(to: directory.appendingPathComponent(name)) }
    let scenarioPath = directory.appendingPathComponent("scenario.toml").path
    let scenario: Scenario
    do {
      scenario = try ScenarioLoader.load(scenarioPath)
    } catch {
      let errors = error
      XCTAssertFalse(errors.errors.isEmpty, label)
      for error in errors.errors { XCTAssertFalse(error.message.isEmpty, "\(label): an error without a message") }
      return
    }
    _ = DatasetCheck.run(scenario.dataset, targetsFile: "targets.csv")
    guard deep else { return }
    do {
      let result = try Allocator(dataset: scenario.dataset, settings: scenario.settings).allocate()
      _ = AllocationReport(result, explain: true).render(.json)
      _ = AllocationReport(result).render(.table)
      for diagnostic in result.diagnostics { XCTAssertFalse(diagnostic.message.isEmpty, label) }
    } catch {
      XCTAssertFalse(error.description.isEmpty, "\(label): an allocation error without a message")
    }
    guard simulate else { return }
    do {
      var settings = scenario.simulation
      settings.runs = 200
      let setup = try SimulationSetup(scenario: scenario, settings: settings, solver: GLPKSolver())
      let result = try Simulator(input: setup.input).run(runs: 200, seed: 1, threads: 1)
      _ = SimulationReport(setup: setup, result: result, version: "fuzz").render(.json)
    } catch let error as InputError {
      XCTAssertFalse(error.message.isEmpty, label)
    } catch let error as SimulationError {
      XCTAssertFalse(error.description.isEmpty, label)
    } catch let error as PlanningError {
      // A scenario its data cannot simulate (a share line without 规上工业总产值): refused with a message.
      XCTAssertFalse(error.description.isEmpty, label)
    }
  }

  func testThousandsOfMutations() throws {
    let base = try original()
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-fuzz-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    let watchdog = Watchdog(seconds: 60)
    var g = TestGenerator(seed: 0xF0221E)
    var loaded = 0
    for index in 0..<Self.cases {
      var (files, label) = mutate(base, &g)
      if index % 3 == 0 { (files, label) = { let (f, l) = mutate(files, &g); return (f, label + " + " + l) }() }
      watchdog.arm("case \(index): \(label)")
      if ProcessInfo.processInfo.environment["FENJIE_FUZZ_TRACE"] != nil { FileHandle.standardError.write(Data("case \(index): \(label)\n".utf8)) }
      try exercise(files, in: root.appendingPathComponent("case"), deep: index % 6 == 0, simulate: index % 60 == 0, label: "case \(index): \(label)")
      loaded += 1
    }
    watchdog.disarm()
    print("fuzz: \(loaded) mutated inputs tried, every one refused with a message or handled")
    XCTAssertEqual(loaded, Self.cases)
  }

  /// Inputs that once failed stay failing-proof.
  func testRegressions() throws {
    let folder = packageRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions")
    let entries = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fenjie-fuzz-regression-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    var count = 0
    for entry in entries where (try? entry.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
      var files = Files(files: [:])
      for name in ["dataset.toml", "targets.csv", "streets-2024.csv", "scenario.toml"] {
        files.files[name] = try Data(contentsOf: entry.appendingPathComponent(name))
      }
      try exercise(files, in: root, deep: true, simulate: true, label: entry.lastPathComponent)
      count += 1
    }
    print("fuzz regressions: \(count) kept cases replayed")
  }
}

/// Stops the process, naming the case, if one case runs longer than `seconds` (a hang).
final class Watchdog: @unchecked Sendable {
  private let lock = NSLock()
  private var label = ""
  private var deadline = Date.distantFuture
  private let seconds: Double

  init(seconds: Double) {
    self.seconds = seconds
    let thread = Thread { [weak self] in
      while let self {
        Thread.sleep(forTimeInterval: 1)
        self.lock.lock()
        let expired = Date() > self.deadline
        let label = self.label
        self.lock.unlock()
        if expired { fatalError("fuzz: hang on \(label)") }
      }
    }
    thread.start()
  }

  func arm(_ label: String) {
    lock.lock()
    self.label = label
    deadline = Date().addingTimeInterval(seconds)
    lock.unlock()
  }

  func disarm() {
    lock.lock()
    deadline = .distantFuture
    lock.unlock()
  }
}
