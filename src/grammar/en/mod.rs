//! The English lexicon: what an English word can be, and the forms of a lemma.
//!
//! Three sources, read in this order:
//! - `closed.txt`: closed-class words (pronouns with person and number, determiners, forms of
//!   *be*/*have*/*do*, modals, prepositions, conjunctions, a few adverbs), written for Plume;
//! - `irregular.txt` (verbs) and `nouns.txt` (plurals): irregular forms, written for Plume;
//! - every other word: the readings the English dictionary's affix classes imply, compiled into
//!   the word map by `build.rs` (`buildsrc/english_readings.rs`; bits `spell::format::EN_*`).
//!
//! Forms are generated, never listed: `inflect` builds the candidates English spelling allows
//! (`stop` → `stopped`/`stoped`, `study` → `studies`) and keeps the one the dictionary reads as
//! that form.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::grammar::morph::*;
use crate::spell::format::*;
use crate::spell::Dictionary;

/// The English lexicon over the built-in English dictionary.
pub struct EnglishLexicon {
    dictionary: Dictionary,
    /// Closed-class words: their readings, and whether dictionary readings are added (`+`).
    closed: HashMap<&'static str, (Vec<Analysis>, bool)>,
    /// Irregular verbs by base: past forms and past participles (first: the one suggested).
    verbs: HashMap<&'static str, (Vec<&'static str>, Vec<&'static str>)>,
    /// Irregular past forms and participles → (base, form bits).
    verb_forms: HashMap<&'static str, Vec<(&'static str, u8)>>,
    /// Irregular plurals: singular → plural, and back.
    plurals: HashMap<&'static str, &'static str>,
    singulars: HashMap<&'static str, &'static str>,
}

impl std::fmt::Debug for EnglishLexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnglishLexicon").finish_non_exhaustive()
    }
}

impl EnglishLexicon {
    /// The lexicon over the built-in English dictionary, built once per process.
    pub fn built_in() -> &'static EnglishLexicon {
        static LEXICON: OnceLock<EnglishLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| EnglishLexicon::new(crate::spell::english_dictionary()))
    }

    fn new(dictionary: Dictionary) -> EnglishLexicon {
        let mut closed: HashMap<&'static str, (Vec<Analysis>, bool)> = HashMap::new();
        for line in data_lines(include_str!("closed.txt")) {
            // The data file is this crate's own: a line it cannot read is caught by a test.
            if let Some((word, analysis, plus)) = closed_entry(line) {
                let entry = closed.entry(word).or_default();
                entry.0.push(analysis);
                entry.1 |= plus;
            }
        }
        let mut verbs = HashMap::new();
        let mut verb_forms: HashMap<&'static str, Vec<(&'static str, u8)>> = HashMap::new();
        for line in data_lines(include_str!("irregular.txt")) {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let [base, past, pp] = fields[..] else {
                continue;
            };
            let past: Vec<&str> = past.split('|').collect();
            let pp: Vec<&str> = pp.split('|').collect();
            for p in &past {
                verb_forms.entry(p).or_default().push((base, FORM_PAST));
            }
            for p in &pp {
                verb_forms.entry(p).or_default().push((base, FORM_PP));
            }
            verbs.insert(base, (past, pp));
        }
        let mut plurals = HashMap::new();
        let mut singulars = HashMap::new();
        for line in data_lines(include_str!("nouns.txt")) {
            if let Some((sg, pl)) = line.split_once(' ') {
                plurals.insert(sg, pl.trim());
                singulars.insert(pl.trim(), sg);
            }
        }
        EnglishLexicon {
            dictionary,
            closed,
            verbs,
            verb_forms,
            plurals,
            singulars,
        }
    }

    /// The dictionary's reading bits of `word` (0 when unknown).
    fn bits(&self, word: &str) -> u16 {
        self.dictionary.info(word).map_or(0, |i| i.readings())
    }

    fn known(&self, word: &str) -> bool {
        self.dictionary.info(word).is_some()
    }

    /// The base a regular form was made from: the first candidate the dictionary reads with
    /// `wanted` bits.
    fn base_of(&self, word: &str, suffix: &str, wanted: u16) -> Option<String> {
        let stem = word.strip_suffix(suffix)?;
        let mut candidates = vec![stem.to_string(), format!("{stem}e")];
        if let Some(s) = stem.strip_suffix('i') {
            candidates.push(format!("{s}y"));
        }
        if suffix == "ing" {
            if let Some(s) = stem.strip_suffix('y') {
                candidates.push(format!("{s}ie"));
            }
        }
        let chars: Vec<char> = stem.chars().collect();
        if chars.len() > 2 && chars[chars.len() - 1] == chars[chars.len() - 2] {
            candidates.push(chars[..chars.len() - 1].iter().collect());
        }
        if suffix == "es" || suffix == "s" {
            candidates.truncate(1);
            if let Some(s) = word.strip_suffix("ies") {
                candidates.push(format!("{s}y"));
            }
            if suffix == "es" {
                candidates.push(format!("{stem}e"));
            }
        }
        candidates
            .into_iter()
            .find(|c| !c.is_empty() && self.bits(c) & wanted != 0)
    }

    fn open_class(&self, word: &str, out: &mut Vec<Analysis>) {
        let bits = self.bits(word);
        let f = Features::default;
        if bits & EN_NOUN_SG != 0 {
            out.push(Analysis::new(word, Pos::Noun, f().with(Feature::Num, SG)));
        }
        if bits & EN_NOUN_PL != 0 {
            let lemma = self
                .base_of(word, "es", EN_NOUN_SG)
                .or_else(|| self.base_of(word, "s", EN_NOUN_SG))
                .unwrap_or_else(|| word.trim_end_matches('s').to_string());
            out.push(Analysis::new(&lemma, Pos::Noun, f().with(Feature::Num, PL)));
        }
        if bits & EN_VERB_BASE != 0 {
            push_base_readings(word, out);
        }
        let verb = |suffixes: &[&str]| {
            suffixes
                .iter()
                .find_map(|s| self.base_of(word, s, EN_VERB_BASE))
        };
        if bits & EN_VERB_3SG != 0 {
            if let Some(base) = verb(&["es", "s"]) {
                let features = f()
                    .with(Feature::Form, FORM_PRES)
                    .with(Feature::Per, THIRD)
                    .with(Feature::Num, SG);
                out.push(Analysis::new(&base, Pos::Verb, features));
            }
        }
        if bits & EN_VERB_ED != 0 {
            if let Some(base) = verb(&["ed", "d"]) {
                for form in [FORM_PAST, FORM_PP] {
                    out.push(Analysis::new(
                        &base,
                        Pos::Verb,
                        f().with(Feature::Form, form),
                    ));
                }
            }
        }
        if bits & EN_VERB_ING != 0 {
            if let Some(base) = verb(&["ing"]) {
                out.push(Analysis::new(
                    &base,
                    Pos::Verb,
                    f().with(Feature::Form, FORM_ING),
                ));
            }
        }
        if bits & EN_ADJ != 0 {
            out.push(Analysis::new(word, Pos::Adj, f()));
        }
        if bits & EN_ADV != 0 {
            out.push(Analysis::new(word, Pos::Adv, f()));
        }
    }

    /// The regular form of `base` with `suffix` (`s`, `ed`, `ing`) that the dictionary reads
    /// with `bit`.
    fn regular(&self, base: &str, suffix: &str, bit: u16) -> Option<String> {
        let chars: Vec<char> = base.chars().collect();
        let last = *chars.last()?;
        let before = chars.len().checked_sub(2).map(|i| chars[i]);
        let vowel = |c: char| "aeiou".contains(c);
        let stem_y = base
            .strip_suffix('y')
            .filter(|_| before.is_some_and(|b| !vowel(b)));
        let mut candidates = Vec::new();
        match suffix {
            "s" => {
                if let Some(s) = stem_y {
                    candidates.push(format!("{s}ies"));
                }
                if base.ends_with(['s', 'x', 'z', 'o'])
                    || base.ends_with("ch")
                    || base.ends_with("sh")
                {
                    candidates.push(format!("{base}es"));
                }
                candidates.push(format!("{base}s"));
            }
            "ed" => {
                if let Some(s) = stem_y {
                    candidates.push(format!("{s}ied"));
                }
                if last == 'e' {
                    candidates.push(format!("{base}d"));
                }
                candidates.push(format!("{base}{last}ed"));
                candidates.push(format!("{base}ed"));
            }
            _ => {
                if let Some(s) = base.strip_suffix("ie") {
                    candidates.push(format!("{s}ying"));
                }
                if let Some(s) = base.strip_suffix('e') {
                    candidates.push(format!("{s}ing"));
                }
                candidates.push(format!("{base}{last}ing"));
                candidates.push(format!("{base}ing"));
            }
        }
        candidates.into_iter().find(|c| self.bits(c) & bit != 0)
    }

    fn inflect_verb(&self, lemma: &str, wanted: &Features) -> Option<String> {
        let form = wanted.get(Feature::Form);
        if form & FORM_INF != 0 || form == 0 {
            return Some(lemma.to_string());
        }
        if form & FORM_PRES != 0 {
            let third_singular =
                wanted.get(Feature::Per) == THIRD && wanted.get(Feature::Num) == SG;
            return if third_singular {
                self.regular(lemma, "s", EN_VERB_3SG)
            } else {
                Some(lemma.to_string())
            };
        }
        if form & FORM_ING != 0 {
            return self.regular(lemma, "ing", EN_VERB_ING);
        }
        if let Some((past, pp)) = self.verbs.get(lemma) {
            let list = if form & FORM_PAST != 0 { past } else { pp };
            return list.first().map(|s| s.to_string());
        }
        self.regular(lemma, "ed", EN_VERB_ED)
    }
}

/// The readings of a verb's base form: infinitive, and present except third person singular.
fn push_base_readings(word: &str, out: &mut Vec<Analysis>) {
    let f = Features::default;
    out.push(Analysis::new(
        word,
        Pos::Verb,
        f().with(Feature::Form, FORM_INF),
    ));
    out.push(Analysis::new(
        word,
        Pos::Verb,
        f().with(Feature::Form, FORM_PRES)
            .with(Feature::Per, FIRST | SECOND),
    ));
    out.push(Analysis::new(
        word,
        Pos::Verb,
        f().with(Feature::Form, FORM_PRES)
            .with(Feature::Per, THIRD)
            .with(Feature::Num, PL),
    ));
}

impl Lexicon for EnglishLexicon {
    fn analyses(&self, word: &str) -> Vec<Analysis> {
        let mut out = Vec::new();
        if let Some((readings, plus)) = self.closed.get(word) {
            out.extend(readings.iter().cloned());
            if !plus {
                return out;
            }
        }
        if let Some(forms) = self.verb_forms.get(word) {
            for (base, form) in forms {
                out.push(Analysis::new(
                    base,
                    Pos::Verb,
                    Features::default().with(Feature::Form, *form),
                ));
            }
        }
        if self.verbs.contains_key(word) && self.bits(word) & EN_VERB_BASE == 0 {
            push_base_readings(word, &mut out);
        }
        if let Some(sg) = self.singulars.get(word) {
            out.push(Analysis::new(
                sg,
                Pos::Noun,
                Features::default().with(Feature::Num, PL),
            ));
        }
        let before = out.len();
        self.open_class(word, &mut out);
        // An irregular form is not also a regular one of itself (`left` is not `leave`+`ed`…
        // the dictionary has no such entry anyway); drop exact duplicates.
        let mut i = before;
        while i < out.len() {
            if out[..i].contains(&out[i]) {
                out.remove(i);
            } else {
                i += 1;
            }
        }
        out
    }

    fn inflect(&self, lemma: &str, pos: Pos, wanted: &Features) -> Option<String> {
        match pos {
            Pos::Aux => {
                // be, have, do: the closed list has every form.
                let form = wanted.get(Feature::Form);
                self.closed
                    .iter()
                    .filter(|(w, _)| !w.contains('\''))
                    .flat_map(|(w, (readings, _))| readings.iter().map(move |r| (*w, r)))
                    .filter(|(_, r)| r.lemma == lemma && r.pos == Pos::Aux)
                    .filter(|(_, r)| r.features.get(Feature::Form) & form != 0)
                    .find(|(_, r)| {
                        [Feature::Num, Feature::Per].iter().all(|f| {
                            let want = wanted.get(*f);
                            want == 0
                                || r.features.get(*f) == 0
                                || r.features.get(*f) & want == want
                        })
                    })
                    .map(|(w, _)| w.to_string())
                    .or_else(|| self.inflect_verb(lemma, wanted))
            }
            Pos::Verb => self.inflect_verb(lemma, wanted),
            Pos::Noun => {
                let num = wanted.get(Feature::Num);
                if num == PL {
                    if let Some(pl) = self.plurals.get(lemma) {
                        return Some(pl.to_string());
                    }
                    self.regular(lemma, "s", EN_NOUN_PL)
                } else {
                    self.known(lemma).then(|| lemma.to_string())
                }
            }
            _ => self.known(lemma).then(|| lemma.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_closed_list_reads() {
        for line in data_lines(include_str!("closed.txt")) {
            assert!(closed_entry(line).is_some(), "closed.txt: {line:?}");
        }
    }

    #[test]
    fn closed_words_have_person_and_number() {
        let lexicon = EnglishLexicon::built_in();
        let was = lexicon.analyses("was");
        assert!(was.iter().all(|a| a.lemma == "be" && a.pos == Pos::Aux));
        assert!(was.iter().all(|a| !a.features.allows(Feature::Num, PL)));
        let we = lexicon.analyses("we");
        assert_eq!(we[0].features.get(Feature::Per), FIRST);
        assert_eq!(
            lexicon.inflect(
                "be",
                Pos::Aux,
                &Features::default()
                    .with(Feature::Form, FORM_PAST)
                    .with(Feature::Num, PL)
            ),
            Some("were".to_string())
        );
    }

    #[test]
    fn regular_forms_read_from_the_affix_classes_and_inflect() {
        let lexicon = EnglishLexicon::built_in();
        let has = |word: &str, lemma: &str, pos: Pos, feature: Feature, value: u8| {
            lexicon
                .analyses(word)
                .iter()
                .any(|a| a.lemma == lemma && a.pos == pos && a.features.get(feature) & value != 0)
        };
        assert!(has("results", "result", Pos::Noun, Feature::Num, PL));
        assert!(has("products", "product", Pos::Noun, Feature::Num, PL));
        assert!(has("product", "product", Pos::Noun, Feature::Num, SG));
        assert!(has("stopped", "stop", Pos::Verb, Feature::Form, FORM_PAST));
        assert!(has("studies", "study", Pos::Verb, Feature::Per, THIRD));
        assert!(has("loving", "love", Pos::Verb, Feature::Form, FORM_ING));
        assert!(has("goes", "go", Pos::Verb, Feature::Per, THIRD));
        let f = Features::default;
        let past = f().with(Feature::Form, FORM_PAST);
        assert_eq!(
            lexicon.inflect("stop", Pos::Verb, &past),
            Some("stopped".into())
        );
        assert_eq!(
            lexicon.inflect("study", Pos::Verb, &past),
            Some("studied".into())
        );
        let third = f()
            .with(Feature::Form, FORM_PRES)
            .with(Feature::Per, THIRD)
            .with(Feature::Num, SG);
        assert_eq!(
            lexicon.inflect("go", Pos::Verb, &third),
            Some("goes".into())
        );
        assert_eq!(
            lexicon.inflect("launch", Pos::Verb, &third),
            Some("launches".into())
        );
        let plural = f().with(Feature::Num, PL);
        assert_eq!(
            lexicon.inflect("product", Pos::Noun, &plural),
            Some("products".into())
        );
        assert_eq!(
            lexicon.inflect("story", Pos::Noun, &plural),
            Some("stories".into())
        );
        assert_eq!(
            lexicon.inflect("child", Pos::Noun, &plural),
            Some("children".into())
        );
    }

    #[test]
    fn irregular_verbs_read_and_inflect() {
        let lexicon = EnglishLexicon::built_in();
        let went = lexicon.analyses("went");
        assert!(went
            .iter()
            .any(|a| a.lemma == "go" && a.features.get(Feature::Form) == FORM_PAST));
        let pp = Features::default().with(Feature::Form, FORM_PP);
        assert_eq!(lexicon.inflect("go", Pos::Verb, &pp), Some("gone".into()));
    }
}
