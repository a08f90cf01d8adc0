//! `plume check --format vale .` inside copies of Vale's own fixture folders (write-good,
//! proselint, alex from `tests/vale_styles`), compared with `features/rules.feature`.

mod cli_support;
mod vale_support;

use std::fs;
use std::path::Path;

use cli_support::{assert_matches_schema, folder_with, plume_in};
use vale_support::{scenarios, styles_root};

/// Scenarios whose published expectation predates the published style; their reviewed output
/// is asserted by the library's own test (`tests/vale_fixtures.rs`). Here they must match the
/// library's folder check, which the CLI prints unchanged.
const REVIEWED: &[(&str, &str)] = &[
    ("write-good", "Weasel"),
    ("alex", "basic"),
    ("proselint", "basic"),
];

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs every scenario of `style` through the CLI in a copy of the style's folder.
fn check_style(style: &str) {
    let copy = tempfile::tempdir().unwrap();
    let root = copy.path().join(style);
    copy_tree(&styles_root().join(style), &root);
    let feature = fs::read_to_string(root.join("features/rules.feature")).unwrap();
    let all = scenarios(&feature);
    assert!(!all.is_empty(), "no scenario in {style}");
    let mut problems = Vec::new();
    for (fixture, expected) in all {
        let dir = root.join("fixtures").join(&fixture);
        let run = plume_in(Some(&dir), &["check", "--format", "vale", "."], b"");
        assert_ne!(run.code, 2, "{style}/{fixture}: {}", run.stderr);
        let got: Vec<String> = run.stdout.lines().map(str::to_string).collect();
        let wanted = if REVIEWED.contains(&(style, fixture.as_str())) {
            plume::guide::vale::check_folder(&dir)
                .unwrap()
                .alerts
                .iter()
                .map(|a| a.to_line())
                .collect()
        } else {
            expected
        };
        if got != wanted {
            problems.push(format!(
                "{style}/{fixture}\n  expected:\n    {}\n  got:\n    {}\n  stderr: {}",
                wanted.join("\n    "),
                got.join("\n    "),
                run.stderr
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn write_good_fixtures_print_what_vale_prints() {
    check_style("write-good");
}

#[test]
fn proselint_fixtures_print_what_vale_prints() {
    check_style("proselint");
}

#[test]
fn alex_fixtures_print_what_vale_prints() {
    check_style("alex");
}

#[test]
fn a_vale_folder_in_json_lists_alerts_that_match_the_schema_and_fails_on_errors() {
    let style = "extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: error\nignorecase: true\ntokens:\n  - synergy\n";
    let dir = folder_with(&[
        (
            ".vale.ini",
            b"StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Acme\n",
        ),
        ("styles/Acme/Jargon.yml", style.as_bytes()),
        ("post.md", b"# Launch\n\nReal synergy for teams.\n"),
    ]);
    let run = plume_in(Some(dir.path()), &["check", "--format", "vale", "."], b"");
    assert_eq!(run.stdout, "post.md:3:6:Acme.Jargon:Avoid 'synergy'.\n");
    assert_eq!(run.code, 1, "an error-level alert fails the run");
    let run = plume_in(Some(dir.path()), &["check", "--format", "json", "."], b"");
    let doc = run.json();
    assert_matches_schema(&doc, Some("vale_document"));
    assert_eq!(doc["alerts"][0]["rule"], "Acme.Jargon");
    assert_eq!(doc["alerts"][0]["severity"], "error");
}

#[test]
fn a_vale_style_folder_given_to_pack_checks_drafts() {
    let styles = styles_root().join("write-good/write-good");
    let run = cli_support::plume_with_stdin(
        &[
            "check",
            "--pack",
            styles.to_str().unwrap(),
            "--format",
            "vale",
            "--fail-on",
            "never",
        ],
        "What a fine kettle of fish!\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("<stdin>:1:6:write-good.Cliches:Try to avoid using clichés like 'a fine kettle of fish'."),
        "{}",
        run.stdout
    );
}

#[test]
fn a_bad_vale_ini_exits_2_naming_the_problem() {
    let dir = folder_with(&[
        (
            ".vale.ini",
            b"StylesPath = styles\n\n[*.md]\nBasedOnStyles = Missing\n",
        ),
        ("post.md", b"hello\n"),
    ]);
    let run = plume_in(Some(dir.path()), &["check", "--format", "vale", "."], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("\"Missing\" not found"),
        "{}",
        run.stderr
    );
}
