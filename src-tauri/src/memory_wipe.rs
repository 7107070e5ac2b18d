//! Wiping freed memory in the C heaps that share Thaw's process: GTK, GLib, libsoup and
//! WebKit's UI-process side of IPC all allocate with glibc's malloc. The bodies of IPC
//! requests (a passphrase) and responses (journal text) pass through them, and glibc keeps
//! small freed blocks as they were (its `M_PERTURB` fill skips blocks cached per thread), so
//! after a lock a scan of the process still found them.
//!
//! On glibc, Thaw's executable therefore defines `free` and `realloc` itself (and `getenv`,
//! to send WebKit's own heap through them too, see there). The dynamic
//! linker binds every library's calls to these first (the executable's symbols come before
//! libc's), so every block freed anywhere in the process is zeroed, then handed to glibc's own
//! `__libc_free`. Allocation stays glibc's (`malloc`, `calloc`, `memalign` are untouched), so
//! every pointer that reaches `free` is still a glibc block. Calls inside glibc itself (stdio
//! buffers, for instance) do not go through these, and hold nothing of the person's.
//!
//! Elsewhere (other platforms, musl) the Rust heap is still wiped by `zeroing_alloc.rs`, and
//! SQLCipher wipes its own (`cipher_memory_security`).

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

    /// `getenv(3)`, answering `Malloc=1` to WebKit.
    ///
    /// WebKit allocates its own buffers (the IPC message that carries a request body, with the
    /// passphrase in it) from its own heap, bmalloc/libpas, which never goes through `free`.
    /// Its documented switch `Malloc` makes it use the system malloc instead, and so the wiping
    /// `free` above. WebKit reads the switch while its libraries initialise, before `main` and
    /// after libc has taken the environment as the process started with it, so setting the
    /// variable from Thaw comes too late (measured: the last request bodies then stayed in
    /// WebKit's heap after a lock). The executable's own `getenv` is bound before any library
    /// initialises, so it can answer instead: `Malloc` reads as set, everything else is looked
    /// up as glibc does. The real environment is untouched, so WebKit's helper processes keep
    /// their usual allocator (they are not Thaw's process). Costs nothing at start-up.
    ///
    /// # Safety
    /// As `getenv(3)`: `name` is a NUL-terminated string.
    #[no_mangle]
    pub unsafe extern "C" fn getenv(name: *const libc::c_char) -> *mut libc::c_char {
        if name.is_null() {
            return std::ptr::null_mut();
        }
        let wanted = std::ffi::CStr::from_ptr(name).to_bytes();
        let found = lookup(wanted);
        if found.is_null() && wanted == b"Malloc" {
            return c"1".as_ptr().cast_mut();
        }
        found
    }

    extern "C" {
        static environ: *const *const libc::c_char;
    }

    /// What glibc's `getenv` does: the value after `name=` in the first matching entry.
    unsafe fn lookup(name: &[u8]) -> *mut libc::c_char {
        if name.is_empty() || name.contains(&b'=') || environ.is_null() {
            return std::ptr::null_mut();
        }
        let mut entry = environ;
        while !(*entry).is_null() {
            let e = *entry;
            let matches = (0..name.len()).all(|i| *e.add(i) as u8 == name[i])
                && *e.add(name.len()) as u8 == b'=';
            if matches {
                return e.add(name.len() + 1).cast_mut();
            }
            entry = entry.add(1);
        }
        std::ptr::null_mut()
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

        #[test]
        fn getenv_answers_as_glibc_and_sets_only_the_webkit_switch() {
            unsafe {
                let path = libc::getenv(c"PATH".as_ptr());
                assert!(!path.is_null());
                assert_eq!(
                    std::ffi::CStr::from_ptr(path).to_str().unwrap(),
                    std::env::var("PATH").unwrap()
                );
                assert!(libc::getenv(c"THAW_SURELY_UNSET_VARIABLE".as_ptr()).is_null());
                assert!(
                    libc::getenv(c"PAT".as_ptr()).is_null(),
                    "a prefix is not a match"
                );
                assert!(!libc::getenv(c"Malloc".as_ptr()).is_null());
            }
        }
    }
}
