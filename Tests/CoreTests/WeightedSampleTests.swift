import Testing

@testable import Core

@Suite struct WeightedSampleTests {
  @Test func weightedSampleDropsInvalidPairs() {
    let sample = WeightedSample(values: [3, .nan, 1, 2, .infinity], weights: [1, 1, 0, 2, 1])
    #expect(sample.sortedValues == [2, 3])
    #expect(sample.weights == [2, 1])
  }
}
