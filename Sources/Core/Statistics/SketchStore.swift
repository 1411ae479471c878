/// The bucket counts of one sign of a `DDSketch`, stored densely between
/// the lowest and highest index seen.
///
/// When more than `maxBucketCount` buckets are nonempty, the lowest
/// nonempty bucket is folded into the next nonempty one until the limit
/// holds. The kept buckets are therefore always the `maxBucketCount`
/// highest nonempty indices of the values added, with the mass of the
/// lower ones in the lowest kept bucket. That state depends only on the
/// multiset of values, so adding and merging in any order give the same
/// store.
struct SketchStore: Sendable {
  private(set) var counts: [UInt64] = []
  private(set) var offset = 0
  private(set) var nonemptyCount = 0
  private(set) var total: UInt64 = 0
  private var lowestHint = 0
  let maxBucketCount: Int

  init(maxBucketCount: Int) {
    self.maxBucketCount = maxBucketCount
  }

  var isEmpty: Bool { total == 0 }

  /// Adds `count` to bucket `index`; the caller guarantees that the total
  /// does not overflow.
  mutating func add(index: Int, count: UInt64) {
    guard count > 0 else { return }
    reserve(index)
    let slot = index - offset
    if counts[slot] == 0 {
      nonemptyCount += 1
      lowestHint = Swift.min(lowestHint, slot)
    }
    counts[slot] += count
    total += count
    while nonemptyCount > maxBucketCount { foldLowest() }
  }

  /// The nonempty buckets in ascending index order.
  var buckets: [(index: Int, count: UInt64)] {
    var result: [(index: Int, count: UInt64)] = []
    result.reserveCapacity(nonemptyCount)
    for slot in lowestHint..<counts.count where counts[slot] != 0 {
      result.append((offset + slot, counts[slot]))
    }
    return result
  }

  private mutating func reserve(_ index: Int) {
    if counts.isEmpty {
      offset = index - 32
      counts = [UInt64](repeating: 0, count: 64)
      lowestHint = counts.count
      return
    }
    if index < offset {
      let extra = Swift.max(offset - index, counts.count / 2, 32)
      counts.insert(contentsOf: repeatElement(0, count: extra), at: 0)
      offset -= extra
      lowestHint += extra
    } else if index >= offset + counts.count {
      let extra = Swift.max(index - offset - counts.count + 1, counts.count / 2, 32)
      counts.append(contentsOf: repeatElement(0, count: extra))
    }
  }

  private mutating func foldLowest() {
    var low = lowestHint
    while counts[low] == 0 { low += 1 }
    var next = low + 1
    while counts[next] == 0 { next += 1 }
    counts[next] += counts[low]
    counts[low] = 0
    nonemptyCount -= 1
    lowestHint = next
  }
}

extension SketchStore: Equatable {
  static func == (lhs: SketchStore, rhs: SketchStore) -> Bool {
    guard lhs.maxBucketCount == rhs.maxBucketCount, lhs.total == rhs.total,
      lhs.nonemptyCount == rhs.nonemptyCount
    else { return false }
    return lhs.buckets.elementsEqual(rhs.buckets) { $0 == $1 }
  }
}
