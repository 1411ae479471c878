/// A PN value: up to three component groups (alphabetic, ideographic,
/// phonetic) separated by `=`, each with up to five components separated
/// by `^` (PS3.5 section 6.2.1).
public struct PersonName: Sendable, Equatable, CustomStringConvertible {
  /// One component group: family name, given name, middle name, prefix
  /// and suffix, in that order.
  public struct Group: Sendable, Equatable {
    public let components: [String]

    public init(_ text: Substring) {
      var parts = text.split(separator: "^", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: " ")
      }
      while parts.count > 1 && parts.last == "" { parts.removeLast() }
      components = parts
    }

    public var familyName: String { component(0) }
    public var givenName: String { component(1) }
    public var middleName: String { component(2) }
    public var namePrefix: String { component(3) }
    public var nameSuffix: String { component(4) }
    public var isEmpty: Bool { components.allSatisfy(\.isEmpty) }

    private func component(_ index: Int) -> String {
      index < components.count ? components[index] : ""
    }

    /// The components joined by `^`, without trailing empty ones.
    public var text: String { components.joined(separator: "^") }
  }

  public let alphabetic: Group
  public let ideographic: Group?
  public let phonetic: Group?
  /// The value as written, after trimming trailing spaces.
  public let text: String

  public init(_ text: String) {
    self.text = text
    let groups = text.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false)
    alphabetic = Group(groups[0])
    ideographic = groups.count > 1 ? Group(groups[1]) : nil
    phonetic = groups.count > 2 ? Group(groups[2]) : nil
  }

  public var description: String { text }
}
