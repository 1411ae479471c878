import Core

/// Parsing of the `time` field of a result line.
enum ResultTimestamp {
  /// Returns Unix seconds, rounded down, for RFC 3339 text such as
  /// `2026-10-03T08:15:02.120+03:00` or for a number of Unix seconds.
  static func unixSeconds(_ value: JSONValue) -> Int64? {
    switch value {
    case .integer(let seconds):
      return seconds
    case .double(let seconds):
      guard seconds.isFinite, abs(seconds) < 1e15 else { return nil }
      return Int64(seconds.rounded(.down))
    case .string(let text):
      return parse(Array(text.utf8))
    default:
      return nil
    }
  }

  /// Parses `YYYY-MM-DD(T| )hh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)`.
  static func parse(_ bytes: [UInt8]) -> Int64? {
    guard bytes.count >= 20, bytes[4] == 0x2D, bytes[7] == 0x2D,
      [0x54, 0x74, 0x20].contains(bytes[10]), bytes[13] == 0x3A, bytes[16] == 0x3A,
      let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2),
      let dayOfMonth = digits(bytes, 8, 2), let hour = digits(bytes, 11, 2),
      let minute = digits(bytes, 14, 2), let second = digits(bytes, 17, 2),
      hour < 24, minute < 60, second <= 60,
      let day = Day(year: year, month: month, day: dayOfMonth)
    else { return nil }

    var index = 19
    if bytes[index] == 0x2E {
      index += 1
      let start = index
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
      guard index > start else { return nil }
    }
    guard let offset = zoneOffset(bytes[index...]) else { return nil }
    let clock = Int64(hour * 3600 + minute * 60 + min(second, 59))
    return day.unixSeconds + clock - offset
  }

  /// Returns the offset from UTC in seconds of `Z`, `+hh:mm` or `-hh:mm`.
  private static func zoneOffset(_ rest: ArraySlice<UInt8>) -> Int64? {
    let zone = Array(rest)
    if zone == [0x5A] || zone == [0x7A] { return 0 }
    guard zone.count == 6, zone[0] == 0x2B || zone[0] == 0x2D, zone[3] == 0x3A,
      let hours = digits(zone, 1, 2), let minutes = digits(zone, 4, 2), hours < 24, minutes < 60
    else { return nil }
    let seconds = Int64(hours * 3600 + minutes * 60)
    return zone[0] == 0x2B ? seconds : -seconds
  }

  private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for byte in bytes[start..<start + count] {
      guard (0x30...0x39).contains(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }
}
