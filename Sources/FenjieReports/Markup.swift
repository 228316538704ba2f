/// Text as XML character data or attribute value, for the workbook's parts and the HTML/SVG report:
/// the five markup characters escaped (`'` as `&#39;`, which HTML and XML both read), characters XML
/// 1.0 forbids dropped.
func xmlEscape(_ s: String) -> String {
  var out = ""
  out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
  for scalar in s.unicodeScalars {
    switch scalar {
    case "&": out += "&amp;"
    case "<": out += "&lt;"
    case ">": out += "&gt;"
    case "\"": out += "&quot;"
    case "'": out += "&#39;"
    case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
    default:
      let v = scalar.value
      if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
      out.unicodeScalars.append(scalar)
    }
  }
  return out
}
