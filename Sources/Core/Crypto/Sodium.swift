import CSodium

/// The libsodium runtime. Every wrapper in this folder starts it before its
/// first call into the library.
enum Sodium {
  /// The result of `sodium_init()`: 0 or 1 when the library is ready, -1
  /// when it could not start. Swift runs the initializer of a static
  /// stored property once, even when several threads read it at the same
  /// time, so `sodium_init()` runs once per process.
  private static let initializationResult: Int32 = sodium_init()

  /// Starts libsodium, or throws when it cannot start (no usable random
  /// source, for example).
  static func start() throws {
    guard initializationResult >= 0 else { throw CryptoError.libraryUnavailable }
  }

  /// Starts libsodium for a function that cannot fail. `sodium_init()`
  /// only selects faster implementations for these functions (see
  /// sodium/core.c in libsodium), so they work without it, and an
  /// initialization failure is left to the functions that need the random
  /// source.
  static func startIfPossible() {
    _ = initializationResult
  }
}

/// Calls `body` with a non-null pointer to the bytes and their count.
/// libsodium declares its pointer arguments non-null even when the length
/// is zero, and an empty Swift array has no base address.
func withNonNullBytes<Result>(
  _ bytes: UnsafeRawBufferPointer, _ body: (UnsafePointer<UInt8>, Int) throws -> Result
) rethrows -> Result {
  guard let base = bytes.baseAddress, bytes.count > 0 else {
    var placeholder: UInt8 = 0
    return try withUnsafePointer(to: &placeholder) { try body($0, 0) }
  }
  return try body(base.assumingMemoryBound(to: UInt8.self), bytes.count)
}

/// Calls `body` with a non-null pointer to the array's bytes and their count.
func withNonNullBytes<Result>(
  _ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) throws -> Result
) rethrows -> Result {
  try bytes.withUnsafeBytes { try withNonNullBytes($0, body) }
}

/// Overwrites the array's bytes with zeros in a way the compiler cannot
/// remove, for temporary copies of key material.
func wipe(_ bytes: inout [UInt8]) {
  bytes.withUnsafeMutableBytes { buffer in
    if let base = buffer.baseAddress { sodium_memzero(base, buffer.count) }
  }
}

/// Overwrites the buffer with zeros in a way the compiler cannot remove.
func wipe(_ buffer: UnsafeMutableRawBufferPointer) {
  if let base = buffer.baseAddress { sodium_memzero(base, buffer.count) }
}
