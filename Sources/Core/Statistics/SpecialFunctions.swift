#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The special functions behind the p-values: log-gamma, the regularized
/// incomplete gamma functions P(a, x) and Q(a, x), and the normal tail.
/// Implemented here so that results do not depend on an outside library;
/// `make check-stats` compares them through the tests with SciPy 1.17.
enum SpecialFunctions {
  static let logSqrtTwoPi = 0.918_938_533_204_672_741_780_329_736_406

  /// Computes ln Γ(x) for x > 0: the Stirling series for x >= 10, and
  /// the recurrence Γ(x) = Γ(x + k) / (x (x + 1) ... (x + k - 1)) below.
  static func logGamma(_ x: Double) -> Double {
    guard x < 10 else {
      return (x - 0.5) * log(x) - x + logSqrtTwoPi + stirlingCorrection(x)
    }
    var shifted = x
    var product = 1.0
    while shifted < 10 {
      product *= shifted
      shifted += 1
    }
    return logGamma(shifted) - log(product)
  }

  /// Computes ln Γ(x) - ((x - 1/2) ln x - x + ln sqrt(2π)) for x >= 10
  /// from the Stirling series B_2k / (2k (2k - 1) x^(2k - 1)), k = 1...7.
  /// The first omitted term is below 3e-17 at x = 10.
  static func stirlingCorrection(_ x: Double) -> Double {
    let coefficients = [
      1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360_360, 1.0 / 156,
    ]
    let square = 1 / (x * x)
    var series = 0.0
    for coefficient in coefficients.reversed() {
      series = series * square + coefficient
    }
    return series / x
  }

  /// Computes ln(1 + t) - t without cancellation for small t.
  static func log1pMinusX(_ t: Double) -> Double {
    guard abs(t) < 0.25 else { return log1p(t) - t }
    // -t^2/2 + t^3/3 - t^4/4 + ..., summed until the terms vanish.
    var power = t * t
    var sum = 0.0
    var k = 2.0
    while k < 200 {
      let term = power / k
      sum += k.truncatingRemainder(dividingBy: 2) == 0 ? -term : term
      if abs(term) < 1e-18 * abs(sum) { break }
      power *= t
      k += 1
    }
    return sum
  }

  /// Computes ln(x^a e^-x / Γ(a)), the factor in front of both gamma
  /// series. For a >= 10 it is rearranged as
  /// -a (r - 1 - ln r) + ln sqrt(a / 2π) - stirlingCorrection(a) with
  /// r = x / a, which avoids subtracting large terms.
  static func logGammaPrefactor(_ a: Double, _ x: Double) -> Double {
    guard a >= 10 else { return a * log(x) - x - logGamma(a) }
    let t = (x - a) / a
    return a * log1pMinusX(t) + 0.5 * log(a) - logSqrtTwoPi - stirlingCorrection(a)
  }

  /// Computes the regularized lower incomplete gamma function P(a, x)
  /// for a > 0 and x >= 0.
  static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
    guard x > 0 else { return 0 }
    if x < a + 1 { return gammaSeries(a, x) }
    return 1 - gammaContinuedFraction(a, x)
  }

  /// Computes the regularized upper incomplete gamma function
  /// Q(a, x) = 1 - P(a, x), accurately in the upper tail.
  static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
    guard x > 0 else { return 1 }
    if x < a + 1 { return 1 - gammaSeries(a, x) }
    return gammaContinuedFraction(a, x)
  }

  /// Sums P(a, x) = prefactor * Σ x^n / (a (a + 1) ... (a + n)).
  private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
    let prefactor = logGammaPrefactor(a, x)
    if prefactor < -745 { return 0 }
    var term = 1 / a
    var sum = term
    var denominator = a
    for _ in 0..<2_000_000 {
      denominator += 1
      term *= x / denominator
      sum += term
      if term < sum * 1e-17 { break }
    }
    return min(1, sum * exp(prefactor))
  }

  /// Evaluates Q(a, x) by the continued fraction of Legendre with the
  /// modified Lentz method, for x >= a + 1.
  private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
    let prefactor = logGammaPrefactor(a, x)
    if prefactor < -745 { return 0 }
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var fraction = d
    for index in 1..<2_000_000 {
      let n = Double(index)
      let an = -n * (n - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      fraction *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return min(1, exp(prefactor) * fraction)
  }

  /// Computes P(Z > z) for a standard normal Z.
  static func normalSurvival(_ z: Double) -> Double {
    0.5 * erfc(z / 2.0.squareRoot())
  }

  /// Computes the chi-square survival function Q(k/2, x/2).
  static func chiSquareSurvival(_ x: Double, degreesOfFreedom: Double) -> Double {
    regularizedGammaQ(degreesOfFreedom / 2, x / 2)
  }
}
