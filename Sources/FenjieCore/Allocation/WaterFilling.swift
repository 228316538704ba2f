/// The balanced (and proportional, equal) rule on a single line, exactly and without an LP.
///
/// Every area gets `x_i(t) = clamp(o_i + t·w_i, lo_i, hi_i)` (balanced: o = baseline, w = cap −
/// baseline, so t is the share of headroom used; proportional: o = 0, w = baseline; equal: o = 0,
/// w = 1). The district total `f(t) = Σ x_i(t)` is continuous, piecewise linear and nondecreasing
/// in t, with breakpoints where an area leaves its lower bound (`a_i = (lo_i − o_i)/w_i`) or reaches
/// its upper bound (`b_i = (hi_i − o_i)/w_i`). The level is the smallest t with `f(t) ≥ R`, found by
/// sorting the 2N breakpoints and walking the segments: O(N log N).
///
/// This is the lexicographic min-max solution the LP of `FamilySolver` reaches step by step: no
/// area can use a smaller share of its headroom without another using a larger one. Areas with
/// w = 0 (no headroom, no baseline) stay at their lower bound, as the LP's last step puts them.
enum WaterFilling {
  struct Outcome {
    /// Model units per area.
    var values: [Double]
    /// The LP's first-step level: max(t_R, max_i a_i), where t_R is the smallest t with f(t) ≥ R.
    var level: Double?
    /// d(level)/d(R) in model units: 1 / Σ w_i of the areas strictly between their bounds at t_R;
    /// 0 where the lower bounds alone cover R.
    var marginal: Double
  }

  /// - Parameters: per area (model units) the offset `o`, weight `w ≥ 0`, and bounds `lo ≤ hi`;
  ///   `required` the district total R.
  /// - Returns: nil when the areas cannot reach R with the w = 0 areas at their lower bound (the
  ///   LP then decides, or explains the infeasibility).
  static func fill(
    offset: [Double], weight: [Double], lower: [Double], upper: [Double], required: Double
  ) -> Outcome? {
    let n = offset.count
    guard (0..<n).allSatisfy({ lower[$0] <= upper[$0] && weight[$0] >= 0 }) else { return nil }
    let ruled = (0..<n).filter { weight[$0] > 0 }
    let floorTotal = lower.reduce(0, +)
    let reachable = floorTotal + ruled.reduce(0) { $0 + upper[$1] - lower[$1] }
    guard reachable >= required - tolerance(required) else { return nil }
    let lowest = ruled.map { (lower[$0] - offset[$0]) / weight[$0] }.max()
    guard floorTotal < required, !ruled.isEmpty else {
      return Outcome(values: lower, level: lowest, marginal: 0)
    }
    let (t, slope) = level(offset: offset, weight: weight, lower: lower, upper: upper, ruled: ruled,
      required: required, floorTotal: floorTotal)
    var values = lower
    for i in ruled { values[i] = min(max(offset[i] + t * weight[i], lower[i]), upper[i]) }
    let first = max(t, lowest ?? t)
    return Outcome(values: values, level: first, marginal: t >= (lowest ?? t) && slope > 0 ? 1 / slope : 0)
  }

  /// The smallest t with f(t) ≥ R and the slope of f just after it.
  private static func level(
    offset: [Double], weight: [Double], lower: [Double], upper: [Double], ruled: [Int],
    required: Double, floorTotal: Double
  ) -> (t: Double, slope: Double) {
    // Events: +w at a_i (leaves its lower bound), −w at b_i (reaches its upper bound).
    var events: [(t: Double, dw: Double)] = []
    events.reserveCapacity(2 * ruled.count)
    for i in ruled {
      events.append(((lower[i] - offset[i]) / weight[i], weight[i]))
      events.append(((upper[i] - offset[i]) / weight[i], -weight[i]))
    }
    events.sort { $0.t != $1.t ? $0.t < $1.t : $0.dw > $1.dw }
    var total = floorTotal
    var slope = 0.0
    var t = events[0].t
    var k = 0
    while k < events.count {
      let next = events[k].t
      let reached = total + slope * (next - t)
      if slope > 0, reached >= required {
        return (t + (required - total) / slope, slope)
      }
      total = reached
      t = next
      while k < events.count, events[k].t == next {
        slope += events[k].dw
        k += 1
      }
      if slope < 1e-12 * max(1, abs(slope)) { slope = max(0, slope) }
    }
    return (t, 0)
  }

  /// Sums within this of R count as reaching it: relative to the line's scale.
  static func tolerance(_ scale: Double) -> Double { 1e-9 * max(1, abs(scale)) }
}
