/// Reads whole log files into events: plain or gzip-compressed, UTF-8 or
/// Windows-1251, with the format given or detected from the first lines.
public struct LogFileScanner {
  public var format: LogFormat
  /// How many lines `auto` looks at before it decides.
  public static let detectionLines = 50

  public init(format: LogFormat = .auto) {
    self.format = format
  }

  /// Passes each event of `path` to `body` and returns the format used.
  @discardableResult
  public func scan(path: String, body: (LogEvent) -> Void) throws -> LogFormat {
    try withoutActuallyEscaping(body) { try scanEscaping(path: path, body: $0) }
  }

  private func scanEscaping(path: String, body: @escaping (LogEvent) -> Void) throws -> LogFormat {
    var sample: [([UInt8], Int)] = []
    var assembler: LogEventAssembler? = format == .auto ? nil : LogEventAssembler(format: format)
    var splitter = LineSplitter()
    let handle: ([UInt8], Int) -> Void = { raw, number in
      let line = TextDecoding.utf8(raw)
      if assembler == nil {
        sample.append((line, number))
        guard sample.count >= LogFileScanner.detectionLines else { return }
        assembler = LogFileScanner.startAssembler(sample, body)
        sample = []
        return
      }
      assembler!.add(line, number: number, emit: body)
    }
    if path.hasSuffix(".gz") {
      try FileBytes.readGzip(path: path) { splitter.add($0, body: handle) }
    } else {
      try FileBytes.read(path: path, from: 0) { splitter.add($0, body: handle) }
    }
    splitter.finish(body: handle)
    if assembler == nil { assembler = LogFileScanner.startAssembler(sample, body) }
    assembler!.flush(emit: body)
    return assembler!.format
  }

  /// Detects the format from `sample`, then replays the sample lines.
  static func startAssembler(_ sample: [([UInt8], Int)], _ body: (LogEvent) -> Void)
    -> LogEventAssembler
  {
    var assembler = LogEventAssembler(format: LogFormat.detect(sample.map { $0.0 }))
    for (line, number) in sample { assembler.add(line, number: number, emit: body) }
    return assembler
  }
}
