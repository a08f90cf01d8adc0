//! The French lexicon: what a French word can be, and the forms of a lemma.
//!
//! Two sources:
//! - `closed.txt`: closed-class words (determiners with gender and number, pronouns with person
//!   and number, *être* and *avoir* fully conjugated as auxiliaries, prepositions, conjunctions,
//!   a few adverbs), written for Plume;
//! - every other word: the readings the French dictionary's affix classes imply, compiled at
//!   build time into the `grammar` section of `fr.dict` (`buildsrc/french_lexicon.rs`, layout in
//!   [`table`]), so the lexicon travels with the lazily loaded French dictionary.
//!
//! Limits, from the data: a noun and an adjective of the same class cannot be told apart (both
//! readings are given); nouns of the number-only classes (`S.`, `X.`: *équipe*, *message*) have no
//! gender, so gender agreement is checked only where a determiner, an adjective or a participle
//! carries one; the subjunctive present of first-group verbs shares its forms with the
//! indicative and is read as both. Forms are generated, never listed: [`FrenchLexicon::inflect`]
//! applies the reading table backwards to the lemma and keeps the candidates the dictionary reads
//! that way.

pub mod table;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::grammar::morph::*;
use crate::spell::format::{decode, encode};
use crate::spell::Dictionary;

use table::{ReadingEntry, Section};

/// The French lexicon over a loaded French dictionary.
pub struct FrenchLexicon {
    dictionary: Dictionary,
    section: Section,
    /// Closed-class words: their readings, and whether dictionary readings are added (`+`).
    closed: HashMap<&'static str, (Vec<Analysis>, bool)>,
}

impl std::fmt::Debug for FrenchLexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FrenchLexicon")
            .field("readings", &self.section.readings.len())
            .field("lists", &self.section.lists.len())
            .finish_non_exhaustive()
    }
}

fn to_features(bits: [u8; 6]) -> Features {
    let mut features = Features::default();
    for (feature, value) in Feature::ALL.into_iter().zip(bits) {
        features.set(feature, value);
    }
    features
}

/// How well a reading's features give what `wanted` asks: `None` if one wanted value is
/// excluded, else the number of wanted features the reading states explicitly.
fn fit(features: &Features, wanted: &Features) -> Option<usize> {
    let mut explicit = 0;
    for feature in Feature::ALL {
        let want = wanted.get(feature);
        if want == 0 {
            continue;
        }
        let lowest = want & want.wrapping_neg();
        if !features.allows(feature, lowest) {
            return None;
        }
        explicit += usize::from(features.get(feature) != 0);
    }
    Some(explicit)
}

impl FrenchLexicon {
    /// The lexicon over a French dictionary; `None` when the file has no grammar section (a
    /// dictionary compiled without one) or the section cannot be read.
    pub fn new(dictionary: Dictionary) -> Option<FrenchLexicon> {
        let section = table::read_section(dictionary.grammar_section()).ok()?;
        if section.readings.is_empty() {
            return None;
        }
        let mut closed: HashMap<&'static str, (Vec<Analysis>, bool)> = HashMap::new();
        for line in data_lines(include_str!("closed.txt")) {
            // The data file is this crate's own: a line it cannot read is caught by a test.
            if let Some((word, analysis, plus)) = closed_entry(line) {
                let entry = closed.entry(word).or_default();
                entry.0.push(analysis);
                entry.1 |= plus;
            }
        }
        Some(FrenchLexicon {
            dictionary,
            section,
            closed,
        })
    }

    /// The lexicon of a loaded French dictionary, built once per dictionary and shared: checks
    /// ask for it on every call, and reading the section takes longer than a check.
    pub fn shared(dictionary: &Dictionary) -> Option<Arc<FrenchLexicon>> {
        // Keyed by where the section lives: the cached lexicon holds the dictionary, so its bytes
        // (and their address) stay while it is cached.
        static LAST: Mutex<Option<(usize, usize, Arc<FrenchLexicon>)>> = Mutex::new(None);
        let section = dictionary.grammar_section();
        let key = (section.as_ptr() as usize, section.len());
        let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((ptr, len, lexicon)) = last.as_ref() {
            if (*ptr, *len) == key {
                return Some(lexicon.clone());
            }
        }
        let lexicon = Arc::new(FrenchLexicon::new(dictionary.clone())?);
        *last = Some((key.0, key.1, lexicon.clone()));
        Some(lexicon)
    }

    /// The reading ids the dictionary stores for `word` (lowercase).
    fn reading_ids(&self, word: &str) -> &[u16] {
        let list = self.dictionary.info(word).map_or(0, |i| i.readings());
        match list.checked_sub(1) {
            Some(n) => self
                .section
                .lists
                .get(usize::from(n))
                .map_or(&[], |r| &self.section.ids[r.clone()]),
            None => &[],
        }
    }

    /// The lemma of `word` read as `entry`, if the form ends as the entry says.
    fn lemma_of(word: &str, entry: &ReadingEntry) -> Option<String> {
        let bytes = encode(word)?;
        let stem = bytes.strip_suffix(entry.form_tail.as_slice())?;
        let mut lemma = stem.to_vec();
        lemma.extend_from_slice(&entry.lemma_tail);
        Some(decode(&lemma))
    }

    /// The readings the affix classes give `word` (lowercase).
    fn dictionary_analyses(&self, word: &str, out: &mut Vec<Analysis>) {
        for &id in self.reading_ids(word) {
            let entry = &self.section.readings[usize::from(id)];
            let Some(pos) = Pos::ALL.get(usize::from(entry.pos)).copied() else {
                continue;
            };
            if let Some(lemma) = Self::lemma_of(word, entry) {
                out.push(Analysis::new(&lemma, pos, to_features(entry.features)));
            }
        }
    }

    /// The best form of `lemma` among the dictionary's readings (see [`Lexicon::inflect`]).
    fn inflect_open(&self, lemma: &str, pos: Pos, wanted: &Features) -> Option<String> {
        let lemma_bytes = encode(lemma)?;
        let mut best: Option<(usize, bool, String)> = None;
        for (id, entry) in self.section.readings.iter().enumerate() {
            if Pos::ALL.get(usize::from(entry.pos)) != Some(&pos) {
                continue;
            }
            let features = to_features(entry.features);
            let Some(score) = fit(&features, wanted) else {
                continue;
            };
            if best.as_ref().is_some_and(|b| b.0 > score) {
                continue;
            }
            let Some(stem) = lemma_bytes.strip_suffix(entry.lemma_tail.as_slice()) else {
                continue;
            };
            let mut form = stem.to_vec();
            form.extend_from_slice(&entry.form_tail);
            let form = decode(&form);
            if !self.reading_ids(&form).contains(&(id as u16)) {
                continue;
            }
            // Prefer the present (a fix of `il manger` is `mange`, not `mangea`).
            let present = features.get(Feature::Tense) & table::TENSE_PRES != 0;
            let better = match &best {
                None => true,
                Some((s, p, _)) => score > *s || (score == *s && present && !*p),
            };
            if better {
                best = Some((score, present, form));
            }
        }
        best.map(|b| b.2)
    }
}

impl Lexicon for FrenchLexicon {
    fn analyses(&self, word: &str) -> Vec<Analysis> {
        let word = word.replace(['’', 'ʼ'], "'");
        let mut out = Vec::new();
        match self.closed.get(word.as_str()) {
            Some((closed, plus)) => {
                out.extend(closed.iter().cloned());
                if *plus {
                    self.dictionary_analyses(&word, &mut out);
                }
            }
            None => self.dictionary_analyses(&word, &mut out),
        }
        out
    }

    fn elision(&self, word: &str) -> Option<usize> {
        const CLITICS: [&str; 13] = [
            "l'", "d'", "j'", "m'", "t'", "s'", "c'", "n'", "qu'", "jusqu'", "lorsqu'", "puisqu'",
            "quoiqu'",
        ];
        let clitic = CLITICS.iter().find(|c| word.starts_with(*c))?;
        let rest = &word[clitic.len()..];
        // Whole words with an apostrophe (`prud'homme`) stay whole; the rest must be a word.
        let starts_with_letter = rest.chars().next().is_some_and(char::is_alphabetic);
        (starts_with_letter && self.dictionary.info(word).is_none()).then(|| clitic.chars().count())
    }

    fn inflect(&self, lemma: &str, pos: Pos, wanted: &Features) -> Option<String> {
        // Closed classes first (`le` → `la`, `être` → `sont`), then the affix classes.
        let mut best: Option<(usize, &str)> = None;
        for (word, (analyses, _)) in &self.closed {
            for a in analyses {
                if a.lemma != lemma || a.pos != pos {
                    continue;
                }
                if let Some(score) = fit(&a.features, wanted) {
                    let better = best.is_none_or(|(s, w)| score > s || (score == s && *word < w));
                    if better {
                        best = Some((score, word));
                    }
                }
            }
        }
        match best {
            Some((_, word)) => Some(word.to_string()),
            None => self.inflect_open(lemma, pos, wanted),
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn lexicon() -> FrenchLexicon {
        let bytes = crate::spell::embedded_dictionary(crate::config::Language::Fr)
            .expect("native builds embed French");
        let dictionary =
            Dictionary::from_static(bytes).expect("the embedded French dictionary opens");
        FrenchLexicon::new(dictionary).expect("the native French dictionary has a grammar section")
    }

    fn has(
        lexicon: &FrenchLexicon,
        word: &str,
        lemma: &str,
        pos: Pos,
        wanted: &[(&str, &str)],
    ) -> bool {
        lexicon.analyses(word).iter().any(|a| {
            a.lemma == lemma
                && a.pos == pos
                && wanted.iter().all(|(f, v)| {
                    let feature = Feature::parse(f).expect("feature name");
                    a.features.get(feature) & feature.value(v).expect("value name") != 0
                })
        })
    }

    fn wanted(pairs: &[(&str, &str)]) -> Features {
        let mut features = Features::default();
        for (f, v) in pairs {
            let feature = Feature::parse(f).expect("feature name");
            features.set(feature, feature.value(v).expect("value name"));
        }
        features
    }

    #[test]
    fn the_layout_matches_the_morphology_types() {
        assert_eq!(Pos::ALL[usize::from(table::POS_NOUN)], Pos::Noun);
        assert_eq!(Pos::ALL[usize::from(table::POS_VERB)], Pos::Verb);
        assert_eq!(Pos::ALL[usize::from(table::POS_ADJ)], Pos::Adj);
        assert_eq!(Pos::ALL[usize::from(table::POS_ADV)], Pos::Adv);
        assert_eq!(Pos::ALL[usize::from(table::POS_PROPN)], Pos::Propn);
        let order = [
            (table::NUM, Feature::Num),
            (table::GEN, Feature::Gen),
            (table::PER, Feature::Per),
            (table::FORM, Feature::Form),
            (table::MOOD, Feature::Mood),
            (table::TENSE, Feature::Tense),
        ];
        for (i, feature) in order {
            assert_eq!(Feature::ALL[i], feature);
        }
        assert_eq!(Feature::Num.value("pl"), Some(table::PL));
        assert_eq!(Feature::Gen.value("f"), Some(table::FEM));
        assert_eq!(Feature::Per.value("3"), Some(table::P3));
        assert_eq!(Feature::Form.value("pp"), Some(table::FORM_PP));
        assert_eq!(Feature::Form.value("fin"), Some(table::FORM_FINITE));
        assert_eq!(Feature::Mood.value("ppas"), Some(table::MOOD_PPAS));
        assert_eq!(Feature::Mood.value("cond"), Some(table::MOOD_COND));
        assert_eq!(Feature::Tense.value("fut"), Some(table::TENSE_FUT));
    }

    #[test]
    fn every_french_rule_file_parses_and_its_examples_hold() {
        let lexicon = lexicon();
        let mut failures = Vec::new();
        let mut count = 0;
        for (path, parsed) in crate::grammar::shipped_files() {
            if !path.starts_with("fr/") {
                continue;
            }
            match parsed {
                Err(e) => failures.push(e.to_string()),
                Ok(family) => {
                    count += 1;
                    if let Err(f) = crate::grammar::check_examples(&family, path, &lexicon) {
                        failures.extend(f);
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert!(count > 0, "no French rule file");
    }

    #[test]
    fn elided_words_are_read_as_two() {
        let l = lexicon();
        assert_eq!(l.elision("l'équipe"), Some(2));
        assert_eq!(l.elision("qu'elle"), Some(3));
        assert_eq!(l.elision("jusqu'à"), Some(6));
        assert_eq!(l.elision("aujourd'hui"), None);
        assert_eq!(l.elision("équipe"), None);
    }

    #[test]
    fn every_closed_class_line_reads() {
        for line in data_lines(include_str!("closed.txt")) {
            assert!(
                closed_entry(line).is_some(),
                "closed.txt cannot read: {line}"
            );
        }
    }

    #[test]
    fn nouns_and_adjectives_have_number_and_gender_from_their_classes() {
        let l = lexicon();
        assert!(has(&l, "équipe", "équipe", Pos::Noun, &[("num", "sg")]));
        assert!(has(&l, "équipes", "équipe", Pos::Noun, &[("num", "pl")]));
        assert!(!has(&l, "équipe", "équipe", Pos::Noun, &[("num", "pl")]));
        assert!(has(
            &l,
            "belle",
            "beau",
            Pos::Adj,
            &[("gen", "f"), ("num", "sg")]
        ));
        assert!(has(
            &l,
            "beaux",
            "beau",
            Pos::Adj,
            &[("gen", "m"), ("num", "pl")]
        ));
        assert!(has(
            &l,
            "prête",
            "prêt",
            Pos::Adj,
            &[("gen", "f"), ("num", "sg")]
        ));
        assert!(has(
            &l,
            "heureuses",
            "heureux",
            Pos::Adj,
            &[("gen", "f"), ("num", "pl")]
        ));
        assert!(has(&l, "travaux", "travail", Pos::Noun, &[("num", "pl")]));
    }

    #[test]
    fn verbs_have_person_number_and_mood_from_their_elision_flags() {
        let l = lexicon();
        assert!(has(
            &l,
            "mange",
            "manger",
            Pos::Verb,
            &[("per", "1"), ("num", "sg")]
        ));
        assert!(has(
            &l,
            "mange",
            "manger",
            Pos::Verb,
            &[("per", "3"), ("num", "sg")]
        ));
        assert!(!has(
            &l,
            "mange",
            "manger",
            Pos::Verb,
            &[("num", "pl"), ("mood", "ind")]
        ));
        assert!(has(
            &l,
            "mangent",
            "manger",
            Pos::Verb,
            &[("per", "3"), ("num", "pl")]
        ));
        assert!(has(
            &l,
            "mangeons",
            "manger",
            Pos::Verb,
            &[("per", "1"), ("num", "pl")]
        ));
        assert!(has(
            &l,
            "mangez",
            "manger",
            Pos::Verb,
            &[("per", "2"), ("num", "pl")]
        ));
        assert!(has(&l, "manger", "manger", Pos::Verb, &[("mood", "inf")]));
        assert!(has(
            &l,
            "mangé",
            "manger",
            Pos::Verb,
            &[("mood", "ppas"), ("gen", "m")]
        ));
        assert!(has(
            &l,
            "mangées",
            "manger",
            Pos::Verb,
            &[("mood", "ppas"), ("gen", "f"), ("num", "pl")]
        ));
        assert!(has(
            &l,
            "mangeait",
            "manger",
            Pos::Verb,
            &[("tense", "impf"), ("per", "3")]
        ));
        assert!(has(
            &l,
            "mangerait",
            "manger",
            Pos::Verb,
            &[("mood", "cond")]
        ));
        assert!(has(
            &l,
            "prenons",
            "prendre",
            Pos::Verb,
            &[("per", "1"), ("num", "pl")]
        ));
        assert!(has(&l, "pris", "prendre", Pos::Verb, &[("mood", "ppas")]));
        assert!(has(
            &l,
            "finissent",
            "finir",
            Pos::Verb,
            &[("per", "3"), ("num", "pl")]
        ));
        assert!(has(&l, "reçu", "recevoir", Pos::Verb, &[("mood", "ppas")]));
    }

    #[test]
    fn closed_classes_replace_or_join_dictionary_readings() {
        let l = lexicon();
        assert!(has(
            &l,
            "a",
            "avoir",
            Pos::Aux,
            &[("per", "3"), ("num", "sg")]
        ));
        assert!(!l.analyses("a").iter().any(|a| a.pos == Pos::Noun));
        assert!(has(&l, "les", "le", Pos::Det, &[("num", "pl")]));
        assert!(has(
            &l,
            "sont",
            "être",
            Pos::Aux,
            &[("per", "3"), ("num", "pl")]
        ));
        assert!(has(&l, "l’", "le", Pos::Det, &[("num", "sg")]));
        assert!(l.analyses("zzzxq").is_empty());
    }

    #[test]
    fn inflection_generates_forms_from_the_reading_table() {
        let l = lexicon();
        let inflect = |lemma, pos, pairs: &[(&str, &str)]| l.inflect(lemma, pos, &wanted(pairs));
        assert_eq!(
            inflect("équipe", Pos::Noun, &[("num", "pl")]).as_deref(),
            Some("équipes")
        );
        assert_eq!(
            inflect("beau", Pos::Adj, &[("gen", "f"), ("num", "sg")]).as_deref(),
            Some("belle")
        );
        assert_eq!(
            inflect("prêt", Pos::Adj, &[("gen", "f"), ("num", "pl")]).as_deref(),
            Some("prêtes")
        );
        assert_eq!(
            inflect("aider", Pos::Verb, &[("mood", "inf")]).as_deref(),
            Some("aider")
        );
        assert_eq!(
            inflect(
                "aider",
                Pos::Verb,
                &[("mood", "ppas"), ("gen", "m"), ("num", "sg")]
            )
            .as_deref(),
            Some("aidé")
        );
        assert_eq!(
            inflect(
                "manger",
                Pos::Verb,
                &[("per", "3"), ("num", "sg"), ("mood", "ind")]
            )
            .as_deref(),
            Some("mange")
        );
        assert_eq!(
            inflect(
                "prendre",
                Pos::Verb,
                &[("per", "3"), ("num", "pl"), ("mood", "ind")]
            )
            .as_deref(),
            Some("prennent")
        );
        assert_eq!(
            inflect("le", Pos::Det, &[("gen", "f"), ("num", "sg")]).as_deref(),
            Some("la")
        );
        assert_eq!(
            inflect(
                "avoir",
                Pos::Aux,
                &[
                    ("per", "3"),
                    ("num", "pl"),
                    ("mood", "ind"),
                    ("tense", "pres")
                ]
            )
            .as_deref(),
            Some("ont")
        );
        assert_eq!(inflect("xyzzy", Pos::Noun, &[("num", "pl")]), None);
    }
}
