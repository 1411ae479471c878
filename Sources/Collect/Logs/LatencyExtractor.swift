/// Reads a processing latency, in milliseconds, from an event: from a
/// numeric JSON field under a common name, or from the message through a
/// configured pattern such as `done in {ms} ms` or `took {s}s`.
public struct LatencyExtractor: Sendable {
  /// JSON fields tried in order, with the factor that turns each into
  /// milliseconds.
  public static let fields: [(name: String, toMilliseconds: Double)] = [
    ("latency_ms", 1), ("duration_ms", 1), ("elapsed_ms", 1), ("took_ms", 1),
    ("processing_ms", 1), ("latency", 1000), ("duration", 1000), ("elapsed", 1000),
  ]

  private let prefix: [UInt8]
  private let suffix: [UInt8]
  private let patternFactor: Double

  /// Creates an extractor; `pattern` contains literal text around one of the
  /// placeholders `{ms}` or `{s}` that marks the number and its unit.
  public init?(pattern: String? = nil) {
    guard let pattern else {
      prefix = []
      suffix = []
      patternFactor = 0
      return
    }
    for (placeholder, factor) in [("{ms}", 1.0), ("{s}", 1000.0)] {
      guard let range = pattern.firstRange(of: placeholder) else { continue }
      prefix = Array(pattern[..<range.lowerBound].utf8)
      suffix = Array(pattern[range.upperBound...].utf8)
      patternFactor = factor
      return
    }
    return nil
  }

  /// Returns the event's latency in milliseconds, or nil when it has none.
  public func milliseconds(of event: LogEvent) -> Double? {
    for (name, factor) in LatencyExtractor.fields {
      if let value = event.numbers[name], value >= 0 { return value * factor }
    }
    guard patternFactor > 0 else { return nil }
    return match(event.message).map { $0 * patternFactor }
  }

  /// Finds the prefix, reads the number after it, and checks the suffix.
  private func match(_ message: [UInt8]) -> Double? {
    var start = 0
    while start + prefix.count <= message.count {
      if message[start..<(start + prefix.count)].elementsEqual(prefix) {
        var end = start + prefix.count
        while end < message.count, SegmentClassifier.isDigit(message[end]) || message[end] == 0x2E {
          end += 1
        }
        let digits = message[(start + prefix.count)..<end]
        let rest = message[end...]
        if !digits.isEmpty, rest.starts(with: suffix),
          let value = Double(String(decoding: digits, as: UTF8.self))
        {
          return value
        }
      }
      start += 1
    }
    return nil
  }
}
