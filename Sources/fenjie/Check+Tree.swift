import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieText
import Foundation

extension Fenjie.Check {
  /// A tree scenario: every region's dataset checked as a district's is (the tree itself was checked
  /// when it was read: names, lines, units, cycles), then the whole tree allocated once, so that a
  /// level that cannot be met shows here.
  func checkTree(_ loaded: Scenario, _ tree: RegionTree) throws {
    var lines: [String] = []
    var errors = 0
    var warnings = 0
    for (node, _, _) in tree.regions {
      let findings = DatasetCheck.run(node.dataset, targetsFile: "\(node.name) \(node.dataset.targetsProvenance.file)")
      lines += findings.map(\.description)
      errors += findings.filter { $0.severity == .error }.count
      warnings += findings.filter { $0.severity == .warning }.count
    }
    let allocation = try Fenjie.planner.allocateTree(loaded)
    for table in allocation.tables {
      for line in table.result.indicators where line.status == .infeasible {
        lines.append(
          "\(Say.CommandLine.warning)" + Say.Tree.checkInfeasible(loaded.path, table.region, allocation.year, line.indicator.areaName).text())
        warnings += 1
      }
    }
    if lines.isEmpty {
      lines.append("✓ " + Say.Tree.checkTreePassed(loaded.path, regions: tree.regions.count, lines: tree.dataset.indicators.count).text())
    } else {
      lines.append(Say.CommandLine.errorsAndWarnings(errors, warnings).text())
    }
    try StandardStreams.write(escapingControlCharacters(lines.joined(separator: "\n") + "\n"))
    if errors > 0 { throw ExitCode(2) }
  }
}
