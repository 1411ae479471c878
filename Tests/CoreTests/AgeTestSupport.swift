import CZlib
import Glibc

@testable import Core

/// File, process and compression helpers for the age tests.
enum AgeTestSupport {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Returns the corpus folder from MEDMON_CORPUS, or throws a message that
  /// names the variable and the missing path.
  static func corpusPath() throws -> String {
    guard let value = getenv("MEDMON_CORPUS").map({ String(cString: $0) }), !value.isEmpty else {
      throw Failure(
        description: "MEDMON_CORPUS is not set: export MEDMON_CORPUS=/path/to/corpus "
          + "(the folder that contains age/testdata), or run the tests through make")
    }
    var info = stat()
    guard stat(value + "/age/testdata", &info) == 0 else {
      throw Failure(description: "MEDMON_CORPUS=\(value) has no age/testdata folder")
    }
    return value
  }

  /// Returns the names in a directory, sorted, without `.` and `..`.
  static func listDirectory(_ path: String) throws -> [String] {
    guard let directory = opendir(path) else {
      throw Failure(description: "cannot list \(path): errno \(errno)")
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// Returns the bytes of the file at `path`.
  static func readFile(_ path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw Failure(description: "cannot open \(path): errno \(errno)") }
    defer { close(descriptor) }
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      guard count >= 0 else { throw Failure(description: "cannot read \(path): errno \(errno)") }
      if count == 0 { return result }
      result += buffer[0..<count]
    }
  }

  /// Writes `bytes` to `path`, replacing it.
  static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else {
      throw Failure(description: "cannot create \(path): errno \(errno)")
    }
    defer { close(descriptor) }
    try bytes.withUnsafeBytes { try FileDescriptorSink.writeAll($0, to: descriptor, path: path) }
  }

  /// Creates a new private temporary directory and returns its path.
  static func makeTemporaryDirectory() throws -> String {
    var template = Array("/tmp/medmon-age-XXXXXX".utf8CString)
    guard let path = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw Failure(description: "mkdtemp failed: errno \(errno)")
    }
    return String(cString: path)
  }

  /// Removes a directory made by `makeTemporaryDirectory` and its files.
  static func removeDirectory(_ path: String) {
    for name in (try? listDirectory(path)) ?? [] { unlink(path + "/" + name) }
    rmdir(path)
  }

  /// Returns the zlib-decompressed form of `bytes`.
  static func inflate(_ bytes: [UInt8]) throws -> [UInt8] {
    var stream = z_stream()
    guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw Failure(description: "inflateInit failed")
    }
    defer { inflateEnd(&stream) }
    var input = bytes
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var status: Int32 = Z_OK
    input.withUnsafeMutableBufferPointer { inputBuffer in
      stream.next_in = inputBuffer.baseAddress
      stream.avail_in = UInt32(inputBuffer.count)
      while status == Z_OK {
        buffer.withUnsafeMutableBufferPointer { outputBuffer in
          stream.next_out = outputBuffer.baseAddress
          stream.avail_out = UInt32(outputBuffer.count)
          status = CZlib.inflate(&stream, Z_NO_FLUSH)
        }
        output += buffer[0..<(buffer.count - Int(stream.avail_out))]
      }
    }
    guard status == Z_STREAM_END else { throw Failure(description: "zlib error \(status)") }
    return output
  }
}

extension AgeTestSupport {
  /// The exit status and output of a finished process.
  struct ProcessResult {
    var status: Int32
    var standardOutput: [UInt8]
    var standardError: String
  }

  /// Runs `arguments` (the program is looked up in PATH) with standard
  /// input from `inputPath` or /dev/null, and returns its status and output.
  static func run(_ arguments: [String], inputPath: String = "/dev/null") throws -> ProcessResult {
    let directory = try makeTemporaryDirectory()
    defer { removeDirectory(directory) }
    let outputPath = directory + "/stdout"
    let errorPath = directory + "/stderr"

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
    guard spawned == 0 else {
      throw Failure(
        description: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return ProcessResult(
      status: exitStatus, standardOutput: try readFile(outputPath),
      standardError: String(decoding: try readFile(errorPath), as: UTF8.self))
  }

  /// Returns the path of `program` in PATH, or throws a message that names
  /// which package to install.
  static func requireProgram(_ program: String, package: String) throws -> String {
    let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(program)"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    throw Failure(
      description: "\(program) is not installed: run 'make deps' or 'apt-get install \(package)'")
  }
}
