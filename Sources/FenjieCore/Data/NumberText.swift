import Foundation

/// A number as a message or a JSON file shows it: whole numbers without a fraction, others in
/// Swift's shortest round-trip form (`1e-07`, not `1e+07`-style exponents with a plus).
public func plainNumber(_ d: Double) -> String {
  if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
  var text = "\(d)"
  if text.contains("e") { text = text.replacingOccurrences(of: "e+", with: "e") }
  return text
}
