//! The matcher: where a rule's pattern matches a sentence, whether its agreement constraints
//! break, and whether an exception cancels it.
//!
//! A token test holds when every test in its brackets holds. Word tests (`their`, `a|b`, `_`,
//! `cap`, `sound=`) read the token. Reading tests (`lemma=`, `pos=`, features) read its analyses:
//! the positive ones must all hold for one same reading; a negated one (`!pos=verb`) holds when
//! no reading passes it, so `[pos=noun !pos=verb]` is a word that can be a noun and cannot be a
//! verb. A negated feature test reads only the readings that pass the bracket's positive
//! `pos=`/`lemma=` tests: `[pos=noun num=pl !num=sg]` is a word whose every noun reading is
//! plural (`results`, which is also a verb). Optional tokens are tried present first; skips shortest first; the first match found
//! from a start position is the one used.

use crate::grammar::morph::Analysis;
use crate::grammar::rules::parse::{Agreement, Element, Pattern, TestKind, TokenTest};
use crate::grammar::sentence::{Word, WordKind};

/// Which sentence token each of a pattern's token tests matched (`None`: an optional one that
/// was absent).
pub type Bindings = Vec<Option<usize>>;

/// The match of `pattern` starting at token `start` of `words`, if any.
pub fn match_at(pattern: &Pattern, words: &[Word], start: usize) -> Option<Bindings> {
    let mut bindings = vec![None; pattern.tokens];
    walk(&pattern.elements, words, start, &mut bindings).then_some(bindings)
}

fn walk(elements: &[Element], words: &[Word], at: usize, bindings: &mut Bindings) -> bool {
    let Some((first, rest)) = elements.split_first() else {
        return true;
    };
    match first {
        Element::Start => at == 0 && walk(rest, words, at, bindings),
        Element::End => at == words.len() && walk(rest, words, at, bindings),
        Element::Skip(max) => (0..=*max)
            .take_while(|k| at + k <= words.len())
            .any(|k| walk(rest, words, at + k, bindings)),
        Element::Token {
            test,
            optional,
            index,
        } => {
            if words
                .get(at)
                .is_some_and(|w| token_matches(test, w, words, bindings))
            {
                bindings[*index] = Some(at);
                if walk(rest, words, at + 1, bindings) {
                    return true;
                }
                bindings[*index] = None;
            }
            *optional && walk(rest, words, at, bindings)
        }
    }
}

/// Whether one token passes a bracket of tests (`words` and `bindings`: the sentence and what
/// the pattern's earlier tokens matched, for `same=`).
pub fn token_matches(test: &TokenTest, word: &Word, words: &[Word], bindings: &Bindings) -> bool {
    if word.kind == WordKind::Opaque {
        return false;
    }
    let mut reads = false;
    for t in &test.tests {
        if t.kind.reads_analyses() {
            // `!pos=`/`!lemma=` read every reading; `!num=sg` (a feature) reads the readings
            // that pass the bracket's positive `pos=`/`lemma=` tests: `[pos=noun !num=sg]`.
            let negation_fails = t.negated
                && word.analyses.iter().any(|a| {
                    reading_passes(&t.kind, a)
                        && (!matches!(t.kind, TestKind::Feature(..))
                            || test.tests.iter().all(|p| {
                                p.negated
                                    || !matches!(p.kind, TestKind::Pos(_) | TestKind::Lemma(_))
                                    || reading_passes(&p.kind, a)
                            }))
                });
            if negation_fails {
                return false;
            }
            reads |= !t.negated;
        } else if let TestKind::Same(n) = t.kind {
            let same = bindings
                .get(n)
                .copied()
                .flatten()
                .is_some_and(|i| words[i].lower == word.lower);
            if same == t.negated {
                return false;
            }
        } else if word_passes(&t.kind, word) == t.negated {
            return false;
        }
    }
    !reads || readings(test, word).next().is_some()
}

/// The readings of `word` that pass every positive reading test of `test`.
pub fn readings<'w>(test: &'w TokenTest, word: &'w Word) -> impl Iterator<Item = &'w Analysis> {
    word.analyses.iter().filter(move |a| {
        test.tests
            .iter()
            .filter(|t| !t.negated && t.kind.reads_analyses())
            .all(|t| reading_passes(&t.kind, a))
    })
}

fn reading_passes(kind: &TestKind, a: &Analysis) -> bool {
    match kind {
        TestKind::Lemma(list) => list.contains(&a.lemma),
        TestKind::Pos(list) => list.contains(&a.pos),
        TestKind::Feature(feature, values) => a.features.allows(*feature, *values),
        _ => true,
    }
}

fn word_passes(kind: &TestKind, word: &Word) -> bool {
    match kind {
        TestKind::Word(list) => list.contains(&word.lower),
        TestKind::AnyWord => word.kind == WordKind::Word,
        TestKind::Capitalised => word.is_capitalised(),
        TestKind::VowelSound(vowel) => {
            // A shouted dictionary word (`a REAL win`) is said as the word, not spelled out.
            let shouted = word.text.chars().all(|c| !c.is_lowercase())
                && word
                    .analyses
                    .iter()
                    .any(|a| a.pos != crate::grammar::Pos::Propn);
            let said = if shouted {
                word.lower.as_str()
            } else {
                word.text
            };
            crate::grammar::sound::starts_with_vowel_sound(said) == Some(*vowel)
        }
        _ => true,
    }
}

/// The token test of each of the pattern's tokens, by index.
pub fn token_tests(pattern: &Pattern) -> Vec<&TokenTest> {
    let mut out = vec![&EMPTY; pattern.tokens];
    for e in &pattern.elements {
        if let Element::Token { test, index, .. } = e {
            out[*index] = test;
        }
    }
    out
}

static EMPTY: TokenTest = TokenTest { tests: Vec::new() };

/// Whether `agreement` is broken: both tokens are present, each has readings, and no reading
/// of one agrees with a reading of the other on every listed feature.
pub fn disagrees(
    agreement: &Agreement,
    tests: &[&TokenTest],
    words: &[Word],
    bindings: &Bindings,
) -> bool {
    let (Some(a), Some(b)) = (bindings[agreement.a], bindings[agreement.b]) else {
        return false;
    };
    let ra: Vec<&Analysis> = readings(tests[agreement.a], &words[a]).collect();
    let rb: Vec<&Analysis> = readings(tests[agreement.b], &words[b]).collect();
    if ra.is_empty() || rb.is_empty() {
        return false;
    }
    !ra.iter().any(|x| {
        rb.iter().any(|y| {
            agreement
                .features
                .iter()
                .all(|f| x.features.agrees(&y.features, *f))
        })
    })
}

/// The first and last sentence tokens a match covers.
pub fn extent(bindings: &Bindings) -> Option<(usize, usize)> {
    let first = bindings.iter().flatten().min()?;
    let last = bindings.iter().flatten().max()?;
    Some((*first, *last))
}

/// Whether some match of an exception pattern covers part of tokens `from..=to`.
pub fn cancelled_by(exceptions: &[Pattern], words: &[Word], from: usize, to: usize) -> bool {
    exceptions.iter().any(|p| {
        (0..words.len()).any(|start| {
            match_at(p, words, start)
                .and_then(|b| extent(&b))
                .is_some_and(|(a, b)| a <= to && b >= from)
        })
    })
}
