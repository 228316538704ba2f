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
