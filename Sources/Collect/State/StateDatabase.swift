import Core

/// Opens the site's state database and brings its schema up to date.
public enum StateDatabase {
  public static func open(_ path: String, mode: Database.AccessMode = .readWrite) throws -> Database {
    let database = try Database(path: path, mode: mode)
    if mode == .readWrite {
      _ = try database.migrate(StateSchema.migrations)
    }
    return database
  }
}
