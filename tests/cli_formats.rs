//! Every `--format` of `plume check`, on real English and French drafts.

mod cli_support;

use cli_support::{assert_matches_schema, plume, plume_with_stdin};

const DRAFT: &str = "See you tomorow at the launch 🚀 #LaunchDay @plume\nBIG NEWS COMING SOON\n";

#[test]
fn human_output_shows_the_source_line_and_a_caret_under_the_typo() {
    let run = plume_with_stdin(&["check", "--color", "never"], DRAFT);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("error[spelling.unknown-word]: “tomorow” may be misspelled"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("--> <stdin>:1:9"), "{}", run.stdout);
    let source_line = run
        .stdout
        .lines()
        .find(|l| l.contains("| See you tomorow"))
        .expect("source line shown");
    let caret_line = run
        .stdout
        .lines()
        .skip_while(|l| *l != source_line)
        .nth(1)
        .expect("caret line");
    let caret_at = caret_line.find('^').expect("caret");
    assert_eq!(
        caret_at,
        source_line.find("tomorow").unwrap(),
        "\n{source_line}\n{caret_line}"
    );
    assert!(
        caret_line.contains("^^^^^^^ did you mean “tomorrow”?"),
        "{caret_line}"
    );
    assert!(
        run.stdout.contains("warning[tone.shouting]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .trim_end()
            .ends_with("Checked 1 draft: 1 error, 1 warning."),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains('\u{1b}'), "no colour when piped");
}

#[test]
fn human_output_is_coloured_only_when_asked_or_on_a_terminal() {
    let run = plume_with_stdin(&["check", "--color", "always"], DRAFT);
    assert!(run.stdout.contains('\u{1b}'), "{}", run.stdout);
}

#[test]
fn human_output_says_so_when_nothing_is_found() {
    let run = plume_with_stdin(&["check"], "See you at the launch tomorrow\n");
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(
        run.stdout.trim(),
        "<stdin>:1: read as English\nNo problems found in 1 draft."
    );
}

#[test]
fn the_language_is_decided_per_draft_by_default_and_shown() {
    let run = plume_with_stdin(
        &["check", "--each-line", "--color", "never"],
        "Bonjour a tous, rendez-vous demain\nSee you all tomorrow\n",
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("<stdin>:1: read as French\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("<stdin>:2: read as English\n"),
        "{}",
        run.stdout
    );
    let run = plume_with_stdin(
        &["check", "--format", "jsonl"],
        "Notre équipe vous attend\n\nOur colour range is here and we love it\n",
    );
    let drafts = run.json_lines();
    assert_eq!(drafts[0]["language"], "auto");
    let decided = &drafts[0]["decided_language"];
    // The English paragraph has more words: the draft is English, its first paragraph French.
    assert_eq!(decided["draft"]["language"], "en");
    assert_eq!(decided["paragraphs"][0]["language"], "fr");
    assert_eq!(decided["paragraphs"][1]["language"], "en");
    assert_eq!(decided["paragraphs"][1]["variety"], "en-GB");
    assert_eq!(decided["paragraphs"][1]["span"]["start"], 27);
}

#[test]
fn a_language_set_on_the_command_line_is_shown_as_set() {
    let run = plume_with_stdin(
        &["check", "--lang", "en-GB", "--color", "never"],
        "Bonjour a tous\n",
    );
    assert!(
        run.stdout
            .starts_with("<stdin>:1: read as English (en-GB, set by --lang or the record)"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_output_is_one_document_that_matches_the_schema() {
    let run = plume(&["check", "--format", "json", "examples/scheduled-posts.csv"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let doc = run.json();
    assert_matches_schema(&doc, None);
    let drafts = doc["drafts"].as_array().unwrap();
    assert_eq!(drafts.len(), 8);
    let first = &drafts[0];
    assert_eq!(first["source"], "examples/scheduled-posts.csv");
    assert_eq!(first["line"], 2);
    assert_eq!(first["context"]["platform"], "x");
    let typo = first["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("tomorow"))
        .expect("the typo is reported");
    let text = first["text"].as_str().unwrap();
    let (start, end) = (
        typo["span"]["start"].as_u64().unwrap() as usize,
        typo["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "tomorow");
    assert_eq!(typo["suggestions"][0], "tomorrow");
    assert_eq!(typo["category"], "spelling");
    assert_eq!(typo["severity"], "error");
    let total: u64 = drafts
        .iter()
        .map(|d| d["diagnostics"].as_array().unwrap().len() as u64)
        .sum();
    assert_eq!(doc["totals"]["diagnostics"], total);
    assert_eq!(doc["totals"]["drafts"], 8);
}

#[test]
fn json_spans_are_given_in_bytes_and_in_utf16_units() {
    let run = plume_with_stdin(&["check", "--format", "json"], "« 🎉 » tomorow\n");
    let doc = run.json();
    assert_matches_schema(&doc, None);
    let d = &doc["drafts"][0]["diagnostics"][0];
    assert_eq!(d["message"], "“tomorow” may be misspelled");
    // « and » are 2 bytes / 1 unit each, 🎉 is 4 bytes / 2 units, plus three spaces.
    assert_eq!(d["span"]["start"], 11);
    assert_eq!(d["utf16"]["start"], 7);
    assert_eq!(d["column"], 7, "columns count characters");
}

#[test]
fn json_of_an_empty_input_is_still_a_valid_document() {
    let run = plume_with_stdin(&["check", "--format", "json", "--each-line"], "");
    assert_eq!(run.code, 0);
    let doc = run.json();
    assert_matches_schema(&doc, None);
    assert_eq!(doc["drafts"].as_array().unwrap().len(), 0);
}

#[test]
fn jsonl_output_is_one_schema_valid_object_per_draft_in_input_order() {
    let run = plume(&["check", "--format", "jsonl", "examples/scheduled-posts.csv"]);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 8);
    for (i, line) in lines.iter().enumerate() {
        assert_matches_schema(line, Some("draft"));
        assert_eq!(line["record"], i as u64 + 1);
    }
    assert_eq!(lines[2]["language"], "en-GB");
}

#[test]
fn sarif_output_is_sarif_2_1_0_with_rules_and_fixes() {
    let run = plume_with_stdin(&["check", "--format", "sarif"], DRAFT);
    assert_eq!(run.code, 1);
    let sarif = run.json();
    assert_eq!(sarif["version"], "2.1.0");
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "plume");
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let typo = &results[0];
    assert_eq!(typo["ruleId"], "spelling.unknown-word");
    assert_eq!(typo["level"], "error");
    let region = &typo["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(1), Some(9))
    );
    assert_eq!(region["endColumn"], 16);
    assert_eq!(
        typo["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "stdin"
    );
    let replacement = &typo["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "tomorrow");
    assert_eq!(results[1]["level"], "warning");
    let rule_ids: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rule_ids, ["spelling.unknown-word", "tone.shouting"]);
}

#[test]
fn sarif_of_a_clean_input_has_no_results() {
    let run = plume_with_stdin(&["check", "--format", "sarif"], "See you tomorrow\n");
    assert_eq!(run.code, 0);
    assert_eq!(
        run.json()["runs"][0]["results"].as_array().unwrap().len(),
        0
    );
}

#[test]
fn vale_output_is_one_file_line_col_rule_message_line_per_finding() {
    let run = plume(&["check", "--format", "vale", "examples/launch-post.md"]);
    let typo = run
        .stdout
        .lines()
        .find(|l| l.contains("tomorow"))
        .expect("the typo is listed");
    let line_no = std::fs::read_to_string(cli_support::crate_path("examples/launch-post.md"))
        .unwrap()
        .lines()
        .position(|l| l.contains("tomorow"))
        .unwrap()
        + 1;
    assert_eq!(
        typo,
        format!(
            "examples/launch-post.md:{line_no}:9:spelling.unknown-word:“tomorow” may be misspelled"
        )
    );
    for line in run.stdout.lines() {
        let fields: Vec<&str> = line.splitn(5, ':').collect();
        assert_eq!(fields.len(), 5, "{line}");
        assert!(
            fields[1].parse::<u32>().is_ok() && fields[2].parse::<u32>().is_ok(),
            "{line}"
        );
    }
}

#[test]
fn min_level_hides_findings_below_it_and_fail_on_sets_the_exit_code() {
    let shouting = "BIG NEWS COMING SOON\n";
    let run = plume_with_stdin(&["check", "--format", "jsonl"], shouting);
    assert_eq!(run.code, 0, "a warning does not fail by default");
    assert_eq!(
        run.json_lines()[0]["diagnostics"][0]["rule"],
        "tone.shouting"
    );
    let run = plume_with_stdin(
        &["check", "--format", "jsonl", "--fail-on", "warning"],
        shouting,
    );
    assert_eq!(run.code, 1);
    let run = plume_with_stdin(
        &[
            "check",
            "--format",
            "jsonl",
            "--min-level",
            "error",
            "--fail-on",
            "warning",
        ],
        shouting,
    );
    assert_eq!(run.code, 0, "hidden findings do not fail the run");
    assert_eq!(
        run.json_lines()[0]["diagnostics"].as_array().unwrap().len(),
        0
    );
    let run = plume_with_stdin(&["check", "--fail-on", "never"], "tomorow\n");
    assert_eq!(run.code, 0);
}

#[test]
fn sarif_fixes_are_offered_only_where_columns_are_the_files_own() {
    let csv = "date,text\nmon,See you tomorow\n";
    let run = plume_with_stdin(
        &["check", "--input-format", "csv", "--format", "sarif"],
        csv,
    );
    let result = &run.json()["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "spelling.unknown-word");
    assert!(
        result.get("fixes").is_none(),
        "a CSV cell's column is not the file's: {result}"
    );
    let run = plume_with_stdin(&["check", "--format", "sarif"], "See you tomorow\n");
    assert!(run.json()["runs"][0]["results"][0].get("fixes").is_some());
}
