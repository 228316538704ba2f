import ArgumentParser
import FenjieCore
import FenjieIO
import Foundation
import GLPK

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

    @Flag(help: "Add per area: baseline, floor, cap, growth, share of headroom used, the binding constraint; per line the dual value of the district total.")
    var explain = false

    @Option(name: .customLong("write-lp"), help: "Also write the final model in CPLEX LP format, for glpsol --lp FILE.")
    var writeLP: String?

    @Option(help: "Choose each line's margin so that the district total reaches its target with at least this probability under the scenario's simulation model (e.g. 0.9).")
    var confidence: Double?

    @Option(name: .customLong("confidence-runs"), help: "Simulated years per step of the margin search (the check uses 2.5× as many, with another seed).")
    var confidenceRuns: Int = 20_000

    func validate() throws {
      if let confidence, !(confidence > 0 && confidence < 1) { throw ValidationError("--confidence must be a probability between 0 and 1, e.g. 0.9") }
      if confidenceRuns < 100 || confidenceRuns > 10_000_000 { throw ValidationError("--confidence-runs must be between 100 and 10000000") }
    }

    func run() throws {
      var loaded = try scenario.load()
      var margins: ConfidenceMargins? = nil
      if let confidence {
        let simulation = try ScenarioLoader.simulationSettings(loaded)
        let found = try ConfidenceMargins(
          scenario: loaded, simulation: simulation, level: confidence, runs: confidenceRuns,
          checkRuns: confidenceRuns * 5 / 2)
        loaded.settings = found.settings
        margins = found
      }
      let result = try loaded.allocate()
      if let writeLP {
        if loaded.inputFiles.contains(where: { URL(fileURLWithPath: $0).standardized == URL(fileURLWithPath: writeLP).standardized }) {
          throw InputError(file: writeLP, "is one of this run's input files; fenjie will not write over it")
        }
        do {
          let temporary = writeLP + ".fenjie-tmp"
          try GLPKSolver.writeLP(result.model, to: temporary)
          if rename(temporary, writeLP) != 0 { throw InputError(file: writeLP, "cannot be written") }
        } catch let error as GLPKError {
          throw InputError(file: writeLP, error.message)
        }
      }
      var report = AllocationReport(result, explain: explain, purpose: loaded.purpose)
      report.confidence = margins
      try output.emit(text: { report.render(output.resolvedFormat) }, workbook: report.workbook, inputs: loaded.inputFiles)
      if !result.allFeasible { throw ExitCode(1) }
    }
  }
}
