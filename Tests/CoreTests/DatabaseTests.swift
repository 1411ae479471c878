import Glibc
import Testing

@testable import Core

@Suite struct DatabaseTests {
  @Test func fileDatabaseUsesWriteAheadLog() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.file("state.db"))
    #expect(try database.scalar("PRAGMA journal_mode") == .text("wal"))
    #expect(try database.scalar("PRAGMA synchronous") == .integer(1))
    #expect(try database.scalar("PRAGMA foreign_keys") == .integer(1))
  }

  @Test func busyTimeoutIsSet() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.file("state.db"), busyTimeoutMilliseconds: 1_234)
    #expect(try database.scalar("PRAGMA busy_timeout") == .integer(1_234))
  }

  @Test func busyWriterFailsAfterTimeout() throws {
    let directory = try TemporaryDirectory()
    let first = try Database(path: directory.file("state.db"))
    try first.execute("CREATE TABLE t (x INTEGER)")
    let second = try Database(path: directory.file("state.db"), busyTimeoutMilliseconds: 50)
    try first.transaction(.immediate) {
      let error = #expect(throws: SQLiteError.self) {
        try second.transaction(.immediate) { try second.execute("INSERT INTO t VALUES (1)") }
      }
      #expect(error?.code.map { $0 & 0xff } == 5)  // SQLITE_BUSY
      #expect(error?.hint?.contains("another process") == true)
    }
    #expect(try second.execute("INSERT INTO t VALUES (2)") == 1)
  }

  @Test func readOnlyDatabaseRejectsWrites() throws {
    let directory = try TemporaryDirectory()
    let writer = try Database(path: directory.file("state.db"))
    try writer.execute("CREATE TABLE t (x INTEGER)")
    try writer.execute("INSERT INTO t VALUES (7)")
    let reader = try Database(path: directory.file("state.db"), mode: .readOnly)
    #expect(try reader.scalar("SELECT x FROM t") == .integer(7))
    let error = #expect(throws: SQLiteError.self) {
      try reader.execute("INSERT INTO t VALUES (8)")
    }
    #expect(error?.code.map { $0 & 0xff } == 8)  // SQLITE_READONLY
  }

  @Test func readerSeesLastCommitDuringWrite() throws {
    let directory = try TemporaryDirectory()
    let writer = try Database(path: directory.file("state.db"))
    try writer.execute("CREATE TABLE t (x INTEGER)")
    try writer.execute("INSERT INTO t VALUES (1)")
    let reader = try Database(
      path: directory.file("state.db"), mode: .readOnly, busyTimeoutMilliseconds: 0)
    try writer.transaction(.immediate) {
      try writer.execute("INSERT INTO t VALUES (2)")
      // With write-ahead logging the reader neither waits nor reads row 2.
      #expect(try reader.scalar("SELECT count(*) FROM t") == .integer(1))
    }
    #expect(try reader.scalar("SELECT count(*) FROM t") == .integer(2))
  }

  @Test func nonDatabaseFileIsRejected() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("notes.txt")
    let file = try #require(fopen(path, "w"))
    fputs(String(repeating: "not a database\n", count: 100), file)
    fclose(file)
    for mode in [Database.AccessMode.readWrite, .readOnly] {
      let error = #expect(throws: SQLiteError.self) { try Database(path: path, mode: mode) }
      #expect(error?.code == 26)  // SQLITE_NOTADB
      let expected = "cannot open database '\(path)': file is not a database"
      #expect(error?.message.hasPrefix(expected) == true)
    }
  }

  @Test func readOnlyOpenOfMissingFileFails() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("missing.db")
    let error = #expect(throws: SQLiteError.self) {
      try Database(path: path, mode: .readOnly)
    }
    #expect(error?.code == 14)  // SQLITE_CANTOPEN
    #expect(error?.message.contains("'\(path)'") == true)
  }

  @Test func closedDatabaseRejectsStatements() throws {
    let database = try Database.inMemory()
    database.close()
    database.close()
    #expect(throws: SQLiteError.self) { try database.execute("SELECT 1") }
  }

  @Test func errorMessageContainsSQL() throws {
    let database = try Database.inMemory()
    let sql = "SELECT missing_column FROM sqlite_master"
    let error = #expect(throws: SQLiteError.self) { try database.query(sql) }
    #expect(error?.sql == sql)
    #expect(error?.code == 1)  // SQLITE_ERROR
    #expect(error?.message.contains(sql) == true)
    #expect(error?.message.contains("no such column: missing_column") == true)
  }

  @Test func constraintErrorCarriesExtendedCode() throws {
    let database = try Database.inMemory()
    try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
    try database.execute("INSERT INTO t (name) VALUES (?)", ["a"])
    let error = #expect(throws: SQLiteError.self) {
      try database.execute("INSERT INTO t (name) VALUES (?)", ["a"])
    }
    #expect(error?.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
    #expect(error?.message.contains("UNIQUE constraint failed: t.name") == true)
  }

  @Test func prepareRejectsSecondStatement() throws {
    let database = try Database.inMemory()
    #expect(throws: SQLiteError.self) { try database.prepare("SELECT 1; SELECT 2") }
    #expect(try database.prepare("SELECT 1;  \n").sql == "SELECT 1;  \n")
  }

  @Test func scriptRunsEveryStatement() throws {
    let database = try Database.inMemory()
    try database.executeScript(
      """
      CREATE TABLE a (x INTEGER); -- first table
      CREATE TABLE b (y TEXT);
      INSERT INTO a VALUES (1), (2);
      ;
      """)
    #expect(try database.scalar("SELECT count(*) FROM a") == .integer(2))
    #expect(try database.scalar("SELECT count(*) FROM b") == .integer(0))
  }

  @Test func scriptErrorNamesFailingStatement() throws {
    let database = try Database.inMemory()
    let error = #expect(throws: SQLiteError.self) {
      try database.executeScript("CREATE TABLE a (x); INSERT INTO nowhere VALUES (1);")
    }
    #expect(error?.sql?.hasPrefix("INSERT INTO nowhere") == true)
  }

  @Test func transactionCommitsOnReturn() throws {
    let database = try Database.inMemory()
    try database.execute("CREATE TABLE t (x INTEGER)")
    let inserted = try database.transaction(.immediate) {
      try database.execute("INSERT INTO t VALUES (1), (2)")
    }
    #expect(inserted == 2)
    #expect(database.isInTransaction == false)
    #expect(try database.scalar("SELECT count(*) FROM t") == .integer(2))
  }

  @Test func transactionRollsBackOnThrow() throws {
    let database = try Database.inMemory()
    try database.execute("CREATE TABLE t (x INTEGER)")
    try database.execute("INSERT INTO t VALUES (0)")
    #expect(throws: TestSetupError.self) {
      try database.transaction {
        try database.execute("INSERT INTO t VALUES (1)")
        try database.execute("DELETE FROM t WHERE x = 0")
        throw TestSetupError(message: "stop")
      }
    }
    #expect(database.isInTransaction == false)
    #expect(try database.query("SELECT x FROM t").map { $0[0] } == [.integer(0)])
  }

  @Test func nestedTransactionRollsBackInnerOnly() throws {
    let database = try Database.inMemory()
    try database.execute("CREATE TABLE t (x INTEGER)")
    try database.transaction {
      try database.execute("INSERT INTO t VALUES (1)")
      try? database.transaction {
        try database.execute("INSERT INTO t VALUES (2)")
        throw TestSetupError(message: "inner")
      }
      try database.transaction { try database.execute("INSERT INTO t VALUES (3)") }
    }
    let values = try database.query("SELECT x FROM t ORDER BY x").map { $0[0] }
    #expect(values == [.integer(1), .integer(3)])
  }

  static let migrations = [
    "CREATE TABLE site (id TEXT PRIMARY KEY, name TEXT NOT NULL);",
    """
    CREATE TABLE daily (day INTEGER, site TEXT REFERENCES site(id), studies INTEGER);
    CREATE INDEX daily_day ON daily (day);
    """,
  ]

  @Test func migrationAppliedTwiceIsNoOp() throws {
    let directory = try TemporaryDirectory()
    let database = try Database(path: directory.file("state.db"))
    #expect(try database.migrate(Self.migrations) == 2)
    #expect(try database.userVersion() == 2)
    try database.execute("INSERT INTO site VALUES ('s1', 'North')")

    #expect(try database.migrate(Self.migrations) == 0)
    #expect(try database.userVersion() == 2)
    #expect(try database.scalar("SELECT name FROM site") == .text("North"))
    let tables = try database.query(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    #expect(tables.map { $0[0] } == [.text("daily"), .text("site")])
  }

  @Test func migrationAppliesOnlyNewScripts() throws {
    let database = try Database.inMemory()
    #expect(try database.migrate(Array(Self.migrations.prefix(1))) == 1)
    #expect(try database.migrate(Self.migrations) == 1)
    #expect(try database.userVersion() == 2)
  }

  @Test func failedMigrationLeavesSchemaUnchanged() throws {
    let database = try Database.inMemory()
    try database.migrate(Array(Self.migrations.prefix(1)))
    let broken = Self.migrations + ["CREATE TABLE extra (x); INSERT INTO nowhere VALUES (1);"]
    #expect(throws: SQLiteError.self) { try database.migrate(broken) }
    #expect(try database.userVersion() == 1)
    let daily = try database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'daily'")
    #expect(daily == .integer(0))
  }

  @Test func newerSchemaIsRejected() throws {
    let database = try Database.inMemory()
    try database.execute("PRAGMA user_version = 5")
    let error = #expect(throws: SQLiteError.self) { try database.migrate(Self.migrations) }
    #expect(error == .schemaTooNew(path: ":memory:", version: 5, known: 2))
  }

  @Test func cachedStatementsStayBounded() throws {
    let database = try Database.inMemory()
    for value in 0..<(Database.statementCacheLimit * 2) {
      #expect(try database.scalar("SELECT \(value)") == .integer(Int64(value)))
    }
    #expect(database.statementCache.count <= Database.statementCacheLimit)
    #expect(database.statementCache.count > 0)
  }
}
