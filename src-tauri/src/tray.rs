//! The desktop tray icon: Open and Quit, so prompts can keep coming with the window closed.

use std::sync::Once;
use std::time::Duration;

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager};

static CREATED: Once = Once::new();

/// Creates the tray the first time this is called (the UI's first screen is up).
pub fn create_once(app: &AppHandle) {
    CREATED.call_once(|| {
        if create(app).is_err() {
            eprintln!("thaw: no tray on this desktop");
        }
    });
}

/// A safety net when the UI never reports ready (an error screen): the tray comes anyway.
pub fn create_later(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_secs(5)).await;
        create_once(&app);
    });
}

fn create(app: &AppHandle) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Thaw", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Thaw", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quit])?;
    let mut tray = TrayIconBuilder::with_id("thaw")
        .tooltip("Thaw")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id.as_ref() {
            "open" => {
                if let Some(window) = app.get_webview_window("main") {
                    let _ = window.show();
                    let _ = window.set_focus();
                }
            }
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}
