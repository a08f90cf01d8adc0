//! The subcommands: `check`, `tone`, `suggest` and `pack`, each in its own file.

mod check;
mod pack;
mod suggest;
mod tone;
mod vale_folder;

use std::io::IsTerminal;
use std::process::ExitCode;

use crate::cli::args::{ColorChoice, Command, PackCommand};
use crate::cli::error::CliError;

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing at or above `--fail-on`.
    Clean,
    /// Findings at or above `--fail-on`.
    Findings,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Findings => ExitCode::from(1),
        }
    }
}

pub fn run(command: Command) -> Result<Outcome, CliError> {
    match command {
        Command::Check(args) => check::run(&args),
        Command::Tone(args) => tone::run(&args),
        Command::Suggest(args) => suggest::run(&args),
        Command::Pack(PackCommand::Test { pack }) => pack::test(&pack),
        Command::Pack(PackCommand::Lint { pack }) => pack::lint(&pack),
    }
}

/// Whether human output should be coloured.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}
