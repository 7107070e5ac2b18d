//! A clean exit while connections are still closing.
//!
//! SQLCipher frees its private heap and mutexes from an `atexit` handler. If the process
//! exits while a sqlx worker thread is still closing a connection (a pool dropped at the end
//! of `main` or of a test), that close touches freed memory and the process dies with SIGSEGV
//! in `sqlite3FreeCodecArg` — after everything was committed, but a crash all the same.
//! `atexit` handlers run in reverse order of registration, so a handler registered after
//! SQLCipher's (which it registers on first use) runs first: it waits, bounded, for our
//! database threads to finish. Callers should still close the store (`Store::lock`) before
//! exiting; this is the safety net.

use std::sync::Once;
use std::time::{Duration, Instant};

/// Worker threads of our connections are named with this prefix (at most 15 bytes on Linux).
pub(crate) const THREAD_PREFIX: &str = "thaw-db-";

/// How long exit may wait for connections to finish closing.
const MAX_WAIT: Duration = Duration::from_secs(3);

/// Registers the handler once; call only after SQLCipher has initialised.
pub(crate) fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: registering a plain `extern "C"` function with no captured state.
        unsafe {
            libc::atexit(wait_for_database_threads);
        }
    });
}

extern "C" fn wait_for_database_threads() {
    let deadline = Instant::now() + MAX_WAIT;
    while live_database_threads() > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Our worker threads still alive in this process.
#[cfg(target_os = "linux")]
pub(crate) fn live_database_threads() -> usize {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return 0;
    };
    tasks
        .flatten()
        .filter(|t| {
            std::fs::read_to_string(t.path().join("comm"))
                .is_ok_and(|name| name.starts_with(THREAD_PREFIX))
        })
        .count()
}

/// Elsewhere threads cannot be listed as cheaply; the exit hook then does not wait.
#[cfg(not(target_os = "linux"))]
pub(crate) fn live_database_threads() -> usize {
    0
}
