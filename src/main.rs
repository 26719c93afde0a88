//! `demarche`: the window, or a headless subcommand (see `demarche --help`).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = demarche::cli::Cli::parse();
    match demarche::cli::run(cli) {
        Ok(code) => code,
        // `demarche suggest P.ron | head`: the reader left. Stop quietly, with the status
        // a Unix tool killed by SIGPIPE has (128 + 13); nothing was saved.
        Err(e) if is_broken_pipe(&e) => ExitCode::from(141),
        Err(e) => {
            eprintln!("error: {}", demarche::cli::error_message(&e));
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
