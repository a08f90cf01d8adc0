//! `plume tone`: each draft's tone summary (sentiment, formality, aggression…), no diagnostics.

use plume::{Category, Severity};

use crate::cli::args::ToneArgs;
use crate::cli::commands::check::{check_drafts, Filter};
use crate::cli::commands::Outcome;
use crate::cli::error::CliError;
use crate::cli::output;
use crate::cli::setup::Setup;

pub fn run(args: &ToneArgs) -> Result<Outcome, CliError> {
    let sink = output::tone_sink_for(args.output.format).ok_or_else(|| {
        CliError::Usage(
            "plume tone writes human, json or jsonl; sarif and vale are for findings".to_string(),
        )
    })?;
    let setup = Setup::new(&args.language, &[], None)?;
    let filter = Filter {
        categories: Some(vec![Category::Tone]),
        min_level: Severity::Suggestion,
        fail_on: None,
    };
    check_drafts(&args.input, &setup, &filter, sink)
}
