import Core

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the health of the site server: /proc, statvfs of the configured
/// paths, nvidia-smi and systemctl. Each location is a property, so tests
/// point them at fixture files and fake programs.
public struct HostProbe: Sendable {
  /// The folder that contains meminfo, loadavg, uptime and stat.
  public var procRoot = "/proc"
  /// A program name looked up in `PATH`, or a path.
  public var nvidiaSMI = "nvidia-smi"
  public var systemctl = "systemctl"
  /// Seconds each external program may run before it is killed.
  public var timeout: Double = 10
  public var diskPaths: [String]
  public var units: [String]
  public var queriesGPU: Bool

  public init(diskPaths: [String], units: [String], queriesGPU: Bool) {
    self.diskPaths = diskPaths
    self.units = units
    self.queriesGPU = queriesGPU
  }

  /// Reads every source. Failures become nil fields and `problems`
  /// sentences, never errors, so one broken source does not stop a snapshot.
  public func collect(now: Int64) -> HostHealth {
    var health = HostHealth(time: now)
    health.memory = read("meminfo", into: &health.problems, ProcFiles.parseMemory)
    health.load = read("loadavg", into: &health.problems, ProcFiles.parseLoad)
    health.uptimeSeconds = read("uptime", into: &health.problems, ProcFiles.parseUptime)
    health.bootTime = read("stat", into: &health.problems, ProcFiles.parseBootTime)

    for path in diskPaths {
      switch Self.diskUsage(path) {
      case .success(let usage): health.disks.append(usage)
      case .failure(let error): health.problems.append(error.message)
      }
    }

    if queriesGPU {
      let outcome = GPUQuery.run(nvidiaSMI, timeout: timeout)
      health.gpuStatus = outcome.status
      health.gpus = outcome.gpus
      health.gpuDetail = outcome.detail
    }
    health.units = units.map { unitState($0, problems: &health.problems) }
    return health
  }

  /// Returns the space on the file system that contains `path`.
  public static func diskUsage(_ path: String) -> Result<DiskUsage, FileSystemError> {
    var info = statvfs()
    guard statvfs(path, &info) == 0 else {
      return .failure(FileSystemError("read the disk usage of", path: path))
    }
    let blockSize = Int64(info.f_frsize)
    return .success(
      DiskUsage(
        path: path, totalBytes: Int64(info.f_blocks) * blockSize,
        freeBytes: Int64(info.f_bfree) * blockSize,
        availableBytes: Int64(info.f_bavail) * blockSize))
  }

  /// Runs `systemctl is-active -- UNIT`. The `--` keeps a unit name that
  /// starts with a dash from being read as an option.
  func unitState(_ unit: String, problems: inout [String]) -> UnitState {
    let output: Subprocess.Output
    do {
      output = try Subprocess.run(
        systemctl, arguments: ["is-active", "--", unit], timeout: timeout)
    } catch {
      problems.append("cannot query unit '\(unit)': \(error)")
      return UnitState(name: unit, state: "unknown")
    }
    guard output.termination != .timedOut else {
      problems.append("systemctl timed out on unit '\(unit)'")
      return UnitState(name: unit, state: "unknown")
    }
    let word = output.outputText.split(whereSeparator: \.isWhitespace).first
    return UnitState(name: unit, state: word.map { String($0.prefix(40)) } ?? "unknown")
  }

  private func read<Value>(
    _ name: String, into problems: inout [String], _ parse: (String) -> Value?
  ) -> Value? {
    let path = FileSystem.join(procRoot, name)
    let text: String
    do {
      text = try FileSystem.readText(path)
    } catch let error as FileSystemError {
      problems.append(error.message)
      return nil
    } catch {
      problems.append("cannot read '\(path)': \(error)")
      return nil
    }
    guard let value = parse(text) else {
      problems.append("unexpected content in '\(path)'")
      return nil
    }
    return value
  }
}

extension HostProbe {
  /// Creates a probe for the site's `[host]` settings.
  public init(settings: HostSettings) {
    self.init(diskPaths: settings.diskPaths, units: settings.units, queriesGPU: settings.gpu)
  }
}
