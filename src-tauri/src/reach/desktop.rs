//! Desktop: the opener plugin starts the system's handler for the URI (xdg-open or `gio open`
//! on Linux, `open` on macOS, ShellExecute on Windows).
//!
//! On Linux and the BSDs a launcher's success does not mean a call app took the URI: with
//! nothing registered for `tel:`, xdg-open passes it to any web browser it finds and reports
//! success. So GIO, which reads the same desktop files and `mimeapps.list`, is asked first
//! whether anything handles the scheme. macOS and Windows report a missing handler themselves.

use tauri::{AppHandle, Runtime};
use tauri_plugin_opener::OpenerExt;
use thaw_core::SmsBody;

/// Desktop messaging apps read RFC 5724.
pub const SMS_BODY: SmsBody = SmsBody::Rfc5724;

/// Hands `uri` to the app registered for its scheme; false when there is none or it refused.
pub fn hand_over<R: Runtime>(app: &AppHandle<R>, uri: &str) -> bool {
    let scheme = uri.split_once(':').map_or(uri, |(s, _)| s);
    if !handler_registered(scheme) {
        eprintln!("thaw: nothing on this device handles {scheme}: links");
        return false;
    }
    match app.opener().open_url(uri, None::<&str>) {
        Ok(()) => true,
        Err(_) => {
            eprintln!("thaw: the {scheme}: handler did not start");
            false
        }
    }
}

#[cfg(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn handler_registered(scheme: &str) -> bool {
    gio::AppInfo::default_for_uri_scheme(scheme).is_some()
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "dragonfly",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd"
)))]
fn handler_registered(_scheme: &str) -> bool {
    true
}
