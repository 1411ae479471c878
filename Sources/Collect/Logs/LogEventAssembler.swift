/// Turns the lines of one file into events for a given format. Python
/// text keeps a traceback with the line before it, syslog rejoins
/// `#012`-escaped newlines, and JSON lines read their fields by their
/// common names.
public struct LogEventAssembler {
  public let format: LogFormat
  private var pending: [[UInt8]] = []
  private var pendingLine = 0
  /// The pending traceback has printed its exception line and no chain
  /// message followed, so a new `Traceback` header starts a new event.
  private var pendingTracebackEnded = false
  private var pendingExtraLines = 0
  /// The maximum number of lines of one event kept in memory. A longer
  /// traceback is summarised from its first lines.
  static let maximumEventLines = 5000
  private let tracebacks = TracebackParser()

  public init(format: LogFormat) {
    precondition(format != .auto, "detect the format before assembling events")
    self.format = format
  }

  /// Adds one decoded line (no line ending) with its 1-based number and
  /// passes each finished event to `emit`.
  public mutating func add(_ line: [UInt8], number: Int, emit: (LogEvent) -> Void) {
    switch format {
    case .python:
      if !pending.isEmpty, isContinuation(line), !startsNewTraceback(line) {
        // Lines past the cap still belong to the event but are not kept.
        if pending.count < LogEventAssembler.maximumEventLines {
          pending.append(line)
        } else {
          pendingExtraLines += 1
        }
        noteTracebackProgress(line)
        return
      }
      flush(emit: emit)
      pending = [line]
      pendingLine = number
      pendingTracebackEnded = false
      pendingExtraLines = 0
    case .json:
      emit(jsonEvent(line, number))
    case .syslog:
      emit(syslogEvent(line, number))
    case .plain, .auto:
      emit(LogEvent(line: number, message: line))
    }
  }

  /// Emits the event still waiting for continuation lines.
  public mutating func flush(emit: (LogEvent) -> Void) {
    guard !pending.isEmpty else { return }
    emit(pythonEvent(pending, pendingLine))
    pending = []
  }

  /// Tells whether a Python line continues the event before it: it is
  /// indented, blank, part of a traceback, or has no header of its own.
  private func isContinuation(_ line: [UInt8]) -> Bool {
    if line.isEmpty || line.first == 0x20 || line.first == 0x09 || line.first == 0x1B {
      return true
    }
    return PythonHeader.parse(line) == nil
  }

  /// Tells whether `line` is a `Traceback` header after a finished
  /// traceback, as when a program prints several errors with no log
  /// header between them.
  private func startsNewTraceback(_ line: [UInt8]) -> Bool {
    pendingTracebackEnded && startsWith(TracebackParser.withoutEscapes(line), "Traceback (")
  }

  private mutating func noteTracebackProgress(_ line: [UInt8]) {
    guard line.first != 0x20 else { return }
    let text = TracebackParser.withoutEscapes(line)
    if startsWith(text, "During handling of the above exception")
      || startsWith(text, "The above exception was the direct cause")
    {
      pendingTracebackEnded = false
    } else if TracebackParser.exceptionType(String(decoding: text, as: UTF8.self)) != nil {
      pendingTracebackEnded = true
    }
  }

  private func pythonEvent(_ lines: [[UInt8]], _ number: Int) -> LogEvent {
    let first = lines[0]
    var event = LogEvent(line: number, lineCount: lines.count + pendingExtraLines, message: first)
    if let header = PythonHeader.parse(first) {
      event.level = header.level
      event.timestamp = header.timestamp
      event.logger = header.logger
      event.message = Array(first[header.messageStart...])
    }
    if lines.count > 1 { event.exception = tracebacks.summarize(lines) }
    return event
  }

  private func syslogEvent(_ line: [UInt8], _ number: Int) -> LogEvent {
    var event = LogEvent(line: number, message: line)
    guard let header = SyslogHeader.parse(line) else { return event }
    event.level = header.level
    event.timestamp = header.timestamp
    event.logger = header.app
    let parts = splitEscapedNewlines(Array(line[header.messageStart...]))
    event.message = parts[0]
    if parts.count > 1 { event.exception = tracebacks.summarize(parts) }
    return event
  }

  /// Splits at each `#012`, the octal escape rsyslog writes for a newline.
  private func splitEscapedNewlines(_ bytes: [UInt8]) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0
    var index = 0
    while index + 3 < bytes.count {
      if bytes[index] == 0x23, bytes[index + 1] == 0x30, bytes[index + 2] == 0x31,
        bytes[index + 3] == 0x32
      {
        parts.append(Array(bytes[start..<index]))
        index += 4
        start = index
      } else {
        index += 1
      }
    }
    parts.append(Array(bytes[start...]))
    return parts
  }

  private func jsonEvent(_ line: [UInt8], _ number: Int) -> LogEvent {
    guard let object = JSONLineParser.parse(line) else {
      return LogEvent(line: number, message: line)
    }
    let fields = JSONLogFields(object)
    var event = LogEvent(line: number, message: Array((fields.message ?? "").utf8))
    event.level = fields.level
    event.timestamp = fields.timestamp
    event.logger = fields.logger
    event.numbers = object.numbers
    if let trace = fields.exception {
      let lines = trace.split(separator: "\n", omittingEmptySubsequences: false).map {
        Array($0.utf8)
      }
      event.exception = tracebacks.summarize(lines)
    }
    return event
  }
}
