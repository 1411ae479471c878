@testable import Core

/// Hex helpers for the crypto and age tests.
enum CryptoTestSupport {
  /// Returns the bytes written as hexadecimal digits in `text`.
  static func bytes(hex text: String) -> [UInt8] {
    let digits = Array(text.utf8)
    precondition(digits.count % 2 == 0, "odd number of hex digits")
    return stride(from: 0, to: digits.count, by: 2).map { index in
      UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)!
    }
  }

  /// Returns `bytes` as lower-case hexadecimal.
  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// Returns a secret holding the bytes written in hexadecimal.
  static func secret(hex text: String) -> SecretBytes {
    SecretBytes(copying: bytes(hex: text))
  }
}
