import FenjieCore

extension Planner {
  /// Every region's table of a tree scenario for its year (`TreeAllocator`): the top region's table
  /// of its children, then each child's, down to the streets.
  public func allocateTree(_ scenario: Scenario) throws(PlanningError) -> TreeAllocation {
    guard let tree = scenario.tree else {
      do {
        let result = try Allocator(dataset: scenario.dataset, settings: scenario.settings, solver: solver).allocate()
        return TreeAllocation(
          year: result.year, tables: [RegionTable(region: result.region, parent: nil, depth: 0, result: result)])
      } catch {
        throw .scenario(file: scenario.path, message: error.description)
      }
    }
    do {
      return try TreeAllocator(tree: tree, settings: scenario.settings, solver: solver).allocate()
    } catch {
      throw .scenario(file: scenario.path, message: error.description)
    }
  }
}

extension Planner {
  /// The tree's allocation and the odds of every region's targets for the year (`TreeOdds`).
  public func simulateTree(
    _ scenario: Scenario, settings: SimulationSettings, threads: Int
  ) throws(PlanningError) -> (TreeAllocation, TreeOdds) {
    let allocation = try allocateTree(scenario)
    return (allocation, TreeOdds.simulate(allocation, settings: settings, threads: threads))
  }
}
