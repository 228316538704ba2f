import FenjieCore
import Foundation
import SwiftCSV

/// A CSV file as rows of cells, read the way planners' files come: UTF-8 with or without a
/// byte-order mark, CRLF or LF line ends, trailing empty rows and columns dropped.
public struct CSVFile: Sendable {
  /// The path as the user gave it (for messages).
  public var path: String
  /// Rows as read; row 0 is the header (spreadsheet row 1).
  public var rows: [[String]]

  public static func read(_ path: String, displayName: String? = nil) throws(InputError) -> CSVFile {
    let name = displayName ?? path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(file: name, "cannot be read (missing, or not a file)")
    }
    let text = try decode(data, name: name)
    return try parse(text, name: name)
  }

  public static func parse(_ text: String, name: String) throws(InputError) -> CSVFile {
    let csv: CSV<Enumerated>
    do {
      csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
    } catch {
      throw InputError(file: name, "is not a readable CSV file (\(error)); check for an unclosed quote")
    }
    var rows = [csv.header] + csv.rows
    rows = rows.map { row in
      var trimmed = row.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      while let last = trimmed.last, last.isEmpty { trimmed.removeLast() }
      return trimmed
    }
    while let last = rows.last, last.isEmpty { rows.removeLast() }
    guard !rows.isEmpty, !rows[0].isEmpty else { throw InputError(file: name, "is empty") }
    return CSVFile(path: name, rows: rows)
  }

  /// UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or GB18030/GBK.
  static func decode(_ data: Data, name: String) throws(InputError) -> String {
    guard let (text, _) = TextDecoding.decode(data) else {
      throw InputError(file: name, TextDecoding.resaveAdvice)
    }
    return text
  }

  /// "E (惠山街道)" for a column index.
  public func columnName(_ index: Int) -> String {
    let header = index < rows[0].count ? rows[0][index] : ""
    return header.isEmpty ? columnLetter(index) : "\(columnLetter(index)) (\(header))"
  }
}
