import Core

/// Reads configured log files incrementally and keeps per-day aggregates
/// of their events. The fingerprint of an event is that of its masked
/// template (or traceback shape) alone, so the same error shape gets the
/// same fingerprint at every site and in every state database.
public struct LogCollector {
  public let format: LogFormat
  public private(set) var days: [Day: LogDayAggregate] = [:]
  public private(set) var latency: LatencyRecorder
  private let reader: LogFileReader
  private let masker = TemplateMasker()

  public init(format: LogFormat = .auto, latency: LatencyExtractor, logger: Logger = .silent) {
    self.format = format
    self.latency = LatencyRecorder(extractor: latency)
    self.reader = LogFileReader(logger: logger)
  }

  /// Reads what `path` gained since `state` and returns the new state.
  /// Events without a timestamp count on `fallbackDay`.
  public mutating func collect(path: String, state: LogFileState?, fallbackDay: Day) throws
    -> LogFileState
  {
    var assembler = LogEventAssembler(format: resolvedFormat(path))
    var events: [LogEvent] = []
    let newState = try reader.readNew(
      path: path, state: state,
      body: { line in
        assembler.add(TextDecoding.utf8(line.bytes), number: line.number) { events.append($0) }
      },
      fileEnded: { assembler.flush { events.append($0) } })
    // NOTE: a traceback still being written when the read ends is counted
    // as its own event, and its remaining lines as another one.
    assembler.flush { events.append($0) }
    for event in events { record(event, fallbackDay: fallbackDay) }
    return newState
  }

  /// Returns the template and fingerprint of an event.
  public func template(of event: LogEvent) -> (template: String, fingerprint: Fingerprint) {
    let template =
      event.exception?.template
      ?? String(decoding: masker.template(of: event.message), as: UTF8.self)
    return (template, Fingerprint(of: template))
  }

  private mutating func record(_ event: LogEvent, fallbackDay: Day) {
    let day = event.timestamp.map { Day(unixSeconds: Int64($0.rounded(.down))) } ?? fallbackDay
    let (template, fingerprint) = template(of: event)
    var sample = template
    if event.exception != nil {
      sample += ": " + String(decoding: masker.template(of: event.message), as: UTF8.self)
    }
    var aggregate = days[day] ?? LogDayAggregate()
    aggregate.levelCounts[event.level ?? "NONE", default: 0] += 1
    var stats =
      aggregate.templates[fingerprint]
      ?? LogTemplateStats(count: 0, firstSeen: nil, lastSeen: nil, sample: sample, level: nil)
    stats.add(timestamp: event.timestamp, sample: sample, level: event.level)
    aggregate.templates[fingerprint] = stats
    days[day] = aggregate
    latency.record(event)
  }

  private func resolvedFormat(_ path: String) -> LogFormat {
    guard format == .auto else { return format }
    let head = (try? FileBytes.prefix(path: path, length: 64 * 1024, gzip: false)) ?? []
    let lines = head.split(separator: 0x0A).prefix(LogFileScanner.detectionLines).map {
      TextDecoding.utf8(Array($0.last == 0x0D ? $0.dropLast() : $0))
    }
    return LogFormat.detect(lines)
  }
}
