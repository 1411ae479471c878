import Core

/// Parses the timestamps log headers start with, from bytes.
enum TimestampParser {
  /// Parses `YYYY-MM-DD[T ]HH:MM:SS[.fff|,fff][Z|+HH:MM|+HHMM]` at
  /// `start`. Returns seconds since the Unix epoch (UTC unless an offset
  /// is given) and the index after the timestamp.
  static func parseISO(_ bytes: [UInt8], at start: Int) -> (seconds: Double, end: Int)? {
    guard start + 19 <= bytes.count,
      let year = number(bytes, start, 4), bytes[start + 4] == 0x2D,
      let month = number(bytes, start + 5, 2), bytes[start + 7] == 0x2D,
      let dayOfMonth = number(bytes, start + 8, 2),
      bytes[start + 10] == UInt8(ascii: "T") || bytes[start + 10] == 0x20,
      let hour = number(bytes, start + 11, 2), bytes[start + 13] == 0x3A,
      let minute = number(bytes, start + 14, 2), bytes[start + 16] == 0x3A,
      let second = number(bytes, start + 17, 2),
      let day = Day(year: year, month: month, day: dayOfMonth), hour < 24, minute < 60,
      second < 61
    else { return nil }
    var seconds = Double(day.unixSeconds + Int64(hour * 3600 + minute * 60 + second))
    var index = start + 19
    if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x2C {
      var scale = 0.1
      index += 1
      while index < bytes.count, SegmentClassifier.isDigit(bytes[index]) {
        seconds += Double(bytes[index] - 0x30) * scale
        scale /= 10
        index += 1
      }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "Z") {
      index += 1
    } else if index + 5 <= bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D {
      let sign: Double = bytes[index] == 0x2B ? 1 : -1
      let colon = index + 3 < bytes.count && bytes[index + 3] == 0x3A ? 1 : 0
      if let offsetHours = number(bytes, index + 1, 2),
        let offsetMinutes = number(bytes, index + 3 + colon, 2)
      {
        seconds -= sign * Double(offsetHours * 3600 + offsetMinutes * 60)
        index += 5 + colon
      }
    }
    return (seconds, index)
  }

  /// Reads `count` ASCII digits at `start`.
  static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
    guard start >= 0, start + count <= bytes.count else { return nil }
    var value = 0
    for index in start..<(start + count) {
      let byte = bytes[index]
      guard SegmentClassifier.isDigit(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }
}
