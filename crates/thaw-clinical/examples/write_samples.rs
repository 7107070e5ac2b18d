//! Writes the demo visit summary in every format to `<target>/clinical-samples/`.
//!
//! `cargo run -p thaw-clinical --example write_samples [OUT_DIR]`

use std::path::PathBuf;

use thaw_clinical::demo::demo_summary;
use thaw_clinical::export::{export_to_path, ExportFormat, PageSize};

fn main() -> std::io::Result<()> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::env::var_os("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"))
                .join("clinical-samples")
        });
    std::fs::create_dir_all(&dir)?;
    let summary = demo_summary();
    for format in [
        ExportFormat::Html,
        ExportFormat::Pdf,
        ExportFormat::Csv,
        ExportFormat::FhirJson,
    ] {
        let path = dir.join(format.suggested_file_name(&summary));
        export_to_path(&summary, format, PageSize::A4, &path)?;
        println!("{}", path.display());
    }
    let letter = dir.join("thaw-visit-summary-letter.pdf");
    export_to_path(&summary, ExportFormat::Pdf, PageSize::Letter, &letter)?;
    println!("{}", letter.display());
    Ok(())
}
