import FenjieCore
import FenjieText
import Foundation

/// Reads regions in levels: a tree file is a dataset file (region, plan years, its own targets and
/// its own tables: a city's past district targets) without `areas`, with one `[[children]]` per child
/// region, each naming the child's dataset (a district dataset of today's format, or another tree
/// file) and, optionally, its 规上工业总产值 for its own share lines:
///
/// ```toml
/// [[children]]
/// dataset = "../liangxi/dataset.toml"
/// industrial_output = { 2025 = 420 }
/// ```
///
/// The areas of the level are its children's region names, in this order. Refused with file and line:
/// a tree that names itself (a cycle), a region named twice, a parent line missing at a child, a
/// line whose unit or kind differs between the levels, a share line split across regions.
public enum TreeLoader {
  /// Whether the dataset file at `path` is a tree (it has `[[children]]`). False for anything
  /// unreadable: the ordinary loader then says what is wrong.
  public static func isTree(_ path: String) -> Bool {
    guard let document = try? TOMLDocument.read(path) else { return false }
    return document.root["children"] != nil
  }

  public static func load(_ path: String) throws(InputErrors) -> RegionTree {
    try loadWithFiles(path).tree
  }

  /// The tree and every file it read (each level's file, targets and tables), which no output may
  /// replace.
  public static func loadWithFiles(_ path: String) throws(InputErrors) -> (tree: RegionTree, files: [String]) {
    var names: [String: String] = [:]
    var files: [String] = []
    let tree = try load(path, chain: [], names: &names, files: &files)
    return (tree, files)
  }

  static func datasetFiles(_ path: String, _ dataset: Dataset) -> [String] {
    let directory = (path as NSString).deletingLastPathComponent
    return [path, DatasetLoader.resolve(dataset.targetsProvenance.file, relativeTo: directory)]
      + dataset.tables.map(\.provenance.file)
  }

  static func load(
    _ path: String, chain: [String], names: inout [String: String], files: inout [String]
  ) throws(InputErrors) -> RegionTree {
    let key = (path as NSString).standardizingPath
    if chain.contains(key) {
      throw InputErrors([InputError(file: path, Say.Tree.cycle(path, through: chain))])
    }
    let document: TOMLDocument
    do { document = try TOMLDocument.read(path) } catch { throw InputErrors([error]) }
    let reader = TOMLReader(document, document.root)
    let directory = (path as NSString).deletingLastPathComponent
    var errors: [InputError] = []
    if document.root["areas"] != nil {
      errors.append(document.error("areas", Say.Tree.areasInTreeFile))
    }
    let entries: [TOMLReader]
    do { entries = try reader.tables("children") } catch { throw InputErrors([error]) }
    if entries.isEmpty { throw InputErrors([InputError(file: path, Say.Tree.childrenNeeded)]) }
    var children: [(tree: RegionTree, entry: TOMLReader, file: String)] = []
    for (index, entry) in entries.enumerated() {
      do throws(InputError) {
        try entry.checkKeys(["dataset", "industrial_output"])
        guard let relative = try entry.string("dataset") else {
          throw entry.tableError("dataset", Say.Tree.childDatasetNeeded(index + 1))
        }
        let file = DatasetLoader.resolve(relative, relativeTo: directory)
        var output: [Int: Double] = [:]
        if let table = try entry.subtable("industrial_output") {
          for (yearText, _) in table.table {
            guard let year = Int(yearText), let value = try table.number(yearText, in: 0...1e9) else {
              throw table.error(yearText, Say.Tree.industrialOutputYears)
            }
            output[year] = value
          }
        }
        var child: RegionTree
        do throws(InputErrors) {
          if isTree(file) {
            child = try load(file, chain: chain + [key], names: &names, files: &files)
          } else {
            child = RegionTree(dataset: try DatasetLoader.load(file))
            files += datasetFiles(file, child.dataset)
          }
        } catch {
          errors += error.errors
          continue
        }
        child.industrialOutput = output
        children.append((child, entry, file))
      } catch {
        errors.append(error)
      }
    }
    if !errors.isEmpty { throw InputErrors(errors) }
    let dataset = try DatasetLoader.load(path, extraTables: [], childRegions: children.map(\.tree.name))
    files += datasetFiles(path, dataset)
    if let previous = names[dataset.region] {
      errors.append(document.error("region", Say.Tree.namedTwice(dataset.region, at: previous)))
    }
    names[dataset.region] = path
    for child in children where child.tree.isLeaf {
      if let previous = names[child.tree.name] {
        errors.append(child.entry.error("dataset", Say.Tree.namedTwice(child.tree.name, at: previous)))
      }
      names[child.tree.name] = child.file
    }
    let tree = RegionTree(dataset: dataset, children: children.map(\.tree))
    errors += levelErrors(tree, document: document, children: children.map { ($0.entry, $0.file) })
    if !errors.isEmpty { throw InputErrors(errors) }
    return tree
  }

  /// The level's problems, each at the child's `[[children]]` entry and the line of the parent's
  /// targets file.
  static func levelErrors(_ tree: RegionTree, document: TOMLDocument, children: [(TOMLReader, String)]) -> [InputError] {
    var errors: [InputError] = []
    let targetsFile = DatasetLoader.resolve(
      tree.dataset.targetsProvenance.file, relativeTo: (document.path as NSString).deletingLastPathComponent)
    for line in tree.dataset.indicators where line.kind == .share {
      errors.append(InputError(file: targetsFile, Say.Tree.shareAcrossRegions(tree.name, line.name)))
    }
    for (child, (entry, file)) in zip(tree.children, children) {
      for line in tree.dataset.indicators {
        guard let own = child.dataset.indicator(line.id) else {
          errors.append(entry.error("dataset", Say.Tree.lineMissingInChild(parent: tree.name, child: child.name, line: "\(line.name) (\(line.id))")))
          continue
        }
        if own.unit != line.unit {
          errors.append(InputError(file: file, Say.Tree.unitDiffers(child: child.name, line: line.name, own.unit, line.unit)))
        }
        if own.kind != line.kind {
          errors.append(InputError(file: file, Say.Tree.kindDiffers(child: child.name, line: line.name, own.kind.rawValue, line.kind.rawValue)))
        }
        if line.parent != nil, own.parent != line.parent {
          errors.append(InputError(file: file, Say.Tree.parentLineDiffers(child: child.name, line: line.name)))
        }
      }
    }
    return errors
  }
}
