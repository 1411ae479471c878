/// Decrypts an age v1 file from a `ByteInput`, one chunk at a time, in
/// constant memory. Creating it reads and checks the header; `next()` then
/// returns each authenticated chunk of plaintext.
///
/// A chunk is returned only after its tag verifies, but a later chunk may
/// still fail, so a caller must treat the plaintext as unauthenticated
/// until `next()` returns nil.
public final class AgeDecryptor {
  /// The choice of reading the input as ASCII armor or as binary.
  public enum ArmorMode: Sendable {
    /// Armored when the input starts with whitespace or `-`, which no
    /// binary age file does.
    case detect
    case required
    case forbidden
  }

  /// Whether the input was armored.
  public let isArmored: Bool
  /// The header's recipient stanzas.
  public let stanzas: [AgeStanza]

  private let reader: BufferedInput
  private var stream: PayloadStream
  private var sealed: UnsafeMutableRawBufferPointer
  private var pendingError: AgeError?
  private var finished = false

  /// Reads the header from `input`, unwraps the file key with the first
  /// identity that matches a stanza, verifies the header MAC and reads the
  /// payload nonce.
  public init(
    input: any ByteInput, identities: [any AgeIdentity], armor: ArmorMode = .detect
  ) throws {
    var reader = BufferedInput(input)
    switch armor {
    case .detect:
      let first = try reader.peekByte()
      isArmored = first.map { Armor.isWhitespace($0) || $0 == UInt8(ascii: "-") } ?? false
    case .required: isArmored = true
    case .forbidden: isArmored = false
    }
    if isArmored { reader = BufferedInput(try ArmorDecoder(reader: reader)) }
    self.reader = reader

    var parser = AgeHeaderParser(reader: reader)
    let header = try parser.parse()
    stanzas = header.stanzas
    let fileKey = try Self.unwrapFileKey(header: header, identities: identities)
    guard try header.verifyMAC(fileKey: fileKey) else { throw AgeError.headerMACMismatch }

    var nonce = [UInt8](repeating: 0, count: PayloadStream.nonceSize)
    let nonceLength = try nonce.withUnsafeMutableBytes { try reader.readFully(into: $0) }
    guard nonceLength == PayloadStream.nonceSize else {
      throw AgeError.truncatedNonce(length: nonceLength)
    }
    stream = try PayloadStream(fileKey: fileKey, nonce: nonce)
    sealed = .allocate(byteCount: PayloadStream.sealedChunkSize, alignment: 16)
  }

  deinit {
    sealed.deallocate()
  }

  private static func unwrapFileKey(header: AgeHeader, identities: [any AgeIdentity]) throws
    -> SecretBytes
  {
    let stanzas = header.stanzas
    if stanzas.count > 1, stanzas.contains(where: { $0.type == ScryptRecipient.stanzaType }) {
      throw AgeError.scryptStanzaNotAlone(stanzaCount: stanzas.count)
    }
    for identity in identities {
      if let fileKey = try identity.unwrap(stanzas: stanzas) { return fileKey }
    }
    throw AgeError.noMatchingIdentity(stanzaTypes: stanzas.map(\.type))
  }
}

extension AgeDecryptor {
  /// Returns the next chunk of plaintext (at most 64 KiB), or nil after the
  /// final chunk, once the input is known to end there. An empty file
  /// returns nil at once.
  public func next() throws -> [UInt8]? {
    if let error = pendingError { throw error }
    if finished { return nil }
    do {
      return try readChunk()
    } catch let error as AgeError {
      pendingError = error
      throw error
    }
  }

  /// Returns the whole plaintext of an age file in memory.
  public static func decrypt(
    _ file: [UInt8], identities: [any AgeIdentity], armor: ArmorMode = .detect
  ) throws -> [UInt8] {
    let decryptor = try AgeDecryptor(
      input: BufferInput(file), identities: identities, armor: armor)
    var plaintext: [UInt8] = []
    while let chunk = try decryptor.next() { plaintext += chunk }
    return plaintext
  }

  private func readChunk() throws -> [UInt8]? {
    let index = Int(stream.counter)
    let length = try reader.readFully(into: sealed)
    guard length > 0 else { throw AgeError.missingFinalChunk(chunk: index) }
    guard length >= ChaCha20Poly1305.tagSize else {
      throw AgeError.truncatedChunk(chunk: index, length: length)
    }
    let input = UnsafeRawBufferPointer(rebasing: sealed[0..<length])

    // A short chunk must be the final one. A full chunk is usually not, but
    // may be, so it is tried both ways.
    let isFull = length == PayloadStream.sealedChunkSize
    if isFull, let plaintext = try? open(input, isFinal: false) { return plaintext }
    guard let plaintext = try? open(input, isFinal: true) else {
      throw AgeError.payloadAuthenticationFailed(chunk: index)
    }
    finished = true
    if plaintext.isEmpty, index > 0 { throw AgeError.emptyFinalChunk(chunk: index) }
    if isFull, try reader.peekByte() != nil {
      // The chunk authenticated, so the caller gets it, and the error next.
      pendingError = AgeError.trailingData(afterChunk: index)
    }
    return plaintext.isEmpty ? nil : plaintext
  }

  private func open(_ input: UnsafeRawBufferPointer, isFinal: Bool) throws -> [UInt8] {
    let capacity = input.count - ChaCha20Poly1305.tagSize
    return try [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      count = 0
      count = try stream.open(input, into: UnsafeMutableRawBufferPointer(buffer), isFinal: isFinal)
    }
  }
}
