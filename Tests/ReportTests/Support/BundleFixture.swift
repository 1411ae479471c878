import Core
import Report

#if canImport(Glibc)
  import Glibc
#endif

/// Writes real bundle files from generated content, as docs/bundle-format.md
/// specifies them, with a site signing key and a vendor identity, and
/// optional defects for the reader's rejection tests.
struct BundleFixture {
  enum Defect {
    case none
    case badSignature
    case wrongChecksum
    case wrongSize
    case unknownVersion
    case extraEntry
    case wrongRowCount
  }

  let signer: Ed25519
  let identity: X25519Identity
  let folder: String

  /// Creates the keys from `seed`, writing into `folder` or a new
  /// temporary folder.
  init(seed: UInt8 = 1, folder: String? = nil) throws {
    signer = try Ed25519(seed: SecretBytes(copying: [UInt8](repeating: seed, count: 32)))
    identity = try X25519Identity(
      secretKey: SecretBytes(copying: [UInt8](repeating: seed &+ 100, count: 32)))
    self.folder = try folder ?? Self.temporaryFolder()
  }

  static func temporaryFolder() throws -> String {
    var template = Array("/tmp/medmon-report-XXXXXX".utf8CString)
    guard let pointer = mkdtemp(&template) else { throw FixtureError("mkdtemp failed") }
    return String(cString: pointer)
  }

  /// Removes the fixture's folder and the files in it. The folder is
  /// flat, so no recursion is needed.
  func remove() {
    guard let directory = opendir(folder) else { return }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name != "." && name != ".." { unlink(FileSystem.join(folder, name)) }
    }
    closedir(directory)
    rmdir(folder)
  }

  func identityFile() throws -> String {
    let path = FileSystem.join(folder, "vendor.key")
    let text = "# public key: \(identity.recipient)\n\(identity.encodedSecretKey())\n"
    try FileSystem.writeAtomically(Array(text.utf8), to: path)
    return path
  }

  /// Writes `content` as a bundle file and returns its path.
  func write(_ content: BundleContent, defect: Defect = .none, name: String? = nil) throws -> String
  {
    let payload = try AgeEncryptor.encrypt(
      try innerArchive(content, defect: defect), to: [identity.recipient])
    var manifest = content.manifest
    manifest.signingKey = signer.publicKey
    manifest.payloadSize = Int64(payload.count) + (defect == .wrongSize ? 1 : 0)
    manifest.payloadSHA256 = hex(SHA256.hash(payload + (defect == .wrongChecksum ? [0] : [])))
    if defect == .unknownVersion { manifest.formatVersion = 2 }
    let manifestBytes = Array(manifest.serialized().utf8)
    var signature = try signer.sign(manifestBytes)
    if defect == .badSignature { signature[0] ^= 1 }
    let fileName =
      name
      ?? BundleLayout.fileName(
        siteName: manifest.siteName, start: manifest.periodStart, end: manifest.periodEnd,
        sequence: Int(manifest.sequence))
    let path = FileSystem.join(folder, fileName)
    let writer = try TarWriter.inMemory()
    try writer.addFile(name: BundleLayout.manifestName, contents: manifestBytes)
    try writer.addFile(name: BundleLayout.signatureName, contents: signature)
    try writer.addFile(name: BundleLayout.payloadName, contents: payload)
    if defect == .extraEntry { try writer.addFile(name: "notes.txt", contents: [0x41]) }
    try FileSystem.writeAtomically(try writer.finish(), to: path)
    return path
  }

  func innerArchive(_ content: BundleContent, defect: Defect) throws -> [UInt8] {
    let writer = try TarWriter.inMemory(compression: .zstd(level: 3))
    var tables: [JSONValue] = []
    for table in PayloadTable.allCases {
      let rows = content.tables[table] ?? []
      let text = rows.map { $0.serialized() + "\n" }.joined()
      try writer.addFile(name: table.fileName, contents: Array(text.utf8))
      let count = rows.count + (defect == .wrongRowCount && table == .dicomCounts ? 1 : 0)
      tables.append(
        .sortedObject([
          "file": .string(table.fileName), "name": .string(table.rawValue),
          "rows": .integer(Int64(count)),
        ]))
    }
    let manifest = content.manifest
    let description: JSONValue = .sortedObject([
      "format_version": .integer(1), "site_id": .string(manifest.siteID),
      "period": .sortedObject([
        "start": .string(manifest.periodStart.description),
        "end": .string(manifest.periodEnd.description),
      ]),
      "tables": .array(tables),
    ])
    try writer.addFile(
      name: BundleLayout.contentName, contents: Array(description.serialized(indent: 2).utf8))
    try writer.addFile(
      name: BundleLayout.collectionName, contents: Array("{\"collectors\": [], \"log\": []}\n".utf8)
    )
    return try writer.finish()
  }

  func hex(_ bytes: [UInt8]) -> String {
    bytes.map { byte in
      let text = String(byte, radix: 16)
      return text.count == 1 ? "0" + text : text
    }.joined()
  }

  /// Writes a ustar archive by hand, for entries that TarWriter rejects
  /// such as `../escape`.
  func rawTar(_ entries: [(name: String, data: [UInt8])], to name: String) throws -> String {
    var bytes: [UInt8] = []
    for entry in entries {
      var header = [UInt8](repeating: 0, count: 512)
      func put(_ text: String, at offset: Int) {
        for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte }
      }
      put(entry.name, at: 0)
      put("0000644", at: 100)
      put("0000000", at: 108)
      put("0000000", at: 116)
      let size = String(entry.data.count, radix: 8)
      put(String(repeating: "0", count: 11 - size.count) + size, at: 124)
      put("00000000000", at: 136)
      put("0", at: 156)
      put("ustar", at: 257)
      put("00", at: 263)
      put("        ", at: 148)
      let sum = header.reduce(0) { $0 + Int($1) }
      let text = String(sum, radix: 8)
      put(String(repeating: "0", count: 6 - text.count) + text, at: 148)
      header[154] = 0
      bytes += header + entry.data
      bytes += [UInt8](repeating: 0, count: (512 - entry.data.count % 512) % 512)
    }
    bytes += [UInt8](repeating: 0, count: 1024)
    let path = FileSystem.join(folder, name)
    try FileSystem.writeAtomically(bytes, to: path)
    return path
  }
}

struct FixtureError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
