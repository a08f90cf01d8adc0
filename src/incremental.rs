//! Reuse of line-local results between checks of a draft that is being typed.
//!
//! A keystroke changes one line of a draft; every other line is checked again with the same
//! result. The results that depend on nothing but a line's own text (and the language and the
//! checker's fixed settings) are kept in a bounded [`LineCache`] keyed by that text, so the next
//! check only recomputes the lines that changed. Today that is spelling with a fixed language:
//! the speller reads a draft line by line (words, hashtags, a/an, repeated words), and its only
//! draft-level rule, mixed American/British spelling, runs with `auto` alone, which is not
//! cached. Tone and guideline rules still read the whole draft (see ARCHITECTURE.md).

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use crate::config::Language;
use crate::report::{Finding, Span};
use crate::text::Token;

/// How many lines are remembered before the cache starts over (a few long documents).
const CAPACITY: usize = 4096;

/// One remembered line: its text (to rule out hash collisions) and its findings, with spans
/// relative to the line's start.
#[derive(Debug)]
struct Entry {
    language: Language,
    line: Box<str>,
    findings: Vec<Finding>,
}

/// Findings per (line text, language), bounded, shared between checks through a mutex so a
/// [`crate::Checker`] stays `Send + Sync` and `check` keeps taking `&self`.
#[derive(Debug, Default)]
pub struct LineCache {
    entries: Mutex<HashMap<u64, Entry>>,
}

impl Clone for LineCache {
    /// A clone starts empty: results are cheap to recompute and belong to one checker.
    fn clone(&self) -> LineCache {
        LineCache::default()
    }
}

impl LineCache {
    /// Forgets everything (the settings the results depend on changed).
    pub fn clear(&mut self) {
        self.entries
            .get_mut()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clear();
    }

    /// Runs `check` on every line of `text` that holds tokens, with the line's own text and
    /// tokens (spans relative to the line), or reuses what it returned for the same line and
    /// language before; appends the findings, shifted to `text`'s offsets, to `out` in line
    /// order.
    pub fn by_line(
        &self,
        text: &str,
        tokens: &[Token],
        language: Language,
        out: &mut Vec<Finding>,
        check: impl Fn(&str, &[Token], &mut Vec<Finding>),
    ) {
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut line_tokens = Vec::new();
        let mut rest = tokens;
        for (start, line) in lines(text) {
            let end = start + line.len();
            // Tokens never cross a line break, so each line's tokens are one run.
            let count = rest.iter().take_while(|t| t.span.end <= end).count();
            let (here, after) = rest.split_at(count);
            rest = after;
            if here.is_empty() {
                continue;
            }
            let key = key(language, line);
            if let Some(entry) = entries.get(&key) {
                if entry.language == language && *entry.line == *line {
                    out.extend(entry.findings.iter().map(|f| shifted(f, start)));
                    continue;
                }
            }
            line_tokens.clear();
            line_tokens.extend(here.iter().map(|t| Token {
                kind: t.kind,
                span: Span::new(t.span.start - start, t.span.end - start),
            }));
            let mut findings = Vec::new();
            check(line, &line_tokens, &mut findings);
            out.extend(findings.iter().map(|f| shifted(f, start)));
            if entries.len() >= CAPACITY {
                entries.clear();
            }
            entries.insert(
                key,
                Entry {
                    language,
                    line: line.into(),
                    findings,
                },
            );
        }
    }
}

/// The lines of `text` with their byte offsets, without their line breaks.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let at = start;
        start += line.len() + 1;
        (at, line)
    })
}

fn key(language: Language, line: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    language.hash(&mut hasher);
    line.hash(&mut hasher);
    hasher.finish()
}

/// `finding` moved `offset` bytes further into the text.
fn shifted(finding: &Finding, offset: usize) -> Finding {
    Finding {
        span: Span::new(finding.span.start + offset, finding.span.end + offset),
        ..finding.clone()
    }
}

#[cfg(test)]
mod tests {
    use crate::guide::{shipped_pack, Platform};
    use crate::{CheckOptions, Checker, Config, Language};
    use proptest::prelude::*;

    const ENGLISH: &str =
        "Big news! Our summer colection drops tomorow at 9am 🌞 #SummerSale @acme_store\n\
        Swipe through the the new linen shirts and a umbrella in every colour.\n\
        \n\
        We LOVE hearing from you, so tell us what you think — link in bio 👉 bit.ly/3xYz\n\
        Honestly this is the most amazing, incredible, game-changing launch ever!!!\n\
        Our guys worked hard; utilize the code SUNNY20 before Friday.";

    const FRENCH: &str =
        "Grande nouvelle ! Notre colection d'été arrive demain à 9h 🌞 #SoldesEte @acme\n\
        Découvrez les les nouvelles chemises en lin et les sandales que vous attendiez.\n\
        \n\
        Nous ADORONS vos messages, alors dites-nous ce que vous en pensez — lien en bio\n\
        C'est vraiment le lancement le plus incroyable de tous les temps !!!\n\
        Merci a toute l'équipe, vous êtes géniaux.";

    fn checker(packs: &[&str]) -> Checker {
        let packs = packs
            .iter()
            .map(|name| shipped_pack(name).expect("a shipped pack"))
            .collect();
        Checker::new(Config {
            packs,
            ..Config::default()
        })
        .expect("a valid configuration")
    }

    /// `text` with `edit` applied near `at` (a share of its length): insert a letter, delete a
    /// character, or insert a line break.
    fn edited(text: &str, at: f64, edit: u8) -> String {
        let mut i = ((text.len() as f64) * at) as usize;
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        let mut out = text.to_string();
        match edit % 4 {
            0 => out.insert(i, 'e'),
            1 => out.insert(i, 'Z'),
            2 => out.insert(i, '\n'),
            _ => {
                if let Some(c) = out[i..].chars().next() {
                    out.replace_range(i..i + c.len_utf8(), "");
                }
            }
        }
        out
    }

    #[test]
    fn a_checker_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Checker>();
    }

    #[test]
    fn a_warm_check_after_an_edit_in_one_paragraph_equals_a_cold_check() {
        let warm = checker(&["social-essentials", "acme"]);
        for (text, language) in [(ENGLISH, Language::EnUs), (FRENCH, Language::Fr)] {
            let options = CheckOptions {
                language: Some(language),
                platform: Some(Platform::X),
                ..CheckOptions::default()
            };
            let first = warm.check(text, &options);
            assert!(!first.diagnostics.is_empty());
            let changed = text
                .replacen("tomorow", "tomorrow", 1)
                .replacen("demain", "demian", 1);
            let after = warm.check(&changed, &options);
            assert_eq!(after, warm.clone().check(&changed, &options));
            // Back to the first version: every line now comes from the cache.
            assert_eq!(warm.check(text, &options), first);
        }
    }

    #[test]
    fn the_same_line_in_another_language_is_not_reused() {
        let warm = checker(&[]);
        let line = "Our summer colection drops tomorow";
        let english = CheckOptions {
            language: Some(Language::EnUs),
            ..CheckOptions::default()
        };
        let french = CheckOptions {
            language: Some(Language::Fr),
            ..CheckOptions::default()
        };
        let in_english = warm.check(line, &english);
        assert_eq!(warm.check(line, &french), warm.clone().check(line, &french));
        assert_eq!(warm.check(line, &english), in_english);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn random_edits_give_the_same_report_warm_and_cold(
            french in any::<bool>(),
            language in 0u8..4,
            platform in proptest::option::of(prop::sample::select(vec![
                Platform::X, Platform::Linkedin, Platform::Instagram, Platform::Mastodon,
            ])),
            edits in prop::collection::vec((0.0f64..1.0, any::<u8>()), 1..5),
        ) {
            let warm = checker(&["social-essentials", "acme", "acme-fr", "inclusive-en"]);
            let language = [Language::EnUs, Language::EnGb, Language::Fr, Language::Auto]
                [language as usize];
            let options = CheckOptions {
                language: Some(language),
                platform,
                ..CheckOptions::default()
            };
            let mut text = if french { FRENCH } else { ENGLISH }.to_string();
            warm.check(&text, &options);
            for (at, edit) in edits {
                text = edited(&text, at, edit);
                let cold = warm.clone().check(&text, &options);
                prop_assert_eq!(warm.check(&text, &options), cold);
            }
        }
    }
}
