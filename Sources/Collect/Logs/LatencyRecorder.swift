import Core

/// Collects raw latency values by day and event counts by hour, for the
/// statistics layer to turn into sketches. Events without a timestamp are
/// not counted here.
public struct LatencyRecorder: Sendable {
  /// Latency values in milliseconds, in arrival order, by UTC day.
  public private(set) var latencies: [Day: [Double]] = [:]
  /// Events per UTC hour, keyed by hours since the Unix epoch.
  public private(set) var eventsPerHour: [Int64: Int] = [:]
  public let extractor: LatencyExtractor

  public init(extractor: LatencyExtractor) {
    self.extractor = extractor
  }

  /// Records the event's hour and, when it has one, its latency.
  public mutating func record(_ event: LogEvent) {
    guard let timestamp = event.timestamp else { return }
    let seconds = Int64(timestamp.rounded(.down))
    let hour = seconds >= 0 ? seconds / 3600 : (seconds - 3599) / 3600
    eventsPerHour[hour, default: 0] += 1
    if let value = extractor.milliseconds(of: event) {
      latencies[Day(unixSeconds: seconds), default: []].append(value)
    }
  }
}
