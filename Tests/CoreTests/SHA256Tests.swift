import Testing

@testable import Core

@Suite struct SHA256Tests {
  @Test func knownAnswers() {
    #expect(
      CryptoTestSupport.hex(SHA256.hash([]))
        == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      CryptoTestSupport.hex(SHA256.hash(Array("abc".utf8)))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func streamingMatchesOneShot() {
    let message = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    var hasher = SHA256()
    var offset = 0
    for size in [0, 1, 63, 64, 65, 4096, 30_000] {
      hasher.update(Array(message[offset..<offset + size]))
      offset += size
    }
    hasher.update(Array(message[offset...]))
    let digest = hasher.finalize()
    #expect(digest == SHA256.hash(message))
  }
}
