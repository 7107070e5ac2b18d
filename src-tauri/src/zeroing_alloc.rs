//! The app's global allocator: the system allocator, but every block is wiped as it is freed.
//!
//! Secrets pass through many short-lived buffers Thaw does not own: the IPC request that carried
//! the passphrase, serde's strings, sqlx's copy of the `PRAGMA key` statement and its connect
//! options, rows read from the database. `zeroize` wipes the ones Thaw owns; this wipes the
//! rest, so after a lock no freed Rust heap still holds the key, its hex form, the passphrase
//! or anything the person wrote. (C heaps — SQLCipher, WebKit — are handled at their source:
//! SQLCipher's `cipher_memory_security`, and glibc's free-perturbing, see `memory_wipe.rs`.)
//!
//! `realloc` is left to `GlobalAlloc`'s default (allocate, copy, free the old block), which
//! routes the old block through `dealloc` and so wipes it; the system's in-place `realloc`
//! would leave the old bytes behind whenever it moves the block. The cost is measured in
//! BENCHMARKS.md.

use std::alloc::{GlobalAlloc, Layout, System};

pub struct ZeroingAlloc;

// SAFETY: every method forwards to `System` with the caller's own pointer and layout; the wipe
// writes only within the block being freed, before it is handed back.
unsafe impl GlobalAlloc for ZeroingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        System.alloc_zeroed(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        wipe(ptr, layout.size());
        System.dealloc(ptr, layout)
    }
}

/// Zeroes `len` bytes at `ptr` in a way the compiler may not drop as a dead store before free.
#[inline]
pub unsafe fn wipe(ptr: *mut u8, len: usize) {
    if len == 0 {
        return;
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    libc::explicit_bzero(ptr.cast(), len);
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    zeroize::Zeroize::zeroize(std::slice::from_raw_parts_mut(ptr, len));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_freed_block_is_zero_and_a_grown_one_keeps_its_bytes() {
        unsafe {
            let layout = Layout::from_size_align(64, 8).unwrap();
            let a = ZeroingAlloc;
            let p = a.alloc(layout);
            std::ptr::write_bytes(p, 0xAB, 64);
            let q = a.realloc(p, layout, 4096);
            assert!((0..64).all(|i| *q.add(i) == 0xAB), "realloc kept the bytes");
            wipe(q, 64);
            assert!((0..64).all(|i| *q.add(i) == 0));
            a.dealloc(q, Layout::from_size_align(4096, 8).unwrap());
        }
    }
}
