import Testing

@testable import Core

/// Runs the CCTV age test vectors (github.com/C2SP/CCTV, age/testdata) from
/// the corpus at MEDMON_CORPUS. Each vector is a text header, a blank
/// line and an age file; see README.CCTV-age.md next to the vectors.
@Suite struct AgeConformanceTests {
  /// One parsed test vector.
  struct Vector {
    var name: String
    var expect = ""
    var payloadHash: String?
    var identities: [String] = []
    var passphrases: [String] = []
    var armored = false
    var compressed = false
    var file: [UInt8] = []
  }

  /// The outcome of decrypting one vector, in the vocabulary of `expect`.
  struct Outcome {
    var result: String
    var plaintextHash: String
    var error: AgeError?
  }

  static func loadVectors() throws -> [Vector] {
    let folder = try AgeTestSupport.corpusPath() + "/age/testdata"
    return try AgeTestSupport.listDirectory(folder).map { name in
      try parse(name: name, bytes: AgeTestSupport.readFile(folder + "/" + name))
    }
  }

  static func parse(name: String, bytes: [UInt8]) throws -> Vector {
    var vector = Vector(name: name)
    var offset = 0
    while true {
      guard let end = bytes[offset...].firstIndex(of: 0x0A) else {
        throw AgeTestSupport.Failure(description: "\(name): no blank line after the header")
      }
      let line = String(decoding: bytes[offset..<end], as: UTF8.self)
      offset = end + 1
      if line.isEmpty { break }
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = String(line[..<colon])
      let value = String(line[line.index(colon, offsetBy: 2)...])
      switch key {
      case "expect": vector.expect = value
      case "payload": vector.payloadHash = value
      case "identity": vector.identities.append(value)
      case "passphrase": vector.passphrases.append(value)
      case "armored": vector.armored = value == "yes"
      case "compressed": vector.compressed = value == "zlib"
      default: break
      }
    }
    let body = Array(bytes[offset...])
    vector.file = vector.compressed ? try AgeTestSupport.inflate(body) : body
    return vector
  }

  /// Maps an error to the `expect` values of the test vectors.
  static func category(of error: AgeError) -> String {
    switch error {
    case .invalidArmor: return "armor failure"
    case .noMatchingIdentity: return "no match"
    case .headerMACMismatch: return "HMAC failure"
    case .payloadAuthenticationFailed, .truncatedChunk, .missingFinalChunk, .emptyFinalChunk,
      .trailingData:
      return "payload failure"
    default: return "header failure"
    }
  }

  static func decrypt(_ vector: Vector, identities: [any AgeIdentity]) -> Outcome {
    var hasher = SHA256()
    do {
      let decryptor = try AgeDecryptor(
        input: BufferInput(vector.file), identities: identities,
        armor: vector.armored ? .required : .forbidden)
      while let chunk = try decryptor.next() { hasher.update(chunk) }
      return Outcome(result: "success", plaintextHash: CryptoTestSupport.hex(hasher.finalize()))
    } catch let error as AgeError {
      let hash = CryptoTestSupport.hex(hasher.finalize())
      return Outcome(result: category(of: error), plaintextHash: hash, error: error)
    } catch {
      return Outcome(result: "unexpected \(error)", plaintextHash: "")
    }
  }

  /// Returns the identities of a vector, or nil when one of them is of a
  /// type medmon does not implement (the post-quantum hybrid keys).
  static func identities(for vector: Vector) throws -> [any AgeIdentity]? {
    var identities: [any AgeIdentity] = []
    for text in vector.identities {
      do {
        identities += try AgeKeyFile.parseIdentities(text, source: vector.name)
      } catch AgeError.unsupportedIdentityType(_, _, let prefix) {
        #expect(prefix == "AGE-SECRET-KEY-PQ-", "\(vector.name)")
        return nil
      }
    }
    for passphrase in vector.passphrases {
      identities.append(ScryptIdentity(passphrase: SecretBytes(copying: Array(passphrase.utf8))))
    }
    // Two vectors name no key; a fresh identity matches nothing in them.
    if identities.isEmpty { identities.append(try X25519Identity.generate()) }
    return identities
  }

  @Test func vectorsMeetExpectedOutcome() throws {
    let vectors = try Self.loadVectors()
    #expect(vectors.count == 143)
    var checked = 0
    var unsupported: [String] = []
    for vector in vectors {
      guard let identities = try Self.identities(for: vector) else {
        unsupported.append(vector.name)
        continue
      }
      let outcome = Self.decrypt(vector, identities: identities)
      #expect(
        outcome.result == vector.expect,
        "\(vector.name): \(outcome.error.map { $0.message } ?? "no error")")
      if let expected = vector.payloadHash, outcome.result == vector.expect {
        #expect(outcome.plaintextHash == expected, "\(vector.name): released plaintext hash")
      }
      checked += 1
    }
    #expect(checked == 124)
    #expect(unsupported.count == 19)
    #expect(unsupported.allSatisfy { $0.hasPrefix("hybrid") || $0 == "armor_hybrid" })
  }

  @Test func headersReencodeByteForByte() throws {
    var compared = 0
    for vector in try Self.loadVectors() where !vector.armored {
      let reader = BufferedInput(BufferInput(vector.file))
      var parser = AgeHeaderParser(reader: reader)
      guard let header = try? parser.parse() else {
        #expect(vector.expect == "header failure", "\(vector.name) header did not parse")
        continue
      }
      #expect(
        AgeHeader.authenticatedBytes(for: header.stanzas) == header.authenticatedBytes,
        "\(vector.name)")
      compared += 1
    }
    #expect(compared > 80)
  }
}
