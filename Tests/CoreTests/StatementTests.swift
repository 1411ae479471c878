import Testing

@testable import Core

@Suite struct StatementTests {
  static func makeTable() throws -> Database {
    let database = try Database.inMemory()
    try database.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, value ANY) STRICT")
    return database
  }

  static let roundTripValues: [SQLiteValue] = [
    .integer(0), .integer(Int64.max), .integer(Int64.min), .real(-0.5), .real(1e300),
    .text(""), .text("Zürich \u{1F3E5}"), .text("nul\u{0}inside"), .blob([]),
    .blob([0, 0, 0]), .blob(Array(0...255)), .null,
  ]

  @Test(arguments: roundTripValues)
  func valueRoundTrips(value: SQLiteValue) throws {
    let database = try Self.makeTable()
    try database.execute("INSERT INTO v (value) VALUES (?)", [value])
    let row = try #require(try database.query("SELECT value, typeof(value) FROM v").first)
    #expect(row[0] == value)
    let expectedType: String
    switch value {
    case .integer: expectedType = "integer"
    case .real: expectedType = "real"
    case .text: expectedType = "text"
    case .blob: expectedType = "blob"
    case .null: expectedType = "null"
    }
    #expect(row[1] == .text(expectedType))
  }

  @Test func typedBindsAndReads() throws {
    let database = try Database.inMemory()
    let statement = try database.prepare("SELECT ?, ?, ?, ?, ?, ?")
    try statement.bind(Int64(-42), at: 1)
    try statement.bind(2.25, at: 2)
    try statement.bind("text", at: 3)
    try statement.bind([UInt8]([1, 0, 2]), at: 4)
    try statement.bindNull(at: 5)
    try statement.bind([UInt8](), at: 6)
    #expect(try statement.step())
    #expect(statement.int64(at: 0) == -42)
    #expect(statement.double(at: 1) == 2.25)
    #expect(statement.string(at: 2) == "text")
    #expect(statement.blob(at: 3) == [1, 0, 2])
    #expect(statement.isNull(at: 4))
    #expect(statement.string(at: 4) == nil)
    #expect(statement.blob(at: 4) == nil)
    #expect(statement.blob(at: 5) == [])
    #expect(statement.isNull(at: 5) == false)
    #expect(try statement.step() == false)
  }

  @Test func bindingCountMismatchIsRejected() throws {
    let database = try Database.inMemory()
    let error = #expect(throws: SQLiteError.self) {
      try database.query("SELECT ?, ?", [1])
    }
    #expect(error == .bindingCount(path: ":memory:", expected: 2, actual: 1, sql: "SELECT ?, ?"))
  }

  @Test func reusedStatementClearsOldBindings() throws {
    let database = try Self.makeTable()
    let insert = try database.prepare("INSERT INTO v (id, value) VALUES (?, ?)")
    #expect(try insert.run([1, "first"]) == 1)
    #expect(try insert.run([2, nil]) == 1)
    let rows = try database.query("SELECT id, value FROM v ORDER BY id")
    #expect(rows.map { $0.values } == [[1, "first"], [2, nil]])
    #expect(database.lastInsertRowID == 2)
  }

  @Test func rowsCarryColumnNames() throws {
    let database = try Database.inMemory()
    let row = try #require(try database.query("SELECT 1 AS one, 'x' AS letter").first)
    #expect(row.columnNames == ["one", "letter"])
    #expect(row["letter"] == .text("x"))
    #expect(row["absent"] == nil)
  }

  @Test func forEachRowStreamsResults() throws {
    let database = try Self.makeTable()
    try database.transaction {
      for id in 1...100 {
        try database.execute("INSERT INTO v VALUES (?, ?)", [.integer(id), nil])
      }
    }
    var sum: Int64 = 0
    try database.forEachRow("SELECT id FROM v WHERE id > ?", [50]) { statement in
      sum += statement.int64(at: 0)
    }
    #expect(sum == (51...100).reduce(0, +))
  }

  @Test func sqliteValueAccessors() {
    #expect(SQLiteValue.integer(3).intValue == 3)
    #expect(SQLiteValue.integer(3).doubleValue == 3)
    #expect(SQLiteValue.real(3.5).int64Value == nil)
    #expect(SQLiteValue.text(nil) == .null)
    #expect(SQLiteValue.text("a").stringValue == "a")
    #expect(SQLiteValue.blob([1]).blobValue == [1])
    #expect(SQLiteValue.null.isNull)
  }
}
