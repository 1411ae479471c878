/// Pearson's chi-square test of independence on a contingency table of
/// counts, such as the count of each manufacturer (columns) in a baseline
/// month and the current month (rows).
///
/// Rows and columns whose counts are all zero are dropped first: a
/// category seen in neither period carries no information, and keeping
/// it would make an expected count zero. No continuity correction is
/// applied, which matches `scipy.stats.chi2_contingency(table,
/// correction=False)`. The p-value is the chi-square survival function
/// with (rows - 1)(columns - 1) degrees of freedom.
///
/// Minimum sample: two nonempty rows and two nonempty columns; otherwise
/// the outcome is `.undefined(.singleCategory)` or `.undefined(.empty)`.
/// The chi-square approximation is poor when expected counts fall below
/// about 5. `DriftPolicy.minimumCount` keeps them at 5 or more for categories
/// with a share of at least 5% (at the presets' 100 per period).
public enum ChiSquareTest {
  /// Tests independence of the rows and columns of `table` (row-major,
  /// all rows the same length, counts finite and nonnegative).
  public static func test(_ table: [[Double]]) -> StatisticOutcome {
    switch reduce(table) {
    case .failure(let reason):
      return .undefined(reason)
    case .success(let reduced):
      let statistic = pearsonStatistic(reduced)
      let degrees = Double((reduced.count - 1) * (reduced[0].count - 1))
      let pValue = SpecialFunctions.chiSquareSurvival(statistic, degreesOfFreedom: degrees)
      return .computed(statistic: statistic, pValue: pValue)
    }
  }

  /// Tests whether two count tables over categories come from the same
  /// distribution, as a 2 x k table over the union of their categories.
  public static func test(_ first: CategoryCounts, _ second: CategoryCounts) -> StatisticOutcome {
    let aligned = CategoryCounts.aligned(first, second)
    return test([aligned.first, aligned.second])
  }

  /// Returns the degrees of freedom of the table after empty rows and
  /// columns are dropped, or nil when the test is undefined.
  public static func degreesOfFreedom(_ table: [[Double]]) -> Int? {
    guard case .success(let reduced) = reduce(table) else { return nil }
    return (reduced.count - 1) * (reduced[0].count - 1)
  }

  static func reduce(_ table: [[Double]]) -> Result<[[Double]], UndefinedReason> {
    guard let width = table.first?.count, width > 0 else { return .failure(.empty) }
    guard table.allSatisfy({ $0.count == width }) else {
      return .failure(.invalidInput("rows of different lengths"))
    }
    guard table.allSatisfy({ $0.allSatisfy { $0.isFinite && $0 >= 0 } }) else {
      return .failure(.invalidInput("negative or non-finite count"))
    }
    let rows = table.filter { $0.contains { $0 > 0 } }
    guard !rows.isEmpty else { return .failure(.empty) }
    let columns = (0..<width).filter { column in rows.contains { $0[column] > 0 } }
    guard rows.count >= 2, columns.count >= 2 else { return .failure(.singleCategory) }
    return .success(rows.map { row in columns.map { row[$0] } })
  }

  /// Sums (observed - expected)^2 / expected with expected counts
  /// rowTotal * columnTotal / total.
  static func pearsonStatistic(_ table: [[Double]]) -> Double {
    let rowTotals = table.map { $0.reduce(0, +) }
    let columnTotals = table[0].indices.map { column in
      table.reduce(0) { $0 + $1[column] }
    }
    let total = rowTotals.reduce(0, +)
    var statistic = 0.0
    for (row, counts) in table.enumerated() {
      for (column, observed) in counts.enumerated() {
        let expected = rowTotals[row] * columnTotals[column] / total
        let difference = observed - expected
        statistic += difference * difference / expected
      }
    }
    return statistic
  }
}
