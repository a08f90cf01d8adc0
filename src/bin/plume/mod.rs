//! The CLI's modules: arguments, inputs, outputs, commands, and the setup of the core.

mod args;
mod commands;
mod error;
mod input;
mod output;
mod setup;

use std::process::ExitCode;

use clap::Parser;

/// Parses the command line, runs the command and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli.command) {
        Ok(outcome) => outcome.exit_code(),
        Err(error::CliError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            // The reader went away (`plume check … | head`): nothing left to say.
            ExitCode::SUCCESS
        }
        Err(e @ error::CliError::PackTestFailed(_)) => {
            // A failing embedded test is a finding of `plume pack test`, not a usage error.
            eprintln!("plume: {e}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("plume: error: {e}");
            ExitCode::from(2)
        }
    }
}
