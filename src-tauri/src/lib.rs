//! The thin Tauri shell: it finds the platform's folders, holds the use-case facade,
//! forwards commands to it, and runs the platform parts (auto-lock timer, notifications).
//! All behaviour lives in `crates/`.

mod away;
mod command_list;
mod commands;
mod dialogs;
mod ipc_arg;
mod memory_wipe;
mod prompts;
mod reach;
#[cfg(desktop)]
mod tray;
#[cfg(any(test, not(all(target_os = "linux", target_env = "gnu"))))]
mod zeroing_alloc;

use std::path::PathBuf;
use std::time::Duration;

use tauri::{Emitter, Manager, WindowEvent};
use thaw_core::{KdfParams, Thaw};

/// Every freed block of the Rust heap is wiped (see `zeroing_alloc.rs`). On glibc the
/// process-wide wiping `free` (`memory_wipe.rs`) already covers the Rust heap too, which goes
/// through it, so the plain system allocator is used there rather than wiping twice.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
#[global_allocator]
static ALLOCATOR: zeroing_alloc::ZeroingAlloc = zeroing_alloc::ZeroingAlloc;

/// The event the UI listens to when auto-lock closes the vault.
pub(crate) const LOCKED_EVENT: &str = "thaw://locked";

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    // Thaw already runs on this data folder: hand over to it (its window comes forward) and end
    // here, before GTK, WebKit or the store start. (The plugin below does the same from inside
    // Tauri's setup, but exiting with all of those threads running can crash on the way out.)
    #[cfg(target_os = "linux")]
    if handed_over(&instance_id()) {
        std::process::exit(0);
    }
    let builder = tauri::Builder::default();
    // First among plugins: a second launch on the same data folder hands over to this one
    // (its window comes forward) and exits before anything else starts.
    #[cfg(desktop)]
    let builder = builder.plugin(single_instance());
    let builder = builder
        // Crisis actions hand tel:/sms: to the device through the opener, on every platform.
        // Only Thaw's own `reach` command uses it: the page gets no opener permission, and no
        // script that turns link clicks into opener calls.
        .plugin(
            tauri_plugin_opener::Builder::new()
                .open_js_links_on_click(false)
                .build(),
        )
        .plugin(reach::navigation_guard())
        // The platform's open and save dialogs, asked from Rust only (`dialogs.rs`).
        .plugin(tauri_plugin_dialog::init());
    #[cfg(mobile)]
    let builder = builder.plugin(tauri_plugin_notification::init());
    builder
        .setup(|app| {
            let data_dir = arg_or_env("--data-dir=", "THAW_DATA_DIR")
                .map(Ok)
                .unwrap_or_else(|| app.path().app_data_dir())?;
            let backup_dir = arg_or_env("--backup-dir=", "THAW_BACKUP_DIR")
                .or_else(|| {
                    app.path()
                        .document_dir()
                        .ok()
                        .map(|d| d.join("Thaw backups"))
                })
                .unwrap_or_else(|| data_dir.with_file_name("thaw-backups"));
            let thaw = Thaw::new(data_dir, backup_dir, KdfParams::recommended());
            // One Thaw per data folder, held for the life of the process. If another process
            // has it, say so here and on the "could not open" screen (every command refuses).
            if let Err(e) = thaw.claim_folder() {
                eprintln!(
                    "thaw: {} (data folder {})",
                    e.message,
                    thaw.data_dir().display()
                );
            }
            app.manage(commands::AppState::new(thaw));
            spawn_auto_lock(app.handle().clone());
            #[cfg(desktop)]
            away::watch(app.handle().clone());
            prompts::spawn(app.handle().clone());
            #[cfg(desktop)]
            tray::create_later(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            #[cfg(mobile)]
            away::on_window_event(window.app_handle(), event);
            // With "keep running for prompts" on, closing the window only hides it; the tray
            // has Open and Quit. Otherwise closing quits, and Settings says prompts need Thaw open.
            if let WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<commands::AppState>();
                if state.keep_running.get() {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
        })
        .invoke_handler(command_list::handler())
        .build(tauri::generate_context!())
        .expect("Thaw could not start")
        .run(|app, event| {
            // Close the vault before the process ends: the key is wiped and every connection
            // is closed while SQLCipher is still there to close it.
            if let tauri::RunEvent::Exit = event {
                let state = app.state::<commands::AppState>();
                tauri::async_runtime::block_on(async {
                    let _ = state.thaw.lock().await.lock().await;
                });
            }
        });
}

/// The single-instance plugin, with an identity per data folder (see `instance_id`): a second
/// launch on the same folder hands over to the running Thaw (its window comes forward) and
/// exits; a Thaw on another folder runs on its own. Whatever slips past this (another session
/// bus, a script) meets the folder lock instead.
#[cfg(desktop)]
fn single_instance<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .callback(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.show();
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        })
        .dbus_id(instance_id())
        .build()
}

/// Who "the same Thaw" is: the app, or the app on one data folder when one is given.
#[cfg(desktop)]
fn instance_id() -> String {
    const APP: &str = "app.thaw.companion";
    match arg_or_env("--data-dir=", "THAW_DATA_DIR") {
        Some(dir) => {
            let dir = dir.canonicalize().unwrap_or(dir);
            format!("{APP}.d{:016x}", fnv1a(dir.as_os_str().as_encoded_bytes()))
        }
        None => APP.to_string(),
    }
}

/// Asks a running Thaw with identity `id` to come forward, the way the single-instance plugin's
/// second instance does (its D-Bus name and method). False when none is running or there is
/// no session bus: then this one starts as usual.
#[cfg(target_os = "linux")]
fn handed_over(id: &str) -> bool {
    let name = format!("{id}.SingleInstance");
    let path = format!("/{}", name.replace('.', "/").replace('-', "_"));
    let Ok(connection) = zbus::blocking::Connection::session() else {
        return false;
    };
    let running = (|| -> Option<bool> {
        let bus = zbus::blocking::fdo::DBusProxy::new(&connection).ok()?;
        let name = zbus::names::BusName::try_from(name.as_str()).ok()?;
        bus.name_has_owner(name).ok()
    })()
    .unwrap_or(false);
    if !running {
        return false;
    }
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let cwd = std::env::current_dir()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    connection
        .call_method(
            Some(name.as_str()),
            path.as_str(),
            Some("org.SingleInstance.DBus"),
            "ExecuteCallback",
            &(args, cwd),
        )
        .is_ok()
}

/// A stable 64-bit FNV-1a hash (the standard library's hasher may change between versions,
/// and two builds must agree on a folder's identity).
#[cfg(desktop)]
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `--name=PATH` on the command line, or the environment variable: a data folder elsewhere
/// (end-to-end tests, or keeping Thaw on a removable drive).
fn arg_or_env(prefix: &str, var: &str) -> Option<PathBuf> {
    std::env::args()
        .find_map(|a| a.strip_prefix(prefix).map(PathBuf::from))
        .or_else(|| std::env::var_os(var).map(PathBuf::from))
}

/// Locks the vault after the person's chosen idle time, or once Thaw has been out of sight
/// longer than their grace (`away.rs`), and tells the UI.
fn spawn_auto_lock(app: tauri::AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        loop {
            tick.tick().await;
            let state = app.state::<commands::AppState>();
            let mut thaw = state.thaw.lock().await;
            if thaw.should_auto_lock() && thaw.lock().await.is_ok() {
                let _ = app.emit(LOCKED_EVENT, ());
            }
        }
    });
}
