//! `plume tone`, guideline packs (`--pack`, `plume pack test|lint`) and platforms (`--platform`).

mod cli_support;

use cli_support::{assert_matches_schema, folder_with, plume, plume_in, plume_with_stdin};

#[test]
fn tone_jsonl_gives_sentiment_as_score_and_label_beside_the_other_dimensions() {
    let input = "Thank you so much, we love this community and are thrilled to share the news!\n\
                 This is the worst update ever, you broke everything and I am furious.\n\
                 Merci beaucoup, nous sommes ravis de vous retrouver !\n";
    let run = plume_with_stdin(
        &["tone", "--each-line", "--format", "jsonl", "--lang", "auto"],
        input,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 3);
    for line in &lines {
        assert_matches_schema(line, Some("tone_draft"));
        assert!(line.get("diagnostics").is_none(), "tone only: {line}");
    }
    assert_eq!(lines[0]["sentiment"]["label"], "positive");
    assert!(lines[0]["sentiment"]["score"].as_f64().unwrap() > 0.0);
    assert_eq!(lines[1]["sentiment"]["label"], "negative");
    assert!(lines[1]["aggression"].as_f64().unwrap() >= 0.0);
    assert_eq!(lines[2]["language"], "fr");
    assert_eq!(lines[2]["sentiment"]["label"], "positive");
}

#[test]
fn tone_json_is_one_document_and_human_is_one_line_per_draft() {
    let run = plume(&["tone", "--format", "json", "examples/scheduled-posts.csv"]);
    let doc = run.json();
    assert_matches_schema(&doc, Some("tone_document"));
    assert_eq!(doc["drafts"].as_array().unwrap().len(), 8);
    let run = plume(&["tone", "examples/scheduled-posts.csv"]);
    assert_eq!(run.stdout.lines().count(), 8, "{}", run.stdout);
    assert!(
        run.stdout.starts_with("examples/scheduled-posts.csv:2: "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("sentiment +"), "{}", run.stdout);
}

#[test]
fn tone_refuses_finding_only_formats() {
    let run = plume_with_stdin(&["tone", "--format", "vale"], "hello\n");
    assert_eq!(run.code, 2);
}

#[test]
fn check_json_carries_the_tone_summary_and_platform_counters() {
    let run = plume_with_stdin(
        &["check", "--format", "json", "--platform", "x"],
        "Our new release is live, thanks for all the feedback! https://example.com/notes\n",
    );
    let doc = run.json();
    assert_matches_schema(&doc, None);
    let draft = &doc["drafts"][0];
    assert_eq!(draft["platform"]["platform"], "x");
    assert_eq!(draft["platform"]["limit"], 280);
    assert_eq!(draft["platform"]["links"], 1);
    assert_eq!(draft["tone"]["sentiment"]["label"], "positive");
}

#[test]
fn a_csv_platform_column_applies_the_platform_per_row() {
    let long = "word ".repeat(70);
    let csv = format!("platform,text\nx,{long}\nlinkedin,{long}\ntiktok,{long}\n");
    let run = plume_with_stdin(
        &["check", "--input-format", "csv", "--format", "jsonl"],
        &csv,
    );
    let lines = run.json_lines();
    let too_long = |i: usize| {
        lines[i]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "platform.too-long")
    };
    assert!(
        too_long(0),
        "350 characters are too long for X: {}",
        lines[0]
    );
    assert!(!too_long(1), "but fine on LinkedIn");
    assert_eq!(lines[1]["platform"]["platform"], "linkedin");
    assert!(
        lines[2].get("platform").is_none(),
        "an unknown platform checks no platform rules"
    );
}

#[test]
fn a_pack_adds_its_rules_to_check() {
    let run = plume(&[
        "check",
        "--pack",
        "examples/brand-pack.yml",
        "--format",
        "vale",
        "examples/scheduled-posts.csv",
    ]);
    assert!(
        run.stdout.contains("examples/scheduled-posts.csv:3:67:plume-brand.Jargon:Avoid 'game-changer': say what it does."),
        "{}",
        run.stdout
    );
}

#[test]
fn pack_test_and_lint_report_a_good_pack() {
    let run = plume(&["pack", "test", "examples/brand-pack.yml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "examples/brand-pack.yml: pack plume-brand: 3 embedded tests passed"
    );
    let run = plume(&["pack", "lint", "examples/brand-pack.yml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("pack plume-brand is valid: 2 rules"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_failing_embedded_test_exits_1_for_pack_test_and_2_for_check() {
    let pack = b"name: acme\nrules:\n  Jargon:\n    extends: existence\n    message: \"Avoid '%s'.\"\n    tokens: [synergy]\ntests:\n  - text: Leverage our strengths.\n    expect: [{rule: Jargon, match: Leverage}]\n";
    let dir = folder_with(&[("acme.yml", pack)]);
    let run = plume_in(Some(dir.path()), &["pack", "test", "acme.yml"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("acme.yml:8"),
        "names the test's line: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("embedded test 1 failed"),
        "{}",
        run.stderr
    );
    let run = plume_in(
        Some(dir.path()),
        &["check", "--pack", "acme.yml"],
        b"hello\n",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("bad pack"), "{}", run.stderr);
}

#[test]
fn a_bad_pack_exits_2_naming_file_and_line() {
    let dir = folder_with(&[
        (
            "typo.yml",
            b"name: acme\nrules:\n  Banned:\n    extends: existence\n    tokns: [synergy]\n",
        ),
        (
            "broken.yml",
            b"name: acme\nrules:\n  Banned:\n    extends: existence\n   tokens: [a\n",
        ),
    ]);
    for pack in ["typo.yml", "broken.yml"] {
        for args in [&["pack", "lint", pack][..], &["check", "--pack", pack][..]] {
            let run = plume_in(Some(dir.path()), args, b"hello\n");
            assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
            assert!(
                run.stderr.contains(&format!("{pack}:")),
                "{args:?}: {}",
                run.stderr
            );
            assert!(run.stderr.contains("bad pack"), "{args:?}: {}", run.stderr);
        }
    }
    let run = plume(&["pack", "lint", "no/such/pack.yml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no/such/pack.yml: no such file"),
        "{}",
        run.stderr
    );
}
