/// The fields of a JSON log line under their common names: `message` or
/// `msg`, `level`, `timestamp`, `time`, `ts` or `@timestamp`, `logger`,
/// and `exc_info`, `exception` or `stack_trace` for a traceback.
struct JSONLogFields {
  var message: String?
  var level: String?
  var timestamp: Double?
  var logger: String?
  var exception: String?

  static let messageKeys = ["message", "msg", "event", "text"]
  static let levelKeys = ["level", "levelname", "severity", "lvl", "log.level"]
  static let timeKeys = ["timestamp", "time", "ts", "@timestamp", "asctime", "date"]
  static let loggerKeys = ["logger", "name", "logger_name", "log.logger"]
  static let exceptionKeys = ["exc_info", "exception", "stack_trace", "stacktrace", "traceback"]

  init(_ object: JSONLineParser.Object) {
    message = JSONLogFields.first(JSONLogFields.messageKeys, in: object.strings)
    level = JSONLogFields.first(JSONLogFields.levelKeys, in: object.strings).map(normalizedLevel)
    logger = JSONLogFields.first(JSONLogFields.loggerKeys, in: object.strings)
    exception = JSONLogFields.first(JSONLogFields.exceptionKeys, in: object.strings)
    if let text = JSONLogFields.first(JSONLogFields.timeKeys, in: object.strings) {
      timestamp = TimestampParser.parseISO(Array(text.utf8), at: 0)?.seconds
    } else if let number = JSONLogFields.first(JSONLogFields.timeKeys, in: object.numbers) {
      // Epoch values past 1e11 are taken as milliseconds.
      timestamp = number > 1e11 ? number / 1000 : number
    }
  }

  private static func first<Value>(_ keys: [String], in values: [String: Value]) -> Value? {
    for key in keys {
      if let value = values[key] { return value }
    }
    return nil
  }
}

private func normalizedLevel(_ text: String) -> String {
  let upper = text.uppercased()
  switch upper {
  case "WARN": return "WARNING"
  case "ERR": return "ERROR"
  case "CRIT", "FATAL": return "CRITICAL"
  default: return upper
  }
}
