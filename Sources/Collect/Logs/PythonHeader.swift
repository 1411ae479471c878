/// The header of a Python `logging` line: time, level and logger before
/// the message. Recognised layouts include `2024-05-01 10:00:00,123 -
/// app.io - ERROR - message`, `2024-05-01 10:00:00,123 ERROR app.io:
/// message`, `[2024-05-01 10:00:00] [ERROR] message` and the default
/// `ERROR:app.io:message`.
struct PythonHeader: Equatable {
  var timestamp: Double?
  var level: String
  var logger: String?
  /// The offset in the line at which the message starts.
  var messageStart: Int

  static let levels = [
    "DEBUG", "INFO", "WARNING", "WARN", "ERROR", "CRITICAL", "FATAL", "EXCEPTION",
  ]

  static func parse(_ line: [UInt8]) -> PythonHeader? {
    if let header = parseLevelFirst(line) { return header }
    var index = 0
    if line.first == UInt8(ascii: "[") { index = 1 }
    guard let (seconds, end) = TimestampParser.parseISO(line, at: index) else { return nil }
    var position = end
    var logger: String?
    for _ in 0..<4 {
      let token = nextToken(line, &position)
      guard !token.isEmpty else { return nil }
      if let level = levelName(token) {
        let start = skipSeparators(line, position, loggerOut: &logger)
        return PythonHeader(timestamp: seconds, level: level, logger: logger, messageStart: start)
      }
      if token.count > 1, !token.allSatisfy({ $0 == 0x2D || $0 == 0x5D }) {
        logger = String(decoding: token, as: UTF8.self)
      }
    }
    return nil
  }

  /// Parses `LEVEL:logger:message`, the `logging.basicConfig` default.
  private static func parseLevelFirst(_ line: [UInt8]) -> PythonHeader? {
    guard let colon = line.prefix(10).firstIndex(of: UInt8(ascii: ":")),
      let level = levelName(Array(line[0..<colon]))
    else { return nil }
    let rest = line[(colon + 1)...]
    guard let second = rest.firstIndex(of: UInt8(ascii: ":")),
      !line[(colon + 1)..<second].contains(0x20)
    else { return nil }
    let logger = String(decoding: line[(colon + 1)..<second], as: UTF8.self)
    return PythonHeader(timestamp: nil, level: level, logger: logger, messageStart: second + 1)
  }

  private static func levelName(_ token: [UInt8]) -> String? {
    var core = token[...]
    while let first = core.first, first == 0x5B || first == 0x28 { core = core.dropFirst() }
    while let last = core.last, [0x5D, 0x29, 0x3A].contains(last) { core = core.dropLast() }
    let text = String(decoding: core, as: UTF8.self)
    guard levels.contains(text) else { return nil }
    return text == "WARN" ? "WARNING" : text
  }

  private static func nextToken(_ line: [UInt8], _ position: inout Int) -> [UInt8] {
    while position < line.count, line[position] == 0x20 { position += 1 }
    let start = position
    while position < line.count, line[position] != 0x20 { position += 1 }
    return Array(line[start..<position])
  }

  /// Skips ` - `, `:` and a `logger:` token after the level.
  private static func skipSeparators(_ line: [UInt8], _ start: Int, loggerOut: inout String?)
    -> Int
  {
    var index = start
    while index < line.count, line[index] == 0x20 || line[index] == 0x2D || line[index] == 0x3A {
      index += 1
    }
    var end = index
    while end < line.count, line[end] != 0x20 { end += 1 }
    if end > index + 1, line[end - 1] == UInt8(ascii: ":") {
      loggerOut = String(decoding: line[index..<(end - 1)], as: UTF8.self)
      index = end
      while index < line.count, line[index] == 0x20 { index += 1 }
    }
    return index
  }
}
