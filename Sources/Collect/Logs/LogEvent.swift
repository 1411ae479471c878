/// One log event: a line, or several lines when a traceback follows the
/// message. Messages are UTF-8 bytes, already decoded from the file's
/// encoding.
public struct LogEvent: Sendable, Equatable {
  /// The 1-based number of the event's first line in its file.
  public var line: Int
  /// How many physical lines the event spans.
  public var lineCount: Int
  /// The upper-case level name (`ERROR`, `WARNING`, ...), when the format
  /// carries one.
  public var level: String?
  /// Seconds since the Unix epoch, in UTC when the line gives no offset.
  public var timestamp: Double?
  public var logger: String?
  /// The message without its header (time, level, logger).
  public var message: [UInt8]
  /// The exception that ended the event's traceback, when it has one.
  public var exception: ExceptionSummary?
  /// Numeric fields of a JSON line, by name; latency is read from here.
  public var numbers: [String: Double]

  public init(
    line: Int, lineCount: Int = 1, level: String? = nil, timestamp: Double? = nil,
    logger: String? = nil, message: [UInt8], exception: ExceptionSummary? = nil,
    numbers: [String: Double] = [:]
  ) {
    self.line = line
    self.lineCount = lineCount
    self.level = level
    self.timestamp = timestamp
    self.logger = logger
    self.message = message
    self.exception = exception
    self.numbers = numbers
  }

  public var messageText: String { String(decoding: message, as: UTF8.self) }
}

/// The shape of a Python traceback: the type of the exception finally
/// raised and the innermost frames of the application's own code.
public struct ExceptionSummary: Sendable, Equatable {
  /// The exception type, such as `ValueError` or `app.errors.LoadError`.
  public var type: String
  /// `file.py:function` of the application's frames, innermost first.
  public var frames: [String]
  /// Types of the exceptions earlier in the chain, outermost first.
  public var chain: [String]

  public init(type: String, frames: [String], chain: [String] = []) {
    self.type = type
    self.frames = frames
    self.chain = chain
  }

  /// The template text the event groups under: the type and the frames,
  /// never the message, which contains values.
  public var template: String {
    var text = "Traceback " + type
    if !frames.isEmpty { text += " at " + frames.joined(separator: " <- ") }
    return text
  }
}
