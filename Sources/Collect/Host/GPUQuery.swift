import Core

/// The nvidia-smi query that host health runs, and the parser for its
/// output.
public enum GPUQuery {
  /// The columns requested, in the order nvidia-smi prints them.
  public static let fields = [
    "index", "name", "temperature.gpu", "memory.total", "memory.used", "utilization.gpu",
    "ecc.errors.uncorrected.volatile.total",
  ]

  public static let arguments = [
    "--query-gpu=" + fields.joined(separator: ","), "--format=csv,noheader,nounits",
  ]

  /// The outcome of one query: a status, the GPUs, and for an error the
  /// first line of the message.
  public struct Outcome: Equatable, Sendable {
    public var status: GPUStatus
    public var gpus: [GPUState]
    public var detail: String?
  }

  /// Runs nvidia-smi (a name looked up in `PATH`, or a path) and
  /// classifies what happened.
  public static func run(_ program: String, timeout: Double) -> Outcome {
    let output: Subprocess.Output
    do {
      output = try Subprocess.run(program, arguments: arguments, timeout: timeout)
    } catch ProcessError.notFound {
      return Outcome(status: .absent, gpus: [], detail: nil)
    } catch {
      return Outcome(status: .error, gpus: [], detail: "\(error)")
    }
    return classify(output)
  }

  /// Classifies a finished nvidia-smi run. "No devices were found" (exit
  /// status 6 in current drivers) and empty output mean no GPU, any other
  /// failure is an error.
  public static func classify(_ output: Subprocess.Output) -> Outcome {
    let text = output.outputText
    let message = firstLine(output.errorText) ?? firstLine(text)
    if text.contains("No devices were found") || output.errorText.contains("No devices were found")
    {
      return Outcome(status: .missing, gpus: [], detail: nil)
    }
    switch output.termination {
    case .timedOut:
      return Outcome(status: .error, gpus: [], detail: "nvidia-smi timed out")
    case .signaled(let signal):
      return Outcome(status: .error, gpus: [], detail: "nvidia-smi killed by signal \(signal)")
    case .exited(let code) where code != 0:
      return Outcome(status: .error, gpus: [], detail: message ?? "nvidia-smi exited with \(code)")
    default:
      break
    }
    return parse(text)
  }

  /// Parses the CSV lines that the query prints on success.
  public static func parse(_ text: String) -> Outcome {
    var gpus: [GPUState] = []
    for line in text.split(whereSeparator: \.isNewline) where !line.allSatisfy(\.isWhitespace) {
      guard let gpu = parseLine(line) else {
        let shown = String(line.prefix(120))
        return Outcome(status: .error, gpus: [], detail: "unexpected nvidia-smi line '\(shown)'")
      }
      gpus.append(gpu)
    }
    if gpus.isEmpty { return Outcome(status: .missing, gpus: [], detail: nil) }

    let faulty = gpus.first { $0.fault != nil }
    if let faulty {
      let detail = "GPU \(faulty.index) reports '\(faulty.fault!)'"
      return Outcome(status: .error, gpus: gpus, detail: detail)
    }
    return Outcome(status: .ok, gpus: gpus, detail: nil)
  }

  /// Parses one line such as `0, NVIDIA A100, 34, 40960, 1024, 0, [N/A]`.
  static func parseLine(_ line: Substring) -> GPUState? {
    let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
      String($0).trimmingCharacters(in: " \t\r")
    }
    guard cells.count == fields.count, let index = Int(cells[0]) else { return nil }
    var gpu = GPUState(index: index, name: cells[1])
    var faults: [String] = []
    func number(_ cell: String) -> Int? {
      if let value = Int(cell) { return value }
      if let value = Double(cell) { return Int(value.rounded()) }
      if !isUnavailable(cell) { faults.append(cell) }
      return nil
    }
    gpu.temperatureCelsius = number(cells[2])
    gpu.memoryTotalMiB = number(cells[3])
    gpu.memoryUsedMiB = number(cells[4])
    gpu.utilizationPercent = number(cells[5])
    gpu.eccErrors = number(cells[6])
    gpu.fault = faults.first
    return gpu
  }

  /// Reports whether a cell means "this GPU has no such value", as opposed
  /// to a fault like `[GPU is lost]` or `[Unknown Error]`.
  static func isUnavailable(_ cell: String) -> Bool {
    ["[N/A]", "N/A", "[Not Supported]", "Not Supported", ""].contains(cell)
  }

  private static func firstLine(_ text: String) -> String? {
    let line = text.split(whereSeparator: \.isNewline).first.map {
      String($0).trimmingCharacters(in: " \t\r")
    }
    guard let line, !line.isEmpty else { return nil }
    return String(line.prefix(200))
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var trimmed = Substring(self)
    while let first = trimmed.first, set.contains(first) { trimmed.removeFirst() }
    while let last = trimmed.last, set.contains(last) { trimmed.removeLast() }
    return String(trimmed)
  }
}
