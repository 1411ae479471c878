/// Formats and parses RFC 3339 times in UTC with whole seconds, such as
/// `2026-11-01T03:00:12Z`, the only form medmon writes.
public enum RFC3339 {
  public static func format(_ unixSeconds: Int64) -> String {
    let day = Day(unixSeconds: unixSeconds)
    let seconds = Int(unixSeconds - day.unixSeconds)
    let clock = [seconds / 3600, seconds / 60 % 60, seconds % 60].map { value in
      value < 10 ? "0\(value)" : String(value)
    }
    return "\(day)T\(clock.joined(separator: ":"))Z"
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or a numeric offset,
  /// with optional fractional seconds, which are dropped.
  public static func parse(_ text: String) -> Int64? {
    let characters = Array(text)
    guard characters.count >= 20, characters[10] == "T" || characters[10] == " ",
      let day = Day(String(characters[0..<10])),
      characters[13] == ":", characters[16] == ":",
      let hour = Int(String(characters[11..<13])), let minute = Int(String(characters[14..<16])),
      let second = Int(String(characters[17..<19])), hour < 24, minute < 60, second < 61
    else { return nil }
    var rest = characters[19...]
    if rest.first == "." {
      rest = rest.dropFirst().drop { $0.isNumber }
    }
    let local = day.unixSeconds + Int64(hour * 3600 + minute * 60 + second)
    guard let zone = rest.first else { return nil }
    if (zone == "Z" || zone == "z") && rest.count == 1 { return local }
    let offset = Array(rest.dropFirst())
    guard zone == "+" || zone == "-", offset.count == 5, offset[2] == ":",
      let hours = Int(String(offset[0..<2])), let minutes = Int(String(offset[3..<5]))
    else { return nil }
    let shift = Int64(hours * 3600 + minutes * 60)
    return zone == "+" ? local - shift : local + shift
  }
}
