//! Shared helpers for the `plume` CLI integration tests: run the binary, read its output.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The result of one `plume` run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().expect("plume was killed by a signal"),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Every stdout line parsed as JSON.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }
}

/// Runs `plume ARGS` in `dir` (the crate root when `None`), feeding `stdin`.
pub fn plume_in(dir: Option<&Path>, args: &[&str], stdin: &[u8]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plume"));
    command
        .args(args)
        .current_dir(dir.unwrap_or(Path::new(env!("CARGO_MANIFEST_DIR"))))
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("plume starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The binary may exit before reading everything (on an error); that is fine.
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("plume runs");
    writer.join().expect("stdin writer finishes");
    Run::from(output)
}

/// Runs `plume ARGS` from the crate root with empty standard input.
pub fn plume(args: &[&str]) -> Run {
    plume_in(None, args, b"")
}

/// Runs `plume ARGS` from the crate root with `stdin` as standard input.
pub fn plume_with_stdin(args: &[&str], stdin: &str) -> Run {
    plume_in(None, args, stdin.as_bytes())
}

/// A temporary folder holding `files` (name, bytes).
pub fn folder_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(path, bytes).expect("write fixture");
    }
    dir
}

/// The path of a file in the crate.
pub fn crate_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Validates `instance` against `docs/report.schema.json` (or one of its `$defs`).
pub fn assert_matches_schema(instance: &serde_json::Value, def: Option<&str>) {
    let text = std::fs::read_to_string(crate_path("docs/report.schema.json")).expect("schema");
    let mut schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    if let Some(def) = def {
        // Validate against one definition, keeping `$defs` reachable for its `$ref`s.
        let defs = schema["$defs"].clone();
        schema = serde_json::json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$ref": format!("#/$defs/{def}"),
            "$defs": defs,
        });
    }
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "schema violations: {errors:#?}\n{instance:#}"
    );
}
