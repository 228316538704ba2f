import FenjieCore
import FenjieText

/// A problem with an input file, said so a planner can act on it: the file, the row and column
/// (as a spreadsheet shows them), what was found and what was expected.
///
/// The sentence is a `Message` (both languages, from `Say.Input`): `description` reads in
/// `Language.current`, `description(.english)` in the language asked for.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
  public var file: String
  /// 1-based row as a spreadsheet numbers it (the header is row 1), or the TOML line.
  public var row: Int?
  /// Column letter and header (`E (惠山街道)`), or nil.
  public var column: String?
  /// What is wrong and what to do, in both languages.
  public var text: Message

  public init(file: String, row: Int? = nil, column: String? = nil, _ text: Message) {
    self.file = file
    self.row = row
    self.column = column
    self.text = text
  }

  /// A sentence already rendered (the same in both languages).
  public init(file: String, row: Int? = nil, column: String? = nil, _ message: String) {
    self.init(file: file, row: row, column: column, Message(zh: message, en: message))
  }

  /// The sentence in `Language.current`.
  public var message: String { text.text() }

  public var place: SourcePlace { SourcePlace(file: file, row: row, column: column) }

  public var description: String { description(.current) }

  /// The place, then the sentence in `language`.
  public func description(_ language: Language) -> String {
    let separator = language == .chinese ? "：" : ": "
    return place.description(language) + separator + text.text(language)
  }
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

/// "；是否指“X”？" / "; did you mean X?", or nothing.
func suggestion(_ name: String, _ candidates: [String]) -> Message {
  closestName(to: name, in: candidates).map { Say.Common.didYouMean($0) } ?? Message(zh: "", en: "")
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
