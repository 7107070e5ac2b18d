//! The public crisis numbers for the lock screen, readable without the facade's lock.
//!
//! The shell holds a clone of the board beside the `Thaw` facade. Whatever the facade is busy
//! with (an unlock's key derivation, a long backup or restore), reading the board takes a
//! read lock that is only ever held for the swap of one pointer: crisis numbers never wait.
//! Only public numbers live here (never personal data), so keeping them while locked is fine.

use std::sync::{Arc, RwLock};

use thaw_clinical::{CrisisResources, LockedCrisisView};

/// Shared, cheap to clone; every clone sees the same numbers.
#[derive(Debug, Clone)]
pub struct CrisisBoard(Arc<RwLock<Arc<LockedCrisisView>>>);

impl Default for CrisisBoard {
    fn default() -> Self {
        Self(Arc::new(RwLock::new(Arc::new(
            CrisisResources::us_default().locked_view(),
        ))))
    }
}

impl CrisisBoard {
    /// What the lock screen shows now: the person's chosen public lines once Thaw has been
    /// opened in this run, the US lines before that (a locked store cannot be read).
    pub fn locked_view(&self) -> LockedCrisisView {
        let current = match self.0.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        };
        (*current).clone()
    }

    /// The person's lines changed (or were read at unlock); `None` goes back to the default.
    pub(crate) fn set(&self, lines: Option<&CrisisResources>) {
        let view = Arc::new(
            lines
                .cloned()
                .unwrap_or_else(CrisisResources::us_default)
                .locked_view(),
        );
        match self.0.write() {
            Ok(mut guard) => *guard = view,
            Err(poisoned) => *poisoned.into_inner() = view,
        }
    }
}
