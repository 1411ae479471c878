/// JSON text output with object keys in sorted order, so the same value
/// always gives the same bytes whatever order its members were added in.
extension JSONValue {
  /// Returns the value as JSON text: compact when `indent` is 0, otherwise
  /// one member per line, indented by two spaces per level.
  public func serialized(indent: Int = 0) -> String {
    let sorted = sortingKeys()
    return indent > 0 ? JSONWriter.pretty(sorted) : JSONWriter.compact(sorted)
  }

  /// Returns the value with the members of every object in key order.
  public func sortingKeys() -> JSONValue {
    switch self {
    case .array(let elements): return .array(elements.map { $0.sortingKeys() })
    case .object(let members):
      return .object(members.sorted { $0.0 < $1.0 }.map { ($0.0, $0.1.sortingKeys()) })
    default: return self
    }
  }
}
