//! `--format human`: each finding with its source line and a caret under the span, the way
//! compilers show errors (drawn by annotate-snippets), then a one-line summary.
//!
//! Colour is used only when asked for or when standard output is a terminal (and `NO_COLOR` is
//! unset); pipes and files get plain text.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use plume::spell::language::Basis;
use plume::spell::Detected;
use plume::{Diagnostic, Language, Severity};

use super::{Checked, Sink, Totals};

pub struct HumanSink {
    renderer: Renderer,
}

impl HumanSink {
    pub fn new(color: bool) -> HumanSink {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        HumanSink { renderer }
    }

    fn render(&self, checked: &Checked<'_>, d: &Diagnostic) -> String {
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Suggestion => Level::HELP.with_name("suggestion"),
        };
        let (slice_start, slice) = checked.lines_around(d.span);
        let first_line = checked.file_position(slice_start).line as usize;
        let start = slice.floor_char_boundary(d.span.start.saturating_sub(slice_start));
        let end = slice.floor_char_boundary(d.span.end.saturating_sub(slice_start).max(start));
        let label = match d.suggestions.as_slice() {
            [] => String::new(),
            [only] => format!("did you mean “{only}”?"),
            [best, rest @ ..] => format!(
                "did you mean “{best}”? (or {})",
                rest.iter()
                    .take(3)
                    .map(|s| format!("“{s}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let mut group =
            Group::with_title(level.primary_title(d.message.as_str()).id(d.rule.as_str())).element(
                Snippet::source(slice)
                    .line_start(first_line)
                    .path(checked.draft.source.as_str())
                    .annotation(AnnotationKind::Primary.span(start..end).label(label)),
            );
        if !d.why.is_empty() {
            group = group.element(Level::NOTE.message(d.why.as_str()));
        }
        if let Some(link) = &d.link {
            group = group.element(Level::HELP.message(format!("see {link}")));
        }
        // Other rules that flagged the same span: one finding, every reason.
        for reason in &d.also {
            group = group.element(
                Level::NOTE.message(format!("also [{}]: {}", reason.rule, reason.message)),
            );
        }
        self.renderer.render(&[group])
    }
}

impl Sink for HumanSink {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked<'_>) -> io::Result<()> {
        writeln!(out, "{}", language_line(checked))?;
        for d in &checked.report.diagnostics {
            writeln!(out, "{}\n", self.render(checked, d))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let drafts = plural(totals.drafts, "draft");
        if totals.diagnostics == 0 {
            return writeln!(out, "No problems found in {drafts}.");
        }
        let mut parts = Vec::new();
        for (count, name) in [
            (totals.errors, "error"),
            (totals.warnings, "warning"),
            (totals.suggestions, "suggestion"),
        ] {
            if count > 0 {
                parts.push(plural(count, name));
            }
        }
        writeln!(out, "Checked {drafts}: {}.", parts.join(", "))
    }
}

/// `<stdin>:1: read as French`, `post.md:1: read as English (en-GB); line 4 in French`: the
/// language the draft was read in, how, and the paragraphs read in the other one.
fn language_line(checked: &Checked<'_>) -> String {
    let decided = &checked.report.decided_language;
    let name = |language: Detected| match language {
        Detected::English => "English",
        Detected::French => "French",
    };
    let draft = decided.draft;
    let mut line = format!(
        "{}:{}: read as {}",
        checked.draft.source,
        checked.draft.line,
        name(draft.language)
    );
    let how = match draft.basis {
        Basis::Configured => Some("set by --lang or the record"),
        Basis::Weak => Some("few clues"),
        Basis::FromPrior | Basis::FromDraft | Basis::Default => Some("no clue"),
        Basis::Clear => None,
    };
    let variety = draft
        .variety
        .filter(|v| *v != Language::Fr)
        .map(|v| v.code());
    match (variety, how) {
        (Some(v), Some(h)) => line.push_str(&format!(" ({v}, {h})")),
        (Some(v), None) => line.push_str(&format!(" ({v})")),
        (None, Some(h)) => line.push_str(&format!(" ({h})")),
        (None, None) => {}
    }
    let others: Vec<String> = decided
        .paragraphs
        .iter()
        .filter(|p| p.language != draft.language)
        .map(|p| {
            let at = checked.file_position(p.span.start).line;
            format!("line {at} in {}", name(p.language))
        })
        .collect();
    if !others.is_empty() {
        line.push_str("; ");
        line.push_str(&others.join(", "));
    }
    line
}

fn plural(count: u64, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
