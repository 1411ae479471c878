/// An exact sum of doubles, kept as a fixed-point integer wide enough for
/// every finite double (bits from 2^-1074 up to 2^1024 and some headroom).
///
/// Floating-point addition depends on order, so a sketch that stored a
/// plain `Double` sum would give different bytes when merged in a
/// different order. This sum is exact, so any order gives the same value
/// and the same encoding. Adding costs three integer additions.
struct ExactSum: Sendable {
  /// Limbs of 32 bits in signed 64-bit words, least significant first;
  /// limb `i` has weight 2^(32 i - 1074). Between normalisations a limb
  /// may exceed 32 bits, which leaves room for 2^29 additions.
  private var limbs = [Int64](repeating: 0, count: ExactSum.limbCount)
  private var pendingAdds = 0

  static let limbCount = 68
  private static let mask: UInt64 = 0xffff_ffff
  private static let normaliseInterval = 1 << 29

  /// Adds a finite double exactly. Non-finite values are the caller's to
  /// reject.
  mutating func add(_ value: Double) {
    guard value != 0 else { return }
    let biased = Int(value.exponentBitPattern)
    var mantissa = value.significandBitPattern
    if biased != 0 { mantissa |= 1 << 52 }
    let bitOffset = max(biased, 1) - 1
    let limb = bitOffset / 32
    let shift = UInt64(bitOffset % 32)

    let low = (mantissa & ExactSum.mask) << shift
    let high = (mantissa >> 32) << shift
    let parts = [
      low & ExactSum.mask,
      (low >> 32) + (high & ExactSum.mask),
      high >> 32,
    ]
    for (index, part) in parts.enumerated() {
      let signed = Int64(part)
      limbs[limb + index] += value < 0 ? -signed : signed
    }
    countAdd()
  }

  mutating func add(_ other: ExactSum) {
    var other = other
    other.normalise()
    normalise()
    for index in 0..<ExactSum.limbCount { limbs[index] += other.limbs[index] }
    normalise()
  }

  private mutating func countAdd() {
    pendingAdds += 1
    if pendingAdds >= ExactSum.normaliseInterval { normalise() }
  }

  /// Propagates carries so every limb but the top one lies in
  /// [0, 2^32). The top limb carries the sign. The result is canonical:
  /// equal sums have equal limbs.
  mutating func normalise() {
    for index in 0..<(ExactSum.limbCount - 1) {
      let carry = limbs[index] >> 32
      limbs[index] -= carry << 32
      limbs[index + 1] += carry
    }
    pendingAdds = 0
  }

  /// Returns the sign and the magnitude limbs of the normalised sum, each
  /// magnitude limb in [0, 2^32). Negative sums are stored this way so that their
  /// encoding stays as short as that of positive ones.
  private func signAndMagnitude() -> (negative: Bool, limbs: [Int64]) {
    var copy = self
    copy.normalise()
    guard copy.limbs[ExactSum.limbCount - 1] < 0 else { return (false, copy.limbs) }
    for index in 0..<ExactSum.limbCount { copy.limbs[index] = -copy.limbs[index] }
    copy.normalise()
    return (true, copy.limbs)
  }

  /// The sum rounded to a double by adding magnitude limbs from the most
  /// significant down. The value is deterministic but can differ from the
  /// correctly rounded sum in the last bit. Sums beyond the double range
  /// give an infinity.
  var value: Double {
    let (negative, magnitude) = signAndMagnitude()
    var result = 0.0
    for index in stride(from: ExactSum.limbCount - 1, through: 0, by: -1) {
      let limb = magnitude[index]
      if limb == 0 { continue }
      result += Double(sign: .plus, exponent: 32 * index - 1074, significand: Double(limb))
    }
    return negative ? -result : result
  }

  /// Writes the nonzero magnitude limbs: a varint of the limb count times
  /// two plus the sign bit, the first limb index, then each limb as a
  /// varint. Zero is the single byte 0.
  func encode(into writer: inout ByteWriter) {
    let (negative, magnitude) = signAndMagnitude()
    let nonzero = magnitude.indices.filter { magnitude[$0] != 0 }
    guard let first = nonzero.first, let last = nonzero.last else {
      writer.writeVarint(0)
      return
    }
    writer.writeVarint(UInt64(last - first + 1) << 1 | (negative ? 1 : 0))
    writer.writeVarint(UInt64(first))
    for index in first...last {
      writer.writeVarint(UInt64(magnitude[index]))
    }
  }

  static func decode(from reader: inout ByteReader) throws -> ExactSum {
    var sum = ExactSum()
    let header = try reader.readCount("sum length", limit: 2 * limbCount + 1)
    let length = header >> 1
    guard length > 0 else {
      guard header == 0 else { throw reader.invalid("sum length", String(header)) }
      return sum
    }
    let first = try reader.readCount("sum first limb", limit: limbCount - length)
    for index in first..<(first + length) {
      let start = reader.offset
      let limb = try reader.readVarint("sum limb")
      guard limb < 1 << 32 else { throw reader.invalid("sum limb", String(limb), at: start) }
      sum.limbs[index] = header & 1 == 1 ? -Int64(limb) : Int64(limb)
    }
    guard sum.limbs[first] != 0, sum.limbs[first + length - 1] != 0 else {
      throw reader.invalid("sum limbs", "zero limb at an end")
    }
    return sum
  }
}

extension ExactSum: Equatable {
  static func == (lhs: ExactSum, rhs: ExactSum) -> Bool {
    lhs.signAndMagnitude() == rhs.signAndMagnitude()
  }
}
