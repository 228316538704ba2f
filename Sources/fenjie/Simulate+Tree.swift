import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieText
import Foundation

extension Fenjie.Simulate {
  /// A tree scenario: the odds of every region's targets for the allocated year (`TreeOdds`).
  func runTree(_ loaded: Scenario) throws {
    guard loaded.tree != nil else { throw ValidationError(Say.Tree.regionWithoutTree.description) }
    if precision != nil || writeModel != nil {
      throw ValidationError(Say.Tree.simulateOptionsWithTree.text())
    }
    let settings = simulation.settings(loaded)
    let (_, odds) = try Fenjie.planner.simulateTree(loaded, settings: settings, threads: simulation.threads)
    if let region, !odds.regions.contains(where: { $0.region == region }) {
      throw ValidationError(Say.Tree.unknownRegion(region, odds.regions.map(\.region)).description)
    }
    var report = TreeOddsReport(odds, version: Fenjie.version, region: region)
    report.width = layout.width(writingTo: output.output)
    try output.emit(text: { report.render(output.resolvedFormat) }, workbook: report.workbook, inputs: loaded.inputFiles)
  }
}
