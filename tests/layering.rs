//! The domain library never depends on the terminal or the command line: no file outside
//! `src/main.rs`, `src/cli*` and `src/tui*` may mention ratatui, crossterm or clap.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn library_does_not_import_ui_crates() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let binary_only = |p: &Path| {
        let rel = p.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        rel == "main.rs" || rel.starts_with("cli") || rel.starts_with("tui")
    };
    let mut library_files = 0;
    for file in files.iter().filter(|p| !binary_only(p)) {
        library_files += 1;
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for krate in ["ratatui", "crossterm", "clap"] {
                let code = line.split("//").next().unwrap_or_default();
                assert!(
                    !code.contains(&format!("{krate}::")) && !code.contains(&format!("use {krate}")),
                    "{}:{}: the library must not use {krate}",
                    file.display(),
                    n + 1
                );
            }
        }
    }
    assert!(library_files >= 10, "found only {library_files} library files");
}
