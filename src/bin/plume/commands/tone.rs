//! `plume tone`: each draft's tone summary, without diagnostics.

use crate::cli::args::ToneArgs;
use crate::cli::commands::Outcome;
use crate::cli::error::CliError;

pub fn run(_args: &ToneArgs) -> Result<Outcome, CliError> {
    Err(CliError::NotAvailable {
        what: "plume tone".to_string(),
        why: "the core does not compute tone summaries in this build yet".to_string(),
    })
}
