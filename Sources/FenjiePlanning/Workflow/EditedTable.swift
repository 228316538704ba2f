import FenjieText
import FenjieCore

/// A 分解表 as the planner sent it back (`--from EDITED.xlsx`): per line, per area, the value in its
/// cell; nil where the cell shows "/" or is empty. Lines and areas are the dataset's ids and names.
public struct EditedTable: Sendable, Equatable {
  /// values[indicator id][area] = the cell's number, or nil for "/" or an empty cell.
  public var values: [String: [String: Double?]]
  /// Where each cell was read (`分解表!F12`), for messages.
  public var places: [String: [String: String]]
  /// The file it came from.
  public var file: String

  public init(values: [String: [String: Double?]], places: [String: [String: String]], file: String) {
    self.values = values
    self.places = places
    self.file = file
  }
}

/// One cell the planner changed against fenjie's draft, kept as a lock (保留的修改).
public struct KeptEdit: Sendable, Equatable {
  public var indicator: String
  public var name: String
  public var area: String
  public var draft: Double
  public var edited: Double
  public var place: String
}

extension Planner {
  /// The edit loop: the scenario's draft is compared with the edited table; every cell that differs
  /// (by at least half a unit of the line's resolution) becomes a lock on that cell, and everything
  /// else is re-balanced around the locks. A number typed where the draft has "/" (a street the line
  /// does not apply to), or a cell emptied, is refused: the planner meant something fenjie cannot
  /// guess. Edits of 合计 and 区目标 are not read (合计 is a formula of the areas).
  public func allocate(
    _ scenario: Scenario, keeping edited: EditedTable
  ) throws(PlanningError) -> (result: AllocationResult, edits: [KeptEdit]) {
    let draft = try allocate(scenario)
    var edits: [KeptEdit] = []
    for line in draft.indicators where line.status != .notSplit {
      guard let cells = edited.values[line.indicator.id] else { continue }
      let resolution = line.indicator.kind.resolution
      for area in draft.areas {
        guard let typed = cells[area] else { continue }
        let place = edited.places[line.indicator.id]?[area] ?? edited.file
        let drafted = line.areas[area]?.value
        switch (drafted, typed) {
        case (nil, nil): continue
        case (nil, let value?):
          throw .scenario(
            file: edited.file,
            message: Say.Planning.editWhereNotApplicable("\(place)", plainNumber(value), area, line.indicator.areaName).text())
        case (_?, nil):
          throw .scenario(
            file: edited.file,
            message: Say.Planning.editEmpty("\(place)", area, line.indicator.areaName).text())
        case (let d?, let value?):
          guard abs(value - d) >= resolution / 2 else { continue }
          if line.indicator.kind.resolution >= 1, value != value.rounded() {
            throw .scenario(
              file: edited.file,
              message: Say.Planning.editNotWhole("\(place)", line.indicator.areaName, line.indicator.areaUnit, plainNumber(value)).text())
          }
          edits.append(
            KeptEdit(indicator: line.indicator.id, name: line.indicator.areaName, area: area, draft: d, edited: value, place: place))
        }
      }
    }
    var kept = scenario
    for edit in edits {
      kept.settings.locks.removeAll { $0.indicator == edit.indicator && $0.area == edit.area }
      kept.settings.locks.append(Lock(indicator: edit.indicator, area: edit.area, value: edit.edited))
    }
    var result = try allocate(kept)
    if !edits.isEmpty {
      let listed = edits.prefix(10).map { Say.Planning.edit($0.area, $0.name, plainNumber($0.draft), plainNumber($0.edited)).text() }
      result.diagnostics.insert(
        Diagnostic(
          .info, indicator: nil,
          Say.Planning.editsKept(edits.count, edited.file, listed, more: max(0, edits.count - 10)).text()),
        at: 0)
    }
    return (result, edits)
  }
}
