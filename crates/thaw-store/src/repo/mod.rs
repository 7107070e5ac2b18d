//! Typed async repository functions, as methods on [`crate::Store`]. Runtime `query_as` with
//! `FromRow` throughout: the compile-time `query!` macros cannot open an encrypted database.
//!
//! Nothing here deletes what a person wrote: things are archived (hidden) instead.

pub mod app_state;
pub mod daily;
pub mod safety;
pub mod treatment;
pub mod values;
