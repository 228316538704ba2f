/// What a region can carry on one line, from its own areas: the sums over its streets (or, a level
/// up, over its districts) of their baselines, floors and caps, locks counted at their value. A city
/// allocates across its districts with these as each district's baseline, floor and cap, so that it
/// never gives a district more than its streets can carry under their caps, nor less than their floors.
public struct AreaRoom: Sendable, Equatable {
  /// Σ baselines (real units).
  public var baseline: Double
  /// Σ floors (a locked area counts at its lock).
  public var floor: Double
  /// Σ caps (a locked area counts at its lock; a "其中" line at most its parent line's cap in each area).
  public var cap: Double
  /// The areas that make up the room, each with its cap, for the explanation across levels.
  public var parts: [Part]

  public struct Part: Sendable, Equatable {
    public var area: String
    public var floor: Double
    public var cap: Double
    public var locked: Bool
    public init(area: String, floor: Double, cap: Double, locked: Bool) {
      self.area = area
      self.floor = floor
      self.cap = cap
      self.locked = locked
    }
  }

  public init(baseline: Double, floor: Double, cap: Double, parts: [Part] = []) {
    self.baseline = baseline
    self.floor = floor
    self.cap = cap
    self.parts = parts
  }

  /// The room of several regions together (a district's room one level further up).
  public static func sum(_ rooms: [(String, AreaRoom)]) -> AreaRoom {
    AreaRoom(
      baseline: rooms.reduce(0) { $0 + $1.1.baseline }, floor: rooms.reduce(0) { $0 + $1.1.floor },
      cap: rooms.reduce(0) { $0 + $1.1.cap },
      parts: rooms.map { Part(area: $0.0, floor: $0.1.floor, cap: $0.1.cap, locked: false) })
  }
}

extension Allocator {
  /// The baselines of a line whose every open area has a room from below, or nil.
  func roomBaselines(_ indicator: String, open: [String]) -> BaselineContext.Estimate? {
    guard let rooms = settings.areaRooms[indicator], !open.isEmpty else { return nil }
    var baselines: [Double] = []
    for area in open {
      guard let room = rooms[area] else { return nil }
      baselines.append(room.baseline)
    }
    return BaselineContext.Estimate(baselines: baselines, note: nil)
  }

  /// An area's floor and cap in model units from its room, where it has one.
  func roomBounds(_ indicator: String, _ area: String, unit: Double) -> (floor: Double, cap: Double)? {
    guard let room = settings.areaRooms[indicator]?[area] else { return nil }
    let floor = (room.floor / unit - 1e-6).rounded(.up)
    return (floor, max((room.cap / unit + 1e-6).rounded(.down), floor))
  }
}
