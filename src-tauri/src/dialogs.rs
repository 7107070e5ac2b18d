//! The platform's own open and save dialogs (Tauri's dialog plugin, GTK on Linux). Nobody
//! types a path in Thaw: the shell asks the platform, and hands what the person chose to the
//! core, which checks it (see `thaw-core/src/written_files.rs`). The page never names a path,
//! and has no dialog permission of its own.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

/// What a dialog is for: its title and the one kind of file it shows or saves.
pub struct Purpose<'a> {
    pub title: &'a str,
    pub filter_name: &'a str,
    pub extension: &'a str,
}

fn builder(
    app: &AppHandle,
    purpose: &Purpose<'_>,
    folder: Option<PathBuf>,
) -> FileDialogBuilder<tauri::Wry> {
    let mut dialog = app
        .dialog()
        .file()
        .set_title(purpose.title)
        .add_filter(purpose.filter_name, &[purpose.extension]);
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    // Above Thaw's window on desktop (phones have no parent windows).
    #[cfg(desktop)]
    if let Some(window) = tauri::Manager::get_webview_window(app, "main") {
        dialog = dialog.set_parent(&window);
    }
    dialog
}

/// The save dialog, starting in `folder` with `file_name` suggested. `None`: the person closed it.
pub async fn save(
    app: &AppHandle,
    purpose: Purpose<'_>,
    folder: Option<PathBuf>,
    file_name: String,
) -> Option<PathBuf> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    builder(app, &purpose, folder)
        .set_file_name(file_name)
        .set_can_create_directories(true)
        .save_file(move |chosen| {
            let _ = tx.send(chosen);
        });
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}

/// The open dialog for one file, starting in `folder`. `None`: the person closed it.
pub async fn open(
    app: &AppHandle,
    purpose: Purpose<'_>,
    folder: Option<PathBuf>,
) -> Option<PathBuf> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    builder(app, &purpose, folder).pick_file(move |chosen| {
        let _ = tx.send(chosen);
    });
    rx.await.ok().flatten().and_then(|p| p.into_path().ok())
}
