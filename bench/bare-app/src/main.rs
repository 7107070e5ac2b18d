// The bare benchmark app: one window, one page, one command.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::io::Write;

/// The same start-up report as Thaw's: with `THAW_READY_FILE` set, appends
/// `{"ready_unix_ms": …}` to that file.
#[tauri::command]
fn ui_ready() {
    let Some(path) = std::env::var_os("THAW_READY_FILE") else {
        return;
    };
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path);
    if let Ok(mut file) = file {
        let _ = writeln!(file, "{{\"ready_unix_ms\": {ms}}}");
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
        .expect("the bare app could not start");
}
