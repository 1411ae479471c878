/// The STREAM construction of the age payload: 64 KiB chunks, each sealed
/// with ChaCha20-Poly1305 under the payload key and a 12-byte nonce made of
/// an 11-byte big-endian chunk counter and a final-chunk flag byte.
struct PayloadStream {
  static let chunkSize = 64 * 1024
  static let sealedChunkSize = chunkSize + ChaCha20Poly1305.tagSize
  static let nonceSize = 16

  private let key: SecretBytes
  /// The index of the next chunk.
  private(set) var counter: UInt64 = 0

  /// Derives the payload key HKDF-SHA-256(ikm = file key, salt = nonce,
  /// info = "payload").
  init(fileKey: SecretBytes, nonce: [UInt8]) throws {
    key = try HKDF.deriveKey(inputKeyMaterial: fileKey, salt: nonce, info: Array("payload".utf8))
  }

  /// Encrypts `count` bytes at the start of `buffer` in place as the next
  /// chunk and returns the sealed length.
  mutating func seal(_ buffer: UnsafeMutableRawBufferPointer, count: Int, isFinal: Bool) throws
    -> Int
  {
    let sealed = try ChaCha20Poly1305.sealInPlace(
      buffer, plaintextCount: count, key: key, nonce: try nonce(isFinal: isFinal))
    counter += 1
    return sealed
  }

  /// Decrypts `sealed` as the next chunk into `plaintext` and returns the
  /// plaintext length. The counter advances only when the chunk
  /// authenticates, and `sealed` is left intact either way.
  mutating func open(
    _ sealed: UnsafeRawBufferPointer, into plaintext: UnsafeMutableRawBufferPointer,
    isFinal: Bool
  ) throws -> Int {
    let count = try ChaCha20Poly1305.open(
      sealed, into: plaintext, key: key, nonce: try nonce(isFinal: isFinal))
    counter += 1
    return count
  }

  private func nonce(isFinal: Bool) throws -> [UInt8] {
    // 2^64 chunks of 64 KiB is far beyond any file, but wrapping would reuse nonces.
    guard counter < UInt64.max else { throw AgeError.chunkCounterOverflow }
    var nonce = [UInt8](repeating: 0, count: ChaCha20Poly1305.nonceSize)
    for index in 0..<8 {
      nonce[10 - index] = UInt8(truncatingIfNeeded: counter >> UInt64(8 * index))
    }
    nonce[11] = isFinal ? 1 : 0
    return nonce
  }
}
