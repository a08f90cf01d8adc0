//! The report contract: what a check returns to the extension, the CLI and tests.
//!
//! A [`Diagnostic`] carries its span twice: as UTF-8 byte offsets (what Rust slices with) and as
//! UTF-16 code units (what the DOM counts in). Rules only ever produce byte spans; the UTF-16 span
//! is filled once, by [`Report::from_findings`], through the one offset table in `text::offsets`.
//!
//! One diagnostic per span: when rules of different rooms (or two rules of one room) flag exactly
//! the same text, the report holds one diagnostic for it, counted once; the other rules' reasons
//! ride along in [`Diagnostic::also`] and their suggestions are merged in.

use serde::{Deserialize, Serialize};

use crate::text::offsets::Utf16Index;

/// Which room of Plume raised a diagnostic; the extension colours underlines by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Spelling,
    Tone,
    Guideline,
    Platform,
    Grammar,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 5] = [
        Category::Spelling,
        Category::Tone,
        Category::Guideline,
        Category::Platform,
        Category::Grammar,
    ];

    /// The lowercase name used in JSON and rule ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Spelling => "spelling",
            Category::Tone => "tone",
            Category::Guideline => "guideline",
            Category::Platform => "platform",
            Category::Grammar => "grammar",
        }
    }
}

/// How strongly a diagnostic asks for a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Suggestion,
    Warning,
    Error,
}

/// A half-open range of UTF-8 byte offsets into the checked text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A half-open range of UTF-16 code-unit offsets, as the DOM and JavaScript strings count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Utf16Span {
    pub start: usize,
    pub end: usize,
}

/// A stable rule identifier such as `spelling.unknown-word` or `tone.shouting`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RuleId(pub String);

impl RuleId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for RuleId {
    fn from(id: &str) -> RuleId {
        RuleId(id.to_string())
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a rule found, before offsets are translated for the outside world.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub category: Category,
    pub rule: RuleId,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub why: String,
    pub link: Option<String>,
    pub suggestions: Vec<String>,
}

impl Finding {
    /// A finding without a link (rules with a guideline link set `link` afterwards).
    pub fn new(
        category: Category,
        rule: &str,
        severity: Severity,
        span: Span,
        message: String,
        why: &str,
        suggestions: Vec<String>,
    ) -> Finding {
        Finding {
            category,
            rule: RuleId::from(rule),
            severity,
            span,
            message,
            why: why.to_string(),
            link: None,
            suggestions,
        }
    }
}

/// One problem in the text, with everything a person needs to understand and fix it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub category: Category,
    pub rule: RuleId,
    pub severity: Severity,
    /// UTF-8 byte offsets.
    pub span: Span,
    /// UTF-16 code-unit offsets of the same range.
    pub utf16: Utf16Span,
    /// What is wrong, in a few words.
    pub message: String,
    /// One sentence a trainee learns from.
    pub why: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Replacement strings for the span, best first.
    pub suggestions: Vec<String>,
    /// Other rules that flagged exactly the same span, most important first: one problem gets
    /// one underline and one count, and the popover shows every reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Reason>,
}

/// Why another rule flagged the same span as a [`Diagnostic`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub category: Category,
    pub rule: RuleId,
    pub severity: Severity,
    pub message: String,
    pub why: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Diagnostic {
    /// The rules behind this diagnostic: its own, then those in [`Diagnostic::also`].
    pub fn rules(&self) -> impl Iterator<Item = &RuleId> {
        std::iter::once(&self.rule).chain(self.also.iter().map(|r| &r.rule))
    }

    /// Folds `other`, which flags the same span, into this diagnostic: its reason goes to
    /// `also` and its suggestions follow this one's, without repeats.
    fn absorb(&mut self, other: Finding) {
        for suggestion in other.suggestions {
            if !self.suggestions.contains(&suggestion) {
                self.suggestions.push(suggestion);
            }
        }
        self.also.push(Reason {
            category: other.category,
            rule: other.rule,
            severity: other.severity,
            message: other.message,
            why: other.why,
            link: other.link,
        });
    }
}

/// Counters a badge or a CI summary shows without walking the diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub total: usize,
    pub spelling: usize,
    pub tone: usize,
    pub guideline: usize,
    pub platform: usize,
    pub grammar: usize,
    pub errors: usize,
    pub warnings: usize,
    pub suggestions: usize,
    /// Words in the text (hashtags, mentions and links excluded).
    pub words: usize,
    /// Length of the text in UTF-16 code units, as a browser counts it.
    pub utf16_length: usize,
}

/// The result of one check: diagnostics sorted by position, and summary counters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// How the draft sounds: scores, sentiment and a one-word label (empty when tone is off).
    #[serde(default)]
    pub tone: crate::tone::ToneSummary,
    /// Counters of the platform set in `CheckOptions.platform` (e.g. X's weighted length).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<crate::guide::PlatformCounters>,
    /// Languages the text was detected in whose dictionary is not loaded (`fr` in the browser
    /// until `load_dictionary`): those paragraphs were not spell-checked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_dictionaries: Vec<crate::config::Language>,
    /// The language the draft, and each paragraph (line), was read in, and how it was decided.
    #[serde(default)]
    pub decided_language: crate::spell::DecidedLanguage,
}

impl Report {
    /// Builds the report for `text`: one diagnostic per span (findings on the same span merged,
    /// the most severe first), sorted by position, with UTF-16 spans.
    pub fn from_findings(text: &str, findings: Vec<Finding>, words: usize) -> Report {
        Report::from_findings_in(text, findings, words, Default::default())
    }

    /// [`Report::from_findings`] with the languages the text was read in (their paragraphs'
    /// UTF-16 spans are filled here).
    pub fn from_findings_in(
        text: &str,
        mut findings: Vec<Finding>,
        words: usize,
        mut decided_language: crate::spell::DecidedLanguage,
    ) -> Report {
        // Same span together, the most severe first, then by room; stable, so rules keep
        // their order within a room.
        findings.sort_by(|a, b| {
            (
                a.span.start,
                a.span.end,
                std::cmp::Reverse(a.severity),
                a.category,
            )
                .cmp(&(
                    b.span.start,
                    b.span.end,
                    std::cmp::Reverse(b.severity),
                    b.category,
                ))
        });
        let index = Utf16Index::new(text);
        for paragraph in &mut decided_language.paragraphs {
            paragraph.utf16 = index.span_to_utf16(paragraph.span);
        }
        let mut summary = Summary {
            words,
            utf16_length: index.utf16_len(),
            ..Summary::default()
        };
        let mut diagnostics: Vec<Diagnostic> = Vec::with_capacity(findings.len());
        for f in findings {
            if let Some(last) = diagnostics.last_mut() {
                if last.span == f.span {
                    if !last.rules().any(|r| *r == f.rule) {
                        last.absorb(f);
                    }
                    continue;
                }
            }
            summary.count(f.category, f.severity);
            diagnostics.push(Diagnostic {
                utf16: index.span_to_utf16(f.span),
                category: f.category,
                rule: f.rule,
                severity: f.severity,
                span: f.span,
                message: f.message,
                why: f.why,
                link: f.link,
                suggestions: f.suggestions,
                also: Vec::new(),
            });
        }
        Report {
            diagnostics,
            summary,
            tone: crate::tone::ToneSummary::default(),
            platform: None,
            missing_dictionaries: Vec::new(),
            decided_language,
        }
    }
}

impl Summary {
    fn count(&mut self, category: Category, severity: Severity) {
        self.total += 1;
        match category {
            Category::Spelling => self.spelling += 1,
            Category::Tone => self.tone += 1,
            Category::Guideline => self.guideline += 1,
            Category::Platform => self.platform += 1,
            Category::Grammar => self.grammar += 1,
        }
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Suggestion => self.suggestions += 1,
        }
    }
}

/// Appends `findings` moved `offset` bytes further into the text.
pub fn extend_shifted(out: &mut Vec<Finding>, findings: &[Finding], offset: usize) {
    out.extend(findings.iter().map(|f| Finding {
        span: crate::text::lines::shift(f.span, offset),
        ..f.clone()
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(start: usize, end: usize, category: Category) -> Finding {
        Finding {
            category,
            rule: RuleId::from(format!("{}.rule", category.as_str()).as_str()),
            severity: Severity::Warning,
            span: Span::new(start, end),
            message: "m".into(),
            why: "w".into(),
            link: None,
            suggestions: vec![],
        }
    }

    #[test]
    fn report_sorts_by_position_and_adds_utf16_spans() {
        let text = "😀 abc déf";
        // "abc" is at bytes 5..8 but UTF-16 3..6 (the emoji is 4 bytes, 2 units).
        let report = Report::from_findings(
            text,
            vec![
                finding(9, 13, Category::Tone),
                finding(5, 8, Category::Spelling),
            ],
            2,
        );
        assert_eq!(report.diagnostics[0].utf16, Utf16Span { start: 3, end: 6 });
        assert_eq!(report.diagnostics[1].utf16, Utf16Span { start: 7, end: 10 });
        assert_eq!(report.summary.spelling, 1);
        assert_eq!(report.summary.tone, 1);
        assert_eq!(report.summary.total, 2);
        assert_eq!(report.summary.utf16_length, 10);
    }

    #[test]
    fn diagnostic_serialises_with_lowercase_enums() {
        let report = Report::from_findings("abc", vec![finding(0, 3, Category::Spelling)], 1);
        let json = serde_json::to_value(&report.diagnostics[0]).unwrap();
        assert_eq!(json["category"], "spelling");
        assert_eq!(json["severity"], "warning");
        assert_eq!(json["rule"], "spelling.rule");
        assert_eq!(json["utf16"]["end"], 3);
        assert!(json.get("link").is_none());
        assert!(json.get("also").is_none());
    }

    #[test]
    fn every_pair_of_rooms_on_one_span_makes_one_diagnostic_counted_once() {
        for (i, first) in Category::ALL.iter().enumerate() {
            for second in &Category::ALL[i + 1..] {
                let mut a = finding(0, 3, *first);
                a.suggestions = vec!["!".into(), "?".into()];
                let mut b = finding(0, 3, *second);
                b.suggestions = vec!["!".into(), ".".into()];
                b.message = "second".into();
                let report = Report::from_findings("!!! ok", vec![b, a, finding(4, 6, *first)], 1);
                assert_eq!(report.diagnostics.len(), 2, "{first:?} and {second:?}");
                assert_eq!(report.summary.total, 2, "{first:?} and {second:?}");
                let merged = &report.diagnostics[0];
                assert_eq!(merged.category, *first, "rooms in display order");
                assert_eq!(merged.suggestions, vec!["!", "?", "."]);
                assert_eq!(merged.also.len(), 1);
                assert_eq!(merged.also[0].category, *second);
                assert_eq!(merged.also[0].message, "second");
                assert_eq!(
                    merged.rules().map(RuleId::as_str).collect::<Vec<_>>(),
                    vec![
                        format!("{}.rule", first.as_str()),
                        format!("{}.rule", second.as_str())
                    ]
                );
            }
        }
    }

    #[test]
    fn the_most_severe_finding_leads_a_merged_span() {
        let mut tone = finding(0, 3, Category::Tone);
        tone.severity = Severity::Error;
        let report = Report::from_findings("abc", vec![finding(0, 3, Category::Spelling), tone], 1);
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].category, Category::Tone);
        assert_eq!(report.summary.errors, 1);
        assert_eq!(report.summary.warnings, 0);
        assert_eq!(report.diagnostics[0].also[0].category, Category::Spelling);
    }

    #[test]
    fn overlapping_but_different_spans_stay_apart() {
        let report = Report::from_findings(
            "abc def",
            vec![
                finding(0, 7, Category::Tone),
                finding(0, 3, Category::Spelling),
            ],
            2,
        );
        assert_eq!(report.diagnostics.len(), 2);
        assert!(report.diagnostics.iter().all(|d| d.also.is_empty()));
    }
}
