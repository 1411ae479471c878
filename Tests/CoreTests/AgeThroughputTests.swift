import Glibc
import Testing

@testable import Core

/// Streams a file through the encryptor and the decryptor with file
/// descriptors, as a bundle writer and reader do, checks the round trip and
/// prints the best throughput of MEDMON_AGE_BENCH_RUNS runs (default 1).
/// The size is MEDMON_AGE_BENCH_MB mebibytes (default 16); `make bench-age`
/// runs it with 100 MiB and 3 runs in a release build.
@Suite struct AgeThroughputTests {
  static let blockSize = 1 << 20

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    try body()
    clock_gettime(CLOCK_MONOTONIC, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
  }

  static func openFile(_ path: String, _ flags: Int32) throws -> Int32 {
    let descriptor = open(path, flags | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw AgeError.openFailed(path: path, errno: errno) }
    return descriptor
  }

  static func encrypt(_ input: String, to output: String, recipient: X25519Recipient) throws {
    let source = try openFile(input, O_RDONLY)
    defer { close(source) }
    let target = try openFile(output, O_WRONLY | O_CREAT | O_TRUNC)
    defer { close(target) }
    let encryptor = try AgeEncryptor(
      recipients: [recipient], sink: FileDescriptorSink.make(descriptor: target, path: output))
    var block = [UInt8](repeating: 0, count: blockSize)
    let reader = FileDescriptorInput(descriptor: source, path: input)
    while true {
      let count = try block.withUnsafeMutableBytes { try reader.read(into: $0) }
      if count == 0 { break }
      try block.withUnsafeBytes {
        try encryptor.write(UnsafeRawBufferPointer(rebasing: $0[0..<count]))
      }
    }
    try encryptor.finish()
  }

  static func decrypt(_ input: String, to output: String, identity: X25519Identity) throws {
    let source = try openFile(input, O_RDONLY)
    defer { close(source) }
    let target = try openFile(output, O_WRONLY | O_CREAT | O_TRUNC)
    defer { close(target) }
    let decryptor = try AgeDecryptor(
      input: FileDescriptorInput(descriptor: source, path: input), identities: [identity])
    while let chunk = try decryptor.next() {
      try chunk.withUnsafeBytes { try FileDescriptorSink.writeAll($0, to: target, path: output) }
    }
  }

  static func environmentInteger(_ name: String) -> Int? {
    getenv(name).flatMap { Int(String(cString: $0)) }
  }

  @Test func streamsFileRoundTrip() throws {
    let megabytes = Self.environmentInteger("MEDMON_AGE_BENCH_MB") ?? 16
    let runs = Self.environmentInteger("MEDMON_AGE_BENCH_RUNS") ?? 1
    let directory = try AgeTestSupport.makeTemporaryDirectory()
    defer { AgeTestSupport.removeDirectory(directory) }
    let plain = directory + "/plain"
    var hasher = SHA256()
    let writer = try Self.openFile(plain, O_WRONLY | O_CREAT)
    for index in 0..<megabytes {
      var block = try SecureRandom.bytes(count: Self.blockSize)
      block[0] = UInt8(truncatingIfNeeded: index)
      hasher.update(block)
      try block.withUnsafeBytes { try FileDescriptorSink.writeAll($0, to: writer, path: plain) }
    }
    close(writer)
    let expected = hasher.finalize()

    let identity = try X25519Identity.generate()
    var encryptSeconds = Double.infinity
    var decryptSeconds = Double.infinity
    for _ in 0..<runs {
      let encrypting = try Self.seconds {
        try Self.encrypt(plain, to: directory + "/file.age", recipient: identity.recipient)
      }
      let decrypting = try Self.seconds {
        try Self.decrypt(directory + "/file.age", to: directory + "/out", identity: identity)
      }
      encryptSeconds = min(encryptSeconds, encrypting)
      decryptSeconds = min(decryptSeconds, decrypting)
      #expect(SHA256.hash(try AgeTestSupport.readFile(directory + "/out")) == expected)
    }

    let size = Double(megabytes * Self.blockSize) / 1e6
    print(
      "age-throughput: \(megabytes) MiB, best of \(runs), encrypt \(Int(size / encryptSeconds)) MB/s, "
        + "decrypt \(Int(size / decryptSeconds)) MB/s")
  }
}
