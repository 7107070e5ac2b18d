// Prevents an extra console window on Windows in release.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // First, before anything else runs: WebKit's heap must start on the wiping allocator.
    thaw_app::memory_wipe::restart_with_webkit_on_system_malloc();
    thaw_app::run();
}
