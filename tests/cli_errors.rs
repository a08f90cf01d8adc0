//! Exit codes and input errors: every bad input exits 2 with a message naming file and line.

mod cli_support;

use cli_support::{folder_with, plume, plume_in, plume_with_stdin};

#[test]
fn a_clean_run_exits_0_and_findings_exit_1() {
    assert_eq!(plume_with_stdin(&["check"], "See you tomorrow\n").code, 0);
    assert_eq!(plume_with_stdin(&["check"], "See you tomorow\n").code, 1);
}

#[test]
fn a_missing_file_exits_2_before_any_output() {
    let run = plume(&["check", "examples/launch-post.md", "no/such/posts.csv"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.trim(),
        "plume: error: no/such/posts.csv: no such file or folder"
    );
}

#[test]
fn invalid_utf8_exits_2_naming_file_and_line() {
    let dir = folder_with(&[("posts.txt", b"fine\nalso fine\nbroken \xff\xfe here\n")]);
    for args in [
        &["check", "posts.txt"][..],
        &["check", "--each-line", "posts.txt"][..],
    ] {
        let run = plume_in(Some(dir.path()), args, b"");
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr.contains("posts.txt:3: invalid UTF-8"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let dir = folder_with(&[("posts.csv", b"date,text\nmon,ok\ntue,bad \xff\n")]);
    let run = plume_in(Some(dir.path()), &["check", "posts.csv"], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("posts.csv:3: invalid UTF-8"),
        "{}",
        run.stderr
    );
}

#[test]
fn malformed_csv_exits_2_naming_the_line() {
    let dir = folder_with(&[("posts.csv", b"date,text\nmon,ok\ntue,too,many,fields\n")]);
    let run = plume_in(
        Some(dir.path()),
        &["check", "--format", "jsonl", "posts.csv"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim(),
        "plume: error: posts.csv:3: malformed CSV: this row has 4 fields but the header has 2"
    );
    assert_eq!(
        run.stdout.lines().count(),
        1,
        "rows before the bad one were streamed"
    );
}

#[test]
fn a_csv_without_the_text_column_exits_2_listing_columns() {
    let run = plume_with_stdin(
        &["check", "--input-format", "csv"],
        "date,copy_text\nmon,hi\n",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("<stdin>:1: no column \"text\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("\"date\", \"copy_text\""),
        "{}",
        run.stderr
    );
}

#[test]
fn malformed_json_and_jsonl_exit_2_naming_line_and_column() {
    let dir = folder_with(&[
        (
            "posts.json",
            b"[\n  {\"text\": \"ok\"},\n  {\"text\": \"unterminated}\n",
        ),
        ("posts.jsonl", b"{\"text\": \"ok\"}\n{\"text\": ok}\n"),
    ]);
    let run = plume_in(Some(dir.path()), &["check", "posts.json"], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("posts.json:4:"), "{}", run.stderr);
    assert!(run.stderr.contains("malformed JSON"), "{}", run.stderr);
    let run = plume_in(Some(dir.path()), &["check", "posts.jsonl"], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("posts.jsonl:2:10: malformed JSON: expected value"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_json_record_without_the_field_exits_2() {
    let run = plume_with_stdin(
        &["check", "--input-format", "jsonl"],
        "{\"body\": \"hi\"}\n",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("<stdin>:1: field \"text\" is missing"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_dictionary_entry_exits_2_naming_its_line() {
    let dir = folder_with(&[("words.txt", b"Plume\n# comment\nNew York\n")]);
    let run = plume_in(Some(dir.path()), &["check", "--dict", "words.txt"], b"hi\n");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("words.txt:3: bad dictionary entry: \"New York\""),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_per_row_language_exits_2_naming_the_row() {
    let run = plume_with_stdin(
        &["check", "--input-format", "csv"],
        "text,language\nHallo,de\n",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("<stdin>:2: field \"language\" cannot be used"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(plume(&["check", "--format", "xml"]).code, 2);
    assert_eq!(plume(&["check", "--lang", "de"]).code, 2);
    assert_eq!(plume(&["frobnicate"]).code, 2);
}

#[test]
fn help_documents_the_exit_codes() {
    for args in [&["--help"][..], &["check", "--help"][..]] {
        let run = plume(args);
        assert_eq!(run.code, 0);
        assert!(run.stdout.contains("Exit codes:"), "{}", run.stdout);
        assert!(
            run.stdout.contains("2  usage or input error"),
            "{}",
            run.stdout
        );
    }
}
