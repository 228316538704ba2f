import FenjieCore
import FenjieText

extension ScenarioLoader {
  /// The tree and its files when the scenario's dataset is a tree file (`TreeLoader`), else nil.
  /// A scenario's own `[[tables]]` belong to one district: with a tree they go in that district's
  /// dataset.
  static func treeIfAny(
    _ datasetPath: String, extraTables: [TableSpec], scenario: String
  ) throws(InputErrors) -> (tree: RegionTree, files: [String])? {
    guard TreeLoader.isTree(datasetPath) else { return nil }
    if !extraTables.isEmpty {
      throw InputErrors([
        InputError(file: scenario, Say.Tree.scenarioTablesWithTree)
      ])
    }
    return try TreeLoader.loadWithFiles(datasetPath)
  }
}
