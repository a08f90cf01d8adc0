//! What did the writer mean? Candidates within two edits, ranked by a model one can explain.
//!
//! A candidate's cost (lower is better) adds up:
//! - the **typing cost** of turning the typo into it: an edit distance with transpositions
//!   (Damerau) where each edit is priced by how likely it is as a slip: a missing accent 0.25,
//!   an apostrophe 0.25, a doubled or undoubled letter 0.5, a neighbouring key 0.7, a swap of
//!   two letters 0.7, a vowel for another vowel 0.8, anything else 1;
//! - minus a **sound-alike** bonus (0.5) when it shares the typo's phonetic key;
//! - minus a **frequency** bonus, 0.15 per frequency point (0–15, ≈ ln(count) − 8 in English):
//!   between two equally close words, the common one is the likelier intent. French scores are
//!   estimates (no shippable counts), so they weigh half as much;
//! - plus 0.3 when the first letter changes (writers rarely miss the first letter).
//!
//! The common-misspelling table (typos-dict) short-circuits: a listed correction ranks first.
//! Splits (`alot` → `a lot`) are candidates too: a missed space costs 0.5, and the frequency
//! bonus is that of the rarer half.

use super::dictionary::{Dictionary, WordInfo};
use super::keyboard;
use super::phonetic;

/// Where suggestions come from and which words may be suggested.
pub struct SuggestionSource<'a> {
    pub dictionary: &'a Dictionary,
    /// Whether a dictionary word suits the draft's language variety (en-US vs en-GB).
    pub accepts: &'a dyn Fn(WordInfo) -> bool,
    /// The user's own words and brand names, in their canonical spelling.
    pub extra_words: &'a [String],
    /// Consult the common-misspelling table (turned off to measure the model alone).
    pub use_misspelling_table: bool,
    /// Single-letter words that may stand alone in a split (`a lot`, `à jour`).
    pub single_letter_words: &'a [&'a str],
    /// How far the dictionary's frequency scores are trusted: 1 for counted frequencies
    /// (English), less for estimated ones (French).
    pub frequency_trust: f32,
}

/// One ranked suggestion, in the dictionary's spelling (case not yet matched to the typo).
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub word: String,
    pub cost: f32,
}

const FREQUENCY_WEIGHT: f32 = 0.15;
const SOUND_ALIKE_BONUS: f32 = 0.5;
const FIRST_LETTER_PENALTY: f32 = 0.3;
/// Typing cost of a missed space bar (`alot` → `a lot`).
const MISSED_SPACE: f32 = 0.5;
/// Candidates kept by the rough cut for the full model.
const ROUGH_CUT: usize = 40;

/// Up to `limit` suggestions for the lowercase `typo`, best first.
pub fn rank(source: &SuggestionSource<'_>, typo: &str, limit: usize) -> Vec<Ranked> {
    let dict = source.dictionary;
    let typo_key = phonetic::key(typo);
    let max = if typo.chars().count() <= 3 { 1 } else { 2 };
    let mut ranked: Vec<Ranked> = Vec::new();
    if source.use_misspelling_table {
        for (i, correction) in dict.known_misspelling(typo).into_iter().enumerate() {
            if let Some(info) = dict.info(correction) {
                if (source.accepts)(info) {
                    ranked.push(Ranked {
                        word: dict.canonical(correction, info),
                        cost: -100.0 + i as f32,
                    });
                }
            }
        }
    }
    let typed = Letters::of(typo);
    let trusted = |frequency: u8| f32::from(frequency) * source.frequency_trust;
    let mut candidates: Vec<_> = dict
        .within(typo, max, true)
        .into_iter()
        .filter(|c| c.info.suggestible() && (source.accepts)(c.info))
        .collect();
    // A cheap first cut (plain distance and frequency) before the full model.
    let rough = |c: &super::dictionary::Candidate| {
        f32::from(c.distance) - FREQUENCY_WEIGHT * trusted(c.info.frequency())
    };
    candidates.sort_by(|a, b| rough(a).total_cmp(&rough(b)));
    candidates.truncate(ROUGH_CUT);
    for candidate in candidates {
        let cost = model_cost_of(
            typo,
            typed.as_ref(),
            &typo_key,
            &candidate.word,
            trusted(candidate.info.frequency()),
        );
        ranked.push(Ranked {
            word: dict.canonical(&candidate.word, candidate.info),
            cost,
        });
    }
    for word in source.extra_words {
        let lower = word.to_lowercase();
        if super::damerau_levenshtein(typo, &lower, max as usize).is_some() && lower != typo {
            let cost = model_cost_of(typo, typed.as_ref(), &typo_key, &lower, 10.0);
            ranked.push(Ranked {
                word: word.clone(),
                cost,
            });
        }
    }
    ranked.extend(splits(source, typo));
    ranked.sort_by(|a, b| a.cost.total_cmp(&b.cost));
    let mut seen: Vec<String> = Vec::new();
    ranked.retain(|r| {
        let fresh = !seen.contains(&r.word);
        if fresh {
            seen.push(r.word.clone());
        }
        fresh
    });
    ranked.truncate(limit);
    ranked
}

/// The model's cost of suggesting `candidate` (lowercase) for `typo` (tests read the model
/// through it; ranking calls [`model_cost_of`]).
#[cfg(test)]
fn model_cost(typo: &str, typo_key: &str, candidate: &str, frequency: f32) -> f32 {
    model_cost_of(
        typo,
        Letters::of(typo).as_ref(),
        typo_key,
        candidate,
        frequency,
    )
}

/// The model's cost of suggesting `candidate` (lowercase) for `typo`, with the typo's letters
/// (`typed`) worked out once for all its candidates.
fn model_cost_of(
    typo: &str,
    typed: Option<&Letters>,
    typo_key: &str,
    candidate: &str,
    frequency: f32,
) -> f32 {
    let mut cost = match (typed, Letters::of(candidate)) {
        (Some(typed), Some(candidate)) => typing_cost_of(typed, &candidate),
        _ => f32::MAX,
    };
    if phonetic::key(candidate) == typo_key {
        cost -= SOUND_ALIKE_BONUS;
    }
    cost -= FREQUENCY_WEIGHT * frequency;
    let first = |w: &str| w.chars().next().map(phonetic::strip_accent);
    if first(typo) != first(candidate) {
        cost += FIRST_LETTER_PENALTY;
    }
    cost
}

/// `alot` → `a lot`, `thankyou` → `thank you`: both halves known and suggestible.
fn splits(source: &SuggestionSource<'_>, typo: &str) -> Vec<Ranked> {
    let dict = source.dictionary;
    let mut out = Vec::new();
    let known = |part: &str| {
        let single = part.chars().count() == 1;
        if single && !source.single_letter_words.contains(&part) {
            return None;
        }
        // Both halves must be everyday lowercase words, common ones in French (whose scores
        // are estimates, so only the hand-ranked common words qualify).
        let common = if dict.language() == "en" { 1 } else { 8 };
        dict.info(part).filter(|i| {
            i.suggestible()
                && (source.accepts)(*i)
                && i.frequency() >= common
                && i.casing() == super::format::CASE_ANY
        })
    };
    for (i, _) in typo.char_indices().skip(1) {
        let (left, right) = typo.split_at(i);
        // The right half is looked up only when the left one is a word.
        if let Some((a, b)) = known(left).and_then(|a| Some((a, known(right)?))) {
            let rarer = a.frequency().min(b.frequency());
            out.push(Ranked {
                word: format!("{} {}", dict.canonical(left, a), dict.canonical(right, b)),
                cost: MISSED_SPACE - FREQUENCY_WEIGHT * f32::from(rarer) * source.frequency_trust,
            });
        }
    }
    out
}

/// The cost of typing `a` for `b`, given their letters without accents (`plain_a`, `plain_b`).
fn substitution_cost(a: char, plain_a: char, b: char, plain_b: char) -> f32 {
    let vowel = |plain: char| matches!(plain, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    if a == b {
        0.0
    } else if plain_a == plain_b {
        0.25
    } else if keyboard::adjacent(a, b) {
        0.7
    } else if vowel(plain_a) && vowel(plain_b) {
        0.8
    } else {
        1.0
    }
}

/// Cost of inserting or deleting `c` next to `neighbours`.
fn indel_cost(c: char, before: Option<char>, after: Option<char>) -> f32 {
    if matches!(c, '\'' | '’') {
        0.25
    } else if before == Some(c) || after == Some(c) || c == '-' {
        0.5
    } else {
        1.0
    }
}

/// Longest word the typing cost is computed for (dictionary words are shorter).
const MAX_WORD: usize = 40;

/// A word's letters as the typing cost reads them: each letter, the letter without its
/// accent, and the price of typing or dropping it where it stands.
struct Letters {
    chars: [char; MAX_WORD],
    plain: [char; MAX_WORD],
    indel: [f32; MAX_WORD],
    len: usize,
}

impl Letters {
    /// `None` for a word longer than `MAX_WORD` letters.
    fn of(word: &str) -> Option<Letters> {
        let mut letters = Letters {
            chars: ['\0'; MAX_WORD],
            plain: ['\0'; MAX_WORD],
            indel: [0.0; MAX_WORD],
            len: 0,
        };
        for c in word.chars() {
            *letters.chars.get_mut(letters.len)? = c;
            letters.len += 1;
        }
        let chars = &letters.chars[..letters.len];
        for (k, &c) in chars.iter().enumerate() {
            let before = k.checked_sub(1).map(|p| chars[p]);
            letters.indel[k] = indel_cost(c, before, chars.get(k + 1).copied());
            letters.plain[k] = phonetic::strip_accent(c);
        }
        Some(letters)
    }
}

/// [`typing_cost_of`] of two words (for tests).
#[cfg(test)]
fn typing_cost(typo: &str, candidate: &str) -> f32 {
    match (Letters::of(typo), Letters::of(candidate)) {
        (Some(typo), Some(candidate)) => typing_cost_of(&typo, &candidate),
        _ => f32::MAX,
    }
}

/// Weighted edit distance with adjacent transpositions (optimal string alignment) of two
/// words' letters.
///
/// Three rolling rows of the table (a swap looks two rows back), and the price of typing or
/// dropping each letter where it stands computed once per word rather than once per cell.
fn typing_cost_of(typo: &Letters, candidate: &Letters) -> f32 {
    let (n, m) = (typo.len, candidate.len);
    let (a, b) = (&typo.chars[..n], &candidate.chars[..m]);
    let (plain_a, plain_b) = (&typo.plain[..n], &candidate.plain[..m]);
    // Deleting a[k] from the typo (the writer typed an extra letter), inserting b[k] (the
    // writer missed a letter).
    let (delete, insert) = (&typo.indel, &candidate.indel);
    let mut rows = [[0f32; MAX_WORD + 1]; 3];
    for j in 1..=m {
        rows[0][j] = rows[0][j - 1] + insert[j - 1];
    }
    for i in 1..=n {
        let [cur, prev, prev2] = rolling(&mut rows, i);
        cur[0] = prev[0] + delete[i - 1];
        for j in 1..=m {
            let del = prev[j] + delete[i - 1];
            let ins = cur[j - 1] + insert[j - 1];
            let sub =
                prev[j - 1] + substitution_cost(a[i - 1], plain_a[i - 1], b[j - 1], plain_b[j - 1]);
            let mut best = del.min(ins).min(sub);
            if i > 1
                && j > 1
                && a[i - 1] == b[j - 2]
                && a[i - 2] == b[j - 1]
                && a[i - 1] != a[i - 2]
            {
                best = best.min(prev2[j - 2] + 0.7);
            }
            cur[j] = best;
        }
    }
    rows[n % 3][m]
}

/// Row `i` of the table (written) and rows `i - 1` and `i - 2` (read), out of three kept.
fn rolling(rows: &mut [[f32; MAX_WORD + 1]; 3], i: usize) -> [&mut [f32; MAX_WORD + 1]; 3] {
    let [r0, r1, r2] = rows;
    match i % 3 {
        0 => [r0, r2, r1],
        1 => [r1, r0, r2],
        _ => [r2, r1, r0],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likely_slips_cost_less_than_unlikely_ones() {
        // A swap is cheaper than two substitutions.
        assert!(typing_cost("teh", "the") < typing_cost("teh", "tan"));
        // A neighbouring key is cheaper than a distant one.
        assert!(typing_cost("lsunch", "launch") < typing_cost("lpunch", "launch"));
        // A missing accent or apostrophe is nearly free.
        assert!(typing_cost("equipe", "équipe") <= 0.25);
        assert!(typing_cost("dont", "don't") <= 0.25);
        // A missed double letter is cheaper than a missing letter.
        assert!(typing_cost("tomorow", "tomorrow") < typing_cost("tomrrow", "tomorrow"));
    }

    #[test]
    fn frequency_and_sound_lower_the_cost() {
        let key = phonetic::key("kat");
        assert!(model_cost("kat", &key, "cat", 10.0) < model_cost("kat", &key, "bat", 10.0));
        let key = phonetic::key("teh");
        assert!(model_cost("teh", &key, "the", 15.0) < model_cost("teh", &key, "ten", 11.0));
    }
}
