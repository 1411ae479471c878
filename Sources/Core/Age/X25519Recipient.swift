/// An X25519 public key to encrypt to, written as Bech32 with the
/// human-readable part `age` (`age1...`).
public struct X25519Recipient: AgeRecipient, Equatable, Sendable, CustomStringConvertible {
  static let stanzaType = "X25519"
  static let humanReadablePart = "age"
  static let keyInfo = Array("age-encryption.org/v1/X25519".utf8)

  /// The 32-byte Curve25519 public key.
  public let publicKey: [UInt8]

  public init(publicKey: [UInt8]) throws {
    guard publicKey.count == X25519.keySize else {
      throw AgeError.invalidRecipient(
        Bech32.encode(hrp: Self.humanReadablePart, data: publicKey),
        .wrongLength(expected: X25519.keySize, actual: publicKey.count))
    }
    self.publicKey = publicKey
  }

  /// Parses an `age1...` string.
  public init(_ text: String) throws {
    let decoded: (hrp: String, data: [UInt8])
    do {
      decoded = try Bech32.decode(text)
    } catch {
      throw AgeError.invalidRecipient(text, .bech32(error))
    }
    guard decoded.hrp.lowercased() == Self.humanReadablePart else {
      if decoded.hrp.lowercased().hasPrefix("age1") {
        throw AgeError.unsupportedRecipientType(text)
      }
      throw AgeError.invalidRecipient(text, .wrongPrefix(expected: "age1"))
    }
    guard decoded.data.count == X25519.keySize else {
      throw AgeError.invalidRecipient(
        text, .wrongLength(expected: X25519.keySize, actual: decoded.data.count))
    }
    publicKey = decoded.data
  }

  /// The `age1...` encoding.
  public var description: String {
    Bech32.encode(hrp: Self.humanReadablePart, data: publicKey)
  }

  /// Wraps `fileKey` with a new ephemeral key:
  /// body = ChaCha20-Poly1305(HKDF(X25519(ephemeral, recipient),
  /// salt = share || recipient), file key).
  public func wrap(fileKey: SecretBytes) throws -> [AgeStanza] {
    let ephemeral = try X25519.generateSecretKey()
    let share = try X25519.publicKey(for: ephemeral)
    let shared = try X25519.sharedSecret(secretKey: ephemeral, peerPublicKey: publicKey)
    let wrapKey = try HKDF.deriveKey(
      inputKeyMaterial: shared, salt: share + publicKey, info: Self.keyInfo)
    let body = try ChaCha20Poly1305.seal(secret: fileKey, key: wrapKey, nonce: AgeFileKey.zeroNonce)
    return [AgeStanza(arguments: [Self.stanzaType, AgeBase64.encodedString(share)], body: body)]
  }
}
