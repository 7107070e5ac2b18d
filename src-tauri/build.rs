fn main() {
    // Capabilities live under src-tauri/ although the manifest sits at the repository root.
    tauri_build::try_build(
        tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*"),
    )
    .expect("failed to run tauri-build");
}
