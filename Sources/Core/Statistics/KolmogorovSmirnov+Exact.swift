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
      : probabilityOutside(n1, n2, divisor: divisor, h: h)
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

  /// Computes the fraction of monotone lattice paths from (0, 0) to
  /// (m, n) that leave the band |i n/g - j m/g| < h at some point.
  ///
  /// A uniformly random path is a Markov chain: from (i, j) it steps to
  /// (i + 1, j) with probability (m - i) / (m - i + n - j), else to
  /// (i, j + 1). The walk carries the probability of reaching each band
  /// point without having left, and adds the mass of every step that
  /// leaves the band to the result. Only positive terms are added, so
  /// p-values far below machine epsilon keep their relative accuracy,
  /// which 1 minus the inside fraction would not.
  static func probabilityOutside(_ first: Int, _ second: Int, divisor: Int, h: Int) -> Double {
    let m = max(first, second)
    let n = min(first, second)
    let band = Band(mg: m / divisor, ng: n / divisor, h: h, n: n)
    var mass = [Double](repeating: 0, count: n + 1)
    var outside = 0.0
    var range = band.range(column: 0)
    mass[0] = 1
    for j in 0..<n where j + 1 < range.upperBound {
      mass[j + 1] = mass[j] * upProbability(m: m, n: n, i: 0, j: j)
    }
    if range.upperBound <= n {
      let last = range.upperBound - 1
      outside += mass[last] * upProbability(m: m, n: n, i: 0, j: last)
    }

    for i in 1...m {
      let next = band.range(column: i)
      for j in range {
        let moved = mass[j] * (1 - upProbability(m: m, n: n, i: i - 1, j: j))
        if next.contains(j) { mass[j] = moved } else { outside += moved }
      }
      for j in next where !range.contains(j) { mass[j] = 0 }
      for j in next where j > next.lowerBound {
        mass[j] += mass[j - 1] * upProbability(m: m, n: n, i: i, j: j - 1)
      }
      if next.upperBound <= n {
        let last = next.upperBound - 1
        outside += mass[last] * upProbability(m: m, n: n, i: i, j: last)
      }
      range = next
    }
    return outside
  }

  /// Computes the probability that a random path at (i, j) steps to
  /// (i, j + 1).
  static func upProbability(m: Int, n: Int, i: Int, j: Int) -> Double {
    let remaining = m - i + n - j
    return remaining == 0 ? 0 : Double(n - j) / Double(remaining)
  }

  /// The points (i, j) with |ng i - mg j| < h, one column at a time.
  struct Band {
    let mg: Int
    let ng: Int
    let h: Int
    let n: Int

    /// Returns the j values of column i that lie inside, clamped to
    /// 0...n. The range is empty when the whole column is outside.
    func range(column i: Int) -> Range<Int> {
      let low = max(KolmogorovSmirnov.floorDivide(ng * i - h, mg) + 1, 0)
      let high = min(KolmogorovSmirnov.ceilDivide(ng * i + h, mg), n + 1)
      return low..<max(low, high)
    }
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
