//! The French lexicon's byte layout: the `grammar` section of `fr.dict`, shared by the build-time
//! compiler (`buildsrc/french_lexicon.rs`, through `build.rs`) and the run-time reader
//! ([`super::FrenchLexicon`]), so writer and reader cannot disagree.
//!
//! A word's readings are not stored as text. Every form the affix classes derive shares its
//! reading with every other form derived the same way: `aide` and `chante` are both "verb, first
//! or third person singular, present, lemma = form − `e` + `er`". The section holds:
//! - the **reading table**: each entry a part of speech, six feature sets (the bit layout of
//!   `crate::grammar::morph::Features`), and how the lemma is made from the form (`form_tail` is
//!   removed from the form's end, `lemma_tail` put in its place), both Windows-1252;
//! - the **lists**: sets of reading ids; a word's value in the word map carries the number of its
//!   list plus one in bits `READINGS_SHIFT..` (0: no readings).
//!
//! Layout (integers little endian): `u16` reading count, then each reading as `pos: u8`,
//! `features: [u8; 6]`, `form_tail_len: u8`, bytes, `lemma_tail_len: u8`, bytes; then `u32` list
//! count, then each list as `len: u8` and `len` reading ids (`u16`).

/// One reading of the table.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReadingEntry {
    /// Index into `crate::grammar::morph::Pos::ALL`.
    pub pos: u8,
    /// Feature sets in `Feature::ALL` order: num, gen, per, form, mood, tense.
    pub features: [u8; 6],
    /// Removed from the end of the form (Windows-1252).
    pub form_tail: Vec<u8>,
    /// Put in its place to make the lemma (Windows-1252).
    pub lemma_tail: Vec<u8>,
}

// The part-of-speech numbers and feature bits the compiler writes; `crate::grammar::fr` tests
// that they match `crate::grammar::morph`.
pub const POS_NOUN: u8 = 0;
pub const POS_VERB: u8 = 1;
pub const POS_ADJ: u8 = 2;
pub const POS_ADV: u8 = 3;
pub const POS_PROPN: u8 = 11;
pub const NUM: usize = 0;
pub const GEN: usize = 1;
pub const PER: usize = 2;
pub const FORM: usize = 3;
pub const MOOD: usize = 4;
pub const TENSE: usize = 5;
pub const SG: u8 = 1;
pub const PL: u8 = 2;
pub const MASC: u8 = 1;
pub const FEM: u8 = 2;
pub const P1: u8 = 1;
pub const P2: u8 = 2;
pub const P3: u8 = 4;
pub const FORM_INF: u8 = 1;
pub const FORM_ING: u8 = 2;
pub const FORM_PP: u8 = 4;
pub const FORM_FINITE: u8 = 8 | 16;
pub const MOOD_IND: u8 = 1;
pub const MOOD_SUBJ: u8 = 2;
pub const MOOD_IMP: u8 = 4;
pub const MOOD_INF: u8 = 8;
pub const MOOD_PPRES: u8 = 16;
pub const MOOD_PPAS: u8 = 32;
pub const MOOD_COND: u8 = 64;
pub const TENSE_PRES: u8 = 1;
pub const TENSE_IMPF: u8 = 2;
pub const TENSE_PS: u8 = 4;
pub const TENSE_FUT: u8 = 8;

/// Writes the section.
#[allow(dead_code)] // used by build.rs
pub fn write_section(readings: &[ReadingEntry], lists: &[Vec<u16>]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&(readings.len() as u16).to_le_bytes());
    for r in readings {
        out.push(r.pos);
        out.extend_from_slice(&r.features);
        out.push(r.form_tail.len() as u8);
        out.extend_from_slice(&r.form_tail);
        out.push(r.lemma_tail.len() as u8);
        out.extend_from_slice(&r.lemma_tail);
    }
    out.extend_from_slice(&(lists.len() as u32).to_le_bytes());
    for list in lists {
        out.push(list.len() as u8);
        for id in list {
            out.extend_from_slice(&id.to_le_bytes());
        }
    }
    out
}

/// The section, read: the reading table, and every list as a range of `ids`.
#[derive(Debug, Default)]
#[allow(dead_code)] // read by the library, not by build.rs
pub struct Section {
    pub readings: Vec<ReadingEntry>,
    pub lists: Vec<std::ops::Range<usize>>,
    pub ids: Vec<u16>,
}

/// Reads the section, or says why it cannot.
#[allow(dead_code)] // read by the library, not by build.rs
pub fn read_section(bytes: &[u8]) -> Result<Section, &'static str> {
    const TRUNCATED: &str = "has a truncated grammar section";
    let mut at = 0usize;
    let mut take = |n: usize| -> Result<&[u8], &'static str> {
        let slice = bytes.get(at..at + n).ok_or(TRUNCATED)?;
        at += n;
        Ok(slice)
    };
    let mut section = Section::default();
    let count = u16::from_le_bytes(take(2)?.try_into().map_err(|_| TRUNCATED)?);
    for _ in 0..count {
        let pos = take(1)?[0];
        let features: [u8; 6] = take(6)?.try_into().map_err(|_| TRUNCATED)?;
        let len = take(1)?[0] as usize;
        let form_tail = take(len)?.to_vec();
        let len = take(1)?[0] as usize;
        let lemma_tail = take(len)?.to_vec();
        section.readings.push(ReadingEntry {
            pos,
            features,
            form_tail,
            lemma_tail,
        });
    }
    let lists = u32::from_le_bytes(take(4)?.try_into().map_err(|_| TRUNCATED)?);
    for _ in 0..lists {
        let len = take(1)?[0] as usize;
        let start = section.ids.len();
        for pair in take(2 * len)?.chunks_exact(2) {
            let id = u16::from_le_bytes([pair[0], pair[1]]);
            if usize::from(id) >= section.readings.len() {
                return Err("has a grammar list naming a reading it lacks");
            }
            section.ids.push(id);
        }
        section.lists.push(start..section.ids.len());
    }
    Ok(section)
}
