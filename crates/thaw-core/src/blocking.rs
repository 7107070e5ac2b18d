//! Long work off the async runtime's worker threads. Backup and restore read, seal and check a
//! whole database (seconds for a large one); run inline they would hold a worker thread, and
//! with two cores that is half of what answers every other command. Key derivation already
//! runs on blocking threads inside the store.

use std::future::Future;

use tokio::runtime::{Handle, RuntimeFlavor};

/// Runs `work` to completion on this thread after handing the thread's other tasks to the rest
/// of the runtime (`block_in_place`), so nothing else waits behind it. On a single-threaded
/// runtime (some tests) there is nowhere to hand them, and it simply awaits.
pub(crate) async fn off_the_runtime<F: Future>(work: F) -> F::Output {
    match Handle::try_current() {
        Ok(handle) if handle.runtime_flavor() == RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(|| handle.block_on(work))
        }
        _ => work.await,
    }
}
