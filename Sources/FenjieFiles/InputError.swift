import FenjieCore

/// A problem with an input file, said so a planner can act on it: the file, the row and column
/// (as a spreadsheet shows them), what was found and what was expected.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
  public var file: String
  /// 1-based row as a spreadsheet numbers it (the header is row 1), or the TOML line.
  public var row: Int?
  /// Column letter and header (`E (惠山街道)`), or nil.
  public var column: String?
  public var message: String

  public init(file: String, row: Int? = nil, column: String? = nil, _ message: String) {
    self.file = file
    self.row = row
    self.column = column
    self.message = message
  }

  public var place: SourcePlace { SourcePlace(file: file, row: row, column: column) }

  public var description: String { "\(place): \(message)" }
}

/// Several input errors found at once.
public struct InputErrors: Error, CustomStringConvertible, Sendable {
  public var errors: [InputError]
  public init(_ errors: [InputError]) { self.errors = errors }
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// The closest of `candidates` to `name` by edit distance (on characters), if it is close enough to
/// be a likely misspelling.
public func closestName(to name: String, in candidates: [String]) -> String? {
  // A name of a hundred characters or more is no misspelling; edit distance would cost its square.
  guard name.count <= 100 else { return nil }
  let target = Array(name)
  var best: (String, Int)? = nil
  for candidate in candidates where candidate.count <= 200 {
    let d = editDistance(target, Array(candidate))
    if best == nil || d < best!.1 { best = (candidate, d) }
  }
  guard let (candidate, distance) = best else { return nil }
  let limit = max(2, (max(target.count, candidate.count) + 1) / 2)
  return distance <= limit ? candidate : nil
}

/// " (did you mean X?)" or "".
func suggestion(_ name: String, _ candidates: [String]) -> String {
  closestName(to: name, in: candidates).map { "; did you mean \($0)?" } ?? ""
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = previous
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
