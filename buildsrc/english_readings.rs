//! English grammar readings derived from the Hunspell affix classes at build time: which forms
//! a word of the en-US/en-GB dictionaries can be (noun singular/plural, verb base/-s/past/-ing,
//! adjective, adverb), packed into the word map's value (`format::EN_*` bits at
//! `format::READINGS_SHIFT`) for the grammar room's English lexicon.
//!
//! A stem's flags tell its class: `G`/`D` (‑ing, ‑ed) make a verb, `M` (possessive) or `S` a
//! noun, `T` (‑est), `Y` (‑ly) or `P` (‑ness) an adjective; `S` is a plural for a noun and a
//! third person singular for a verb. Forms the dictionaries list as stems of their own
//! (`stopped`, `running`, `goes`) get their readings from their base in [`complete`].

use crate::format::*;
use crate::{Entry, WordTable};

fn has(flags: &[String], flag: &str) -> bool {
    flags.iter().any(|f| f == flag)
}

/// The readings of one expanded form.
pub fn of(form: &crate::affix::WordForm) -> u16 {
    let flags = &form.stem_flags;
    let verb = has(flags, "G") || has(flags, "D");
    // Many nouns that are also verbs lack `M` (`pack/GSD`): a stem with `S` reads as a noun too.
    let noun = has(flags, "M") || has(flags, "S");
    // `R` alone is as often an agent noun (`seer`) as a comparative: only `T`, `Y`, `P` tell.
    let adj = !verb && (has(flags, "T") || has(flags, "Y") || has(flags, "P"));
    match form.suffix.as_deref() {
        None => {
            let mut r = 0;
            if noun {
                r |= EN_NOUN_SG;
            }
            if verb || (has(flags, "S") && !has(flags, "M")) {
                r |= EN_VERB_BASE;
            }
            if adj {
                r |= EN_ADJ;
            }
            r
        }
        Some("S") => {
            let mut r = 0;
            if noun {
                r |= EN_NOUN_PL;
            }
            if verb || !has(flags, "M") {
                r |= EN_VERB_3SG;
            }
            r
        }
        Some("G") => EN_VERB_ING,
        Some("D") => EN_VERB_ED,
        Some("R") if verb => EN_NOUN_SG,
        Some("R") if adj => EN_ADJ,
        Some("T") => EN_ADJ,
        Some("Y") => EN_ADV,
        Some("P" | "N" | "L") => EN_NOUN_SG,
        Some("X" | "J" | "Z") => EN_NOUN_PL,
        Some("V" | "B") => EN_ADJ,
        _ => 0,
    }
}

/// Readings of `key` in `table` (0 if absent).
fn readings_of(table: &WordTable, key: &str) -> u16 {
    encode(key)
        .and_then(|k| table.get(&k))
        .map_or(0, |e: &Entry| e.readings)
}

/// Gives the dictionaries' stand-alone inflected forms (`stopped`, `running`, `goes`) the
/// readings of their base, when the base is a known word (of three letters or more before
/// `-ing` and `-ed`).
pub fn complete(table: &mut WordTable) {
    let mut updates: Vec<(Vec<u8>, u16, Option<String>)> = Vec::new();
    for (key, entry) in table.iter() {
        if entry.readings & !(EN_NOUN_SG | EN_ADJ) != 0 {
            continue;
        }
        let word = decode(key);
        let mut bases: Vec<(String, u16)> = Vec::new();
        if let Some(stem) = word.strip_suffix("ing") {
            for base in undo_suffix(stem, true) {
                bases.push((base, EN_VERB_ING));
            }
        } else if let Some(stem) = word.strip_suffix("ed") {
            for base in undo_suffix(stem, false) {
                bases.push((base, EN_VERB_ED));
            }
        } else if let Some(stem) = word.strip_suffix("es") {
            bases.push((stem.to_string(), EN_VERB_3SG));
        }
        for (base, bits) in bases {
            // `bed` is not `b`+`ed`; `goes` is `go`+`es`.
            if base.chars().count() < if bits == EN_VERB_3SG { 2 } else { 3 } {
                continue;
            }
            let base_readings = readings_of(table, &base);
            if base_readings & (EN_VERB_BASE | EN_NOUN_SG) != 0 && base_readings & EN_ADJ == 0 {
                updates.push((key.clone(), bits, Some(base)));
                break;
            }
        }
    }
    for (key, bits, base) in updates {
        if let Some(e) = table.get_mut(&key) {
            e.readings |= bits;
        }
        if let Some(k) = base.and_then(|b| encode(&b)) {
            if let Some(e) = table.get_mut(&k) {
                e.readings |= EN_VERB_BASE;
            }
        }
    }
}

/// The bases a form without its `-ing`/`-ed` may come from: as is, with a final `e`, with a
/// doubled consonant undone, `i` back to `y`, `y` back to `ie` (`lying`).
fn undo_suffix(stem: &str, ing: bool) -> Vec<String> {
    let mut out = vec![stem.to_string(), format!("{stem}e")];
    let chars: Vec<char> = stem.chars().collect();
    if chars.len() > 2 && chars[chars.len() - 1] == chars[chars.len() - 2] {
        out.push(chars[..chars.len() - 1].iter().collect());
    }
    if !ing {
        if let Some(s) = stem.strip_suffix('i') {
            out.push(format!("{s}y"));
        }
    } else if let Some(s) = stem.strip_suffix('y') {
        out.push(format!("{s}ie"));
    }
    out
}
