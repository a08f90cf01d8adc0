//! The tone lexicons, compiled at build time (`buildsrc/tone_lexicons.rs`) into sorted tables
//! that a hash index, built on a table's first lookup, answers: valence (VADER, pattern, Plume's own), profanity sureness (cuss), emoji
//! valence, and retext-equality's inclusive-language patterns. Start-up parses nothing.
//! Lookups fall back from French inflections to the base form, and from masked spellings
//! (`f*ck`) to the profane word they hide.

use super::Lang;

/// Byte-wise comparison of short keys without a call into `memcmp` (most keys are a few bytes,
/// where the call costs more than the comparison).
#[inline]
pub(super) fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    compare_bytes(a.as_bytes(), b.as_bytes())
}

#[inline]
fn compare_bytes(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Where the keys of a sorted list start for each first byte, so a search starts in the keys
/// that share the key's first byte (a few dozen) rather than in all of them. Built on first use
/// of a list.
struct FirstBytes([u32; 257]);

impl FirstBytes {
    /// The index of `n` sorted keys; `first(k)` is the first byte of key `k` (`None` if empty).
    fn new(n: usize, first: impl Fn(usize) -> Option<u8>) -> FirstBytes {
        let rank = |k: usize| first(k).map_or(0, |b| usize::from(b) + 1);
        let mut starts = [0u32; 257];
        let mut k = 0;
        for (b, start) in starts.iter_mut().enumerate() {
            // Keys before `start` are empty or begin with a byte below `b`.
            while k < n && rank(k) <= b {
                k += 1;
            }
            *start = k as u32;
        }
        FirstBytes(starts)
    }

    /// The keys that may equal `key`, and every key before them is smaller than `key`.
    fn range(&self, key: &[u8]) -> (usize, usize) {
        match key.first() {
            Some(&b) => (
                self.0[usize::from(b)] as usize,
                self.0[usize::from(b) + 1] as usize,
            ),
            None => (0, self.0[0] as usize),
        }
    }
}

/// A hash index over a [`Table`]'s keys: a lookup hashes the key and compares it with one key
/// or two, where a search of the sorted table compares a dozen. Built on a table's first lookup
/// (a few hundred thousand instructions, once), it holds each key's offset and an open-addressed
/// slot array at most half full.
struct KeyIndex {
    /// Byte offset of each key in the table's `keys`.
    offsets: Vec<u32>,
    /// Key number + 1 (0: empty); the length is a power of two.
    slots: Vec<u16>,
}

/// A fast hash of a short key, eight bytes per step: a collision only costs a probe.
fn hash_key(key: &[u8]) -> usize {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut hash = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
    }
    (hash ^ (hash >> 29)) as usize
}

impl KeyIndex {
    /// The index of `table`, or `None` when it has too many keys for 16-bit slots.
    fn new(table: &Table) -> Option<KeyIndex> {
        let n = table.lens.len();
        if n >= usize::from(u16::MAX) {
            return None;
        }
        let mask = (2 * n).next_power_of_two().max(2) - 1;
        let mut index = KeyIndex {
            offsets: Vec::with_capacity(n),
            slots: vec![0; mask + 1],
        };
        let mut offset = 0usize;
        for (k, &len) in table.lens.iter().enumerate() {
            let len = usize::from(len);
            // Keys are unique (the table is strictly sorted; a test checks), so each gets a slot.
            let key = table.keys.as_bytes().get(offset..offset + len)?;
            index.offsets.push(offset as u32);
            let mut i = hash_key(key) & mask;
            while index.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            index.slots[i] = (k + 1) as u16;
            offset += len;
        }
        Some(index)
    }

    /// The number of `key` in `table`.
    fn find(&self, table: &Table, key: &[u8]) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut i = hash_key(key) & mask;
        loop {
            let k = usize::from(self.slots[i]).checked_sub(1)?;
            let len = usize::from(table.lens[k]);
            if len == key.len() {
                let start = self.offsets[k] as usize;
                if table.keys.as_bytes().get(start..start + len) == Some(key) {
                    return Some(k);
                }
            }
            i = (i + 1) & mask;
        }
    }
}

/// Keys per block of a [`Table`]'s index (must match `buildsrc/tone_lexicons.rs`).
const BLOCK: usize = 16;

/// A sorted table of keys, each with a 2-byte record: valence ×10 (i8), then profanity
/// sureness + 1 in bits 0–1 and the phrase-head flag in bit 2. Keys are stored back to back with
/// a length byte each; `blocks` holds the offset of every 16th key.
pub struct Table {
    keys: &'static str,
    lens: &'static [u8],
    blocks: &'static [u32],
    records: &'static [u8],
}

/// What a lexicon knows about one word or phrase.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Entry {
    /// Valence on VADER's scale, −4…4 (0 when the key is only profane or a phrase head).
    pub valence: f32,
    /// cuss sureness that the key is profane: `None`, or 0 (maybe), 1 (likely), 2 (surely).
    pub profanity: Option<u8>,
    /// The key also starts a longer phrase in the table.
    pub phrase_head: bool,
}

impl Table {
    fn block_head(&self, block: usize) -> &'static [u8] {
        let start = self.blocks[block] as usize;
        let len = usize::from(self.lens[block * BLOCK]);
        self.keys.as_bytes().get(start..start + len).unwrap_or(&[])
    }

    fn entry(&self, n: usize) -> Entry {
        let r = &self.records[n * 2..n * 2 + 2];
        Entry {
            valence: f32::from(r[0] as i8) / 10.0,
            profanity: (r[1] & 3).checked_sub(1),
            phrase_head: r[1] & 4 != 0,
        }
    }

    /// The hash index of the lexicons compiled in, built on a lexicon's first lookup.
    fn index(&self) -> Option<&'static KeyIndex> {
        use std::sync::OnceLock;
        static INDEXES: [OnceLock<Option<KeyIndex>>; 3] = [const { OnceLock::new() }; 3];
        let slot = [&EN, &FR, &EMOJI]
            .iter()
            .position(|table| std::ptr::eq(*table, self))?;
        INDEXES[slot].get_or_init(|| KeyIndex::new(self)).as_ref()
    }

    /// The entry for `key` (already lowercased, apostrophes as `'`, single spaces).
    pub fn get(&self, key: &str) -> Option<Entry> {
        let key = key.as_bytes();
        match self.index() {
            Some(index) => index.find(self, key).map(|n| self.entry(n)),
            None => self.search(key),
        }
    }

    /// [`Table::get`] by binary search, for a table without a hash index.
    fn search(&self, key: &[u8]) -> Option<Entry> {
        // The last block whose head is ≤ key, then a scan of that block. Keys are compared as
        // bytes: the table's keys are whole strings, so no slice splits a character.
        let keys = self.keys.as_bytes();
        let (mut lo, mut hi) = (0, self.blocks.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if compare_bytes(self.block_head(mid), key) != std::cmp::Ordering::Greater {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let block = lo.checked_sub(1)?;
        let mut offset = self.blocks[block] as usize;
        let first = block * BLOCK;
        for n in first..(first + BLOCK).min(self.lens.len()) {
            let len = usize::from(self.lens[n]);
            let k = keys.get(offset..offset + len)?;
            match compare_bytes(k, key) {
                std::cmp::Ordering::Less => offset += len,
                std::cmp::Ordering::Equal => return Some(self.entry(n)),
                std::cmp::Ordering::Greater => return None,
            }
        }
        None
    }

    /// Every key with its entry, in order (for the rare scans that no lookup of one key answers,
    /// such as matching a masked word).
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Entry)> + '_ {
        let mut offset = 0usize;
        self.lens.iter().enumerate().map(move |(n, &len)| {
            let start = offset;
            offset += usize::from(len);
            (self.keys.get(start..offset).unwrap_or(""), self.entry(n))
        })
    }

    /// Number of keys (for size reports and tests).
    pub fn entries(&self) -> usize {
        self.lens.len()
    }
}

/// One retext-equality pattern.
pub struct Pattern {
    pub id: &'static str,
    /// An `or` pattern (`he`/`she`) is only inconsiderate when the other forms are absent.
    pub either_or: bool,
    /// Considerate alternatives, `|`-separated.
    pub considerate: &'static str,
}

/// Inclusive-language terms: key → (pattern index, category such as `female`, `a`).
pub struct Terms {
    keys: &'static str,
    starts: &'static [u32],
    records: &'static [(u16, &'static str)],
    /// First words of multi-word terms, sorted.
    heads: &'static [&'static str],
}

impl Terms {
    /// The pattern and category for `key` (lowercased, or exact for all-capital acronyms).
    pub fn get(&self, key: &str) -> Option<(&'static Pattern, &'static str)> {
        let n = self.starts.len().saturating_sub(1);
        let (keys, key) = (self.keys.as_bytes(), key.as_bytes());
        let key_at = |k: usize| {
            keys.get(self.starts[k] as usize..self.starts[k + 1] as usize)
                .unwrap_or(&[])
        };
        let (mut lo, mut hi) = if std::ptr::eq(self, &TERMS) {
            use std::sync::OnceLock;
            static INDEX: OnceLock<FirstBytes> = OnceLock::new();
            INDEX
                .get_or_init(|| FirstBytes::new(n, |k| key_at(k).first().copied()))
                .range(key)
        } else {
            (0, n)
        };
        while lo < hi {
            let mid = (lo + hi) / 2;
            match compare_bytes(key_at(mid), key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let (i, category) = self.records[mid];
                    return PATTERNS.get(usize::from(i)).map(|p| (p, category));
                }
            }
        }
        None
    }

    /// Every term.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        let keys: &'static str = self.keys;
        self.starts
            .windows(2)
            .map(move |w| keys.get(w[0] as usize..w[1] as usize).unwrap_or(""))
    }

    /// The first words of multi-word terms.
    pub fn heads(&self) -> &'static [&'static str] {
        self.heads
    }

    /// The terms of `pattern` other than those in `category` (the forms an `or` pattern pairs).
    pub fn partners(&self, pattern: &Pattern, category: &str) -> Vec<&'static str> {
        let n = self.starts.len().saturating_sub(1);
        (0..n)
            .filter(|&i| {
                let (p, c) = self.records[i];
                PATTERNS
                    .get(usize::from(p))
                    .is_some_and(|q| q.id == pattern.id)
                    && c != category
            })
            .map(|i| &self.keys[self.starts[i] as usize..self.starts[i + 1] as usize])
            .collect()
    }
}

include!(concat!(env!("OUT_DIR"), "/tone_lexicons.rs"));

/// The valence/profanity table of a language.
pub fn words(lang: Lang) -> &'static Table {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// French inflections and the base forms to try for them, longest ending first: lexicons list
/// the masculine singular and often not every inflection (`stylé` but not `stylés`, `convivial`
/// but not `conviviaux`).
const FRENCH_ENDINGS: &[(&str, &str)] = &[
    ("euses", "eux"),
    ("euse", "eux"),
    ("ives", "if"),
    ("ive", "if"),
    ("elles", "el"),
    ("elle", "el"),
    ("ennes", "en"),
    ("enne", "en"),
    ("aux", "al"),
    ("es", ""),
    ("s", ""),
    ("x", ""),
    ("e", ""),
];

/// The entry of `word`, or of its base form when the draft writes an inflection the lexicon
/// does not list (French gender and number: `stylés`, `ambitieuses`, `conviviaux`, `dépressives`
/// read as `stylé`, `ambitieux`, `convivial`, `dépressif`). Words of four letters
/// or fewer are looked up as written: stripping them invents homographs (`mes` → `me`).
pub fn lookup(lang: Lang, word: &str) -> Option<Entry> {
    let table = words(lang);
    if let Some(entry) = table.get(word) {
        return Some(entry);
    }
    // Every ending ends in `s`, `x` or `e`: a word that does not has no inflection to undo.
    debug_assert!(FRENCH_ENDINGS
        .iter()
        .all(|(ending, _)| ending.ends_with(['s', 'x', 'e'])));
    if lang != Lang::Fr || !word.ends_with(['s', 'x', 'e']) || word.chars().count() <= 4 {
        return None;
    }
    let mut key = String::new();
    FRENCH_ENDINGS.iter().find_map(|(ending, base)| {
        // An ending that is the whole word leaves no stem to look up (`elles` is not `el`).
        let stem = word.strip_suffix(ending).filter(|stem| !stem.is_empty())?;
        // A feminine `-e` follows a participle or an adjective ending (`déçue`, `contente`,
        // `grande`); after other letters it is part of the word (`france` is not `franc`).
        if ending.starts_with('e')
            && base.is_empty()
            && !stem.ends_with(['é', 'u', 'i', 't', 'd', 's'])
        {
            return None;
        }
        let key = if base.is_empty() {
            stem
        } else {
            key.clear();
            key.push_str(stem);
            key.push_str(base);
            key.as_str()
        };
        table.get(key).filter(|e| e.valence != 0.0)
    })
}

/// What a masking character stands for: a letter written as a look-alike digit or symbol
/// (`sh1t`, `a$$`, `m3rde`), or `None` for a star that hides any one letter (`f*ck`).
fn unleet(c: char) -> Option<Option<char>> {
    Some(match c {
        '*' => None,
        '$' | '5' => Some('s'),
        '@' | '4' => Some('a'),
        '0' => Some('o'),
        '1' | '!' => Some('i'),
        '3' => Some('e'),
        '7' => Some('t'),
        _ => return None,
    })
}

/// The profane word a masked spelling hides (`f*ck`, `f**k`, `sh!t`, `a$$`, `put*in`, `m3rde`),
/// if the language's profanity list has exactly that shape: each star stands for one letter,
/// each look-alike (`$`, `@`, `0`, `1`, `!`, `3`, `4`, `5`, `7`) for its letter. Only profane
/// words are returned, so `2nd` or `h*me` stay as they are.
pub fn unmask(lang: Lang, masked: &str) -> Option<String> {
    let chars: Vec<Option<char>> = masked
        .chars()
        .map(|c| match unleet(c) {
            Some(letter) => letter,
            None => c.to_lowercase().next(),
        })
        .collect();
    let letters = masked.chars().filter(|c| c.is_alphabetic()).count();
    let masks = masked.chars().filter(|c| unleet(*c).is_some()).count();
    if !(3..=12).contains(&chars.len()) || letters == 0 || masks == 0 || masks > letters + 1 {
        return None;
    }
    let profane = |e: &Entry| e.profanity.is_some_and(|s| s >= 1);
    if chars.iter().all(Option::is_some) {
        let word: String = chars.iter().flatten().collect();
        return words(lang).get(&word).filter(profane).map(|_| word);
    }
    let fits = |key: &str| {
        key.chars().count() == chars.len()
            && key
                .chars()
                .zip(&chars)
                .all(|(k, c)| c.is_none_or(|c| c == k) && k.is_alphabetic())
    };
    let mut best: Option<(&'static str, u8)> = None;
    for (key, entry) in words(lang).iter() {
        if profane(&entry) && fits(key) {
            let sureness = entry.profanity.unwrap_or(0);
            if best.is_none_or(|(_, s)| sureness > s) {
                best = Some((key, sureness));
            }
        }
    }
    best.map(|(k, _)| k.to_string())
}

/// Valence of one emoji (−4…4), if it carries any.
pub fn emoji_valence(emoji: &str) -> Option<f32> {
    // Variation selectors do not change meaning: `❤️` and `❤` read the same.
    let bare: &str = emoji.trim_end_matches('\u{fe0f}');
    EMOJI
        .get(emoji)
        .or_else(|| EMOJI.get(bare))
        .map(|e| e.valence)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_every_table_is_found_by_hash_and_by_search_and_near_misses_are_not() {
        for table in [&EN, &FR, &EMOJI] {
            let keys: Vec<&str> = table.iter().map(|(key, _)| key).collect();
            assert!(keys.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
            for (key, entry) in table.iter() {
                assert_eq!(table.get(key), Some(entry), "{key}");
                assert_eq!(table.search(key.as_bytes()), Some(entry), "{key}");
                assert_eq!(table.get(&format!("{key}\u{1}")), None, "{key}");
            }
        }
        for k in 0..TERMS.starts.len() - 1 {
            let key = &TERMS.keys[TERMS.starts[k] as usize..TERMS.starts[k + 1] as usize];
            assert!(TERMS.get(key).is_some(), "{key}");
        }
        assert_eq!(EN.get(""), None);
        assert_eq!(EN.get("zzzzzzzz"), None);
        assert_eq!(EN.get("\u{ff}"), None);
    }

    #[test]
    fn english_valence_comes_from_vader() {
        let good = EN.get("good").expect("good is in VADER");
        assert!((good.valence - 1.9).abs() < 0.05);
        assert!(EN.get("horrible").is_some_and(|e| e.valence < -2.0));
    }

    #[test]
    fn french_valence_and_phrases_are_found() {
        assert!(FR.get("magnifique").is_some_and(|e| e.valence > 2.0));
        assert!(FR.get("ça craint").is_some_and(|e| e.valence < 0.0));
        assert!(FR.get("ça").is_some_and(|e| e.phrase_head));
    }

    #[test]
    fn profanity_keeps_cuss_sureness() {
        assert_eq!(EN.get("fuck").and_then(|e| e.profanity), Some(2));
        assert_eq!(FR.get("connard").and_then(|e| e.profanity), Some(2));
        assert_eq!(EN.get("hello").and_then(|e| e.profanity), None);
    }

    #[test]
    fn emoji_have_valence_with_or_without_variation_selector() {
        assert!(emoji_valence("😀").is_some_and(|v| v > 0.0));
        assert!(emoji_valence("😡").is_some_and(|v| v < 0.0));
        assert!(emoji_valence("❤️").is_some_and(|v| v > 0.0));
    }

    #[test]
    fn a_masked_spelling_unmasks_only_to_a_profane_word() {
        assert_eq!(unmask(Lang::En, "f*ck").as_deref(), Some("fuck"));
        assert_eq!(unmask(Lang::En, "F**K").as_deref(), Some("fuck"));
        assert_eq!(unmask(Lang::En, "sh!t").as_deref(), Some("shit"));
        assert_eq!(unmask(Lang::Fr, "m3rde").as_deref(), Some("merde"));
        assert_eq!(unmask(Lang::Fr, "put*in").as_deref(), Some("putain"));
        assert_eq!(unmask(Lang::En, "h*me"), None);
        assert_eq!(unmask(Lang::En, "2nd"), None);
        assert_eq!(unmask(Lang::En, "****"), None);
    }

    #[test]
    fn french_inflections_fall_back_to_the_base_form() {
        assert!(lookup(Lang::Fr, "déçues").is_some_and(|e| e.valence < 0.0));
        assert!(lookup(Lang::Fr, "géniaux").is_some_and(|e| e.valence > 0.0));
        assert_eq!(lookup(Lang::En, "gooder"), None);
    }

    #[test]
    fn french_inflections_the_lexicon_does_not_list_read_as_their_base_form() {
        for (form, base) in [
            ("stylés", "stylé"),
            ("ambitieuses", "ambitieux"),
            ("conviviaux", "convivial"),
            ("dépressives", "dépressif"),
        ] {
            assert_eq!(FR.get(form), None, "{form} is listed: it needs no fallback");
            let entry = FR.get(base).expect("the base form is listed");
            assert_ne!(entry.valence, 0.0, "{base}");
            assert_eq!(lookup(Lang::Fr, form), Some(entry), "{form}");
        }
    }

    #[test]
    fn french_words_written_without_accents_read_as_the_accented_word() {
        // No lexicon file lists `decu`: the build stores `déçu`'s entry under it too.
        assert!(FR.get("decu").is_some_and(|e| e.valence < 0.0));
        assert_eq!(FR.get("decu"), FR.get("déçu"));
    }

    #[test]
    fn inclusive_terms_point_to_their_pattern() {
        let (pattern, _) = TERMS
            .get("chairman")
            .expect("chairman is a retext-equality term");
        assert!(pattern.considerate.contains("chair"));
        assert!(
            TERMS.get("add").is_none(),
            "the acronym ADD only matches in capitals"
        );
    }
}
