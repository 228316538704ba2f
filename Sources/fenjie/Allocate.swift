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

    func run() throws {
      let loaded = try scenario.load()
      let result: AllocationResult
      do {
        result = try Allocator(dataset: loaded.dataset, settings: loaded.settings).allocate()
      } catch {
        throw InputError(file: loaded.path, error.description)
      }
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
      let report = AllocationReport(result, explain: explain, purpose: loaded.purpose)
      try output.emit(report.render(output.resolvedFormat), inputs: loaded.inputFiles)
      if !result.allFeasible { throw ExitCode(1) }
    }
  }
}
