//! The `taizhang` command: parses the command line, reads the clock once, runs one command
//! and turns failures into messages and exit codes (0 ok, 1 refused, 2 usage).

mod cli;
mod tui;

use std::process::ExitCode;

use cli::{Fail, output, usage};

fn main() -> ExitCode {
    let args = cli::with_default_command(std::env::args_os().collect());
    let (lang, result) = match usage::parse(&args) {
        Ok(mut parsed) => {
            // The one place the real clock is read (the TUI's loop reads it again as time passes).
            parsed.global.wall = Some(chrono::Local::now().fixed_offset());
            (parsed.global.lang(), cli::run(parsed))
        }
        Err(e) => (usage::lang_of(&args), Err(Fail::Usage(e))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(fail) => {
            let text = fail.render(lang);
            if !text.is_empty() {
                output::note(&text);
            }
            ExitCode::from(fail.code())
        }
    }
}
