import FenjieText
/// One finding of `fenjie check`.
public struct Finding: Sendable, Equatable {
  public enum Severity: String, Sendable { case error, warning, note }
  public var severity: Severity
  public var place: SourcePlace
  public var message: String

  public var description: String { Say.Audit.finding(severity.rawValue, place.description, message).text() }
}

/// Checks a loaded dataset before anyone relies on it: three-year goals against the years, area
/// tables against the district targets (a column that alone exceeds the district total is not an
/// area: the scanner-noise column of the published 附件2 is found this way), "其中" lines above their
/// parent, rates that differ from the district's.
public enum DatasetCheck {
  public static func run(_ dataset: Dataset, targetsFile: String) -> [Finding] {
    var findings: [Finding] = []
    func add(_ severity: Finding.Severity, _ file: String, row: Int? = nil, column: String? = nil, _ message: String) {
      findings.append(Finding(severity: severity, place: SourcePlace(file: file, row: row, column: column), message: message))
    }
    for warning in dataset.readingWarnings {
      findings.append(Finding(severity: .warning, place: warning.place, message: warning.message))
    }
    for indicator in dataset.indicators {
      guard let goal = dataset.threeYearGoals[indicator.id], let years = dataset.targets[indicator.id] else { continue }
      let values = dataset.planYears.compactMap { years[$0] }
      guard values.count == dataset.planYears.count else {
        add(.warning, targetsFile, Say.Audit.missingYears(indicator.name).text())
        continue
      }
      let expected = indicator.kind.goalIsSum ? values.reduce(0, +) : values.last!
      if abs(expected - goal) > 1e-6 * max(1, abs(goal)) {
        add(.warning, targetsFile,
          Say.Audit.goalMismatch(indicator.name, plainNumber(goal), sum: indicator.kind.goalIsSum, plainNumber(expected)).text())
      }
    }
    for table in dataset.tables where table.kind == .target || table.kind == .actual {
      let file = table.provenance.file
      var excess: [String: [String]] = [:]
      for indicator in dataset.indicators {
        guard let row = table.values[indicator.id] else { continue }
        let line = table.rowOf[indicator.id]
        let numbers = dataset.areas.compactMap { area in row[area]?.number.map { (area, $0) } }
        if indicator.kind == .rate {
          if let target = dataset.targets[indicator.id]?[table.year], table.kind == .target {
            for (area, v) in numbers where abs(v - target) > 1e-9 {
              add(.note, file, row: line, column: table.columnOf[area], Say.Audit.rateDiffers(indicator.name, plainNumber(v), plainNumber(target)).text())
            }
          }
          continue
        }
        var district = dataset.targets[indicator.id]?[table.year]
        if indicator.kind == .share {
          district = nil  // areas hold the numerator amount; the district figure is a share
        }
        if let district, table.kind == .target, !numbers.isEmpty {
          let sum = numbers.reduce(0) { $0 + $1.1 }
          if sum < district - 1e-6 {
            add(.error, file, row: line,
              Say.Audit.belowDistrict(indicator.name, plainNumber(sum), plainNumber(district), table.year).text())
          }
          for (area, v) in numbers where district > 0 && v > district + 1e-9 {
            excess[area, default: []].append("\(indicator.name) \(plainNumber(v)) > \(plainNumber(district))")
          }
        }
        if let parent = indicator.parent, let parentRow = table.values[parent] {
          for (area, v) in numbers {
            guard let p = parentRow[area] else { continue }
            switch p {
            case .value(let pv) where v > pv + 1e-9:
              add(.error, file, row: line, column: table.columnOf[area],
                Say.Audit.aboveParent(indicator.name, plainNumber(v), dataset.indicator(parent)?.name ?? parent, plainNumber(pv)).text())
            case .notApplicable where v > 0:
              add(.error, file, row: line, column: table.columnOf[area],
                Say.Audit.parentNotApplicable(indicator.name, plainNumber(v), dataset.indicator(parent)?.name ?? parent).text())
            default: break
            }
          }
        }
      }
      for area in dataset.areas {
        guard let lines = excess[area], !lines.isEmpty else { continue }
        let severity: Finding.Severity = lines.count >= 2 ? .error : .warning
        add(severity, file, column: table.columnOf[area],
          Say.Audit.columnExceedsDistrict(lines.count, Array(lines.prefix(3)), more: lines.count > 3).text())
      }
    }
    return findings
  }
}
