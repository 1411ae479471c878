/// Parsers for the Linux /proc files that host health reads. Each returns
/// nil when the text does not have the expected shape.
public enum ProcFiles {
  /// Parses /proc/meminfo, whose sizes are in kibibytes despite the `kB` unit.
  public static func parseMemory(_ text: String) -> MemoryInfo? {
    var fields: [Substring: Int64] = [:]
    for line in text.split(separator: "\n") {
      let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " })
      guard parts.count >= 2, let kibibytes = Int64(parts[1]) else { continue }
      fields[parts[0]] = kibibytes * 1024
    }
    guard let total = fields["MemTotal"] else { return nil }

    let available =
      fields["MemAvailable"]
      ?? (fields["MemFree"] ?? 0) + (fields["Buffers"] ?? 0) + (fields["Cached"] ?? 0)
    return MemoryInfo(
      totalBytes: total, availableBytes: available,
      swapTotalBytes: fields["SwapTotal"] ?? 0, swapFreeBytes: fields["SwapFree"] ?? 0)
  }

  /// Parses /proc/loadavg, such as `0.52 0.58 0.59 1/389 12345`.
  public static func parseLoad(_ text: String) -> LoadAverage? {
    let parts = text.split(whereSeparator: \.isWhitespace)
    guard parts.count >= 3, let one = Double(parts[0]), let five = Double(parts[1]),
      let fifteen = Double(parts[2])
    else { return nil }
    return LoadAverage(one: one, five: five, fifteen: fifteen)
  }

  /// Parses the first number of /proc/uptime: seconds since boot.
  public static func parseUptime(_ text: String) -> Double? {
    guard let first = text.split(whereSeparator: \.isWhitespace).first,
      let seconds = Double(first), seconds >= 0
    else { return nil }
    return seconds
  }

  /// Parses the `btime` line of /proc/stat: the boot time in Unix seconds.
  public static func parseBootTime(_ text: String) -> Int64? {
    for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
      return Int64(line.dropFirst(6).trimmingCharacters(in: " \t\r"))
    }
    return nil
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> Substring {
    var trimmed = self
    while let first = trimmed.first, set.contains(first) { trimmed.removeFirst() }
    while let last = trimmed.last, set.contains(last) { trimmed.removeLast() }
    return trimmed
  }
}
