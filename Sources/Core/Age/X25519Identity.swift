/// An X25519 secret key that decrypts files sent to its recipient, written
/// as upper-case Bech32 with the human-readable part `AGE-SECRET-KEY-`.
public final class X25519Identity: AgeIdentity {
  static let humanReadablePart = "AGE-SECRET-KEY-"

  private let secretKey: SecretBytes
  /// The recipient that files for this identity are encrypted to.
  public let recipient: X25519Recipient

  /// Creates an identity from a 32-byte secret key.
  public init(secretKey: SecretBytes) throws {
    guard secretKey.count == X25519.keySize else {
      throw CryptoError.invalidLength(
        what: "X25519 secret key", expected: X25519.keySize, actual: secretKey.count)
    }
    self.secretKey = secretKey
    recipient = try X25519Recipient(publicKey: try X25519.publicKey(for: secretKey))
  }

  /// Parses an `AGE-SECRET-KEY-1...` string. `source` and `line` name
  /// where it came from in errors, which never quote the key itself.
  public convenience init(_ text: String, source: String = "input", line: Int = 1) throws {
    let decoded: (hrp: String, data: [UInt8])
    do {
      decoded = try Bech32.decode(text)
    } catch {
      throw AgeError.invalidIdentity(source: source, line: line, .bech32(error))
    }
    var data = decoded.data
    defer { wipe(&data) }
    guard decoded.hrp == Self.humanReadablePart else {
      throw AgeError.invalidIdentity(
        source: source, line: line, .wrongPrefix(expected: Self.humanReadablePart + "1"))
    }
    guard data.count == X25519.keySize else {
      throw AgeError.invalidIdentity(
        source: source, line: line, .wrongLength(expected: X25519.keySize, actual: data.count))
    }
    try self.init(secretKey: SecretBytes(copying: data))
  }

  /// Creates a new random identity.
  public static func generate() throws -> X25519Identity {
    try X25519Identity(secretKey: try X25519.generateSecretKey())
  }

  /// Returns the `AGE-SECRET-KEY-1...` encoding. The string is secret: write
  /// it only to a key file.
  public func encodedSecretKey() -> String {
    var bytes = secretKey.exposedCopy()
    defer { wipe(&bytes) }
    return Bech32.encode(hrp: Self.humanReadablePart, data: bytes, uppercase: true)
  }

  public func unwrap(stanzas: [AgeStanza]) throws -> SecretBytes? {
    for stanza in stanzas where stanza.type == X25519Recipient.stanzaType {
      if let fileKey = try unwrap(stanza) { return fileKey }
    }
    return nil
  }

  private func unwrap(_ stanza: AgeStanza) throws -> SecretBytes? {
    let type = X25519Recipient.stanzaType
    guard stanza.arguments.count == 2 else {
      throw AgeError.invalidStanza(
        type: type, line: stanza.line,
        .wrongArgumentCount(expected: 2, actual: stanza.arguments.count))
    }
    guard let share = AgeBase64.decode(stanza.arguments[1]), share.count == X25519.keySize else {
      throw AgeError.invalidStanza(type: type, line: stanza.line, .invalidShare)
    }
    // Checking the length first keeps a wrong-length body from being
    // tried as a ciphertext (a partitioning-oracle defense in the spec).
    guard stanza.body.count == AgeFileKey.wrappedSize else {
      throw AgeError.invalidStanza(
        type: type, line: stanza.line,
        .wrongBodyLength(expected: AgeFileKey.wrappedSize, actual: stanza.body.count))
    }

    let shared: SecretBytes
    do {
      shared = try X25519.sharedSecret(secretKey: secretKey, peerPublicKey: share)
    } catch CryptoError.lowOrderPoint {
      throw AgeError.lowOrderShare(line: stanza.line)
    }
    let wrapKey = try HKDF.deriveKey(
      inputKeyMaterial: shared, salt: share + recipient.publicKey, info: X25519Recipient.keyInfo)
    do {
      return try ChaCha20Poly1305.openSecret(stanza.body, key: wrapKey, nonce: AgeFileKey.zeroNonce)
    } catch CryptoError.authenticationFailed {
      return nil
    }
  }
}
