/// The history database schema, one script per version; scripts are only
/// ever appended.
enum HistorySchema {
  static let migrations = [
    """
    CREATE TABLE sites (
      site_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      signing_key TEXT NOT NULL
    );
    -- One row per bundle seen, trusted or not; a bundle is identified by
    -- its site, sequence number and payload hash.
    CREATE TABLE bundles (
      site_id TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      payload_sha256 TEXT NOT NULL,
      period_start TEXT NOT NULL,
      period_end TEXT NOT NULL,
      created TEXT NOT NULL,
      signing_key TEXT NOT NULL,
      trusted INTEGER NOT NULL,
      PRIMARY KEY (site_id, sequence, payload_sha256)
    );
    -- Which bundle's rows a stored day came from: a newer sequence
    -- replaces the day, an older one leaves it.
    CREATE TABLE day_sources (
      site_id TEXT NOT NULL,
      day TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      PRIMARY KEY (site_id, day)
    );
    CREATE TABLE table_rows (
      site_id TEXT NOT NULL,
      table_name TEXT NOT NULL,
      day TEXT NOT NULL,
      data TEXT NOT NULL
    );
    CREATE INDEX table_rows_by_day ON table_rows (site_id, day);
    CREATE TABLE events (
      site_id TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      kind TEXT NOT NULL,
      detail TEXT NOT NULL,
      PRIMARY KEY (site_id, sequence, kind, detail)
    );
    CREATE TABLE baselines (
      site_id TEXT PRIMARY KEY,
      period_start TEXT NOT NULL,
      period_end TEXT NOT NULL
    );
    """
  ]
}
