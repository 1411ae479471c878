/// A stable 64-bit identifier of a template: the FNV-1a hash of its UTF-8
/// bytes, written as 16 lower-case hex digits. FNV-1a is fixed by its
/// constants, so the same template gets the same fingerprint on every
/// machine, in every run and whatever order the lines arrived in.
public struct Fingerprint: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let value: UInt64

  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x0000_0100_0000_01b3

  public init(value: UInt64) {
    self.value = value
  }

  /// Creates the fingerprint of `bytes`.
  public init(of bytes: some Sequence<UInt8>) {
    var hash = Fingerprint.offsetBasis
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* Fingerprint.prime
    }
    value = hash
  }

  public init(of text: String) {
    self.init(of: text.utf8)
  }

  /// Parses 16 hex digits, as `description` writes them.
  public init?(hex: String) {
    guard hex.utf8.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
    self.value = value
  }

  public var description: String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  public static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool { lhs.value < rhs.value }
}
