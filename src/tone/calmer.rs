//! Calmer phrasings: a shipped table (`data/lexicons/calmer.tsv`, written for Plume) of softer
//! words for hostile, blaming, harsh and hype phrases, in English and French. A phrasing is
//! offered only where it fits the sentence ([`super::fit`]); the mechanical fixes (capitals,
//! runs of `!`) live with their rules.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::draft::{Draft, ItemKind};
use super::{fit, Lang};

const TABLE: &str = include_str!("../../data/lexicons/calmer.tsv");

type Phrasings = HashMap<(Lang, &'static str), Vec<&'static str>>;

/// The table, read once: (language, phrase) → calmer phrasings, best first.
fn table() -> &'static Phrasings {
    static TABLE_INDEX: OnceLock<Phrasings> = OnceLock::new();
    TABLE_INDEX.get_or_init(|| {
        let mut map = Phrasings::new();
        for line in TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let mut fields = line.split('\t');
            let (Some(lang), Some(phrase), Some(calmer)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let lang = match lang {
                "en" => Lang::En,
                "fr" => Lang::Fr,
                _ => continue,
            };
            map.insert((lang, phrase), calmer.split('|').collect());
        }
        map
    })
}

/// The lowercase phrase items `first..=last` spell, words joined by spaces (none after an
/// elided clitic: `c'` `est` → `c'est`).
fn key(draft: &Draft, first: usize, last: usize) -> String {
    let mut out = String::new();
    for item in &draft.items[first..=last] {
        if item.kind != ItemKind::Word {
            continue;
        }
        if !out.is_empty() && !out.ends_with('\'') {
            out.push(' ');
        }
        out.push_str(&item.lower);
    }
    out
}

/// The calmer phrasings for items `first..=last` of `draft` that fit its sentence, written as
/// they would stand there.
pub fn phrasings(draft: &Draft, first: usize, last: usize) -> Vec<String> {
    let key = key(draft, first, last);
    // A single word's phrasings are predicates (`useless` → `not helpful`): after an article
    // with nothing after it (`des incapables`), the slot takes a noun and none fits.
    if first == last && fit::slot_of(draft, first, last) == fit::Slot::Noun {
        return Vec::new();
    }
    table()
        .get(&(draft.lang, key.as_str()))
        .into_iter()
        .flatten()
        .filter_map(|calmer| fit::placed(draft, first, last, calmer))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_is_well_formed_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for line in TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "{line}");
            assert!(matches!(fields[0], "en" | "fr"), "{line}");
            assert_eq!(fields[1], fields[1].to_lowercase(), "{line}");
            assert!(fields[2].split('|').all(|p| !p.trim().is_empty()), "{line}");
            assert!(seen.insert((fields[0], fields[1])), "duplicate: {line}");
        }
        assert!(table().len() == seen.len());
    }
}
