import CSQLite

/// The lock a transaction takes, as in SQLite's `BEGIN` variants.
public enum TransactionKind: String, Sendable {
  /// Takes locks on first read or write. A reader's choice.
  case deferred = "DEFERRED"
  /// Takes the write lock at once, so a writer waits up to the busy
  /// timeout at `BEGIN` instead of failing with SQLITE_BUSY after it has
  /// done part of its work.
  case immediate = "IMMEDIATE"
  /// Takes the write lock and, outside WAL mode, keeps readers out.
  case exclusive = "EXCLUSIVE"
}

extension Database {
  /// Runs `body` in a transaction: commits when it returns and rolls back
  /// when it throws, then rethrows. Inside an open transaction it uses a
  /// savepoint instead, so only the inner work rolls back.
  @discardableResult
  public func transaction<Value>(
    _ kind: TransactionKind = .deferred, _ body: () throws -> Value
  ) throws -> Value {
    if isInTransaction {
      return try savepoint(body)
    }
    try execute("BEGIN \(kind.rawValue)")
    let result: Value
    do {
      result = try body()
    } catch {
      rollBackQuietly("ROLLBACK")
      throw error
    }
    do {
      try execute("COMMIT")
    } catch {
      rollBackQuietly("ROLLBACK")
      throw error
    }
    return result
  }

  private func savepoint<Value>(_ body: () throws -> Value) throws -> Value {
    savepointCount += 1
    let name = "medmon_savepoint_\(savepointCount)"
    try execute("SAVEPOINT \(name)")
    do {
      let result = try body()
      try execute("RELEASE \(name)")
      return result
    } catch {
      rollBackQuietly("ROLLBACK TO \(name)")
      rollBackQuietly("RELEASE \(name)")
      throw error
    }
  }

  /// Runs a rollback whose own failure must not replace the error that
  /// caused it. SQLite may already have rolled back (after SQLITE_FULL,
  /// for example), and then ROLLBACK fails harmlessly.
  private func rollBackQuietly(_ sql: String) {
    _ = try? execute(sql)
  }

  /// The schema version stored in the file header (`PRAGMA user_version`).
  public func userVersion() throws -> Int {
    try scalar("PRAGMA user_version")?.intValue ?? 0
  }

  /// Brings the schema up to date. `migrations[i]` is the SQL script
  /// that takes the schema from version i to i + 1, and new migrations
  /// are only ever appended. The scripts not yet applied run in one
  /// `BEGIN IMMEDIATE` transaction together with the new `user_version`,
  /// so a failure leaves the schema as it was. Returns the number of
  /// scripts applied, which is 0 when the schema is already current.
  @discardableResult
  public func migrate(_ migrations: [String]) throws -> Int {
    try transaction(.immediate) {
      let current = try userVersion()
      guard current <= migrations.count else {
        throw SQLiteError.schemaTooNew(path: path, version: current, known: migrations.count)
      }
      for script in migrations[current...] {
        try executeScript(script)
      }
      if current < migrations.count {
        try execute("PRAGMA user_version = \(migrations.count)")
      }
      return migrations.count - current
    }
  }
}
