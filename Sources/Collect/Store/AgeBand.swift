/// The age bands that leave the site in place of ages. The boundaries
/// follow common pediatric groupings (infant, toddler, child, adolescent)
/// and broad adult groups.
public enum AgeBand: String, CaseIterable, Sendable {
  case infant = "0-1"
  case toddler = "2-4"
  case child = "5-11"
  case adolescent = "12-17"
  case youngAdult = "18-39"
  case adult = "40-64"
  case senior = "65-79"
  case elderly = "80+"
  case unknown

  public init(years: Double?) {
    guard let years, years >= 0, years < 150 else {
      self = .unknown
      return
    }
    switch years {
    case ..<2: self = .infant
    case ..<5: self = .toddler
    case ..<12: self = .child
    case ..<18: self = .adolescent
    case ..<40: self = .youngAdult
    case ..<65: self = .adult
    case ..<80: self = .senior
    default: self = .elderly
    }
  }

  /// Whether the band lies wholly below 18 years.
  public var isPediatric: Bool {
    switch self {
    case .infant, .toddler, .child, .adolescent: return true
    default: return false
    }
  }
}
