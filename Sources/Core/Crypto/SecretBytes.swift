import CSodium

/// Key material held outside Swift's copy-on-write storage, so that
/// exactly one copy exists and `sodium_memzero` wipes it when the value is
/// released.
public final class SecretBytes {
  private let storage: UnsafeMutableRawBufferPointer
  /// The number of bytes.
  public let count: Int

  /// Creates `count` zero bytes.
  public init(count: Int) {
    precondition(count >= 0, "negative SecretBytes count")
    self.count = count
    // One spare byte keeps the base address non-null for empty secrets.
    storage = .allocate(byteCount: max(count, 1), alignment: 16)
    storage.initializeMemory(as: UInt8.self, repeating: 0)
  }

  /// Copies `bytes`. The caller remains responsible for wiping its copy.
  public convenience init(copying bytes: UnsafeRawBufferPointer) {
    self.init(count: bytes.count)
    if let source = bytes.baseAddress, count > 0 {
      storage.baseAddress!.copyMemory(from: source, byteCount: count)
    }
  }

  /// Copies `bytes`. The caller remains responsible for wiping its copy.
  public convenience init(copying bytes: [UInt8]) {
    self.init(count: bytes.count)
    bytes.withUnsafeBytes { source in
      if count > 0 { storage.baseAddress!.copyMemory(from: source.baseAddress!, byteCount: count) }
    }
  }

  /// Creates `count` bytes from the operating system's secure random source.
  public static func random(count: Int) throws -> SecretBytes {
    let secret = SecretBytes(count: count)
    try secret.withUnsafeMutableBytes { try SecureRandom.fill($0) }
    return secret
  }

  deinit {
    sodium_memzero(storage.baseAddress!, storage.count)
    storage.deallocate()
  }

  /// Calls `body` with the bytes. The pointer is valid only inside `body`.
  public func withUnsafeBytes<Result>(
    _ body: (UnsafeRawBufferPointer) throws -> Result
  ) rethrows -> Result {
    try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
  }

  /// Calls `body` with writable bytes. The pointer is valid only inside `body`.
  public func withUnsafeMutableBytes<Result>(
    _ body: (UnsafeMutableRawBufferPointer) throws -> Result
  ) rethrows -> Result {
    try body(UnsafeMutableRawBufferPointer(rebasing: storage[0..<count]))
  }

  /// Compares with `other` in time that depends only on the length.
  public func constantTimeEquals(_ other: SecretBytes) -> Bool {
    guard count == other.count else { return false }
    return sodium_memcmp(storage.baseAddress!, other.storage.baseAddress!, count) == 0
  }

  /// Returns a copy as an ordinary array, for values that are about to be
  /// published (public keys, ciphertexts) or written to a key file.
  public func exposedCopy() -> [UInt8] {
    withUnsafeBytes { Array($0) }
  }
}
