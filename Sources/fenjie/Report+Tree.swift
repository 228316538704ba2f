import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieText
import Foundation

extension Fenjie.Report {
  /// A tree scenario's page: the top region's table and a section per region (the odds over a tree
  /// are not simulated yet).
  func writeTree(_ loaded: Scenario) throws {
    let allocation = try Fenjie.planner.allocateTree(loaded)
    let report = TreeReport(allocation, purpose: loaded.purpose)
    try OutputFile.write(report.html(version: Fenjie.version), to: output, protecting: loaded.inputFiles)
    try StandardStreams.write(
      Say.Tree.wroteTree(output, allocation.tables.first?.region ?? "", allocation.year, tables: allocation.tables.count).text() + "\n")
    if !allocation.allFeasible { throw ExitCode(1) }
  }
}
