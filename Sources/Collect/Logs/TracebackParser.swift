/// Reads the text of a Python traceback, as CPython and loguru print it:
/// chained exceptions ("During handling of the above exception...", "The
/// above exception was the direct cause..."), exception groups drawn with
/// `+-` and `|` borders, and ANSI colour codes.
struct TracebackParser {
  /// Path parts that mark a frame as library code rather than the
  /// application's own.
  static let libraryMarkers = [
    "site-packages", "dist-packages", "/lib/python", "<frozen", "/usr/lib/", "\\lib\\",
  ]

  /// How many of the innermost application frames the summary keeps.
  var frameLimit = 2

  /// Returns the summary of the last traceback in `lines`, or nil when
  /// the lines hold no traceback.
  func summarize(_ lines: [[UInt8]]) -> ExceptionSummary? {
    var frames: [String] = []
    var types: [String] = []
    var topLevel = Int.max
    for raw in lines {
      let (line, level, bordered) = TracebackParser.stripDecoration(raw)
      if line.hasPrefix("Traceback (most recent call last)")
        || line.hasPrefix("Exception Group Traceback")
      {
        if level <= topLevel {
          topLevel = level
          frames = []
        }
      } else if line.hasPrefix("File \"") {
        let frameLevel = bordered ? level : level - 2
        if frameLevel == topLevel, let frame = TracebackParser.frameName(line) {
          frames.append(frame)
        }
      } else if level == topLevel, let type = TracebackParser.exceptionType(line) {
        types.append(type)
      }
    }
    guard topLevel != Int.max, let last = types.last else { return nil }
    let application = frames.reversed().prefix(frameLimit)
    return ExceptionSummary(type: last, frames: Array(application), chain: Array(types.dropLast()))
  }

  /// Removes ANSI escapes, group borders (`|`, `+`), loguru's `>` marker
  /// and the indentation. Returns the text, the indentation before the
  /// first border or text, and whether a border was found.
  static func stripDecoration(_ raw: [UInt8]) -> (String, Int, Bool) {
    let bytes = withoutEscapes(raw)
    var indent = 0
    while indent < bytes.count, bytes[indent] == 0x20 { indent += 1 }
    if indent < bytes.count, bytes[indent] == UInt8(ascii: ">") { indent += 2 }
    let bordered = indent < bytes.count && (bytes[indent] == 0x7C || bytes[indent] == 0x2B)
    var text = Substring(String(decoding: bytes, as: UTF8.self))
    while let first = text.first, first == " " || first == "|" || first == "+" || first == ">" {
      text = text.dropFirst()
    }
    return (text.trimmingTrailingSpaces(), indent, bordered)
  }

  /// Returns `raw` without ANSI escape sequences (colours, bold).
  static func withoutEscapes(_ raw: [UInt8]) -> [UInt8] {
    guard raw.contains(0x1B) else { return raw }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(raw.count)
    var index = 0
    while index < raw.count {
      if raw[index] == 0x1B, index + 1 < raw.count, raw[index + 1] == UInt8(ascii: "[") {
        index += 2
        while index < raw.count, !(raw[index] >= 0x40 && raw[index] <= 0x7E) { index += 1 }
        index += 1
        continue
      }
      bytes.append(raw[index])
      index += 1
    }
    return bytes
  }

  /// Returns `file.py:function` for an application frame, or nil for a
  /// library frame.
  static func frameName(_ line: String) -> String? {
    let parts = line.split(separator: "\"", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3 else { return nil }
    let path = String(parts[1])
    if libraryMarkers.contains(where: { path.contains($0) }) { return nil }
    guard let inRange = parts[2].firstRange(of: ", in ") else { return nil }
    let function = parts[2][inRange.upperBound...].trimmingTrailingSpaces()
    let file = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    return file + ":" + function
  }

  /// Returns the type in a line like `ValueError: bad` or
  /// `app.errors.LoadError`, or nil when the line is not one.
  static func exceptionType(_ line: String) -> String? {
    let head = line.split(separator: ":", maxSplits: 1).first.map(String.init) ?? line
    guard let first = head.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
      head.unicodeScalars.allSatisfy({
        $0.properties.isAlphabetic || $0 == "_" || $0 == "." || ("0"..."9").contains($0)
      })
    else { return nil }
    let simple = head.split(separator: ".").last.map(String.init) ?? head
    let looksLikeType =
      simple.hasSuffix("Error") || simple.hasSuffix("Exception") || simple.hasSuffix("Warning")
      || simple.hasSuffix("Group") || simple.hasSuffix("Interrupt") || simple == "StopIteration"
      || simple == "SystemExit" || simple == "GeneratorExit" || line.contains(":")
    guard looksLikeType, let firstOfSimple = simple.first, firstOfSimple.isUppercase else {
      return nil
    }
    return head
  }
}

extension Substring {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while let last = text.last, last == " " || last == "\r" { text = text.dropLast() }
    return String(text)
  }
}
