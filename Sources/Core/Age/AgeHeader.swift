/// The textual header of an age v1 file: the version line, the recipient
/// stanzas and the MAC line.
///
///     age-encryption.org/v1
///     -> X25519 <base64 share>
///     <base64 body, wrapped at 64 columns>
///     --- <base64 HMAC-SHA-256>
struct AgeHeader {
  static let versionLine = Array("age-encryption.org/v1".utf8)
  static let versionPrefix = Array("age-encryption.org/".utf8)
  static let columnLimit = 64
  /// The maximum header size in bytes; the parser rejects longer headers.
  /// Real headers are a few hundred bytes per recipient.
  static let maxSize = 1 << 20

  var stanzas: [AgeStanza]
  /// The header bytes up to and including `---`, which the MAC covers.
  var authenticatedBytes: [UInt8]
  var mac: [UInt8]

  /// Returns the header bytes that the MAC covers, for `stanzas`.
  static func authenticatedBytes(for stanzas: [AgeStanza]) -> [UInt8] {
    var output = versionLine + [0x0A]
    for stanza in stanzas { output += stanza.encoded() }
    return output + Array("---".utf8)
  }

  /// Returns the MAC key for the header of a file with `fileKey`:
  /// HKDF-SHA-256(ikm = file key, salt = empty, info = "header").
  static func macKey(fileKey: SecretBytes) throws -> SecretBytes {
    try HKDF.deriveKey(inputKeyMaterial: fileKey, salt: [], info: Array("header".utf8))
  }

  /// Returns the complete header, MAC line included, for `stanzas`.
  static func encode(stanzas: [AgeStanza], fileKey: SecretBytes) throws -> [UInt8] {
    let authenticated = authenticatedBytes(for: stanzas)
    let mac = HMACSHA256.authenticate(authenticated, key: try macKey(fileKey: fileKey))
    return authenticated + [UInt8(ascii: " ")] + AgeBase64.encode(mac, padded: false) + [0x0A]
  }

  /// Returns whether `mac` matches the header under `fileKey`, comparing
  /// in constant time.
  func verifyMAC(fileKey: SecretBytes) throws -> Bool {
    var hmac = HMACSHA256(key: try Self.macKey(fileKey: fileKey))
    hmac.update(authenticatedBytes)
    return hmac.verify(mac)
  }
}
