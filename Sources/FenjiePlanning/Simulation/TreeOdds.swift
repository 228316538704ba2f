import Dispatch
import FenjieCore
import FenjieSimulation
import Foundation

/// The odds over a tree (市 → 区 → 街道) for the allocated year: for every region and every split
/// line, the chance that its total reaches its target (the city's own goal at the top, what its
/// parent gave it below), with correlation nested as the tree is.
///
/// The model, per street s, line i, run r:
///
///     log R = ln E[R]ᵢ − σᵢ²/2 + σᵢ · ( Σ_ℓ √(ρᵢ/L) · Z_ℓ(r)  +  √(1 − ρᵢ) · ε )
///
/// where the sum runs over the L regions above the street (its district, …, the city at the top),
/// Z_ℓ is one standard normal factor per region per run (the year's shock of that region), and ε
/// the street's own noise. Two streets of the same district are correlated ρᵢ in log R; two streets
/// whose lowest common region is k levels above their districts share (L − k)·ρᵢ/L of it (a city
/// over districts: ρ/2). A street's result is Poisson(target × R) for counts and stocks, target × R
/// otherwise; a region's total is the sum over its streets. Only totals are reported, so a district's
/// count is drawn once as Poisson(Σ target × R) over its streets: given the R's the streets' draws are
/// independent, and their sum has exactly that distribution (one draw instead of one per street). E[R]ᵢ, σᵢ and ρᵢ are the scenario's
/// `[simulation]` values (per line where given); a `[[shock]]` naming a street or any region above it
/// multiplies E[R] by (1 + change). Rates are not simulated.
///
/// Runs are drawn in blocks of `blockSize`, block b from xoshiro256** seeded by (seed, b), blocks
/// merged in order: the same seed gives the same numbers whatever the thread count.
public struct TreeOdds: Sendable {
  public static let blockSize = 1024
  public static let generator = Xoshiro256StarStar.name

  public struct LineOdds: Sendable {
    public var indicator: Indicator
    /// The region's target for the year (district target: what its parent gave it).
    public var target: Double
    public var mean: Double
    public var pHit: Double
    /// 95% Wilson interval of pHit.
    public var interval: (lower: Double, upper: Double)
    public var expectedShortfall: Double
    public var meanRatio: Double
    public var sigma: Double
    public var correlation: Double
    /// Streets simulated under this region on this line.
    public var streets: Int
  }

  public struct RegionOdds: Sendable {
    public var region: String
    public var parent: String?
    /// Regions above a street of this region, itself included, for a district (L in the model).
    public var levels: Int
    public var illustrative: Bool
    public var lines: [LineOdds]
    /// The chance that every simulated line of the region reaches its target in the same run.
    public var pAll: Double
  }

  public var year: Int
  public var runs: Int
  public var seed: UInt64
  public var regions: [RegionOdds]

  /// One street on one line: where its draws go (scalars only: the hot loop holds no references).
  struct Entry: Sendable {
    var target: Double
    var whole: Bool
    var mu: Double
    var sigma: Double
    /// √(ρ/L) and √(1 − ρ).
    var factorWeight: Double
    var ownWeight: Double
    /// The street's district (a leaf region): its factor sum Σ_ℓ Z_ℓ over the regions above.
    var leaf: Int
    /// The district's (region, line) slot; totals roll up to the regions above after each run.
    var slot: Int
    /// The last street of its district on its line: a count's Poisson draw is made here, once.
    var last: Bool = false
  }

  public static func simulate(
    _ allocation: TreeAllocation, settings: SimulationSettings, threads: Int
  ) -> TreeOdds {
    let tables = allocation.tables
    let regionIndex = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1.region, $0) })
    let parents = tables.map { $0.parent.flatMap { regionIndex[$0] } }
    func chain(_ r: Int) -> [Int] {
      var out = [r]
      while let p = parents[out.last!] { out.append(p) }
      return out
    }
    // Slots: every region's simulated lines.
    var slotOf: [String: Int] = [:]
    var slotTarget: [Double] = []
    var slotRegion: [Int] = []
    var slotLine: [IndicatorAllocation] = []
    for (r, table) in tables.enumerated() {
      for line in table.result.indicators where line.indicator.kind.isSplit && line.status != .notSplit {
        guard let target = line.districtTarget else { continue }
        slotOf["\(r)|\(line.indicator.id)"] = slotTarget.count
        slotTarget.append(target)
        slotRegion.append(r)
        slotLine.append(line)
      }
    }
    let hasChildren = Set(parents.compactMap { $0 })
    var entries: [Entry] = []
    var streetCount = Array(repeating: 0, count: slotTarget.count)
    var parameters: [Int: (Double, Double, Double)] = [:]
    for (r, table) in tables.enumerated() where !hasChildren.contains(r) {
      let above = chain(r)
      for line in table.result.indicators where line.indicator.kind.isSplit && line.status != .notSplit {
        let id = line.indicator.id
        let override = settings.byIndicator[id]
        let meanRatio = override?.meanRatio ?? settings.meanRatio
        let sigma = override?.sigma ?? settings.sigma
        let rho = min(1, max(0, override?.correlation ?? settings.correlation))
        let slots = above.compactMap { slotOf["\($0)|\(id)"] }
        guard let own = slotOf["\(r)|\(id)"] else { continue }
        for slot in slots { parameters[slot] = (meanRatio, sigma, rho) }
        for area in table.result.areas {
          guard let target = line.areas[area]?.value, target > 0 else { continue }
          var mean = meanRatio
          for shock in settings.shocks
          where (shock.indicators.isEmpty || shock.indicators.contains(id))
            && (shock.years.isEmpty || shock.years.contains(allocation.year))
            && (shock.areas.isEmpty || shock.areas.contains(area) || above.contains { shock.areas.contains(tables[$0].region) })
          {
            mean *= 1 + shock.change
          }
          for slot in slots { streetCount[slot] += 1 }
          entries.append(
            Entry(
              target: target, whole: line.indicator.kind.isWhole, mu: log(max(mean, 1e-12)) - sigma * sigma / 2,
              sigma: sigma, factorWeight: (rho / Double(above.count)).squareRoot(), ownWeight: (1 - rho).squareRoot(),
              leaf: r, slot: own))
        }
        if let index = entries.indices.last, entries[index].slot == own { entries[index].last = true }
      }
    }
    let slotCount = slotTarget.count
    // Each slot's parent slot (the same line one region up): preorder puts it at a lower index.
    let slotParent: [Int] = (0..<slotCount).map { s in
      parents[slotRegion[s]].flatMap { slotOf["\($0)|\(slotLine[s].indicator.id)"] } ?? -1
    }
    let chains = tables.indices.map(chain)
    let regionSlots = tables.indices.map { r in slotRegion.indices.filter { slotRegion[$0] == r } }
    struct Block: Sendable {
      var hits: [Double]
      var sums: [Double]
      var shortfalls: [Double]
      var allHits: [Double]
    }
    let runs = max(1, settings.runs)
    let blocks = (runs + blockSize - 1) / blockSize
    let slotTargets = slotTarget
    let allEntries = entries
    let work: @Sendable (Int) -> Block = { b in
      var g = Xoshiro256StarStar(seed: settings.seed, block: UInt64(b))
      let normal = StandardNormal()
      var block = Block(
        hits: Array(repeating: 0, count: slotCount), sums: Array(repeating: 0, count: slotCount),
        shortfalls: Array(repeating: 0, count: slotCount), allHits: Array(repeating: 0, count: tables.count))
      var totals = Array(repeating: 0.0, count: slotCount)
      var factors = Array(repeating: 0.0, count: tables.count)
      var chainSums = Array(repeating: 0.0, count: tables.count)
      let count = min(blockSize, runs - b * blockSize)
      for _ in 0..<count {
        for r in factors.indices { factors[r] = normal.sample(using: &g) }
        for r in chainSums.indices { chainSums[r] = chains[r].reduce(0) { $0 + factors[$1] } }
        for s in totals.indices { totals[s] = 0 }
        var lambda = 0.0
        for entry in allEntries {
          let z = entry.ownWeight * normal.sample(using: &g) + entry.factorWeight * chainSums[entry.leaf]
          let mean = entry.target * exp(entry.mu + entry.sigma * z)
          guard entry.whole else {
            totals[entry.slot] += mean
            continue
          }
          lambda += mean
          if entry.last {
            totals[entry.slot] += Poisson(mean: lambda).sample(using: &g)
            lambda = 0
          }
        }
        for s in stride(from: slotCount - 1, through: 0, by: -1) where slotParent[s] >= 0 {
          totals[slotParent[s]] += totals[s]
        }
        for s in 0..<slotCount {
          let total = totals[s]
          block.sums[s] += total
          if total >= slotTargets[s] - 1e-9 {
            block.hits[s] += 1
          } else {
            block.shortfalls[s] += slotTargets[s] - total
          }
        }
        for r in tables.indices where !regionSlots[r].isEmpty {
          if regionSlots[r].allSatisfy({ totals[$0] >= slotTargets[$0] - 1e-9 }) { block.allHits[r] += 1 }
        }
      }
      return block
    }
    let results = forEachBlock(blocks, threads: threads, work)
    var hits = Array(repeating: 0.0, count: slotCount)
    var sums = hits
    var shortfalls = hits
    var allHits = Array(repeating: 0.0, count: tables.count)
    for block in results {
      for s in 0..<slotCount {
        hits[s] += block.hits[s]
        sums[s] += block.sums[s]
        shortfalls[s] += block.shortfalls[s]
      }
      for r in allHits.indices { allHits[r] += block.allHits[r] }
    }
    let n = Double(runs)
    var regions: [RegionOdds] = []
    for (r, table) in tables.enumerated() {
      var lines: [LineOdds] = []
      for s in regionSlots[r] {
        let (meanRatio, sigma, rho) = parameters[s] ?? (settings.meanRatio, settings.sigma, settings.correlation)
        let p = hits[s] / n
        lines.append(
          LineOdds(
            indicator: slotLine[s].indicator, target: slotTarget[s], mean: sums[s] / n, pHit: p, interval: wilson(p, n),
            expectedShortfall: shortfalls[s] / n, meanRatio: meanRatio, sigma: sigma, correlation: rho,
            streets: streetCount[s]))
      }
      regions.append(
        RegionOdds(
          region: table.region, parent: table.parent, levels: chain(r).count,
          illustrative: table.result.usesIllustrativeData, lines: lines, pAll: allHits[r] / n))
    }
    return TreeOdds(year: allocation.year, runs: runs, seed: settings.seed, regions: regions)
  }

  /// The 95% Wilson score interval of a proportion p over n runs.
  static func wilson(_ p: Double, _ n: Double) -> (lower: Double, upper: Double) {
    let z = 1.959963984540054
    let denominator = 1 + z * z / n
    let centre = (p + z * z / (2 * n)) / denominator
    let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
    return (max(0, centre - half), min(1, centre + half))
  }

  /// `body(b)` for every block on up to `threads` threads, results in block order.
  static func forEachBlock<T>(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let workers = max(1, min(threads, count))
    if workers == 1 { return (0..<count).map(body) }
    let box = ResultBox<T>(count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      var b = worker
      while b < count {
        box.put(b, body(b))
        b += workers
      }
    }
    return box.all()
  }
}

/// Results written by block index from several threads.
private final class ResultBox<T>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [T?]
  init(_ count: Int) { values = Array(repeating: nil, count: count) }
  func put(_ index: Int, _ value: T) {
    lock.lock()
    values[index] = value
    lock.unlock()
  }
  func all() -> [T] { values.map { $0! } }
}
