extension KolmogorovSmirnov {
  /// Computes the exact two-sided p-value P(D >= d) for sample sizes n1
  /// and n2 under the null hypothesis, by counting monotone lattice paths
  /// from (0, 0) to (n1, n2), or returns nil when the computation does
  /// not give a probability. D is first rounded to h / lcm(n1, n2).
  static func exactPValue(
    _ statistic: Double, _ n1: Int, _ n2: Int
  ) -> (statistic: Double, pValue: Double)? {
    let divisor = greatestCommonDivisor(n1, n2)
    let lcm = (n1 / divisor) * n2
    let h = Int((statistic * Double(lcm)).rounded(.toNearestOrEven))
    let rounded = Double(h) / Double(lcm)
    guard h > 0 else { return (rounded, 1) }
    let probability =
      n1 == n2
      ? probabilityOutsideSquare(n: n1, h: h)
      : 1 - probabilityInside(n1, n2, divisor: divisor, h: h)
    guard probability.isFinite, probability >= 0, probability <= 1 else { return nil }
    return (rounded, probability)
  }

  /// Computes P(D >= h / n) for two samples of size n with the
  /// reflection formula 2 Σ_{k>=1} (-1)^(k-1) C(2n, n - kh) / C(2n, n),
  /// nested as 2 A1 (1 - A2 (1 - A3 (...))) so that no large binomial
  /// is formed and no terms cancel.
  static func probabilityOutsideSquare(n: Int, h: Int) -> Double {
    var result = 0.0
    var k = n / h
    while k >= 0 {
      var ratio = 1.0
      for j in 0..<h {
        ratio = Double(n - k * h - j) * ratio / Double(n + k * h + j + 1)
      }
      result = ratio * (1 - result)
      k -= 1
    }
    return 2 * result
  }

  /// Computes the fraction of lattice paths from (0, 0) to (m, n) that
  /// stay strictly inside |i n/g - j m/g| < h. Each point stores the
  /// number of inside paths reaching it divided by C(i + j, j), which
  /// keeps every value in [0, 1]: u(i, j) = (i u(i-1, j) + j u(i, j-1))
  /// / (i + j). One column of the band is kept at a time.
  static func probabilityInside(_ first: Int, _ second: Int, divisor: Int, h: Int) -> Double {
    let m = max(first, second)
    let n = min(first, second)
    let mg = m / divisor
    let ng = n / divisor
    var column = [Double](repeating: 0, count: n + 1)
    var low = 0
    var high = min(ceilDivide(h, mg), n + 1)
    for j in low..<high { column[j] = 1 }

    for i in 1...m {
      let newLow = max(floorDivide(ng * i - h, mg) + 1, 0)
      let newHigh = min(ceilDivide(ng * i + h, mg), n + 1)
      guard newLow < newHigh else { return 0 }
      for j in low..<min(newLow, high) { column[j] = 0 }
      for j in max(high, newLow)..<newHigh { column[j] = 0 }
      var previous = 0.0
      for j in newLow..<newHigh {
        let below = j > newLow ? previous : 0
        let value = (column[j] * Double(i) + below * Double(j)) / Double(i + j)
        column[j] = value
        previous = value
      }
      low = newLow
      high = newHigh
    }
    return high == n + 1 ? column[n] : 0
  }

  static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
  }

  static func floorDivide(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
  }

  static func ceilDivide(_ a: Int, _ b: Int) -> Int {
    -floorDivide(-a, b)
  }
}
