import Testing

@testable import Core

@Suite struct AgeBase64Tests {
  // RFC 4648, section 10.
  static let knownAnswers: [(String, String, String)] = [
    ("", "", ""), ("f", "Zg", "Zg=="), ("fo", "Zm8", "Zm8="), ("foo", "Zm9v", "Zm9v"),
    ("foob", "Zm9vYg", "Zm9vYg=="), ("fooba", "Zm9vYmE", "Zm9vYmE="),
    ("foobar", "Zm9vYmFy", "Zm9vYmFy"),
  ]

  @Test func encodesRFC4648Vectors() {
    for (plain, unpadded, padded) in Self.knownAnswers {
      let bytes = Array(plain.utf8)
      #expect(AgeBase64.encode(bytes, padded: false) == Array(unpadded.utf8), "\(plain)")
      #expect(AgeBase64.encode(bytes, padded: true) == Array(padded.utf8), "\(plain)")
    }
  }

  @Test func decodesRFC4648Vectors() {
    for (plain, unpadded, padded) in Self.knownAnswers {
      #expect(AgeBase64.decode(Array(unpadded.utf8), padded: false) == Array(plain.utf8))
      #expect(AgeBase64.decode(Array(padded.utf8), padded: true) == Array(plain.utf8))
    }
  }

  @Test(arguments: ["Zh", "Zm9", "Z", "Zg==", "Zg=", "Zm 9v", "Zm9v\n", "Zm-v", "Zm_v"])
  func unpaddedRejects(text: String) {
    #expect(AgeBase64.decode(Array(text.utf8), padded: false) == nil)
  }

  @Test(arguments: ["Zh==", "Zm9=", "Zg", "Zg=", "Zg===", "Z===", "=Zg=", "Zg==Zg==", "Zm8"])
  func paddedRejects(text: String) {
    #expect(AgeBase64.decode(Array(text.utf8), padded: true) == nil)
  }

  @Test func roundTripsEveryLengthUpTo100() throws {
    for length in 0...100 {
      let bytes = try SecureRandom.bytes(count: length)
      for padded in [false, true] {
        let text = AgeBase64.encode(bytes, padded: padded)
        #expect(AgeBase64.decode(text, padded: padded) == bytes, "length \(length)")
      }
    }
  }
}
