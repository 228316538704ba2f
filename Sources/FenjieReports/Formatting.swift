/// The text forms shared by every report.

/// A probability or share with one decimal: 0.4725 → "47.3%". Its sign is not written.
func percentText(_ p: Double) -> String {
  let tenths = Int((p * 1000).rounded())
  return "\(tenths / 10).\(abs(tenths) % 10)%"
}

/// A report that can be written in the text formats of `--format`.
public protocol TextReport {
  func terminal() -> String
  func csv() -> String
  func markdown() -> String
  func json() -> JSONValue
}

extension TextReport {
  /// The report in `format` (xlsx is binary: see `workbook()`).
  public func render(_ format: OutputFormat) -> String {
    switch format {
    case .table: return terminal()
    case .csv: return csv()
    case .markdown: return markdown()
    case .json: return json().rendered(indent: 2) + "\n"
    case .xlsx: return "--format xlsx is a binary workbook: use workbook()\n"
    }
  }
}
