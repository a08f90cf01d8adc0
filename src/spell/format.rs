//! The compiled dictionary's byte layout, shared by the build-time compiler (`build.rs`) and the
//! run-time reader, so writer and reader cannot disagree.
//!
//! A dictionary file is `PLUMEDIC`, a version byte, then length-prefixed sections (u32 little
//! endian): language code, word map, exact-spelling map, exact spellings, misspelling map,
//! corrections, grammar lexicon (French: `src/grammar/fr/table.rs`; empty in English). Keys of both
//! maps are lowercase words in Windows-1252 (one byte per letter, so edit distances computed on
//! bytes are distances on letters, accents included). A word's `u64` value packs its frequency
//! score, casing class, dialects and, for mixed-case words, where its exact spelling is stored.

/// First bytes of every compiled dictionary.
pub const MAGIC: &[u8; 8] = b"PLUMEDIC";
/// Layout version; bump when anything below changes.
pub const VERSION: u8 = 4;
/// Number of sections after the header.
pub const SECTIONS: usize = 7;

/// Frequency score, 0 (no count) to 15 (the commonest words). English uses eight odd steps,
/// `1 + 2⌊(ln(count) − 8) / 2⌋` (a step is a factor of e² ≈ 7 in count): finer steps cost 20 KB
/// of gzipped wasm for 0.1 point of top-1 accuracy.
pub const FREQUENCY_MASK: u64 = 0xF;
/// Casing class, two bits: see `CASE_*`.
pub const CASE_SHIFT: u32 = 8;
/// Any of lowercase, Capitalised or UPPERCASE is fine (`launch`).
pub const CASE_ANY: u64 = 0;
/// Needs a capital first letter (`Paris`).
pub const CASE_TITLE: u64 = 1;
/// Has exact spellings, found through the exact-spelling map (`iPhone`, `NASA`).
pub const CASE_EXACT: u64 = 2;
/// Valid but never suggested.
pub const NO_SUGGEST: u64 = 1 << 10;
/// Present in the American dictionary.
pub const DIALECT_US: u64 = 1 << 11;
/// Present in the British dictionary.
pub const DIALECT_GB: u64 = 1 << 12;
/// From the supplement list (function words and chat forms the dictionaries lack).
pub const SUPPLEMENT: u64 = 1 << 13;
/// Start of a (offset: 24 bits, length: 8 bits) reference into a text section.
pub const REFERENCE_SHIFT: u32 = 32;

/// Where a word's grammar readings start (16 bits, below the reference: low bits keep the word
/// map's values short): for English, the `EN_*` bits below, derived at build time from the affix
/// classes (`buildsrc/english_readings.rs`); read by the grammar room's lexicon. Zero: nothing
/// known. For French, the number of the word's list in the grammar section plus one
/// (`src/grammar/fr/table.rs`).
pub const READINGS_SHIFT: u32 = 16;
pub const EN_NOUN_SG: u16 = 1;
pub const EN_NOUN_PL: u16 = 1 << 1;
pub const EN_VERB_BASE: u16 = 1 << 2;
pub const EN_VERB_3SG: u16 = 1 << 3;
/// The regular `-ed` form: past and past participle.
pub const EN_VERB_ED: u16 = 1 << 4;
pub const EN_VERB_ING: u16 = 1 << 5;
pub const EN_ADJ: u16 = 1 << 6;
pub const EN_ADV: u16 = 1 << 7;

/// Packs a reference to `len` bytes at `offset` of a text section.
#[allow(dead_code)] // used by build.rs
pub fn pack_reference(offset: usize, len: usize) -> u64 {
    ((offset as u64 & 0xFF_FFFF) | ((len.min(255) as u64) << 24)) << REFERENCE_SHIFT
}

/// The (offset, length) reference packed in `value`.
pub fn unpack_reference(value: u64) -> (usize, usize) {
    let r = value >> REFERENCE_SHIFT;
    ((r & 0xFF_FFFF) as usize, ((r >> 24) & 0xFF) as usize)
}

/// Encodes a word as Windows-1252 bytes; `None` if a letter has no single-byte form.
pub fn encode(word: &str) -> Option<Vec<u8>> {
    word.chars().map(encode_char).collect()
}

/// One character in Windows-1252.
pub fn encode_char(c: char) -> Option<u8> {
    let code = c as u32;
    match code {
        0..=0x7F | 0xA0..=0xFF => Some(code as u8),
        _ => match c {
            'Œ' => Some(0x8C),
            'œ' => Some(0x9C),
            'Š' => Some(0x8A),
            'š' => Some(0x9A),
            'Ž' => Some(0x8E),
            'ž' => Some(0x9E),
            'Ÿ' => Some(0x9F),
            '’' | 'ʼ' | '‘' => Some(b'\''),
            _ => None,
        },
    }
}

/// One Windows-1252 byte as a character.
pub fn decode_byte(b: u8) -> char {
    match b {
        0x8C => 'Œ',
        0x9C => 'œ',
        0x8A => 'Š',
        0x9A => 'š',
        0x8E => 'Ž',
        0x9E => 'ž',
        0x9F => 'Ÿ',
        _ => char::from(b),
    }
}

/// The unaccented letter of a Windows-1252 byte (`é` → `e`), other bytes unchanged.
pub fn fold(b: u8) -> u8 {
    match b {
        0xE0..=0xE5 | 0xC0..=0xC5 => b'a',
        0xE7 | 0xC7 => b'c',
        0xE8..=0xEB | 0xC8..=0xCB => b'e',
        0xEC..=0xEF | 0xCC..=0xCF => b'i',
        0xF1 | 0xD1 => b'n',
        0xF2..=0xF6 | 0xD2..=0xD6 | 0x9C | 0x8C => b'o',
        0xF9..=0xFC | 0xD9..=0xDC => b'u',
        0xFD | 0xFF | 0xDD | 0x9F => b'y',
        _ => b,
    }
}

/// Decodes Windows-1252 bytes.
pub fn decode(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| decode_byte(b)).collect()
}

/// Writes the header and sections.
#[allow(dead_code)] // used by build.rs
pub fn write_container(sections: &[&[u8]; SECTIONS]) -> Vec<u8> {
    let mut out = Vec::with_capacity(sections.iter().map(|s| s.len() + 4).sum::<usize>() + 9);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    for section in sections {
        out.extend_from_slice(&(section.len() as u32).to_le_bytes());
        out.extend_from_slice(section);
    }
    out
}

/// Byte ranges of the sections in `bytes`, or why they cannot be read.
pub fn read_container(bytes: &[u8]) -> Result<[std::ops::Range<usize>; SECTIONS], &'static str> {
    if bytes.len() < 9 || &bytes[..8] != MAGIC {
        return Err("is not a Plume dictionary (wrong magic bytes)");
    }
    if bytes[8] != VERSION {
        return Err("was compiled for another version of Plume");
    }
    let mut pos = 9;
    let mut ranges: [std::ops::Range<usize>; SECTIONS] = Default::default();
    for range in ranges.iter_mut() {
        let len_bytes = bytes.get(pos..pos + 4).ok_or("is truncated")?;
        let len = u32::from_le_bytes([len_bytes[0], len_bytes[1], len_bytes[2], len_bytes[3]]);
        let start = pos + 4;
        let end = start.checked_add(len as usize).ok_or("is truncated")?;
        if end > bytes.len() {
            return Err("is truncated");
        }
        *range = start..end;
        pos = end;
    }
    Ok(ranges)
}

/// A word of 1 to 15 bytes as one number (its bytes, then its length in the top byte), so that
/// tables of short words compare numbers rather than strings; `None` for longer or empty words.
pub fn pack_short(bytes: &[u8]) -> Option<u128> {
    if bytes.is_empty() || bytes.len() > 15 {
        return None;
    }
    let mut packed = [0u8; 16];
    packed[..bytes.len()].copy_from_slice(bytes);
    packed[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(packed))
}
