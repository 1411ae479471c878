import Core

#if canImport(Glibc)
  import Glibc
#endif

/// The built `medmon` executable, run the way a user runs it.
///
/// `swift build` puts the test bundle and the executable in the same
/// folder (the one `swift build --show-bin-path` prints), so the
/// executable is looked up next to the running test process through
/// `/proc/self/exe`. The `MEDMON_BINARY` environment variable overrides
/// that, for example to test a release or static build.
struct MedmonBinary {
  let path: String

  init() throws {
    if let override = getenv("MEDMON_BINARY").map({ String(cString: $0) }), !override.isEmpty {
      path = override
    } else {
      path = FileSystem.join(FileSystem.parentDirectory(of: try Self.testExecutable()), "medmon")
    }
    guard FileSystem.exists(path) else {
      throw TestSetupError(
        message: "medmon executable '\(path)' not found; run 'swift build' or set MEDMON_BINARY")
    }
  }

  /// Runs medmon with `arguments` and returns what it wrote and how it ended.
  func run(_ arguments: [String]) throws -> Subprocess.Output {
    try Subprocess.run(path, arguments: arguments, timeout: 120)
  }

  private static func testExecutable() throws -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else {
      throw TestSetupError(message: "readlink '/proc/self/exe' failed with errno \(errno)")
    }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// A test precondition that failed, such as a missing tool or file.
struct TestSetupError: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}

extension Subprocess.Output {
  /// The exit status, or -1 when the program did not exit normally.
  var exitCode: Int32 {
    if case .exited(let code) = termination { return code }
    return -1
  }
}
