import ArgumentParser
import FenjieCore
import FenjieFiles
import FenjiePlanning
import FenjieReports
import Foundation

extension Fenjie {
  struct Allocate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draft a year's 分解表: split each district target across the areas with GLPK.",
      discussion: """
        Exit status 1 when a line cannot be allocated as set: the table is still printed, the line
        is marked ✗, and the notes give the shortfall and the smallest changes that would fix it.
        """)

    @OptionGroup var scenario: ScenarioOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var layout: WidthOptions

    @Flag(help: "Add per area: baseline, floor, cap, growth, share of headroom used, the binding constraint; per line the dual value of the district total.")
    var explain = false

    @Option(name: .customLong("write-lp"), help: "Also write the final model in CPLEX LP format, for glpsol --lp FILE.")
    var writeLP: String?

    @Option(parsing: .unconditional, help: "Choose each line's margin so that the district total reaches its target with at least this probability under the scenario's simulation model (e.g. 0.9).")
    var confidence: Double?

    @Option(name: .customLong("from"), help: ArgumentHelp("A 分解表 you edited (the .xlsx fenjie wrote, or its 分解表 sheet saved as CSV): every cell you changed is kept as a lock and the rest re-balanced.", valueName: "EDITED.xlsx"))
    var from: String?

    @Option(name: .customLong("confidence-runs"), parsing: .unconditional, help: "Simulated years per step of the margin search (the check uses 2.5× as many, with another seed; default 20000). Only with --confidence.")
    var confidenceRunsOption: Int?

    var confidenceRuns: Int { confidenceRunsOption ?? 20_000 }

    @Option(help: ArgumentHelp("With a tree dataset (city → district → street): show this region's table only.", valueName: "NAME"))
    var region: String?

    func validate() throws {
      try layout.check(output.resolvedFormat)
      if let confidence, !(confidence > 0 && confidence < 1) { throw ValidationError("--confidence must be a probability between 0 and 1, e.g. 0.9") }
      if from != nil, confidence != nil { throw ValidationError("--from and --confidence cannot be combined yet: re-balance the edited table first, then choose margins") }
      if confidenceRuns < 100 || confidenceRuns > 10_000_000 { throw ValidationError("--confidence-runs must be between 100 and 10000000") }
      if let runs = confidenceRunsOption, confidence == nil {
        throw ValidationError("--confidence-runs \(runs) does nothing without --confidence (it sets the simulated years of the margin search)")
      }
      if !scenario.changes.shocks.isEmpty, confidence == nil {
        throw ValidationError(
          "--shock \(scenario.changes.shocks[0]) does nothing on allocate without --confidence: a shock moves the simulated odds, and allocate simulates only to choose margins for --confidence. Use it with simulate, compare or report, or add --confidence 0.9")
      }
    }

    func run() throws {
      var loaded = try scenario.load(allowTree: true)
      if loaded.tree != nil || region != nil { return try runTree(loaded) }
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
