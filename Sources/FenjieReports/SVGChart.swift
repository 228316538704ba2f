import Foundation

/// A few lines of SVG text, written by hand: no chart library, nothing fetched. Every string that
/// goes in is escaped, so a chart is well-formed XML whatever the names it shows.
struct SVGCanvas {
  var width: Double
  var height: Double
  private var elements: [String] = []

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  enum Anchor: String { case start, middle, end }

  mutating func text(
    _ string: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12, weight: Int = 400,
    fill: String = SVGCanvas.ink, baseline: String = "middle"
  ) {
    var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" dominant-baseline=\"\(baseline)\""
    if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
    if weight != 400 { attributes += " font-weight=\"\(weight)\"" }
    if fill != SVGCanvas.ink { attributes += " fill=\"\(fill)\"" }
    elements.append("<text \(attributes)>\(xmlEscape(string))</text>")
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil,
    cap: String? = nil
  ) {
    var attributes = "x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
    if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
    if let cap { attributes += " stroke-linecap=\"\(cap)\"" }
    elements.append("<line \(attributes)/>")
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, radius: Double = 0,
    title: String? = nil
  ) {
    var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" fill=\"\(fill)\""
    if let stroke { attributes += " stroke=\"\(stroke)\"" }
    if radius > 0 { attributes += " rx=\"\(n(radius))\"" }
    if let title {
      elements.append("<rect \(attributes)><title>\(xmlEscape(title))</title></rect>")
    } else {
      elements.append("<rect \(attributes)/>")
    }
  }

  mutating func circle(
    x: Double, y: Double, r: Double, fill: String, stroke: String? = nil, strokeWidth: Double = 1.5, title: String? = nil
  ) {
    var attributes = "cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\""
    if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\"" }
    if let title {
      elements.append("<circle \(attributes)><title>\(xmlEscape(title))</title></circle>")
    } else {
      elements.append("<circle \(attributes)/>")
    }
  }

  /// A closed polygon through `points`.
  mutating func polygon(_ points: [(Double, Double)], fill: String, stroke: String? = nil) {
    let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
    elements.append("<polygon points=\"\(list)\" fill=\"\(fill)\"" + (stroke.map { " stroke=\"\($0)\"" } ?? "") + "/>")
  }

  /// The `<svg>` element: scales to the width of its container, keeps its proportions, and carries
  /// a title and description for screen readers.
  func render(title: String, description: String? = nil, className: String = "chart") -> String {
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(className)\" viewBox=\"0 0 \(n(width)) \(n(height))\""
    out += " width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(xmlEscape(title))\">\n"
    out += "<title>\(xmlEscape(title))</title>\n"
    if let description { out += "<desc>\(xmlEscape(description))</desc>\n" }
    out += elements.joined(separator: "\n")
    out += "\n</svg>"
    return out
  }

  static let ink = "#1f2933"
  static let muted = "#616e7c"
  static let grid = "#e4e7eb"
  static let axis = "#9aa5b1"

  /// Width a label takes at `size` px: East Asian characters 1 em, the others about 0.56 em.
  static func textWidth(_ s: String, size: Double) -> Double {
    s.reduce(0) { total, character in total + (displayWidth(String(character)) > 1 ? 1 : 0.56) } * size
  }

  /// Cuts `s` to fit `width` px, with an ellipsis.
  static func fit(_ s: String, width: Double, size: Double) -> String {
    if textWidth(s, size: size) <= width { return s }
    var out = ""
    for character in s {
      if textWidth(out + String(character) + "…", size: size) > width { break }
      out.append(character)
    }
    return out + "…"
  }
}

/// Coordinates with at most two decimals, no exponent, no trailing zeros.
private func n(_ value: Double) -> String {
  guard value.isFinite else { return "0" }
  let hundredths = Int((value * 100).rounded())
  let sign = hundredths < 0 ? "-" : ""
  let whole = abs(hundredths) / 100
  let fraction = abs(hundredths) % 100
  if fraction == 0 { return "\(sign)\(whole)" }
  if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
  return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// Nice steps for an axis between `low` and `high`: 1, 2 or 5 × 10^k, about `count` of them.
func axisTicks(low: Double, high: Double, count: Int = 6) -> [Double] {
  guard high > low, low.isFinite, high.isFinite else { return [low] }
  let raw = (high - low) / Double(max(1, count))
  let magnitude = pow10(Int((log10(raw)).rounded(.down)))
  let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
  var ticks: [Double] = []
  var k = (low / step - 1e-9).rounded(.up)
  while k * step <= high + step * 1e-9 {
    let value = k * step
    // Rounded to the step's own precision, so that 0.1 × 3 is 0.3.
    ticks.append(abs(value) < step * 1e-9 ? 0 : (value / magnitude * 1000).rounded() / 1000 * magnitude)
    k += 1
  }
  return ticks
}

private func pow10(_ k: Int) -> Double {
  Foundation.pow(10, Double(k))
}
