//! The `taizhang` command: parses the command line, reads the clock once, runs one command
//! and turns failures into messages and exit codes (0 ok, 1 refused, 2 usage).

mod cli;
mod tui;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse_from(cli::with_default_command(std::env::args_os().collect()));
    let lang = args.global.lang();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(fail) => {
            let text = fail.render(lang);
            if !text.is_empty() {
                eprintln!("{text}");
            }
            ExitCode::from(fail.code())
        }
    }
}
