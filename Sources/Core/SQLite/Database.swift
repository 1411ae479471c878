import CSQLite

/// A connection to one SQLite database file. A writable connection uses
/// write-ahead logging, so `analyze` or `lookup` can read while a
/// snapshot writes, and waits up to a busy timeout for another writer's
/// lock before it fails. A connection is used by one thread at a time.
public final class Database {
  /// The access a connection has to its database file.
  public enum AccessMode: Sendable {
    /// Opens for reading and writing, creating the file when missing.
    case readWrite
    /// Opens an existing file for reading only.
    case readOnly
  }

  /// The file path, or ":memory:" for a private in-memory database.
  public let path: String
  public let accessMode: AccessMode
  private var handle: OpaquePointer?
  private(set) var statementCache: [String: Statement] = [:]
  /// The statements `cachedStatement` returned last, most recent first.
  private var recentStatements: [Statement] = []
  /// Numbers savepoints so that nested ones get distinct names.
  var savepointCount = 0

  /// The number of prepared statements `execute` and `query` keep for
  /// reuse. Most callers use a few fixed SQL strings, and the cap bounds
  /// memory when a caller builds SQL text at run time.
  static let statementCacheLimit = 64
  static let recentStatementLimit = 4

  /// Opens `path`. A writable file database switches to write-ahead
  /// logging with `synchronous=NORMAL`, which can lose the last commits
  /// on power loss but never corrupts the file, and enables foreign keys.
  public init(
    path: String, mode: AccessMode = .readWrite, busyTimeoutMilliseconds: Int = 5_000
  ) throws {
    self.path = path
    self.accessMode = mode
    let flags =
      mode == .readOnly
      ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    var opened: OpaquePointer?
    let code = sqlite3_open_v2(path, &opened, flags | SQLITE_OPEN_NOMUTEX, nil)
    guard code == SQLITE_OK, let opened else {
      let reason = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(opened)
      throw SQLiteError.openFailed(path: path, code: code, reason: reason)
    }
    handle = opened
    sqlite3_extended_result_codes(opened, 1)
    sqlite3_busy_timeout(opened, Int32(clamping: busyTimeoutMilliseconds))
    do {
      try configure()
    } catch SQLiteError.statementFailed(_, let code, let reason, _) {
      // SQLite reads the file only at the first statement, so a file that
      // is not a database fails here. It is reported as an open failure.
      close()
      throw SQLiteError.openFailed(path: path, code: code, reason: reason)
    } catch {
      close()
      throw error
    }
  }

  /// Opens a private database that lives in memory until it is closed.
  public static func inMemory() throws -> Database {
    try Database(path: ":memory:")
  }

  deinit {
    close()
  }

  private func configure() throws {
    guard accessMode == .readWrite else {
      // Reads the file header, so a file that is not a database fails now.
      try execute("PRAGMA schema_version")
      return
    }
    let journalMode = try query("PRAGMA journal_mode=WAL").first?[0].stringValue ?? ""
    if journalMode.lowercased() != "wal" && !isInMemory {
      throw SQLiteError.walUnavailable(path: path, journalMode: journalMode)
    }
    try execute("PRAGMA synchronous=NORMAL")
    try execute("PRAGMA foreign_keys=ON")
  }

  private var isInMemory: Bool { path == ":memory:" || path.isEmpty }

  /// Finalizes the cached statements and closes the connection. Closing
  /// twice does nothing. A `Statement` from `prepare` that is still alive
  /// keeps the connection open until it is released, as
  /// `sqlite3_close_v2` does.
  public func close() {
    guard let open = handle else { return }
    statementCache.removeAll()
    recentStatements.removeAll()
    sqlite3_close_v2(open)
    handle = nil
  }

  private func connection(for sql: String) throws -> OpaquePointer {
    guard let handle else {
      throw SQLiteError.statementFailed(
        path: path, code: SQLITE_MISUSE, reason: "the database is closed", sql: sql)
    }
    return handle
  }

  // MARK: Statements

  /// Compiles one SQL statement. Text after the first statement is an
  /// error, so a stray semicolon cannot hide a second statement.
  public func prepare(_ sql: String) throws -> Statement {
    let connection = try connection(for: sql)
    var prepared: OpaquePointer?
    var trailing = false
    let code = sql.withCString { text in
      var tail: UnsafePointer<CChar>?
      let code = sqlite3_prepare_v2(connection, text, -1, &prepared, &tail)
      trailing = tail.map { !Self.isBlank($0) } ?? false
      return code
    }
    guard code == SQLITE_OK, let prepared else {
      let reason =
        code == SQLITE_OK ? "empty statement" : String(cString: sqlite3_errmsg(connection))
      throw SQLiteError.statementFailed(
        path: path, code: code == SQLITE_OK ? SQLITE_MISUSE : code, reason: reason, sql: sql)
    }
    let statement = Statement(handle: prepared, sql: sql, path: path)
    if trailing {
      throw SQLiteError.statementFailed(
        path: path, code: SQLITE_MISUSE,
        reason: "text follows the first statement; use executeScript for several", sql: sql)
    }
    return statement
  }

  /// Returns a prepared statement for `sql` from the cache, preparing it
  /// on first use.
  func cachedStatement(_ sql: String) throws -> Statement {
    // Hashing a long SQL string costs as much as a simple insert, so the
    // few most recent statements are found by comparison first. Equal
    // literals share storage, and then `==` does not read the bytes.
    if let index = recentStatements.firstIndex(where: { $0.sql == sql }) {
      return recentStatements[index]
    }
    let statement = try statementCache[sql] ?? prepareForCache(sql)
    if recentStatements.count >= Self.recentStatementLimit {
      recentStatements.removeLast()
    }
    recentStatements.insert(statement, at: 0)
    return statement
  }

  private func prepareForCache(_ sql: String) throws -> Statement {
    let statement = try prepare(sql)
    if statementCache.count >= Self.statementCacheLimit {
      statementCache.removeAll(keepingCapacity: true)
    }
    statementCache[sql] = statement
    return statement
  }

  /// Runs one statement with `bindings` and discards any result rows.
  /// Returns the number of rows it inserted, updated or deleted. The
  /// prepared statement is cached, so repeated inserts skip compiling.
  @discardableResult
  public func execute(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Int {
    try cachedStatement(sql).run(bindings)
  }

  /// Runs one query with `bindings` and returns every result row.
  public func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> [Row] {
    try cachedStatement(sql).rows(bindings)
  }

  /// Returns the first column of the first result row, or nil when the
  /// query returns no row.
  public func scalar(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> SQLiteValue? {
    try query(sql, bindings).first?.values.first
  }

  /// Runs a query and calls `body` for each row without collecting them,
  /// for results too large to hold in memory. The statement is not
  /// cached, so `body` may run other statements, including this one.
  public func forEachRow(
    _ sql: String, _ bindings: [SQLiteValue] = [], _ body: (Statement) throws -> Void
  ) throws {
    let statement = try prepare(sql)
    try statement.bind(bindings)
    while try statement.step() {
      try body(statement)
    }
  }

  /// Runs SQL text that may hold several statements separated by
  /// semicolons, such as a schema migration. It takes no bindings.
  public func executeScript(_ sql: String) throws {
    let connection = try connection(for: sql)
    try sql.withCString { start in
      var next: UnsafePointer<CChar>? = start
      while let current = next, !Self.isBlank(current) {
        var prepared: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, current, -1, &prepared, &next)
        guard code == SQLITE_OK else {
          throw SQLiteError.statementFailed(
            path: path, code: code, reason: String(cString: sqlite3_errmsg(connection)),
            sql: String(String(cString: current).drop(while: \.isWhitespace)))
        }
        // A comment or lone semicolon compiles to no statement.
        guard let prepared else { continue }
        let text = sqlite3_sql(prepared).map { String(cString: $0) } ?? ""
        try Statement(handle: prepared, sql: text, path: path).run()
      }
    }
  }

  /// The rowid of the most recent successful INSERT on this connection.
  public var lastInsertRowID: Int64 {
    handle.map { sqlite3_last_insert_rowid($0) } ?? 0
  }

  /// True while a transaction is open on this connection.
  public var isInTransaction: Bool {
    handle.map { sqlite3_get_autocommit($0) == 0 } ?? false
  }

  private static func isBlank(_ text: UnsafePointer<CChar>) -> Bool {
    var cursor = text
    while cursor.pointee != 0 {
      if !(cursor.pointee == 0x20 || (0x09...0x0d).contains(cursor.pointee)) { return false }
      cursor += 1
    }
    return true
  }
}
