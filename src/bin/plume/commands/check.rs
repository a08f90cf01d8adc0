//! `plume check`: read drafts, check each with the core, stream the results in the chosen format.

use std::io::{self, BufWriter, Write};

use crate::cli::args::CheckArgs;
use crate::cli::commands::{use_color, Outcome};
use crate::cli::error::CliError;
use crate::cli::input::{self, InputOptions, Source};
use crate::cli::output::{self, Checked, Totals};
use crate::cli::setup::Setup;

pub fn run(args: &CheckArgs) -> Result<Outcome, CliError> {
    let setup = Setup::new(&args.language, &args.packs, args.platform)?;
    refuse_vale_configs(&args.input.paths)?;
    let sources = input::resolve_sources(&args.input.paths)?;
    let input_options = InputOptions::from(&args.input);
    let min_level = args.min_level.severity();
    let threshold = args.fail_on.threshold();

    let mut sink = output::sink_for(args.output.format, use_color(args.output.color));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut totals = Totals::default();
    let mut failed = false;

    for source in &sources {
        // A pipe into standard input may be a program waiting for each answer: flush per draft.
        let flush_each = *source == Source::Stdin;
        input::read_drafts(source, &input_options, &mut |draft| {
            let options =
                setup.options_for(draft.language.as_deref(), &draft.source, draft.line)?;
            let mut report = setup.checker.check(draft.checked_text(), &options);
            report.diagnostics.retain(|d| d.severity >= min_level);
            if let Some(threshold) = threshold {
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

/// A folder with a `.vale.ini` asks for Vale styles, which come with guideline packs.
fn refuse_vale_configs(paths: &[std::path::PathBuf]) -> Result<(), CliError> {
    for path in paths {
        let ini = path.join(".vale.ini");
        if path.is_dir() && ini.is_file() {
            return Err(CliError::NotAvailable {
                what: format!("Vale configuration {}", ini.display()),
                why: "Vale styles come with guideline packs, which are not in this build yet"
                    .to_string(),
            });
        }
    }
    Ok(())
}
