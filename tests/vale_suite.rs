//! Vale's own feature scenarios (`tests/vale_suite/features/*.feature`, MIT, from Vale's
//! `testdata/`) replayed through the `plume` CLI, the way `tests/vale_suite/steps.md` describes
//! each step.
//!
//! Every scenario must print what Vale prints, except the ones listed in
//! `docs/vale-scenarios.md` with the reason: those are run too (unless marked `not run`) and must
//! still differ, so the list stays true when Plume catches up.

mod vale_suite_runner;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use vale_suite_runner::{all_scenarios, run};

fn suite_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vale_suite")
}

/// How a listed scenario is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    /// Run, and must still differ from Vale.
    Fails,
    /// Not run (its inputs are not in the repository, or it needs what Plume never does).
    NotRun,
}

/// The scenarios `docs/vale-scenarios.md` lists: `(feature, scenario)` → how, with the reason.
fn listed() -> BTreeMap<(String, String), (Listed, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/vale-scenarios.md");
    let text = fs::read_to_string(&path).expect("docs/vale-scenarios.md");
    let mut out = BTreeMap::new();
    for line in text.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        assert_eq!(
            cells.len(),
            4,
            "a row has feature, scenario, result, reason: {line}"
        );
        let how = match cells[2] {
            "fails" => Listed::Fails,
            "not run" => Listed::NotRun,
            other => panic!("result {other:?} is neither `fails` nor `not run`: {line}"),
        };
        let key = (cells[0].trim_matches('`').to_string(), cells[1].to_string());
        assert!(
            !cells[3].is_empty(),
            "a listed scenario gives its reason: {line}"
        );
        assert!(
            out.insert(key, (how, cells[3].to_string())).is_none(),
            "listed twice: {line}"
        );
    }
    out
}

#[test]
fn the_feature_files_hold_vales_123_scenarios_each_with_a_step_and_an_assertion() {
    let all = all_scenarios(&suite_root());
    assert_eq!(all.len(), 123);
    for s in &all {
        assert!(
            !s.step.is_empty(),
            "{} / {} has no When step",
            s.feature,
            s.name
        );
        assert!(
            !s.assertions.is_empty(),
            "{} / {} asserts nothing",
            s.feature,
            s.name
        );
    }
}

#[test]
fn every_scenario_prints_what_vale_prints_unless_listed_with_its_reason() {
    let all = all_scenarios(&suite_root());
    let mut listed = listed();
    let mut problems = Vec::new();
    let mut passed = 0;
    for scenario in &all {
        let key = (scenario.feature.clone(), scenario.name.clone());
        match (
            listed.remove(&key).map(|(how, _)| how),
            run(&suite_root(), scenario),
        ) {
            (Some(Listed::NotRun), _) => {}
            (None, Ok(())) => passed += 1,
            (None, Err(why)) => problems.push(format!(
                "{} / {}: differs from Vale and is not listed in docs/vale-scenarios.md\n  {why}",
                scenario.feature, scenario.name
            )),
            (Some(Listed::Fails), Ok(())) => problems.push(format!(
                "{} / {}: now passes; remove it from docs/vale-scenarios.md",
                scenario.feature, scenario.name
            )),
            (Some(Listed::Fails), Err(_)) => {}
        }
    }
    for (feature, name) in listed.keys() {
        problems.push(format!(
            "docs/vale-scenarios.md lists {feature} / {name}, which is not a scenario"
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    assert!(passed > 0, "no scenario passes");
}

/// `cargo test --test vale_suite -- --ignored --nocapture` prints every scenario's outcome, for
/// updating `docs/vale-scenarios.md`.
#[test]
#[ignore]
fn print_every_scenario_outcome() {
    for scenario in all_scenarios(&suite_root()) {
        match run(&suite_root(), &scenario) {
            Ok(()) => println!("PASS\t{}\t{}", scenario.feature, scenario.name),
            Err(why) => println!(
                "FAIL\t{}\t{}\t{}",
                scenario.feature,
                scenario.name,
                why.replace('\n', "\n\t\t")
            ),
        }
    }
}
