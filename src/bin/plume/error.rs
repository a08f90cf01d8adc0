//! Why a run stopped before its end: every input or usage problem as a typed value.
//!
//! Each variant's message names the file (and line, when there is one) so a person can fix the
//! input; all of them exit with code 2.

use std::fmt;
use std::io;

/// A problem with the input, the options or the output that stops the run (exit code 2).
#[derive(Debug)]
pub enum CliError {
    /// A path given on the command line does not exist.
    NotFound { path: String },
    /// A file could not be read (permissions, a folder where a file was expected…).
    Read { path: String, source: io::Error },
    /// Bytes that are not UTF-8; `line` is 1-based.
    InvalidUtf8 { path: String, line: u64 },
    /// CSV that cannot be read as a table.
    Csv {
        path: String,
        line: Option<u64>,
        message: String,
    },
    /// The CSV has no column with the draft text.
    MissingColumn {
        path: String,
        wanted: String,
        available: Vec<String>,
    },
    /// JSON or JSONL that does not parse.
    Json {
        path: String,
        line: u64,
        column: u64,
        message: String,
    },
    /// A JSON record without the text field, or with something else than a string in it.
    Field {
        path: String,
        line: u64,
        field: String,
        problem: String,
    },
    /// A personal-dictionary line that cannot be a word.
    Dictionary {
        path: String,
        line: u64,
        message: String,
    },
    /// A guideline pack that cannot be loaded (the message names file, line and rule).
    Pack(String),
    /// A pack whose embedded tests fail (exit code 1 for `plume pack test`, 2 elsewhere).
    PackTestFailed(String),
    /// A Vale folder that cannot be checked (bad `.vale.ini`, missing style…).
    Vale(String),
    /// Options that do not go together.
    Usage(String),
    /// Writing the output failed (other than a closed pipe).
    Write(io::Error),
}

impl CliError {
    /// Wraps an I/O error while opening or reading `path`.
    pub fn read(path: &str, source: io::Error) -> CliError {
        if source.kind() == io::ErrorKind::NotFound {
            CliError::NotFound {
                path: path.to_string(),
            }
        } else if source.kind() == io::ErrorKind::InvalidData {
            // `read_to_string` and friends report invalid UTF-8 this way.
            CliError::InvalidUtf8 {
                path: path.to_string(),
                line: 1,
            }
        } else {
            CliError::Read {
                path: path.to_string(),
                source,
            }
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::NotFound { path } => write!(f, "{path}: no such file or folder"),
            CliError::Read { path, source } => write!(f, "{path}: cannot read: {source}"),
            CliError::InvalidUtf8 { path, line } => write!(
                f,
                "{path}:{line}: invalid UTF-8; Plume reads UTF-8 text (re-save the file as UTF-8)"
            ),
            CliError::Csv {
                path,
                line: Some(line),
                message,
            } => write!(f, "{path}:{line}: malformed CSV: {message}"),
            CliError::Csv {
                path,
                line: None,
                message,
            } => write!(f, "{path}: malformed CSV: {message}"),
            CliError::MissingColumn {
                path,
                wanted,
                available,
            } => write!(
                f,
                "{path}:1: no column {wanted:?} in the CSV header (columns: {}); pick one with --column",
                available
                    .iter()
                    .map(|c| format!("{c:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            CliError::Json {
                path,
                line,
                column,
                message,
            } => write!(f, "{path}:{line}:{column}: malformed JSON: {message}"),
            CliError::Field {
                path,
                line,
                field,
                problem,
            } => write!(
                f,
                "{path}:{line}: field {field:?} {problem}; pick the text field with --field"
            ),
            CliError::Dictionary {
                path,
                line,
                message,
            } => write!(f, "{path}:{line}: bad dictionary entry: {message}"),
            CliError::Pack(message) => write!(f, "bad pack: {message}"),
            CliError::PackTestFailed(message) => write!(f, "pack test failed: {message}"),
            CliError::Vale(message) => write!(f, "Vale configuration: {message}"),
            CliError::Usage(message) => f.write_str(message),
            CliError::Write(source) => write!(f, "cannot write the output: {source}"),
        }
    }
}

impl std::error::Error for CliError {}

impl From<io::Error> for CliError {
    fn from(source: io::Error) -> CliError {
        CliError::Write(source)
    }
}
