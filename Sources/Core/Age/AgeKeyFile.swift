#if canImport(Glibc)
  import Glibc
#endif

/// Identity and recipient files in the format of `age-keygen`: one key per
/// line, with `#` comments and blank lines ignored.
///
///     # created: 2026-12-04T15:57:15Z
///     # public key: age1...
///     AGE-SECRET-KEY-1...
public enum AgeKeyFile {
  /// The largest key file read. Key files hold a few lines; the limit only
  /// stops a wrong path (a disk image, a device) from being read whole.
  public static let maxFileSize = 1 << 20

  /// Parses every identity in `text`. `source` names the file in errors.
  public static func parseIdentities(_ text: String, source: String) throws -> [X25519Identity] {
    // NOTE: the key file text arrives as a Swift String, which cannot be
    // wiped, so a copy of each secret key stays in freed memory.
    var identities: [X25519Identity] = []
    for (index, line) in keyLines(text) {
      identities.append(try parseIdentity(line, source: source, line: index))
    }
    guard !identities.isEmpty else { throw AgeError.noIdentities(source: source) }
    return identities
  }

  /// Reads and parses the identity file at `path`.
  public static func loadIdentities(at path: String) throws -> [X25519Identity] {
    try parseIdentities(try readFile(at: path), source: path)
  }

  /// Parses every recipient in `text`.
  public static func parseRecipients(_ text: String) throws -> [X25519Recipient] {
    try keyLines(text).map { try X25519Recipient($0.text) }
  }

  /// Returns the text of a new identity file: the creation time, the
  /// public key and the secret key, as `age-keygen` writes them.
  /// `unixSeconds` and `utcOffsetSeconds` give the local creation time.
  public static func identityFileText(
    for identity: X25519Identity, unixSeconds: Int, utcOffsetSeconds: Int
  ) -> String {
    let created = rfc3339(unixSeconds: unixSeconds, utcOffsetSeconds: utcOffsetSeconds)
    return "# created: \(created)\n# public key: \(identity.recipient)\n"
      + identity.encodedSecretKey() + "\n"
  }

  /// Writes `text` to a new file at `path` with mode 0600. It never
  /// replaces a file: when `path` exists it throws `AgeError.fileExists`.
  public static func createPrivateFile(at path: String, text: String) throws {
    try createFile(at: path, text: text, mode: 0o600)
  }

  /// Writes `text` to a new file at `path` with `mode` (before the umask),
  /// and syncs it to disk. It never replaces a file: when `path` exists it
  /// throws `AgeError.fileExists`.
  public static func createFile(at path: String, text: String, mode: mode_t) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else {
      if errno == EEXIST { throw AgeError.fileExists(path: path) }
      throw AgeError.openFailed(path: path, errno: errno)
    }
    defer { close(descriptor) }
    var bytes = Array(text.utf8)
    defer { wipe(&bytes) }
    try bytes.withUnsafeBytes { try FileDescriptorSink.writeAll($0, to: descriptor, path: path) }
    guard fsync(descriptor) == 0 else { throw AgeError.writeFailed(path: path, errno: errno) }
  }

  /// Reads the file at `path` as UTF-8, up to `maxFileSize` bytes.
  public static func readFile(at path: String) throws -> String {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw AgeError.openFailed(path: path, errno: errno) }
    defer { close(descriptor) }
    return try readAll(FileDescriptorInput(descriptor: descriptor, path: path), name: path)
  }

  /// Reads all of `input` as UTF-8, up to `maxFileSize` bytes.
  public static func readAll(_ input: any ByteInput, name: String) throws -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    defer { wipe(&buffer) }
    while true {
      let count = try buffer.withUnsafeMutableBytes { try input.read(into: $0) }
      if count == 0 { break }
      bytes += buffer[0..<count]
      guard bytes.count <= maxFileSize else {
        wipe(&bytes)
        throw AgeError.inputTooLarge(path: name, limit: maxFileSize)
      }
    }
    defer { wipe(&bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func parseIdentity(_ text: String, source: String, line: Int) throws
    -> X25519Identity
  {
    let upper = text.uppercased()
    for prefix in ["AGE-SECRET-KEY-PQ-", "AGE-PLUGIN-"] where upper.hasPrefix(prefix) {
      throw AgeError.unsupportedIdentityType(source: source, line: line, prefix: prefix)
    }
    return try X25519Identity(text, source: source, line: line)
  }

  /// Returns the non-comment, non-blank lines with their 1-based numbers,
  /// trimmed of surrounding spaces, tabs and carriage returns.
  private static func keyLines(_ text: String) -> [(line: Int, text: String)] {
    let blanks: [UInt8] = [0x20, 0x09, 0x0D]
    var result: [(line: Int, text: String)] = []
    let lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
    for (index, raw) in lines.enumerated() {
      var line = raw[...]
      while let first = line.first, blanks.contains(first) { line.removeFirst() }
      while let last = line.last, blanks.contains(last) { line.removeLast() }
      if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
      result.append((index + 1, String(decoding: line, as: UTF8.self)))
    }
    return result
  }

  /// Formats a time as RFC 3339 with seconds, `Z` for UTC and `+hh:mm`
  /// otherwise, as Go's `time.RFC3339` layout does.
  static func rfc3339(unixSeconds: Int, utcOffsetSeconds: Int) -> String {
    let local = unixSeconds + utcOffsetSeconds
    let day = Day(unixSeconds: Int64(local))
    let (year, month, dayOfMonth) = day.components
    let secondOfDay = ((local % 86_400) + 86_400) % 86_400
    var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(dayOfMonth, 2))T"
    text +=
      "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    guard utcOffsetSeconds != 0 else { return text + "Z" }
    let sign = utcOffsetSeconds < 0 ? "-" : "+"
    let minutes = abs(utcOffsetSeconds) / 60
    return text + "\(sign)\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
