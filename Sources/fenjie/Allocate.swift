import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import FenjieText
import Foundation

extension Fenjie {
  struct Allocate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: Say.Help.allocateAbstract.text(), discussion: Say.Help.allocateDiscussion.text())

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var layout: WidthOptions

    @Flag(help: ArgumentHelp(Say.Help.explain.text()))
    var explain = false

    @Option(name: .customLong("write-lp"), help: ArgumentHelp(Say.Help.writeLP.text()))
    var writeLP: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(Say.Help.confidence.text()))
    var confidence: Double?

    @Option(name: .customLong("from"), help: ArgumentHelp(Say.Help.from.text(), valueName: "EDITED.xlsx"))
    var from: String?

    @Option(name: .customLong("confidence-runs"), parsing: .unconditional, help: ArgumentHelp(Say.Help.confidenceRuns.text()))
    var confidenceRunsOption: Int?

    @Option(name: .customLong("threads"), parsing: .unconditional, help: ArgumentHelp(Say.Help.allocateThreads.text()))
    var threads: Int?

    var confidenceRuns: Int { confidenceRunsOption ?? 20_000 }

    @Option(help: ArgumentHelp(Say.Tree.regionHelp.text(), valueName: "NAME"))
    var region: String?

    func validate() throws {
      try layout.check(output.resolvedFormat)
      if let confidence, !(confidence > 0 && confidence < 1) { throw ValidationError(Say.CommandLine.confidenceRange.text()) }
      if from != nil, confidence != nil { throw ValidationError(Say.CommandLine.fromWithConfidence.text()) }
      if confidenceRuns < 100 || confidenceRuns > 10_000_000 { throw ValidationError(Say.CommandLine.confidenceRunsRange.text()) }
      if let runs = confidenceRunsOption, confidence == nil {
        throw ValidationError(Say.CommandLine.confidenceRunsAlone(runs).text())
      }
      if let threads { try SimulationOptions.checkThreads(threads) }
      if !scenario.changes.shocks.isEmpty, confidence == nil {
        throw ValidationError(Say.CommandLine.shockOnAllocate(scenario.changes.shocks[0]).text())
      }
    }

    func run() throws {
      var loaded = try scenario.load(allowTree: true)
      if loaded.tree != nil || region != nil { return try runTree(loaded) }
      if let threads { loaded.settings.threads = threads }
      var margins: ConfidenceMargins? = nil
      let result: AllocationResult
      if let from {
        loaded.inputFiles.append(from)
        let edited = try EditedTableReader.read(from, dataset: loaded.dataset)
        result = try Fenjie.planner.allocate(loaded, keeping: edited).result
      } else if let confidence {
        (result, margins) = try Fenjie.planner.allocate(loaded, confidence: confidence, runs: confidenceRuns)
      } else {
        result = try Fenjie.planner.allocate(loaded)
      }
      if let writeLP {
        try OutputFile.write(result.model.cplexLP(), to: writeLP, protecting: loaded.inputFiles, option: "--write-lp")
      }
      var report = AllocationReport(result, explain: explain, purpose: loaded.purpose)
      report.confidence = margins
      report.width = layout.width(writingTo: output.output)
      try output.emit(text: { report.render(output.resolvedFormat) }, workbook: report.workbook, inputs: loaded.inputFiles)
      if !result.allFeasible { throw ExitCode(1) }
    }
  }
}
