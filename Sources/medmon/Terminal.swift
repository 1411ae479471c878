import Collect
import Core

#if canImport(Glibc)
  import Glibc
#endif

/// Writes to stdout or stderr through the C library, unbuffered by Swift.
final class OutputStream: @unchecked Sendable {
  private let file: UnsafeMutablePointer<FILE>
  let isTerminal: Bool

  init(_ file: UnsafeMutablePointer<FILE>, descriptor: Int32) {
    self.file = file
    self.isTerminal = isatty(descriptor) == 1
  }

  static let standardOutput = OutputStream(stdout, descriptor: 1)
  static let standardError = OutputStream(stderr, descriptor: 2)

  func write(_ text: String) {
    fputs(text, file)
  }

  func flush() { fflush(file) }
}

/// Writes diagnostics to stderr as `medmon: LEVEL: message`, in colour
/// only on a terminal and when NO_COLOR is unset.
struct StandardErrorSink: LogSink {
  let colour: Bool

  func write(_ level: LogLevel, _ message: String) {
    let label = level.label
    let prefix = colour ? "\u{1B}[\(code(level))m\(label)\u{1B}[0m" : label
    OutputStream.standardError.write("medmon: \(prefix): \(message)\n")
  }

  private func code(_ level: LogLevel) -> String {
    switch level {
    case .error: return "1;31"
    case .warning: return "1;33"
    case .info: return "1;34"
    case .debug: return "2"
    }
  }
}

/// Redraws one status line on a terminal, at most ten times a second.
final class TerminalProgress: ProgressSink, @unchecked Sendable {
  private var lastDraw: Int64 = 0
  private var drawn = false
  private let lock = Mutex()

  func update(_ label: String, completed: Int, total: Int?) {
    lock.withLock {
      let now = monotonicMilliseconds()
      guard now - lastDraw >= 100 else { return }
      lastDraw = now
      var line = "\(label): \(completed)"
      if let total, total > 0 {
        line += "/\(total) (\(completed * 100 / total)%)"
      }
      OutputStream.standardError.write("\r\u{1B}[K" + line)
      drawn = true
    }
  }

  func finish() {
    lock.withLock {
      if drawn { OutputStream.standardError.write("\r\u{1B}[K") }
      drawn = false
    }
  }
}

/// A pthread mutex for the small amount of shared state in the executable.
final class Mutex: @unchecked Sendable {
  private var mutex = pthread_mutex_t()

  init() { pthread_mutex_init(&mutex, nil) }
  deinit { pthread_mutex_destroy(&mutex) }

  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    return try body()
  }
}

func monotonicMilliseconds() -> Int64 {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
}

extension StandardErrorSink {
  /// Writes a `medmon: hint: ...` line, which is never filtered by level.
  func write(hint: String) {
    let label = colour ? "\u{1B}[1;32mhint\u{1B}[0m" : "hint"
    OutputStream.standardError.write("medmon: \(label): \(hint)\n")
  }
}

/// Asks for a missing value on a terminal; without one, it names the
/// option to pass instead.
struct Prompt {
  let enabled: Bool

  static var isInteractive: Bool { isatty(0) == 1 && isatty(2) == 1 }

  func ask(_ question: String, option: String) throws -> String {
    guard enabled else { throw SiteError.missingOption(option) }
    while true {
      OutputStream.standardError.write("\(question): ")
      guard let line = readLine() else { throw SiteError.missingOption(option) }
      let answer = line.trimmingCharacters(in: " \t")
      if !answer.isEmpty { return answer }
    }
  }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    let characters = Set(set)
    guard let first = firstIndex(where: { !characters.contains($0) }),
      let last = lastIndex(where: { !characters.contains($0) })
    else { return "" }
    return String(self[first...last])
  }
}
