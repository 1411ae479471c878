import Core
import Testing

@testable import Collect

private let day = Day("2026-10-03")!

private func candidates(_ count: Int) -> [ReviewCandidate] {
  (0..<count).map { index in
    ReviewCandidate(
      study: "p:S\(index)", day: day.adding(days: index % 5),
      uncertainty: Double((index * 37) % 101) / 100)
  }
}

/// Shuffles with a linear congruential generator, so the test
/// does not depend on the system's random source.
private func shuffled<T>(_ items: [T], seed: UInt64) -> [T] {
  var items = items
  var state = seed
  for index in stride(from: items.count - 1, to: 0, by: -1) {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    items.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
  }
  return items
}

@Suite struct ReviewSampleTests {
  @Test func seedAndPriorityMatchReference() {
    // Reference values from an independent Python implementation of
    // FNV-1a 64 followed by the SplitMix64 finaliser.
    let seed = ReviewSample.seed(siteID: "0b7d2c8e-5f1a-4e39-9a57-3f7c1d2e8b40", period: "2026-10")
    #expect(seed == 10_950_021_227_455_541_198)
    let sample = ReviewSample(seed: seed, size: 1)
    #expect(sample.priority(of: "p:ABCDEFGH") == 544_558_339_890_190_430)
    let other = ReviewSample(seed: 42, size: 1)
    #expect(other.priority(of: "p:ABCDEFGH") == 2_612_313_380_562_822_802)
  }

  @Test func randomSampleIsSmallestPriorities() {
    var sample = ReviewSample(seed: 7, size: 10)
    let all = candidates(300)
    for candidate in all { sample.offer(candidate) }

    let expected = all.map(\.study).sorted {
      (sample.priority(of: $0), $0) < (sample.priority(of: $1), $1)
    }.prefix(10)
    #expect(sample.random.map(\.study) == Array(expected))
  }

  @Test func sameSampleInAnyOrder() {
    let all = candidates(300)
    var forward = ReviewSample(seed: 7, size: 10)
    var mixed = ReviewSample(seed: 7, size: 10)
    for candidate in all { forward.offer(candidate) }
    for candidate in shuffled(all, seed: 99) { mixed.offer(candidate) }
    #expect(forward == mixed)
  }

  @Test func mergeEqualsOneSample() {
    let all = candidates(300)
    var whole = ReviewSample(seed: 7, size: 10)
    var left = ReviewSample(seed: 7, size: 10)
    var right = ReviewSample(seed: 7, size: 10)
    for (index, candidate) in all.enumerated() {
      whole.offer(candidate)
      if index % 3 == 0 { left.offer(candidate) } else { right.offer(candidate) }
    }
    left.merge(right)
    #expect(left == whole)
  }

  @Test func seedChangesSample() {
    let all = candidates(300)
    var first = ReviewSample(seed: ReviewSample.seed(siteID: "site", period: "2026-10"), size: 10)
    var second = ReviewSample(seed: ReviewSample.seed(siteID: "site", period: "2026-11"), size: 10)
    for candidate in all {
      first.offer(candidate)
      second.offer(candidate)
    }
    #expect(first.random.map(\.study) != second.random.map(\.study))
    #expect(first.uncertain == second.uncertain)
  }

  @Test func mostUncertainFirst() {
    var sample = ReviewSample(seed: 1, size: 3)
    sample.offer(ReviewCandidate(study: "p:A", day: day, uncertainty: 0.2))
    sample.offer(ReviewCandidate(study: "p:B", day: day, uncertainty: 0.9))
    sample.offer(ReviewCandidate(study: "p:C", day: day, uncertainty: nil))
    sample.offer(ReviewCandidate(study: "p:D", day: day, uncertainty: 0.5))
    sample.offer(ReviewCandidate(study: "p:E", day: day, uncertainty: 0.5))
    sample.offer(ReviewCandidate(study: "p:F", day: day, uncertainty: 0.1))
    #expect(sample.uncertain.map(\.study) == ["p:B", "p:D", "p:E"])
    #expect(sample.uncertain.map(\.uncertainty) == [0.9, 0.5, 0.5])
  }

  @Test func repeatedStudyCountsOnce() {
    var sample = ReviewSample(seed: 1, size: 5)
    sample.offer(ReviewCandidate(study: "p:A", day: day.adding(days: 2), uncertainty: 0.2))
    sample.offer(ReviewCandidate(study: "p:A", day: day, uncertainty: 0.7))
    sample.offer(ReviewCandidate(study: "p:A", day: day.adding(days: 1), uncertainty: 0.1))
    #expect(sample.random == [ReviewCandidate(study: "p:A", day: day, uncertainty: 0.7)])
    #expect(sample.uncertain == [ReviewCandidate(study: "p:A", day: day, uncertainty: 0.7)])
  }

  @Test func zeroSizeKeepsNothing() {
    var sample = ReviewSample(seed: 1, size: 0)
    for candidate in candidates(10) { sample.offer(candidate) }
    #expect(sample.random.isEmpty)
    #expect(sample.uncertain.isEmpty)
  }
}

extension ReviewSampleTests {
  @Test func largeSampleKeepsOrderInvariants() {
    var sample = ReviewSample(seed: 3, size: 500)
    let all = candidates(3000)
    for candidate in shuffled(all + all, seed: 5) { sample.offer(candidate) }
    let priorities = sample.random.map { sample.priority(of: $0.study) }
    #expect(sample.random.count == 500)
    #expect(priorities == priorities.sorted())
    #expect(Set(sample.random.map(\.study)).count == 500)
    let uncertainties = sample.uncertain.compactMap(\.uncertainty)
    #expect(uncertainties.count == 500)
    #expect(uncertainties == uncertainties.sorted(by: >))
  }
}
