/// One sentence of the interface in both languages (消息). Every sentence a user reads is a
/// `Message` from the catalog (`Catalog/`), never a literal in the code that prints it: a message
/// cannot exist in one language only, and `Tests/FenjieTextTests` checks that the Chinese side has no
/// English sentence left in it.
///
/// Interpolated into a string, a message reads in `Language.current`.
public struct Message: Sendable, Hashable, CustomStringConvertible {
  public let chinese: String
  public let english: String

  public init(zh chinese: String, en english: String) {
    self.chinese = chinese
    self.english = english
  }

  /// The message in `language`.
  public func text(_ language: Language = .current) -> String {
    switch language {
    case .chinese: return chinese
    case .english: return english
    }
  }

  public var description: String { text() }

  /// Two messages one after the other (a space between the English sentences, none between the
  /// Chinese ones, as each language writes them).
  public static func + (lhs: Message, rhs: Message) -> Message {
    Message(zh: lhs.chinese + rhs.chinese, en: lhs.english.isEmpty ? rhs.english : rhs.english.isEmpty ? lhs.english : lhs.english + " " + rhs.english)
  }

  /// A list in each language's way: "甲、乙和丙" / "A, B and C".
  public static func list(_ items: [String]) -> Message {
    func joined(_ separator: String, _ last: String) -> String {
      guard items.count > 1 else { return items.first ?? "" }
      return items.dropLast().joined(separator: separator) + last + items.last!
    }
    return Message(zh: joined("、", "和"), en: joined(", ", " and "))
  }
}

/// The catalog's namespaces: `Say.Input`, `Say.Allocation`, `Say.Report`, `Say.Help`, … (one file
/// each under `Catalog/`). A message is a static function or constant returning `Message`.
public enum Say {}
