import FenjieCore
import FenjiePlanning
import FenjieText
import Foundation

/// Reads scenario files (TOML). A scenario may name a `base` scenario and change only what differs;
/// every path resolves relative to the file that names it. Changes from the command line apply on
/// top, and a message about one of them names the option and its value.
public enum ScenarioLoader {
  static let keys = [
    "base", "dataset", "year", "rule", "baseline", "tables", "capacity", "margin", "minimum", "lock",
    "equal", "open", "close", "industrial_output", "weights", "baselines", "solver", "simulation", "shock", "description",
  ]

  public static func load(_ path: String, year: Int? = nil, changes: ScenarioChanges = ScenarioChanges()) throws(InputErrors) -> Scenario {
    let chain = try merged(path, seen: [])
    let reader: TOMLReader
    let datasetPath: String
    let extra: [TableSpec]
    do throws(InputError) {
      reader = try applying(changes, to: chain)
      try reader.checkKeys(keys)
      guard case .string(let p)? = reader.table["dataset"] else {
        throw InputError(file: path, Say.Input.needsDataset)
      }
      datasetPath = p
      var specs: [TableSpec] = []
      for table in try reader.tables("tables") { specs.append(try DatasetLoader.tableSpec(table, directory: "")) }
      extra = specs
    } catch { throw InputErrors([error]) }
    let tree = try treeIfAny(datasetPath, extraTables: extra, scenario: path)
    let dataset: Dataset
    if let tree { dataset = tree.tree.namesDataset } else { dataset = try DatasetLoader.load(datasetPath, extraTables: extra) }
    do {
      let settings = try readSettings(reader, dataset: dataset, year: year)
      let simulation = try readSimulation(reader, dataset: dataset)
      var scenario = Scenario(
        path: path, purpose: chain.purpose, datasetPath: datasetPath, dataset: dataset, settings: settings,
        simulation: simulation, inputFiles: inputFiles(chain.files, datasetPath: datasetPath, dataset: dataset))
      if let tree {
        scenario.tree = tree.tree
        scenario.inputFiles = chain.files + tree.files
      }
      return scenario
    } catch { throw InputErrors([error]) }
  }

  /// Every file the run reads: the scenario chain, the dataset, its district targets and its tables.
  static func inputFiles(_ chain: [String], datasetPath: String, dataset: Dataset) -> [String] {
    let directory = (datasetPath as NSString).deletingLastPathComponent
    return chain + [datasetPath, DatasetLoader.resolve(dataset.targetsProvenance.file, relativeTo: directory)]
      + dataset.tables.map(\.provenance.file)
  }

  /// The merged TOML with the command line's changes, read with their origins.
  static func applying(_ changes: ScenarioChanges, to chain: Chain) throws(InputError) -> TOMLReader {
    var document = chain.document
    var root = chain.root
    if !changes.isEmpty {
      let (changed, origins) = try changes.apply(to: root)
      root = changed
      document.changedBy = origins
    }
    return TOMLReader(document, root)
  }

  /// A scenario with its base chain merged in.
  struct Chain {
    /// The merged TOML (the scenario's own values win; tables merge key by key, lists are replaced).
    var root: [String: TOMLNode]
    /// The scenario's own document, for messages.
    var document: TOMLDocument
    var purpose: String?
    /// The scenario, then its bases.
    var files: [String]
  }

  /// The scenario's TOML with its base chain merged in. Paths are made relative to the working
  /// directory.
  static func merged(_ path: String, seen: [String]) throws(InputErrors) -> Chain {
    guard !seen.contains(path) else {
      throw InputErrors([InputError(file: path, Say.Input.baseLoop(seen.joined(separator: " → ")))])
    }
    let document: TOMLDocument
    do { document = try TOMLDocument.read(path) } catch { throw InputErrors([error]) }
    var root = resolvingPaths(document.root, relativeTo: (path as NSString).deletingLastPathComponent)
    let purpose = document.lines.first { $0.hasPrefix("#") }.map {
      $0.drop { $0 == "#" || $0 == " " }.trimmingCharacters(in: .whitespaces)
    }
    guard case .string(let basePath)? = root["base"] else { return Chain(root: root, document: document, purpose: purpose, files: [path]) }
    let base = try merged(basePath, seen: seen + [path])
    root.removeValue(forKey: "base")
    return Chain(root: merge(base.root, root), document: document, purpose: purpose, files: [path] + base.files)
  }

  /// `dataset`, `base` and `[[tables]] file` made relative to the working directory.
  static func resolvingPaths(_ root: [String: TOMLNode], relativeTo directory: String) -> [String: TOMLNode] {
    var root = root
    for key in ["dataset", "base"] {
      if case .string(let p)? = root[key] { root[key] = .string(DatasetLoader.resolve(p, relativeTo: directory)) }
    }
    if case .array(let tables)? = root["tables"] {
      root["tables"] = .array(tables.map { node in
        guard case .table(var t) = node, case .string(let file)? = t["file"] else { return node }
        t["file"] = .string(DatasetLoader.resolve(file, relativeTo: directory))
        return .table(t)
      })
    }
    return root
  }

  public static func merge(_ base: [String: TOMLNode], _ over: [String: TOMLNode]) -> [String: TOMLNode] {
    var result = base
    for (key, value) in over {
      if case .table(let b)? = base[key], case .table(let o) = value {
        result[key] = .table(merge(b, o))
      } else {
        result[key] = value
      }
    }
    return result
  }

  // MARK: Names

  /// An indicator of `dataset` by id, name or alias, or an error at `key` naming the closest match.
  static func indicator(_ text: String, _ dataset: Dataset, in reader: TOMLReader, key: String) throws(InputError) -> Indicator {
    guard let match = DatasetLoader.matchIndicator(text, dataset.indicators) else {
      throw reader.error(key, Say.Input.notAnIndicator(quotedPrefix(text, limit: 40), suggestion: suggestion(text, dataset.indicators.flatMap { [$0.id, $0.name] })))
    }
    return match
  }

  static func area(_ text: String, _ dataset: Dataset, in reader: TOMLReader, key: String) throws(InputError) -> String {
    guard let match = DatasetLoader.matchArea(text, dataset.areas) else {
      throw reader.error(key, Say.Input.notAnArea(quotedPrefix(text, limit: 40), suggestion: suggestion(text, dataset.areas)))
    }
    return match
  }
}
