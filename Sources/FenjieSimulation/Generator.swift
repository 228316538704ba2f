import FenjieText
/// SplitMix64 (Steele, Lea & Flood 2014; reference code by Sebastiano Vigna, 2015).
///
/// `state += 0x9E3779B97F4A7C15`, then a 64-bit finaliser of the new state. Used only to expand a
/// 64-bit seed into the 256-bit state of ``Xoshiro256StarStar``, as the xoshiro authors recommend.
/// Reference: seed 1234567 gives 6457827717110365317, 3203168211198807973, 9817491932198370423, …
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The golden-ratio increment γ = 0x9E3779B97F4A7C15.
  public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// The SplitMix64 output function (a bijection of `UInt64`).
  @inlinable
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  @inlinable
  public mutating func next() -> UInt64 {
    state &+= Self.increment
    return Self.mix(state)
  }
}

/// xoshiro256** 1.0 (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2018/2021).
///
/// Period 2^256 − 1, 256-bit state, output `rotl(s1 · 5, 7) · 9`. Reference: state {1, 2, 3, 4}
/// gives 11520, 0, 1509978240, 1215971899390074240, … (checked against the authors' C code).
/// Seeded from a 64-bit value through ``SplitMix64``.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  /// The name reported with every result.
  public static var name: String { Say.Simulation.generator.text() }

  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// A generator with the given raw state. An all-zero state (the one fixed point) is replaced by
  /// the state that SplitMix64 gives for seed 0.
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    if state == (0, 0, 0, 0) {
      var sm = SplitMix64(seed: 0)
      (s0, s1, s2, s3) = (sm.next(), sm.next(), sm.next(), sm.next())
    } else {
      (s0, s1, s2, s3) = state
    }
  }

  /// The state is the next four outputs of `splitMix`.
  public init(splitMix: inout SplitMix64) {
    let a = splitMix.next(), b = splitMix.next(), c = splitMix.next(), d = splitMix.next()
    // Four consecutive SplitMix64 outputs are distinct (its output function is a bijection),
    // so the state is never all zero.
    (s0, s1, s2, s3) = (a, b, c, d)
  }

  /// The state is the first four outputs of SplitMix64 seeded with `seed`.
  public init(seed: UInt64) {
    var sm = SplitMix64(seed: seed)
    self.init(splitMix: &sm)
  }

  /// The generator of trial block `block` for the run seeded with `seed`: its state is the
  /// SplitMix64 outputs number 4·block + 1 … 4·block + 4 of the stream seeded with `seed`, so
  /// every block starts from its own, non-overlapping part of that stream and the numbers of a
  /// block depend only on (seed, block), never on the thread that runs it.
  public init(seed: UInt64, block: UInt64) {
    var sm = SplitMix64(seed: seed &+ (block &* 4) &* SplitMix64.increment)
    self.init(splitMix: &sm)
  }

  public var state: (UInt64, UInt64, UInt64, UInt64) { (s0, s1, s2, s3) }

  @inlinable @inline(__always)
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }
}

extension Xoshiro256StarStar {
  /// The jump polynomial of the reference code (Blackman & Vigna, xoshiro256starstar.c).
  static let jumpPolynomial: [UInt64] = [
    0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C,
  ]

  /// Advances the generator by 2¹²⁸ outputs at once, as the reference `jump()` does: the state
  /// becomes the sum (over GF(2)) of the states after j outputs for the j whose bit is set in
  /// the jump polynomial. The streams before and after a jump never overlap in practice (each
  /// is 2¹²⁸ outputs long); checked against the 2¹²⁸-th power of the transition matrix in the tests.
  public mutating func jump() {
    var s = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
    for word in Self.jumpPolynomial {
      for bit in 0..<64 {
        if word & (1 << UInt64(bit)) != 0 {
          s.0 ^= s0
          s.1 ^= s1
          s.2 ^= s2
          s.3 ^= s3
        }
        _ = next()
      }
    }
    (s0, s1, s2, s3) = s
  }

  /// A copy advanced by 2¹²⁸ outputs (``jump()``): a second stream of the same block.
  public func jumped() -> Xoshiro256StarStar {
    var copy = self
    copy.jump()
    return copy
  }
}

extension RandomNumberGenerator {
  /// A uniform double in [0, 1): the top 53 bits of one output times 2⁻⁵³.
  @inlinable @inline(__always)
  public mutating func nextUnitClosedOpen() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform double in (0, 1): (top 53 bits + ½) · 2⁻⁵³, never 0 or 1 (safe for `log`).
  @inlinable @inline(__always)
  public mutating func nextUnitOpen() -> Double {
    (Double(next() >> 11) + 0.5) * 0x1.0p-53
  }
}
