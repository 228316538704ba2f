import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieText
import Foundation

extension Fenjie.Allocate {
  /// A tree scenario (city → district → street): every region's table, or `--region`'s only.
  func runTree(_ loaded: Scenario) throws {
    guard loaded.tree != nil else { throw ValidationError(Say.Tree.regionWithoutTree.description) }
    if from != nil || confidence != nil || writeLP != nil {
      throw ValidationError(Say.Tree.allocateOptionsWithTree.text())
    }
    let allocation = try Fenjie.planner.allocateTree(loaded)
    if let region, allocation.table(region) == nil {
      throw ValidationError(Say.Tree.unknownRegion(region, allocation.tables.map(\.region)).description)
    }
    var report = TreeReport(allocation, explain: explain, purpose: loaded.purpose, region: region)
    report.width = layout.width(writingTo: output.output)
    try output.emit(text: { report.render(output.resolvedFormat) }, workbook: report.workbook, inputs: loaded.inputFiles)
    let shown = report.shown
    if !shown.allSatisfy({ $0.result.allFeasible }) { throw ExitCode(1) }
  }
}
