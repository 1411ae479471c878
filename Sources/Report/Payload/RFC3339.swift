import Core

/// Parsing of the RFC 3339 UTC times in payload rows.
enum RFC3339 {
  /// Returns the Unix seconds of `YYYY-MM-DDTHH:MM:SS` followed by `Z`
  /// or fractional seconds and `Z`, or nil for another form.
  static func seconds(_ text: String) -> Int64? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"), bytes.last == UInt8(ascii: "Z"),
      let day = Day(text.prefix(10))
    else { return nil }
    func number(_ range: Range<Int>) -> Int64? {
      Int64(String(decoding: bytes[range], as: UTF8.self))
    }
    guard let hour = number(11..<13), let minute = number(14..<16),
      let second = number(17..<19), hour < 24, minute < 60, second < 61
    else { return nil }
    return day.unixSeconds + hour * 3600 + minute * 60 + second
  }
}
