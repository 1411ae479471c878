import Foundation
import Testing

@testable import Core

@Suite struct CategoryCountsTests {
  @Test func addsAndMergesCounts() {
    var first = CategoryCounts()
    first.add("CT")
    first.add("MR", count: 3)
    var second = CategoryCounts(["CT": 2, "CR": 5])
    second.merge(first)
    #expect(second.counts == ["CT": 3, "MR": 3, "CR": 5])
    #expect(second.total == 11)
    #expect(second.count(of: "US") == 0)
  }

  @Test func mergeIsCommutativeAndAssociative() {
    let a = CategoryCounts(["x": 1, "y": 2])
    let b = CategoryCounts(["y": 5, "z": 1])
    let c = CategoryCounts(["x": 7])
    var left = a
    left.merge(b)
    left.merge(c)
    var right = c
    var bc = b
    bc.merge(a)
    right.merge(bc)
    #expect(left == right)
  }

  @Test func zeroCountsAreNotStored() {
    var counts = CategoryCounts(["a": 0])
    counts.add("b", count: 0)
    #expect(counts.isEmpty)
  }

  @Test func countsSaturateInsteadOfTrapping() {
    var counts = CategoryCounts(["a": UInt64.max - 1])
    counts.add("a", count: 5)
    counts.add("b", count: 1)
    #expect(counts.count(of: "a") == UInt64.max)
    #expect(counts.total == UInt64.max)
  }

  @Test func sortsCategoriesByUTF8Bytes() {
    let counts = CategoryCounts(["b": 1, "B": 1, "a": 1, "é": 1])
    #expect(counts.sortedCategories == ["B", "a", "b", "é"])
  }

  @Test func alignsOverUnionOfCategories() {
    let aligned = CategoryCounts.aligned(
      CategoryCounts(["CT": 4, "MR": 1]), CategoryCounts(["CR": 2, "CT": 3]))
    #expect(aligned.categories == ["CR", "CT", "MR"])
    #expect(aligned.first == [0, 4, 1])
    #expect(aligned.second == [2, 3, 0])
  }

  @Test func encodesAsJSONObject() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(CategoryCounts(["HFS": 12, "FFS": 3]))
    #expect(String(decoding: data, as: UTF8.self) == #"{"FFS":3,"HFS":12}"#)
    let decoded = try JSONDecoder().decode(CategoryCounts.self, from: data)
    #expect(decoded == CategoryCounts(["HFS": 12, "FFS": 3]))
  }
}
