//! `demarche`: the window, or a headless subcommand (see `demarche --help`).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = demarche::cli::Cli::parse();
    match demarche::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
