//! Wiping freed memory in the C heaps that share Thaw's process (glibc's malloc, used by GTK,
//! GLib, libsoup and WebKit's UI-process side of IPC). The Rust heap has its own zeroing
//! allocator (`zeroing_alloc.rs`), SQLCipher wipes its own (`cipher_memory_security`).

/// Asks glibc to overwrite every block as it is freed (`M_PERTURB`), so a request body that
/// carried the passphrase, or a response that carried journal text, does not linger in freed
/// C heap after it is used. Call first thing, before other threads exist.
pub fn perturb_freed_c_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        /// glibc's `M_PERTURB` (malloc.h): fill freed blocks with this byte, new ones with its
        /// complement. Any non-zero byte will do.
        const M_PERTURB: libc::c_int = -6;
        // SAFETY: mallopt only changes a malloc tunable; called before other threads start.
        unsafe {
            libc::mallopt(M_PERTURB, 0x5a);
        }
    }
}
