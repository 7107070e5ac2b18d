//! Opening the encrypted database: connect options, the checks that run before anything is
//! written, and the embedded migrations.
//!
//! Every pragma lives in the connect options (not in a migration) so every pooled connection
//! carries it; sqlx always sends `key` first. The choices:
//!
//! - `journal_mode = WAL`: readers never block the writer, and a commit is one sequential append.
//! - `synchronous = FULL`: in WAL mode, NORMAL skips the fsync at each commit, so the last
//!   commits before a power cut can vanish. A person's words must not vanish; FULL costs
//!   one fsync per commit, which at the app's write rate (a few per minute) is nothing.
//! - `foreign_keys = ON`: links between records stay true.
//! - `busy_timeout = 10 s`: a second writer (the UI and a background prompt task) waits its
//!   turn instead of failing with SQLITE_BUSY.
//! - `temp_store = MEMORY`: sorts and temporary tables never go to plaintext temp files.
//! - `cipher_memory_security = ON`: SQLCipher wipes the memory it frees (set process-wide
//!   before the first keyed connection, see `quiet_sqlcipher_log`).
//! - `cipher_log_level = NONE`: SQLCipher's own log (e.g. "hmac check failed" on a wrong key)
//!   stays off stderr; our errors say what happened without it.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions, Connection};
use tokio::sync::OnceCell;

use crate::error::{Result, StoreError};
use crate::keys::DataKey;

/// The schema, embedded at build time. Forward-only: migrations are never edited once shipped.
pub(crate) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How long a connection waits for another writer before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections per pool: SQLite has one writer at a time; a few readers help the UI.
const MAX_CONNECTIONS: u32 = 4;
/// Below this size a file cannot hold even one encrypted page with our schema.
/// An empty or near-empty file would silently become a fresh database, so refuse it.
const MIN_DB_FILE_LEN: u64 = 512;

/// Connect options for the encrypted database at `path` with `key`.
///
/// The options hold the key's hex form for as long as the pool lives (every new pooled
/// connection sends it), so the one copy is moved in rather than cloned, and it goes with the
/// pool when the store locks. The app's zeroing allocator wipes it as it is freed.
pub(crate) fn encrypted_options(path: &Path, key: &DataKey, create: bool) -> SqliteConnectOptions {
    let mut value = key.sqlcipher_pragma_value();
    base_options(path, create)
        .pragma("key", std::mem::take(&mut *value))
        .pragma("cipher_memory_security", "ON")
}

/// The same durability settings without a key: for the plain-SQLite controls in tests
/// and benchmarks only.
#[doc(hidden)]
pub fn plaintext_options_for_comparison(path: &Path, create: bool) -> SqliteConnectOptions {
    base_options(path, create)
}

fn base_options(path: &Path, create: bool) -> SqliteConnectOptions {
    SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(create)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        // Named so the exit guard can wait for them (see exit_guard.rs).
        .thread_name(|id| format!("{}{id}", crate::exit_guard::THREAD_PREFIX))
        .pragma("temp_store", "MEMORY")
        .pragma("cipher_log_level", "NONE")
        // No statement logging: bound values would never be logged, but keep the log quiet anyway.
        .disable_statement_logging()
}

/// SQLCipher's log level is process-wide and its default (WARN to stderr) is set when
/// SQLite initialises. Turn it off once, before the first keyed connection, so even the
/// connect-time pragmas of a wrong key stay quiet.
pub(crate) async fn quiet_sqlcipher_log() -> Result<()> {
    static QUIET: OnceCell<()> = OnceCell::const_new();
    QUIET
        .get_or_try_init(|| async {
            let mut conn = SqliteConnectOptions::from_str("sqlite::memory:")?
                .connect()
                .await?;
            sqlx::query("PRAGMA cipher_log_level = NONE")
                .execute(&mut conn)
                .await?;
            // Process-wide too, and on before the first key is ever sent: SQLCipher then wipes
            // every block SQLite frees (the key pragma's text, decrypted pages, rows).
            sqlx::query("PRAGMA cipher_memory_security = ON")
                .execute(&mut conn)
                .await?;
            conn.close().await?;
            // SQLCipher has now registered its exit cleanup; ours must come after it.
            crate::exit_guard::install();
            Ok::<(), StoreError>(())
        })
        .await?;
    Ok(())
}

/// Open a pool on an existing store database and make sure it is really ours and healthy
/// before anything writes to it. Then bring the schema up to date.
pub(crate) async fn open_existing(path: &Path, key: &DataKey) -> Result<SqlitePool> {
    check_file_plausible(path)?;
    let pool = connect(encrypted_options(path, key, false)).await?;
    if let Err(e) = check_health(&pool).await {
        pool.close().await;
        return Err(e);
    }
    if let Err(e) = MIGRATOR.run(&pool).await {
        pool.close().await;
        return Err(e.into());
    }
    Ok(pool)
}

/// Open a pool on a brand-new (empty, owner-only) database file and create the schema
/// (up to `schema_version` when given: only for upgrade tests).
pub(crate) async fn open_new(
    path: &Path,
    key: &DataKey,
    schema_version: Option<i64>,
) -> Result<SqlitePool> {
    let pool = connect(encrypted_options(path, key, false)).await?;
    let migrated = match schema_version {
        None => MIGRATOR.run(&pool).await,
        Some(v) => MIGRATOR.run_to(v, &pool).await,
    };
    if let Err(e) = migrated {
        pool.close().await;
        return Err(e.into());
    }
    Ok(pool)
}

pub(crate) async fn connect(options: SqliteConnectOptions) -> Result<SqlitePool> {
    quiet_sqlcipher_log().await?;
    let pool = SqlitePoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .min_connections(0)
        .connect_with(options)
        .await?;
    Ok(pool)
}

/// Refuse files that cannot be a store database without opening them: SQLite treats a
/// missing or empty file as a new database, which would hide the loss of the real one.
fn check_file_plausible(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if m.len() >= MIN_DB_FILE_LEN => Ok(()),
        Ok(_) => Err(StoreError::Corrupt),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(StoreError::Corrupt),
        Err(e) => Err(e.into()),
    }
}

/// A read-only health check: the schema is there (a database that decrypts but has no
/// tables is not ours) and SQLite's `quick_check` passes (it reads and decrypts every page,
/// so a damaged page is caught now rather than mid-use).
async fn check_health(pool: &SqlitePool) -> Result<()> {
    let tables: i64 = sqlx::query_scalar("SELECT count(*) FROM sqlite_master")
        .fetch_one(pool)
        .await?;
    if tables == 0 {
        return Err(StoreError::Corrupt);
    }
    // The key is proven (the vault's AEAD) and page 1 decrypted, so any database error while
    // reading the remaining pages means damage: SQLCipher reports a page that fails its HMAC
    // as a generic SQLITE_ERROR rather than SQLITE_CORRUPT.
    let verdict: Vec<String> = match sqlx::query_scalar("PRAGMA quick_check")
        .fetch_all(pool)
        .await
    {
        Ok(v) => v,
        Err(sqlx::Error::Database(_)) => return Err(StoreError::Corrupt),
        Err(e) => return Err(e.into()),
    };
    if verdict != ["ok"] {
        return Err(StoreError::Corrupt);
    }
    Ok(())
}

/// The full `PRAGMA integrity_check`: slower than `quick_check`, used before a restored copy
/// replaces anything.
pub(crate) async fn integrity_ok(pool: &SqlitePool) -> Result<bool> {
    let verdict: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(pool)
        .await?;
    Ok(verdict == ["ok"])
}
