import Testing

@testable import FenjieSimulation

/// Reference outputs computed with the authors' C code (xoshiro256starstar.c and splitmix64.c by
/// Blackman & Vigna), compiled with gcc.
struct GeneratorTests {
  @Test func xoshiroMatchesReferenceFromState1234() {
    var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
    let expected: [UInt64] = [
      11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
      607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
    ]
    #expect((0..<8).map { _ in g.next() } == expected)
  }

  /// The reference `jump()` (same C file), applied to the state {1, 2, 3, 4}, then four outputs,
  /// a second jump and two more outputs.
  @Test func jumpMatchesReference() {
    var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
    g.jump()
    #expect(
      g.state == (
        10_122_426_448_480_695_249, 8_079_205_330_032_121_950, 7_289_065_458_748_526_725,
        9_477_464_255_293_849_680
      ))
    let first: [UInt64] = [
      13_534_147_089_533_256_664, 7_126_240_192_422_241_655, 3_805_973_808_039_778_091,
      11_547_880_530_658_420_384,
    ]
    #expect((0..<4).map { _ in g.next() } == first)
    let jumped = g.jumped()
    #expect(g.state != jumped.state)  // jumped() leaves the original alone
    g.jump()
    #expect(g.state == jumped.state)
    #expect((0..<2).map { _ in g.next() } == [5_683_399_991_563_120_264, 7_241_535_784_856_384_132])
  }

  @Test func splitMixMatchesReference() {
    var g = SplitMix64(seed: 1_234_567)
    let expected: [UInt64] = [
      6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
      4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
    ]
    #expect((0..<5).map { _ in g.next() } == expected)
  }

  @Test func xoshiroSeededBySplitMixMatchesReference() {
    var g = Xoshiro256StarStar(seed: 42)
    let expected: [UInt64] = [
      1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009,
      17_057_574_109_182_124_193, 18_295_552_978_065_317_476,
    ]
    #expect((0..<5).map { _ in g.next() } == expected)
  }

  @Test func blockGeneratorsTakeDisjointPartsOfTheSplitMixStream() {
    var stream = SplitMix64(seed: 99)
    let words = (0..<12).map { _ in stream.next() }
    for b in 0..<3 {
      let g = Xoshiro256StarStar(seed: 99, block: UInt64(b))
      let s = g.state
      #expect([s.0, s.1, s.2, s.3] == Array(words[(4 * b)..<(4 * b + 4)]))
    }
    #expect(Xoshiro256StarStar(seed: 99, block: 0).state == Xoshiro256StarStar(seed: 99).state)
  }

  @Test func allZeroStateIsReplaced() {
    var g = Xoshiro256StarStar(state: (0, 0, 0, 0))
    #expect((0..<4).contains { _ in g.next() != 0 })
  }

  @Test func unitIntervals() {
    var g = Xoshiro256StarStar(seed: 5)
    var lo = 1.0, hi = 0.0, sum = 0.0
    let n = 100_000
    for _ in 0..<n {
      let u = g.nextUnitClosedOpen()
      let v = g.nextUnitOpen()
      #expect(u >= 0 && u < 1)
      #expect(v > 0 && v < 1)
      lo = min(lo, u)
      hi = max(hi, u)
      sum += u
    }
    // Mean 1/2 with standard error √(1/12n).
    #expect(abs(sum / Double(n) - 0.5) < 5 * (1.0 / 12 / Double(n)).squareRoot())
    #expect(lo < 1e-3 && hi > 1 - 1e-3)
  }
}
