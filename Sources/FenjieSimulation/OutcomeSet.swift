/// The outcomes of one goal over many runs, kept exactly so that quantiles are exact order
/// statistics. Whole-number outcomes in a narrow range (every count goal) are kept as a histogram
/// (4 bytes per distinct value in the range); others as one `Double` per run (8 bytes).
/// A multiset: the order in which blocks are merged never changes a quantile.
struct OutcomeSet: Sendable {
  /// Histogram: counts[v − base] for whole-number values; empty when `values` is used.
  private(set) var base: Double = 0
  private(set) var counts: [UInt32] = []
  /// Raw values (used when any value is not a whole number or the range is wide).
  private(set) var values: [Double] = []
  private(set) var isHistogram = true
  private(set) var count = 0

  init() {}

  /// The outcomes of one block; a histogram when all are whole numbers within a range of at most
  /// 2·n + 64 values (so the histogram is never much larger than the raw doubles).
  init(block: UnsafeBufferPointer<Double>) {
    count = block.count
    guard let first = block.first else { return }
    var lo = first, hi = first, whole = true
    for v in block {
      if v < lo { lo = v }
      if v > hi { hi = v }
      // Whole below 2⁵² iff adding and subtracting 2⁵² gives it back (no library call); false
      // for fractions and NaN. Larger values (and ±∞) fail the range test below.
      let a = abs(v)
      if !(a >= 0x1p52 || (a + 0x1p52) - 0x1p52 == a) { whole = false }
    }
    let limit = Double(2 * block.count + 64)
    if whole && abs(lo) < 0x1p52 && abs(hi) < 0x1p52 && hi - lo < limit {
      base = lo
      counts = [UInt32](repeating: 0, count: Int(hi - lo) + 1)
      for v in block { counts[Int(v - lo)] += 1 }
    } else {
      isHistogram = false
      values = Array(block)
    }
  }

  /// Adds the outcomes of `other`; `expectedCount` (the final number of outcomes, if known)
  /// reserves the raw storage once.
  mutating func merge(_ other: OutcomeSet, expectedCount: Int = 0) {
    if other.count == 0 { return }
    if count == 0 {
      self = other
      if !isHistogram { values.reserveCapacity(max(expectedCount, count)) }
      return
    }
    defer { count += other.count }
    if isHistogram && other.isHistogram {
      let lo = min(base, other.base)
      let hi = max(base + Double(counts.count - 1), other.base + Double(other.counts.count - 1))
      let width = hi - lo + 1
      if width <= Double(max(2 * (count + other.count), 1 << 16)) && width <= 0x1p26 {
        if lo < base {
          counts.insert(contentsOf: repeatElement(0, count: Int(base - lo)), at: 0)
          base = lo
        }
        if Int(width) > counts.count {
          counts.append(contentsOf: repeatElement(0, count: Int(width) - counts.count))
        }
        let offset = Int(other.base - base)
        for (i, c) in other.counts.enumerated() where c != 0 { counts[offset + i] += c }
        return
      }
    }
    convertToValues()
    if values.capacity < count + other.count {
      values.reserveCapacity(max(expectedCount, 2 * (count + other.count)))
    }
    if other.isHistogram {
      other.appendValues(to: &values)
    } else {
      values.append(contentsOf: other.values)
    }
  }

  private mutating func convertToValues() {
    guard isHistogram else { return }
    var expanded: [Double] = []
    expanded.reserveCapacity(count)
    appendValues(to: &expanded)
    values = expanded
    counts = []
    isHistogram = false
  }

  private func appendValues(to array: inout [Double]) {
    for (i, c) in counts.enumerated() where c != 0 {
      array.append(contentsOf: repeatElement(base + Double(i), count: Int(c)))
    }
  }

  /// Bytes held.
  var memory: Int { counts.count * 4 + values.count * 8 }

  /// The k-th smallest outcomes (1-based) for each k of `ranks` (each in 1…count).
  func orderStatistics(_ ranks: [Int]) -> [Double] {
    guard count > 0 else { return ranks.map { _ in .nan } }
    if isHistogram {
      return ranks.map { k in
        var seen = 0
        for (i, c) in counts.enumerated() {
          seen += Int(c)
          if seen >= k { return base + Double(i) }
        }
        return base + Double(counts.count - 1)
      }
    }
    if values.count >= Self.sampledSelectionMinimum, let answers = sampledOrderStatistics(ranks) {
      return answers
    }
    var copy = values
    return copy.withUnsafeMutableBufferPointer { buffer in
      // Select in ascending rank order, each within the part right of the previous one.
      var results = [Double](repeating: 0, count: ranks.count)
      var lowerBound = 0
      for (j, k) in ranks.enumerated().sorted(by: { $0.element < $1.element }) {
        results[j] = select(buffer, rank: k - 1, from: lowerBound)
        lowerBound = k - 1
      }
      return results
    }
  }

  /// From this many raw values on, ``orderStatistics(_:)`` first tries one pass over a window
  /// around each rank.
  static let sampledSelectionMinimum = 1 << 16

  /// The order statistics of many raw values in one pass: a sorted sample of every
  /// (count / 16384)-th value gives, for each rank, a window [lo, hi] that holds it unless the
  /// sample is far off (beyond 4 standard deviations); the pass counts the values below lo and
  /// keeps those in the window, whose sorted copy then answers exactly. nil if a rank is not in
  /// its window or a value is NaN (quickselect answers then).
  private func sampledOrderStatistics(_ ranks: [Int]) -> [Double]? {
    let n = values.count
    let sampleSize = 16_384
    let stride = n / sampleSize
    guard stride >= 1, !ranks.isEmpty else { return nil }
    var sample = (0..<sampleSize).map { values[$0 * stride] }
    if sample.contains(where: { $0.isNaN }) { return nil }
    sample.sort()
    var lo: [Double] = [], hi: [Double] = []
    for k in ranks {
      let p = Double(k - 1) / Double(n)
      let center = p * Double(sampleSize)
      let margin = 4 * (max(p * (1 - p), 1 / Double(sampleSize)) * Double(sampleSize)).squareRoot() + 2
      let first = Int((center - margin).rounded(.down)), last = Int((center + margin).rounded(.up))
      lo.append(first <= 0 ? -.infinity : sample[first])
      hi.append(last >= sampleSize - 1 ? .infinity : sample[last])
    }
    let windows = ranks.count
    var below = [Int](repeating: 0, count: windows)
    var kept = [[Double]](repeating: [], count: windows)
    for w in 0..<windows { kept[w].reserveCapacity(n / 16) }
    var sawNaN = false
    for v in values {
      sawNaN = sawNaN || v.isNaN
      for w in 0..<windows {
        below[w] += v < lo[w] ? 1 : 0
        if v >= lo[w] && v <= hi[w] { kept[w].append(v) }
      }
    }
    if sawNaN { return nil }
    var answers: [Double] = []
    for w in 0..<windows {
      let index = ranks[w] - 1 - below[w]
      guard index >= 0 && index < kept[w].count else { return nil }
      kept[w].sort()
      answers.append(kept[w][index])
    }
    return answers
  }

  /// The p-quantile as the ⌈p·n⌉-th smallest outcome (inverse empirical CDF).
  static func rank(of p: Double, in n: Int) -> Int {
    min(n, max(1, Int((p * Double(n)).rounded(.up))))
  }
}

/// Quickselect with a three-way partition (many equal values are common): after the call
/// `a[index]` holds the value of rank `index` (0-based) within `a[from...]`, every element
/// left of it in that range is ≤ and every element right of it ≥. Pivot = median of three.
private func select(_ a: UnsafeMutableBufferPointer<Double>, rank index: Int, from: Int) -> Double {
  var lo = from
  var hi = a.count - 1
  while lo < hi {
    let mid = lo + (hi - lo) / 2
    var x = a[lo], y = a[mid], z = a[hi]
    if x > y { swap(&x, &y) }
    if y > z { swap(&y, &z) }
    if x > y { swap(&x, &y) }
    let pivot = y
    // Dutch flag: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot.
    var lt = lo, i = lo, gt = hi
    while i <= gt {
      let v = a[i]
      if v < pivot {
        a.swapAt(lt, i)
        lt += 1
        i += 1
      } else if v > pivot {
        a.swapAt(i, gt)
        gt -= 1
      } else {
        i += 1
      }
    }
    if index < lt {
      hi = lt - 1
    } else if index > gt {
      lo = gt + 1
    } else {
      return pivot
    }
  }
  return a[index]
}
