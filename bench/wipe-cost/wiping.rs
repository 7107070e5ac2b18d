//! The wipe-cost workload with Thaw's wiping `free`/`realloc` (the app's `memory_wipe.rs`,
//! compiled into this executable exactly as into the app).
#[allow(dead_code)]
#[path = "../../src-tauri/src/memory_wipe.rs"]
mod memory_wipe;

include!("workload.rs");
