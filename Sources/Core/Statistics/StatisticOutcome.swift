/// The reason a statistic has no value for its input.
public enum UndefinedReason: Error, Equatable, Sendable {
  /// A sample, table or count is empty.
  case empty
  /// Fewer observations than the method needs.
  case tooFewObservations(count: Double, minimum: Double)
  /// Fewer than two categories (or rows, or columns) have counts, so
  /// there is nothing to compare.
  case singleCategory
  /// The spread the statistic divides by is zero (for example a MAD of 0
  /// or a pooled proportion of 0 or 1).
  case zeroVariance
  /// An input is negative, NaN or infinite where it must not be.
  case invalidInput(String)
}

/// The result of a test or distance: a statistic with an optional
/// p-value, or the reason it is undefined. Tests without a p-value
/// (distances, PSI, robust z-score) leave it nil.
public enum StatisticOutcome: Equatable, Sendable {
  case computed(statistic: Double, pValue: Double?)
  case undefined(UndefinedReason)

  public var statistic: Double? {
    if case .computed(let statistic, _) = self { return statistic }
    return nil
  }

  public var pValue: Double? {
    if case .computed(_, let pValue) = self { return pValue }
    return nil
  }

  public var undefinedReason: UndefinedReason? {
    if case .undefined(let reason) = self { return reason }
    return nil
  }
}
