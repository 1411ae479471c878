/// Byte-level tests that tell a variable segment of a log message from
/// a constant word. Each test looks at one segment only.
enum SegmentClassifier {
  /// Tells whether `segment` is a value: it contains a digit, or it is a
  /// path, an e-mail address, a host name, a DICOM person name, a month
  /// or weekday name, a boolean or null, or a long run of hex letters.
  static func isVariable(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = segment.first else { return false }
    if isVersionedIdentifier(segment) { return false }
    var dots = 0
    var hasSlash = false
    var hasAt = false
    var allHex = true
    var isLowerHost = true
    for byte in segment {
      switch byte {
      case 0x30...0x39: return true
      case UInt8(ascii: "."): dots += 1
      case UInt8(ascii: "/"): hasSlash = true
      case UInt8(ascii: "@"): hasAt = true
      case UInt8(ascii: "\\"), UInt8(ascii: "^"): return true
      default: break
      }
      if !isHexLetter(byte) { allHex = false }
      if !(isLowerLetter(byte) || byte == 0x2E || byte == 0x2D) { isLowerHost = false }
    }
    if first == UInt8(ascii: "/"), segment.count > 1 { return true }
    if hasSlash, dots > 0 || first == UInt8(ascii: "~") { return true }
    if hasAt, dots > 0 { return true }
    if allHex, segment.count >= 8 { return true }
    if isLowerHost, dots > 0, isHostName(segment, dots: dots) { return true }
    return dateAndLiteralWords.contains(segment)
  }

  static func containsDigit(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in segment where isDigit(byte) { return true }
    return false
  }

  /// Tells whether `segment` is a name like `jk2_init`: letters, one or
  /// two digits, then `_` and letters. Such names are code, not values.
  static func isVersionedIdentifier(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = segment.count
    while index < count, isLetter(segment[index]) { index += 1 }
    let letters = index
    while index < count, isDigit(segment[index]) { index += 1 }
    let digits = index - letters
    guard letters > 0, (1...2).contains(digits), index < count else { return false }
    while index < count {
      guard segment[index] == 0x5F, index + 1 < count, isLetter(segment[index + 1]) else {
        return false
      }
      index += 1
      while index < count, isLetter(segment[index]) { index += 1 }
    }
    return true
  }

  /// Tells whether `token` is a MAC address: six pairs of hex digits
  /// joined by `:` or `-`.
  static func isMACAddress(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    guard token.count == 17 else { return false }
    for index in 0..<17 {
      let byte = token[index]
      if index % 3 == 2 {
        guard byte == 0x3A || byte == 0x2D else { return false }
      } else {
        guard isDigit(byte) || isHexLetter(byte) else { return false }
      }
    }
    return true
  }

  /// Tells whether `token` is `host:port` with a lower-case host, such as
  /// `proxy.example.org:5070` or `wpad:80`.
  static func isHostAndPort(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let colon = token.lastIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
    let portLength = token.count - colon - 1
    guard (2...5).contains(portLength) else { return false }
    for index in (colon + 1)..<token.count where !isDigit(token[index]) { return false }
    let first = token[0]
    guard isLowerLetter(first) || isDigit(first) else { return false }
    for index in 0..<colon {
      let byte = token[index]
      if !(isLowerLetter(byte) || isDigit(byte) || byte == 0x2E || byte == 0x2D) { return false }
    }
    return true
  }

  /// Tells whether a capitalised word starts here, in Latin or Cyrillic.
  static func isCapitalisedWord(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = segment.first else { return false }
    if first >= 0x41, first <= 0x5A { return true }
    guard segment.count >= 2, first == 0xD0 else { return false }
    let second = segment[1]
    return (second >= 0x90 && second <= 0xAF) || second == 0x81
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || isLowerLetter(byte) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
  }

  /// Host names have at least two dots, or one dot before a common
  /// top-level domain; `rpc.statd` and `core.dump` are not host names.
  private static func isHostName(_ segment: UnsafeBufferPointer<UInt8>, dots: Int) -> Bool {
    guard segment.first != 0x2E, segment.last != 0x2E else { return false }
    if dots >= 2 {
      for index in 1..<segment.count where segment[index] == 0x2E && segment[index - 1] == 0x2E {
        return false
      }
      return true
    }
    guard let dot = segment.lastIndex(of: 0x2E) else { return false }
    let suffix = String(decoding: segment[(dot + 1)...], as: UTF8.self)
    return topLevelDomains.contains(suffix)
  }

  private static let topLevelDomains: Set<String> = [
    "com", "net", "org", "edu", "gov", "io", "ru", "de", "uk", "cn", "jp", "fr", "info",
    "local", "lan", "hk", "us", "eu", "int", "mil", "kz", "by", "ua",
  ]

  private static let dateAndLiteralWords = WordSet([
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec", "true", "false", "null", "none", "nil",
  ])

  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
    isLowerLetter(byte | 0x20)
  }

  @inline(__always) static func isLowerLetter(_ byte: UInt8) -> Bool {
    byte >= 0x61 && byte <= 0x7A
  }

  @inline(__always) static func isHexLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
  }
}
