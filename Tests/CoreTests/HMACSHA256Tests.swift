import Testing

@testable import Core

@Suite struct HMACSHA256Tests {
  // RFC 4231, test case 2.
  @Test func shortKeyKnownAnswer() {
    let key = SecretBytes(copying: Array("Jefe".utf8))
    let tag = HMACSHA256.authenticate(Array("what do ya want for nothing?".utf8), key: key)
    #expect(
      CryptoTestSupport.hex(tag)
        == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  }

  // RFC 4231, test case 6: a 131-byte key, longer than the block size.
  @Test func longKeyKnownAnswer() {
    let key = SecretBytes(copying: [UInt8](repeating: 0xaa, count: 131))
    let message = Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
    #expect(
      CryptoTestSupport.hex(HMACSHA256.authenticate(message, key: key))
        == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
  }

  @Test func verifyAcceptsTagAndRejectsFlippedBit() {
    let key = SecretBytes(copying: [UInt8](repeating: 7, count: 32))
    let message = Array("header".utf8)
    let tag = HMACSHA256.authenticate(message, key: key)
    var good = HMACSHA256(key: key)
    good.update(message)
    let goodResult = good.verify(tag)
    #expect(goodResult)

    var flipped = tag
    flipped[31] ^= 1
    var bad = HMACSHA256(key: key)
    bad.update(message)
    let badResult = bad.verify(flipped)
    #expect(!badResult)

    var short = HMACSHA256(key: key)
    short.update(message)
    let shortResult = short.verify(Array(tag.prefix(16)))
    #expect(!shortResult)
  }
}
