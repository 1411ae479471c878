import Core

/// The period, model and version that a review sample is drawn for.
public struct ReviewKey: Hashable, Comparable, Sendable {
  /// A period label such as `2026-10`.
  public var period: String
  public var model: String
  public var version: String

  public init(period: String, model: String, version: String) {
    self.period = period
    self.model = model
    self.version = version
  }

  public static func < (lhs: ReviewKey, rhs: ReviewKey) -> Bool {
    (lhs.period, lhs.model, lhs.version) < (rhs.period, rhs.model, rhs.version)
  }
}

/// Every statistic that AI results produce: per-day aggregates and
/// per-period review samples. It contains pseudonyms only, never a study
/// identifier, and merging two of them gives the statistics of both.
public struct ResultStatistics: Equatable, Sendable {
  public var siteID: String
  public var reviewSize: Int
  public var aggregates: [ResultKey: ResultAggregate] = [:]
  public var reviews: [ReviewKey: ReviewSample] = [:]

  /// Creates empty statistics. `reviewSize` caps each review list.
  public init(siteID: String, reviewSize: Int) {
    self.siteID = siteID
    self.reviewSize = reviewSize
  }

  /// Returns the review period of a day, its calendar month as `YYYY-MM`.
  public static func period(of day: Day) -> String { day.monthLabel }

  public mutating func add(_ record: ResultRecord) {
    let key = ResultKey(day: record.day, model: record.model, version: record.version)
    aggregates[key, default: ResultAggregate()].add(record)

    let reviewKey = ReviewKey(
      period: Self.period(of: record.day), model: record.model, version: record.version)
    let candidate = ReviewCandidate(
      study: record.study, day: record.day, uncertainty: record.uncertainty)
    let empty = emptySample(reviewKey)
    reviews[reviewKey, default: empty].offer(candidate)
  }

  /// Adds the statistics of another snapshot.
  public mutating func merge(_ other: ResultStatistics) throws {
    for (key, aggregate) in other.aggregates {
      if var existing = aggregates[key] {
        try existing.merge(aggregate)
        aggregates[key] = existing
      } else {
        aggregates[key] = aggregate
      }
    }
    for (key, sample) in other.reviews {
      var existing = reviews[key] ?? emptySample(key)
      existing.merge(sample)
      reviews[key] = existing
    }
  }

  private func emptySample(_ key: ReviewKey) -> ReviewSample {
    ReviewSample(seed: ReviewSample.seed(siteID: siteID, period: key.period), size: reviewSize)
  }
}
