/// Exact counts of categorical values (manufacturer, body part, age band,
/// error template) over one bucket such as a day. Merging adds counts, so
/// it is associative and commutative.
public struct CategoryCounts: Equatable, Sendable, Codable {
  public private(set) var counts: [String: UInt64]

  public init(_ counts: [String: UInt64] = [:]) {
    self.counts = counts.filter { $0.value > 0 }
  }

  /// Adds `count` occurrences of `value`. Counts saturate at UInt64.max
  /// instead of trapping.
  public mutating func add(_ value: String, count: UInt64 = 1) {
    guard count > 0 else { return }
    let (sum, overflow) = counts[value, default: 0].addingReportingOverflow(count)
    counts[value] = overflow ? UInt64.max : sum
  }

  /// Adds every count of `other`.
  public mutating func merge(_ other: CategoryCounts) {
    for (value, count) in other.counts { add(value, count: count) }
  }

  public func count(of value: String) -> UInt64 { counts[value] ?? 0 }

  /// The sum of all counts, saturating at UInt64.max.
  public var total: UInt64 {
    counts.values.reduce(0) { partial, count in
      let (sum, overflow) = partial.addingReportingOverflow(count)
      return overflow ? UInt64.max : sum
    }
  }

  public var isEmpty: Bool { counts.isEmpty }

  /// The categories in ascending order of their UTF-8 bytes, an order
  /// that does not depend on the platform or the locale.
  public var sortedCategories: [String] {
    counts.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// Lines up two count tables over the union of their categories, in
  /// `sortedCategories` order, for chi-square, PSI and Jensen-Shannon.
  public static func aligned(_ first: CategoryCounts, _ second: CategoryCounts) -> (
    categories: [String], first: [Double], second: [Double]
  ) {
    var union = first
    union.merge(second)
    let categories = union.sortedCategories
    return (
      categories,
      categories.map { Double(first.count(of: $0)) },
      categories.map { Double(second.count(of: $0)) }
    )
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    self.init(try container.decode([String: UInt64].self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(counts)
  }
}
