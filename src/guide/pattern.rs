//! Patterns in Vale's dialect (Go RE2 syntax plus lookaround and backreferences), compiled by
//! Plume's own engine (`super::regex`) with bounds so a hostile pattern is refused or stopped,
//! never left to run away.

use super::error::PackErrorKind;
use super::regex::Regex;
use crate::cache::UnitCache;

/// Longest pattern accepted, in bytes (a 1,300-word token list is about 15 KB).
pub const MAX_PATTERN_BYTES: usize = 200_000;

/// Most matcher steps a pattern may take on one probe text (a few hundred characters) before
/// it is refused as backtracking catastrophically. Ordinary patterns take a few thousand.
pub const PROBE_STEPS: usize = 200_000;

/// Most matcher steps trying every pattern of one pack (or one Vale style) may take when it is
/// loaded: a pack of a thousand rules that each pass the probe must not take minutes to load.
pub const LOAD_STEPS: usize = 10_000_000;

/// Texts every pattern is tried on when it is compiled: runs of the characters nested
/// repeats such as `(a+)+`, `(\w+\s?)+` or `(.*,)*` backtrack on (plus each letter and digit
/// the pattern names), ended by a character no ordinary pattern expects, so the overall match
/// fails and every way of splitting the run is tried.
const PROBE_UNITS: [&str; 8] = ["a", "a ", "aa-", "1", " ", ", ", "a.", "A"];
const PROBE_REPEAT: usize = 48;

/// A compiled pattern and its source text.
#[derive(Debug, Clone)]
pub struct Pattern {
    regex: Regex,
    source: String,
    /// For a pattern whose matches stay within a line: each line's matches, so a draft of
    /// several lines searched again after a keystroke is only searched in the line that changed.
    /// A single line is not remembered here (the guide's per-line cache remembers its findings).
    lines: Option<Box<UnitCache<(), Vec<Match>>>>,
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Pattern) -> bool {
        self.regex == other.regex && self.source == other.source
    }
}

/// Texts shorter than this are searched whole (a post's line is cheaper to search than to look
/// up), and so is a text of one line.
const SEARCHED_BY_LINE_FROM: usize = 512;

/// Lines remembered per pattern and generation.
const REMEMBERED_LINES: usize = 1024;

impl Pattern {
    /// Compiles `source`, a Vale-dialect pattern.
    pub fn new(source: &str) -> Result<Pattern, PackErrorKind> {
        if source.len() > MAX_PATTERN_BYTES {
            return Err(PackErrorKind::TooLarge(format!(
                "a pattern of {} bytes (at most {MAX_PATTERN_BYTES})",
                source.len()
            )));
        }
        let regex = Regex::new(source).map_err(|reason| PackErrorKind::InvalidRegex {
            pattern: source.to_string(),
            reason,
        })?;
        if let Some(probe) = runaway_probe(&regex, source) {
            if super::regex::shared_budget_spent() {
                return Err(PackErrorKind::TooLarge(format!(
                    "trying its patterns takes more than {LOAD_STEPS} steps; write fewer or simpler patterns"
                )));
            }
            return Err(PackErrorKind::InvalidRegex {
                pattern: source.to_string(),
                reason: format!(
                    "it backtracks catastrophically: more than {PROBE_STEPS} steps on the probe text {probe:?} \
                     (nested repeats such as `(a+)+` or `(\\w+\\s?)+`; make the inner or the outer repeat match one way only)"
                ),
            });
        }
        let lines = regex
            .is_line_local()
            .then(|| Box::new(UnitCache::new(REMEMBERED_LINES)));
        Ok(Pattern {
            regex,
            source: source.to_string(),
            lines,
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// Every non-overlapping match in `text`. A search that exhausts its step budget ends the
    /// list early.
    pub fn find_all(&self, text: &str) -> Vec<Match> {
        let Some(lines) = self
            .lines
            .as_ref()
            .filter(|_| text.len() >= SEARCHED_BY_LINE_FROM && text.contains('\n'))
        else {
            return self.search(text);
        };
        // No match crosses a line break: the matches of each line, shifted, are the text's.
        let mut out = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            // A search cut short by the check's shared budget is not remembered.
            let found = lines.get_or_make_complete(
                line,
                &(),
                || self.search(line),
                || !super::regex::shared_budget_spent(),
            );
            out.extend(found.iter().map(|m| m.shifted(start)));
            start += line.len() + 1;
        }
        out
    }

    fn search(&self, text: &str) -> Vec<Match> {
        self.regex
            .find_all(text)
            .into_iter()
            .map(|f| Match {
                start: f.start,
                end: f.end,
                groups: f.groups,
            })
            .collect()
    }

    /// Whether every match lies within one line (see [`Regex::is_line_local`]).
    pub fn is_line_local(&self) -> bool {
        self.regex.is_line_local()
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }
}

/// The probe text (shortened) on which `regex` exceeds [`PROBE_STEPS`], if any.
fn runaway_probe(regex: &Regex, source: &str) -> Option<String> {
    let mut literals: Vec<String> = Vec::new();
    let mut escaped = false;
    for c in source.chars() {
        if !escaped && c.is_ascii_alphanumeric() && !literals.iter().any(|l| l.starts_with(c)) {
            literals.push(c.to_string());
        }
        escaped = !escaped && c == '\\';
        if literals.len() == 12 {
            break;
        }
    }
    let units = PROBE_UNITS.iter().map(|u| u.to_string()).chain(literals);
    units.into_iter().find_map(|unit| {
        let probe = format!("{}\u{1}", unit.repeat(PROBE_REPEAT));
        let (_, used) = regex.search_within(&probe, PROBE_STEPS);
        used.stopped.then(|| format!("{}…", unit.repeat(3)))
    })
}

/// One match: byte range and capture groups 1...
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub groups: Vec<Option<(usize, usize)>>,
}

impl Match {
    /// The match `offset` bytes further into the text.
    fn shifted(&self, offset: usize) -> Match {
        let shift = |(s, e): (usize, usize)| (s + offset, e + offset);
        Match {
            start: self.start + offset,
            end: self.end + offset,
            groups: self.groups.iter().map(|g| g.map(shift)).collect(),
        }
    }

    /// Index (0-based, counting groups 1..) of the first group that took part.
    pub fn first_group(&self) -> Option<usize> {
        self.groups.iter().position(Option::is_some)
    }
}

/// Escapes `literal` so it matches itself.
pub fn escape(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len() + 8);
    for c in literal.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookahead_and_backreferences_are_supported() {
        let p = Pattern::new(r"\b(\w+) \1\b").unwrap();
        let m = p.find_all("it is the the end");
        assert_eq!((m[0].start, m[0].end), (6, 13));
        let p = Pattern::new(r"\bgiveaway\b(?!.*#ad)").unwrap();
        assert!(p.is_match("Big giveaway today!"));
        assert!(!p.is_match("Big giveaway today! #ad"));
    }

    #[test]
    fn word_boundaries_and_case_folding_work_on_french_letters() {
        let p = Pattern::new(r"(?i)\bété\b").unwrap();
        assert_eq!(p.find_all("Cet ÉTÉ, l'été arrive").len(), 2);
    }

    #[test]
    fn a_long_text_searched_line_by_line_gives_the_matches_of_a_whole_search() {
        let text =
            "Our giveaway starts now (gifted by @acme)\n\nIn partnership with Acme: a GIVEAWAY!\n"
                .repeat(20);
        for source in [
            r"(?i)\b(?:giveaway|gifted|in partnership with)\b",
            r"(?i)(giveaway)|(partnership)",
            r"(?m)^\w+",
            r"x*",
        ] {
            let pattern = Pattern::new(source).unwrap();
            assert!(pattern.lines.is_some(), "{source} stays within a line");
            let whole = pattern.search(&text);
            assert_eq!(pattern.find_all(&text), whole, "{source}");
            // Again, every line now remembered.
            assert_eq!(pattern.find_all(&text), whole, "{source}");
        }
    }

    #[test]
    fn a_long_single_line_is_searched_whole_and_not_remembered() {
        let line = "Our giveaway starts now (gifted by @acme). ".repeat(20);
        let pattern = Pattern::new(r"(?i)\bgiveaway\b").unwrap();
        assert_eq!(pattern.find_all(&line), pattern.search(&line));
        assert_eq!(pattern.lines.as_ref().map(|lines| lines.len()), Some(0));
    }

    #[test]
    fn an_invalid_pattern_is_a_typed_error() {
        let err = Pattern::new(r"(unclosed").unwrap_err();
        assert!(matches!(err, PackErrorKind::InvalidRegex { .. }));
    }

    #[test]
    fn a_catastrophic_pattern_is_refused_when_compiled() {
        for source in [r"^(a+)+$", r"(x+x+)+y", r"(?=(\w+\s?)+$)"] {
            let err = Pattern::new(source).unwrap_err();
            assert!(
                matches!(&err, PackErrorKind::InvalidRegex { reason, .. } if reason.contains("backtracks catastrophically")),
                "{source}: {err:?}"
            );
        }
    }

    #[test]
    fn a_huge_pattern_is_refused() {
        let huge = "a|".repeat(MAX_PATTERN_BYTES);
        assert!(matches!(
            Pattern::new(&huge),
            Err(PackErrorKind::TooLarge(_))
        ));
    }
}
