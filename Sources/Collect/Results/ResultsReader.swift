import Core

#if canImport(Glibc)
  import Glibc
#endif

/// Reads AI results files incrementally: each pass starts where the saved
/// cursors stopped, follows rotated files by inode, and leaves a partial
/// last line for the next pass. docs/results-format.md describes the rules.
public struct ResultsReader: Sendable {
  public var maximumLineLength = 1 << 20
  public var chunkSize = 1 << 16
  public var logger: Logger
  let parser: ResultLineParser

  /// Creates a reader. `pseudonymize` maps a study identifier to its
  /// keyed pseudonym, the only form in which a study is kept.
  public init(logger: Logger = .silent, pseudonymize: @escaping @Sendable (String) -> String) {
    self.logger = logger
    self.parser = ResultLineParser(pseudonymize: pseudonymize)
  }

  /// Reads every file that `patterns` (paths or glob patterns) match,
  /// passing each record to `handle`, and returns the cursors to save.
  public func read(
    _ patterns: [String], cursors: [ResultsCursor], handle: (ResultRecord) -> Void
  ) -> ResultsReadSummary {
    var summary = ResultsReadSummary()
    let files = matchingFiles(patterns, summary: &summary)
    let matched = Set(files.map { Identity($0.status) })
    let fileReader = ResultFileReader(
      parser: parser, maximumLineLength: maximumLineLength, chunkSize: chunkSize)

    // Files rotated away first, since their lines are the older ones.
    var seen = matched
    for cursor in cursors where !seen.contains(Identity(cursor)) {
      guard let renamed = Self.findRenamed(cursor) else { continue }
      seen.insert(Identity(cursor))
      summary.rotatedFiles += 1
      readOne(renamed, cursor, fileReader, &summary, handle)
    }

    let saved = Dictionary(cursors.map { (Identity($0), $0) }, uniquingKeysWith: { a, _ in a })
    for file in files {
      readOne(file.path, saved[Identity(file.status)], fileReader, &summary, handle)
    }
    logger.debug("results: read \(summary.records) records from \(summary.filesRead) files")
    if summary.rejectedLines > summary.problems.count {
      logger.warning(
        "results: skipped \(summary.rejectedLines) invalid lines in all, "
          + "only the first \(ResultsReadSummary.maximumProblems) are listed")
    }
    return summary
  }

  private func readOne(
    _ path: String, _ cursor: ResultsCursor?, _ fileReader: ResultFileReader,
    _ summary: inout ResultsReadSummary, _ handle: (ResultRecord) -> Void
  ) {
    let rejectedBefore = summary.problems.count
    do {
      let next = try fileReader.read(path, from: cursor, summary: &summary, handle: handle)
      summary.cursors.append(next)
    } catch let error as FileSystemError {
      summary.record(.unreadable(path: path, reason: error.reason))
      if let cursor { summary.cursors.append(cursor) }
    } catch {
      summary.record(.unreadable(path: path, reason: "\(error)"))
      if let cursor { summary.cursors.append(cursor) }
    }
    for problem in summary.problems[rejectedBefore...] {
      logger.warning(problem.message)
    }
  }

  /// Expands the patterns into regular files, each file once, in path order.
  private func matchingFiles(
    _ patterns: [String], summary: inout ResultsReadSummary
  ) -> [(path: String, status: FileSystem.Status)] {
    var files: [(path: String, status: FileSystem.Status)] = []
    var identities: Set<Identity> = []
    for path in patterns.flatMap(Self.expand) {
      guard let status = try? FileSystem.status(path, followLinks: true), status.isRegular else {
        continue
      }
      if path.hasSuffix(".gz") {
        summary.skippedPaths.append(path)
        continue
      }
      if identities.insert(Identity(status)).inserted {
        files.append((path, status))
      }
    }
    return files
  }

  /// Returns the paths a glob pattern matches, sorted; a path without
  /// wildcards is returned when it exists.
  static func expand(_ pattern: String) -> [String] {
    var result = glob_t()
    defer { globfree(&result) }
    guard glob(pattern, 0, nil, &result) == 0 else { return [] }
    return (0..<Int(result.gl_pathc)).compactMap { index in
      result.gl_pathv[index].map { String(cString: $0) }
    }
  }

  /// Looks in the folder of the cursor's last path for a file with the
  /// same device and inode, which is where rotation renamed it to.
  static func findRenamed(_ cursor: ResultsCursor) -> String? {
    let folder = FileSystem.parentDirectory(of: cursor.path)
    guard let directory = opendir(folder) else { return nil }
    defer { closedir(directory) }
    // Every entry is checked with stat, because on overlay file systems
    // the inode that readdir reports can differ from the one stat reports.
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name == "." || name == ".." { continue }
      let path = FileSystem.join(folder, name)
      guard let status = try? FileSystem.status(path), status.isRegular,
        status.device == cursor.device, status.inode == cursor.inode
      else { continue }
      return path
    }
    return nil
  }
}

/// A file's device and inode, which survive a rename.
private struct Identity: Hashable {
  var device: UInt64
  var inode: UInt64

  init(_ status: FileSystem.Status) {
    device = status.device
    inode = status.inode
  }

  init(_ cursor: ResultsCursor) {
    device = cursor.device
    inode = cursor.inode
  }
}
