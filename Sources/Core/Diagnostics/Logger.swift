/// How much a command reports on stderr. Each level includes the ones
/// above it.
public enum LogLevel: Int, Comparable, Sendable {
  case error = 0
  case warning
  case info
  case debug

  public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

  public var label: String {
    switch self {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "info"
    case .debug: return "debug"
    }
  }
}

/// A destination for log messages. Core never prints: the executable
/// injects a sink that writes to stderr, and tests inject one that records.
public protocol LogSink: Sendable {
  func write(_ level: LogLevel, _ message: String)
}

/// A level filter in front of a sink, passed to every part of Core that
/// reports.
public struct Logger: Sendable {
  public let sink: any LogSink
  public let level: LogLevel

  public init(sink: any LogSink, level: LogLevel = .info) {
    self.sink = sink
    self.level = level
  }

  /// A logger that drops every message.
  public static let silent = Logger(sink: DiscardingSink(), level: .error)

  public func error(_ message: @autoclosure () -> String) { emit(.error, message) }
  public func warning(_ message: @autoclosure () -> String) { emit(.warning, message) }
  public func info(_ message: @autoclosure () -> String) { emit(.info, message) }
  public func debug(_ message: @autoclosure () -> String) { emit(.debug, message) }

  public func isEnabled(_ candidate: LogLevel) -> Bool { candidate <= level }

  private func emit(_ candidate: LogLevel, _ message: () -> String) {
    if isEnabled(candidate) { sink.write(candidate, message()) }
  }
}

/// A sink that drops everything.
public struct DiscardingSink: LogSink {
  public init() {}
  public func write(_ level: LogLevel, _ message: String) {}
}

/// Reports progress of long work. The executable shows it only on a
/// terminal; under cron it is a no-op.
public protocol ProgressSink: Sendable {
  /// Records that `completed` of `total` units are done; `total` is nil
  /// while unknown.
  func update(_ label: String, completed: Int, total: Int?)
  func finish()
}

/// A progress sink that shows nothing.
public struct SilentProgress: ProgressSink {
  public init() {}
  public func update(_ label: String, completed: Int, total: Int?) {}
  public func finish() {}
}
