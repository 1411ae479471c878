import Core

/// One study chosen for review, as a pseudonym.
public struct ReviewCandidate: Equatable, Sendable {
  public var study: String
  /// The first day the study's result was seen.
  public var day: Day
  /// The study's highest uncertainty, nil when its results had none.
  public var uncertainty: Double?

  public init(study: String, day: Day, uncertainty: Double?) {
    self.study = study
    self.day = day
    self.uncertainty = uncertainty
  }
}

/// The list of a review sample that a study was chosen for, named as in
/// the `reason` column of the `review` table.
public enum ReviewReason: String, Equatable, Sendable {
  case random
  case uncertain
}

/// Studies of one period, model and version for the vendor's physician:
/// a seeded uniform random sample and the most uncertain studies.
///
/// The random part is bottom-k sampling: each study gets a priority, a
/// hash of its pseudonym under the seed, and the sample keeps the `size`
/// studies with the smallest priorities. Because the priority depends
/// only on the study and the seed, the sample is the same in any arrival
/// order, two samples merge into the sample of the union, and a study
/// seen twice counts once.
public struct ReviewSample: Equatable, Sendable {
  public let seed: UInt64
  /// The maximum number of studies in each of the two lists.
  public let size: Int
  /// Sorted by priority, then pseudonym.
  public private(set) var random: [ReviewCandidate] = []
  /// The priority of each entry of `random`, kept so that an offer
  /// hashes only the offered study.
  private var priorities: [UInt64] = []
  /// Sorted by uncertainty, highest first, then pseudonym.
  public private(set) var uncertain: [ReviewCandidate] = []
  /// The pseudonyms in each list, so that an offer finds a repeated study
  /// without scanning a list of up to `size` entries.
  private var randomStudies: Set<String> = []
  private var uncertainStudies: Set<String> = []

  public init(seed: UInt64, size: Int) {
    self.seed = seed
    self.size = max(0, size)
  }

  /// Returns the seed for a site and a period label such as `2026-10`, so
  /// each site and period draws its own sample.
  public static func seed(siteID: String, period: String) -> UInt64 {
    StableHash.hash(siteID + "\u{0}" + period)
  }

  /// Returns the study's priority: its `StableHash` combined with the
  /// seed and mixed again, so each seed orders the studies differently.
  public func priority(of study: String) -> UInt64 {
    StableHash.finalise(StableHash.hash(study) ^ seed)
  }

  /// Offers one study to both lists.
  public mutating func offer(_ candidate: ReviewCandidate) {
    offerRandom(candidate)
    if candidate.uncertainty != nil { offerUncertain(candidate) }
  }

  /// Offers a study to one list only, as when a sample is restored from
  /// the rows the state database keeps.
  public mutating func offer(_ candidate: ReviewCandidate, reason: ReviewReason) {
    switch reason {
    case .random: offerRandom(candidate)
    case .uncertain: offerUncertain(candidate)
    }
  }

  /// Offers every study of another sample drawn with the same seed.
  public mutating func merge(_ other: ReviewSample) {
    for candidate in other.random { offerRandom(candidate) }
    for candidate in other.uncertain { offerUncertain(candidate) }
  }

  private mutating func offerRandom(_ candidate: ReviewCandidate) {
    if randomStudies.contains(candidate.study),
      let index = random.firstIndex(where: { $0.study == candidate.study })
    {
      random[index].day = min(random[index].day, candidate.day)
      random[index].uncertainty = maximum(random[index].uncertainty, candidate.uncertainty)
      return
    }
    let key = (priority(of: candidate.study), candidate.study)
    if random.count == size, let last = random.last, (priorities[size - 1], last.study) < key {
      return
    }
    let index =
      random.indices.first { (priorities[$0], random[$0].study) > key } ?? random.count
    guard index < size else { return }
    random.insert(candidate, at: index)
    priorities.insert(key.0, at: index)
    randomStudies.insert(candidate.study)
    if random.count > size {
      randomStudies.remove(random.removeLast().study)
      priorities.removeLast()
    }
  }

  // NOTE: a study that fell out of the list and returns with a higher
  // uncertainty comes back with the day of its later result only.
  private mutating func offerUncertain(_ candidate: ReviewCandidate) {
    var candidate = candidate
    if uncertainStudies.contains(candidate.study),
      let index = uncertain.firstIndex(where: { $0.study == candidate.study })
    {
      let existing = uncertain.remove(at: index)
      uncertainStudies.remove(existing.study)
      candidate.day = min(existing.day, candidate.day)
      candidate.uncertainty = maximum(existing.uncertainty, candidate.uncertainty)
    }
    let value = candidate.uncertainty ?? -.infinity
    if uncertain.count == size, let last = uncertain.last, (last.uncertainty ?? -.infinity) > value
    {
      return
    }
    let index =
      uncertain.firstIndex {
        let other = $0.uncertainty ?? -.infinity
        return other < value || (other == value && $0.study > candidate.study)
      } ?? uncertain.count
    guard index < size else { return }
    uncertain.insert(candidate, at: index)
    uncertainStudies.insert(candidate.study)
    if uncertain.count > size {
      uncertainStudies.remove(uncertain.removeLast().study)
    }
  }
}

private func maximum(_ left: Double?, _ right: Double?) -> Double? {
  guard let left else { return right }
  guard let right else { return left }
  return max(left, right)
}
