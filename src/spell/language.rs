//! Which language is this paragraph in? Cheap signals only: stop words, common words written
//! with or without their accents, which dictionary knows each word, accents, elisions and French
//! punctuation spacing — enough for a three-word reply.
//!
//! Used when the draft's language is `auto`: each paragraph (a line) is scored; a paragraph with
//! weak signals (`🔥 #TBT`, `Super !`) takes the language of the whole draft, and the draft's
//! own signals are weighed with the caller's prior (the page's language, the user's last draft).

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::format::pack_short;
use super::Dictionary;
use crate::config::Language;
use crate::report::{Span, Utf16Span};
use crate::text::{Token, TokenKind};

/// The language family a paragraph is checked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Detected {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "fr")]
    French,
}

/// How a draft's or a paragraph's language was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The language was set (`en-US`, `en-GB`, `fr`), not detected.
    Configured,
    /// Detected from clear signals: words of the other language are flagged.
    Clear,
    /// Detected from weak or mixed signals: words known in either language are accepted.
    Weak,
    /// A paragraph with weak or no signals of its own, read in the draft's language.
    FromDraft,
    /// No signal in the draft: the caller's prior (the page's language, the user's last draft).
    FromPrior,
    /// No signal and no prior: English.
    #[default]
    Default,
}

/// The language a draft was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LanguageVerdict {
    /// `en` or `fr`.
    pub language: Detected,
    /// `en-US`, `en-GB` or `fr` when known: set, or shown by the spelling of the draft's words
    /// (`colour`, `color`); `null` for English whose variety nothing shows.
    pub variety: Option<Language>,
    pub basis: Basis,
}

/// The language one paragraph (a line with words) was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphLanguage {
    /// UTF-8 byte offsets of the line.
    pub span: Span,
    /// UTF-16 code-unit offsets of the same line.
    pub utf16: Utf16Span,
    pub language: Detected,
    pub variety: Option<Language>,
    pub basis: Basis,
}

/// Which language the draft, and each of its paragraphs, was read in: part of the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecidedLanguage {
    pub draft: LanguageVerdict,
    pub paragraphs: Vec<ParagraphLanguage>,
}

/// How each line of a draft is read: its language, and how that was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineReading {
    pub language: Detected,
    pub basis: Basis,
}

impl LineReading {
    /// Whether words known in the other language pass: the line's own signals were not clear.
    pub fn accepts_either_language(self) -> bool {
        !matches!(self.basis, Basis::Configured | Basis::Clear)
    }
}

/// Decides the draft's language and each line's, for a draft of `line_count` lines whose
/// signals (in `auto`) are `line_signals`. A line with clear signals is read in its own
/// language; any other line in the draft's, decided from the sum of every line's signals, with
/// one point for the caller's `prior`, which also decides a draft without signals.
pub fn read_draft(
    language: Language,
    line_signals: &[(u32, u32)],
    line_count: usize,
    prior: Option<Detected>,
) -> (LanguageVerdict, Vec<LineReading>) {
    let configured = match language {
        Language::EnUs | Language::EnGb => Some(Detected::English),
        Language::Fr => Some(Detected::French),
        Language::Auto => None,
    };
    if let Some(detected) = configured {
        let reading = LineReading {
            language: detected,
            basis: Basis::Configured,
        };
        let verdict = LanguageVerdict {
            language: detected,
            variety: Some(language),
            basis: Basis::Configured,
        };
        return (verdict, vec![reading; line_count]);
    }
    let (mut en, mut fr) = line_signals
        .iter()
        .fold((0, 0), |(en, fr), &(e, f)| (en + e, fr + f));
    let own = decide((en, fr));
    let clear = is_clear((en, fr));
    match prior {
        Some(Detected::French) => fr += 1,
        Some(Detected::English) => en += 1,
        None => {}
    }
    // Lines that disagree with equal weight: the first clear line's language.
    let first_clear = line_signals
        .iter()
        .find(|&&s| is_clear(s))
        .and_then(|&s| decide(s));
    let (draft, basis) = match (decide((en, fr)), prior, first_clear) {
        (Some(d), _, _) if own.is_some() => (d, if clear { Basis::Clear } else { Basis::Weak }),
        (_, _, Some(d)) if own.is_none() && en.max(fr) >= 3 => (d, Basis::Weak),
        (Some(d), Some(_), _) | (None, Some(d), _) => (d, Basis::FromPrior),
        _ => (Detected::English, Basis::Default),
    };
    let lines = line_signals
        .iter()
        .map(|&signals| match decide(signals) {
            Some(own) if is_clear(signals) => LineReading {
                language: own,
                basis: Basis::Clear,
            },
            Some(own) if own == draft && basis != Basis::Clear => LineReading {
                language: own,
                basis: Basis::Weak,
            },
            _ => LineReading {
                language: draft,
                basis: if line_signals.len() == 1 {
                    basis
                } else {
                    Basis::FromDraft
                },
            },
        })
        .collect();
    let verdict = LanguageVerdict {
        language: draft,
        variety: (draft == Detected::French).then_some(Language::Fr),
        basis,
    };
    (verdict, lines)
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

/// French words a short reply is made of that `fr-common.txt` does not rank (greetings, wishes,
/// replies), written for Plume. Their unaccented forms count too.
const FRENCH_REPLY_WORDS: &[&str] = &[
    "ça",
    "voilà",
    "bientôt",
    "hâte",
    "génial",
    "géniale",
    "joyeux",
    "joyeuse",
    "anniversaire",
    "bienvenue",
    "félicitations",
    "bisous",
    "coucou",
    "bonne",
    "journée",
    "soirée",
    "vite",
    "colis",
    "commande",
    "livraison",
    "désolé",
    "désolée",
    "vraiment",
    "trop",
    "hâte",
    "magnifique",
    "superbe",
    "voici",
    "ensemble",
    "rendez-vous",
    "retrouvez",
    "découvrez",
    "profitez",
    "inscrivez-vous",
    "ici",
    "tard",
    "plutôt",
    "d'accord",
    "peut-être",
    "aussi",
    "quelle",
    "fête",
    "noël",
    "année",
    "être",
    "déjà",
    "après",
    "même",
    "où",
    "très",
    "là",
    "avez",
    "avons",
    "suis",
    "sommes",
    "êtes",
    "vais",
    "allez",
    "pouvez",
    "voulez",
    "serait",
    "sera",
    "était",
    "c'était",
    "n'est",
    "qu'il",
    "j'ai",
    "j'adore",
    "adore",
    "adorons",
    "aime",
    "aimons",
    "veux",
    "peux",
    "dois",
    "merci",
    "mille",
    "tous",
    "toutes",
    "chers",
    "cher",
    "chère",
    "chères",
    "amis",
    "amies",
    "nouvelle",
    "nouveau",
    "beaucoup",
    "maintenant",
];

/// The French word list of language decisions: the hand-ranked common words (`fr-common.txt`)
/// and [`FRENCH_REPLY_WORDS`], each also without its accents (`tres`, `deja`, `ca`), sorted.
fn french_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let ranked = include_str!("../../data/frequency/fr-common.txt");
        let listed = ranked
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .chain(FRENCH_REPLY_WORDS.iter().copied())
            .chain(FRENCH_STOP_WORDS.iter().copied());
        let mut words: Vec<String> = Vec::new();
        for word in listed {
            let lower = word.to_lowercase();
            let plain: String = lower.chars().map(super::phonetic::strip_accent).collect();
            if plain != lower {
                words.push(plain);
            }
            words.push(lower);
        }
        words.sort_unstable();
        words.dedup();
        words
    })
}

fn is_french_word(lower: &str) -> bool {
    french_words()
        .binary_search_by(|w| w.as_str().cmp(lower))
        .is_ok()
}

/// The frequency score (see `WordInfo::frequency`) from which an English word is one of the
/// ~1,200 commonest: such a word, unless French too, points to English on its own.
const COMMON_ENGLISH: u8 = 11;

/// The report's language part: the draft's verdict and each line's (`spans`), with the English
/// variety shown by each line's words (`varieties`: how many American-only and British-only
/// words it has). UTF-16 spans are filled by the report.
pub fn decided(
    mut draft: LanguageVerdict,
    readings: &[LineReading],
    varieties: &[(usize, usize)],
    spans: &[Span],
) -> DecidedLanguage {
    let variety_of = |(american, british): (usize, usize)| match american.cmp(&british) {
        std::cmp::Ordering::Greater => Some(Language::EnUs),
        std::cmp::Ordering::Less => Some(Language::EnGb),
        std::cmp::Ordering::Equal => None,
    };
    let mut english_words = (0, 0);
    let paragraphs = readings
        .iter()
        .zip(spans)
        .enumerate()
        .map(|(i, (reading, &span))| {
            let counts = varieties.get(i).copied().unwrap_or_default();
            let variety = match (reading.basis, reading.language) {
                (Basis::Configured, _) => draft.variety,
                (_, Detected::French) => Some(Language::Fr),
                (_, Detected::English) => {
                    english_words.0 += counts.0;
                    english_words.1 += counts.1;
                    variety_of(counts)
                }
            };
            ParagraphLanguage {
                span,
                utf16: Utf16Span { start: 0, end: 0 },
                language: reading.language,
                variety,
                basis: reading.basis,
            }
        })
        .collect();
    if draft.variety.is_none() {
        draft.variety = variety_of(english_words);
    }
    DecidedLanguage { draft, paragraphs }
}

/// How strongly the tokens of one line (`tokens`, spans into `text`) point to English and to
/// French. Signals: stop words of each language; common French words, accented or not; which
/// dictionary knows the word (`french` when it is loaded); accented letters; elisions
/// (`l'équipe`); French spacing before `! ? : ;` and guillemets.
pub fn signals(
    text: &str,
    tokens: &[Token],
    english: &Dictionary,
    french: Option<&Dictionary>,
) -> (u32, u32) {
    let (mut en, mut fr) = (0, 0);
    // Each word's lowercase form (curly apostrophes straightened), written into one buffer.
    let mut lower = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.kind == TokenKind::Punctuation {
            let mark = token.text(text);
            let spaced = i > 0 && tokens[i - 1].span.end < token.span.start;
            if (spaced && matches!(mark, "!" | "?" | ":" | ";" | "!!" | "?!")) || mark == "«" {
                fr += 2;
            }
            continue;
        }
        if token.kind != TokenKind::Word {
            continue;
        }
        let word = token.text(text);
        super::normalize_into(word, &mut lower);
        let (english_stop, french_stop) = stop_word(&lower);
        if english_stop {
            en += 2;
        }
        if french_stop {
            fr += 2;
        }
        let accented = !lower.is_ascii() && lower.chars().any(|c| "éèêàùçâîôûëïœ".contains(c));
        if accented {
            fr += 1;
        }
        // Every elision has its apostrophe second or third.
        let bytes = lower.as_bytes();
        let elided = (bytes.get(1) == Some(&b'\'') || bytes.get(2) == Some(&b'\''))
            && ["l'", "d'", "j'", "qu'", "n'", "c'", "s'", "m'", "t'"]
                .iter()
                .any(|p| lower.starts_with(p) && lower.len() > p.len() + 1);
        if elided {
            fr += 2;
        }
        if english_stop || french_stop || elided || lower.chars().nth(1).is_none() {
            continue;
        }
        // A word of the everyday English vocabulary, as written (`Paris` is a name to both).
        let in_english = english
            .info(&lower)
            .filter(|info| info.casing() == super::format::CASE_ANY);
        let common_english = in_english.is_some_and(|i| i.frequency() >= COMMON_ENGLISH);
        let listed_french = is_french_word(&lower);
        if listed_french {
            // `service`, `question`, `moment`: words of both languages, a sign of neither.
            if in_english.is_none() {
                fr += 2;
            }
            continue;
        }
        let in_french = french.is_some_and(|f| {
            f.info(&lower)
                .is_some_and(|info| info.casing() == super::format::CASE_ANY)
        });
        match (in_english.is_some(), in_french) {
            (true, false) => en += if common_english { 2 } else { 1 },
            (false, true) => fr += 1,
            _ => {}
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

/// Whether `signals` point clearly to one language: strong enough, and at least twice the
/// other's. A line read with weaker signals accepts the words of either language.
pub fn is_clear((en, fr): (u32, u32)) -> bool {
    let (high, low) = (en.max(fr), en.min(fr));
    high >= 3 && high > 2 * low
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The decision with both dictionaries (`french`) or with English only, as in the browser
    /// before the French dictionary is loaded.
    fn detect_with(text: &str, french: bool) -> Option<Detected> {
        let english = super::super::english_dictionary();
        let speller = super::super::Speller::new(&[], &[]);
        let tokens = tokenize(text);
        if french {
            decide(speller.language_signals(text, &tokens))
        } else {
            decide(signals(text, &tokens, &english, None))
        }
    }

    fn detect(text: &str) -> Option<Detected> {
        detect_with(text, true)
    }

    #[test]
    fn short_french_replies_without_accents_are_french_even_without_the_french_dictionary() {
        for text in [
            "Bonjour a tous",
            "Rendez-vous a Paris demain",
            "Bon week-end a tous",
            "Joyeux anniversaire !",
            "Votre colis part aujourd'hui",
            "A tres vite",
            "Ca va etre genial, on a hate de vous voir",
        ] {
            assert_eq!(detect_with(text, false), Some(Detected::French), "{text}");
            assert_eq!(detect(text), Some(Detected::French), "{text}");
        }
    }

    #[test]
    fn english_words_known_to_both_dictionaries_do_not_turn_a_line_french() {
        for text in [
            "Our service is back",
            "Thanks for the message",
            "Great moment",
        ] {
            assert_eq!(detect(text), Some(Detected::English), "{text}");
        }
    }

    #[test]
    fn a_prior_decides_a_draft_without_signals_and_tips_a_tied_one() {
        let none = (0, 0);
        let (verdict, lines) = read_draft(Language::Auto, &[none], 1, Some(Detected::French));
        assert_eq!(verdict.language, Detected::French);
        assert_eq!(verdict.basis, Basis::FromPrior);
        assert!(lines[0].accepts_either_language());
        let (verdict, _) = read_draft(Language::Auto, &[none], 1, None);
        assert_eq!(
            (verdict.language, verdict.basis),
            (Detected::English, Basis::Default)
        );
        let (verdict, _) = read_draft(Language::Auto, &[(2, 2)], 1, Some(Detected::French));
        assert_eq!(verdict.language, Detected::French);
        // Clear signals win over the prior.
        let (verdict, lines) = read_draft(Language::Auto, &[(8, 0)], 1, Some(Detected::French));
        assert_eq!(
            (verdict.language, verdict.basis),
            (Detected::English, Basis::Clear)
        );
        assert!(!lines[0].accepts_either_language());
    }

    #[test]
    fn a_line_with_clear_signals_keeps_its_language_and_a_weak_one_takes_the_drafts() {
        let (verdict, lines) = read_draft(Language::Auto, &[(0, 9), (6, 0), (0, 2)], 3, None);
        assert_eq!(verdict.language, Detected::French);
        assert_eq!(lines[0].language, Detected::French);
        assert_eq!(lines[1].language, Detected::English);
        assert_eq!(lines[2].language, Detected::French);
        let (verdict, lines) = read_draft(Language::EnGb, &[], 2, Some(Detected::French));
        assert_eq!(verdict.variety, Some(Language::EnGb));
        assert_eq!(verdict.basis, Basis::Configured);
        assert_eq!(lines.len(), 2);
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
