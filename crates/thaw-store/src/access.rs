//! How every query reaches the database, and what happens around each write.
//!
//! - A **read** takes a pooled connection; a **snapshot** read several queries in one read
//!   transaction.
//! - A **write** is its own `BEGIN IMMEDIATE … COMMIT`. Before the commit it bumps the commit
//!   counter and reads the high-water marks in the same transaction; only once `COMMIT` has
//!   returned is the write acknowledged, and the marks are recorded outside the database
//!   (`high_water.rs`). Every statement is driven to completion (`fetch_all`, never
//!   `fetch_one`): SQLite hands back an `INSERT … RETURNING` row *before* the statement
//!   finishes, and an error raised when it finishes (a full disk) would otherwise be lost
//!   with the statement.
//! - A **unit** (see [`Store::begin_unit`]) gathers every read and write of one use-case
//!   into one transaction: a response, the engine state learned from it and the next offer
//!   are stored together or not at all.
//! - After writes settle (a couple of seconds without one) a background task checkpoints the
//!   write-ahead log into `thaw.db` and truncates it, so the database file itself holds the
//!   data; locking does the same at once.

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::{Row, Sqlite, SqliteConnection, SqlitePool, Transaction};
use tokio::sync::{Mutex, MutexGuard};

use crate::error::{Result, StoreError};
use crate::high_water::{Marks, TRACKED};
use crate::Store;

/// How long writes must pause before the log is checkpointed into the database file.
pub(crate) const SETTLE: Duration = Duration::from_secs(2);

/// One use-case's transaction, shared by the store views taking part in it.
pub(crate) struct UnitSlot {
    state: Mutex<UnitState>,
}

pub(crate) struct UnitState {
    tx: Option<WriteTx>,
    wrote: bool,
}

/// A way to the database for one repository call.
pub(crate) enum Access<'a> {
    Unit(MutexGuard<'a, UnitState>),
    Read(PoolConnection<Sqlite>),
    Snapshot(Transaction<'static, Sqlite>),
    Write(WriteTx),
}

impl Access<'_> {
    pub(crate) fn conn(&mut self) -> &mut SqliteConnection {
        match self {
            Access::Unit(state) => state
                .tx
                .as_mut()
                .expect("a unit's transaction is checked when the unit is entered")
                .conn(),
            Access::Read(c) => c,
            Access::Snapshot(tx) => tx,
            Access::Write(tx) => tx.conn(),
        }
    }
}

/// A write transaction on one pooled connection, begun and ended in plain SQL rather than
/// with sqlx's `Transaction`: when `COMMIT` fails (a full disk), SQLite may already have
/// rolled back, sqlx's own `ROLLBACK` then fails too, and the connection would go back to
/// the pool still counted as inside a transaction, refusing every later `BEGIN`. Here a
/// transaction that did not end cleanly closes its connection instead (closing rolls back
/// whatever is left), and the pool opens a fresh one.
pub(crate) struct WriteTx {
    conn: PoolConnection<Sqlite>,
    open: bool,
}

impl WriteTx {
    async fn begin(pool: &SqlitePool) -> Result<WriteTx> {
        let mut conn = pool.acquire().await?;
        sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
        Ok(WriteTx { conn, open: true })
    }

    fn conn(&mut self) -> &mut SqliteConnection {
        &mut self.conn
    }

    async fn commit(mut self) -> Result<()> {
        match sqlx::query("COMMIT").execute(&mut *self.conn).await {
            Ok(_) => {
                self.open = false;
                Ok(())
            }
            Err(e) => {
                let _ = sqlx::query("ROLLBACK").execute(&mut *self.conn).await;
                Err(e.into())
            }
        }
    }

    async fn rollback(mut self) {
        if sqlx::query("ROLLBACK")
            .execute(&mut *self.conn)
            .await
            .is_ok()
        {
            self.open = false;
        }
    }
}

impl Drop for WriteTx {
    fn drop(&mut self) {
        if self.open {
            self.conn.close_on_drop();
        }
    }
}

/// The one row an `INSERT … RETURNING` gives back (read with `fetch_all`, see above).
pub(crate) fn the_row<T>(mut rows: Vec<T>) -> Result<T> {
    rows.pop().ok_or(StoreError::NotFound)
}

impl Store {
    async fn unit_state(&self) -> Option<Result<MutexGuard<'_, UnitState>>> {
        let slot = self.unit.as_ref()?;
        let state = slot.state.lock().await;
        Some(if state.tx.is_some() {
            Ok(state)
        } else {
            Err(StoreError::Io(std::io::Error::other(
                "unit already finished",
            )))
        })
    }

    /// A connection for reading (the unit's, inside one).
    pub(crate) async fn read(&self) -> Result<Access<'_>> {
        match self.unit_state().await {
            Some(state) => Ok(Access::Unit(state?)),
            None => Ok(Access::Read(self.shared.pool.acquire().await?)),
        }
    }

    /// A read transaction, so several queries see one state (the unit's, inside one).
    pub(crate) async fn snapshot(&self) -> Result<Access<'_>> {
        match self.unit_state().await {
            Some(state) => Ok(Access::Unit(state?)),
            None => Ok(Access::Snapshot(self.shared.pool.begin().await?)),
        }
    }

    /// A write transaction (the unit's, inside one). Finish it with [`Store::finish`]; dropped
    /// unfinished, it rolls back.
    pub(crate) async fn write(&self) -> Result<Access<'_>> {
        if self.shared.held.is_some() {
            return Err(StoreError::HeldForReview);
        }
        match self.unit_state().await {
            Some(state) => {
                let mut state = state?;
                state.wrote = true;
                Ok(Access::Unit(state))
            }
            None => Ok(Access::Write(WriteTx::begin(&self.shared.pool).await?)),
        }
    }

    /// Commit what `access` began (nothing to do inside a unit: the unit commits).
    pub(crate) async fn finish(&self, access: Access<'_>) -> Result<()> {
        match access {
            Access::Unit(_) | Access::Read(_) => Ok(()),
            Access::Snapshot(tx) => Ok(tx.commit().await?),
            Access::Write(tx) => self.commit_write(tx).await,
        }
    }

    async fn commit_write(&self, mut tx: WriteTx) -> Result<()> {
        let marks = bump_and_mark(tx.conn()).await?;
        tx.commit().await?;
        self.after_commit(&marks);
        Ok(())
    }

    /// Acknowledged: record the marks outside the database and let the settle timer restart.
    fn after_commit(&self, marks: &Marks) {
        self.shared
            .writes
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        if let Some(path) = &self.shared.high_water {
            if let Err(e) = crate::high_water::record(path, &self.shared.key, marks) {
                // The write itself is stored; a lagging record only means less is noticed.
                eprintln!(
                    "thaw: could not update the store's high-water record ({})",
                    e.kind()
                );
            }
        }
        if let Some(settle) = &self.shared.settle {
            settle.send_replace(());
        }
    }

    /// Begin a unit: every read and write through the returned view of the store goes into
    /// one `BEGIN IMMEDIATE` transaction until [`Store::commit_unit`] (all of it is stored, and
    /// acknowledged together) or [`Store::rollback_unit`] (none of it is). Dropping the view
    /// rolls back too. Other views of the store (other tasks) are not part of it.
    pub async fn begin_unit(&self) -> Result<Store> {
        if self.unit.is_some() {
            return Err(StoreError::Io(std::io::Error::other("units do not nest")));
        }
        if self.shared.held.is_some() {
            return Err(StoreError::HeldForReview);
        }
        let tx = WriteTx::begin(&self.shared.pool).await?;
        Ok(Store {
            shared: self.shared.clone(),
            unit: Some(Arc::new(UnitSlot {
                state: Mutex::new(UnitState {
                    tx: Some(tx),
                    wrote: false,
                }),
            })),
        })
    }

    /// Whether this view of the store is inside a unit.
    pub fn in_unit(&self) -> bool {
        self.unit.is_some()
    }

    /// Commit the unit this view began. Only after this returns is anything in it stored.
    pub async fn commit_unit(self) -> Result<()> {
        let Some(slot) = &self.unit else {
            return Ok(());
        };
        let mut state = slot.state.lock().await;
        let Some(mut tx) = state.tx.take() else {
            return Ok(());
        };
        if state.wrote {
            drop(state);
            let marks = bump_and_mark(tx.conn()).await?;
            tx.commit().await?;
            self.after_commit(&marks);
        } else {
            tx.commit().await?;
        }
        Ok(())
    }

    /// Roll back the unit this view began: nothing in it is stored.
    pub async fn rollback_unit(self) {
        if let Some(slot) = &self.unit {
            if let Some(tx) = slot.state.lock().await.tx.take() {
                tx.rollback().await;
            }
        }
    }
}

/// One query for every tracked table's highest row id.
static MARKS_SQL: LazyLock<String> = LazyLock::new(|| {
    let columns: Vec<String> = TRACKED
        .iter()
        .map(|(table, _, _)| format!("(SELECT coalesce(max(id), 0) FROM {table})"))
        .collect();
    format!("SELECT {}", columns.join(", "))
});

/// What the store holds now, as the high-water record counts it.
pub(crate) async fn read_marks(conn: &mut SqliteConnection) -> Result<Marks> {
    let has_counter: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'store_generation'",
    )
    .fetch_all(&mut *conn)
    .await?
    .pop()
    .unwrap_or(0);
    let generation = if has_counter > 0 {
        sqlx::query_scalar::<_, i64>("SELECT generation FROM store_generation WHERE id = 1")
            .fetch_all(&mut *conn)
            .await?
            .pop()
    } else {
        None
    };
    // The table names come from a fixed list, never from input.
    let row = the_row(
        sqlx::query(sqlx::AssertSqlSafe(MARKS_SQL.as_str()))
            .fetch_all(&mut *conn)
            .await?,
    )?;
    let mut rows = std::collections::BTreeMap::new();
    for (i, (table, _, _)) in TRACKED.iter().enumerate() {
        rows.insert(table.to_string(), row.try_get::<i64, _>(i)?);
    }
    Ok(Marks { generation, rows })
}

async fn bump_and_mark(conn: &mut SqliteConnection) -> Result<Marks> {
    sqlx::query("UPDATE store_generation SET generation = generation + 1 WHERE id = 1")
        .execute(&mut *conn)
        .await?;
    read_marks(conn).await
}

/// Copy the write-ahead log into `thaw.db` and empty it. Best effort: a busy reader or a
/// full disk only means the log keeps the data a while longer (it is just as safe there).
pub(crate) async fn checkpoint(pool: &SqlitePool) -> Result<bool> {
    let row = the_row(
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .fetch_all(pool)
            .await?,
    )?;
    // (busy, log frames, checkpointed frames): busy 0 means it completed.
    Ok(row.try_get::<i64, _>(0)? == 0)
}

/// The background task that checkpoints once writes have settled. It ends when the store
/// is dropped (the sender goes) or its pool is closed.
pub(crate) fn spawn_settler(pool: SqlitePool) -> tokio::sync::watch::Sender<()> {
    let (tx, mut rx) = tokio::sync::watch::channel(());
    tokio::spawn(async move {
        loop {
            if rx.changed().await.is_err() {
                return;
            }
            // Wait for a quiet moment: each further write starts the wait again.
            loop {
                match tokio::time::timeout(SETTLE, rx.changed()).await {
                    Ok(Ok(())) => continue,
                    Ok(Err(_)) => return,
                    Err(_) => break,
                }
            }
            if pool.is_closed() {
                return;
            }
            let _ = checkpoint(&pool).await;
        }
    });
    tx
}
