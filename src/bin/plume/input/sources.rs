//! Which inputs a run reads: the paths on the command line, folders walked, or standard input.
//!
//! Every path is resolved (and missing ones reported) before any draft is checked, so a typo in
//! the last file name fails the run before output starts.

use std::fs::{self, File};
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::cli::args::InputFormat;
use crate::cli::error::CliError;

/// File extensions a folder walk picks up, and how each is read.
const KNOWN_EXTENSIONS: &[(&str, InputFormat)] = &[
    ("txt", InputFormat::Text),
    ("text", InputFormat::Text),
    ("md", InputFormat::Markdown),
    ("markdown", InputFormat::Markdown),
    ("csv", InputFormat::Csv),
    ("json", InputFormat::Json),
    ("jsonl", InputFormat::Jsonl),
    ("ndjson", InputFormat::Jsonl),
];

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File {
        path: PathBuf,
        /// The name shown in output: as typed, or relative to the folder argument.
        display: String,
    },
}

impl Source {
    pub fn display_name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File { display, .. } => display.clone(),
        }
    }

    /// The reader format implied by the file's extension (text when unknown).
    pub fn guess_format(&self) -> InputFormat {
        match self {
            Source::Stdin => InputFormat::Text,
            Source::File { path, .. } => format_of(path).unwrap_or(InputFormat::Text),
        }
    }

    pub fn open(&self) -> Result<Box<dyn Read>, CliError> {
        match self {
            Source::Stdin => Ok(Box::new(io::stdin().lock())),
            Source::File { path, display } => {
                let file = File::open(path).map_err(|e| CliError::read(display, e))?;
                Ok(Box::new(BufReader::with_capacity(64 * 1024, file)))
            }
        }
    }
}

fn format_of(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    KNOWN_EXTENSIONS
        .iter()
        .find(|(known, _)| *known == ext)
        .map(|(_, format)| *format)
}

/// Turns command-line paths into sources: `-` or no path is standard input, a folder is walked
/// (sorted, hidden entries skipped, only known extensions), anything missing is an error.
pub fn resolve_sources(paths: &[PathBuf]) -> Result<Vec<Source>, CliError> {
    if paths.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let shown = path.to_string_lossy().into_owned();
        let metadata = fs::metadata(path).map_err(|e| CliError::read(&shown, e))?;
        if metadata.is_dir() {
            walk(path, path, &mut sources)?;
        } else {
            sources.push(Source::File {
                path: path.clone(),
                display: shown,
            });
        }
    }
    Ok(sources)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<Source>) -> Result<(), CliError> {
    let shown = dir.to_string_lossy().into_owned();
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| CliError::read(&shown, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !n.starts_with('.'))
        })
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if format_of(&path).is_some() {
            let display = display_in_walk(root, &path);
            out.push(Source::File { path, display });
        }
    }
    Ok(())
}

/// `./a/b.md` walked from `.` shows as `a/b.md`, like Vale; other roots keep their prefix.
fn display_in_walk(root: &Path, path: &Path) -> String {
    if root == Path::new(".") {
        if let Ok(rel) = path.strip_prefix(root) {
            return rel.to_string_lossy().into_owned();
        }
    }
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_extensions_pick_the_reader() {
        assert_eq!(format_of(Path::new("posts.CSV")), Some(InputFormat::Csv));
        assert_eq!(format_of(Path::new("a/b.ndjson")), Some(InputFormat::Jsonl));
        assert_eq!(format_of(Path::new("README")), None);
    }

    #[test]
    fn no_path_means_standard_input() {
        assert_eq!(resolve_sources(&[]).unwrap(), vec![Source::Stdin]);
    }

    #[test]
    fn a_missing_path_is_named_in_the_error() {
        let err = resolve_sources(&[PathBuf::from("no/such/posts.csv")]).unwrap_err();
        assert_eq!(err.to_string(), "no/such/posts.csv: no such file or folder");
    }

    #[test]
    fn files_walked_from_the_current_folder_show_without_dot_slash() {
        assert_eq!(
            display_in_walk(Path::new("."), Path::new("./posts/a.md")),
            "posts/a.md"
        );
        assert_eq!(
            display_in_walk(Path::new("drafts"), Path::new("drafts/a.md")),
            "drafts/a.md"
        );
    }
}
