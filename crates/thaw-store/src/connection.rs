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
    SqliteConnectOptions, SqliteJournalMode, SqliteLockingMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use tokio::sync::OnceCell;

use crate::access::read_marks;
use crate::error::{Result, StoreError};
use crate::high_water::{Marks, Shortfall};
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
        // One TRACE event per statement (target `sqlx::query`: the SQL text, never a bound
        // value). Nothing in Thaw listens, so nothing is logged; the daily-path benchmark
        // (thaw-core's `bench_daily`) counts them.
        .log_statements(log::LevelFilter::Trace)
        .log_slow_statements(log::LevelFilter::Trace, Duration::from_secs(3600))
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

/// What opening an existing store found.
pub(crate) enum Opened {
    /// Healthy, at least as full as recorded, migrated: ready for use.
    Ready(SqlitePool),
    /// Healthy but holding less than recorded: held read-only, nothing written, so the files
    /// stay exactly as they were until the person decides (see `Store::accept_as_found`).
    /// With the path of an empty log the check had to make, to take away on closing.
    Held(SqlitePool, Shortfall, Option<std::path::PathBuf>),
}

/// Open an existing store database, making sure it is really ours, healthy and not older
/// than `recorded` (the high-water marks kept outside it) *before anything writes to it*;
/// then bring the schema up to date.
///
/// The checks run on one connection in exclusive locking mode that only reads and never
/// checkpoints on close: SQLite then keeps the write-ahead log's index in private memory,
/// so a refused database, its `-wal` and its `-shm` are left byte for byte as they were.
/// (An ordinary connection closing on a damaged database would checkpoint the log into it.)
/// The connection cannot be opened read-only: exclusive locking needs a writable handle.
pub(crate) async fn open_existing(
    path: &Path,
    key: &DataKey,
    recorded: Option<&Marks>,
) -> Result<Opened> {
    check_file_plausible(path)?;
    let wal = wal_path(path);
    let wal_existed = wal.exists();
    let remove_new_wal = || {
        // Opening a WAL database makes an empty log if there was none; take it away again.
        if !wal_existed && std::fs::metadata(&wal).is_ok_and(|m| m.len() == 0) {
            let _ = std::fs::remove_file(&wal);
        }
    };
    let check = match connect_untouching(path, key).await {
        Ok(check) => check,
        Err(e) if is_busy(&e) => return open_beside_ours(path, key, recorded).await,
        Err(e) => {
            remove_new_wal();
            return Err(e);
        }
    };
    let verdict = examine(&check, recorded).await;
    if matches!(&verdict, Err(e) if is_busy(e)) {
        check.close().await;
        return open_beside_ours(path, key, recorded).await;
    }
    match verdict {
        Err(e) => {
            check.close().await;
            remove_new_wal();
            Err(e)
        }
        Ok(Some(shortfall)) => Ok(Opened::Held(
            check,
            shortfall,
            (!wal_existed).then_some(wal),
        )),
        Ok(None) => {
            check.close().await;
            let pool = connect(encrypted_options(path, key, false)).await?;
            finish_open(pool, Ok(None)).await
        }
    }
}

/// Another connection of this process has the database open (the folder is ours alone), so
/// it was checked when that one opened, and closing a connection that is not the last never
/// checkpoints: an ordinary connection is fine.
async fn open_beside_ours(path: &Path, key: &DataKey, recorded: Option<&Marks>) -> Result<Opened> {
    let pool = connect(encrypted_options(path, key, false)).await?;
    let verdict = examine(&pool, recorded).await;
    finish_open(pool, verdict).await
}

/// Healthy, and how it compares with the record.
async fn examine(pool: &SqlitePool, recorded: Option<&Marks>) -> Result<Option<Shortfall>> {
    check_health(pool).await?;
    let found = read_marks(&mut *pool.acquire().await?).await?;
    Ok(recorded.and_then(|r| found.shortfall_against(r)))
}

async fn finish_open(pool: SqlitePool, verdict: Result<Option<Shortfall>>) -> Result<Opened> {
    match verdict {
        Err(e) => {
            pool.close().await;
            Err(e)
        }
        Ok(Some(shortfall)) => Ok(Opened::Held(pool, shortfall, None)),
        Ok(None) => match MIGRATOR.run(&pool).await {
            Ok(()) => Ok(Opened::Ready(pool)),
            Err(e) => {
                pool.close().await;
                Err(e.into())
            }
        },
    }
}

/// SQLITE_BUSY or SQLITE_LOCKED: someone else holds a lock the check needs.
fn is_busy(e: &StoreError) -> bool {
    let StoreError::Database(sqlx::Error::Database(db)) = e else {
        return false;
    };
    db.code()
        .and_then(|c| c.parse::<i32>().ok())
        .is_some_and(|c| matches!(c & 0xff, 5 | 6))
}

fn wal_path(db: &Path) -> std::path::PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push("-wal");
    p.into()
}

/// One connection that leaves every file as it found it (see `open_existing`).
async fn connect_untouching(path: &Path, key: &DataKey) -> Result<SqlitePool> {
    quiet_sqlcipher_log().await?;
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(false)
        .pragma("key", key.sqlcipher_pragma_value().to_string())
        .pragma("cipher_memory_security", "ON")
        // Before the first read of a WAL database: no shared-memory index (`-shm`) at all.
        .locking_mode(SqliteLockingMode::Exclusive)
        // Busy means another connection of ours has it open: no need to wait (see above).
        .busy_timeout(Duration::ZERO)
        .thread_name(|id| format!("{}c{id}", crate::exit_guard::THREAD_PREFIX))
        .pragma("temp_store", "MEMORY")
        .pragma("cipher_log_level", "NONE")
        .disable_statement_logging();
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(0)
        .after_connect(|conn, _| Box::pin(async move { never_checkpoint_on_close(conn).await }))
        .connect_with(options)
        .await?;
    Ok(pool)
}

/// `SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE`: closing this connection leaves the log alone.
async fn never_checkpoint_on_close(conn: &mut SqliteConnection) -> sqlx::Result<()> {
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: the handle is locked away from sqlx's worker for the duration of the call,
    // and this option takes an int and an optional int pointer.
    let rc = unsafe {
        libsqlite3_sys::sqlite3_db_config(
            db,
            libsqlite3_sys::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            1 as std::ffi::c_int,
            std::ptr::null_mut::<std::ffi::c_int>(),
        )
    };
    if rc == libsqlite3_sys::SQLITE_OK {
        Ok(())
    } else {
        Err(sqlx::Error::Protocol(format!(
            "could not keep the log on close (SQLite code {rc})"
        )))
    }
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
        .fetch_all(pool)
        .await?
        .pop()
        .unwrap_or(0);
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
