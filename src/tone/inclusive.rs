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

#[cfg(test)]
mod tests {
    use crate::text::tokenize;
    use crate::tone::{Lang, ToneAnalysis};

    fn terms(text: &str, lang: Lang) -> Vec<(String, Vec<&'static str>)> {
        let a = ToneAnalysis::read(text, &tokenize(text), lang);
        a.inclusive
            .iter()
            .map(|h| {
                (
                    a.draft.slice(h.hit.first, h.hit.last).to_string(),
                    h.alternatives.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn gendered_and_ableist_terms_get_alternatives() {
        let found = terms("Our new chairman is crippled by the policy", Lang::En);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].0, "chairman");
        assert!(found[0].1.contains(&"chair"));
        assert_eq!(found[1].0, "crippled");
    }

    #[test]
    fn paired_forms_pronouns_and_acronym_lookalikes_are_left_alone() {
        assert!(terms("Calling all actors and actresses", Lang::En).is_empty());
        assert!(terms("He said she would come", Lang::En).is_empty());
        assert!(terms("Add it to your cart", Lang::En).is_empty());
    }

    #[test]
    fn french_drafts_are_not_checked_against_english_patterns() {
        assert!(terms("Le chairman arrive", Lang::Fr).is_empty());
    }
}
