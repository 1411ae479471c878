import Testing

@testable import Core

@Suite struct Base64Tests {
  // Test vectors from RFC 4648 section 10.
  @Test(arguments: [
    ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
    ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
  ])
  func encodesRFCVectors(plain: String, encoded: String) throws {
    #expect(Base64.encode(Array(plain.utf8)) == encoded)
    #expect(try Base64.decode(encoded) == Array(plain.utf8))
  }

  @Test func roundTripsEveryByteValue() throws {
    let bytes = (0..<256).map { UInt8($0) } + [0xff, 0x00]
    let text = Base64.encode(bytes)
    #expect(text.hasPrefix("AAECAwQFBg"))
    #expect(try Base64.decode(text) == bytes)
  }

  @Test(arguments: [
    ("Zg=", 3), ("Z===", 1), ("Zm9v\n", 5), ("Zh==", 1), ("Zm9=", 2), ("Zg==Zg==", 2),
    ("Zm-v", 2), ("=Zm9", 0),
  ])
  func rejectsMalformedText(text: String, offset: Int) {
    #expect(throws: StatisticsError.invalidBase64(offset: offset)) {
      try Base64.decode(text)
    }
  }
}
