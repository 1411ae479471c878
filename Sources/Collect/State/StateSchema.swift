/// The migrations of the site's state database, applied in order and
/// keyed on `PRAGMA user_version`. Append new steps; never edit old ones.
///
/// Tables whose rows carry identifiers (`files`, `studies`, `series_days`)
/// exist for `lookup` and deduplication and are never exported. The
/// bundle writer reads only the aggregate tables, through an allow-list.
enum StateSchema {
  static let migrations: [String] = [
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

    CREATE TABLE files (
      path TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      mtime INTEGER NOT NULL,
      inode INTEGER NOT NULL,
      day INTEGER NOT NULL,
      study TEXT,
      status TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX files_study ON files(study);

    CREATE TABLE studies (
      ref TEXT PRIMARY KEY,
      study_uid TEXT NOT NULL,
      accession TEXT NOT NULL,
      study_date TEXT NOT NULL,
      first_day INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE study_days (day INTEGER, ref TEXT, PRIMARY KEY (day, ref)) WITHOUT ROWID;
    CREATE TABLE series_days (day INTEGER, uid TEXT, PRIMARY KEY (day, uid)) WITHOUT ROWID;

    CREATE TABLE dicom_counts (
      day INTEGER, dimension TEXT, value TEXT,
      studies INTEGER NOT NULL, series INTEGER NOT NULL, instances INTEGER NOT NULL,
      PRIMARY KEY (day, dimension, value)
    ) WITHOUT ROWID;

    CREATE TABLE dicom_numeric (
      day INTEGER, metric TEXT, count INTEGER NOT NULL, sketch BLOB NOT NULL,
      PRIMARY KEY (day, metric)
    ) WITHOUT ROWID;

    CREATE TABLE crosstab (
      day INTEGER, age_band TEXT, sex TEXT, body_part TEXT, station TEXT, count INTEGER NOT NULL,
      PRIMARY KEY (day, age_band, sex, body_part, station)
    ) WITHOUT ROWID;

    CREATE TABLE outliers (
      day INTEGER, rule TEXT, study TEXT,
      modality TEXT NOT NULL, body_part TEXT NOT NULL, age_band TEXT NOT NULL, station TEXT NOT NULL,
      PRIMARY KEY (day, rule, study)
    ) WITHOUT ROWID;

    CREATE TABLE scan_problems (
      day INTEGER, kind TEXT, count INTEGER NOT NULL, PRIMARY KEY (day, kind)
    ) WITHOUT ROWID;

    CREATE TABLE snapshots (
      id INTEGER PRIMARY KEY,
      started INTEGER NOT NULL,
      finished INTEGER NOT NULL,
      files_seen INTEGER NOT NULL,
      files_new INTEGER NOT NULL,
      files_changed INTEGER NOT NULL,
      problems INTEGER NOT NULL,
      boot_time INTEGER,
      host TEXT
    );

    CREATE TABLE exports (
      sequence INTEGER PRIMARY KEY,
      start_day INTEGER NOT NULL,
      end_day INTEGER NOT NULL,
      created INTEGER NOT NULL,
      file TEXT NOT NULL,
      sha256 TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE log_files (
      path TEXT PRIMARY KEY,
      device INTEGER NOT NULL, inode INTEGER NOT NULL, offset INTEGER NOT NULL, size INTEGER NOT NULL,
      line_count INTEGER NOT NULL, head_hash INTEGER NOT NULL, head_length INTEGER NOT NULL,
      format TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE log_levels (
      day INTEGER, level TEXT, count INTEGER NOT NULL, PRIMARY KEY (day, level)
    ) WITHOUT ROWID;

    CREATE TABLE log_templates (
      day INTEGER, fingerprint TEXT, level TEXT NOT NULL, template TEXT NOT NULL,
      count INTEGER NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,
      sample TEXT NOT NULL,
      PRIMARY KEY (day, fingerprint)
    ) WITHOUT ROWID;

    CREATE TABLE log_latency (
      day INTEGER PRIMARY KEY, count INTEGER NOT NULL, sketch BLOB NOT NULL
    );

    CREATE TABLE snapshot_collectors (
      started INTEGER, name TEXT, status TEXT NOT NULL, items INTEGER NOT NULL,
      skipped INTEGER NOT NULL, duration_ms INTEGER NOT NULL, notes TEXT NOT NULL,
      PRIMARY KEY (started, name)
    ) WITHOUT ROWID;

    CREATE TABLE host_samples (
      time INTEGER PRIMARY KEY, boot_time INTEGER, row TEXT NOT NULL
    );

    CREATE TABLE log_throughput (
      day INTEGER, hour INTEGER, count INTEGER NOT NULL, PRIMARY KEY (day, hour)
    ) WITHOUT ROWID;
    """,
    """
    CREATE TABLE results_cursors (
      path TEXT, device INTEGER, inode INTEGER, offset INTEGER NOT NULL, line INTEGER NOT NULL,
      head_length INTEGER NOT NULL, head_hash INTEGER NOT NULL, inside_long_line INTEGER NOT NULL,
      PRIMARY KEY (device, inode)
    ) WITHOUT ROWID;

    CREATE TABLE result_counts (
      day INTEGER, model TEXT, version TEXT, key TEXT, count INTEGER NOT NULL,
      PRIMARY KEY (day, model, version, key)
    ) WITHOUT ROWID;

    CREATE TABLE result_sketches (
      day INTEGER, model TEXT, version TEXT, metric TEXT, sketch BLOB NOT NULL,
      PRIMARY KEY (day, model, version, metric)
    ) WITHOUT ROWID;

    CREATE TABLE review_candidates (
      period TEXT, model TEXT, version TEXT, reason TEXT, study TEXT,
      day INTEGER NOT NULL, uncertainty REAL,
      PRIMARY KEY (period, model, version, reason, study)
    ) WITHOUT ROWID;
    """,
  ]
}
