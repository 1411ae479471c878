/// A passphrase that decrypts files encrypted to it with scrypt.
public struct ScryptIdentity: AgeIdentity {
  private let passphrase: SecretBytes
  /// The largest base-2 work factor accepted. A file with a higher one is
  /// rejected before scrypt runs, because scrypt needs 128 * 8 * 2^logN
  /// bytes of memory: 4 GiB at the default limit of 22, which is also the
  /// default `maxWorkFactor` in age's scrypt.go.
  public let maxLogN: Int

  public init(passphrase: SecretBytes, maxLogN: Int = 22) {
    self.passphrase = passphrase
    self.maxLogN = maxLogN
  }

  public func unwrap(stanzas: [AgeStanza]) throws -> SecretBytes? {
    for stanza in stanzas where stanza.type == ScryptRecipient.stanzaType {
      if let fileKey = try unwrap(stanza) { return fileKey }
    }
    return nil
  }

  private func unwrap(_ stanza: AgeStanza) throws -> SecretBytes? {
    let type = ScryptRecipient.stanzaType
    guard stanza.arguments.count == 3 else {
      throw AgeError.invalidStanza(
        type: type, line: stanza.line,
        .wrongArgumentCount(expected: 3, actual: stanza.arguments.count))
    }
    guard let salt = AgeBase64.decode(stanza.arguments[1]), salt.count == ScryptRecipient.saltSize
    else {
      throw AgeError.invalidStanza(type: type, line: stanza.line, .invalidSalt)
    }
    let logN = try parseWorkFactor(stanza.arguments[2], line: stanza.line)
    guard stanza.body.count == AgeFileKey.wrappedSize else {
      throw AgeError.invalidStanza(
        type: type, line: stanza.line,
        .wrongBodyLength(expected: AgeFileKey.wrappedSize, actual: stanza.body.count))
    }

    let wrapKey = try ScryptRecipient.deriveKey(passphrase: passphrase, salt: salt, logN: logN)
    do {
      return try ChaCha20Poly1305.openSecret(stanza.body, key: wrapKey, nonce: AgeFileKey.zeroNonce)
    } catch CryptoError.authenticationFailed {
      return nil
    }
  }

  /// Parses the work factor, which must match `^[1-9][0-9]*$`.
  private func parseWorkFactor(_ text: String, line: Int) throws -> Int {
    let digits = Array(text.utf8)
    guard let first = digits.first, (0x31...0x39).contains(first),
      digits.allSatisfy({ (0x30...0x39).contains($0) })
    else {
      throw AgeError.invalidStanza(
        type: ScryptRecipient.stanzaType, line: line, .invalidWorkFactor(text))
    }
    // Int(text) is nil only for numbers too large for an Int.
    guard let logN = Int(text), logN <= maxLogN else {
      throw AgeError.workFactorTooHigh(logN: text, limit: maxLogN, line: line)
    }
    return logN
  }
}
