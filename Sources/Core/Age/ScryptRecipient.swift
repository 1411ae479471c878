/// A passphrase to encrypt to, with scrypt as the key derivation. A file
/// with a passphrase recipient has no other recipient.
public struct ScryptRecipient: AgeRecipient {
  static let stanzaType = "scrypt"
  static let saltLabel = Array("age-encryption.org/v1/scrypt".utf8)
  static let saltSize = 16

  private let passphrase: SecretBytes
  /// The base-2 logarithm of the scrypt work factor N.
  public let logN: Int

  /// Creates a recipient for `passphrase`. The default work factor 2^18
  /// takes about a second and 256 MiB of memory per derivation.
  public init(passphrase: SecretBytes, logN: Int = 18) {
    self.passphrase = passphrase
    self.logN = logN
  }

  public var requiresSoleRecipient: Bool { true }

  /// Wraps `fileKey` under a key derived from the passphrase and a new salt.
  public func wrap(fileKey: SecretBytes) throws -> [AgeStanza] {
    let salt = try SecureRandom.bytes(count: Self.saltSize)
    let wrapKey = try Self.deriveKey(passphrase: passphrase, salt: salt, logN: logN)
    let body = try ChaCha20Poly1305.seal(secret: fileKey, key: wrapKey, nonce: AgeFileKey.zeroNonce)
    let arguments = [Self.stanzaType, AgeBase64.encodedString(salt), String(logN)]
    return [AgeStanza(arguments: arguments, body: body)]
  }

  /// Returns scrypt(N = 2^logN, r = 8, p = 1, S = label || salt, P = passphrase).
  static func deriveKey(passphrase: SecretBytes, salt: [UInt8], logN: Int) throws -> SecretBytes {
    var password = passphrase.exposedCopy()
    defer { wipe(&password) }
    return try Scrypt.deriveKey(password: password, salt: saltLabel + salt, logN: logN)
  }
}
