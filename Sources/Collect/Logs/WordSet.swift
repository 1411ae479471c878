/// A set of words looked up by a 64-bit hash of their lower-cased UTF-8
/// bytes, so that a lookup allocates nothing. Lower-casing folds ASCII
/// letters and the Cyrillic capitals А-Я and Ё.
/// The hashes sit in an open-addressing table indexed by their low bits,
/// which is several times faster than `Set` for this hot path.
struct WordSet: Sendable {
  private let slots: [UInt64]
  private let mask: Int
  let maxLength: Int

  init(_ words: [String]) {
    var size = 16
    while size < words.count * 4 { size *= 2 }
    var table = [UInt64](repeating: 0, count: size)
    for word in words {
      let hash = Array(word.utf8).withUnsafeBufferPointer { WordSet.foldedHash($0) }
      var index = Int(truncatingIfNeeded: hash) & (size - 1)
      while table[index] != 0, table[index] != hash { index = (index + 1) & (size - 1) }
      table[index] = hash
    }
    slots = table
    mask = size - 1
    maxLength = words.map { $0.utf8.count }.max() ?? 0
  }

  func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.count <= maxLength, !word.isEmpty else { return false }
    let hash = WordSet.foldedHash(word)
    var index = Int(truncatingIfNeeded: hash) & mask
    while true {
      let slot = slots[index]
      if slot == hash { return true }
      if slot == 0 { return false }
      index = (index + 1) & mask
    }
  }

  /// Returns the FNV-1a hash of the lower-cased bytes of `word`.
  static func foldedHash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = Fingerprint.offsetBasis
    var index = 0
    let count = word.count
    while index < count {
      var byte = word[index]
      if byte >= 0x41, byte <= 0x5A {
        byte |= 0x20
      } else if byte == 0xD0, index + 1 < count {
        let next = word[index + 1]
        var lead: UInt8 = 0xD0
        var trail = next
        if next >= 0x90, next <= 0x9F {
          trail = next + 0x20
        } else if next >= 0xA0, next <= 0xAF {
          lead = 0xD1
          trail = next - 0x20
        } else if next == 0x81 {
          lead = 0xD1
          trail = 0x91
        }
        hash = (hash ^ UInt64(lead)) &* Fingerprint.prime
        hash = (hash ^ UInt64(trail)) &* Fingerprint.prime
        index += 2
        continue
      }
      hash = (hash ^ UInt64(byte)) &* Fingerprint.prime
      index += 1
    }
    return hash
  }
}
