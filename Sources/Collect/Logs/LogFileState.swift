/// Where reading of one live log file stopped, saved between snapshots.
/// `offset` always sits at the end of a complete line: an unfinished last
/// line is left in the file and read again, whole, next time. The head
/// hash tells a truncated or replaced file from the one read before.
public struct LogFileState: Sendable, Equatable {
  /// The live path, as configured or expanded from a pattern.
  public var path: String
  public var device: UInt64
  public var inode: UInt64
  /// Bytes read up to the end of the last complete line.
  public var offset: Int64
  /// The file size when it was last read.
  public var size: Int64
  /// Lines read so far; the next line has number `lineCount + 1`.
  public var lineCount: Int
  /// FNV-1a hash of the first `headLength` bytes of the file.
  public var headHash: UInt64
  public var headLength: Int

  /// The number of leading bytes hashed to recognise a file.
  public static let maximumHeadLength = 1024

  public init(
    path: String, device: UInt64 = 0, inode: UInt64 = 0, offset: Int64 = 0, size: Int64 = 0,
    lineCount: Int = 0, headHash: UInt64 = 0, headLength: Int = 0
  ) {
    self.path = path
    self.device = device
    self.inode = inode
    self.offset = offset
    self.size = size
    self.lineCount = lineCount
    self.headHash = headHash
    self.headLength = headLength
  }
}
