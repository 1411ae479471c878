import CSQLite

/// A prepared SQL statement of one `Database`. Binds are 1-based, as in
/// SQLite; column reads are 0-based. A statement is finalized when it is
/// released, and must not outlive its database's `close()`.
public final class Statement {
  let handle: OpaquePointer
  /// The SQL text the statement was prepared from.
  public let sql: String
  /// The path of the database, for error messages.
  let path: String

  init(handle: OpaquePointer, sql: String, path: String) {
    self.handle = handle
    self.sql = sql
    self.path = path
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// The number of `?` parameters in the statement.
  public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

  /// The number of columns each result row has.
  public var columnCount: Int { Int(sqlite3_column_count(handle)) }

  /// Returns the name of result column `index`.
  public func columnName(_ index: Int) -> String {
    sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
  }

  // MARK: Binding

  /// Binds `values` to parameters 1...n after clearing earlier bindings.
  /// Throws when the count differs from the statement's parameters.
  public func bind(_ values: [SQLiteValue]) throws {
    guard values.count == parameterCount else {
      throw SQLiteError.bindingCount(
        path: path, expected: parameterCount, actual: values.count, sql: sql)
    }
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      try bind(value, at: offset + 1)
    }
  }

  /// Binds one value to parameter `index` (1-based).
  public func bind(_ value: SQLiteValue, at index: Int) throws {
    switch value {
    case .integer(let number): try bind(number, at: index)
    case .real(let number): try bind(number, at: index)
    case .text(let string): try bind(string, at: index)
    case .blob(let bytes): try bind(bytes, at: index)
    case .null: try bindNull(at: index)
    }
  }

  public func bind(_ value: Int64, at index: Int) throws {
    try check(sqlite3_bind_int64(handle, Int32(index), value))
  }

  public func bind(_ value: Int, at index: Int) throws {
    try bind(Int64(value), at: index)
  }

  /// Binds a double. SQLite stores NaN as NULL.
  public func bind(_ value: Double, at index: Int) throws {
    try check(sqlite3_bind_double(handle, Int32(index), value))
  }

  public func bind(_ value: String, at index: Int) throws {
    var copy = value
    let code = copy.withUTF8 { bytes in
      sqlite3_bind_text(
        handle, Int32(index),
        UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(
          to: CChar.self), Int32(bytes.count), sqliteTransient)
    }
    try check(code)
  }

  /// Binds a blob. An empty array binds a zero-length blob, not NULL.
  public func bind(_ value: [UInt8], at index: Int) throws {
    if value.isEmpty {
      try check(sqlite3_bind_zeroblob(handle, Int32(index), 0))
      return
    }
    let code = value.withUnsafeBytes { bytes in
      sqlite3_bind_blob64(
        handle, Int32(index), bytes.baseAddress, sqlite3_uint64(bytes.count), sqliteTransient)
    }
    try check(code)
  }

  public func bindNull(at index: Int) throws {
    try check(sqlite3_bind_null(handle, Int32(index)))
  }

  // MARK: Running

  /// Advances to the next result row. Returns false when the statement
  /// has run to completion.
  @discardableResult
  public func step() throws -> Bool {
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default: throw failure(code)
    }
  }

  /// Rewinds the statement so it can run again. Bindings stay.
  public func reset() {
    sqlite3_reset(handle)
  }

  /// Binds `values`, runs the statement to completion and rewinds it.
  /// Returns the number of rows the statement inserted, updated or deleted.
  @discardableResult
  public func run(_ values: [SQLiteValue] = []) throws -> Int {
    defer { reset() }
    try bind(values)
    while try step() {}
    return Int(sqlite3_changes(sqlite3_db_handle(handle)))
  }

  /// Binds `values`, collects every result row and rewinds the statement.
  public func rows(_ values: [SQLiteValue] = []) throws -> [Row] {
    defer { reset() }
    try bind(values)
    let names = (0..<columnCount).map(columnName)
    var result: [Row] = []
    while try step() {
      result.append(Row(columnNames: names, values: (0..<names.count).map(value(at:))))
    }
    return result
  }

  // MARK: Reading columns

  /// Returns column `index` of the current row in its storage class.
  public func value(at index: Int) -> SQLiteValue {
    switch sqlite3_column_type(handle, Int32(index)) {
    case SQLITE_INTEGER: return .integer(int64(at: index))
    case SQLITE_FLOAT: return .real(double(at: index))
    case SQLITE_TEXT: return .text(string(at: index) ?? "")
    case SQLITE_BLOB: return .blob(blob(at: index) ?? [])
    default: return .null
    }
  }

  public func isNull(at index: Int) -> Bool {
    sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
  }

  /// Returns column `index` as an integer, converted by SQLite's rules
  /// (NULL reads as 0).
  public func int64(at index: Int) -> Int64 {
    sqlite3_column_int64(handle, Int32(index))
  }

  /// Returns column `index` as a double, converted by SQLite's rules
  /// (NULL reads as 0).
  public func double(at index: Int) -> Double {
    sqlite3_column_double(handle, Int32(index))
  }

  /// Returns column `index` as text, or nil when it is NULL.
  public func string(at index: Int) -> String? {
    guard let text = sqlite3_column_text(handle, Int32(index)) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, Int32(index)))
    return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
  }

  /// Returns column `index` as bytes, or nil when it is NULL. A
  /// zero-length blob reads as an empty array.
  public func blob(at index: Int) -> [UInt8]? {
    if isNull(at: index) { return nil }
    let bytes = sqlite3_column_blob(handle, Int32(index))
    let count = Int(sqlite3_column_bytes(handle, Int32(index)))
    guard let bytes, count > 0 else { return [] }
    return Array(UnsafeRawBufferPointer(start: bytes, count: count))
  }

  // MARK: Errors

  private func check(_ code: Int32) throws {
    if code != SQLITE_OK { throw failure(code) }
  }

  private func failure(_ code: Int32) -> SQLiteError {
    let database = sqlite3_db_handle(handle)
    let reason = sqlite3_errmsg(database).map { String(cString: $0) } ?? "unknown error"
    // The extended code adds detail (such as which kind of constraint failed)
    // when it refers to the same failure as `code`.
    let extended = sqlite3_extended_errcode(database)
    let detailed = extended & 0xff == code & 0xff ? extended : code
    return .statementFailed(path: path, code: detailed, reason: reason, sql: sql)
  }
}

/// SQLite's SQLITE_TRANSIENT destructor: it makes SQLite copy bound text
/// and blobs before the bind call returns. The C macro casts -1 to a
/// function pointer, which Swift does not import.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
