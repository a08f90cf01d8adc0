//! `plume suggest`: spelling suggestions for single words, best first, one JSONL line per word.

mod cli_support;

use cli_support::{assert_matches_schema, folder_with, plume, plume_in};

#[test]
fn jsonl_gives_exactly_one_line_per_word_in_order() {
    let run = plume(&[
        "suggest", "--format", "jsonl", "tomorow", "launch", "recieve", "Teh",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 4);
    for line in &lines {
        assert_matches_schema(line, Some("suggest_line"));
    }
    let words: Vec<&str> = lines.iter().map(|l| l["word"].as_str().unwrap()).collect();
    assert_eq!(words, ["tomorow", "launch", "recieve", "Teh"]);
    assert_eq!(lines[0]["correct"], false);
    assert_eq!(lines[0]["suggestions"][0], "tomorrow");
    assert_eq!(lines[1]["correct"], true);
    assert_eq!(lines[1]["suggestions"], serde_json::json!([]));
    assert_eq!(lines[2]["suggestions"][0], "receive");
    assert_eq!(
        lines[3]["suggestions"][0], "The",
        "the typo's capital is kept"
    );
}

#[test]
fn human_output_lists_suggestions_best_first() {
    let run = plume(&["suggest", "tomorow", "launch"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("tomorow: tomorrow"), "{}", run.stdout);
    assert_eq!(lines[1], "launch: correct");
}

#[test]
fn json_output_is_one_document_with_every_word() {
    let run = plume(&["suggest", "--format", "json", "--limit", "2", "recieve"]);
    let doc = run.json();
    assert_matches_schema(&doc["words"][0], Some("suggest_line"));
    assert!(doc["words"][0]["suggestions"].as_array().unwrap().len() <= 2);
}

#[test]
fn words_of_the_personal_dictionary_are_correct() {
    let dir = folder_with(&[("team.txt", b"Plumey\n")]);
    let run = plume_in(
        Some(dir.path()),
        &[
            "suggest", "--dict", "team.txt", "--format", "jsonl", "Plumey",
        ],
        b"",
    );
    assert_eq!(run.json_lines()[0]["correct"], true);
}

#[test]
fn suggest_needs_at_least_one_word() {
    let run = plume(&["suggest"]);
    assert_eq!(run.code, 2);
    let run = plume(&["suggest", " "]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("blank"), "{}", run.stderr);
}
