/// The map from positive values to bucket indices of `DDSketch`.
///
/// It approximates log2(x) from the bits of the double: x = 2^e (1 + s)
/// with s in [0, 1) gives e + P(s), where P(s) = A s^3 + B s^2 + C s with
/// A = 6/35, B = -3/5, C = 10/7 is a cubic with P(0) = 0 and P(1) = 1
/// (the approach of `CubicallyInterpolatedMapping` in Datadog's
/// sketches-java library).
/// Bucket i contains the values whose approximate log2 lies in
/// [i / m, (i + 1) / m). Only multiplication, addition and bit operations
/// are involved, so every IEEE 754 platform computes the same index,
/// which a `log` from the platform's math library would not guarantee.
///
/// The true log2 grows at most 1 / (C ln 2) times as fast as the
/// approximation (at s = 0; a test checks the resulting bucket bounds).
/// Choosing
/// m = 1 / (C ln 2 log2(gamma)) with gamma = (1 + a) / (1 - a) makes the
/// ratio of a bucket's upper to lower bound at most gamma, and the
/// harmonic midpoint of the bounds is then within relative accuracy a of
/// every value in the bucket.
struct SketchIndexMapping: Equatable, Sendable {
  let relativeAccuracy: Double
  let multiplier: Double

  static let cubicA = 6.0 / 35.0
  static let cubicB = -3.0 / 5.0
  static let cubicC = 10.0 / 7.0

  /// Values below the smallest normal double go to the zero bucket, so
  /// the exponent read from the bits is always the true exponent.
  static let minIndexableValue = Double.leastNormalMagnitude

  init(relativeAccuracy: Double) {
    self.relativeAccuracy = relativeAccuracy
    let gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
    let log2Gamma = Double.log2Approximation(gamma)
    multiplier = 1 / (SketchIndexMapping.cubicC * Double.ln2 * log2Gamma)
  }

  /// Approximates log2 of a positive normal double with e + P(s).
  static func approximateLog2(_ value: Double) -> Double {
    let exponent = Double(Int(value.exponentBitPattern) - 1023)
    let s = Double(bitPattern: value.significandBitPattern | 0x3ff0_0000_0000_0000) - 1
    return exponent + ((cubicA * s + cubicB) * s + cubicC) * s
  }

  /// Inverts `approximateLog2`: returns x with approximateLog2(x) = t, up
  /// to rounding. Newton's method on the cubic converges in a few steps
  /// because P' lies between 0.74 and 1.43 on [0, 1].
  static func inverseApproximateLog2(_ t: Double) -> Double {
    let exponent = t.rounded(.down)
    let target = t - exponent
    var s = target
    for _ in 0..<8 {
      let value = ((cubicA * s + cubicB) * s + cubicC) * s - target
      let slope = (3 * cubicA * s + 2 * cubicB) * s + cubicC
      s -= value / slope
    }
    s = Swift.min(Swift.max(s, 0), 1)
    return Double(sign: .plus, exponent: Int(exponent), significand: 1 + s)
  }

  /// Returns the bucket index of a value of at least `minIndexableValue`.
  func index(of value: Double) -> Int {
    Int((SketchIndexMapping.approximateLog2(value) * multiplier).rounded(.down))
  }

  /// Returns the lower bound of bucket `index`.
  func lowerBound(_ index: Int) -> Double {
    SketchIndexMapping.inverseApproximateLog2(Double(index) / multiplier)
  }

  /// Returns the value that represents every member of bucket `index`:
  /// the harmonic midpoint 2 lo hi / (lo + hi), whose relative error to any
  /// value in [lo, hi] is at most (hi - lo) / (hi + lo). It is infinite
  /// for the top bucket, whose upper bound is past the double range, and
  /// callers clamp it to the exact maximum.
  func representative(_ index: Int) -> Double {
    let low = lowerBound(index)
    let high = lowerBound(index + 1)
    return low * (2 / (1 + low / high))
  }

  /// The range of indices that finite values can reach, used to validate
  /// decoded sketches.
  var indexRange: ClosedRange<Int> {
    index(of: SketchIndexMapping.minIndexableValue)...index(of: Double.greatestFiniteMagnitude)
  }
}

extension Double {
  static let ln2 = 0.693_147_180_559_945_309_417_232_121_458_176_568

  /// Computes log2 of a positive double with the same exact arithmetic on
  /// every platform: the exponent plus a series for the mantissa. Used
  /// only to derive mapping constants, where it must not depend on the
  /// platform's math library.
  static func log2Approximation(_ value: Double) -> Double {
    let exponent = Double(Int(value.exponentBitPattern) - 1023)
    let mantissa = Double(bitPattern: value.significandBitPattern | 0x3ff0_0000_0000_0000)
    // ln(m) = 2 artanh((m - 1) / (m + 1)), a series in y^2 with y <= 1/3.
    let y = (mantissa - 1) / (mantissa + 1)
    let ySquared = y * y
    var term = y
    var series = 0.0
    for k in 0..<40 {
      series += term / Double(2 * k + 1)
      term *= ySquared
    }
    return exponent + 2 * series / ln2
  }
}
