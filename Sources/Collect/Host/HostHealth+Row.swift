import Core

/// The `host` table row that docs/bundle-format.md specifies.
extension HostHealth {
  public func tableRow() -> JSONValue {
    var row: [String: JSONValue] = [
      "time": .string(Self.timestamp(time)),
      "uptime_s": uptimeSeconds.map(JSONValue.double) ?? .null,
      "boot_time": bootTime.map { .string(Self.timestamp($0)) } ?? .null,
      "load1": load.map { .double($0.one) } ?? .null,
      "memory_total_bytes": memory.map { .integer($0.totalBytes) } ?? .null,
      "memory_available_bytes": memory.map { .integer($0.availableBytes) } ?? .null,
      "gpu_status": .string(gpuStatus.rawValue),
    ]
    row["disks"] = .array(
      disks.map { disk in
        .sortedObject([
          "path": .string(disk.path), "total_bytes": .integer(disk.totalBytes),
          "free_bytes": .integer(disk.freeBytes),
        ])
      })
    row["gpus"] = .array(gpus.map(Self.gpuRow))
    row["units"] = .array(
      units.map { .sortedObject(["name": .string($0.name), "active": .bool($0.active)]) })
    return .sortedObject(row)
  }

  private static func gpuRow(_ gpu: GPUState) -> JSONValue {
    func number(_ value: Int?) -> JSONValue { value.map { .integer(Int64($0)) } ?? .null }
    return .sortedObject([
      "index": .integer(Int64(gpu.index)), "name": .string(gpu.name),
      "temperature_c": number(gpu.temperatureCelsius),
      "memory_total_mib": number(gpu.memoryTotalMiB), "memory_used_mib": number(gpu.memoryUsedMiB),
      "utilization_pct": number(gpu.utilizationPercent), "ecc_errors": number(gpu.eccErrors),
    ])
  }

  /// Formats Unix seconds as RFC 3339 in UTC, such as `2026-10-03T08:15:02Z`.
  static func timestamp(_ seconds: Int64) -> String {
    let day = Day(unixSeconds: seconds)
    let clock = Int(seconds - day.unixSeconds)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(day)T\(two(clock / 3600)):\(two(clock / 60 % 60)):\(two(clock % 60))Z"
  }
}
