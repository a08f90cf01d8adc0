//! Streaming: drafts are answered as they arrive, before the input ends.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

#[test]
fn each_line_on_standard_input_is_answered_before_the_input_ends() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plume"))
        .args(["check", "--each-line", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("plume starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (lines_out, lines_in) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if lines_out.send(line.expect("UTF-8 output")).is_err() {
                break;
            }
        }
    });

    stdin
        .write_all(b"See you tomorow\n")
        .expect("write first line");
    stdin.flush().expect("flush");
    // Not a timing assertion: a generous bound so a non-streaming build fails instead of hanging.
    let first = lines_in
        .recv_timeout(Duration::from_secs(120))
        .expect("the first line is answered while standard input is still open");
    assert!(first.contains("“tomorow” may be misspelled"), "{first}");

    stdin.write_all(b"\nBIG NEWS\n").expect("write more");
    drop(stdin);
    let rest: Vec<String> = lines_in.iter().collect();
    assert_eq!(rest.len(), 2, "one line out per line in: {rest:?}");
    assert!(child.wait().expect("plume exits").code() == Some(1));
    reader.join().expect("reader thread");
}
