import Foundation

/// e^x without a library call, so that loops over arrays of exponents can run eight at a time.
///
/// Range reduction x = (256·m + j)·ln2/256 + r with 256·m + j = round(256·x/ln2) (Cody–Waite,
/// ln2/256 in two parts), |r| ≤ ln2/512; e^x = 2^(m−1) · 2·2^(j/256) · e^r with 2·2^(j/256) from
/// a 256-entry table and e^r − 1 by its Taylor polynomial to degree 4 (truncation below
/// 4·10⁻¹⁷), and 2^(m−1) built from its bits (a normal number for every x here; the last
/// product overflows to +∞ by itself). Relative error ≤ 2 ulp (tested against the C library) for
/// −707.7 ≤ x < 709.78; returns 0 below −707.7 (where e^x < 1.3·10⁻³⁰⁷: the simulation treats
/// such a ratio as nothing) and +∞ from about 709.7827 on (where e^x overflows). NaN in gives
/// NaN out. Branch-free (the table read is a plain load). `table` must be
/// ``SamplingTables/exp2``.
@inlinable @inline(__always)
func fastExp(_ x: Double, table: UnsafePointer<Double>) -> Double {
  let n256OverLn2 = 369.329_930_467_574_6  // 256 / ln 2
  let ln2Hi = 0x1.62e42ffp-9  // ln2/256 to 29 bits, so that k·ln2Hi is exact for |k| < 2²⁴
  let ln2Lo = -0x1.718432a1b0e26p-43  // ln2/256 − ln2Hi
  let shifter = 0x1.8p52  // adding it rounds to an integer, which lands in the low mantissa bits
  // Clamp (NaN passes through: both comparisons are false).
  let clamped = x < -708 ? -708 : (x > 710 ? 710 : x)
  let shifted = clamped * n256OverLn2 + shifter
  let kd = shifted - shifter  // k = round(256·x/ln 2), |k| ≤ 262 224
  let r = (clamped - kd * ln2Hi) - kd * ln2Lo
  let r2 = r * r
  let p = r + r2 * ((0.5 + r * (1.0 / 6)) + r2 * (1.0 / 24))  // e^r − 1
  // k + 1.5·2⁵² as an integer: its low 8 bits are j = k mod 256, and bits 8 and up hold
  // 1.5·2⁴⁴ + m with m = ⌊k/256⌋ (no borrow: |k| < 2⁵¹); shifted left by 52, only m is left.
  let bits = shifted.bitPattern
  let t = table[Int(truncatingIfNeeded: bits & 0xFF)]  // 2·2^(j/256)
  let mantissa = t + t * p  // 2·2^(j/256)·e^r
  let scale = Double(bitPattern: ((bits >> 8) &+ 1022) << 52)  // 2^(m−1), m − 1 ≥ −1022 here
  return x < -707.7 ? 0 : mantissa * scale
}

/// ``fastExp(_:table:)`` with the shared table.
@inlinable @inline(__always)
func fastExp(_ x: Double) -> Double { fastExp(x, table: SamplingTables.shared.exp2) }

/// ``fastExp(_:table:)`` of eight values at once, bit for bit the same results (one AVX-512
/// register, or four SSE2 ones, whatever the build's target processor).
@inlinable @inline(__always)
func fastExp(_ x: SIMD8<Double>, table: UnsafePointer<Double>) -> SIMD8<Double> {
  let n256OverLn2 = 369.329_930_467_574_6
  let ln2Hi = 0x1.62e42ffp-9
  let ln2Lo = -0x1.718432a1b0e26p-43
  let shifter = 0x1.8p52
  let lo = SIMD8<Double>(repeating: -708), hi = SIMD8<Double>(repeating: 710)
  var clamped = x.replacing(with: lo, where: x .< lo)
  clamped = clamped.replacing(with: hi, where: clamped .> hi)
  let shifted = clamped * n256OverLn2 + shifter
  let kd = shifted - shifter
  let r = (clamped - kd * ln2Hi) - kd * ln2Lo
  let r2 = r * r
  let p = r + r2 * ((0.5 + r * (1.0 / 6)) + r2 * (1.0 / 24))
  let bits = unsafeBitCast(shifted, to: SIMD8<UInt64>.self)
  let j = bits & 0xFF
  let t = SIMD8<Double>(
    table[Int(truncatingIfNeeded: j[0])], table[Int(truncatingIfNeeded: j[1])],
    table[Int(truncatingIfNeeded: j[2])], table[Int(truncatingIfNeeded: j[3])],
    table[Int(truncatingIfNeeded: j[4])], table[Int(truncatingIfNeeded: j[5])],
    table[Int(truncatingIfNeeded: j[6])], table[Int(truncatingIfNeeded: j[7])])
  let mantissa = t + t * p
  let scale = unsafeBitCast(((bits &>> 8) &+ 1022) &<< 52, to: SIMD8<Double>.self)
  let value = mantissa * scale
  // 0 below −707.7, by a mask (a comparison gives all-ones lanes).
  let below = unsafeBitCast(x .< -707.7, to: SIMD8<UInt64>.self)
  return unsafeBitCast(unsafeBitCast(value, to: SIMD8<UInt64>.self) & ~below, to: SIMD8<Double>.self)
}
