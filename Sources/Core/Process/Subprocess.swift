#if canImport(Glibc)
  import Glibc
#endif

/// Runs an external program without a shell and captures what it writes.
///
/// The child starts with `posix_spawnp` in a process group of its own, with
/// standard input from `/dev/null` and default signal handling. When the
/// time limit passes, the whole group gets SIGKILL, so a script that
/// started its own children cannot keep the pipes open.
public enum Subprocess {
  /// The way a program ended.
  public enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)
    /// Killed by `run` because the time limit passed.
    case timedOut
  }

  /// The captured streams and termination of a finished program.
  public struct Output: Equatable, Sendable {
    public var termination: Termination
    public var standardOutput: [UInt8]
    public var standardError: [UInt8]
    /// True when a stream wrote more than the limit and the rest was dropped.
    public var truncated: Bool

    public init(
      termination: Termination, standardOutput: [UInt8], standardError: [UInt8], truncated: Bool
    ) {
      self.termination = termination
      self.standardOutput = standardOutput
      self.standardError = standardError
      self.truncated = truncated
    }

    public var succeeded: Bool { termination == .exited(0) }
    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    public var errorText: String { String(decoding: standardError, as: UTF8.self) }
  }

  /// Runs `program` with `arguments` and waits at most `timeout` seconds.
  ///
  /// A `program` without a slash is looked up in `PATH`. Each stream keeps
  /// at most `outputLimit` bytes. Throws `ProcessError.notFound` when the
  /// program does not exist, so callers can tell an absent tool from one
  /// that fails.
  /// NOTE: a child that exits but leaves a background process holding its
  /// output open is reported as timed out, because the pipes stay open.
  public static func run(
    _ program: String, arguments: [String] = [], timeout: Double = 10,
    outputLimit: Int = 1 << 20
  ) throws -> Output {
    let outputPipe = try makePipe(program)
    let errorPipe: (read: Int32, write: Int32)
    do {
      errorPipe = try makePipe(program)
    } catch {
      close(outputPipe.read)
      close(outputPipe.write)
      throw error
    }

    let spawned = spawn(program, arguments, output: outputPipe.write, error: errorPipe.write)
    close(outputPipe.write)
    close(errorPipe.write)
    let pid: pid_t
    switch spawned {
    case .success(let child):
      pid = child
    case .failure(let failure):
      close(outputPipe.read)
      close(errorPipe.read)
      throw failure
    }

    var collector = StreamCollector(
      output: outputPipe.read, error: errorPipe.read, limit: outputLimit)
    let finished = collector.drain(until: monotonicSeconds() + max(0, timeout))
    if !finished { kill(-pid, SIGKILL) }
    close(outputPipe.read)
    close(errorPipe.read)

    let status = try waitForExit(pid, program)
    return Output(
      termination: finished ? decode(status) : .timedOut,
      standardOutput: collector.output, standardError: collector.error,
      truncated: collector.truncated)
  }

  private static func makePipe(_ program: String) throws -> (read: Int32, write: Int32) {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else {
      throw ProcessError.pipeFailed(program: program, code: errno)
    }
    // Glibc's pipe2 needs _GNU_SOURCE, which Swift does not set. The flag
    // keeps the parent's ends out of the child and out of other spawns.
    for descriptor in descriptors {
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
    return (descriptors[0], descriptors[1])
  }

  private static func spawn(
    _ program: String, _ arguments: [String], output: Int32, error: Int32
  ) -> Result<pid_t, ProcessError> {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, output, 1)
    posix_spawn_file_actions_adddup2(&actions, error, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    configure(&attributes)

    let argv = ([program] + arguments).map { strdup($0) }
    defer {
      for argument in argv { free(argument) }
    }
    var pid: pid_t = 0
    let code = posix_spawnp(&pid, program, &actions, &attributes, argv + [nil], environ)
    switch code {
    case 0: return .success(pid)
    case ENOENT: return .failure(.notFound(program: program))
    default: return .failure(.spawnFailed(program: program, code: code))
    }
  }

  /// Puts the child in its own process group and restores the default
  /// handling of every signal, so an ignored SIGPIPE does not leak into it.
  private static func configure(_ attributes: inout posix_spawnattr_t) {
    let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
    posix_spawnattr_setflags(&attributes, Int16(flags))
    posix_spawnattr_setpgroup(&attributes, 0)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var all = sigset_t()
    sigfillset(&all)
    sigdelset(&all, SIGKILL)
    sigdelset(&all, SIGSTOP)
    posix_spawnattr_setsigdefault(&attributes, &all)
  }

  private static func waitForExit(_ pid: pid_t, _ program: String) throws -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { throw ProcessError.waitFailed(program: program, code: errno) }
    }
    return status
  }

  /// Decodes a `waitpid` status word, whose macros Swift cannot import.
  private static func decode(_ status: Int32) -> Termination {
    let signal = status & 0x7f
    return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
  }

  static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}

/// Reads a child's standard output and error until both close or a
/// deadline passes, keeping at most `limit` bytes of each.
private struct StreamCollector {
  var output: [UInt8] = []
  var error: [UInt8] = []
  var truncated = false
  private var open: [Int32]
  private let outputDescriptor: Int32
  private let limit: Int

  init(output: Int32, error: Int32, limit: Int) {
    self.open = [output, error]
    self.outputDescriptor = output
    self.limit = limit
  }

  /// Returns false when the deadline passed with a stream still open.
  mutating func drain(until deadline: Double) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 1 << 14)
    while !open.isEmpty {
      let remaining = deadline - Subprocess.monotonicSeconds()
      if remaining <= 0 { return false }
      var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let ready = poll(&polled, nfds_t(polled.count), Int32(min(remaining * 1000 + 1, 60_000)))
      if ready < 0, errno != EINTR { return false }
      for entry in polled where entry.revents != 0 {
        readOnce(entry.fd, into: &chunk)
      }
    }
    return true
  }

  private mutating func readOnce(_ descriptor: Int32, into chunk: inout [UInt8]) {
    let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0, errno == EINTR || errno == EAGAIN { return }
    if count <= 0 {
      open.removeAll { $0 == descriptor }
      return
    }
    let bytes = chunk[0..<count]
    let stored = descriptor == outputDescriptor ? output.count : error.count
    let room = max(0, limit - stored)
    if bytes.count > room { truncated = true }
    if descriptor == outputDescriptor {
      output.append(contentsOf: bytes.prefix(room))
    } else {
      error.append(contentsOf: bytes.prefix(room))
    }
  }
}
