//! Wiping freed memory in the C heaps that share Thaw's process: GTK, GLib, libsoup and
//! WebKit's UI-process side of IPC all allocate with glibc's malloc. The bodies of IPC
//! requests (a passphrase) and responses (journal text) pass through them, and glibc keeps
//! small freed blocks as they were (its `M_PERTURB` fill skips blocks cached per thread), so
//! after a lock a scan of the process still found them.
//!
//! On glibc, Thaw's executable therefore defines `free` and `realloc` itself. The dynamic
//! linker binds every library's calls to these first (the executable's symbols come before
//! libc's), so every block freed anywhere in the process is zeroed, then handed to glibc's own
//! `__libc_free`. Allocation stays glibc's (`malloc`, `calloc`, `memalign` are untouched), so
//! every pointer that reaches `free` is still a glibc block. Calls inside glibc itself (stdio
//! buffers, for instance) do not go through these, and hold nothing of the person's.
//!
//! Elsewhere (other platforms, musl) the Rust heap is still wiped by `zeroing_alloc.rs`, and
//! SQLCipher wipes its own (`cipher_memory_security`).

/// WebKit allocates its own buffers (the IPC message that carries a request body, with the
/// passphrase in it) from its own heap, bmalloc/libpas, which never goes through `free`. Its
/// documented switch `Malloc=1` makes WebKit use the system malloc instead, and so the wiping
/// `free` below. WebKit reads it while its libraries load, before `main` runs, so setting it
/// from inside is too late (measured: the last request bodies stayed in WebKit's heap). Thaw
/// therefore starts itself once more with it set: `exec` replaces the process in place (same
/// pid, same arguments), before anything else has happened. Costs one more program load at
/// start-up (see BENCHMARKS.md). If the `exec` fails, Thaw carries on without it.
pub fn restart_with_webkit_on_system_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("Malloc").is_none() {
        use std::os::unix::process::CommandExt;
        let mut args = std::env::args_os();
        let arg0 = args.next().unwrap_or_default();
        let err = std::process::Command::new("/proc/self/exe")
            .arg0(arg0)
            .args(args)
            .env("Malloc", "1")
            .exec();
        eprintln!("thaw: could not restart with WebKit on the system allocator ({err}); going on without it");
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod glibc {
    use libc::{c_void, size_t};

    extern "C" {
        fn __libc_free(ptr: *mut c_void);
        fn __libc_malloc(size: size_t) -> *mut c_void;
        fn malloc_usable_size(ptr: *mut c_void) -> size_t;
    }

    /// `free(3)`, wiping the whole block first.
    ///
    /// # Safety
    /// As `free(3)`: `ptr` is null or a live block from this process's malloc.
    #[no_mangle]
    pub unsafe extern "C" fn free(ptr: *mut c_void) {
        if !ptr.is_null() {
            libc::explicit_bzero(ptr, malloc_usable_size(ptr));
        }
        __libc_free(ptr);
    }

    /// `realloc(3)` that never leaves the old bytes behind: a block that fits stays where it
    /// is; a bigger one is a new block, a copy, and a wiping `free` of the old one.
    ///
    /// # Safety
    /// As `realloc(3)`.
    #[no_mangle]
    pub unsafe extern "C" fn realloc(ptr: *mut c_void, size: size_t) -> *mut c_void {
        if ptr.is_null() {
            return __libc_malloc(size);
        }
        if size == 0 {
            free(ptr);
            return std::ptr::null_mut();
        }
        let old = malloc_usable_size(ptr);
        if size <= old {
            return ptr;
        }
        let new = __libc_malloc(size);
        if !new.is_null() {
            std::ptr::copy_nonoverlapping(ptr.cast::<u8>(), new.cast::<u8>(), old);
            free(ptr);
        }
        new
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn libraries_free_through_the_wiping_free() {
            unsafe {
                // strdup allocates inside libc; freeing it through the PLT reaches ours.
                let p = libc::strdup(c"a secret in a C heap".as_ptr());
                let grown = libc::realloc(p.cast(), 4096).cast::<u8>();
                assert_eq!(*grown, b'a', "realloc kept the bytes");
                libc::free(grown.cast());
            }
        }
    }
}
