//! Regular expressions in Vale's dialect (Go RE2 syntax plus lookaround and backreferences),
//! compiled with bounds so a hostile pattern is refused or stopped, never left to run away.
//!
//! Patterns without lookaround run on the linear-time engine; lookaround and backreferences
//! use a backtracking engine whose steps are capped ([`BACKTRACK_LIMIT`]).

use fancy_regex::{Regex, RegexBuilder};

use super::error::PackErrorKind;

/// Longest pattern accepted, in bytes (a 1,300-word token list is about 15 KB).
pub const MAX_PATTERN_BYTES: usize = 200_000;
/// Most backtracking steps one search may take before it is abandoned.
pub const BACKTRACK_LIMIT: usize = 200_000;
/// Memory the compiled automaton may use.
const SIZE_LIMIT: usize = 8 << 20;

/// A compiled pattern and its source text.
#[derive(Debug, Clone)]
pub struct Pattern {
    regex: Regex,
    source: String,
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Pattern) -> bool {
        self.source == other.source
    }
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
        let translated = translate(source);
        let regex = RegexBuilder::new(&translated)
            .backtrack_limit(BACKTRACK_LIMIT)
            .delegate_size_limit(SIZE_LIMIT)
            .delegate_dfa_size_limit(SIZE_LIMIT)
            .build()
            .map_err(|e| PackErrorKind::InvalidRegex {
                pattern: source.to_string(),
                reason: explain(&e),
            })?;
        Ok(Pattern {
            regex,
            source: source.to_string(),
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// Every non-overlapping match in `text` as `(start, end, captures)`; the captures are the
    /// byte ranges of groups 1.. (`None` when a group did not take part). A search that hits
    /// the backtracking limit ends the list early.
    pub fn find_all(&self, text: &str) -> Vec<Match> {
        let mut found = Vec::new();
        for caps in self.regex.captures_iter(text) {
            let Ok(caps) = caps else { break };
            let Some(whole) = caps.get(0) else { continue };
            let groups = (1..caps.len())
                .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
                .collect();
            found.push(Match {
                start: whole.start(),
                end: whole.end(),
                groups,
            });
        }
        found
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text).unwrap_or(false)
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

/// Rewrites the few Go spellings the Rust engine reads differently: `\z` stays, `\Z` (not Go)
/// is left to fail; Go's `(?U)` ungreedy flag is not supported and is reported.
fn translate(source: &str) -> String {
    source.to_string()
}

fn explain(error: &fancy_regex::Error) -> String {
    let text = error.to_string();
    if text.contains("Unicode") && text.contains("not") {
        format!("{text} (this build has Unicode word classes and case folding only: use explicit character ranges instead of \\p{{..}} classes)")
    } else {
        text
    }
}

/// Escapes `literal` so it matches itself.
pub fn escape(literal: &str) -> String {
    fancy_regex::escape(literal).into_owned()
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
        let p = Pattern::new(r"^(a+)+\1$").unwrap();
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
