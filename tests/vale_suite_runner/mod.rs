//! Replays Vale's feature scenarios (a `features/*.feature` folder laid out as Vale's
//! `testdata/`, described by its `steps.md`) through the `plume` CLI. Shared by
//! `tests/vale_suite.rs` (the vendored copy) and `benches/vale` (the development data).

#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

/// What a scenario must print.
#[derive(Debug, Clone)]
pub enum Assertion {
    /// Standard output, line for line.
    Exactly(Vec<String>),
    /// A block found in standard output or error.
    Contains(String),
    /// Text found in neither.
    NotContains(String),
    ExitStatus(i32),
}

/// One scenario of a feature file.
#[derive(Debug, Clone, Default)]
pub struct Scenario {
    pub feature: String,
    pub name: String,
    /// Files written into the scratch working folder first (`Given a file named`).
    pub files: Vec<(String, String)>,
    /// The `When` step, verbatim.
    pub step: String,
    pub assertions: Vec<Assertion>,
}

/// The quoted arguments of a step line: `I lint file "a" as "b"` gives `["a", "b"]`.
fn quoted(line: &str) -> Vec<String> {
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// Reads the `"""` block that starts after line `at`; returns its lines (indentation of the
/// opening quotes removed) and the index of the closing line.
fn block(lines: &[&str], at: usize) -> (Vec<String>, usize) {
    let open = lines[at + 1];
    let indent = open.len() - open.trim_start().len();
    let mut out = Vec::new();
    let mut i = at + 2;
    while i < lines.len() && lines[i].trim() != "\"\"\"" {
        let line = lines[i];
        out.push(line.get(indent..).unwrap_or(line.trim_start()).to_string());
        i += 1;
    }
    (out, i)
}

/// Parses one feature file (Background, Scenario, Given/When/Then/And steps).
fn parse_feature(feature: &str, text: &str) -> Vec<Scenario> {
    let lines: Vec<&str> = text.lines().collect();
    let mut background: Vec<(String, String)> = Vec::new();
    let mut scenarios: Vec<Scenario> = Vec::new();
    let mut in_background = false;
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim();
        if t.starts_with('#') || t.is_empty() {
            i += 1;
            continue;
        }
        if t.starts_with("Background:") {
            in_background = true;
        } else if let Some(name) = t.strip_prefix("Scenario:") {
            in_background = false;
            // A name used twice in a feature file gets its rank: `Name (2)`.
            let name = name.trim();
            let seen = scenarios
                .iter()
                .filter(|s| s.name == name || s.name.starts_with(&format!("{name} (")))
                .count();
            let name = if seen == 0 {
                name.to_string()
            } else {
                format!("{name} ({})", seen + 1)
            };
            scenarios.push(Scenario {
                feature: feature.to_string(),
                name,
                files: background.clone(),
                ..Scenario::default()
            });
        } else if t.contains("a file named") {
            let name = quoted(t).remove(0);
            let (content, end) = block(&lines, i);
            let body = content.join("\n");
            if in_background {
                background.push((name, body));
            } else if let Some(s) = scenarios.last_mut() {
                s.files.push((name, body));
            }
            i = end;
        } else if let Some(step) = t.strip_prefix("When ") {
            if let Some(s) = scenarios.last_mut() {
                s.step = step.to_string();
            }
        } else if t.contains("the output should contain exactly") {
            let (content, end) = block(&lines, i);
            if let Some(s) = scenarios.last_mut() {
                s.assertions.push(Assertion::Exactly(content));
            }
            i = end;
        } else if t.contains("the output should contain:") {
            let (content, end) = block(&lines, i);
            if let Some(s) = scenarios.last_mut() {
                s.assertions.push(Assertion::Contains(content.join("\n")));
            }
            i = end;
        } else if t.contains("the output should not contain") {
            if let Some(s) = scenarios.last_mut() {
                s.assertions
                    .push(Assertion::NotContains(quoted(t).remove(0)));
            }
        } else if let Some(code) = t.strip_prefix("And the exit status should be ") {
            if let Some(s) = scenarios.last_mut() {
                s.assertions.push(Assertion::ExitStatus(
                    code.trim().parse().expect("an exit status"),
                ));
            }
        }
        i += 1;
    }
    scenarios
}

/// Splits a Vale argument string the way a shell would for these steps (single quotes only).
fn shell_words(args: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in args.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut current));
                    any = false;
                }
            }
            _ => {
                current.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(current);
    }
    words
}

/// The Vale command a step runs: working folder relative to the scratch root, Vale's options
/// and paths, and standard input (`I run cat`).
struct Command {
    cwd: String,
    args: Vec<String>,
    stdin: Vec<u8>,
}

/// Maps a `When` step to its command (see `steps.md`); `None` for a step this runner does not
/// know.
fn command_for(step: &str, root: &Path) -> Option<Command> {
    let q = quoted(step);
    let first = || q.first().cloned().unwrap_or_default();
    let in_dir = |cwd: String, args: Vec<String>| Command {
        cwd,
        args,
        stdin: Vec::new(),
    };
    let step_name = step.split('"').next().unwrap_or(step).trim();
    Some(match step_name {
        "I test" => in_dir(format!("fixtures/{}", first()), vec![".".into()]),
        "I lint" => in_dir("fixtures/formats".into(), shell_words(&first())),
        "I lint path" => in_dir(format!("fixtures/formats/{}", first()), vec![".".into()]),
        "I lint path with exclusions" => in_dir("fixtures/folders".into(), vec![".".into()]),
        "I lint AsciiDoc" => in_dir("fixtures/formats/adoc".into(), vec![first()]),
        "I lint reStructuredText" => in_dir("fixtures/formats/rst".into(), vec![first()]),
        "I lint file" => in_dir(
            "fixtures/formats".into(),
            vec![format!("--ext={}", q.get(1)?), first()],
        ),
        "I lint with config" => in_dir(
            "fixtures/formats".into(),
            vec![format!("--config={}", first()), "test.md".into()],
        ),
        "I lint simple" => in_dir(
            "fixtures/formats".into(),
            vec!["--ignore-syntax".into(), first()],
        ),
        "I lint string" => in_dir("fixtures/formats".into(), vec![first()]),
        "I run cat" => Command {
            cwd: "fixtures/formats".into(),
            args: vec![format!("--ext={}", q.get(1)?)],
            stdin: fs::read(root.join("fixtures/formats").join(first())).ok()?,
        },
        "I test glob" => in_dir(
            "fixtures/formats".into(),
            vec![format!("--glob={}", first()), ".".into()],
        ),
        "I test dir glob" => in_dir(
            "fixtures/glob".into(),
            vec![format!("--glob={}", first()), ".".into()],
        ),
        "I test comments for" => {
            in_dir("fixtures/comments".into(), vec![format!("test{}", first())])
        }
        "I test patterns for" => in_dir("fixtures/patterns".into(), vec![first()]),
        "I test scope" => in_dir(format!("fixtures/scopes/{}", first()), vec![".".into()]),
        "I apply style" => in_dir(format!("fixtures/styles/{}", first()), vec![".".into()]),
        "I use Vocab" => in_dir(format!("fixtures/vocab/{}", first()), vec![".".into()]),
        "I run vale" => in_dir("tmp/aruba".into(), shell_words(&first())),
        "I assign minAlertLevel" => in_dir(
            "tmp/aruba".into(),
            vec![format!("--minAlertLevel={}", first()), q.get(1)?.clone()],
        ),
        _ => return None,
    })
}

/// Vale's options as `plume check` spells them; `None` when Plume has no such option.
fn plume_args(vale_args: &[String]) -> Option<Vec<String>> {
    let mut out: Vec<String> = vec!["check".into(), "--format".into(), "vale".into()];
    for arg in vale_args {
        if let Some(level) = arg.strip_prefix("--minAlertLevel=") {
            out.push(format!("--min-level={level}"));
        } else if arg.starts_with("--") {
            return None;
        } else {
            out.push(arg.clone());
        }
    }
    Some(out)
}

/// The scratch root: `styles` and `fixtures` linked from the vendored suite, and an empty
/// `tmp/aruba` holding the scenario's files, as aruba lays it out.
fn scratch(suite: &Path, scenario: &Scenario) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["styles", "fixtures"] {
        std::os::unix::fs::symlink(suite.join(name), dir.path().join(name)).expect("link");
    }
    let aruba = dir.path().join("tmp/aruba");
    fs::create_dir_all(&aruba).expect("aruba folder");
    for (name, body) in &scenario.files {
        let path = aruba.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("parent");
        }
        fs::write(path, format!("{body}\n")).expect("scenario file");
    }
    dir
}

/// Runs a scenario of the suite in `suite`; `Err` says how the output differs from Vale's.
pub fn run(suite: &Path, scenario: &Scenario) -> Result<(), String> {
    let command = command_for(&scenario.step, suite)
        .ok_or_else(|| format!("step {:?} is not one of steps.md's", scenario.step))?;
    let args = plume_args(&command.args)
        .ok_or_else(|| format!("no plume option for {:?}", command.args))?;
    let scratch = scratch(suite, scenario);
    let cwd = scratch.path().join(&command.cwd);
    if !cwd.is_dir() {
        return Err(format!(
            "working folder {} is not in the suite",
            command.cwd
        ));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = plume_in(&cwd, &args, &command.stdin);
    let both = format!("{}{}", out.stdout, out.stderr);
    let mut problems = Vec::new();
    for assertion in &scenario.assertions {
        match assertion {
            Assertion::Exactly(lines) => {
                let got: Vec<&str> = out.stdout.lines().collect();
                if got != *lines {
                    problems.push(format!(
                        "expected exactly:\n    {}\n  got:\n    {}",
                        lines.join("\n    "),
                        got.join("\n    ")
                    ));
                }
            }
            Assertion::Contains(text) if !both.contains(text.as_str()) => {
                problems.push(format!("expected to contain {text:?}"));
            }
            Assertion::NotContains(text) if both.contains(text.as_str()) => {
                problems.push(format!("expected not to contain {text:?}"));
            }
            Assertion::ExitStatus(code) if out.code != *code => {
                problems.push(format!("exit status {} instead of {code}", out.code));
            }
            _ => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n  stderr: {}",
            problems.join("\n  "),
            out.stderr.trim()
        ))
    }
}

/// Every scenario of the suite's feature files, in file order.
pub fn all_scenarios(suite: &Path) -> Vec<Scenario> {
    let dir = suite.join("features");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("features folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "feature"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            parse_feature(&name, &fs::read_to_string(path).expect("feature file"))
        })
        .collect()
}

/// What one `plume` run printed.
struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the `plume` binary built with this test or bench in `dir`, feeding `stdin`.
fn plume_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Process::new(env!("CARGO_BIN_EXE_plume"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("plume starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // plume may exit before reading everything (on an error); that is fine.
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("plume runs");
    writer.join().expect("stdin writer finishes");
    Output {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}
