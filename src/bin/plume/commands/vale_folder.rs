//! `plume check DIR` where DIR holds a Vale configuration (`.vale.ini`, `_vale`, …): the folder
//! is checked the way Vale does, with the styles it names and nothing else, by the core's Vale
//! runner. `plume check --format vale PATHS` (without `--pack`) from a folder under a Vale
//! configuration does what `vale PATHS` does there: files and folders, with that configuration.
//!
//! `--format vale` prints exactly what `vale --output=line --sort --relative .` prints; the
//! other formats carry the same alerts. Rules the runner cannot run are listed on standard
//! error, never dropped silently.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use plume::guide::vale::{check_folder, check_paths, config_in, find_config, ValeAlert, ValeRun};
use plume::Severity;
use serde_json::{json, Value};

use crate::cli::args::{CheckArgs, Format};
use crate::cli::commands::Outcome;
use crate::cli::error::CliError;
use crate::cli::output::{severity_name, JSON_SCHEMA_VERSION};

/// Whether `path` is a folder configured for Vale.
pub fn is_vale_folder(path: &Path) -> bool {
    path.is_dir() && config_in(path).is_some()
}

/// Whether `plume check` acts as `vale PATHS` run from the working folder: Vale's line format
/// asked for, no pack given, files or folders named, and a Vale configuration found from the
/// working folder up.
pub fn acts_as_vale(args: &CheckArgs) -> bool {
    args.output.format == Format::Vale
        && args.packs.is_empty()
        && !args.input.paths.is_empty()
        && args.input.paths.iter().all(|p| p != Path::new("-"))
        && std::env::current_dir()
            .ok()
            .and_then(|cwd| find_config(&cwd))
            .is_some()
}

/// Prints what Plume could not apply, on standard error.
fn print_notes(run: &ValeRun, config_folder: &Path) {
    for skipped in &run.skipped {
        eprintln!(
            "plume: note: {} was not run: {}",
            skipped.check, skipped.reason
        );
    }
    for setting in &run.ignored_settings {
        eprintln!(
            "plume: note: the Vale configuration in {} line {setting} is not applied",
            config_folder.display()
        );
    }
}

/// `vale PATHS` from the working folder.
pub fn run_as_vale(args: &CheckArgs) -> Result<Outcome, CliError> {
    let cwd = std::env::current_dir()?;
    let run =
        check_paths(&cwd, &args.input.paths, None).map_err(|e| CliError::Vale(e.to_string()))?;
    print_notes(&run, Path::new("."));
    finish(args, run.alerts)
}

pub fn run(args: &CheckArgs, folders: &[PathBuf]) -> Result<Outcome, CliError> {
    let mut alerts = Vec::new();
    for folder in folders {
        let run = check_folder(folder).map_err(|e| CliError::Vale(e.to_string()))?;
        print_notes(&run, folder);
        let prefix = (folder != Path::new(".")).then(|| folder.display().to_string());
        alerts.extend(run.alerts.into_iter().map(|mut alert| {
            if let Some(prefix) = &prefix {
                alert.path = format!("{}/{}", prefix.trim_end_matches('/'), alert.path);
            }
            alert
        }));
    }
    finish(args, alerts)
}

/// Filters by `--min-level`, prints, and decides the exit code from `--fail-on`.
fn finish(args: &CheckArgs, mut alerts: Vec<ValeAlert>) -> Result<Outcome, CliError> {
    let min_level = args.min_level.severity();
    alerts.retain(|a| a.severity >= min_level);

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_alerts(&mut out, args.output.format, &alerts)?;
    out.flush()?;
    let failed = args
        .fail_on
        .threshold()
        .is_some_and(|t| alerts.iter().any(|a| a.severity >= t));
    Ok(if failed {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn write_alerts(out: &mut dyn Write, format: Format, alerts: &[ValeAlert]) -> io::Result<()> {
    match format {
        Format::Vale => {
            for alert in alerts {
                writeln!(out, "{}", alert.to_line())?;
            }
        }
        Format::Human => {
            for alert in alerts {
                writeln!(
                    out,
                    "{}:{}:{}: {}[{}]: {}",
                    alert.path,
                    alert.line,
                    alert.column,
                    severity_name(alert.severity),
                    alert.check,
                    alert.message
                )?;
            }
            let count = alerts.len();
            writeln!(out, "{count} alert{}.", if count == 1 { "" } else { "s" })?;
        }
        Format::Jsonl => {
            for alert in alerts {
                writeln!(out, "{}", alert_object(alert))?;
            }
        }
        Format::Json => {
            let doc = json!({
                "schema_version": JSON_SCHEMA_VERSION,
                "tool": {"name": "plume", "version": env!("CARGO_PKG_VERSION")},
                "alerts": alerts.iter().map(alert_object).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        Format::Sarif => {
            let results: Vec<Value> = alerts
                .iter()
                .map(|a| {
                    json!({
                        "ruleId": a.check,
                        "level": sarif_level(a.severity),
                        "message": {"text": a.message},
                        "locations": [{"physicalLocation": {
                            "artifactLocation": {"uri": a.path},
                            "region": {"startLine": a.line, "startColumn": a.column},
                        }}],
                    })
                })
                .collect();
            let doc = json!({
                "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                "version": "2.1.0",
                "runs": [{
                    "tool": {"driver": {"name": "plume", "version": env!("CARGO_PKG_VERSION")}},
                    "columnKind": "unicodeCodePoints",
                    "results": results,
                }],
            });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// One alert as JSON (schema: `$defs/vale_alert`).
fn alert_object(alert: &ValeAlert) -> Value {
    let mut value = json!({
        "path": alert.path,
        "line": alert.line,
        "column": alert.column,
        "rule": alert.check,
        "severity": severity_name(alert.severity),
        "message": alert.message,
    });
    if let Some(link) = &alert.link {
        value["link"] = json!(link);
    }
    value
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "note",
    }
}
