//! `plume pack test` and `plume pack lint`: self-tests and validation of guideline packs.

use std::path::Path;

use crate::cli::commands::Outcome;
use crate::cli::error::CliError;

pub fn test(pack: &Path) -> Result<Outcome, CliError> {
    Err(not_available("plume pack test", pack))
}

pub fn lint(pack: &Path) -> Result<Outcome, CliError> {
    Err(not_available("plume pack lint", pack))
}

fn not_available(command: &str, pack: &Path) -> CliError {
    CliError::NotAvailable {
        what: format!("{command} {}", pack.display()),
        why: "guideline packs are not in this build yet".to_string(),
    }
}
