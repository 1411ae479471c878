import Glibc

/// The result of running the built `medmon` executable once.
struct BinaryRun {
  let status: Int32
  let standardOutput: String
  let standardError: String

  /// The executable under test: `MEDMON_BINARY`, or the debug build that
  /// `make test` makes before it runs the tests.
  static var binaryPath: String {
    if let path = getenv("MEDMON_BINARY") { return String(cString: path) }
    return ".build/debug/medmon"
  }

  /// Runs the executable with `arguments`, no standard input and both
  /// outputs captured, and waits for it to exit.
  static func medmon(_ arguments: [String]) throws -> BinaryRun {
    let path = binaryPath
    guard access(path, X_OK) == 0 else {
      throw RunError("no executable at '\(path)'. Run 'make build' or set MEDMON_BINARY")
    }
    let output = try CapturedFile()
    let errors = try CapturedFile()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, output.descriptor, 1)
    posix_spawn_file_actions_adddup2(&actions, errors.descriptor, 2)

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer {
      for argument in argv { free(argument) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
    guard spawned == 0 else { throw RunError("posix_spawn failed with \(spawned)") }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    // Swift does not import the W* macros. The low 7 bits are the signal
    // that ended the process (0 for a normal exit), reported here the way
    // a shell does, as 128 plus the signal number.
    let signal = status & 0x7f
    return BinaryRun(
      status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
      standardOutput: try output.contents(), standardError: try errors.contents())
  }
}

/// An unlinked temporary file that a child process writes one output to.
final class CapturedFile {
  let descriptor: Int32

  init() throws {
    var template = Array("/tmp/medmon-run-XXXXXX".utf8CString)
    descriptor = mkstemp(&template)
    guard descriptor >= 0 else { throw RunError("mkstemp failed with errno \(errno)") }
    unlink(String(cString: template))
  }

  deinit { close(descriptor) }

  /// Returns everything written to the file, decoded as UTF-8.
  func contents() throws -> String {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    lseek(descriptor, 0, SEEK_SET)
    while true {
      let count = read(descriptor, &chunk, chunk.count)
      guard count >= 0 else { throw RunError("read failed with errno \(errno)") }
      if count == 0 { break }
      bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

struct RunError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
