import FenjieText

/// Where in a file something was found, as a planner looks for it: the file, the row as a spreadsheet
/// numbers it (the header is row 1) or the TOML line, and the column letter with its header.
public struct SourcePlace: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var row: Int?
  /// Column letter and header (`E (惠山街道)`), or nil.
  public var column: String?

  public init(file: String, row: Int? = nil, column: String? = nil) {
    self.file = file
    self.row = row
    self.column = column
  }

  /// `file，第3行，E列（惠山街道）` / `file, row 3, column E (惠山街道)`; TOML files count lines.
  public var description: String { description(.current) }

  public func description(_ language: Language) -> String {
    Say.Audit.place(file: file, row: row, toml: file.hasSuffix(".toml"), column: column).text(language)
  }
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
public func columnLetter(_ index: Int) -> String {
  var n = index + 1
  var letters = ""
  while n > 0 {
    let r = (n - 1) % 26
    letters = String(UnicodeScalar(UInt8(65 + r))) + letters
    n = (n - 1) / 26
  }
  return letters
}
