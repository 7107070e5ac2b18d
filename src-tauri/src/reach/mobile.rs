//! Phones: the opener plugin starts the dialer or Messages (an `ACTION_VIEW` intent on Android,
//! `UIApplication.open` on iOS). Android reports a device with no dialer (a tablet) as an error;
//! iOS does not report one, so there the sheet's "Nothing opened?" line stays the way to the
//! number.

use tauri::{AppHandle, Runtime};
use tauri_plugin_opener::OpenerExt;
use thaw_core::SmsBody;

/// Messages on iOS reads `sms:741741&body=HOME`; Android reads RFC 5724's `?body=`.
#[cfg(target_os = "ios")]
pub const SMS_BODY: SmsBody = SmsBody::Ios;
#[cfg(not(target_os = "ios"))]
pub const SMS_BODY: SmsBody = SmsBody::Rfc5724;

/// Hands `uri` to the phone's dialer or messages app; false when the device refused it.
pub fn hand_over<R: Runtime>(app: &AppHandle<R>, uri: &str) -> bool {
    app.opener().open_url(uri, None::<&str>).is_ok()
}
