/// The character repertoires of (0008,0005) Specific Character Set
/// (PS3.3 section C.12.1.1.2, PS3.5 section 6.1), parsed from its defined
/// terms. Misspelled terms (`ISO-IR 100`, `ISO_IR100`, lower case, stray
/// padding) are recognised; an unknown term decodes as the fallback.
public struct SpecificCharacterSet: Sendable, Equatable {
  /// The normalised defined terms, such as `ISO_IR 100` or
  /// `ISO 2022 IR 87`; an empty first term stands for the default
  /// repertoire.
  public let terms: [String]
  /// The terms as written that name no known character set.
  public let unknownTerms: [String]
  /// The defined term used in place of unknown ones.
  public let fallbackName: String
  let encoding: TextEncoding
  /// The designations every value starts from (PS3.5 section 6.1.2.5.3).
  let initialState: CodeState

  /// The default repertoire, with bytes above 0x7F read as ISO 8859-1
  /// because many writers put Latin-1 text there without declaring it.
  public static let `default` = SpecificCharacterSet(terms: [])

  public init(terms rawTerms: [String], fallback: String = "ISO_IR 100") {
    var terms: [String] = []
    var unknown: [String] = []
    var elements: [CharacterSetTerm] = []
    for (index, raw) in rawTerms.enumerated() {
      if let term = CharacterSetTerm(parsing: raw) {
        elements.append(term)
        terms.append(term.name)
      } else if raw.allSatisfy({ $0 == " " || $0 == "\0" }) {
        elements.append(.iso2022(6))
        terms.append(index == 0 ? "" : "ISO 2022 IR 6")
      } else {
        unknown.append(raw)
        let replacement = CharacterSetTerm(parsing: fallback) ?? .iso(100)
        elements.append(replacement)
        terms.append(replacement.name)
      }
    }
    self.terms = terms
    self.unknownTerms = unknown
    self.fallbackName = fallback
    (self.encoding, self.initialState) = SpecificCharacterSet.configure(elements)
  }

  /// True when the byte 0x5C is always a backslash, so values can be split
  /// before decoding: single-byte sets and UTF-8, but not GBK, GB18030 or
  /// ISO 2022 with multi-byte sets, whose characters may contain 0x5C.
  var keepsBackslash: Bool {
    switch encoding {
    case .single, .utf8: return true
    case .gb18030, .gbk: return false
    case .iso2022: return !terms.contains { ["ISO 2022 IR 87", "ISO 2022 IR 159"].contains($0) }
    }
  }

  private static func configure(_ elements: [CharacterSetTerm]) -> (TextEncoding, CodeState) {
    let lenient = CodeState(g0: .ascii, g1: .latin(0))
    guard let first = elements.first, elements.contains(where: { $0 != .iso2022(6) }) else {
      return (.single, lenient)
    }
    let usesExtensions = elements.count > 1 || first.isISO2022
    switch first {
    case .utf8: return (.utf8, CodeState(g0: .ascii, g1: nil))
    case .gb18030: return (.gb18030, CodeState(g0: .ascii, g1: nil))
    case .gbk: return (.gbk, CodeState(g0: .ascii, g1: nil))
    case .iso(let number), .iso2022(let number):
      var state = CodeState(g0: .ascii, g1: nil)
      CodeElement.designation(ir: number).map { state.designate($0) }
      return (usesExtensions ? .iso2022 : .single, state)
    }
  }
}

/// The mapping from a value's bytes to characters.
enum TextEncoding: Sendable, Equatable {
  /// One byte per character: ASCII in G0, a 96-character set in G1.
  case single
  /// ISO 2022 code extensions with escape sequences (PS3.5 section 6.1.2.5).
  case iso2022
  case utf8
  case gb18030
  case gbk
}

/// One parsed defined term of (0008,0005).
enum CharacterSetTerm: Equatable {
  case iso(Int)
  case iso2022(Int)
  case utf8
  case gb18030
  case gbk

  static let knownNumbers: Set<Int> = [
    6, 100, 101, 109, 110, 144, 127, 126, 138, 148, 203, 166, 13, 87, 159, 149, 58,
  ]

  /// Parses a term, ignoring case, spaces, `-`, `_` and padding.
  init?(parsing raw: String) {
    if let term = Self.standardSpellings[raw] {
      self = term
      return
    }
    let letters = String(raw.uppercased().filter { $0.isLetter || $0.isNumber })
    switch letters {
    case "GB18030":
      self = .gb18030
      return
    case "GBK":
      self = .gbk
      return
    case "ISOIR192", "UTF8", "ISO2022IR192":
      self = .utf8
      return
    default: break
    }
    if letters.hasPrefix("ISO2022IR"), let number = Int(letters.dropFirst(9)),
      Self.knownNumbers.contains(number)
    {
      self = .iso2022(number)
      return
    }
    if letters.hasPrefix("ISOIR"), let number = Int(letters.dropFirst(5)),
      Self.knownNumbers.contains(number), number != 87, number != 159, number != 149,
      number != 58
    {
      self = .iso(number)
      return
    }
    if letters.hasPrefix("ISO8859"), let part = Int(letters.dropFirst(7)),
      let number = Self.iso8859Numbers[part]
    {
      self = .iso(number)
      return
    }
    return nil
  }

  /// The defined terms as the standard spells them, looked up before the
  /// lenient parse.
  private static let standardSpellings: [String: CharacterSetTerm] = {
    var table: [String: CharacterSetTerm] = ["GB18030": .gb18030, "GBK": .gbk, "ISO_IR 192": .utf8]
    for number in knownNumbers {
      table["ISO 2022 IR \(number)"] = .iso2022(number)
      if ![6, 87, 159, 149, 58].contains(number) { table["ISO_IR \(number)"] = .iso(number) }
    }
    return table
  }()

  private static let iso8859Numbers: [Int: Int] = [
    1: 100, 2: 101, 3: 109, 4: 110, 5: 144, 6: 127, 7: 126, 8: 138, 9: 148, 11: 166, 15: 203,
  ]

  var isISO2022: Bool {
    if case .iso2022 = self { return true }
    return false
  }

  /// The defined term as PS3.3 table C.12-2 to C.12-5 spell it.
  var name: String {
    switch self {
    case .iso(let number): return "ISO_IR \(number)"
    case .iso2022(let number): return "ISO 2022 IR \(number)"
    case .utf8: return "ISO_IR 192"
    case .gb18030: return "GB18030"
    case .gbk: return "GBK"
    }
  }
}
