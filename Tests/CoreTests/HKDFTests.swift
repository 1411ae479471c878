import Testing

@testable import Core

@Suite struct HKDFTests {
  // RFC 5869, test case 1.
  @Test func basicKnownAnswer() throws {
    let ikm = SecretBytes(copying: [UInt8](repeating: 0x0b, count: 22))
    let salt = CryptoTestSupport.bytes(hex: "000102030405060708090a0b0c")
    let info = CryptoTestSupport.bytes(hex: "f0f1f2f3f4f5f6f7f8f9")
    let prk = HKDF.extract(salt: salt, inputKeyMaterial: ikm)
    #expect(
      CryptoTestSupport.hex(prk.exposedCopy())
        == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
    let okm = try HKDF.expand(pseudorandomKey: prk, info: info, count: 42)
    #expect(
      CryptoTestSupport.hex(okm.exposedCopy())
        == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
  }

  // RFC 5869, test case 3: empty salt and info.
  @Test func emptySaltAndInfo() throws {
    let ikm = SecretBytes(copying: [UInt8](repeating: 0x0b, count: 22))
    let okm = try HKDF.deriveKey(inputKeyMaterial: ikm, salt: [], info: [], count: 42)
    #expect(
      CryptoTestSupport.hex(okm.exposedCopy())
        == "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8")
  }

  @Test func rejectsOutputLongerThan255Blocks() {
    let prk = SecretBytes(count: 32)
    #expect(throws: CryptoError.self) {
      _ = try HKDF.expand(pseudorandomKey: prk, info: [], count: HKDF.maxOutputSize + 1)
    }
  }
}
