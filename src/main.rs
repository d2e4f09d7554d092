//! The `taizhang` command: parses the command line, reads the clock once, runs one command —
//! the command line's (`cli::*`) or the terminal interface's (`tui`), siblings that share only
//! `front` — and turns failures into messages and exit codes (0 ok, 1 refused, 2 usage, 3
//! output with unreadable files).

mod cli;
mod front;
mod tui;

use std::process::ExitCode;

use cli::{Command, usage};
use front::{Fail, Global, output};

fn main() -> ExitCode {
    let args = cli::with_default_command(std::env::args_os().collect());
    let parsed = match usage::parse(&args) {
        Ok(parsed) => parsed,
        Err(e) => return refused(&e.render(usage::lang_of(&args)), 2),
    };
    // The one place the real clock is read (the TUI's loop reads it again as time passes).
    let g = parsed.global.resolve(chrono::Local::now().fixed_offset());
    match run(&parsed.command, &g) {
        Ok(()) => ExitCode::SUCCESS,
        Err(fail) => refused(&fail.render(g.lang()), fail.code()),
    }
}

fn run(command: &Command, g: &Global) -> Result<(), Fail> {
    match command {
        Command::Check(a) => cli::check::run(a, g),
        Command::Tasks(a) => cli::tasks::run(a, g),
        Command::Periods(a) => cli::periods::run(a, g),
        Command::Tui(a) => tui::run(&a.plan, a.unit.as_deref(), a.by.as_deref(), g),
        Command::Mark(a) => cli::mark::run(a, g),
        Command::Merge(a) => cli::merge::run(a, g),
        Command::Template(a) => cli::template::run(a, g),
        Command::Sync(a) => cli::sync::run(a, g),
        Command::MergeDriver(a) => cli::merge_driver::run(a, g),
        Command::PreReceive(a) => cli::pre_receive::run(a, g),
        Command::Report(a) => cli::report::run(a, g),
        Command::Gen(a) => cli::r#gen::run(a, g),
        Command::Import(a) => cli::import::run(a, g),
        Command::BenchFrames(a) => {
            tui::bench::run(&a.plan, a.unit.as_deref(), a.matrix, a.frames, (a.width, a.height), g)
        }
    }
}

/// Prints why (if there is anything to say) and exits with `code`.
fn refused(text: &str, code: u8) -> ExitCode {
    if !text.is_empty() {
        output::note(text);
    }
    ExitCode::from(code)
}
