import FenjieText

/// Regions in levels (市 → 市(县)、区 → 街道、镇; any depth ≥ 2): each node is a region's own
/// dataset, whose areas are its child regions (an inner node) or its streets (a leaf, today's district
/// dataset). An inner node's targets are its own (a city's goals), its tables its own history (a city
/// table of past district targets).
public struct RegionTree: Sendable, Equatable {
  /// This level: `dataset.areas` are the names of `children` (in the same order) for an inner node,
  /// the streets for a leaf.
  public var dataset: Dataset
  /// One per area of an inner node; empty for a leaf.
  public var children: [RegionTree]
  /// 规上工业总产值 (亿元) by year for this region's own share lines, where the tree file gives it
  /// (a child's scenario-level figure, since one scenario serves every region).
  public var industrialOutput: [Int: Double]

  public init(dataset: Dataset, children: [RegionTree] = [], industrialOutput: [Int: Double] = [:]) {
    self.dataset = dataset
    self.children = children
    self.industrialOutput = industrialOutput
  }

  public var name: String { dataset.region }
  public var isLeaf: Bool { children.isEmpty }

  /// Every region, parents before children, in table order, with its parent's name.
  public var regions: [(region: RegionTree, parent: String?, depth: Int)] {
    var out: [(RegionTree, String?, Int)] = []
    func walk(_ node: RegionTree, _ parent: String?, _ depth: Int) {
      out.append((node, parent, depth))
      for child in node.children { walk(child, node.name, depth + 1) }
    }
    walk(self, nil, 0)
    return out
  }

  /// The lines a parent splits across its children: every line of the inner node (its rates are
  /// carried as they are).
  public var splitLines: [Indicator] { isLeaf ? [] : dataset.indicators }

  /// What makes the tree unusable, in words (the loader reports the same with file and line).
  public func problems() -> [Message] {
    var problems: [Message] = []
    var seen: Set<String> = []
    for (node, _, _) in regions {
      if !seen.insert(node.name).inserted { problems.append(Say.Tree.namedTwice(node.name)) }
      if !node.isLeaf { problems += node.levelProblems() }
    }
    return problems
  }

  /// An inner node against its children: the same names in the same order, every line of the node at
  /// every child with the same kind and unit, no share lines split across regions.
  func levelProblems() -> [Message] {
    var problems: [Message] = []
    let names = children.map(\.name)
    if names != dataset.areas { problems.append(Say.Tree.areasAreChildren(name, dataset.areas, names)) }
    for line in dataset.indicators {
      if line.kind == .share { problems.append(Say.Tree.shareAcrossRegions(name, line.name)) }
      for child in children {
        guard let own = child.dataset.indicator(line.id) else {
          problems.append(Say.Tree.lineMissingInChild(parent: name, child: child.name, line: line.name))
          continue
        }
        if own.kind != line.kind {
          problems.append(Say.Tree.kindDiffers(child: child.name, line: line.name, own.kind.rawValue, line.kind.rawValue))
        }
        if own.unit != line.unit {
          problems.append(Say.Tree.unitDiffers(child: child.name, line: line.name, own.unit, line.unit))
        }
        if (own.parent ?? "") != (line.parent ?? ""), line.parent != nil {
          problems.append(Say.Tree.parentLineDiffers(child: child.name, line: line.name))
        }
      }
    }
    return problems
  }
}

extension RegionTree {
  /// One dataset that knows every name in the tree (every region's areas, every line), for reading a
  /// scenario whose locks, groups and lists may name an area of any level: the top's region, plan
  /// years and targets; no tables.
  public var namesDataset: Dataset {
    var areas: [String] = []
    var seenAreas: Set<String> = []
    var indicators: [Indicator] = []
    var seenLines: Set<String> = []
    for (node, _, _) in regions {
      for area in node.dataset.areas where seenAreas.insert(area).inserted { areas.append(area) }
      for line in node.dataset.indicators where seenLines.insert(line.id).inserted { indicators.append(line) }
    }
    return Dataset(
      region: dataset.region, areas: areas, planYears: dataset.planYears, indicators: indicators,
      targets: dataset.targets, threeYearGoals: dataset.threeYearGoals, targetsProvenance: dataset.targetsProvenance,
      tables: [], industrialOutput: dataset.industrialOutput)
  }
}

extension RegionTree {
  /// Whether any region of this subtree has illustrative figures (示例数据): targets or tables.
  public var hasIllustrativeData: Bool {
    regions.contains { node, _, _ in
      node.dataset.targetsProvenance.illustrative || node.dataset.tables.contains { $0.provenance.illustrative }
    }
  }
}
