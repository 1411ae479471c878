#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension SpecialFunctions {
  /// Computes the binomial probability C(n, k) p^k (1 - p)^(n - k), with
  /// p given through the means n p and n (1 - p) so that callers can form
  /// them without rounding 1 - p. It uses Loader's saddle-point form,
  /// which keeps full relative accuracy for large n where differences of
  /// log-gamma values would not.
  static func binomialProbability(
    _ k: Double, trials n: Double, successMean: Double, failureMean: Double
  ) -> Double {
    if k == 0 { return exp(n * log(failureMean / n)) }
    if k == n { return exp(n * log(successMean / n)) }
    let logRatio =
      stirlingError(n) - stirlingError(k) - stirlingError(n - k)
      - devianceTerm(k, mean: successMean) - devianceTerm(n - k, mean: failureMean)
    let spread = 2 * Double.pi * k * (n - k) / n
    return exp(logRatio) / spread.squareRoot()
  }

  /// Computes ln Γ(x + 1) - ((x + 1/2) ln x - x + ln sqrt(2π)), the error
  /// of Stirling's formula for x!.
  static func stirlingError(_ x: Double) -> Double {
    if x >= 10 { return stirlingCorrection(x) }
    return logGamma(x + 1) - (x + 0.5) * log(x) + x - logSqrtTwoPi
  }

  /// Computes x ln(x / m) + m - x without cancellation when x is near m,
  /// by the series 2 x Σ v^(2j+1) / (2j + 1) - (x - m) v with
  /// v = (x - m) / (x + m).
  static func devianceTerm(_ x: Double, mean m: Double) -> Double {
    guard abs(x - m) < 0.1 * (x + m) else { return x * log(x / m) + m - x }
    let v = (x - m) / (x + m)
    var sum = (x - m) * v
    var power = 2 * x * v
    let square = v * v
    var j = 1.0
    while j < 1000 {
      power *= square
      let next = sum + power / (2 * j + 1)
      if next == sum { break }
      sum = next
      j += 1
    }
    return sum
  }
}
