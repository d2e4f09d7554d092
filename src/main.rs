//! The `taizhang` command: parses the command line, reads the clock once, runs one command —
//! the terminal interface's (`tui`, `bench-frames`) or the command line's — and turns failures
//! into messages and exit codes (0 ok, 1 refused, 2 usage, 3 output with unreadable files).

mod cli;
mod front;
mod tui;

use std::process::ExitCode;

use cli::{Command, usage};
use front::output;

fn main() -> ExitCode {
    let args = cli::with_default_command(std::env::args_os().collect());
    let mut parsed = match usage::parse(&args) {
        Ok(parsed) => parsed,
        Err(e) => return refused(&e.render(usage::lang_of(&args)), 2),
    };
    // The one place the real clock is read (the TUI's loop reads it again as time passes).
    parsed.global.wall = Some(chrono::Local::now().fixed_offset());
    let g = &parsed.global;
    let result = match &parsed.command {
        Command::Tui(a) => tui::run(a, g),
        Command::BenchFrames(a) => tui::bench::run(a, g),
        command => cli::run(command, g),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(fail) => refused(&fail.render(g.lang()), fail.code()),
    }
}

/// Prints why (if there is anything to say) and exits with `code`.
fn refused(text: &str, code: u8) -> ExitCode {
    if !text.is_empty() {
        output::note(text);
    }
    ExitCode::from(code)
}
