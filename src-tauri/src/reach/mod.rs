//! Where a crisis action leaves Thaw. "Call 988" becomes `tel:988` (built and checked in
//! thaw-core, never in the UI) and the platform hands it to the app that places calls or texts,
//! through Tauri's opener plugin. The command answers whether that app took it, so the sheet
//! can show the number instead when nothing here can call.
//!
//! The webview never leaves Thaw's own pages: `navigation_guard` cancels any other navigation
//! (a stray `<a href="tel:…">` would otherwise replace the window with "The URL can't be
//! shown") and hands `tel:`/`sms:` links to the device the same way.
//!
//! Nothing here is logged beyond a URI's scheme: a person's number is personal.

#[cfg(desktop)]
mod desktop;
#[cfg(mobile)]
mod mobile;

#[cfg(desktop)]
use desktop as platform;
#[cfg(mobile)]
use mobile as platform;

use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Runtime, Url};
use thaw_core::ipc::{ReachInput, Reached};
use thaw_core::AppError;

use crate::ipc_arg::Arg;

/// Calls or texts from the crisis sheet. Works locked or unlocked (crisis numbers are reachable
/// from the lock screen) and never waits for the vault.
#[tauri::command]
pub async fn reach(app: AppHandle, input: Arg<ReachInput>) -> Result<Reached, AppError> {
    let uri = thaw_core::reach_uri(&input, platform::SMS_BODY)?;
    // Looking up handlers and starting a launcher are blocking calls.
    let handed = tauri::async_runtime::spawn_blocking(move || platform::hand_over(&app, &uri))
        .await
        .unwrap_or(false);
    Ok(if handed {
        Reached::HandedOver
    } else {
        Reached::NotOnThisDevice
    })
}

/// Keeps the window on Thaw: any navigation away from Thaw's own pages is cancelled, and
/// `tel:`/`sms:` links go to the device instead.
pub fn navigation_guard<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("thaw-navigation")
        .on_navigation(|webview, url| {
            if is_thaw_page(url) {
                return true;
            }
            if matches!(url.scheme(), "tel" | "sms") {
                let app = webview.app_handle().clone();
                let uri = url.to_string();
                tauri::async_runtime::spawn_blocking(move || platform::hand_over(&app, &uri));
            } else {
                eprintln!(
                    "thaw: stayed on Thaw instead of opening a {}: link",
                    url.scheme()
                );
            }
            false
        })
        .build()
}

/// Thaw's own pages: `tauri://localhost` (Linux, macOS, iOS), `http(s)://tauri.localhost`
/// (Windows, Android), and the development server in dev builds.
fn is_thaw_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => true,
        "http" | "https" => {
            url.host_str() == Some("tauri.localhost")
                || (cfg!(dev) && url.host_str() == Some("localhost"))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_thaws_own_pages_are_shown_in_the_window() {
        for own in [
            "tauri://localhost/",
            "http://tauri.localhost/index.html",
            "https://tauri.localhost/",
        ] {
            assert!(is_thaw_page(&Url::parse(own).unwrap()), "{own}");
        }
        for away in [
            "tel:988",
            "sms:741741?body=HOME",
            "https://example.org/",
            "file:///etc/passwd",
            "mailto:a@b.c",
            "http://tauri.localhost.example.org/",
        ] {
            assert!(!is_thaw_page(&Url::parse(away).unwrap()), "{away}");
        }
    }
}
