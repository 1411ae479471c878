/// Matches file names against shell-style patterns and expands patterns
/// into paths. `*` matches any run of characters except `/`, `?` one
/// character, `[abc]`, `[a-z]` and `[!abc]` one character of a set, `\`
/// escapes the next character, and a `**` path component matches zero or
/// more directories. Names starting with `.` match only a pattern that
/// starts with `.`.
public struct GlobMatcher: Sendable {
  private enum Element: Equatable {
    case literal(Character)
    case anyOne
    case anyRun
    case set([ClosedRange<Character>], negated: Bool)
  }

  private let elements: [Element]
  public let pattern: String

  /// Parses one path component pattern; a `[` without its `]` is invalid.
  public init(_ pattern: String) throws {
    self.pattern = pattern
    var elements: [Element] = []
    var characters = Array(pattern)[...]
    while let character = characters.popFirst() {
      switch character {
      case "*": if elements.last != .anyRun { elements.append(.anyRun) }
      case "?": elements.append(.anyOne)
      case "\\":
        guard let next = characters.popFirst() else {
          throw LogError.invalidGlob(pattern: pattern, detail: "it ends with a lone backslash")
        }
        elements.append(.literal(next))
      case "[": elements.append(try GlobMatcher.parseSet(&characters, pattern))
      default: elements.append(.literal(character))
      }
    }
    self.elements = elements
  }

  private static func parseSet(_ characters: inout ArraySlice<Character>, _ pattern: String)
    throws -> Element
  {
    var negated = false
    if let first = characters.first, first == "!" || first == "^" {
      negated = true
      characters.removeFirst()
    }
    var ranges: [ClosedRange<Character>] = []
    var isFirst = true
    while let character = characters.popFirst() {
      if character == "]", !isFirst { return .set(ranges, negated: negated) }
      isFirst = false
      if characters.count >= 2, characters.first == "-", characters.dropFirst().first != "]" {
        characters.removeFirst()
        let upper = characters.removeFirst()
        guard character <= upper else {
          throw LogError.invalidGlob(
            pattern: pattern, detail: "the range \(character)-\(upper) is reversed")
        }
        ranges.append(character...upper)
      } else {
        ranges.append(character...character)
      }
    }
    throw LogError.invalidGlob(pattern: pattern, detail: "a '[' has no closing ']'")
  }

  /// Tells whether `name` (one path component) matches the pattern.
  public func matches(_ name: String) -> Bool {
    if name.hasPrefix("."), !pattern.hasPrefix(".") { return false }
    return match(elements[...], Array(name)[...])
  }

  private func match(_ elements: ArraySlice<Element>, _ name: ArraySlice<Character>) -> Bool {
    guard let element = elements.first else { return name.isEmpty }
    let rest = elements.dropFirst()
    switch element {
    case .anyRun:
      var tail = name
      while true {
        if match(rest, tail) { return true }
        guard !tail.isEmpty else { return false }
        tail = tail.dropFirst()
      }
    case .anyOne:
      return !name.isEmpty && match(rest, name.dropFirst())
    case .literal(let character):
      return name.first == character && match(rest, name.dropFirst())
    case .set(let ranges, let negated):
      guard let first = name.first else { return false }
      let inSet = ranges.contains { $0.contains(first) }
      return inSet != negated && match(rest, name.dropFirst())
    }
  }

  /// Tells whether `text` contains a wildcard, so it needs expanding.
  public static func hasWildcard(_ text: String) -> Bool {
    text.contains { "*?[".contains($0) }
  }

  /// Returns the regular files that `pattern` (a whole path) names,
  /// sorted. A pattern without wildcards names itself when it exists.
  public static func expand(_ pattern: String) throws -> [String] {
    let absolute = pattern.hasPrefix("/")
    let components = pattern.split(separator: "/").map(String.init)
    var paths = [absolute ? "" : "."]
    for (index, component) in components.enumerated() {
      let isLast = index == components.count - 1
      paths = try paths.flatMap { try step($0, component, isLast: isLast) }
    }
    return Array(Set(paths)).sorted().map {
      absolute || !$0.hasPrefix("./") ? $0 : String($0.dropFirst(2))
    }
  }

  private static func step(_ base: String, _ component: String, isLast: Bool) throws -> [String] {
    let join = { (name: String) in base + "/" + name }
    if component == "**" {
      return [base] + descendants(of: base)
    }
    guard component.contains(where: { "*?[\\".contains($0) }) else {
      let path = join(component)
      if isLast { return FileIdentity.of(path) != nil ? [path] : [] }
      return [path]
    }
    let matcher = try GlobMatcher(component)
    return DirectoryListing.names(base.isEmpty ? "/" : base).filter(matcher.matches).map(join)
      .filter { !isLast || FileIdentity.of($0) != nil }
  }

  /// Returns every directory below `base`, without following symbolic links.
  private static func descendants(of base: String) -> [String] {
    var result: [String] = []
    var queue = [base]
    while let directory = queue.popLast() {
      for name in DirectoryListing.names(directory.isEmpty ? "/" : directory)
      where !name.hasPrefix(".") {
        let path = directory + "/" + name
        if DirectoryListing.isDirectory(path) {
          result.append(path)
          queue.append(path)
        }
      }
    }
    return result
  }
}
