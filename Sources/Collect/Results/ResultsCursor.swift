/// The saved read position in one results file. The state database keeps
/// one per file, and the next snapshot reads on from it.
public struct ResultsCursor: Equatable, Sendable {
  /// The path where the file was last seen.
  public var path: String
  public var device: UInt64
  public var inode: UInt64
  /// The byte offset of the first line not yet read.
  public var offset: Int64
  /// Lines read before `offset`, for line numbers in messages.
  public var line: Int
  /// How many leading bytes `headHash` covers, at most 64.
  public var headLength: Int
  /// A hash of the file's first bytes, which distinguishes a file that
  /// was replaced under a reused inode from the one that was read.
  public var headHash: UInt64
  /// True when `offset` lies inside a line longer than the limit, whose
  /// rest must be skipped.
  public var insideLongLine: Bool

  public init(
    path: String, device: UInt64, inode: UInt64, offset: Int64 = 0, line: Int = 0,
    headLength: Int = 0, headHash: UInt64 = 0, insideLongLine: Bool = false
  ) {
    self.path = path
    self.device = device
    self.inode = inode
    self.offset = offset
    self.line = line
    self.headLength = headLength
    self.headHash = headHash
    self.insideLongLine = insideLongLine
  }

  /// The number of leading bytes hashed into `headHash`.
  public static let maximumHeadLength = 64
}
