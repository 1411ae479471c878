/// The layout of a log file. `auto` picks one of the others from the
/// first lines of each file.
public enum LogFormat: String, CaseIterable, Sendable {
  case auto
  /// One JSON object per line.
  case json
  /// Python `logging` text: a header line, then any traceback lines.
  case python
  /// RFC 3164 or RFC 5424 syslog lines, with `#012` for newlines.
  case syslog
  /// One event per line.
  case plain

  /// Guesses the format from sample lines: the one most of them match,
  /// or `python` when any line starts a traceback.
  public static func detect(_ lines: [[UInt8]]) -> LogFormat {
    var json = 0
    var syslog = 0
    var python = 0
    var total = 0
    for line in lines where !line.isEmpty {
      total += 1
      if line.first == UInt8(ascii: "{") { json += 1 }
      if SyslogHeader.parse(line) != nil { syslog += 1 }
      if PythonHeader.parse(line) != nil { python += 1 }
      if startsWith(line, "Traceback (most recent call last)") { return .python }
    }
    guard total > 0 else { return .plain }
    if json * 2 > total { return .json }
    if syslog * 2 > total { return .syslog }
    if python * 2 > total { return .python }
    return .plain
  }
}

func startsWith(_ bytes: [UInt8], _ prefix: String) -> Bool {
  let prefixBytes = Array(prefix.utf8)
  return bytes.count >= prefixBytes.count && bytes[0..<prefixBytes.count].elementsEqual(prefixBytes)
}
