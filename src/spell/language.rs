//! Which language is this paragraph in? Cheap signals only: stop words, accents and elisions.
//!
//! Used when the draft's language is `auto`: each paragraph (a line) is scored; a paragraph with
//! too few signals (`🔥 #TBT`) takes the language of the whole draft.

use std::sync::OnceLock;

use crate::text::{Token, TokenKind};

/// The language family a paragraph is checked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detected {
    English,
    French,
}

const ENGLISH_STOP_WORDS: &[&str] = &[
    "the", "and", "is", "are", "was", "to", "of", "in", "for", "with", "this", "that", "it", "you",
    "your", "we", "our", "on", "at", "be", "have", "has", "will", "can", "from", "my", "what",
    "all", "so", "just", "not", "do", "don't", "it's", "i'm", "they", "new", "get", "now", "here",
    "how", "who", "about", "an", "by", "or", "but", "if", "out", "up", "more", "today",
];

const FRENCH_STOP_WORDS: &[&str] = &[
    "le",
    "la",
    "les",
    "et",
    "est",
    "des",
    "du",
    "un",
    "une",
    "pour",
    "avec",
    "dans",
    "sur",
    "pas",
    "que",
    "qui",
    "nous",
    "vous",
    "je",
    "tu",
    "il",
    "elle",
    "ils",
    "elles",
    "ce",
    "cette",
    "ces",
    "mon",
    "ma",
    "mes",
    "notre",
    "nos",
    "votre",
    "vos",
    "au",
    "aux",
    "en",
    "mais",
    "ou",
    "où",
    "très",
    "plus",
    "merci",
    "bonjour",
    "c'est",
    "aujourd'hui",
    "sont",
    "être",
    "avoir",
    "fait",
    "tout",
    "tous",
    "chez",
    "sans",
    "déjà",
    "à",
];

static ENGLISH_SORTED: OnceLock<Vec<&str>> = OnceLock::new();
static FRENCH_SORTED: OnceLock<Vec<&str>> = OnceLock::new();

/// Longest stop word, in bytes (`aujourd'hui`): longer words are in neither list.
const LONGEST_STOP_WORD: usize = 12;

/// Whether `word` is in `list`, by binary search in its copy sorted once into `sorted` (every
/// word of every new line is looked up in both lists).
fn is_one_of(
    word: &str,
    list: &'static [&'static str],
    sorted: &'static OnceLock<Vec<&'static str>>,
) -> bool {
    if word.len() > LONGEST_STOP_WORD {
        return false;
    }
    sorted
        .get_or_init(|| {
            let mut words = list.to_vec();
            words.sort_unstable();
            words
        })
        .binary_search(&word)
        .is_ok()
}

/// How strongly `tokens` (of `text`) point to English and to French.
pub fn signals(text: &str, tokens: &[Token]) -> (u32, u32) {
    let (mut en, mut fr) = (0, 0);
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let mut lower = token.text(text).to_lowercase();
        if lower.contains('’') {
            lower = lower.replace('’', "'");
        }
        if is_one_of(&lower, ENGLISH_STOP_WORDS, &ENGLISH_SORTED) {
            en += 2;
        }
        if is_one_of(&lower, FRENCH_STOP_WORDS, &FRENCH_SORTED) {
            fr += 2;
        }
        if !lower.is_ascii() && lower.chars().any(|c| "éèêàùçâîôûëïœ".contains(c)) {
            fr += 1;
        }
        let elided = ["l'", "d'", "j'", "qu'", "n'", "c'", "s'", "m'"]
            .iter()
            .any(|p| lower.starts_with(p) && lower.len() > p.len() + 1);
        if elided {
            fr += 2;
        }
    }
    (en, fr)
}

/// The language `signals` point to, or `None` when they are too weak or tied.
pub fn decide((en, fr): (u32, u32)) -> Option<Detected> {
    if en.max(fr) < 2 || en == fr {
        None
    } else if fr > en {
        Some(Detected::French)
    } else {
        Some(Detected::English)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn detect(text: &str) -> Option<Detected> {
        decide(signals(text, &tokenize(text)))
    }

    #[test]
    fn english_and_french_paragraphs_are_told_apart() {
        assert_eq!(
            detect("Our summer sale starts today, don't miss it!"),
            Some(Detected::English)
        );
        assert_eq!(
            detect("Notre équipe est ravie de vous présenter la nouvelle collection"),
            Some(Detected::French)
        );
        assert_eq!(detect("L'équipe vous attend"), Some(Detected::French));
    }

    #[test]
    fn no_stop_word_is_longer_than_the_length_lookups_skip() {
        for word in ENGLISH_STOP_WORDS.iter().chain(FRENCH_STOP_WORDS) {
            assert!(word.len() <= LONGEST_STOP_WORD, "{word}");
        }
    }

    #[test]
    fn paragraphs_without_signals_are_undecided() {
        assert_eq!(detect("🔥 #TBT @acme"), None);
    }
}
