//! "Keep running for prompts", readable by the window's close handler without the facade.
//!
//! The setting's one home is the store (`settings.rs`). The close handler is synchronous and
//! must not wait for the facade's lock (a backup may hold it), so this flag mirrors the
//! setting, and only thaw-core writes it: in the same call that reads the settings at unlock
//! or saves them. The shell keeps a clone and only reads it; closing the window right after
//! turning the setting on keeps Thaw in the tray.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Shared, cheap to clone; every clone sees the same answer. Off until the store is read.
#[derive(Debug, Clone, Default)]
pub struct KeepRunning(Arc<AtomicBool>);

impl KeepRunning {
    /// Whether closing the window only hides it (the setting as last read or saved).
    pub fn get(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    pub(crate) fn set(&self, on: bool) {
        self.0.store(on, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clone_sees_what_was_set() {
        let flag = KeepRunning::default();
        let shell = flag.clone();
        assert!(!shell.get());
        flag.set(true);
        assert!(shell.get());
        flag.set(false);
        assert!(!shell.get());
    }
}
