//! How `plume check` reads its inputs: text, Markdown, CSV, JSON, JSONL, folders, standard
//! input and `--each-line`, with positions that point back into the file.

mod cli_support;

use cli_support::{folder_with, plume, plume_in, plume_with_stdin};

#[test]
fn each_line_gives_exactly_one_jsonl_line_per_input_line_with_empty_and_crlf_lines() {
    let input =
        "Hello team\r\n\r\nSee you tomorow\r\n\nBIG NEWS COMING SOON\r\nlast line without ending";
    let run = plume_with_stdin(&["check", "--each-line", "--format", "jsonl"], input);
    let lines = run.json_lines();
    assert_eq!(lines.len(), 6, "{}", run.stdout);
    let texts: Vec<&str> = lines.iter().map(|l| l["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "Hello team",
            "",
            "See you tomorow",
            "",
            "BIG NEWS COMING SOON",
            "last line without ending"
        ]
    );
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["line"], i as u64 + 1);
    }
    assert_eq!(lines[1]["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(lines[2]["diagnostics"][0]["line"], 3);
    assert_eq!(lines[2]["diagnostics"][0]["column"], 9);
    assert_eq!(
        lines[2]["diagnostics"][0]["span"]["end"], 15,
        "no \\r in the draft"
    );
    assert_eq!(lines[4]["diagnostics"][0]["rule"], "tone.shouting");
}

#[test]
fn each_line_applies_to_files_whatever_their_extension() {
    let dir = folder_with(&[("captions.csv", b"not,a,header\n\nsee you tomorow\n")]);
    let run = plume_in(
        Some(dir.path()),
        &["check", "--each-line", "--format", "vale", "captions.csv"],
        b"",
    );
    assert_eq!(
        run.stdout,
        "captions.csv:3:9:spelling.unknown-word:“tomorow” may be misspelled\n"
    );
}

#[test]
fn a_csv_row_keeps_its_other_columns_as_context_and_its_language() {
    let csv = "date,text,lang\n2026-03-02,\"Two lines,\nsee you tomorow\",en-GB\n2026-03-03,Fine words,fr\n";
    let run = plume_with_stdin(
        &["check", "--input-format", "csv", "--format", "jsonl"],
        csv,
    );
    let lines = run.json_lines();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["context"]["date"], "2026-03-02");
    assert_eq!(lines[0]["language"], "en-GB");
    assert_eq!(lines[1]["language"], "fr");
    // The column overrides `auto`: "Fine words" is read as French because the row says so.
    assert_eq!(lines[0]["decided_language"]["draft"]["basis"], "configured");
    assert_eq!(lines[1]["decided_language"]["draft"]["language"], "fr");
    let typo = lines[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"] == "“tomorow” may be misspelled")
        .expect("typo on the cell's second line");
    assert_eq!(
        (typo["line"].as_u64(), typo["column"].as_u64()),
        (Some(3), Some(9))
    );
}

#[test]
fn the_csv_text_column_can_be_named() {
    let csv = "id,caption,notes\n1,See you tomorow,internal note with a tpyo\n";
    let run = plume_with_stdin(
        &[
            "check",
            "--input-format",
            "csv",
            "--column",
            "caption",
            "--format",
            "vale",
        ],
        csv,
    );
    assert_eq!(
        run.stdout,
        "<stdin>:2:9:spelling.unknown-word:“tomorow” may be misspelled\n"
    );
}

#[test]
fn json_arrays_and_jsonl_records_are_read_by_field() {
    let dir = folder_with(&[
        ("posts.json", b"[\n  {\"id\": 1, \"body\": {\"copy\": \"All good here\"}},\n  {\"id\": 2, \"body\": {\"copy\": \"see you tomorow\"}}\n]\n"),
        ("posts.jsonl", b"{\"message\": \"fine\"}\n\n{\"message\": \"see you tomorow\"}\n"),
    ]);
    let run = plume_in(
        Some(dir.path()),
        &[
            "check",
            "--field",
            "body.copy",
            "--format",
            "jsonl",
            "posts.json",
        ],
        b"",
    );
    let lines = run.json_lines();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[1]["context"]["id"], 2);
    assert_eq!(lines[1]["diagnostics"][0]["suggestions"][0], "tomorrow");
    let run = plume_in(
        Some(dir.path()),
        &[
            "check",
            "--field",
            "message",
            "--format",
            "vale",
            "posts.jsonl",
        ],
        b"",
    );
    assert_eq!(
        run.stdout,
        "posts.jsonl:3:9:spelling.unknown-word:“tomorow” may be misspelled\n"
    );
}

#[test]
fn markdown_markup_and_code_are_not_checked_but_prose_is() {
    let md = "# Launch notes\n\nRun `plume chek` or see [the docs](https://example.com/tomorow).\n\n```\nteh code\n```\n\nSee you tomorow!\n";
    let dir = folder_with(&[("notes.md", md.as_bytes())]);
    let run = plume_in(
        Some(dir.path()),
        &["check", "--format", "vale", "notes.md"],
        b"",
    );
    for markup_typo in ["chek", "teh", "example", "https"] {
        assert!(
            !run.stdout.contains(markup_typo),
            "{markup_typo} is markup:\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout
            .contains("notes.md:9:9:spelling.unknown-word:“tomorow” may be misspelled\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_folder_is_walked_in_order_for_known_file_kinds() {
    let dir = folder_with(&[
        ("b.txt", b"see you tomorow\n"),
        ("a/post.md", b"recieve\n"),
        ("notes.bin", b"tomorow"),
        (".hidden/x.txt", b"tomorow"),
    ]);
    let run = plume_in(Some(dir.path()), &["check", "--format", "vale", "."], b"");
    assert_eq!(
        run.stdout,
        "a/post.md:1:1:spelling.unknown-word:“recieve” may be misspelled\n\
         b.txt:1:9:spelling.unknown-word:“tomorow” may be misspelled\n"
    );
    assert_eq!(run.code, 1);
}

#[test]
fn hashtags_mentions_links_and_emoji_are_never_flagged() {
    let run = plume_with_stdin(
        &["check", "--format", "jsonl"],
        "Join us 🎉 #SummerSale @plume_app bit.ly/3xYz https://example.com/tomorow\n",
    );
    assert_eq!(run.json_lines()[0]["diagnostics"], serde_json::json!([]));
}

#[test]
fn a_personal_dictionary_stops_its_words_being_flagged() {
    let dir = folder_with(&[("words.txt", b"# team words\nPlumey\n\ntomorow\n")]);
    let dict = dir.path().join("words.txt");
    let run = plume_with_stdin(
        &[
            "check",
            "--dict",
            dict.to_str().unwrap(),
            "--format",
            "jsonl",
        ],
        "Plumey ships tomorow\n",
    );
    let diagnostics = run.json_lines()[0]["diagnostics"].clone();
    assert!(
        diagnostics
            .as_array()
            .unwrap()
            .iter()
            .all(|d| !d["message"].as_str().unwrap().contains("tomorow")),
        "{diagnostics}"
    );
}

#[test]
fn the_examples_show_real_findings() {
    let run = plume(&[
        "check",
        "--color",
        "never",
        "examples/launch-post.md",
        "examples/scheduled-posts.csv",
    ]);
    assert_eq!(run.code, 1);
    for typo in ["tomorow", "recieve", "definately", "dirrect"] {
        assert!(
            run.stdout.contains(&format!("“{typo}” may be misspelled")),
            "{typo} not found in\n{}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("tone.shouting"));
    let findings = plume(&[
        "check",
        "--format",
        "vale",
        "examples/launch-post.md",
        "examples/scheduled-posts.csv",
    ])
    .stdout;
    for never in [
        "colour",
        "favourite",
        "PlumeLaunch",
        "plumeapp",
        "plume.app",
        "🎉",
    ] {
        assert!(
            !findings.contains(never),
            "{never} is fine (en-GB row, hashtag, mention, link, emoji):\n{findings}"
        );
    }
    assert!(
        run.stdout.contains("did you mean “direct”?"),
        "the French row is checked in French: {}",
        run.stdout
    );
}
