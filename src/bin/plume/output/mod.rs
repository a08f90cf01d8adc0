//! Writing results: one sink per `--format`, fed draft by draft so output streams.
//!
//! Every sink sees the same thing — a [`Checked`] draft — and maps positions to the file with
//! [`Checked::file_position`], so all formats agree on lines and columns.

mod human;
mod json;
mod sarif;
mod tone;
mod vale;

use std::io::{self, Write};

use plume::{Diagnostic, Report, Severity, Span};

use crate::cli::args::Format;
use crate::cli::input::Draft;

pub use human::HumanSink;
pub use json::{JsonSink, JsonlSink, SCHEMA_VERSION as JSON_SCHEMA_VERSION};
pub use sarif::SarifSink;
pub use vale::ValeSink;

/// A draft and its report, as handed to a sink.
pub struct Checked<'a> {
    pub draft: &'a Draft,
    pub report: &'a Report,
    /// The language asked for this draft, if any (per record or `--lang`).
    pub language: Option<&'a str>,
    lines: LineIndex,
}

impl<'a> Checked<'a> {
    pub fn new(draft: &'a Draft, report: &'a Report, language: Option<&'a str>) -> Checked<'a> {
        Checked {
            lines: LineIndex::new(&draft.text),
            draft,
            report,
            language,
        }
    }

    /// 1-based line and column (in characters) of a byte offset of the draft, in the file.
    ///
    /// Text, Markdown, `--each-line` and CSV drafts keep their line breaks, so lines follow the
    /// file; the column is counted within the draft's own line. JSON strings escape their line
    /// breaks, so a JSON draft's positions are its record's line and the column in the text.
    pub fn file_position(&self, byte: usize) -> Position {
        let (line_in_text, column) = self.lines.position(&self.draft.text, byte);
        let line = if self.draft.lines_follow_file {
            self.draft.line + line_in_text - 1
        } else {
            self.draft.line
        };
        Position { line, column }
    }

    /// Start and end positions of a diagnostic's span (end is exclusive).
    pub fn span_positions(&self, span: Span) -> (Position, Position) {
        (self.file_position(span.start), self.file_position(span.end))
    }

    /// The whole lines of the draft that a span touches, and the byte offset where they start.
    pub fn lines_around(&self, span: Span) -> (usize, &'a str) {
        let text: &'a str = &self.draft.text;
        // Spans come from the core on character boundaries; flooring keeps slicing safe anyway.
        let span_start = text.floor_char_boundary(span.start);
        let span_end = text.floor_char_boundary(span.end.max(span_start));
        let start = text[..span_start].rfind('\n').map_or(0, |p| p + 1);
        let end = text[span_end..]
            .find('\n')
            .map_or(text.len(), |p| span_end + p);
        let slice = text[start..end].trim_end_matches('\r');
        (start, slice)
    }
}

/// A 1-based line and column (columns count Unicode characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

/// Byte offsets where each line of a text starts.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based (line, column in characters) of `byte` within `text`.
    fn position(&self, text: &str, byte: usize) -> (u64, u64) {
        let byte = byte.min(text.len());
        let line = self.starts.partition_point(|&s| s <= byte) - 1;
        let line_start = self.starts[line];
        let column = text
            .get(line_start..byte)
            .map_or(0, |prefix| prefix.chars().count());
        (line as u64 + 1, column as u64 + 1)
    }
}

/// Counters for the whole run, written at the end by formats that summarise.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Totals {
    pub drafts: u64,
    pub diagnostics: u64,
    pub errors: u64,
    pub warnings: u64,
    pub suggestions: u64,
}

impl Totals {
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.drafts += 1;
        for d in diagnostics {
            self.diagnostics += 1;
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Suggestion => self.suggestions += 1,
            }
        }
    }
}

/// Receives checked drafts in input order and writes them out.
pub trait Sink {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked<'_>) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()>;
}

/// The sink for `--format` in a `check` run.
pub fn sink_for(format: Format, color: bool) -> Box<dyn Sink> {
    match format {
        Format::Human => Box::new(HumanSink::new(color)),
        Format::Json => Box::new(JsonSink::default()),
        Format::Jsonl => Box::new(JsonlSink),
        Format::Sarif => Box::new(SarifSink::default()),
        Format::Vale => Box::new(ValeSink),
    }
}

/// The sink for `--format` in a `tone` run; `None` for formats that only carry findings.
pub fn tone_sink_for(format: Format) -> Option<Box<dyn Sink>> {
    match format {
        Format::Human => Some(Box::new(tone::HumanToneSink)),
        Format::Json => Some(Box::new(tone::JsonToneSink::default())),
        Format::Jsonl => Some(Box::new(tone::JsonlToneSink)),
        Format::Sarif | Format::Vale => None,
    }
}

/// The lowercase name of a severity, as in JSON.
pub fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "suggestion",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> Draft {
        Draft {
            source: "post.txt".into(),
            record: 1,
            line: 4,
            text: text.into(),
            checked_text: None,
            context: None,
            language: None,
            platform: None,
            lines_follow_file: true,
            columns_follow_file: true,
        }
    }

    #[test]
    fn the_lines_around_a_span_exclude_line_endings_and_never_split_a_character() {
        let draft = draft("Café\r\nsee you tomorow\r\nbye");
        let report = Report::default();
        let checked = Checked::new(&draft, &report, None);
        let typo = draft.text.find("tomorow").unwrap();
        assert_eq!(
            checked.lines_around(Span::new(typo, typo + 7)),
            (7, "see you tomorow")
        );
        // Offset 4 is inside "é": slicing floors to the character instead of panicking.
        assert_eq!(checked.lines_around(Span::new(4, 4)), (0, "Café"));
        assert_eq!(checked.file_position(typo), Position { line: 5, column: 9 });
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "Café déjà\nvu tomorow";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 6), (1, 6)); // after "Café " (é is 2 bytes)
        assert_eq!(index.position(text, text.find("tomorow").unwrap()), (2, 4));
        assert_eq!(index.position(text, text.len()), (2, 11));
    }
}
