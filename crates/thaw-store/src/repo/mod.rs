//! Typed async repository functions, as methods on [`crate::Store`]. Runtime `query_as` with
//! `FromRow` throughout: the compile-time `query!` macros cannot open an encrypted database.
//!
//! Every query goes through `Store::read`, `snapshot` or `write` (see `access.rs`), so it
//! joins a use-case's unit when there is one, and every write is acknowledged only after its
//! commit. Statements are driven to completion with `fetch_all` (never `fetch_one`, which
//! can drop an `INSERT … RETURNING` before SQLite reports a full disk).
//!
//! Nothing here deletes what a person wrote: things are archived (hidden) instead. Drafts
//! are the one exception: they are removed once saved for real or let go.

pub mod app_state;
pub mod daily;
pub mod drafts;
pub mod treatment;
pub mod values;
