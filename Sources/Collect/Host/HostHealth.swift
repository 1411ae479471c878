/// The state of the site server at one snapshot. Fields are nil when
/// their source could not be read, and `problems` then explains why.
public struct HostHealth: Equatable, Sendable {
  /// Unix seconds when the probe ran.
  public var time: Int64
  public var uptimeSeconds: Double?
  /// Unix seconds of the last boot, from `btime` in /proc/stat.
  public var bootTime: Int64?
  public var load: LoadAverage?
  public var memory: MemoryInfo?
  public var disks: [DiskUsage] = []
  public var gpuStatus: GPUStatus = .notQueried
  /// The first line of nvidia-smi's message when `gpuStatus` is `error`.
  public var gpuDetail: String?
  public var gpus: [GPUState] = []
  public var units: [UnitState] = []
  /// One sentence per source that could not be read.
  public var problems: [String] = []

  public init(time: Int64) {
    self.time = time
  }
}

/// The 1, 5 and 15 minute load averages from /proc/loadavg.
public struct LoadAverage: Equatable, Sendable {
  public var one: Double
  public var five: Double
  public var fifteen: Double

  public init(one: Double, five: Double, fifteen: Double) {
    self.one = one
    self.five = five
    self.fifteen = fifteen
  }
}

/// Memory sizes in bytes from /proc/meminfo.
public struct MemoryInfo: Equatable, Sendable {
  public var totalBytes: Int64
  /// `MemAvailable`, or on kernels older than 3.14 that lack it, the sum
  /// of `MemFree`, `Buffers` and `Cached`.
  public var availableBytes: Int64
  public var swapTotalBytes: Int64
  public var swapFreeBytes: Int64

  public init(totalBytes: Int64, availableBytes: Int64, swapTotalBytes: Int64, swapFreeBytes: Int64)
  {
    self.totalBytes = totalBytes
    self.availableBytes = availableBytes
    self.swapTotalBytes = swapTotalBytes
    self.swapFreeBytes = swapFreeBytes
  }
}

/// Space on the file system that contains one configured path, from statvfs.
public struct DiskUsage: Equatable, Sendable {
  public var path: String
  public var totalBytes: Int64
  /// Free blocks, including those reserved for root.
  public var freeBytes: Int64
  /// Free blocks an unprivileged process may use.
  public var availableBytes: Int64

  public init(path: String, totalBytes: Int64, freeBytes: Int64, availableBytes: Int64) {
    self.path = path
    self.totalBytes = totalBytes
    self.freeBytes = freeBytes
    self.availableBytes = availableBytes
  }
}

/// The outcome of querying the GPUs.
public enum GPUStatus: String, Equatable, Sendable {
  /// nvidia-smi listed at least one GPU and reported no fault.
  case ok
  /// nvidia-smi failed, timed out, printed output that does not parse, or
  /// reported a fault such as `[GPU is lost]`.
  case error
  /// nvidia-smi ran and found no GPU.
  case missing
  /// nvidia-smi is not installed.
  case absent
  /// GPU queries are turned off in the configuration.
  case notQueried = "not_queried"
}

/// One GPU as nvidia-smi lists it. A field is nil when nvidia-smi prints
/// `[N/A]` or `[Not Supported]` for it.
public struct GPUState: Equatable, Sendable {
  public var index: Int
  public var name: String
  public var temperatureCelsius: Int?
  public var memoryTotalMiB: Int?
  public var memoryUsedMiB: Int?
  public var utilizationPercent: Int?
  /// Uncorrected ECC errors since the driver loaded.
  public var eccErrors: Int?
  /// A bracketed value that signals a fault, such as `[GPU is lost]`.
  public var fault: String?

  public init(index: Int, name: String) {
    self.index = index
    self.name = name
  }
}

/// Whether one configured systemd unit is active.
public struct UnitState: Equatable, Sendable {
  public var name: String
  /// The word `systemctl is-active` printed (`active`, `inactive`,
  /// `failed`, `activating`...), or `unknown` when systemctl could not run.
  public var state: String

  public var active: Bool { state == "active" }

  public init(name: String, state: String) {
    self.name = name
    self.state = state
  }
}
