//! Build-time French lexicon: the readings (part of speech, gender, number, person, mood, tense,
//! lemma) that the Dicollecte affix classes of `data/dictionaries/fr` imply, written as the
//! `grammar` section of `fr.dict` (layout: `src/grammar/fr/table.rs`).
//!
//! The dictionary has no morphological fields, so each class and rule is read for what it means:
//! - **noun/adjective classes** (`S.`, `X.`, `A.`, `I.`: number only; `F…`, `G…`, `W…`: gender
//!   too): a rule whose form takes the singular elision `l'` (continuation flag `L'`) is singular,
//!   one that takes only `d'`/`qu'` is plural; in the gendered classes a form whose added ending
//!   ends in `e` (`-e`, `-se`, `-rice`, `-lle`…) is feminine, any other masculine. Such words get a
//!   noun and an adjective reading (the data does not tell them apart); nouns of the ungendered
//!   classes have no gender (see `src/grammar/fr/mod.rs` for what follows);
//! - **verb classes** (`a0`, `f0`, `tF`, `zA`…; the stem is the infinitive): the elision flags a
//!   conjugated form accepts say its person — `j'` first singular, `s'`/`c'` third person
//!   (plural when the form ends in `-nt`), `t'` and `m'` second singular, `t'` alone first plural,
//!   `m'` alone second plural, no `qu'` the imperative, `d'` the infinitive (`-r`, `-re`), the
//!   present participle (`-ant`) or an invariable past participle; forms with noun elision flags
//!   are past participles. Every class lists
//!   its tenses in the same order, a new one starting at each first-person form: present,
//!   imperfect, simple past, future, conditional, then the subjunctive;
//! - **participle classes** (`p+`, `p.`, `q+`): past participles by gender and number;
//! - words with no class: a capitalised one is a proper noun (unless the same letters have
//!   another reading: `va`), one in `-ment` an adverb, another that takes `l'` an invariable
//!   noun (`sens`, `fois`: singular and plural).
//!
//! Closed-class words (determiners, pronouns, *être*/*avoir*, prepositions…) are written by hand
//! in `src/grammar/fr/closed.txt` and read at run time.

use std::collections::{BTreeSet, HashMap};

use crate::affix::{AffixFile, AffixRule};
use crate::format::encode;
use crate::french_table::*;

/// What the compiler produced: each lowercase key's list number plus one, and the section.
pub struct FrenchLexicon {
    pub word_lists: HashMap<Vec<u8>, u16>,
    pub section: Vec<u8>,
}

#[derive(Clone, Copy, PartialEq)]
enum ClassKind {
    Nominal { gendered: bool },
    Verb,
    Participle,
}

fn class_kind(flag: &str) -> Option<ClassKind> {
    let mut chars = flag.chars();
    let (first, second) = (chars.next()?, chars.next().unwrap_or(' '));
    match (first, second) {
        ('p', '+' | '.') | ('q', '+') => Some(ClassKind::Participle),
        ('S' | 'X' | 'A' | 'I', _) => Some(ClassKind::Nominal { gendered: false }),
        ('F' | 'G' | 'W', _) => Some(ClassKind::Nominal { gendered: true }),
        (f, s) if f.is_ascii_lowercase() && s.is_ascii_alphanumeric() => Some(ClassKind::Verb),
        _ => None,
    }
}

type Tag = (u8, [u8; 6]);

fn features(pairs: &[(usize, u8)]) -> [u8; 6] {
    let mut f = [0u8; 6];
    for &(i, v) in pairs {
        f[i] = v;
    }
    f
}

/// Whether an added ending makes a feminine form (`e`, `es`, `se`, `rice`, `lle`…).
fn is_feminine_ending(add: &str) -> bool {
    let bare = add.trim_end_matches(['s', 'x']);
    !add.is_empty() && (bare.ends_with('e') || bare.ends_with('ë'))
}

fn ends_in_plural_letter(word: &str) -> bool {
    word.ends_with(['s', 'x', 'z'])
}

/// Number of a nominal form from its elision flags (`L'`: singular; only `D'`/`Q'`: plural).
fn nominal_number(rule: &AffixRule, form: &str) -> u8 {
    let has = |f: &str| rule.continuation.iter().any(|c| c == f);
    if has("L'") {
        if rule.add.is_empty() && ends_in_plural_letter(form) {
            SG | PL
        } else {
            SG
        }
    } else if has("D'") || has("Q'") || ends_in_plural_letter(form) {
        PL
    } else {
        SG
    }
}

fn nominal_tags(gendered: bool, rule: &AffixRule, form: &str) -> Vec<Tag> {
    let num = nominal_number(rule, form);
    let gen = match (gendered, is_feminine_ending(&rule.add)) {
        (false, _) => 0,
        (true, true) => FEM,
        (true, false) => MASC,
    };
    let f = features(&[(NUM, num), (GEN, gen)]);
    vec![(POS_NOUN, f), (POS_ADJ, f)]
}

fn participle_tags(rule: &AffixRule, form: &str, invariable: bool) -> Vec<Tag> {
    let mut pairs = vec![(FORM, FORM_PP), (MOOD, MOOD_PPAS)];
    if !invariable {
        pairs.push((NUM, nominal_number(rule, form)));
        let gen = if is_feminine_ending(&rule.add) {
            FEM
        } else {
            MASC
        };
        pairs.push((GEN, gen));
    }
    let f = features(&pairs);
    if invariable {
        vec![(POS_VERB, f)]
    } else {
        vec![(POS_VERB, f), (POS_ADJ, f)]
    }
}

/// Mood and tense of the `block`-th tense of a verb class (see the module comment).
fn block_mood_tense(block: usize) -> (u8, u8) {
    match block {
        0 => (MOOD_IND | MOOD_SUBJ, TENSE_PRES),
        1 => (MOOD_IND, TENSE_IMPF),
        2 => (MOOD_IND, TENSE_PS),
        3 => (MOOD_IND, TENSE_FUT),
        4 => (MOOD_COND, TENSE_PRES),
        _ => (MOOD_SUBJ, 0),
    }
}

/// Tags of one verb-class rule; `block` is the tense block it belongs to.
fn verb_tags(rule: &AffixRule, form: &str, block: usize) -> Vec<Tag> {
    let has = |f: &str| rule.continuation.iter().any(|c| c == f);
    if has("L'") || has("D'") || has("Q'") {
        return participle_tags(rule, form, false);
    }
    if rule.continuation.len() == 1 && has("q'") {
        // `eu`, `été`: participles of avoir and être.
        return participle_tags(rule, form, false);
    }
    let verb = |pairs: &[(usize, u8)]| vec![(POS_VERB, features(pairs))];
    if has("d'") {
        return if form.ends_with("ant") {
            verb(&[(FORM, FORM_ING), (MOOD, MOOD_PPRES)])
        } else if form.ends_with('r') || form.ends_with("re") {
            verb(&[(FORM, FORM_INF), (MOOD, MOOD_INF)])
        } else {
            // `d'q'` on a participle that never agrees (`été`, and classes such as `p.`).
            participle_tags(rule, form, true)
        };
    }
    let (j, s, t, m) = (has("j'"), has("s'") || has("c'"), has("t'"), has("m'"));
    if !has("q'") {
        let (per, num) = match (t, m) {
            (true, true) => (P2, SG),
            (true, false) => (P1, PL),
            (false, true) => (P2, PL),
            (false, false) => return Vec::new(),
        };
        return verb(&[
            (NUM, num),
            (PER, per),
            (FORM, FORM_FINITE),
            (MOOD, MOOD_IMP),
            (TENSE, TENSE_PRES),
        ]);
    }
    let (per, num) = if j {
        let mut per = P1;
        if form.ends_with(['s', 'x']) {
            per |= P2;
        }
        if s {
            per |= P3;
        }
        (per, SG)
    } else if s {
        (P3, if form.ends_with("nt") { PL } else { SG })
    } else {
        match (t, m) {
            (true, true) => (P2, SG),
            (true, false) => (P1, PL),
            (false, true) => (P2, PL),
            (false, false) => return Vec::new(),
        }
    };
    let (mood, tense) = block_mood_tense(block);
    verb(&[
        (NUM, num),
        (PER, per),
        (FORM, FORM_FINITE),
        (MOOD, mood),
        (TENSE, tense),
    ])
}

/// The tense block of each rule of a verb class: a new block starts at a first-person singular
/// form that follows a finite form of another person.
fn tense_blocks(rules: &[AffixRule]) -> Vec<usize> {
    let mut block = 0;
    let mut seen_other = false;
    let mut started = false;
    rules
        .iter()
        .map(|rule| {
            let has = |f: &str| rule.continuation.iter().any(|c| c == f);
            let finite = has("q'") && !has("d'");
            if finite && has("j'") {
                if started && seen_other {
                    block += 1;
                    seen_other = false;
                }
                started = true;
            } else if finite && started {
                seen_other = true;
            }
            block
        })
        .collect()
}

struct Builder {
    readings: Vec<ReadingEntry>,
    index: HashMap<ReadingEntry, u16>,
    words: HashMap<Vec<u8>, BTreeSet<u16>>,
}

impl Builder {
    fn add(&mut self, form: &str, tag: Tag, form_tail: &str, lemma_tail: &str) {
        let form = form.replace(['’', 'ʼ'], "'").to_lowercase();
        if form.chars().any(|c| c.is_ascii_digit()) || form.chars().count() > 40 {
            return;
        }
        let (Some(key), Some(form_tail), Some(lemma_tail)) = (
            encode(&form),
            encode(&form_tail.to_lowercase()),
            encode(&lemma_tail.to_lowercase()),
        ) else {
            return;
        };
        let entry = ReadingEntry {
            pos: tag.0,
            features: tag.1,
            form_tail,
            lemma_tail,
        };
        let next = self.readings.len();
        let id = *self.index.entry(entry.clone()).or_insert_with(|| {
            assert!(next < u16::MAX as usize, "too many French readings");
            next as u16
        });
        if usize::from(id) == next {
            self.readings.push(entry);
        }
        self.words.entry(key).or_default().insert(id);
    }
}

/// Compiles the lexicon from the affix file and the `.dic` text.
pub fn compile(aff: &AffixFile, dic: &str) -> FrenchLexicon {
    let mut builder = Builder {
        readings: Vec::new(),
        index: HashMap::new(),
        words: HashMap::new(),
    };
    let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
    for line in dic.lines().skip(1) {
        let (stem, flags) = aff.stem_and_flags(line);
        if stem.is_empty() {
            continue;
        }
        let mut classified = false;
        for flag in &flags {
            let (Some(kind), Some(rules)) = (class_kind(flag), aff.suffix_rules(flag)) else {
                continue;
            };
            classified = true;
            match kind {
                ClassKind::Nominal { gendered } => {
                    let num = if ends_in_plural_letter(stem) {
                        SG | PL
                    } else {
                        SG
                    };
                    let gen = if gendered { MASC } else { 0 };
                    let f = features(&[(NUM, num), (GEN, gen)]);
                    builder.add(stem, (POS_NOUN, f), "", "");
                    builder.add(stem, (POS_ADJ, f), "", "");
                }
                ClassKind::Verb => {
                    let f = features(&[(FORM, FORM_INF), (MOOD, MOOD_INF)]);
                    builder.add(stem, (POS_VERB, f), "", "");
                }
                ClassKind::Participle => {}
            }
            let rule_blocks = blocks
                .entry(flag.clone())
                .or_insert_with(|| tense_blocks(rules))
                .clone();
            for (rule, block) in rules.iter().zip(rule_blocks) {
                let Some(form) = rule.apply_suffix(stem) else {
                    continue;
                };
                let tags = match kind {
                    ClassKind::Nominal { gendered } => nominal_tags(gendered, rule, &form),
                    ClassKind::Verb => verb_tags(rule, &form, block),
                    ClassKind::Participle => participle_tags(rule, &form, flag == "p."),
                };
                for tag in tags {
                    builder.add(&form, tag, &rule.add, &rule.strip);
                }
            }
        }
        if !classified {
            if stem.chars().next().is_some_and(char::is_uppercase) {
                builder.add(stem, (POS_PROPN, [0; 6]), "", "");
            } else if stem.ends_with("ment") {
                builder.add(stem, (POS_ADV, [0; 6]), "", "");
            } else if flags.iter().any(|f| f == "L'") {
                // A word with no plural class that takes `l'`: an invariable noun (`sens`,
                // `fois`, `fonds`), singular and plural alike.
                let f = features(&[(NUM, SG | PL)]);
                builder.add(stem, (POS_NOUN, f), "", "");
            }
        }
    }
    // Lists, deduplicated; word → list number + 1.
    let mut list_ids: HashMap<Vec<u16>, u16> = HashMap::new();
    let mut lists: Vec<Vec<u16>> = Vec::new();
    let mut word_lists = HashMap::new();
    let mut words: Vec<_> = builder.words.into_iter().collect();
    words.sort();
    for (key, ids) in words {
        // A proper-noun reading only when the word has no other (`va` is aller, not `Va`).
        let is_name = |id: &u16| builder.readings[usize::from(*id)].pos == POS_PROPN;
        let only_names = ids.iter().all(is_name);
        let list: Vec<u16> = ids
            .into_iter()
            .filter(|id| only_names || !is_name(id))
            .take(255)
            .collect();
        let next = lists.len();
        let id = *list_ids.entry(list.clone()).or_insert_with(|| {
            assert!(
                next < u16::MAX as usize - 1,
                "too many French reading lists"
            );
            next as u16
        });
        if usize::from(id) == next {
            lists.push(list);
        }
        word_lists.insert(key, id + 1);
    }
    FrenchLexicon {
        word_lists,
        section: write_section(&builder.readings, &lists),
    }
}
