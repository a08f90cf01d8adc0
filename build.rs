//! Build script: compiles vendored data into compact tables embedded in the library, so
//! start-up does no parsing (tone lexicons: `buildsrc/tone_lexicons.rs`).
//!
//! Build-time dictionary compiler: expands the vendored hunspell dictionaries (affixes included)
//! and writes compact, immutable dictionary files to `OUT_DIR`, so start-up parses nothing.
//!
//! - `en.dict`: en-US and en-GB in one word map (each word carries its dialects), word
//!   frequencies from symspellpy, the supplement list, and the typos-dict misspelling table.
//! - `fr.dict`: French (Grammalecte via npm `dictionary-fr`), with a derived frequency score.
//!   Built for native targets only; the wasm loads it at run time (see `Checker::load_dictionary`).

#[path = "src/spell/compile/affix.rs"]
mod affix;
#[allow(dead_code)]
#[path = "src/spell/distance.rs"]
mod distance;
#[path = "buildsrc/english_readings.rs"]
mod english_readings;
#[allow(dead_code)]
#[path = "src/spell/format.rs"]
mod format;
#[path = "buildsrc/french_lexicon.rs"]
mod french_lexicon;
#[allow(dead_code)]
#[path = "src/grammar/fr/table.rs"]
mod french_table;
#[path = "buildsrc/grammar_rules.rs"]
mod grammar_rules;
#[path = "buildsrc/tone_lexicons.rs"]
mod tone_lexicons;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use format::*;

/// Everything known about one lowercase key while compiling.
#[derive(Default)]
struct Entry {
    /// Spellings as the dictionaries write them (`paris` may be written `Paris`).
    forms: Vec<String>,
    flags: u64,
    is_stem: bool,
    no_suggest: bool,
    /// Grammar readings (`format::EN_*` for English), stored at `format::READINGS_SHIFT`.
    readings: u16,
}

type WordTable = BTreeMap<Vec<u8>, Entry>;

fn read(path: &str) -> String {
    println!("cargo:rerun-if-changed={path}");
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn main() {
    tone_lexicons::generate();
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/spell/compile/affix.rs");
    println!("cargo:rerun-if-changed=src/spell/format.rs");
    println!("cargo:rerun-if-changed=buildsrc/french_lexicon.rs");
    println!("cargo:rerun-if-changed=src/grammar/fr/table.rs");
    println!("cargo:rerun-if-changed=buildsrc/english_readings.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    grammar_rules::generate(&out);
    let english = compile_english();
    write(&out, "en.dict", &english);
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let french = if wasm { Vec::new() } else { compile_french() };
    write(&out, "fr.dict", &french);
}

fn write(out: &Path, name: &str, bytes: &[u8]) {
    fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
}

/// Adds every form of a hunspell dictionary to `table`, marking it with `dialect`.
/// `readings` gives each form's grammar readings.
fn add_hunspell(
    table: &mut WordTable,
    dir: &str,
    dialect: u64,
    readings: impl Fn(&affix::WordForm) -> u16,
) {
    let aff = affix::AffixFile::parse(&read(&format!("{dir}/index.aff")));
    let dic = read(&format!("{dir}/index.dic"));
    for line in dic.lines().skip(1) {
        for form in aff.expand_line(line) {
            add_word(table, &form.word, dialect, form.is_stem, form.no_suggest);
            let bits = readings(&form);
            if bits != 0 {
                let key = encode(&form.word.replace(['’', 'ʼ'], "'").to_lowercase());
                if let Some(entry) = key.and_then(|k| table.get_mut(&k)) {
                    entry.readings |= bits;
                }
            }
        }
    }
}

fn add_word(table: &mut WordTable, word: &str, flags: u64, is_stem: bool, no_suggest: bool) {
    let word = word.replace(['’', 'ʼ'], "'");
    // Numbers and ordinals are tokens of their own; the dictionaries' "1st" forms are not needed.
    if word.chars().any(|c| c.is_ascii_digit()) || word.chars().count() > 40 {
        return;
    }
    let Some(key) = encode(&word.to_lowercase()) else {
        return;
    };
    let entry = table.entry(key).or_default();
    if !entry.forms.contains(&word) {
        entry.forms.push(word);
    }
    entry.flags |= flags;
    entry.is_stem |= is_stem;
    // A form is suggestible if any source allows it.
    entry.no_suggest = if entry.forms.len() == 1 {
        no_suggest
    } else {
        entry.no_suggest && no_suggest
    };
}

fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A supplement line: the word, and whether it is never suggested (a trailing `!`, used for
/// chat forms: known when written, but never offered as the fix of a typo).
fn supplement_entry(line: &str) -> (&str, bool) {
    match line.strip_suffix('!') {
        Some(word) => (word.trim_end(), true),
        None => (line, false),
    }
}

/// Lines of a word list, comments (`#`) and blank lines skipped.
fn list_words(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// Frequency score of an English contraction (`you're`, `didn't`): as common as `your`'s peers.
const CONTRACTION_FREQUENCY: u64 = 13;

fn compile_english() -> Vec<u8> {
    let mut table = WordTable::new();
    add_hunspell(
        &mut table,
        "data/dictionaries/en-US",
        DIALECT_US,
        english_readings::of,
    );
    add_hunspell(
        &mut table,
        "data/dictionaries/en-GB",
        DIALECT_GB,
        english_readings::of,
    );
    english_readings::complete(&mut table);
    for line in list_words(&read("data/dictionaries/supplement-en.txt")) {
        let (word, no_suggest) = supplement_entry(line);
        add_word(
            &mut table,
            word,
            DIALECT_US | DIALECT_GB | SUPPLEMENT,
            true,
            no_suggest,
        );
    }
    let mut frequency: HashMap<Vec<u8>, u64> = HashMap::new();
    for line in read("data/frequency/frequency_dictionary_en_82_765.txt").lines() {
        let mut fields = line.split_whitespace();
        let (Some(word), Some(count)) = (fields.next(), fields.next()) else {
            continue;
        };
        let (Some(key), Ok(count)) = (encode(word), count.parse::<f64>()) else {
            continue;
        };
        frequency.insert(
            key,
            ((count.max(1.0).ln() as u64).saturating_sub(8) / 2 * 2 + 1).clamp(1, 15),
        );
    }
    // Grammar readings are kept for words with a count only: the rare ones cost 40 KB of
    // gzipped wasm and the rules read common words (a word without readings draws no rule).
    for (key, entry) in table.iter_mut() {
        if !frequency.contains_key(key) {
            entry.readings = 0;
        }
    }
    // The frequency list counts no contractions (its 65 entries with apostrophes carry a
    // placeholder count): they are among the commonest words of social text, and a
    // possessive is rarer than its noun.
    let score = |key: &[u8], _: &Entry| {
        const CONTRACTIONS: [&[u8]; 5] = [b"n't", b"'re", b"'ve", b"'ll", b"'m"];
        if CONTRACTIONS.iter().any(|c| key.ends_with(c)) {
            return CONTRACTION_FREQUENCY;
        }
        if key.ends_with(b"'d") {
            return CONTRACTION_FREQUENCY - 3;
        }
        if let Some(base) = key.strip_suffix(b"'s") {
            // `it's`, `that's`: contractions of "is"; other `'s` are possessives.
            const IS_CONTRACTED: [&[u8]; 11] = [
                b"it", b"that", b"what", b"there", b"here", b"he", b"she", b"who", b"let",
                b"where", b"how",
            ];
            if IS_CONTRACTED.contains(&base) {
                return CONTRACTION_FREQUENCY;
            }
            if let Some(f) = frequency.get(base) {
                return f.saturating_sub(6).max(1);
            }
        }
        frequency.get(key).copied().unwrap_or(0)
    };
    let misspellings = english_misspellings(&table);
    assemble("en", &table, score, &misspellings, &[])
}

/// typos-dict entries whose correction is a dictionary word and whose typo is not one. Typos
/// within the suggestion search's reach (two edits, one at most on the first letter) are left
/// to the ranking model, so the table only holds what the search cannot find and stays small.
fn english_misspellings(table: &WordTable) -> BTreeMap<Vec<u8>, String> {
    let mut out = BTreeMap::new();
    for (typo, corrections) in typos_dict::WORD.map.entries() {
        let typo = typo.into_inner().to_lowercase();
        let Some(key) = encode(&typo) else { continue };
        if table.contains_key(&key) {
            continue;
        }
        let kept: Vec<String> = corrections
            .iter()
            .map(|c| c.to_lowercase())
            .filter(|c| encode(c).is_some_and(|k| table.contains_key(&k)))
            .collect();
        // The suggestion search reaches two edits, one of them on the first letter at most.
        let reachable = kept.iter().any(|c| {
            let same_first = c.chars().next() == typo.chars().next();
            distance::damerau_levenshtein(&typo, c, if same_first { 2 } else { 1 }).is_some()
        });
        if !kept.is_empty() && !reachable {
            out.insert(key, kept.join(","));
        }
    }
    out
}

fn compile_french() -> Vec<u8> {
    let mut table = WordTable::new();
    add_hunspell(&mut table, "data/dictionaries/fr", 0, |_| 0);
    // Grammar readings: each word's list number in its value, the lists in their own section.
    let lexicon = french_lexicon::compile(
        &affix::AffixFile::parse(&read("data/dictionaries/fr/index.aff")),
        &read("data/dictionaries/fr/index.dic"),
    );
    for (key, entry) in table.iter_mut() {
        if let Some(&list) = lexicon.word_lists.get(key) {
            entry.flags |= u64::from(list) << READINGS_SHIFT;
        }
    }
    for line in list_words(&read("data/dictionaries/supplement-fr.txt")) {
        let (word, no_suggest) = supplement_entry(line);
        add_word(&mut table, word, SUPPLEMENT, true, no_suggest);
    }
    let common: HashMap<Vec<u8>, u64> = list_words(&read("data/frequency/fr-common.txt"))
        .flat_map(str::split_whitespace)
        .enumerate()
        .filter_map(|(rank, w)| Some((encode(&w.to_lowercase())?, 15 - (rank as u64 / 60).min(7))))
        .collect();
    // No shippable French counts: common words by hand, then stems above inflected forms and
    // short forms above long ones.
    let score = |key: &[u8], entry: &Entry| {
        common.get(key).copied().unwrap_or_else(|| {
            let base: u64 = if entry.is_stem { 4 } else { 2 };
            base + u64::from(key.len() <= 5)
        })
    };
    assemble("fr", &table, score, &BTreeMap::new(), &lexicon.section)
}

/// Builds the word map, exact-spelling text, misspelling map and corrections text.
fn assemble(
    language: &str,
    table: &WordTable,
    score: impl Fn(&[u8], &Entry) -> u64,
    misspellings: &BTreeMap<Vec<u8>, String>,
    grammar: &[u8],
) -> Vec<u8> {
    let mut exact = Vec::new();
    let mut exact_map = fst::MapBuilder::memory();
    let mut words = fst::MapBuilder::memory();
    for (key, entry) in table {
        let lower = decode(key);
        let mut value = score(key, entry) & FREQUENCY_MASK | (entry.flags & !FREQUENCY_MASK);
        if entry.no_suggest {
            value |= NO_SUGGEST;
        }
        value |= u64::from(entry.readings) << READINGS_SHIFT;
        if entry.forms.contains(&lower) {
            value |= CASE_ANY << CASE_SHIFT;
        } else if entry.forms.iter().all(|f| *f == title_case(&lower)) {
            value |= CASE_TITLE << CASE_SHIFT;
        } else {
            let joined = entry.forms.join(" ");
            value |= CASE_EXACT << CASE_SHIFT;
            exact_map
                .insert(key, pack_reference(exact.len(), joined.len()))
                .expect("keys are sorted and unique");
            exact.extend_from_slice(joined.as_bytes());
        }
        words
            .insert(key, value)
            .expect("keys are sorted and unique");
    }
    let words = words.into_inner().expect("in-memory fst");
    let exact_map = exact_map.into_inner().expect("in-memory fst");
    let mut corrections = Vec::new();
    let mut typo_map = fst::MapBuilder::memory();
    let mut seen: HashMap<&str, u64> = HashMap::new();
    for (typo, correction) in misspellings {
        let value = *seen.entry(correction).or_insert_with(|| {
            let r = pack_reference(corrections.len(), correction.len());
            corrections.extend_from_slice(correction.as_bytes());
            r
        });
        typo_map
            .insert(typo, value)
            .expect("keys are sorted and unique");
    }
    let typo_map = typo_map.into_inner().expect("in-memory fst");
    write_container(&[
        language.as_bytes(),
        &words,
        &exact_map,
        &exact,
        &typo_map,
        &corrections,
        grammar,
    ])
}
