/// A recipient an age file can be encrypted to: it wraps the file key into
/// one or more header stanzas.
public protocol AgeRecipient {
  /// Returns the stanzas that carry `fileKey` for this recipient.
  func wrap(fileKey: SecretBytes) throws -> [AgeStanza]
  /// Whether the recipient must be the only one in a file, as passphrase
  /// recipients must.
  var requiresSoleRecipient: Bool { get }
}

extension AgeRecipient {
  public var requiresSoleRecipient: Bool { false }
}

/// A key that can unwrap the file key of an age file.
public protocol AgeIdentity {
  /// Returns the file key from the first stanza addressed to this identity,
  /// or nil when no stanza is. Throws when a stanza of this identity's type
  /// is malformed, because the specification requires rejecting the file
  /// then.
  func unwrap(stanzas: [AgeStanza]) throws -> SecretBytes?
}

/// Constants shared by the native recipient types.
enum AgeFileKey {
  /// The length of a file key in bytes.
  static let size = 16
  /// The length of a wrapped file key: the key and its 16-byte tag.
  static let wrappedSize = 32
  /// The fixed all-zero nonce used to wrap a file key.
  static let zeroNonce = [UInt8](repeating: 0, count: 12)
}
