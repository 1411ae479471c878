/// The outcome of one pass over the results files: the cursors to save
/// for the next pass, and counts of records and rejected lines.
public struct ResultsReadSummary: Equatable, Sendable {
  /// The cursors to save. They replace the ones passed in, so files that
  /// disappeared are forgotten.
  public var cursors: [ResultsCursor] = []
  public var filesRead = 0
  public var records = 0
  /// Rejected lines by kind (`invalid_json`, `missing_field`...).
  public var rejectedByKind: [String: Int] = [:]
  /// The first `maximumProblems` rejected lines and unreadable files.
  public var problems: [ResultsError] = []
  /// Files read again from the start because they were truncated or
  /// replaced.
  public var restartedFiles = 0
  /// Files whose rest was read under the new name that rotation gave them.
  public var rotatedFiles = 0
  /// Matched files that were not read, such as gzip-compressed ones.
  public var skippedPaths: [String] = []

  public static let maximumProblems = 20

  public init() {}

  public var rejectedLines: Int { rejectedByKind.values.reduce(0, +) }

  mutating func record(_ problem: ResultsError) {
    if case .rejectedLine(_, _, _, let line) = problem {
      rejectedByKind[line.kind, default: 0] += 1
    }
    if problems.count < Self.maximumProblems { problems.append(problem) }
  }
}
