//! Words: is this word known, and what did the writer mean?
//!
//! The walking skeleton's speller: the en-US SCOWL stems (affixes not yet expanded) in a hash set,
//! with suggestions by Damerau–Levenshtein distance. The spelling issue replaces the word store
//! with dictionaries compiled at build time.

mod distance;

use std::collections::HashSet;

use crate::report::{Category, Finding, RuleId, Severity};
use crate::text::{Token, TokenKind};

pub use distance::damerau_levenshtein;

/// Rule id of an unknown word.
pub const UNKNOWN_WORD: &str = "spelling.unknown-word";

const EN_US_DIC: &str = include_str!("../../data/dictionaries/en-US/index.dic");

/// Inflected function words that SCOWL lists only through affix rules the skeleton does not expand.
const SUPPLEMENT: &[&str] = &["is", "has", "does", "goes", "am"];

/// Known words and the suggestions for unknown ones.
#[derive(Debug, Clone)]
pub struct Speller {
    words: HashSet<String>,
    personal: HashSet<String>,
}

impl Speller {
    /// The en-US speller plus the user's own words.
    pub fn new(personal: &[String]) -> Speller {
        let words = EN_US_DIC
            .lines()
            .skip(1)
            .map(|line| line.split('/').next().unwrap_or(line))
            .filter(|w| !w.is_empty())
            .chain(SUPPLEMENT.iter().copied())
            .map(str::to_lowercase)
            .collect();
        Speller {
            words,
            personal: personal.iter().map(|w| w.to_lowercase()).collect(),
        }
    }

    /// Whether `word` is spelled correctly (case-insensitively for now).
    pub fn is_known(&self, word: &str) -> bool {
        let lower = word.to_lowercase().replace('’', "'");
        self.words.contains(&lower) || self.personal.contains(&lower)
    }

    /// Up to `limit` known words closest to `word`, best first, in the word's own case.
    pub fn suggest(&self, word: &str, limit: usize) -> Vec<String> {
        let lower = word.to_lowercase();
        let first = lower.chars().next();
        let mut scored: Vec<(usize, bool, bool, usize, &String)> = self
            .words
            .iter()
            .filter_map(|candidate| {
                let d = damerau_levenshtein(&lower, candidate, 2)?;
                // Ties: a swap of neighbours is the commonest typo, then keep the first letter.
                let not_swap = !is_single_swap(&lower, candidate);
                let first_differs = candidate.chars().next() != first;
                Some((
                    d,
                    not_swap,
                    first_differs,
                    candidate.len().abs_diff(lower.len()),
                    candidate,
                ))
            })
            .collect();
        scored.sort();
        scored
            .into_iter()
            .take(limit)
            .map(|(.., w)| match_case(word, w))
            .collect()
    }

    /// Flags unknown words among `tokens`.
    pub fn check(&self, text: &str, tokens: &[Token], out: &mut Vec<Finding>) {
        for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let word = token.text(text);
            if self.is_known(word) {
                continue;
            }
            out.push(Finding {
                category: Category::Spelling,
                rule: RuleId::from(UNKNOWN_WORD),
                severity: Severity::Error,
                span: token.span,
                message: format!("“{word}” may be misspelled"),
                why: "A typo in a brand post is the first thing readers screenshot; check the spelling or add the word to your dictionary.".into(),
                link: None,
                suggestions: self.suggest(word, 5),
            });
        }
    }
}

/// Whether `b` is `a` with exactly two neighbouring characters swapped.
fn is_single_swap(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() != b.len() {
        return false;
    }
    let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    diffs.len() == 2
        && diffs[1] == diffs[0] + 1
        && a[diffs[0]] == b[diffs[1]]
        && a[diffs[1]] == b[diffs[0]]
}

/// Gives `suggestion` the case pattern of `original`: `Teh` → `The`, `TEH` → `THE`.
pub fn match_case(original: &str, suggestion: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_upper {
        return suggestion.to_uppercase();
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut chars = suggestion.chars();
        return match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    suggestion.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn common_words_are_known_and_typos_are_not() {
        let speller = Speller::new(&[]);
        assert!(speller.is_known("launch"));
        assert!(speller.is_known("Tomorrow"));
        assert!(!speller.is_known("tomorow"));
    }

    #[test]
    fn suggestions_keep_the_case_of_the_typo() {
        let speller = Speller::new(&[]);
        assert_eq!(speller.suggest("tomorow", 3)[0], "tomorrow");
        assert_eq!(match_case("Teh", "the"), "The");
        assert_eq!(match_case("TEH", "the"), "THE");
    }

    #[test]
    fn personal_words_are_never_flagged() {
        let text = "Plumey rock";
        let speller = Speller::new(&["plumey".to_string()]);
        let mut out = vec![];
        speller.check(text, &tokenize(text), &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}
