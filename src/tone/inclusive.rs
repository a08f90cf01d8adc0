//! Inclusive language (English): terms from retext-equality's patterns that may exclude or hurt
//! readers (`chairman`, `mankind`, `crippled`), each with its considerate alternatives. A gendered
//! term paired in the same draft with its counterpart (`actors and actresses`) is fine, and
//! pronouns are left alone: `he` in a story about one man is not a problem a list can judge.
//! French inclusive writing is a house-style choice, set by a pack (see `ToneTarget`).

use super::draft::{Draft, ItemKind};
use super::lexicon::{self, Pattern};
use super::{Hit, Lang};

/// Pronouns retext-equality pairs (`he`/`she`); never flagged on their own.
const PRONOUNS: &[&str] = &[
    "he", "she", "him", "her", "his", "hers", "himself", "herself",
];

/// One inconsiderate term found.
#[derive(Debug, Clone, PartialEq)]
pub struct InclusiveHit {
    pub hit: Hit,
    pub pattern_id: &'static str,
    /// `female`, `male` or `a` (any), as retext-equality files the term.
    pub category: &'static str,
    /// Considerate alternatives, best first.
    pub alternatives: Vec<&'static str>,
}

fn term_at(draft: &Draft, i: usize) -> Option<(usize, &'static Pattern, &'static str)> {
    let item = &draft.items[i];
    let raw = &draft.text[item.span.start..item.span.end];
    let mut best = None;
    if lexicon::TERMS.is_head(&item.lower) {
        let mut phrase = item.lower.clone();
        for j in i + 1..(i + 4).min(draft.items.len()) {
            if draft.items[j].kind != ItemKind::Word {
                break;
            }
            phrase.push(' ');
            phrase.push_str(&draft.items[j].lower);
            if let Some((p, c)) = lexicon::TERMS.get(&phrase) {
                best = Some((j, p, c));
            }
        }
    }
    best.or_else(|| {
        lexicon::TERMS
            .get(&item.lower)
            .or_else(|| lexicon::TERMS.get(raw))
            .map(|(p, c)| (i, p, c))
    })
}

/// Finds inconsiderate terms in an English draft (French drafts return nothing).
pub fn read(draft: &Draft) -> Vec<InclusiveHit> {
    let mut out = Vec::new();
    if draft.lang != Lang::En {
        return out;
    }
    let mut i = 0;
    while i < draft.items.len() {
        if draft.items[i].kind != ItemKind::Word || draft.items[i].in_hashtag {
            i += 1;
            continue;
        }
        let Some((last, pattern, category)) = term_at(draft, i) else {
            i += 1;
            continue;
        };
        let paired = pattern.either_or
            && lexicon::TERMS
                .partners(pattern, category)
                .iter()
                .any(|partner| draft.items.iter().any(|it| it.lower == *partner));
        let pronoun = PRONOUNS.contains(&draft.items[i].lower.as_str());
        if !paired && !pronoun {
            out.push(InclusiveHit {
                hit: Hit {
                    first: i,
                    last,
                    weight: 1.0,
                    suggestion: None,
                },
                pattern_id: pattern.id,
                category,
                alternatives: pattern
                    .considerate
                    .split('|')
                    .filter(|s| !s.is_empty())
                    .collect(),
            });
        }
        i = last + 1;
    }
    out
}
