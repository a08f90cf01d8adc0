//! Which language is this paragraph in? Cheap signals only: stop words, accents and elisions.
//!
//! Used when the draft's language is `auto`: each paragraph (a line) is scored; a paragraph with
//! too few signals (`🔥 #TBT`) takes the language of the whole draft.

use std::sync::OnceLock;

use super::format::pack_short;
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

/// Both stop-word lists as one sorted table of (key, in English, in French), made once: every
/// word of every new line is looked up.
fn stop_words() -> &'static [(u128, bool, bool)] {
    static TABLE: OnceLock<Vec<(u128, bool, bool)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(u128, bool, bool)> = Vec::new();
        for (list, english) in [(ENGLISH_STOP_WORDS, true), (FRENCH_STOP_WORDS, false)] {
            for key in list.iter().filter_map(|w| pack_short(w.as_bytes())) {
                match table.iter_mut().find(|(k, _, _)| *k == key) {
                    Some(entry) if english => entry.1 = true,
                    Some(entry) => entry.2 = true,
                    None => table.push((key, english, !english)),
                }
            }
        }
        table.sort_unstable_by_key(|&(key, _, _)| key);
        table
    })
}

/// Whether `lower` (a lowercase word) is an English and whether it is a French stop word.
fn stop_word(lower: &str) -> (bool, bool) {
    let Some(key) = pack_short(lower.as_bytes()) else {
        return (false, false);
    };
    let table = stop_words();
    match table.binary_search_by_key(&key, |&(k, _, _)| k) {
        Ok(i) => (table[i].1, table[i].2),
        Err(_) => (false, false),
    }
}

/// How strongly `tokens` (of `text`) point to English and to French.
pub fn signals(text: &str, tokens: &[Token]) -> (u32, u32) {
    let (mut en, mut fr) = (0, 0);
    // Each word's lowercase form (curly apostrophes straightened), written into one buffer.
    let mut lower = String::new();
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        super::lowercase_into(token.text(text), &['’'], &mut lower);
        let (english, french) = stop_word(&lower);
        if english {
            en += 2;
        }
        if french {
            fr += 2;
        }
        if !lower.is_ascii() && lower.chars().any(|c| "éèêàùçâîôûëïœ".contains(c)) {
            fr += 1;
        }
        // Every elision has its apostrophe second or third.
        let bytes = lower.as_bytes();
        let elided = (bytes.get(1) == Some(&b'\'') || bytes.get(2) == Some(&b'\''))
            && ["l'", "d'", "j'", "qu'", "n'", "c'", "s'", "m'"]
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
    fn every_stop_word_fits_the_packed_table() {
        for word in ENGLISH_STOP_WORDS.iter().chain(FRENCH_STOP_WORDS) {
            assert!(pack_short(word.as_bytes()).is_some(), "{word}");
            assert_eq!(
                stop_word(word),
                (
                    ENGLISH_STOP_WORDS.contains(word),
                    FRENCH_STOP_WORDS.contains(word)
                ),
                "{word}"
            );
        }
    }

    #[test]
    fn paragraphs_without_signals_are_undecided() {
        assert_eq!(detect("🔥 #TBT @acme"), None);
    }
}
