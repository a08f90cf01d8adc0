//! Vale parity benchmark: how many of the alerts Vale prints for each published style's
//! fixtures Plume prints too (recall), and how many of Plume's are Vale's (precision), line for
//! line (`file:line:col:Style.Rule:message`); and how many of Vale's own feature scenarios pass,
//! including those that need the GPL/LGPL dictionaries the repository does not hold.
//!
//! Reads the development data beside the clone (`../shared/data/vale-styles`, or
//! `$PLUME_DATA_DIR/vale-styles`); prints a Markdown section for BENCHMARKS.md. Vale itself is
//! not run: its PyPI wheel downloads the binary from GitHub at run time, which this machine
//! cannot reach, so the expected outputs published with each style are the reference.
//! Run with `benches/vale/run.sh` (or `cargo bench --bench vale`).

#[path = "../../tests/vale_suite_runner/mod.rs"]
mod vale_suite_runner;
#[allow(dead_code)] // styles_root is the tests' (vendored styles); the bench reads the data beside the clone
#[path = "../../tests/vale_support/mod.rs"]
mod vale_support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use plume::guide::vale::check_folder;

/// Where the Vale styles are, if the development data is beside the clone.
fn styles_root() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("PLUME_DATA_DIR") {
        return Some(PathBuf::from(dir).join("vale-styles")).filter(|p| p.is_dir());
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        "../shared/data/vale-styles",
        "../../shared/data/vale-styles",
    ]
    .iter()
    .map(|rel| manifest.join(rel))
    .find(|p| p.is_dir())
}

/// Alert counts for one style: Vale's, Plume's, and the lines both print.
#[derive(Default, Clone, Copy)]
struct Tally {
    expected: usize,
    got: usize,
    matched: usize,
}

impl Tally {
    fn add(&mut self, expected: &[String], got: &[String]) {
        let mut left: BTreeMap<&str, usize> = BTreeMap::new();
        for line in expected {
            *left.entry(line.as_str()).or_default() += 1;
        }
        for line in got {
            if let Some(n) = left.get_mut(line.as_str()).filter(|n| **n > 0) {
                *n -= 1;
                self.matched += 1;
            }
        }
        self.expected += expected.len();
        self.got += got.len();
    }

    fn percent(part: usize, whole: usize) -> String {
        if whole == 0 {
            "—".into()
        } else {
            format!("{:.1} %", 100.0 * part as f64 / whole as f64)
        }
    }

    fn row(&self, name: &str, note: &str) -> String {
        format!(
            "| {name} | {} | {} | {} | {} | {} | {note} |",
            self.expected,
            self.got,
            self.matched,
            Tally::percent(self.matched, self.got),
            Tally::percent(self.matched, self.expected),
        )
    }
}

/// Runs every scenario of `<style>/features/<file>` with the library's folder check.
fn style_tally(root: &Path, style: &str, file: &str) -> Option<(Tally, usize)> {
    let dir = root.join(style);
    let feature = fs::read_to_string(dir.join("features").join(file)).ok()?;
    let mut tally = Tally::default();
    let mut skipped_rules = 0;
    for (fixture, expected) in vale_support::scenarios(&feature) {
        let folder = dir.join("fixtures").join(&fixture);
        match check_folder(&folder) {
            Ok(run) => {
                let got: Vec<String> = run.alerts.iter().map(|a| a.to_line()).collect();
                skipped_rules += run.skipped.len();
                tally.add(&expected, &got);
            }
            Err(e) => {
                eprintln!("{style}/{fixture}: {e}");
                tally.add(&expected, &[]);
            }
        }
    }
    Some((tally, skipped_rules))
}

/// Red Hat's per-rule contract: each non-empty line of `testinvalid.adoc` raises an alert of
/// the rule, `testvalid.adoc` raises none. Counted as lines.
fn red_hat(root: &Path) -> Option<(Tally, usize)> {
    let dir = root.join("RedHat");
    let table = fs::read_to_string(dir.join("expectations.tsv")).ok()?;
    let mut tally = Tally::default();
    let mut false_alerts = 0;
    for row in table.lines().skip(1) {
        let cells: Vec<&str> = row.split('\t').collect();
        let (rule, fixture) = (cells[0], cells[3]);
        let check = format!("RedHat.{rule}");
        let lines: Vec<usize> = cells
            .get(8)
            .map(|c| c.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .unwrap_or_default();
        let Ok(run) = check_folder(&dir.join(fixture)) else {
            tally.expected += lines.len();
            continue;
        };
        let alerted: std::collections::BTreeSet<usize> = run
            .alerts
            .iter()
            .filter(|a| a.path == "testinvalid.adoc" && a.check == check)
            .map(|a| a.line)
            .collect();
        false_alerts += run
            .alerts
            .iter()
            .filter(|a| a.path == "testvalid.adoc")
            .count();
        tally.expected += lines.len();
        tally.matched += lines.iter().filter(|l| alerted.contains(l)).count();
        tally.got += alerted.len();
    }
    Some((tally, false_alerts))
}

/// Published expectations that predate the published style (reviewed, with the reason, in
/// `tests/vale_fixtures.rs`): counted as published all the same.
fn stale_expectation(style: &str) -> Option<&'static str> {
    match style {
        "write-good" => Some("Weasel's expectation predates `fairly` in the rule"),
        "alex" => Some("expectation names the pre-split Profanity rule and predates line 15"),
        "proselint" => Some("DenizenLabels' expectation predates Vale 3's quoting"),
        _ => None,
    }
}

fn main() {
    println!("## Vale parity (alerts identical to Vale's published output)");
    let Some(root) = styles_root() else {
        println!("skipped: the Vale styles are not beside this clone (../shared/data/vale-styles); set PLUME_DATA_DIR to the development data folder.");
        return;
    };
    println!();
    println!("| style | Vale's alerts | Plume's | identical | precision | recall | note |");
    println!("|---|---|---|---|---|---|---|");
    let mut total = Tally::default();
    for style in [
        "write-good",
        "proselint",
        "alex",
        "Joblint",
        "Readability",
        "Hugo",
    ] {
        if let Some((tally, skipped)) = style_tally(&root, style, "rules.feature") {
            let mut notes = Vec::new();
            if let Some(stale) = stale_expectation(style) {
                notes.push(stale.to_string());
            }
            if skipped > 0 {
                notes.push(format!(
                    "{skipped} rule runs skipped (see `plume check` notes)"
                ));
            }
            let note = notes.join("; ");
            println!("{}", tally.row(style, &note));
            total.expected += tally.expected;
            total.got += tally.got;
            total.matched += tally.matched;
        }
    }
    println!("{}", total.row("**all of the above**", ""));
    if let Some((tally, _)) = style_tally(&root, "Openly", "rules.feature.stale") {
        println!(
            "{}",
            tally.row(
                "Openly (stale expectations)",
                "upstream output predates its rules"
            )
        );
    }
    if let Some((tally, false_alerts)) = red_hat(&root) {
        println!(
            "{}",
            tally.row(
                "RedHat (lines of invalid fixtures)",
                &format!("{false_alerts} alerts on the valid fixtures (want 0)")
            )
        );
    }
    let suite = root.join("vale-testdata");
    if suite.is_dir() {
        let all = vale_suite_runner::all_scenarios(&suite);
        let passed = all
            .iter()
            .filter(|s| vale_suite_runner::run(&suite, s).is_ok())
            .count();
        println!();
        println!(
            "Vale's feature scenarios (development data, with its dictionaries): {passed} of {} pass through `plume check --format vale`.",
            all.len()
        );
    }
}
