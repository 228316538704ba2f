import FenjieCore

/// A scenario (情景): a dataset and every choice a planner makes about it, as typed values. Files
/// become scenarios in `FenjieFiles`; nothing here knows TOML.
public struct Scenario: Sendable {
  /// The scenario file as given (messages name it).
  public var path: String
  /// The one-line purpose from the file's first comment line.
  public var purpose: String?
  public var datasetPath: String
  public var dataset: Dataset
  /// How the year is allocated: rule, baselines, caps, floors, locks, groups, margins.
  public var settings: AllocationSettings
  /// How the odds are simulated: `[simulation]` and the `[[shock]]`s.
  public var simulation: SimulationSettings
  /// Every file the scenario chain read (the scenario, its bases, the dataset, its tables and the
  /// district targets): no output may replace one of them.
  public var inputFiles: [String]
  /// Regions in levels (市 → 区 → 街道) when the dataset is a tree file; `dataset` then only knows
  /// the names of every level (`RegionTree.namesDataset`), and `Planner.allocateTree` allocates it.
  public var tree: RegionTree? = nil

  public init(
    path: String, purpose: String?, datasetPath: String, dataset: Dataset, settings: AllocationSettings,
    simulation: SimulationSettings, inputFiles: [String]
  ) {
    self.path = path
    self.purpose = purpose
    self.datasetPath = datasetPath
    self.dataset = dataset
    self.settings = settings
    self.simulation = simulation
    self.inputFiles = inputFiles
  }
}
