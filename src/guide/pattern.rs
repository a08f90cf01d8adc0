//! Patterns in Vale's dialect (Go RE2 syntax plus lookaround and backreferences), compiled by
//! Plume's own engine (`super::regex`) with bounds so a hostile pattern is refused or stopped,
//! never left to run away.

use super::error::PackErrorKind;
use super::regex::Regex;

/// Longest pattern accepted, in bytes (a 1,300-word token list is about 15 KB).
pub const MAX_PATTERN_BYTES: usize = 200_000;

/// A compiled pattern and its source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    regex: Regex,
    source: String,
}

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
        Ok(Pattern {
            regex,
            source: source.to_string(),
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// Every non-overlapping match in `text`. A search that exhausts its step budget ends the
    /// list early.
    pub fn find_all(&self, text: &str) -> Vec<Match> {
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

/// One match: byte range and capture groups 1...
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub groups: Vec<Option<(usize, usize)>>,
}

impl Match {
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
    fn an_invalid_pattern_is_a_typed_error() {
        let err = Pattern::new(r"(unclosed").unwrap_err();
        assert!(matches!(err, PackErrorKind::InvalidRegex { .. }));
    }

    #[test]
    fn a_catastrophic_pattern_stops_instead_of_running_away() {
        let p = Pattern::new(r"^(a+)+$").unwrap();
        let text = format!("{}b", "a".repeat(40));
        assert!(p.find_all(&text).is_empty());
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
