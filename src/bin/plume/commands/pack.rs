//! `plume pack test` and `plume pack lint`: self-tests and validation of guideline packs.
//!
//! Loading a pack validates every rule and runs its embedded tests, so both commands load it;
//! they differ in what they report. A failing embedded test exits 1, any other problem 2.

use std::io::Write;
use std::path::Path;

use plume::guide::Pack;

use crate::cli::commands::Outcome;
use crate::cli::error::CliError;
use crate::cli::setup::{pack_error, read_packs};

/// Runs the pack's embedded tests and says how many passed.
pub fn test(path: &Path) -> Result<Outcome, CliError> {
    for (source, pack) in load(path)? {
        let tests = pack.test_count();
        if tests == 0 {
            println!(
                "{source}: pack {} has no embedded tests; add a `tests:` list",
                pack.name
            );
        } else {
            println!(
                "{source}: pack {}: {tests} embedded test{} passed",
                pack.name,
                plural(tests)
            );
        }
    }
    std::io::stdout().flush()?;
    Ok(Outcome::Clean)
}

/// Validates the pack and describes it.
pub fn lint(path: &Path) -> Result<Outcome, CliError> {
    for (source, pack) in load(path)? {
        describe(&source, &pack);
    }
    std::io::stdout().flush()?;
    Ok(Outcome::Clean)
}

fn describe(source: &str, pack: &Pack) {
    println!(
        "{source}: pack {} is valid: {} rule{}, {} lexicon term{}, {} embedded test{}{}",
        pack.name,
        pack.rules.len(),
        plural(pack.rules.len()),
        pack.lexicon.len(),
        plural(pack.lexicon.len()),
        pack.test_count(),
        plural(pack.test_count()),
        if pack.tone_target.is_some() {
            ", a tone target"
        } else {
            ""
        }
    );
}

/// Every pack `path` names (a file, a folder of packs, a Vale style folder), loaded.
fn load(path: &Path) -> Result<Vec<(String, Pack)>, CliError> {
    read_packs(path)?
        .into_iter()
        .map(|source| {
            let pack = Pack::from_source(&source).map_err(pack_error)?;
            Ok((source.name, pack))
        })
        .collect()
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}
