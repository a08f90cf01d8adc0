//! Whether a replacement fits the sentence it would land in: written with the capital or the
//! lower case the original needs, agreeing with the verb after it, and not making a hostile
//! phrase with the word before it, and of the part of speech the slot takes ([`slot_of`]). Inclusive alternatives and calmer phrasings pass through here
//! before they are offered.

use super::draft::{Draft, ItemKind};
use super::{cues, Lang};

/// Singular pronouns that do not agree with a plural verb after them (`everyone are`).
const SINGULAR: &[&str] = &["everyone", "everybody", "someone", "somebody", "anyone"];
/// Plural verb forms that need a plural subject.
const PLURAL_VERBS: &[&str] = &[
    "are", "were", "have", "do", "'re", "don't", "aren't", "weren't",
];

/// Writes `replacement` as it would land where `original` stands: a capital initial kept.
pub fn as_written(original: &str, replacement: &str) -> String {
    let mut chars = replacement.chars();
    match (original.chars().next(), chars.next()) {
        (Some(o), Some(r)) if o.is_uppercase() => r.to_uppercase().chain(chars).collect(),
        _ => replacement.to_string(),
    }
}

/// The word next to items `first..=last` in the same sentence, after them or before them.
fn neighbour<'d>(draft: &'d Draft, first: usize, last: usize, after: bool) -> Option<&'d str> {
    let sentence = draft.items[first].sentence;
    let item = if after {
        draft.items.get(last + 1)
    } else {
        first.checked_sub(1).map(|p| &draft.items[p])
    }?;
    (item.kind == ItemKind::Word && item.sentence == sentence).then_some(&*item.lower)
}

/// Whether items `first..=last` open their sentence (nothing but punctuation or emoji before).
pub fn opens_sentence(draft: &Draft, first: usize) -> bool {
    let sentence = draft.items[first].sentence;
    draft.items[..first]
        .iter()
        .rev()
        .take_while(|it| it.sentence == sentence)
        .all(|it| it.kind != ItemKind::Word)
}

/// Whether `replacement` fits where items `first..=last` stand: it agrees with a plural verb
/// after it, and with the word before it does not make a blame phrase (`you` + `people`).
pub fn fits(draft: &Draft, first: usize, last: usize, replacement: &str) -> bool {
    let next = neighbour(draft, first, last, true);
    if SINGULAR.contains(&replacement) && next.is_some_and(|n| PLURAL_VERBS.contains(&n)) {
        return false;
    }
    let lang: Lang = draft.lang;
    neighbour(draft, first, last, false).is_none_or(|before| {
        let made = format!("{before} {replacement}");
        !cues::blame(lang).contains(&made.as_str())
    })
}

/// `replacement` written for the place of items `first..=last`, when it fits there.
pub fn placed(draft: &Draft, first: usize, last: usize, replacement: &str) -> Option<String> {
    if !fits(draft, first, last, replacement) {
        return None;
    }
    let original = draft.slice(first, last);
    let written = as_written(original, replacement);
    // A shouted phrase (`WORST`) is calmed to lower case unless it opens its sentence.
    let shouted = super::draft::is_caps_word(original);
    if shouted && !opens_sentence(draft, first) {
        return Some(replacement.to_string());
    }
    Some(written)
}

/// Words before a slot that make it an adjective's (`is insane`, `so lame`).
const ADJECTIVE_CUES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "so",
    "very",
    "too",
    "pretty",
    "really",
    "totally",
    "absolutely",
    "completely",
    "quite",
    "looks",
    "seems",
    "sounds",
    "feel",
    "feels",
    "it's",
    "that's",
    "how",
    "kinda",
    "super",
    "most",
    "more",
    "less",
];

/// Words before a slot that make it a noun's when nothing noun-like follows (`a lunatic`).
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "my", "our", "your", "his", "her", "their", "every", "each",
    "some", "any", "un", "une", "des", "le", "la", "les", "l'", "ce", "ces", "cet", "cette", "mon",
    "ma", "mes", "votre", "vos", "ton", "ta", "tes", "notre", "nos",
];

/// The part of speech a slot or an alternative has, as far as a few signs tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Adjective,
    Noun,
    Adverb,
    Unknown,
}

pub fn slot_of(draft: &Draft, first: usize, last: usize) -> Slot {
    let term = &*draft.items[last].lower;
    if term.len() > 4 && term.ends_with("ly") {
        return Slot::Adverb;
    }
    let before = first
        .checked_sub(1)
        .map(|p| &draft.items[p])
        .filter(|it| it.kind == ItemKind::Word && it.sentence == draft.items[first].sentence);
    let after = draft
        .items
        .get(last + 1)
        .filter(|it| it.kind == ItemKind::Word && it.sentence == draft.items[first].sentence);
    match before.map(|it| &*it.lower) {
        Some(w) if ADJECTIVE_CUES.contains(&w) => Slot::Adjective,
        Some(w) if DETERMINERS.contains(&w) => match after {
            // `a crazy idea`: the term qualifies the next word.
            Some(next) if !is_function_word(&next.lower) => Slot::Adjective,
            _ => Slot::Noun,
        },
        _ => Slot::Unknown,
    }
}

fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "is" | "are"
            | "was"
            | "were"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "who"
            | "that"
            | "but"
            | "has"
            | "have"
            | "will"
            | "can"
            | "et"
            | "de"
            | "qui"
            | "sont"
            | "est"
            | "ou"
            | "à"
            | "pour"
    )
}
