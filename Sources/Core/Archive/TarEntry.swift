/// One entry of a tar archive as `TarReader` returns it. The reader
/// rejects every type other than these two.
public enum TarEntryType: Equatable, Sendable {
  case regularFile
  case directory
}

/// The header fields of one tar entry.
public struct TarEntryHeader: Equatable, Sendable {
  /// The relative path, checked to contain no '..' component.
  public let name: String
  /// The data size in bytes, as the header declares it.
  public let size: Int64
  public let type: TarEntryType
  /// The permission bits, such as 0o644.
  public let mode: UInt32
  /// The modification time in seconds since the Unix epoch.
  public let modificationTime: Int64
}

/// One entry with its data.
public struct TarEntry: Equatable, Sendable {
  public let header: TarEntryHeader
  public let data: [UInt8]

  public var name: String { header.name }
  public var size: Int64 { header.size }
  public var type: TarEntryType { header.type }
}
