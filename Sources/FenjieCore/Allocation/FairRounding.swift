/// Rounding a line's continuous values to whole units of its resolution, fairly and reproducibly.
///
/// Largest remainder: every area starts at the floor of its continuous value (kept within its own
/// bounds), and the units still needed to reach the district total go, one each, to the areas that
/// came closest to the next unit. Nobody moves by a unit or more, and the total exceeds the required
/// one by less than a unit per area only where the bounds force it.
///
/// **Ties** (equal remainders) are broken by a rule that depends on the areas alone, never on the
/// order of the areas in a file or on the solver:
/// 1. the larger remainder first;
/// 2. then the smaller relative increase over the baseline once rounded up
///    ((⌊c⌋ + 1 − baseline) ÷ baseline; an area with no baseline comes last);
/// 3. then the larger baseline;
/// 4. then the area's name in Unicode scalar order.
///
/// Continuous values are first snapped to 1e-7 of a unit (to the whole unit within 1e-6), so solver noise (2.9999999998 against
/// 3.0000000001) cannot decide a tie. So permuting the areas permutes the table and nothing else.
enum FairRounding {
  struct Area {
    /// Continuous value, model units.
    var value: Double
    var lower: Double
    var upper: Double
    var baseline: Double
    var name: String
  }

  /// Snaps to the whole unit within 1e-6 of a unit (the LP's tolerances), else to 1e-7 of a unit.
  static func snap(_ value: Double) -> Double {
    let whole = value.rounded()
    return abs(value - whole) < 1e-6 ? whole : (value * 1e7).rounded() / 1e7
  }

  /// Whole values with Σ ≥ `required`, each ⌊c⌋ or ⌈c⌉ clamped to its bounds; nil when those
  /// choices cannot reach `required` (the caller then falls back to a MIP).
  static func round(_ areas: [Area], required: Double) -> [Double]? {
    var values = areas.map { area in
      min(max(snap(area.value).rounded(.down), area.lower), area.upper)
    }
    var missing = Int((required - values.reduce(0, +)).rounded(.up))
    guard missing > 0 else { return values }
    let candidates = areas.indices.filter { values[$0] + 1 <= areas[$0].upper && snap(areas[$0].value) > values[$0] }
    guard candidates.count >= missing else { return nil }
    for s in candidates.sorted(by: { precedes(areas[$0], values[$0], areas[$1], values[$1]) }) {
      guard missing > 0 else { break }
      values[s] += 1
      missing -= 1
    }
    return values
  }

  /// Whether area a (rounded down to `va`) gets the next unit before area b.
  static func precedes(_ a: Area, _ va: Double, _ b: Area, _ vb: Double) -> Bool {
    let ra = snap(a.value) - va
    let rb = snap(b.value) - vb
    if ra != rb { return ra > rb }
    let ia = relativeIncrease(va + 1, a.baseline)
    let ib = relativeIncrease(vb + 1, b.baseline)
    if ia != ib { return ia < ib }
    if a.baseline != b.baseline { return a.baseline > b.baseline }
    return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars)
  }

  private static func relativeIncrease(_ value: Double, _ baseline: Double) -> Double {
    baseline > 0 ? snap((value - baseline) / baseline) : .infinity
  }
}
