//! Drafts from the outside world: files, folders and standard input, split into drafts.
//!
//! Every reader streams: a draft is handed to the caller as soon as it is read, so a 100 MB CSV,
//! JSONL or `--each-line` file is processed record by record in constant memory. Positions are
//! kept so output can point back into the file (`line`, first `column`).

mod csv_records;
mod json_records;
mod lines;
mod markdown;
mod sources;

use std::io::{BufRead, BufReader, Read};

use serde_json::{Map, Value};

use crate::cli::args::{InputArgs, InputFormat};
use crate::cli::error::CliError;

pub use sources::{resolve_sources, Source};

/// One draft to check, and where it came from.
#[derive(Debug, Clone)]
pub struct Draft {
    /// File name as shown to the user (`<stdin>` for standard input).
    pub source: String,
    /// 1-based index of the draft within its source.
    pub record: u64,
    /// 1-based line of the source where the draft (or its record) starts.
    pub line: u64,
    /// The draft as written.
    pub text: String,
    /// What the checker sees when it differs from `text` (Markdown markup blanked out, same
    /// byte length so spans stay valid in `text`).
    pub checked_text: Option<String>,
    /// Other CSV columns or JSON fields of the record, kept for the reader of the report.
    pub context: Option<Map<String, Value>>,
    /// A per-record language (a CSV `language`/`lang` column or JSON field), if any.
    pub language: Option<String>,
    /// A per-record platform (a CSV `platform`/`network`/`channel` column or JSON field).
    pub platform: Option<String>,
    /// Whether `line` and the text's own lines map exactly onto lines of the file (text,
    /// Markdown, `--each-line`, CSV); JSON strings keep their line breaks escaped.
    pub lines_follow_file: bool,
    /// Whether the draft is the whole line(s) of the file, so columns are the file's too (text,
    /// Markdown, `--each-line`); a CSV cell or JSON string starts somewhere inside its line.
    pub columns_follow_file: bool,
}

impl Draft {
    /// The text handed to the checker.
    pub fn checked_text(&self) -> &str {
        self.checked_text.as_deref().unwrap_or(&self.text)
    }
}

/// How to split sources into drafts.
#[derive(Debug, Clone)]
pub struct InputOptions {
    pub format: Option<InputFormat>,
    pub each_line: bool,
    pub column: Option<String>,
    pub field: String,
}

impl From<&InputArgs> for InputOptions {
    fn from(args: &InputArgs) -> InputOptions {
        InputOptions {
            format: args.input_format,
            each_line: args.each_line,
            column: args.column.clone(),
            field: args.field.clone(),
        }
    }
}

/// Reads every draft of `source`, in order, handing each to `on_draft`.
pub fn read_drafts(
    source: &Source,
    options: &InputOptions,
    on_draft: &mut dyn FnMut(Draft) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let name = source.display_name();
    let reader = source.open()?;
    if options.each_line {
        return lines::read_lines(&name, reader, on_draft);
    }
    match options.format.unwrap_or_else(|| source.guess_format()) {
        InputFormat::Text => read_whole(&name, reader, false, on_draft),
        InputFormat::Markdown => read_whole(&name, reader, true, on_draft),
        InputFormat::Csv => {
            csv_records::read_csv(&name, reader, options.column.as_deref(), on_draft)
        }
        InputFormat::Jsonl => json_records::read_jsonl(&name, reader, &options.field, on_draft),
        InputFormat::Json => json_records::read_json(&name, reader, &options.field, on_draft),
    }
}

/// A whole file as one draft (plain text or Markdown).
fn read_whole(
    name: &str,
    mut reader: Box<dyn Read>,
    markdown: bool,
    on_draft: &mut dyn FnMut(Draft) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::read(name, e))?;
    let text = utf8_or_error(name, bytes, 1)?;
    let text = strip_bom(text);
    let checked_text = markdown.then(|| markdown::blank_markup(&text));
    on_draft(Draft {
        source: name.to_string(),
        record: 1,
        line: 1,
        text,
        checked_text,
        context: None,
        language: None,
        platform: None,
        lines_follow_file: true,
        columns_follow_file: true,
    })
}

/// Decodes `bytes`, or names the line (counted from `first_line`) of the first invalid byte.
pub(crate) fn utf8_or_error(
    name: &str,
    bytes: Vec<u8>,
    first_line: u64,
) -> Result<String, CliError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = first_line + valid.iter().filter(|&&b| b == b'\n').count() as u64;
        CliError::InvalidUtf8 {
            path: name.to_string(),
            line,
        }
    })
}

/// Streams `reader` line by line: calls `on_line(line_number, text)` for each line (1-based),
/// without its `\n` or `\r\n` ending and without a byte-order mark on the first line. A line
/// that is not UTF-8 is an error naming it. A final newline does not add an empty line.
pub(crate) fn for_each_line(
    name: &str,
    reader: Box<dyn Read>,
    on_line: &mut dyn FnMut(u64, String) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let mut reader = BufReader::new(reader);
    let mut buffer = Vec::new();
    let mut line = 0u64;
    loop {
        buffer.clear();
        let read = reader
            .read_until(b'\n', &mut buffer)
            .map_err(|e| CliError::read(name, e))?;
        if read == 0 {
            return Ok(());
        }
        line += 1;
        if buffer.last() == Some(&b'\n') {
            buffer.pop();
            if buffer.last() == Some(&b'\r') {
                buffer.pop();
            }
        }
        let text = utf8_or_error(name, std::mem::take(&mut buffer), line)?;
        on_line(line, if line == 1 { strip_bom(text) } else { text })?;
    }
}

/// Drops a leading byte-order mark, which editors on Windows like to add.
fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// Reads a per-record language from common column or field names.
pub(crate) fn language_of(context: &Map<String, Value>) -> Option<String> {
    text_under(context, &["language", "lang", "locale"])
}

/// Reads a per-record platform from common column or field names.
pub(crate) fn platform_of(context: &Map<String, Value>) -> Option<String> {
    text_under(context, &["platform", "network", "channel"])
}

/// The first non-empty text value under one of `keys` (case-insensitive).
fn text_under(context: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| {
        context
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .and_then(|(_, v)| v.as_str())
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_line_it_is_on() {
        let bytes = b"fine\nstill fine\nbad \xff here\n".to_vec();
        match utf8_or_error("posts.txt", bytes, 1) {
            Err(CliError::InvalidUtf8 { path, line }) => {
                assert_eq!(path, "posts.txt");
                assert_eq!(line, 3);
            }
            other => panic!("expected invalid UTF-8, got {other:?}"),
        }
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_draft() {
        assert_eq!(strip_bom("\u{feff}Hello".to_string()), "Hello");
        assert_eq!(strip_bom("Hello".to_string()), "Hello");
    }
}
