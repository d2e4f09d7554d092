//! The domain library never depends on the terminal or the command line: no file outside
//! `src/main.rs`, `src/cli*` and `src/tui*` may mention ratatui, crossterm or clap (`src/front*`,
//! which both of those use, holds plain data and so is held to it too).
//! The command line and the terminal interface are siblings: neither imports the other; what
//! both need is in `src/front*`.

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

/// The checkout's directory `name` and every `.rs` file below it.
fn rust_files_in(name: &str) -> (PathBuf, Vec<PathBuf>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    (dir, files)
}

#[test]
fn library_does_not_import_ui_crates() {
    let (src, files) = rust_files_in("src");
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

#[test]
fn the_command_line_and_the_terminal_interface_are_siblings() {
    let (src, files) = rust_files_in("src");
    let mut seen = 0;
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let other = match rel.split(['/', '.']).next() {
            Some("cli") => "tui",
            Some("tui") => "cli",
            Some("front") => "cli",
            _ => continue,
        };
        seen += 1;
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for path in [format!("crate::{other}"), format!("super::{other}")] {
                assert!(!code.contains(&path), "{rel}:{}: `{path}`: share it through src/front.rs", n + 1);
            }
            if rel.starts_with("front") {
                assert!(!code.contains("crate::tui"), "{rel}:{}: front serves both, imports neither", n + 1);
            }
        }
    }
    assert!(seen >= 20, "found only {seen} files of cli, tui and front");
}

/// Tests start the program only through `tests/support/env.rs`, which clears the environment
/// (so a user's `TAIZHANG_DATA`, `TAIZHANG_TODAY`, `NO_COLOR`, `COLUMNS`, locale or login name
/// cannot change a result) and gives commands on the seed plans a private ledger directory.
#[test]
fn tests_start_the_program_only_with_a_clean_environment() {
    let (tests, files) = rust_files_in("tests");
    let helper = tests.join("support/env.rs");
    let mut runners = 0;
    for file in files.iter().filter(|p| **p != helper && !p.ends_with("layering.rs")) {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.contains("Command::new(env!(\"CARGO_BIN_EXE_taizhang\"))"),
                "{}:{}: start the binary with env::taizhang() (tests/support/env.rs)",
                file.display(),
                n + 1
            );
            assert!(
                !["tmux", "sh", "strace"].iter().any(|c| line.contains(&format!("Command::new(\"{c}\")")))
                    || text.contains("env::clean(&mut"),
                "{}:{}: a command that starts the program must run with env::clean",
                file.display(),
                n + 1
            );
        }
        runners += usize::from(text.contains("mod env;"));
    }
    assert!(runners >= 5, "only {runners} test files use tests/support/env.rs");
}

/// Everything the program prints goes through `src/front/output.rs`, which makes text safe for a
/// terminal: no other file prints with the std macros or writes to stderr, and stdout is used
/// elsewhere only to ask whether it is a terminal (or, in the TUI, to drive the terminal).
#[test]
fn output_goes_through_one_choke_point() {
    let (src, files) = rust_files_in("src");
    let choke = src.join("front/output.rs");
    for file in files.iter().filter(|p| **p != choke) {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            let printing =
                ["println!", "print!(", "eprintln!", "eprint!(", "dbg!(", "stderr()"].iter().any(|m| code.contains(m))
                    || (code.contains("stdout()") && !code.contains("is_terminal") && !rel.starts_with("tui"));
            assert!(!printing, "{rel}:{}: print through src/front/output.rs", n + 1);
        }
    }
}
