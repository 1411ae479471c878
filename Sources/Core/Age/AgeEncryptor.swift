/// Encrypts a stream of bytes into an age v1 file, in constant memory. It
/// writes the header on creation, a sealed chunk whenever 64 KiB are
/// buffered and more bytes arrive, and the final chunk on `finish()`.
public final class AgeEncryptor {
  private var stream: PayloadStream
  private let output: ByteSink
  private let armor: ArmorEncoder?
  /// One chunk of plaintext, sealed in place, with room for the tag.
  private var chunk: UnsafeMutableRawBufferPointer
  private var filled = 0
  private var finished = false

  /// Starts a file to `recipients` and writes its header to `sink`. With
  /// `armored`, the output is ASCII armor instead of binary.
  public init(recipients: [any AgeRecipient], armored: Bool = false, sink: @escaping ByteSink)
    throws
  {
    guard !recipients.isEmpty else { throw AgeError.noRecipients }
    if recipients.count > 1, recipients.contains(where: { $0.requiresSoleRecipient }) {
      throw AgeError.scryptRecipientNotAlone
    }
    let fileKey = try SecretBytes.random(count: AgeFileKey.size)
    var stanzas: [AgeStanza] = []
    for recipient in recipients { stanzas += try recipient.wrap(fileKey: fileKey) }
    let nonce = try SecureRandom.bytes(count: PayloadStream.nonceSize)

    stream = try PayloadStream(fileKey: fileKey, nonce: nonce)
    armor = armored ? ArmorEncoder(sink: sink) : nil
    output = armor.map { encoder in { try encoder.write($0) } } ?? sink
    chunk = .allocate(byteCount: PayloadStream.sealedChunkSize, alignment: 16)
    try emit(try AgeHeader.encode(stanzas: stanzas, fileKey: fileKey) + nonce)
  }

  deinit {
    // The buffer contains plaintext between writes, and a sealed chunk after.
    wipe(chunk)
    chunk.deallocate()
  }

  /// Encrypts `bytes` as the next part of the plaintext.
  public func write(_ bytes: UnsafeRawBufferPointer) throws {
    guard !finished else { throw AgeError.writeAfterFinish }
    var offset = 0
    while offset < bytes.count {
      // A full chunk is sealed only once more bytes arrive, because the
      // last chunk needs the final flag and may itself be full.
      if filled == PayloadStream.chunkSize { try sealChunk(isFinal: false) }
      let count = min(PayloadStream.chunkSize - filled, bytes.count - offset)
      (chunk.baseAddress! + filled).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
      filled += count
      offset += count
    }
  }

  /// Encrypts `bytes` as the next part of the plaintext.
  public func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try write($0) }
  }

  /// Seals the final chunk and, for armored output, writes the end line.
  /// The file is incomplete, and fails to decrypt, until this returns.
  public func finish() throws {
    guard !finished else { throw AgeError.writeAfterFinish }
    finished = true
    try sealChunk(isFinal: true)
    try armor?.finish()
  }

  private func sealChunk(isFinal: Bool) throws {
    let sealed = try stream.seal(chunk, count: filled, isFinal: isFinal)
    try output(UnsafeRawBufferPointer(rebasing: chunk[0..<sealed]))
    filled = 0
  }

  private func emit(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try output($0) }
  }

  /// Returns `plaintext` encrypted to `recipients` as one array.
  public static func encrypt(
    _ plaintext: [UInt8], to recipients: [any AgeRecipient], armored: Bool = false
  ) throws -> [UInt8] {
    var result: [UInt8] = []
    let encryptor = try AgeEncryptor(recipients: recipients, armored: armored) {
      result.append(contentsOf: $0)
    }
    try encryptor.write(plaintext)
    try encryptor.finish()
    return result
  }
}
