/// The header of a syslog line, RFC 5424 (`<PRI>1 TIMESTAMP HOST APP
/// PROCID MSGID SD MSG`) or RFC 3164 (`[<PRI>]Mmm dd hh:mm:ss HOST
/// TAG[PID]: MSG`).
struct SyslogHeader: Equatable {
  /// Seconds since the Unix epoch. RFC 3164 lines carry no year, so they
  /// get none here.
  var timestamp: Double?
  var level: String?
  var app: String?
  var messageStart: Int

  static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  static func parse(_ line: [UInt8]) -> SyslogHeader? {
    var index = 0
    var level: String?
    if line.first == UInt8(ascii: "<") {
      guard let close = line.prefix(6).firstIndex(of: UInt8(ascii: ">")),
        let priority = TimestampParser.number(line, 1, close - 1)
      else { return nil }
      level = severityName(priority % 8)
      index = close + 1
    }
    if index + 2 < line.count, line[index] == UInt8(ascii: "1"), line[index + 1] == 0x20 {
      return parse5424(line, from: index + 2, level: level)
    }
    return parse3164(line, from: index, level: level)
  }

  private static func parse5424(_ line: [UInt8], from start: Int, level: String?)
    -> SyslogHeader?
  {
    var fields: [Range<Int>] = []
    var index = start
    while fields.count < 5, index < line.count {
      let fieldStart = index
      while index < line.count, line[index] != 0x20 { index += 1 }
      fields.append(fieldStart..<index)
      index += 1
    }
    guard fields.count == 5 else { return nil }
    let timestamp = TimestampParser.parseISO(line, at: fields[0].lowerBound)?.seconds
    guard timestamp != nil || line[fields[0]].elementsEqual([0x2D]) else { return nil }
    index = skipStructuredData(line, from: min(index, line.count))
    if index + 3 <= line.count, line[index] == 0xEF, line[index + 1] == 0xBB,
      line[index + 2] == 0xBF
    {
      index += 3
    }
    let app = String(decoding: line[fields[2]], as: UTF8.self)
    return SyslogHeader(timestamp: timestamp, level: level, app: app, messageStart: index)
  }

  private static func skipStructuredData(_ line: [UInt8], from start: Int) -> Int {
    var index = start
    if index < line.count, line[index] == 0x2D { return min(index + 2, line.count) }
    while index < line.count, line[index] == UInt8(ascii: "[") {
      var escaped = false
      index += 1
      while index < line.count {
        let byte = line[index]
        index += 1
        if escaped {
          escaped = false
        } else if byte == 0x5C {
          escaped = true
        } else if byte == UInt8(ascii: "]") {
          break
        }
      }
    }
    while index < line.count, line[index] == 0x20 { index += 1 }
    return index
  }

  private static func parse3164(_ line: [UInt8], from start: Int, level: String?)
    -> SyslogHeader?
  {
    guard start + 16 <= line.count else { return nil }
    let month = String(decoding: line[start..<(start + 3)], as: UTF8.self)
    guard months.contains(month), line[start + 3] == 0x20, line[start + 6] == 0x20,
      line[start + 9] == 0x3A, line[start + 12] == 0x3A, line[start + 15] == 0x20
    else { return nil }
    var index = start + 16
    while index < line.count, line[index] != 0x20 { index += 1 }
    index += 1
    let tagStart = index
    while index < line.count, line[index] != 0x3A, line[index] != 0x20 { index += 1 }
    guard index < line.count, line[index] == 0x3A, index > tagStart else { return nil }
    var tagEnd = index
    if let bracket = line[tagStart..<index].firstIndex(of: UInt8(ascii: "[")) { tagEnd = bracket }
    let app = String(decoding: line[tagStart..<tagEnd], as: UTF8.self)
    index += 1
    if index < line.count, line[index] == 0x20 { index += 1 }
    return SyslogHeader(timestamp: nil, level: level, app: app, messageStart: index)
  }

  private static func severityName(_ severity: Int) -> String {
    switch severity {
    case 0...3: return "ERROR"
    case 4: return "WARNING"
    case 5, 6: return "INFO"
    default: return "DEBUG"
    }
  }
}
