import CSQLite

/// A failure reported by SQLite or by the schema migration of a database.
public enum SQLiteError: MedmonError, Equatable {
  /// The database file could not be opened or configured.
  case openFailed(path: String, code: Int32, reason: String)
  /// A statement failed to prepare, bind or run.
  case statementFailed(path: String, code: Int32, reason: String, sql: String)
  /// A statement has a different number of parameters than values given.
  case bindingCount(path: String, expected: Int, actual: Int, sql: String)
  /// The database could not switch to write-ahead logging.
  case walUnavailable(path: String, journalMode: String)
  /// The database schema is newer than the newest this build can migrate to.
  case schemaTooNew(path: String, version: Int, known: Int)

  /// SQLite's extended result code, when SQLite reported the failure.
  public var code: Int32? {
    switch self {
    case .openFailed(_, let code, _), .statementFailed(_, let code, _, _): return code
    default: return nil
    }
  }

  /// The SQL text involved, when a statement failed.
  public var sql: String? {
    switch self {
    case .statementFailed(_, _, _, let sql), .bindingCount(_, _, _, let sql): return sql
    default: return nil
    }
  }

  public var message: String {
    switch self {
    case .openFailed(let path, let code, let reason):
      return "cannot open database '\(path)': \(reason) (SQLite result code \(code))"
    case .statementFailed(let path, let code, let reason, let sql):
      return "SQL statement failed on database '\(path)': \(reason)"
        + " (SQLite result code \(code)), in statement '\(SQLiteError.condense(sql))'"
    case .bindingCount(let path, let expected, let actual, let sql):
      return "SQL statement on database '\(path)' takes \(expected) parameters"
        + " but \(actual) values were given, in statement '\(SQLiteError.condense(sql))'"
    case .walUnavailable(let path, let journalMode):
      return "cannot enable write-ahead logging on database '\(path)':"
        + " the journal mode stayed '\(journalMode)'"
    case .schemaTooNew(let path, let version, let known):
      return "database '\(path)' has schema version \(version),"
        + " but this medmon supports versions up to \(known)"
    }
  }

  public var hint: String? {
    switch self {
    case .openFailed:
      return "check that the file exists and that its directory is readable and writable."
    case .statementFailed(_, let code, _, _) where code & 0xff == SQLITE_BUSY:
      return "another process holds the database; run the command again when it is done."
    case .walUnavailable:
      return "keep the database on a local file system; network file systems lack the"
        + " shared memory that write-ahead logging needs."
    case .schemaTooNew:
      return "use the medmon release that wrote this database, or a newer one."
    default:
      return nil
    }
  }

  /// Collapses whitespace runs and shortens long SQL so that a message
  /// stays one readable line.
  static func condense(_ sql: String, limit: Int = 300) -> String {
    let words = sql.split(whereSeparator: { $0.isWhitespace })
    let line = words.joined(separator: " ")
    return line.count <= limit ? line : String(line.prefix(limit)) + "..."
  }
}
