//! The wipe-cost workload with glibc's own `free` (see `workload.rs`).
include!("workload.rs");
