//! Words: is this word known, and what did the writer mean?
//!
//! English (en-US and en-GB in one compiled map, each word marked with its dialects) is built
//! into the binary; French is built in natively and loaded at run time in the browser
//! ([`Speller::load_dictionary`]). Unknown words get ranked suggestions (`suggest`), hashtags are
//! checked by their CamelCase parts, and brand names keep their canonical casing. Real-word slips
//! (`a`/`an`, doubled words, grammar) belong to the grammar room (`crate::grammar`).

pub mod accents;
mod case;
#[cfg(test)]
#[allow(dead_code)]
mod compile;
pub mod dictionary;
mod distance;
pub mod format;
mod keyboard;
pub mod language;
pub mod messages;
mod names;
mod phonetic;
pub mod suggest;

use std::collections::{HashMap, HashSet};

use crate::cache::UnitCache;
use crate::config::Language;
use crate::locale::UiLanguage;
use crate::report::{Category, Finding, Severity, Span};
use crate::text::{hashtag_parts, Token, TokenKind};

pub use case::match_case;
use dictionary::{CaseShape, WordInfo};
pub use dictionary::{Dictionary, DictionaryError};
pub use distance::damerau_levenshtein;
pub use language::{DecidedLanguage, Detected, LineReading};

/// Longest token checked for spelling, in bytes; longer ones are not words.
pub const MAX_WORD_BYTES: usize = 100;

/// Rule id: a word in no dictionary.
pub const UNKNOWN_WORD: &str = "spelling.unknown-word";
/// Rule id: a brand or product name written with the wrong capitals (`Linkedin`).
pub const BRAND_CASING: &str = "spelling.brand-casing";
/// Rule id: a dictionary word that needs capitals (`paris`, `nasa`).
pub const CAPITALIZATION: &str = "spelling.capitalization";
/// Rule id: a spelling of the other English variety than the draft's (`colour` in en-US).
pub const DIALECT: &str = "spelling.dialect";
/// Rule id: American and British spellings mixed in one draft (`color` and `colour`).
pub const MIXED_DIALECT: &str = "spelling.mixed-dialect";

static ENGLISH_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en.dict"));
static FRENCH_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fr.dict"));

/// The compiled French dictionary when this build embeds it (native builds), for writing the
/// file the browser extension loads at run time; `None` in the wasm build.
pub fn embedded_dictionary(language: Language) -> Option<&'static [u8]> {
    match language {
        Language::Fr if !FRENCH_BYTES.is_empty() => Some(FRENCH_BYTES),
        Language::EnUs | Language::EnGb => Some(ENGLISH_BYTES),
        _ => None,
    }
}

/// The built-in English dictionary (en-US and en-GB).
pub fn english_dictionary() -> Dictionary {
    Dictionary::from_static(ENGLISH_BYTES).unwrap_or_else(|e| {
        // The bytes are produced by this crate's own build script: reaching this is a build bug.
        panic!("the built-in English dictionary is damaged: {e}")
    })
}

/// The English variety a check accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Variety {
    American,
    British,
    /// `auto`: both are accepted, mixing them is a consistency suggestion.
    Either,
}

impl Variety {
    fn accepts(self, info: WordInfo) -> bool {
        info.supplement()
            || match self {
                Variety::American => info.american(),
                Variety::British => info.british(),
                Variety::Either => info.american() || info.british(),
            }
    }
}

/// Frequency score from which a word counts as common (about 20,000 uses in Google Books'
/// English ngrams and more).
const COMMON_FREQUENCY: u8 = 6;

/// How a hashtag part is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartStatus {
    Common,
    RareName,
    Unknown,
}

/// What a word is, for the check.
enum Verdict {
    Known,
    /// Known with other capitals: the canonical spelling.
    WrongCase(String),
    /// A word of the other English variety.
    OtherVariety,
    Unknown,
}

/// Known words and the suggestions for unknown ones.
#[derive(Debug, Clone)]
pub struct Speller {
    english: Dictionary,
    french: Option<Dictionary>,
    personal: HashSet<String>,
    /// Lowercase brand name → canonical spelling.
    brands: HashMap<String, String>,
    extra_words: Vec<String>,
    use_misspelling_table: bool,
    /// Suggestions already ranked, per (word, language, variety, how many): the unknown words
    /// of a line being edited are checked again at every keystroke (its per-line result
    /// changed), and ranking is the costliest thing a check does.
    suggestions: UnitCache<(Detected, Variety, usize), Vec<String>>,
    /// The language messages and explanations are written in.
    ui: UiLanguage,
}

/// How many words' suggestions are remembered per generation.
const REMEMBERED_SUGGESTIONS: usize = 512;

const FRENCH_ELISIONS: &[&str] = &[
    "lorsqu'", "puisqu'", "jusqu'", "quoiqu'", "presqu'", "qu'", "l'", "d'", "j'", "m'", "n'",
    "s'", "t'", "c'",
];

impl Speller {
    /// The speller with the user's own words, the built-in names (`names.rs`) and the brand
    /// lexicon (canonical spellings).
    pub fn new(personal: &[String], brands: &[String]) -> Speller {
        let french = (!FRENCH_BYTES.is_empty())
            .then(|| Dictionary::from_static(FRENCH_BYTES).ok())
            .flatten();
        // The built-in names first: a pack's own spelling of a name wins.
        let brand_words: Vec<String> = names::built_in_names()
            .map(str::to_string)
            .chain(
                brands
                    .iter()
                    .flat_map(|b| b.split_whitespace())
                    .map(str::to_string),
            )
            .collect();
        let mut extra_words: Vec<String> = personal.to_vec();
        extra_words.extend(brand_words.iter().cloned());
        Speller {
            english: english_dictionary(),
            french,
            personal: personal.iter().map(|w| normalize(w)).collect(),
            brands: brand_words
                .into_iter()
                .map(|b| (normalize(&b), b))
                .collect(),
            extra_words,
            use_misspelling_table: true,
            suggestions: UnitCache::new(REMEMBERED_SUGGESTIONS),
            ui: UiLanguage::English,
        }
    }

    /// Writes messages and explanations in `ui`.
    pub fn set_ui_language(&mut self, ui: UiLanguage) {
        self.ui = ui;
    }

    /// Loads a dictionary compiled by `plume-dictionary` (French in the browser).
    pub fn load_dictionary(
        &mut self,
        language: Language,
        bytes: &[u8],
    ) -> Result<(), DictionaryError> {
        if language != Language::Fr {
            return Err(DictionaryError::NotLoadable(language.code()));
        }
        let dictionary = Dictionary::from_bytes(bytes)?;
        if dictionary.language() != "fr" {
            return Err(DictionaryError::WrongLanguage {
                expected: "fr".into(),
                found: dictionary.language().into(),
            });
        }
        self.french = Some(dictionary);
        self.suggestions.clear();
        Ok(())
    }

    /// Takes over the dictionaries `previous` loaded at run time, unless this speller has its
    /// own (used when the checker is rebuilt with a new configuration; nothing is copied).
    pub fn carry_dictionaries_from(&mut self, previous: &Speller) {
        if self.french.is_none() {
            self.french = previous.french.clone();
            self.suggestions.clear();
        }
    }

    /// Whether words of `language` can be checked now (French needs its dictionary).
    /// The loaded French dictionary (the grammar room reads its lexicon section).
    pub fn french_dictionary(&self) -> Option<&Dictionary> {
        self.french.as_ref()
    }

    pub fn has_dictionary(&self, language: Language) -> bool {
        language != Language::Fr || self.french.is_some()
    }

    /// Turns the common-misspelling table on or off (benchmarks measure the model without it).
    pub fn set_misspelling_table(&mut self, enabled: bool) {
        self.use_misspelling_table = enabled;
        self.suggestions.clear();
    }

    /// Whether `word` is spelled correctly in `language` (`auto`: English or French).
    pub fn is_known(&self, word: &str, language: Language) -> bool {
        let key = normalize(word);
        if self.personal.contains(&key) {
            return true;
        }
        if let Some(canonical) = self.brands.get(&key) {
            return canonical == word;
        }
        match language {
            Language::Fr => self
                .french_verdict(word)
                .is_some_and(|v| matches!(v, Verdict::Known)),
            Language::Auto => {
                matches!(self.english_verdict(word, Variety::Either), Verdict::Known)
                    || matches!(self.french_verdict(word), Some(Verdict::Known))
            }
            Language::EnGb => {
                matches!(self.english_verdict(word, Variety::British), Verdict::Known)
            }
            Language::EnUs => {
                matches!(
                    self.english_verdict(word, Variety::American),
                    Verdict::Known
                )
            }
        }
    }

    /// Up to `limit` suggestions for `word` in `language`, best first, in the word's case.
    pub fn suggest(&self, word: &str, language: Language, limit: usize) -> Vec<String> {
        match language {
            Language::Fr => self.suggest_in(word, Detected::French, Variety::Either, limit),
            Language::EnGb => self.suggest_in(word, Detected::English, Variety::British, limit),
            Language::EnUs => self.suggest_in(word, Detected::English, Variety::American, limit),
            Language::Auto => self.suggest_in(word, Detected::English, Variety::Either, limit),
        }
    }

    /// The languages `text` needs whose dictionary is not loaded (French in the browser until
    /// `load_dictionary`), so the caller can load it and check again.
    pub fn missing_dictionaries(
        &self,
        text: &str,
        tokens: &[Token],
        language: Language,
    ) -> Vec<Language> {
        let lines = paragraphs(text, tokens);
        let signals: Vec<(u32, u32)> = lines
            .iter()
            .map(|p| self.language_signals(text, p))
            .collect();
        let (_, readings) = language::read_draft(language, &signals, lines.len(), None);
        self.missing_dictionaries_for(language, &readings)
    }

    /// [`Speller::missing_dictionaries`] from how each line is read ([`language::read_draft`]).
    pub fn missing_dictionaries_for(
        &self,
        language: Language,
        readings: &[LineReading],
    ) -> Vec<Language> {
        let french =
            language == Language::Fr || readings.iter().any(|r| r.language == Detected::French);
        if french && self.french.is_none() {
            vec![Language::Fr]
        } else {
            Vec::new()
        }
    }

    /// How strongly the tokens of one line point to English and to French
    /// ([`language::signals`], with this speller's dictionaries).
    pub fn language_signals(&self, text: &str, tokens: &[Token]) -> (u32, u32) {
        language::signals(text, tokens, &self.english, self.french.as_ref())
    }

    /// Flags problems among `tokens` in the default language (American English).
    pub fn check(&self, text: &str, tokens: &[Token], out: &mut Vec<Finding>) {
        self.check_in(text, tokens, Language::EnUs, out);
    }

    /// Flags unknown words, brand casing and dialect mixing: the whole
    /// text at once, with no per-line cache. `Checker::check` takes the same steps line by line
    /// in `pipeline::check`; this is the room's own entry for tests and the per-stage bench.
    pub fn check_in(
        &self,
        text: &str,
        tokens: &[Token],
        language: Language,
        out: &mut Vec<Finding>,
    ) {
        let lines = paragraphs(text, tokens);
        let signals: Vec<(u32, u32)> = if language == Language::Auto {
            lines
                .iter()
                .map(|p| self.language_signals(text, p))
                .collect()
        } else {
            Vec::new()
        };
        let (_, readings) = language::read_draft(language, &signals, lines.len(), None);
        let mut varieties = Vec::new();
        for (paragraph, &reading) in lines.into_iter().zip(&readings) {
            let line = self.check_line(text, paragraph, language, reading);
            out.extend(line.findings);
            varieties.extend(line.varieties);
        }
        self.check_varieties(text, language, &varieties, out);
    }

    /// Checks the tokens of one line (spans into `text`) read as `reading` says: everything the
    /// speller says that depends on that line alone. [`Speller::check_varieties`] then looks at
    /// the whole draft.
    pub fn check_line(
        &self,
        text: &str,
        tokens: &[Token],
        language: Language,
        reading: LineReading,
    ) -> LineSpelling {
        let detected = reading.language;
        let mut line = LineSpelling::default();
        let variety = match language {
            Language::EnUs => Variety::American,
            Language::EnGb => Variety::British,
            Language::Fr | Language::Auto => Variety::Either,
        };
        if detected == Detected::French && self.french.is_none() {
            // Without the French dictionary nothing can be said about French words.
            return line;
        }
        self.check_paragraph(
            text,
            tokens,
            reading,
            variety,
            &mut line.varieties,
            &mut line.findings,
        );
        if detected == Detected::French {
            accents::initial_a(text, tokens, self.ui, &mut line.findings);
        }
        line
    }

    fn check_paragraph(
        &self,
        text: &str,
        tokens: &[Token],
        reading: LineReading,
        variety: Variety,
        varieties: &mut Vec<(Token, WordInfo)>,
        out: &mut Vec<Finding>,
    ) {
        // Each word's lowercase form, written into one buffer.
        let mut lower = String::new();
        for token in tokens {
            // Longer than any word of any dictionary: pasted data or a key, not spelling (and
            // searching suggestions for a 100 KB "word" would only burn time).
            if token.span.len() > MAX_WORD_BYTES {
                continue;
            }
            match token.kind {
                TokenKind::Word => {
                    let word = token.text(text);
                    normalize_into(word, &mut lower);
                    if let Some(finding) =
                        self.check_word(word, &lower, reading, variety, varieties, *token)
                    {
                        out.push(finding);
                    }
                }
                TokenKind::Hashtag => {
                    if let Some(finding) =
                        self.check_hashtag(token.text(text), token.span, reading.language, variety)
                    {
                        out.push(finding);
                    }
                }
                _ => {}
            }
        }
    }

    /// Checks one word (`lower`: its [`normalize`]d form).
    fn check_word(
        &self,
        word: &str,
        lower: &str,
        reading: LineReading,
        variety: Variety,
        varieties: &mut Vec<(Token, WordInfo)>,
        token: Token,
    ) -> Option<Finding> {
        let detected = reading.language;
        let span = token.span;
        if lower.chars().nth(1).is_none() || self.personal.contains(lower) {
            return None;
        }
        if let Some(canonical) = self.brands.get(lower) {
            if word == canonical || CaseShape::of(word) == CaseShape::Upper {
                return None;
            }
            // A brand that is also a common word (`Slack`, `Apple`) is only enforced when
            // written with capitals of its own.
            let common = self
                .english
                .info(lower)
                .is_some_and(|i| i.casing() == format::CASE_ANY);
            if common && matches!(CaseShape::of(word), CaseShape::Lower | CaseShape::Title) {
                return None;
            }
            return Some(finding(
                BRAND_CASING,
                Severity::Warning,
                span,
                messages::fill(
                    &messages::BRAND_CASING,
                    self.ui,
                    &[("canonical", canonical)],
                ),
                messages::BRAND_CASING_WHY.get(self.ui),
                vec![canonical.clone()],
            ));
        }
        // The word's entry as written (any case): the key is the lowercase form's.
        let (verdict, entry) = match detected {
            Detected::English => {
                let entry = self.english.info_any_case(word);
                (self.english_verdict_given(word, entry, variety), entry)
            }
            Detected::French => (self.french_verdict(word).unwrap_or(Verdict::Known), None),
        };
        // A French word that only needs its accents (`tres`, `Ca` known only as `cA`).
        if detected == Detected::French
            && matches!(verdict, Verdict::WrongCase(_) | Verdict::Unknown)
        {
            if let Some(found) = self.french_accent_finding(word, span, variety) {
                return Some(found);
            }
        }
        match verdict {
            Verdict::Known => {
                if detected == Detected::English && variety == Variety::Either {
                    if let Some(info) = entry {
                        if info.american() != info.british() && !info.supplement() {
                            varieties.push((token, info));
                        }
                    }
                }
                None
            }
            Verdict::WrongCase(canonical) => Some(finding(
                CAPITALIZATION,
                Severity::Warning,
                span,
                messages::fill(
                    &messages::CAPITALIZATION,
                    self.ui,
                    &[("canonical", &canonical)],
                ),
                messages::CAPITALIZATION_WHY.get(self.ui),
                vec![canonical],
            )),
            Verdict::OtherVariety => {
                let (message, target) = match variety {
                    Variety::British => (&messages::AMERICAN_SPELLING, Variety::British),
                    _ => (&messages::BRITISH_SPELLING, Variety::American),
                };
                let suggestions = self.suggest_in(word, Detected::English, target, 1);
                Some(finding(
                    DIALECT,
                    Severity::Suggestion,
                    span,
                    messages::fill(message, self.ui, &[("word", word)]),
                    messages::DIALECT_WHY.get(self.ui),
                    suggestions,
                ))
            }
            Verdict::Unknown => {
                // Short all-capital words are acronyms far more often than typos (KPI, UGC),
                // and so are their plurals (KPIs, APIs, FAQs).
                let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                let acronym_plural = dictionary::is_acronym_plural(word);
                if (CaseShape::of(word) == CaseShape::Upper || acronym_plural) && letters <= 6 {
                    return None;
                }
                // In French posts, English words (anglicismes) are common and correct; in a
                // line whose language is not clear, so are the words of either language.
                if detected == Detected::French
                    && matches!(self.english_verdict(word, Variety::Either), Verdict::Known)
                {
                    return None;
                }
                if detected == Detected::English
                    && reading.accepts_either_language()
                    && matches!(self.french_verdict(word), Some(Verdict::Known))
                {
                    return None;
                }
                let suggestions = self.suggest_in(word, detected, variety, 5);
                Some(finding(
                    UNKNOWN_WORD,
                    Severity::Error,
                    span,
                    messages::fill(&messages::UNKNOWN_WORD, self.ui, &[("word", word)]),
                    messages::UNKNOWN_WORD_WHY.get(self.ui),
                    suggestions,
                ))
            }
        }
    }

    /// `tres` → `très`, `Ca` → `Ça`: the commonest French word that differs from `word` only in
    /// accents, when there is one at least as common as `word` itself.
    fn french_accent_finding(&self, word: &str, span: Span, variety: Variety) -> Option<Finding> {
        let french = self.french.as_ref()?;
        let frequency = |w: &str| french.info(&normalize(w)).map_or(0, |i| i.frequency());
        let own = frequency(word);
        let fix = accents::variants(word)
            .into_iter()
            .filter(|v| matches!(self.french_verdict(v), Some(Verdict::Known)))
            .filter(|v| frequency(v) >= own)
            // The commonest; between equals, the one with fewest accents (`Ça`, not `Çà`).
            .min_by_key(|v| {
                let accents = v.chars().filter(|c| !c.is_ascii()).count();
                (std::cmp::Reverse(frequency(v)), accents)
            })?;
        let more = self.suggest_in(word, Detected::French, variety, 4);
        Some(accents::finding(word, &fix, span, self.ui, more))
    }

    /// `#SumerSale` → `#SummerSale`: each CamelCase part is a word; acronyms and numbers pass.
    fn check_hashtag(
        &self,
        tag: &str,
        span: Span,
        detected: Detected,
        variety: Variety,
    ) -> Option<Finding> {
        let body_start = tag.char_indices().nth(1).map_or(tag.len(), |(i, _)| i);
        let body = &tag[body_start..];
        let parts = hashtag_parts(body);
        // A single lowercase run (`#summersale`) cannot be split reliably: only whole-word checks.
        if parts.len() < 2
            && !parts
                .first()
                .is_some_and(|(_, p)| CaseShape::of(p) == CaseShape::Title)
        {
            return None;
        }
        // Brand names with inner capitals (`#ShotOniPhone`) are split apart by CamelCase: their
        // byte ranges are left alone.
        let brand_ranges: Vec<(usize, usize)> = self
            .brands
            .values()
            .filter(|b| CaseShape::of(b) == CaseShape::Mixed)
            .flat_map(|b| {
                body.match_indices(b.as_str())
                    .map(|(i, m)| (i, i + m.len()))
            })
            .collect();
        let mut fixed = String::from(&tag[..body_start]);
        let mut changed = false;
        let mut last = 0;
        for (offset, part) in parts {
            fixed.push_str(&body[last..offset]);
            last = offset + part.len();
            let letters = part.chars().filter(|c| c.is_alphabetic()).count();
            let shape = CaseShape::of(part);
            let in_brand = brand_ranges
                .iter()
                .any(|&(start, end)| offset < end && start < offset + part.len());
            let checkable = letters >= 3
                && !in_brand
                && part.chars().all(char::is_alphabetic)
                && matches!(shape, CaseShape::Lower | CaseShape::Title);
            let status = self.hashtag_part_status(part);
            if !checkable || status == PartStatus::Common {
                fixed.push_str(part);
                continue;
            }
            let best = self
                .suggest_in(part, detected, variety, 1)
                .into_iter()
                .next()
                .filter(|best| !best.contains(' '))
                .filter(|best| {
                    // A rare name (`Sumer`) gives way only to a common word one slip away.
                    status == PartStatus::Unknown
                        || (damerau_levenshtein(&normalize(part), &normalize(best), 1).is_some()
                            && self.english.info(&normalize(best)).is_some_and(|i| {
                                i.casing() == format::CASE_ANY && i.frequency() >= COMMON_FREQUENCY
                            }))
                });
            match best {
                Some(best) => {
                    fixed.push_str(&best);
                    changed = true;
                }
                None => fixed.push_str(part),
            }
        }
        fixed.push_str(&body[last..]);
        changed.then(|| {
            finding(
                UNKNOWN_WORD,
                Severity::Error,
                span,
                messages::fill(&messages::UNKNOWN_WORD, self.ui, &[("word", tag)]),
                messages::HASHTAG_WHY.get(self.ui),
                vec![fixed],
            )
        })
    }

    /// How a hashtag part (whose capitals are lost: `#SumerSale`) is known: as an everyday or
    /// frequent word in English or French, or a lexicon word; as a rare name only; or not at all.
    fn hashtag_part_status(&self, part: &str) -> PartStatus {
        let lower = normalize(part);
        if self.personal.contains(&lower) || self.brands.contains_key(&lower) {
            return PartStatus::Common;
        }
        let infos = [
            self.english.info(&lower),
            self.french.as_ref().and_then(|f| f.info(&lower)),
        ];
        let mut status = PartStatus::Unknown;
        for info in infos.into_iter().flatten() {
            if info.casing() == format::CASE_ANY || info.frequency() >= COMMON_FREQUENCY {
                return PartStatus::Common;
            }
            status = PartStatus::RareName;
        }
        status
    }

    fn english_verdict(&self, word: &str, variety: Variety) -> Verdict {
        self.english_verdict_given(word, self.english.info_any_case(word), variety)
    }

    /// [`Speller::english_verdict`] of `word` whose entry as written is `entry`.
    fn english_verdict_given(
        &self,
        word: &str,
        entry: Option<WordInfo>,
        variety: Variety,
    ) -> Verdict {
        if let Some(info) = entry {
            return self.verdict_of(&self.english, word, info, variety);
        }
        // Curly apostrophes are straight ones in the dictionary's keys already: with them
        // straightened the word is still not an entry, but the forms below are.
        let word = word.replace(['’', 'ʼ'], "'");
        // Accents are optional in English loanwords: `café`, `naïve`, `résumé`, `Montréal`.
        if !word.is_ascii() {
            let plain: String = word.chars().map(strip_accent_keep_case).collect();
            if plain != word && matches!(self.english_verdict(&plain, variety), Verdict::Known) {
                return Verdict::Known;
            }
        }
        // Expressive lengthening (`sooo`, `yesss`, `omggg`): the word with its runs shortened.
        for keep in [1, 2] {
            if let Some(short) = shorten_runs(&word, keep) {
                if matches!(self.english_verdict(&short, variety), Verdict::Known) {
                    return Verdict::Known;
                }
            }
        }
        // Possessives: `Plume's`, `brands'`.
        for suffix in ["'s", "'"] {
            if let Some(base) = word.strip_suffix(suffix) {
                if base.chars().count() >= 2 {
                    let lower = base.to_lowercase();
                    if self.personal.contains(&lower) || self.brands.contains_key(&lower) {
                        return Verdict::Known;
                    }
                    if let Some(v) = self.dictionary_verdict(&self.english, base, variety) {
                        return v;
                    }
                }
            }
        }
        self.compound_verdict(&word, |part| {
            matches!(self.english_verdict(part, variety), Verdict::Known)
        })
    }

    fn french_verdict(&self, word: &str) -> Option<Verdict> {
        let french = self.french.as_ref()?;
        let word = if word.contains(['’', 'ʼ']) {
            std::borrow::Cow::Owned(word.replace(['’', 'ʼ'], "'"))
        } else {
            std::borrow::Cow::Borrowed(word)
        };
        if let Some(v) = self.dictionary_verdict(french, &word, Variety::Either) {
            return Some(v);
        }
        let lower = word.to_lowercase();
        for elision in FRENCH_ELISIONS {
            if lower.starts_with(elision) && lower.len() > elision.len() {
                let rest = &word[elision.len()..];
                let rest_lower = rest.to_lowercase();
                if self.personal.contains(&rest_lower) || self.brands.contains_key(&rest_lower) {
                    return Some(Verdict::Known);
                }
                if let Some(v) = self.dictionary_verdict(french, rest, Variety::Either) {
                    return Some(v);
                }
                if matches!(self.english_verdict(rest, Variety::Either), Verdict::Known) {
                    return Some(Verdict::Known);
                }
                return Some(Verdict::Unknown);
            }
        }
        Some(self.compound_verdict(&word, |part| {
            part == "t" || matches!(self.french_verdict(part), Some(Verdict::Known))
        }))
    }

    /// `well-known`, `dit-il`: a hyphenated word is known when every part is.
    /// Also known: the same word without its hyphens (`Wi-Fi` for `WiFi`, `e-mail`).
    fn compound_verdict(&self, word: &str, known: impl Fn(&str) -> bool) -> Verdict {
        if !word.contains('-') {
            return Verdict::Unknown;
        }
        if word.split('-').all(|p| !p.is_empty() && known(p)) || known(&word.replace('-', "")) {
            Verdict::Known
        } else {
            Verdict::Unknown
        }
    }

    fn dictionary_verdict(
        &self,
        dict: &Dictionary,
        word: &str,
        variety: Variety,
    ) -> Option<Verdict> {
        let info = dict.info_any_case(word)?;
        Some(self.verdict_of(dict, word, info, variety))
    }

    /// The verdict on `word`, whose entry in `dict` is `info`.
    fn verdict_of(
        &self,
        dict: &Dictionary,
        word: &str,
        info: WordInfo,
        variety: Variety,
    ) -> Verdict {
        if dict.language() == "en" && !variety.accepts(info) {
            return Verdict::OtherVariety;
        }
        if dict.case_fits(word, info) {
            Verdict::Known
        } else {
            Verdict::WrongCase(dict.canonical(&word.to_lowercase(), info))
        }
    }

    /// Ranked suggestions, remembered for the next checks (the dictionaries and lexicons they
    /// come from only change with a new speller or [`Speller::load_dictionary`]).
    fn suggest_in(
        &self,
        word: &str,
        detected: Detected,
        variety: Variety,
        limit: usize,
    ) -> Vec<String> {
        if word.len() > MAX_WORD_BYTES {
            return Vec::new();
        }
        let found = self
            .suggestions
            .get_or_make(word, &(detected, variety, limit), || {
                self.rank_suggestions(word, detected, variety, limit)
            });
        found.as_ref().clone()
    }

    fn rank_suggestions(
        &self,
        word: &str,
        detected: Detected,
        variety: Variety,
        limit: usize,
    ) -> Vec<String> {
        let curly = word.contains('’');
        let lower = normalize(word);
        let (dictionary, singles): (&Dictionary, &[&str]) = match detected {
            Detected::French => match &self.french {
                Some(f) => (f, &["a", "à", "y"]),
                None => return Vec::new(),
            },
            Detected::English => (&self.english, &["a", "i"]),
        };
        // French elision: suggest for the word after `l'` and keep the elision as written.
        // `lower` writes apostrophes as `'` (one byte) where the word may have `’` (three):
        // split the word by characters, never by the normalised form's byte offsets.
        let elision = match detected {
            Detected::French => FRENCH_ELISIONS
                .iter()
                .find(|e| lower.starts_with(**e) && lower.len() > e.len()),
            Detected::English => None,
        };
        let (prefix, stem, original_stem) = match elision {
            Some(e) => {
                let split = word
                    .char_indices()
                    .nth(e.chars().count())
                    .map_or(word.len(), |(i, _)| i);
                (&word[..split], &lower[e.len()..], &word[split..])
            }
            None => ("", lower.as_str(), word),
        };
        let accepts = |info: WordInfo| variety.accepts(info) || dictionary.language() != "en";
        let source = suggest::SuggestionSource {
            dictionary,
            accepts: &accepts,
            extra_words: &self.extra_words,
            use_misspelling_table: self.use_misspelling_table && detected == Detected::English,
            single_letter_words: singles,
            frequency_trust: if detected == Detected::English {
                1.0
            } else {
                0.5
            },
        };
        let case_model = if prefix.is_empty() {
            word
        } else {
            original_stem
        };
        suggest::rank(&source, stem, limit)
            .into_iter()
            .map(|r| {
                let mut s = format!("{prefix}{}", match_case(case_model, &r.word));
                if curly {
                    s = s.replace('\'', "’");
                }
                s
            })
            .collect()
    }

    /// In `auto`, American and British spellings mixed in one draft: flag the minority
    /// (`found`: the varieties of every line, from [`Speller::check_line`], spans into `text`).
    pub fn check_varieties(
        &self,
        text: &str,
        language: Language,
        found: &[(Token, WordInfo)],
        out: &mut Vec<Finding>,
    ) {
        if language != Language::Auto {
            return;
        }
        let american = found.iter().filter(|(_, i)| i.american()).count();
        let british = found.len() - american;
        if american == 0 || british == 0 {
            return;
        }
        let first_american = found.iter().position(|(_, i)| i.american()).unwrap_or(0);
        let first_british = found.iter().position(|(_, i)| i.british()).unwrap_or(0);
        let keep_american =
            american > british || (american == british && first_american < first_british);
        let (target, message) = if keep_american {
            (Variety::American, &messages::BRITISH_IN_AMERICAN)
        } else {
            (Variety::British, &messages::AMERICAN_IN_BRITISH)
        };
        for (token, info) in found {
            if info.american() == keep_american {
                continue;
            }
            let word = token.text(text);
            out.push(finding(
                MIXED_DIALECT,
                Severity::Suggestion,
                token.span,
                messages::fill(message, self.ui, &[("word", word)]),
                messages::MIXED_DIALECT_WHY.get(self.ui),
                self.suggest_in(word, Detected::English, target, 1),
            ));
        }
    }
}

/// What [`Speller::check_line`] found on one line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineSpelling {
    pub findings: Vec<Finding>,
    /// Known words that belong to one English variety only (for mixed-variety checks).
    pub varieties: Vec<(Token, WordInfo)>,
}

/// `é` → `e`, `É` → `E`.
fn strip_accent_keep_case(c: char) -> char {
    let plain = phonetic::strip_accent(c.to_lowercase().next().unwrap_or(c));
    if c.is_uppercase() {
        plain.to_ascii_uppercase()
    } else if plain != c.to_lowercase().next().unwrap_or(c) {
        plain
    } else {
        c
    }
}

/// `sooo` → `so`, `yesss` → `yes` (`keep` 1), `pleaseee` → `pleasee`… (`keep` 2): runs of three
/// or more identical letters cut to `keep`, or `None` when the word has no such run. Only the
/// runs people draw out on purpose count — a vowel, or the last letter (`omggg`) — so a
/// slipped key inside a word (`adddress`) is still a typo.
fn shorten_runs(word: &str, keep: usize) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let expressive = |i: usize, c: char, run: usize| {
        run >= 3 && (i + run == chars.len() || "aeiouy".contains(c.to_ascii_lowercase()))
    };
    let mut has_run = false;
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|&&x| x == chars[i]).count();
        if run >= 3 && !expressive(i, chars[i], run) {
            return None;
        }
        has_run |= run >= 3;
        i += run;
    }
    if !has_run {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&x| x == c).count();
        out.extend(std::iter::repeat_n(c, if run >= 3 { keep } else { run }));
        i += run;
    }
    Some(out)
}

/// Lowercase with straight apostrophes: the form lookups and lexicons use.
fn normalize(word: &str) -> String {
    let mut out = String::new();
    normalize_into(word, &mut out);
    out
}

/// [`normalize`] into `out` (cleared first), reusing its memory.
fn normalize_into(word: &str, out: &mut String) {
    lowercase_into(word, &['’', 'ʼ'], out);
}

/// `word` in lowercase with the apostrophes of `straighten` written `'`, into `out` (cleared
/// first): `word.to_lowercase()` then the replacement, without allocating.
fn lowercase_into(word: &str, straighten: &[char], out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else if word.contains('Σ') {
        // A capital sigma lowercases by its place in the word: the string's own rule decides.
        out.push_str(&word.to_lowercase().replace(straighten, "'"));
    } else {
        // Letter by letter: no other letter lowercases by context, none to an apostrophe.
        for c in word.chars() {
            if straighten.contains(&c) {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

/// Tokens grouped by line: a line is the unit language detection decides on.
fn paragraphs<'t>(text: &str, tokens: &'t [Token]) -> Vec<&'t [Token]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..tokens.len() {
        if text[tokens[i - 1].span.end..tokens[i].span.start].contains('\n') {
            out.push(&tokens[start..i]);
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(&tokens[start..]);
    }
    out
}

fn finding(
    rule: &str,
    severity: Severity,
    span: Span,
    message: String,
    why: &str,
    suggestions: Vec<String>,
) -> Finding {
    Finding::new(
        Category::Spelling,
        rule,
        severity,
        span,
        message,
        why,
        suggestions,
    )
}

#[cfg(test)]
mod long_token_tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn a_french_elision_with_a_curly_apostrophe_is_split_by_characters() {
        // Found by the `check` fuzz target: `c’stk` once sliced inside the three-byte `’`.
        let speller = Speller::new(&[], &[]);
        let suggestions = speller.suggest("c’stk", Language::Fr, 5);
        assert!(
            suggestions.iter().all(|s| s.starts_with("c’")),
            "{suggestions:?}"
        );
        let text = "c’stk l’equipe";
        let mut out = Vec::new();
        speller.check_in(text, &tokenize(text), Language::Fr, &mut out);
        assert!(
            out.iter()
                .any(|f| f.suggestions.iter().any(|s| s == "l’équipe")),
            "{out:?}"
        );
    }

    #[test]
    fn a_token_longer_than_any_word_is_skipped_quickly() {
        let text = format!("{} tomorow", "a".repeat(100_000));
        let speller = Speller::new(&[], &[]);
        let mut out = Vec::new();
        speller.check_in(&text, &tokenize(&text), Language::EnUs, &mut out);
        assert_eq!(out.len(), 1, "only the real typo is flagged: {out:?}");
        assert!(speller
            .suggest(&"b".repeat(500), Language::EnUs, 5)
            .is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn speller() -> Speller {
        Speller::new(
            &["plumey".to_string()],
            &[
                "iPhone".to_string(),
                "LinkedIn".to_string(),
                "Slack".to_string(),
            ],
        )
    }

    /// (rule, flagged text, suggestions) for `text` checked in `language`.
    fn check(text: &str, language: Language) -> Vec<(String, String, Vec<String>)> {
        let mut out = vec![];
        speller().check_in(text, &tokenize(text), language, &mut out);
        out.into_iter()
            .map(|f| {
                (
                    f.rule.0,
                    text[f.span.start..f.span.end].to_string(),
                    f.suggestions,
                )
            })
            .collect()
    }

    fn first_suggestion(word: &str, language: Language) -> String {
        speller()
            .suggest(word, language, 5)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    #[test]
    fn common_typos_get_the_intended_word_first() {
        for (typo, fix) in [
            ("teh", "the"),
            ("recieve", "receive"),
            ("tomorow", "tomorrow"),
            ("definately", "definitely"),
            ("seperate", "separate"),
            ("lsunch", "launch"),
        ] {
            assert_eq!(first_suggestion(typo, Language::EnUs), fix, "{typo}");
        }
    }

    /// The first three suggestions for `word`, as the writer would see them.
    fn top_three(word: &str, language: Language) -> Vec<String> {
        let mut found = speller().suggest(word, language, 5);
        found.truncate(3);
        found
    }

    #[test]
    fn real_english_misspellings_get_the_intended_word_and_close_alternatives() {
        for (typo, expected) in [
            ("anounce", ["announce", "an ounce", "announces"]),
            ("colection", ["collection", "collections", "connection"]),
            ("recieve", ["receive", "relieve", "received"]),
            ("beleive", ["believe", "believed", "believes"]),
            ("wich", ["which", "with", "wish"]),
            ("freind", ["friend", "find", "friends"]),
            ("thier", ["their", "there", "tier"]),
            ("exitement", ["excitement", "excrement", "excitements"]),
            ("definately", ["definitely", "defiantly", "delicately"]),
        ] {
            assert_eq!(top_three(typo, Language::EnUs), expected, "{typo}");
        }
        assert_eq!(top_three("goverment", Language::EnUs)[0], "government");
        assert_eq!(top_three("tommorow", Language::EnUs)[0], "tomorrow");
    }

    #[test]
    fn real_french_misspellings_get_the_intended_word_and_close_alternatives() {
        if embedded_dictionary(Language::Fr).is_none() {
            return; // built without French
        }
        for (typo, expected) in [
            ("evenement", ["événement", "évènement", "éventement"]),
            ("reponse", ["réponse", "repense", "repensé"]),
            ("nouvaeu", ["nouveau", "nouveaux", "nouvel"]),
            ("apeller", ["appeler", "appellera", "aller"]),
        ] {
            assert_eq!(top_three(typo, Language::Fr), expected, "{typo}");
        }
        assert_eq!(top_three("aujourdhui", Language::Fr)[0], "aujourd'hui");
        assert_eq!(top_three("developement", Language::Fr)[0], "développement");
        assert_eq!(top_three("recevoire", Language::Fr)[0], "recevoir");
    }

    #[test]
    fn suggestions_keep_the_writers_case() {
        assert_eq!(first_suggestion("Teh", Language::EnUs), "The");
        assert_eq!(first_suggestion("TEH", Language::EnUs), "THE");
    }

    #[test]
    fn missing_apostrophes_are_restored_straight_or_curly() {
        assert_eq!(first_suggestion("dont", Language::EnUs), "don't");
        assert_eq!(first_suggestion("youre", Language::EnUs), "you're");
        assert_eq!(first_suggestion("im", Language::EnUs), "I'm");
        assert_eq!(first_suggestion("Thats", Language::EnUs), "That's");
        assert!(speller().is_known("don’t", Language::EnUs));
        assert!(speller().is_known("it’s", Language::EnUs));
    }

    #[test]
    fn hyphenated_words_are_known_by_their_parts_or_without_hyphens() {
        for word in ["well-known", "brand-new", "Wi-Fi", "e-mail"] {
            assert!(speller().is_known(word, Language::EnUs), "{word}");
        }
        assert!(!speller().is_known("well-knwon", Language::EnUs));
    }

    #[test]
    fn a_doubled_letter_beats_a_split_into_rare_words() {
        assert_eq!(first_suggestion("anounce", Language::EnUs), "announce");
    }

    #[test]
    fn a_missed_space_is_split() {
        assert_eq!(first_suggestion("alot", Language::EnUs), "a lot");
        assert_eq!(first_suggestion("thankyou", Language::EnUs), "thank you");
    }

    #[test]
    fn accented_loanwords_and_lengthened_words_are_known_in_english() {
        for word in [
            "café",
            "Café",
            "naïve",
            "résumé",
            "Montréal",
            "sooo",
            "yesss",
            "Pleaseee",
            "omggg",
        ] {
            assert!(speller().is_known(word, Language::EnUs), "{word}");
        }
        // The shortened word must itself be a word, and a run inside a word is a slip.
        assert!(!speller().is_known("teeeh", Language::EnUs));
        assert!(!speller().is_known("adddress", Language::EnUs));
        assert!(!speller().is_known("cafè", Language::Fr));
    }

    #[test]
    fn acronym_plurals_pass() {
        assert!(check("Our APIs and KPIs, plus FAQs and DMs", Language::EnUs).is_empty());
        // A lowercase letter inside is not an acronym any more.
        assert_eq!(check("Our KPls", Language::EnUs).len(), 1);
    }

    #[test]
    fn function_words_and_chat_forms_are_known() {
        for word in [
            "is", "has", "his", "its", "lol", "tbh", "idk", "dm", "omg", "btw",
        ] {
            assert!(speller().is_known(word, Language::EnUs), "{word}");
        }
    }

    #[test]
    fn social_tokens_are_never_flagged() {
        let text = "Big news @acme_fr! Read bit.ly/3xYz or https://acme.com/blog?utm=x, mail hello@acme.com, \
                    $TSLA up 10k at 3pm on the 2nd, 24/7 🚀👩‍👩‍👧 run `npm i plumey-cli` #TBT #OOTD #SummerSale2025";
        assert!(
            check(text, Language::EnUs).is_empty(),
            "{:?}",
            check(text, Language::EnUs)
        );
    }

    #[test]
    fn misspelled_hashtag_parts_get_the_whole_hashtag_fixed() {
        let found = check("Don't miss our #SumerSale today", Language::EnUs);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, UNKNOWN_WORD);
        assert_eq!(found[0].1, "#SumerSale");
        assert_eq!(found[0].2, vec!["#SummerSale"]);
    }

    #[test]
    fn unknown_words_are_flagged_with_suggestions() {
        let found = check("Our lauch is tomorow", Language::EnUs);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, UNKNOWN_WORD);
        assert_eq!(found[1].2[0], "tomorrow");
    }

    #[test]
    fn personal_words_are_never_flagged() {
        assert!(check("Plumey rocks", Language::EnUs).is_empty());
    }

    #[test]
    fn brand_names_are_known_and_their_casing_is_enforced() {
        assert!(check("Shot on iPhone, shared on LinkedIn", Language::EnUs).is_empty());
        assert!(check("#ShotOniPhone #LinkedInTips", Language::EnUs).is_empty());
        let found = check("Shot on iphone, shared on Linkedin", Language::EnUs);
        assert_eq!(
            found,
            vec![
                (
                    BRAND_CASING.to_string(),
                    "iphone".to_string(),
                    vec!["iPhone".to_string()]
                ),
                (
                    BRAND_CASING.to_string(),
                    "Linkedin".to_string(),
                    vec!["LinkedIn".to_string()]
                ),
            ]
        );
        // A brand that is also an everyday word is left alone in everyday use.
        assert!(check("Cut me some slack", Language::EnUs).is_empty());
    }

    #[test]
    fn proper_nouns_written_in_lowercase_get_their_capital() {
        let found = check("See you in paris", Language::EnUs);
        assert_eq!(found[0].0, CAPITALIZATION);
        assert_eq!(found[0].2, vec!["Paris"]);
    }

    #[test]
    fn the_other_english_variety_is_a_dialect_suggestion() {
        let found = check("Our favourite colour", Language::EnUs);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, DIALECT);
        assert_eq!(found[1].2[0], "color");
        assert!(check("Our favourite colour", Language::EnGb).is_empty());
        assert_eq!(
            check("Our favorite color", Language::EnGb)[1].2[0],
            "colour"
        );
    }

    #[test]
    fn mixed_varieties_in_an_auto_draft_flag_the_minority() {
        let found = check(
            "The color and flavor of our new center, in every colour",
            Language::Auto,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, MIXED_DIALECT);
        assert_eq!(found[0].1, "colour");
        assert_eq!(found[0].2[0], "color");
    }

    #[test]
    fn french_words_accents_and_elisions_are_checked() {
        assert!(speller().is_known("l'équipe", Language::Fr));
        assert!(speller().is_known("aujourd'hui", Language::Fr));
        assert_eq!(first_suggestion("equipe", Language::Fr), "équipe");
        assert_eq!(first_suggestion("l'equipe", Language::Fr), "l'équipe");
        assert_eq!(first_suggestion("Equipe", Language::Fr), "Équipe");
        let found = check("Notre equipe vous attend demain", Language::Fr);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].2[0], "équipe");
    }

    #[test]
    fn auto_checks_each_paragraph_in_its_own_language() {
        let text =
            "Our new collection is here!\nNotre nouvelle collection est arrivée, découvrez-la !";
        assert!(
            check(text, Language::Auto).is_empty(),
            "{:?}",
            check(text, Language::Auto)
        );
        let text = "Our new colection is here!\nNotre nouvelle colection est arrivée !";
        let found = check(text, Language::Auto);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].2[0], "collection");
    }

    #[test]
    fn a_french_paragraph_without_its_dictionary_is_reported_not_flagged() {
        let mut speller = Speller::new(&[], &[]);
        speller.french = None;
        let text = "New drop today!\nNotre nouvelle colection est arrivée";
        let tokens = tokenize(text);
        let mut out = vec![];
        speller.check_in(text, &tokens, Language::Auto, &mut out);
        assert!(out.is_empty(), "{out:?}");
        assert_eq!(
            speller.missing_dictionaries(text, &tokens, Language::Auto),
            vec![Language::Fr]
        );
        let english = "New drop today!";
        assert!(speller
            .missing_dictionaries(english, &tokenize(english), Language::Auto)
            .is_empty());
    }

    #[test]
    fn suggestions_ranked_without_the_french_dictionary_are_forgotten_once_it_loads() {
        let Some(french) = embedded_dictionary(Language::Fr) else {
            return; // a build without the French dictionary has nothing to load
        };
        let mut speller = Speller::new(&[], &[]);
        speller.french = None;
        assert!(speller.suggest("evenement", Language::Fr, 5).is_empty());
        speller
            .load_dictionary(Language::Fr, french)
            .expect("the built-in French dictionary loads");
        assert_eq!(
            speller.suggest("evenement", Language::Fr, 5).first(),
            Some(&"événement".to_string())
        );
    }

    #[test]
    fn french_needs_its_dictionary_and_refuses_other_bytes() {
        let mut speller = Speller::new(&[], &[]);
        let english = embedded_dictionary(Language::EnUs).unwrap_or_default();
        assert!(matches!(
            speller.load_dictionary(Language::Fr, english),
            Err(DictionaryError::WrongLanguage { .. })
        ));
        assert!(matches!(
            speller.load_dictionary(Language::EnUs, english),
            Err(DictionaryError::NotLoadable(_))
        ));
        if let Some(french) = embedded_dictionary(Language::Fr) {
            assert_eq!(speller.load_dictionary(Language::Fr, french), Ok(()));
            assert!(speller.is_known("équipe", Language::Fr));
            // A speller built afterwards (a new configuration) keeps the loaded dictionary.
            let mut rebuilt = Speller::new(&[], &[]);
            rebuilt.french = None;
            rebuilt.carry_dictionaries_from(&speller);
            assert!(rebuilt.is_known("équipe", Language::Fr));
        }
    }
}
