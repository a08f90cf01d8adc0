//! `plume check`: read drafts, check each with the core, stream the results in the chosen format.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use plume::{Category, Severity};

use crate::cli::args::{CheckArgs, InputArgs};
use crate::cli::commands::{use_color, vale_folder, Outcome};
use crate::cli::error::CliError;
use crate::cli::input::{self, InputOptions, Source};
use crate::cli::output::{self, Checked, Sink, Totals};
use crate::cli::setup::Setup;

pub fn run(args: &CheckArgs) -> Result<Outcome, CliError> {
    if vale_folder::acts_as_vale(args) {
        return vale_folder::run_as_vale(args);
    }
    let vale_folders: Vec<PathBuf> = args
        .input
        .paths
        .iter()
        .filter(|p| vale_folder::is_vale_folder(p))
        .cloned()
        .collect();
    if !vale_folders.is_empty() {
        if vale_folders.len() != args.input.paths.len() {
            return Err(CliError::Usage(
                "folders with a .vale.ini are checked the way Vale does; check them apart from other inputs"
                    .to_string(),
            ));
        }
        return vale_folder::run(args, &vale_folders);
    }
    let setup = Setup::new(&args.language, &args.packs, args.platform)?;
    let sink = output::sink_for(args.output.format, use_color(args.output.color));
    let filter = Filter {
        categories: None,
        min_level: args.min_level.severity(),
        fail_on: args.fail_on.threshold(),
    };
    check_drafts(&args.input, &setup, &filter, sink)
}

/// What a run keeps and what fails it.
pub struct Filter {
    /// Only these categories run (`None`: all).
    pub categories: Option<Vec<Category>>,
    /// Findings below this level are dropped.
    pub min_level: Severity,
    /// A kept finding at or above this level fails the run.
    pub fail_on: Option<Severity>,
}

/// Reads every draft of the inputs in order, checks it and hands it to `sink`.
pub fn check_drafts(
    inputs: &InputArgs,
    setup: &Setup,
    filter: &Filter,
    mut sink: Box<dyn Sink>,
) -> Result<Outcome, CliError> {
    let sources = input::resolve_sources(&inputs.paths)?;
    let input_options = InputOptions::from(inputs);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut totals = Totals::default();
    let mut failed = false;

    for source in &sources {
        // A pipe into standard input may be a program waiting for each answer: flush per draft.
        let flush_each = *source == Source::Stdin;
        input::read_drafts(source, &input_options, &mut |draft| {
            let mut options = setup.options_for(
                draft.language.as_deref(),
                draft.platform.as_deref(),
                &draft.source,
                draft.line,
            )?;
            options.categories = filter.categories.clone();
            let mut report = setup.checker.check(draft.checked_text(), &options);
            report
                .diagnostics
                .retain(|d| d.severity >= filter.min_level);
            if let Some(threshold) = filter.fail_on {
                failed |= report.diagnostics.iter().any(|d| d.severity >= threshold);
            }
            totals.add(&report.diagnostics);
            let language = options.language.map(|l| l.code());
            sink.draft(&mut out, &Checked::new(&draft, &report, language))?;
            if flush_each {
                out.flush()?;
            }
            Ok(())
        })?;
    }
    sink.finish(&mut out, &totals)?;
    out.flush()?;
    Ok(if failed {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
