import Core

/// Pseudonyms made with HMAC-SHA256 under the site's pseudonym key: the
/// first 10 bytes of the tag, in base32, give 16 characters and 80 bits,
/// so two studies of one site collide with negligible probability.
public struct KeyedPseudonymizer: Pseudonymizer, @unchecked Sendable {
  /// An HMAC state with the key already absorbed; each call copies it.
  private let keyed: HMACSHA256

  public init(key: SecretBytes) {
    self.keyed = HMACSHA256(key: key)
  }

  public func study(_ studyUID: String) -> String {
    reference(for: "study\u{0}" + studyUID.trimmingSpaces())
  }

  public func name(_ value: String, kind: String) -> String {
    "p:" + reference(for: kind + "\u{0}" + value)
  }

  private func reference(for message: String) -> String {
    var mac = keyed
    mac.update(Array(message.utf8))
    return Base32.encode(Array(mac.finalize().prefix(10)))
  }
}
