import Testing

@testable import Core

@Suite struct ScryptTests {
  // RFC 7914, section 12, second and first vectors.
  @Test func knownAnswers() throws {
    let nacl = try Scrypt.deriveKey(
      password: Array("password".utf8), salt: Array("NaCl".utf8), logN: 10, r: 8, p: 16,
      count: 64)
    #expect(
      CryptoTestSupport.hex(nacl.exposedCopy())
        == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    let empty = try Scrypt.deriveKey(password: [], salt: [], logN: 4, r: 1, p: 1, count: 64)
    #expect(
      CryptoTestSupport.hex(empty.exposedCopy())
        == "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
        + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
  }

  @Test func rejectsZeroWorkFactor() {
    #expect(throws: CryptoError.scryptFailed(logN: 0)) {
      _ = try Scrypt.deriveKey(password: [1], salt: [2], logN: 0)
    }
  }
}
