//! Lock when Thaw leaves the screen for longer than the person's grace (Settings, one minute
//! unless changed). The shell only reports leaving and coming back; `thaw-core` keeps the time
//! away on two clocks and the auto-lock tick (`lib.rs`) locks once the grace has passed, so the
//! vault is closed while Thaw is still out of sight. Coming back after the grace locks at once,
//! before the page shows anything: a phone may have slept through every tick.
//!
//! How leaving is seen differs per platform:
//! - desktop: the main window hidden (closed to the tray) or minimised, looked at every second
//!   (GTK, AppKit and Win32 report minimising in different ways; asking is the same everywhere);
//! - phones: the window's `Suspended` (Android `onPause`, iOS `applicationWillResignActive`)
//!   and `Resumed` events, passed in from `lib.rs`'s window-event handler.

use tauri::{AppHandle, Emitter, Manager};

use crate::commands::AppState;
use crate::LOCKED_EVENT;

/// Thaw left the screen. The prompt plan is made again too, so a phone about to suspend
/// Thaw hands the OS the plan that follows what was just done.
pub async fn left(app: &AppHandle) {
    app.state::<AppState>().thaw.lock().await.left_screen();
    crate::prompts::replan_now(app).await;
}

/// Thaw is back: lock first when it was away too long.
pub async fn back(app: &AppHandle) {
    let state = app.state::<AppState>();
    let mut thaw = state.thaw.lock().await;
    if thaw.back_on_screen() && thaw.lock().await.is_ok() {
        let _ = app.emit(LOCKED_EVENT, ());
    }
}

/// Desktop: watches the main window for being hidden or minimised. The core's idea of
/// "away" is the one that counts (unlocking says the person is there), so each look compares
/// the window with it.
#[cfg(desktop)]
pub fn watch(app: AppHandle) {
    use std::time::Duration;
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tick.tick().await;
            let Some(window) = app.get_webview_window("main") else {
                continue;
            };
            let hidden = !window.is_visible().unwrap_or(true);
            let minimised = window.is_minimized().unwrap_or(false);
            let away = hidden || minimised;
            let thought_away = app.state::<AppState>().thaw.lock().await.is_away();
            if away && !thought_away {
                left(&app).await;
            } else if !away && thought_away {
                back(&app).await;
            }
        }
    });
}

/// Phones: the OS says when Thaw goes to the background and comes back.
#[cfg(mobile)]
pub fn on_window_event(app: &AppHandle, event: &tauri::WindowEvent) {
    let app = app.clone();
    match event {
        tauri::WindowEvent::Suspended => {
            tauri::async_runtime::spawn(async move { left(&app).await });
        }
        tauri::WindowEvent::Resumed => {
            tauri::async_runtime::spawn(async move { back(&app).await });
        }
        _ => {}
    }
}
