import FenjieCore
import Foundation
import GLPK

extension Allocator {
  /// The allocator the command line uses: with GLPK.
  public init(dataset: Dataset, settings: AllocationSettings) {
    self.init(dataset: dataset, settings: settings, solver: GLPKSolver())
  }
}

/// The package's root folder (where Package.swift is), found from this file's path.
public let packageRoot: URL = {
  var url = URL(fileURLWithPath: #filePath)
  while url.path != "/" {
    url.deleteLastPathComponent()
    if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
  }
  fatalError("Package.swift not found above \(#filePath)")
}()

/// A repeatable generator for test instances (SplitMix64: tiny, with good statistical quality).
public struct TestGenerator: RandomNumberGenerator {
  var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A one-year dataset built in code: `areas` with 2024 targets as given, district targets for 2025.
public func makeDataset(
  areas: [String], lines: [(indicator: Indicator, baseline: [Double?], target2025: Double)]
) -> Dataset {
  var values: [String: [String: AreaValue]] = [:]
  var targets: [String: [Int: Double]] = [:]
  for line in lines {
    var row: [String: AreaValue] = [:]
    for (area, b) in zip(areas, line.baseline) { row[area] = b.map { .value($0) } ?? .notApplicable }
    values[line.indicator.id] = row
    targets[line.indicator.id] = [2024: line.baseline.compactMap { $0 }.reduce(0, +), 2025: line.target2025]
  }
  return Dataset(
    region: "测试区", areas: areas, planYears: [2024, 2025], indicators: lines.map(\.indicator),
    targets: targets, threeYearGoals: [:],
    targetsProvenance: Provenance(source: "test", illustrative: false, file: "test"),
    tables: [
      AreaTable(
        year: 2024, kind: .target, provenance: Provenance(source: "test table", illustrative: false, file: "t.csv"),
        values: values)
    ])
}

/// Runs the built `fenjie` with `arguments` in the package root; returns status, stdout, stderr.
/// `environment` replaces variables of this process's environment in the child's (`englishLocale`
/// for English output).
public func runFenjie(
  _ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:]
) throws -> (status: Int32, stdout: String, stderr: String) {
  try runProgram(productsDirectory.appendingPathComponent("fenjie").path, arguments, in: directory, environment: environment)
}

/// The environment of a child that writes English: an English locale, which fenjie reads when no
/// `--lang` is given.
public let englishLocale = ["LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "en_US.UTF-8"]

/// The environment of a child that writes Chinese whatever this process's locale.
public let chineseLocale = ["LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"]

/// Runs a program with `arguments` in `directory`, `environment` set over this process's; returns
/// status, stdout, stderr.
public func runProgram(
  _ path: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:]
) throws -> (status: Int32, stdout: String, stderr: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  process.currentDirectoryURL = directory
  if !environment.isEmpty {
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
  }
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

/// Where SwiftPM put the built products (the folder holding the test bundle).
public var productsDirectory: URL {
  for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
    return bundle.bundleURL.deletingLastPathComponent()
  }
  return Bundle.main.bundleURL
}

/// Runs a shell tool (glpsol, python3) and returns its status and output.
public func runTool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: path)
  process.arguments = arguments
  let out = Pipe()
  process.standardOutput = out
  process.standardError = out
  try process.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
