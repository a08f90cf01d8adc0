//! A compiled dictionary: immutable bytes produced at build time (`build.rs`), read in place.
//!
//! Opening one parses nothing but a header; a lookup walks the word map (an `fst`) once, and the
//! entries of recent lookups are remembered in a small table (the only state that changes, behind
//! a lock, empty again in every clone). The same bytes also answer "which words are within two
//! edits of this one" by walking the map as a trie, each row of the edit-distance table kept as
//! bit sets (one per number of edits).

use std::sync::{Arc, Mutex};

use fst::raw::{Fst, Node};
use fst::Map;

use super::format::{self, CASE_ANY, CASE_EXACT, CASE_SHIFT, CASE_TITLE};

/// Why dictionary bytes were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DictionaryError {
    /// The bytes are not a compiled Plume dictionary (or are damaged).
    Invalid(&'static str),
    /// A valid dictionary, but for another language than the one it was loaded as.
    WrongLanguage { expected: String, found: String },
    /// The language cannot be loaded: English is built in and `auto` is not a dictionary.
    NotLoadable(&'static str),
}

impl std::fmt::Display for DictionaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DictionaryError::Invalid(why) => write!(
                f,
                "the dictionary file {why}; rebuild it with the plume-dictionary command"
            ),
            DictionaryError::WrongLanguage { expected, found } => write!(
                f,
                "this dictionary is for {found:?}, not {expected:?}: load the {expected} file"
            ),
            DictionaryError::NotLoadable(language) => write!(
                f,
                "{language} cannot be loaded: English is built in and only fr is loaded at run time"
            ),
        }
    }
}

impl std::error::Error for DictionaryError {}

/// What the dictionary stores about a word (its packed `u64`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo(pub u64);

impl WordInfo {
    /// 0 (no count) to 15 (the commonest words).
    pub fn frequency(self) -> u8 {
        (self.0 & format::FREQUENCY_MASK) as u8
    }
    pub fn casing(self) -> u64 {
        (self.0 >> CASE_SHIFT) & 3
    }
    pub fn suggestible(self) -> bool {
        self.0 & format::NO_SUGGEST == 0
    }
    pub fn american(self) -> bool {
        self.0 & format::DIALECT_US != 0
    }
    pub fn british(self) -> bool {
        self.0 & format::DIALECT_GB != 0
    }
    pub fn supplement(self) -> bool {
        self.0 & format::SUPPLEMENT != 0
    }
    /// The grammar readings bits (`format::READINGS_SHIFT`: the `EN_*` bits in the English
    /// dictionary, a list number in the French one).
    pub fn readings(self) -> u16 {
        (self.0 >> format::READINGS_SHIFT) as u16
    }
}

/// A word within the search distance of a misspelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Lowercase spelling.
    pub word: String,
    pub info: WordInfo,
    /// Edit distance (insert, delete, substitute, swap neighbours) from the lowercase query.
    pub distance: u8,
}

/// A section of dictionary bytes: embedded in the binary, or loaded once and shared by every
/// clone (reconfiguring the checker does not copy a loaded dictionary).
#[derive(Clone)]
enum Bytes {
    Static(&'static [u8]),
    Shared(Arc<[u8]>),
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        match self {
            Bytes::Static(bytes) => bytes,
            Bytes::Shared(bytes) => bytes,
        }
    }
}

/// A compiled dictionary, read in place.
#[derive(Clone)]
pub struct Dictionary {
    language: String,
    words: Map<Bytes>,
    exact_map: Map<Bytes>,
    exact: Bytes,
    misspellings: Map<Bytes>,
    corrections: Bytes,
    /// The grammar lexicon's section (empty when the language has none in its file).
    grammar: Bytes,
    /// The entries of the words looked up lately (words repeat: a draft's words are a few
    /// hundred different ones).
    recent: RecentLookups,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("language", &self.language)
            .field("words", &self.words.len())
            .finish()
    }
}

impl Dictionary {
    /// Opens bytes embedded in the binary (no copy).
    pub fn from_static(bytes: &'static [u8]) -> Result<Dictionary, DictionaryError> {
        let ranges = format::read_container(bytes).map_err(DictionaryError::Invalid)?;
        let [lang, words, exact_map, exact, miss, corr, grammar] = ranges;
        Dictionary::assemble(
            &bytes[lang],
            Bytes::Static(&bytes[words]),
            Bytes::Static(&bytes[exact_map]),
            Bytes::Static(&bytes[exact]),
            Bytes::Static(&bytes[miss]),
            Bytes::Static(&bytes[corr]),
            Bytes::Static(&bytes[grammar]),
        )
    }

    /// Opens bytes loaded at run time (copied once), verifying their checksums in native builds:
    /// a damaged file is refused here rather than misread later.
    pub fn from_bytes(bytes: &[u8]) -> Result<Dictionary, DictionaryError> {
        let ranges = format::read_container(bytes).map_err(DictionaryError::Invalid)?;
        let [lang, words, exact_map, exact, miss, corr, grammar] = ranges;
        let own = |r: std::ops::Range<usize>| Bytes::Shared(Arc::from(&bytes[r]));
        let dictionary = Dictionary::assemble(
            &bytes[lang],
            own(words),
            own(exact_map),
            own(exact),
            own(miss),
            own(corr),
            own(grammar),
        )?;
        // In the browser the file comes from the extension's own signed package, and the
        // checksum code would add 16 KB of tables to the wasm: only native builds verify.
        #[cfg(not(target_arch = "wasm32"))]
        {
            let damaged = |_| DictionaryError::Invalid("is damaged (checksum mismatch)");
            dictionary.words.as_fst().verify().map_err(damaged)?;
            dictionary.exact_map.as_fst().verify().map_err(damaged)?;
            dictionary.misspellings.as_fst().verify().map_err(damaged)?;
        }
        Ok(dictionary)
    }

    fn assemble(
        language: &[u8],
        words: Bytes,
        exact_map: Bytes,
        exact: Bytes,
        misspellings: Bytes,
        corrections: Bytes,
        grammar: Bytes,
    ) -> Result<Dictionary, DictionaryError> {
        let invalid = |_| DictionaryError::Invalid("has a damaged word map");
        Ok(Dictionary {
            language: String::from_utf8_lossy(language).into_owned(),
            words: Map::new(words).map_err(invalid)?,
            exact_map: Map::new(exact_map).map_err(invalid)?,
            exact,
            misspellings: Map::new(misspellings).map_err(invalid)?,
            corrections,
            grammar,
            recent: RecentLookups::default(),
        })
    }

    /// The grammar lexicon's section of the file (empty when it has none).
    pub fn grammar_section(&self) -> &[u8] {
        self.grammar.as_ref()
    }

    /// The language code the dictionary was compiled for (`en` or `fr`).
    pub fn language(&self) -> &str {
        &self.language
    }

    /// Number of word forms.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// What is stored for `lowercase` (already lowercase, straight apostrophes).
    pub fn info(&self, lowercase: &str) -> Option<WordInfo> {
        self.info_any_case(lowercase)
    }

    /// What is stored for `word` in any case, without allocating: the key is lowercased and
    /// encoded into a stack buffer.
    pub fn info_any_case(&self, word: &str) -> Option<WordInfo> {
        let mut key = [0u8; MAX_KEY];
        let len = if word.is_ascii() {
            // ASCII is its own Windows-1252 encoding.
            let ascii = key.get_mut(..word.len())?;
            ascii.copy_from_slice(word.as_bytes());
            ascii.make_ascii_lowercase();
            word.len()
        } else {
            let mut len = 0;
            for c in word.chars().flat_map(char::to_lowercase) {
                *key.get_mut(len)? = format::encode_char(c)?;
                len += 1;
            }
            len
        };
        self.entry(&key[..len])
    }

    /// The entry of an encoded key: from the recent lookups, or from the word map (then
    /// remembered).
    fn entry(&self, key: &[u8]) -> Option<WordInfo> {
        let Some(packed) = format::pack_short(key) else {
            return self.words.get(key).map(WordInfo);
        };
        // A poisoned lock only means a panic elsewhere: the slots are plain values, still valid.
        let mut slots = self
            .recent
            .slots
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if slots.is_empty() {
            slots.resize(RecentLookups::SLOTS, Slot::default());
        }
        let slot = &mut slots[RecentLookups::slot_of(packed)];
        if slot.key != packed {
            *slot = Slot {
                key: packed,
                entry: self.words.get(key).map(WordInfo),
            };
        }
        slot.entry
    }

    /// The exact spellings of a mixed-case word (`iPhone`, `NASA`).
    pub fn exact_forms(&self, lowercase: &str, info: WordInfo) -> impl Iterator<Item = &str> {
        let reference = (info.casing() == CASE_EXACT)
            .then(|| format::encode(lowercase))
            .flatten()
            .and_then(|key| self.exact_map.get(key));
        let text = reference.map_or("", |r| {
            let (offset, len) = format::unpack_reference(r);
            self.exact
                .as_ref()
                .get(offset..offset + len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or("")
        });
        text.split(' ').filter(|s| !s.is_empty())
    }

    /// Whether `word`, written as it is, is a correctly cased form of the entry `info`.
    pub fn case_fits(&self, word: &str, info: WordInfo) -> bool {
        let shape = CaseShape::of(word);
        match info.casing() {
            // `FAQs`, `DMs`: an acronym's plural is written in capitals with a small `s`.
            CASE_ANY => shape != CaseShape::Mixed || is_acronym_plural(word),
            CASE_TITLE => matches!(shape, CaseShape::Title | CaseShape::Upper),
            _ => {
                let lower = word.to_lowercase().replace(['’', 'ʼ'], "'");
                shape == CaseShape::Upper || self.exact_forms(&lower, info).any(|f| f == word)
            }
        }
    }

    /// The dictionary's own spelling of `lowercase` (`paris` → `Paris`, `iphone` → `iPhone`).
    pub fn canonical(&self, lowercase: &str, info: WordInfo) -> String {
        match info.casing() {
            CASE_TITLE => super::case::title(lowercase),
            CASE_EXACT => self
                .exact_forms(lowercase, info)
                .next()
                .map_or_else(|| lowercase.to_string(), str::to_string),
            _ => lowercase.to_string(),
        }
    }

    /// The common-misspelling table's corrections for `lowercase`, if any.
    pub fn known_misspelling(&self, lowercase: &str) -> Vec<&str> {
        let Some(key) = format::encode(lowercase) else {
            return Vec::new();
        };
        let Some(value) = self.misspellings.get(key) else {
            return Vec::new();
        };
        let (offset, len) = format::unpack_reference(value);
        self.corrections
            .as_ref()
            .get(offset..offset + len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .map_or_else(Vec::new, |s| s.split(',').collect())
    }

    /// Every word within `max` edits (at most two) of `lowercase`, found by walking the map as
    /// a trie. With `keep_first_letter`, words that do not start with the query's first letter
    /// (accents aside: `evenement` keeps `événement` in reach) are searched within one edit only
    /// (several times faster; writers rarely miss the first letter).
    pub fn within(&self, lowercase: &str, max: u8, keep_first_letter: bool) -> Vec<Candidate> {
        let Some(query) = format::encode(lowercase) else {
            return Vec::new();
        };
        // Every cell of the table, the query's end included, has a bit.
        if query.len() >= Bits::BITS as usize {
            return Vec::new();
        }
        let max = max.min(MAX_EDITS);
        let fst = self.words.as_fst();
        let depth_limit = query.len() + usize::from(max) + 1;
        let mut masks = [0 as Bits; 256];
        for (j, &byte) in query.iter().enumerate() {
            masks[usize::from(byte)] |= 1 << j;
        }
        // Before any letter, reaching the query's letter `j` takes `j` deletions.
        let mut start = [0 as Bits; LEVELS];
        for (edits, level) in start.iter_mut().enumerate() {
            *level = (1 << (edits + 1).min(query.len() + 1)) - 1;
        }
        let mut levels = vec![[0 as Bits; LEVELS]; depth_limit + 1];
        levels[0] = start;
        let mut search = TrieSearch {
            fst,
            query: &query,
            masks,
            inside: Bits::MAX >> (Bits::BITS as usize - query.len() - 1),
            depth_limit,
            levels,
            prefix: Vec::with_capacity(depth_limit),
            first: keep_first_letter
                .then(|| query.first().copied().map(format::fold))
                .flatten(),
            found: Vec::new(),
        };
        search.walk(fst.root(), 0, max);
        search.found
    }
}

/// Longest key looked up (longer words are in no dictionary).
const MAX_KEY: usize = 64;

/// A small table of recent lookups: each key has one slot (by its hash) and a lookup of another
/// key with the same slot takes it over. Starts empty, and empty again in every clone (its
/// entries are cheap to find again and belong to one speller).
#[derive(Debug, Default)]
struct RecentLookups {
    /// [`RecentLookups::SLOTS`] slots once the first word is looked up.
    slots: Mutex<Vec<Slot>>,
}

/// A key (packed by [`format::pack_short`]; 0: no key) and its entry.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u128,
    entry: Option<WordInfo>,
}

impl RecentLookups {
    /// Slots in the table (a power of two): a long draft's different words fit.
    const SLOTS: usize = 1024;

    fn slot_of(packed: u128) -> usize {
        let mixed = ((packed as u64) ^ ((packed >> 64) as u64).rotate_left(29))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> (64 - Self::SLOTS.trailing_zeros())) as usize
    }
}

impl Clone for RecentLookups {
    fn clone(&self) -> RecentLookups {
        RecentLookups::default()
    }
}

/// The widest search: two edits.
const MAX_EDITS: u8 = 2;
/// One set of table cells per number of edits, none to `MAX_EDITS`.
const LEVELS: usize = MAX_EDITS as usize + 1;

/// A set of the query's positions, bit `j` for "the first `j` letters" (a column of the
/// edit-distance table). Words of up to 100 bytes are checked, so 64 bits are too few.
type Bits = u128;

/// Depth-first walk of the word trie, one row of the edit-distance table per depth.
///
/// A row is kept as bit sets rather than numbers (bit-parallel, after Wu and Manber): level `e`
/// holds the columns the prefix reaches within `e` edits. Reading a letter updates every column
/// at once with a few shifts and masks, and the question the walk asks of a row (is any column
/// still within reach? is no edit left?) is whether a level is empty.
struct TrieSearch<'a, D: AsRef<[u8]>> {
    fst: &'a Fst<D>,
    query: &'a [u8],
    /// For each byte, the positions of the query where it stands.
    masks: [Bits; 256],
    /// Columns `0..=query.len()`.
    inside: Bits,
    depth_limit: usize,
    /// The row of each depth on the current path (up to the prefix's length), as levels.
    levels: Vec<[Bits; LEVELS]>,
    prefix: Vec<u8>,
    first: Option<u8>,
    found: Vec<Candidate>,
}

impl<'a, D: AsRef<[u8]>> TrieSearch<'a, D> {
    fn walk(&mut self, node: Node<'a>, output: u64, max: u8) {
        let depth = self.prefix.len();
        if depth + 1 >= self.depth_limit {
            return;
        }
        // No edit left: every column needs all of `max`.
        if depth > 0 && (max == 0 || self.levels[depth][usize::from(max) - 1] == 0) {
            self.finish_exactly(node, output, max);
            return;
        }
        let previous = self.levels[depth];
        // A swap (`hte` → `the`): two rows back, the query's letter `j` is the next letter
        // and letter `j + 1` the prefix's last.
        let swap = depth
            .checked_sub(1)
            .zip(self.prefix.last())
            .map(|(before, &last)| (self.levels[before], self.masks[usize::from(last)] >> 1));
        for transition in node.transitions() {
            self.step(transition, output, max, &previous, swap.as_ref());
        }
    }

    /// Ends a search whose budget is spent: every column of the prefix's row needs `max` edits,
    /// so no edit is left. A word can then only end as the query ends after a column at `max`
    /// (its rest letter for letter), or as a swap the previous row could still afford followed
    /// by the query's rest. Those few paths are followed in the trie directly, with no more
    /// rows to compute.
    fn finish_exactly(&mut self, node: Node<'a>, output: u64, max: u8) {
        let depth = self.prefix.len();
        let query = self.query;
        let n = query.len();
        // The last column is skipped: a word ending there is the prefix itself, already
        // reported.
        let mut ends = self.levels[depth][usize::from(max)] & !(1 << n);
        while ends != 0 {
            let from = ends.trailing_zeros() as usize;
            ends &= ends - 1;
            // Most of these paths end at once: the node lacks the rest's first letter.
            if let Some(index) = node.find_input(query[from]) {
                self.follow_from(node, index, output, None, from, max);
            }
        }
        // A swap finishing on the next letter: the previous row paid for everything before
        // it (`max - 1`), the prefix's last letter is the query's letter `j - 1` and the next
        // letter must be the query's letter `j - 2` (bit `j - 2` below).
        let (Some(before), Some(&last), Some(below)) = (
            depth.checked_sub(1),
            self.prefix.last(),
            usize::from(max).checked_sub(1),
        ) else {
            return;
        };
        let mut swaps =
            self.levels[before][below] & (self.masks[usize::from(last)] >> 1) & (self.inside >> 2);
        while swaps != 0 {
            let to = swaps.trailing_zeros() as usize + 2;
            swaps &= swaps - 1;
            let swapped = query[to - 2];
            if let Some(index) = node.find_input(swapped) {
                self.follow_from(node, index, output, Some(swapped), to, max);
            }
        }
    }

    /// Follows `first` (if any) then the query from `from` on in the trie, letter for letter,
    /// and keeps the word reached if it is one, at `distance`. The path's first letter is
    /// already found: it is the node's transition `index`.
    fn follow_from(
        &mut self,
        node: Node<'a>,
        index: usize,
        output: u64,
        first: Option<u8>,
        from: usize,
        distance: u8,
    ) {
        let query = self.query;
        let Some(rest) = query.get(from..) else {
            return;
        };
        let transition = node.transition(index);
        let mut output = output + transition.out.value();
        let mut node = self.fst.node(transition.addr);
        let after_first = usize::from(first.is_none());
        for &byte in rest.get(after_first..).unwrap_or_default() {
            let Some(index) = node.find_input(byte) else {
                return;
            };
            let transition = node.transition(index);
            output += transition.out.value();
            node = self.fst.node(transition.addr);
        }
        if node.is_final() {
            let mut word = self.prefix.clone();
            word.extend(first);
            word.extend_from_slice(rest);
            self.found.push(Candidate {
                word: format::decode(&word),
                info: WordInfo(output + node.final_output().value()),
                distance,
            });
        }
    }

    /// Follows one transition out of a node whose row is `previous` (and `swap`, the row
    /// before it and where the prefix's last letter stands in the query, shifted to the
    /// previous column): computes its row of the table and walks on if within reach.
    fn step(
        &mut self,
        transition: fst::raw::Transition,
        output: u64,
        max: u8,
        previous: &[Bits; LEVELS],
        swap: Option<&([Bits; LEVELS], Bits)>,
    ) {
        let depth = self.prefix.len();
        let byte = transition.inp;
        let max = if depth == 0 && self.first.is_some_and(|f| f != format::fold(byte)) {
            max.min(1)
        } else {
            max
        };
        let here = self.masks[usize::from(byte)];
        let mut row = [0 as Bits; LEVELS];
        // No edit: only a matching letter moves on.
        row[0] = (previous[0] & here) << 1;
        for edits in 1..=usize::from(max) {
            // A matching letter, or one edit more than the level below: an inserted letter
            // (same column), a substituted one (next column), a deleted one (next column of
            // this row).
            let below = previous[edits - 1];
            let mut cells =
                ((previous[edits] & here) << 1) | below | (below << 1) | (row[edits - 1] << 1);
            if let Some((before, last)) = swap {
                cells |= (before[edits - 1] & here & last) << 2;
            }
            row[edits] = cells & self.inside;
        }
        let max_level = row[usize::from(max)];
        if max_level == 0 {
            return;
        }
        let next = self.fst.node(transition.addr);
        let out = output + transition.out.value();
        self.prefix.push(byte);
        self.levels[depth + 1] = row;
        let end = 1 << self.query.len();
        if next.is_final() && max_level & end != 0 {
            let distance = row.iter().position(|level| level & end != 0).unwrap_or(0);
            self.found.push(Candidate {
                word: format::decode(&self.prefix),
                info: WordInfo(out + next.final_output().value()),
                distance: distance as u8,
            });
        }
        self.walk(next, out, max);
        self.prefix.pop();
    }
}

/// `APIs`, `FAQs`: capitals followed by a lowercase plural `s`.
pub fn is_acronym_plural(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|singular| {
        singular.chars().count() >= 2 && CaseShape::of(singular) == CaseShape::Upper
    })
}

/// The case pattern of a written word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseShape {
    Lower,
    Title,
    Upper,
    Mixed,
}

impl CaseShape {
    pub fn of(word: &str) -> CaseShape {
        // Each letter as (is uppercase, is lowercase); ASCII words byte by byte.
        if word.is_ascii() {
            CaseShape::of_letters(
                word.bytes()
                    .filter(u8::is_ascii_alphabetic)
                    .map(|b| (b.is_ascii_uppercase(), b.is_ascii_lowercase())),
            )
        } else {
            CaseShape::of_letters(
                word.chars()
                    .filter(|c| c.is_alphabetic())
                    .map(|c| (c.is_uppercase(), c.is_lowercase())),
            )
        }
    }

    fn of_letters(mut letters: impl Iterator<Item = (bool, bool)>) -> CaseShape {
        let Some((first_upper, _)) = letters.next() else {
            return CaseShape::Lower;
        };
        let (mut rest_lower, mut rest_upper, mut rest_empty) = (true, true, true);
        for (upper, lower) in letters {
            rest_empty = false;
            rest_lower &= !upper;
            rest_upper &= !lower;
        }
        match (first_upper, rest_lower, rest_upper) {
            (false, true, _) => CaseShape::Lower,
            (true, _, true) if !rest_empty => CaseShape::Upper,
            (true, true, _) => CaseShape::Title,
            _ => CaseShape::Mixed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spell::english_dictionary;

    #[test]
    fn words_and_their_inflections_are_in_the_english_dictionary() {
        let en = english_dictionary();
        for word in [
            "launch",
            "launched",
            "relaunching",
            "happiest",
            "don't",
            "is",
        ] {
            assert!(en.info(word).is_some(), "{word} should be known");
        }
        assert!(en.info("tomorow").is_none());
    }

    #[test]
    fn proper_nouns_need_their_capital_and_acronyms_their_capitals() {
        let en = english_dictionary();
        let paris = en.info("paris").expect("Paris is in SCOWL");
        assert!(en.case_fits("Paris", paris) && en.case_fits("PARIS", paris));
        assert!(!en.case_fits("paris", paris));
        assert_eq!(en.canonical("paris", paris), "Paris");
        let launch = en.info("launch").expect("known");
        assert!(en.case_fits("Launch", launch) && !en.case_fits("lAunch", launch));
    }

    #[test]
    fn dialects_are_marked_per_word() {
        let en = english_dictionary();
        let color = en.info("color").expect("known");
        let colour = en.info("colour").expect("known");
        assert!(color.american() && !color.british());
        assert!(colour.british() && !colour.american());
    }

    #[test]
    fn the_trie_walk_finds_words_within_two_edits() {
        let en = english_dictionary();
        let found = en.within("tomorow", 1, false);
        assert!(found
            .iter()
            .any(|c| c.word == "tomorrow" && c.distance == 1));
        let found = en.within("recieve", 2, true);
        assert!(found.iter().any(|c| c.word == "receive"));
        assert!(found.iter().all(|c| c.distance <= 2));
    }

    /// Every word of `dictionary` within reach of `typo`, found the slow way: the distance to
    /// each word in turn (two edits, one when the first letter differs and `keep_first_letter`).
    fn within_by_brute_force(
        dictionary: &Dictionary,
        typo: &str,
        max: u8,
        keep_first_letter: bool,
    ) -> Vec<(String, u8)> {
        use fst::Streamer;
        let first = |w: &[u8]| w.first().copied().map(format::fold);
        let query = format::encode(typo).expect("the typo is encodable");
        let mut stream = dictionary.words.stream();
        let mut found = Vec::new();
        while let Some((key, _)) = stream.next() {
            if key.len().abs_diff(query.len()) > usize::from(max) {
                continue;
            }
            let max = if keep_first_letter && first(key) != first(&query) {
                max.min(1)
            } else {
                max
            };
            let word = format::decode(key);
            if let Some(d) = crate::spell::damerau_levenshtein(typo, &word, usize::from(max)) {
                found.push((word, d as u8));
            }
        }
        found.sort();
        found
    }

    fn within_sorted(
        dictionary: &Dictionary,
        typo: &str,
        max: u8,
        keep_first_letter: bool,
    ) -> Vec<(String, u8)> {
        let mut found: Vec<_> = dictionary
            .within(typo, max, keep_first_letter)
            .into_iter()
            .map(|c| (c.word, c.distance))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn the_trie_walk_finds_exactly_the_words_a_word_by_word_search_finds() {
        let en = english_dictionary();
        for typo in [
            "anounce",
            "recieve",
            "teh",
            "colection",
            "thier",
            "begining",
            "wierd",
            // Swaps at the start and the end, doubled and dropped letters, apostrophes.
            "hte",
            "recieevd",
            "acommodate",
            "tomorow",
            "dont",
            "its'",
            // Short words: nearly every short word is within reach.
            "a",
            "ot",
            // Long words: the table's columns go past 32 bits.
            "pneumonoultramicroscopicsilicovolcanoconiosys",
            "internationalisations",
        ] {
            for keep_first_letter in [false, true] {
                assert_eq!(
                    within_sorted(&en, typo, 2, keep_first_letter),
                    within_by_brute_force(&en, typo, 2, keep_first_letter),
                    "{typo}, first letter kept: {keep_first_letter}"
                );
            }
        }
    }

    #[test]
    fn the_trie_walk_finds_exactly_the_french_words_a_word_by_word_search_finds() {
        let Some(bytes) = crate::spell::embedded_dictionary(crate::Language::Fr) else {
            return; // built without French
        };
        let fr = Dictionary::from_bytes(bytes).expect("the built-in French dictionary loads");
        for typo in [
            "evenement",
            "aujourdhui",
            "bienvenu",
            "recevoire",
            "nouvaeu",
        ] {
            assert_eq!(
                within_sorted(&fr, typo, 2, true),
                within_by_brute_force(&fr, typo, 2, true),
                "{typo}"
            );
        }
    }

    #[test]
    fn within_one_edit_or_none_the_trie_walk_finds_exactly_the_word_by_word_words() {
        let en = english_dictionary();
        for typo in ["tomorow", "teh", "hte", "launch", "recieve", "a"] {
            for max in [0, 1] {
                for keep_first_letter in [false, true] {
                    assert_eq!(
                        within_sorted(&en, typo, max, keep_first_letter),
                        within_by_brute_force(&en, typo, max, keep_first_letter),
                        "{typo} within {max}, first letter kept: {keep_first_letter}"
                    );
                }
            }
        }
        // A word is within no edit of itself only.
        let exact = within_sorted(&en, "launch", 0, true);
        assert_eq!(exact, vec![("launch".to_string(), 0)]);
    }

    #[test]
    fn words_longer_than_any_dictionary_word_find_nothing() {
        let en = english_dictionary();
        for length in [70, 100, 127, 128, 500] {
            let typo = "e".repeat(length);
            assert!(en.within(&typo, 2, true).is_empty(), "{length} letters");
        }
    }

    #[test]
    fn bytes_that_are_not_a_dictionary_are_refused_with_a_reason() {
        let err = Dictionary::from_bytes(b"hello world").unwrap_err();
        assert!(matches!(err, DictionaryError::Invalid(_)));
        assert!(err.to_string().contains("not a Plume dictionary"));
    }

    #[test]
    fn a_damaged_dictionary_file_is_refused() {
        let mut bytes = crate::spell::embedded_dictionary(crate::Language::EnUs)
            .unwrap_or_default()
            .to_vec();
        assert!(Dictionary::from_bytes(&bytes).is_ok());
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0xFF;
        assert!(matches!(
            Dictionary::from_bytes(&bytes),
            Err(DictionaryError::Invalid(_))
        ));
        bytes.truncate(middle);
        assert!(matches!(
            Dictionary::from_bytes(&bytes),
            Err(DictionaryError::Invalid(_))
        ));
    }

    #[test]
    fn remembered_lookups_answer_as_the_word_map_does() {
        use fst::Streamer;
        let en = english_dictionary();
        let mut stream = en.words.stream();
        let mut words = Vec::new();
        while let Some((key, _)) = stream.next() {
            if words.len() == 5_000 {
                break;
            }
            words.push(format::decode(key));
        }
        // More words than slots, each asked three times (twice in a row, once later), with
        // near misses that share slots with them: no answer may come from another word's slot.
        for round in 0..2 {
            for word in &words {
                let near_miss = format!("{word}q");
                for asked in [word.as_str(), word.as_str(), near_miss.as_str()] {
                    let direct = format::encode(asked).and_then(|k| en.words.get(k).map(WordInfo));
                    assert_eq!(en.info(asked), direct, "{asked} (round {round})");
                }
            }
        }
        assert_eq!(en.clone().info("launch"), en.info("launch"));
    }

    #[test]
    fn case_shapes_are_recognised() {
        assert_eq!(CaseShape::of("teh"), CaseShape::Lower);
        assert_eq!(CaseShape::of("Teh"), CaseShape::Title);
        assert_eq!(CaseShape::of("TEH"), CaseShape::Upper);
        assert_eq!(CaseShape::of("iPhone"), CaseShape::Mixed);
        assert_eq!(CaseShape::of("I"), CaseShape::Title);
    }
}
