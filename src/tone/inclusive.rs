//! Inclusive language (English): terms from retext-equality's patterns that may exclude or hurt
//! readers (`chairman`, `mankind`, `crippled`), each with its considerate alternatives. A gendered
//! term paired in the same draft with its counterpart (`actors and actresses`) is fine, and
//! pronouns are left alone: `he` in a story about one man is not a problem a list can judge.
//! French inclusive writing (`salarié·e·s`) is a house-style choice a pack sets (see
//! `ToneTarget::french_inclusive`); [`french_forms`] finds the abbreviated forms it governs.

use super::draft::{Draft, ItemKind};
use super::fit::{self, Slot};
use super::lexicon::{self, Pattern};
use super::{cues, enthusiasm, Hit, Lang};

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
    /// The alternatives that fit the sentence ([`fitting`]), written as they would land in it.
    pub fitting: Vec<String>,
}

/// Plume's own rewrites of gendered forms of address, where the sentence gives the address a
/// better replacement than the word alone would (`you guys` → `you all`, not `you people`).
/// Written for Plume.
const ADDRESSES: &[(&str, &str, &[&str])] = &[
    ("you", "guys", &["you all", "everyone", "you folks"]),
    ("hey", "guys", &["hey all", "hey everyone", "hey folks"]),
    ("hi", "guys", &["hi all", "hi everyone", "hi folks"]),
    (
        "thanks",
        "guys",
        &["thanks all", "thanks everyone", "thanks, folks"],
    ),
];

fn slot_of_alternative(alternative: &str) -> Slot {
    let first = alternative.split(' ').next().unwrap_or("");
    if alternative.contains(' ')
        || matches!(
            first,
            "person" | "people" | "persons" | "someone" | "somebody" | "folks"
        )
    {
        Slot::Noun
    } else if alternative.len() > 4 && alternative.ends_with("ly") {
        Slot::Adverb
    } else {
        Slot::Unknown
    }
}

/// Whether an alternative of part of speech `alt` can stand in a slot of part of speech `slot`.
fn fits_slot(slot: Slot, alt: Slot) -> bool {
    match (slot, alt) {
        (Slot::Unknown, _) | (_, Slot::Unknown) => true,
        (Slot::Adverb, a) => a == Slot::Adverb,
        (s, a) => s == a,
    }
}

/// The alternatives of a term at items `first..=last` that fit the sentence they would land in:
/// the same part of speech as the slot, the sense the sentence gives the term (slang read as
/// praise gets praise: `this deal is insane` → `incredible`, never `rude`), agreement with the
/// verb after it (`you guys are` → not `everyone`), and no hostile phrase made with the word
/// before it (`you guys` → not `you people`).
pub fn fitting(draft: &Draft, first: usize, last: usize, alternatives: &[&str]) -> Vec<String> {
    let table = lexicon::words(Lang::En);
    let slot = fit::slot_of(draft, first, last);
    let praise = (first..=last).any(|i| enthusiasm::reads_as_praise(draft, i));
    alternatives
        .iter()
        .filter(|alt| fits_slot(slot, slot_of_alternative(alt)))
        .filter(|alt| {
            let valence = table.get(alt).map_or(0.0, |e| e.valence);
            let intensifies = cues::WordCues::of(Lang::En, alt)
                .booster()
                .is_some_and(|b| b > 0.0);
            // An intensifier (`incredibly`) fits either sense: it only raises the volume.
            intensifies
                || if praise {
                    valence > 0.0
                } else {
                    valence <= 0.0
                }
        })
        .filter_map(|alt| fit::placed(draft, first, last, alt))
        .collect()
}

fn term_at(draft: &Draft, i: usize) -> Option<(usize, &'static Pattern, &'static str)> {
    let item = &draft.items[i];
    let raw = &draft.text[item.span.start..item.span.end];
    let mut best = None;
    // The draft marked the words that are terms or start one (English drafts only).
    if item.cues.inclusive_head() {
        let mut phrase = item.lower.to_string();
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
        (item.cues.inclusive_term())
            .then(|| lexicon::TERMS.get(&item.lower))
            .flatten()
            .or_else(|| item.caps.then(|| lexicon::TERMS.get(raw)).flatten())
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
        // A form of address Plume rewrites as a whole (`you guys`).
        let address = i.checked_sub(1).and_then(|p| {
            let before = &draft.items[p];
            (before.kind == ItemKind::Word && before.sentence == draft.items[i].sentence)
                .then_some(())?;
            ADDRESSES
                .iter()
                .find(|(b, t, _)| *b == before.lower && *t == draft.items[i].lower && last == i)
                .map(|(_, _, alternatives)| (p, *alternatives))
        });
        let paired = pattern.either_or
            && lexicon::TERMS
                .partners(pattern, category)
                .iter()
                .any(|partner| draft.items.iter().any(|it| it.lower == *partner));
        let pronoun = PRONOUNS.contains(&&*draft.items[i].lower);
        if !paired && !pronoun {
            let (first, alternatives): (usize, Vec<&'static str>) = match address {
                Some((p, alternatives)) => (p, alternatives.to_vec()),
                None => (
                    i,
                    pattern
                        .considerate
                        .split('|')
                        .filter(|s| !s.is_empty())
                        .collect(),
                ),
            };
            out.push(InclusiveHit {
                hit: Hit {
                    first,
                    last,
                    weight: 1.0,
                    suggestion: None,
                },
                pattern_id: pattern.id,
                category,
                fitting: fitting(draft, first, last, &alternatives),
                alternatives,
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

    fn fitting(text: &str) -> Vec<Vec<String>> {
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::En);
        a.inclusive.iter().map(|h| h.fitting.clone()).collect()
    }

    #[test]
    fn alternatives_fit_the_sense_and_part_of_speech_of_the_slot() {
        // Slang read as praise gets praise, never "rude".
        assert_eq!(fitting("This deal is insane"), vec![vec!["incredible"]]);
        // A noun slot keeps the person phrases; an adjective slot drops them.
        let found = fitting("He was called a lunatic");
        assert!(
            found[0].iter().any(|s| s.starts_with("person")),
            "{found:?}"
        );
        let found = fitting("He is insane");
        assert!(!found[0].is_empty(), "{found:?}");
        assert!(found[0].iter().all(|s| !s.contains(' ')), "{found:?}");
        // An adverb slot gets adverbs.
        assert_eq!(fitting("It is insanely fast"), vec![vec!["incredibly"]]);
    }

    #[test]
    fn you_guys_becomes_you_all_or_everyone_when_the_verb_agrees() {
        assert_eq!(
            fitting("Thank you guys for coming"),
            vec![vec!["you all", "everyone", "you folks"]]
        );
        // `everyone are` does not agree; `you people` would read as blame.
        assert_eq!(
            fitting("You guys are the best"),
            vec![vec!["You all", "You folks"]]
        );
        let found = terms("Hey guys, new drop today", Lang::En);
        assert_eq!(found[0].0, "Hey guys");
    }

    #[test]
    fn a_term_with_no_fitting_alternative_gets_none() {
        // An adjective slot, and only a noun phrase to offer.
        assert_eq!(
            fitting("He was alcoholic for years"),
            vec![Vec::<String>::new()]
        );
    }

    #[test]
    fn french_drafts_are_not_checked_against_english_patterns() {
        assert!(terms("Le chairman arrive", Lang::Fr).is_empty());
    }
}

/// Feminine endings French inclusive writing abbreviates (`étudiant·e·s`, `acteur·rice·s`).
const FRENCH_SUFFIXES: &[&str] = &[
    "e", "es", "ne", "nes", "le", "les", "te", "tes", "rice", "rices", "trice", "trices", "euse",
    "euses", "ère", "ères", "sse", "sses", "ve", "ves",
];

/// Marks that join an abbreviated inclusive form.
fn is_inclusive_mark(c: char) -> bool {
    matches!(c, '·' | '•' | '‧' | '.' | '-' | '(' | ')' | '/')
}

/// An abbreviated French inclusive form such as `salarié.e.s` or `invité(e)s`.
#[derive(Debug, Clone, PartialEq)]
pub struct FrenchForm {
    pub span: crate::report::Span,
    /// The masculine stem (`salarié`).
    pub stem: String,
    /// The feminine ending (`e`, `rice`).
    pub suffix: String,
    pub plural: bool,
    /// Written with median dots only (`salarié·e·s`).
    pub median_dot: bool,
}

impl FrenchForm {
    /// The same form written with median dots: `salarié·e·s`.
    pub fn with_median_dots(&self) -> String {
        let plural = if self.plural { "·s" } else { "" };
        format!("{}·{}{plural}", self.stem, self.suffix)
    }

    /// Both words written out, when the ending simply adds `e`: `salariées et salariés`.
    pub fn written_out(&self) -> Option<String> {
        let s = if self.plural { "s" } else { "" };
        let stem = &self.stem;
        (self.suffix == "e").then(|| format!("{stem}e{s} et {stem}{s}"))
    }
}

/// Finds abbreviated inclusive forms in a French draft.
pub fn french_forms(draft: &Draft) -> Vec<FrenchForm> {
    let mut out = Vec::new();
    if draft.lang != Lang::Fr {
        return out;
    }
    let text = draft.text;
    for item in draft
        .items
        .iter()
        .filter(|it| it.kind == ItemKind::Word && !it.in_hashtag)
    {
        let rest = &text[item.span.end..];
        let Some((_, first_mark)) = rest
            .char_indices()
            .next()
            .filter(|&(_, c)| is_inclusive_mark(c) && c != ')')
        else {
            continue;
        };
        // The ending: letters up to the next mark or the end of the word.
        let after_mark = first_mark.len_utf8();
        let letters: usize = rest[after_mark..]
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len() - after_mark, |(i, _)| i);
        let suffix = rest[after_mark..after_mark + letters].to_lowercase();
        if !FRENCH_SUFFIXES.contains(&suffix.as_str()) {
            continue;
        }
        let mut end = after_mark + letters;
        let mut marks = vec![first_mark];
        if first_mark == '(' {
            if !rest[end..].starts_with(')') {
                continue;
            }
            end += 1;
            marks.push(')');
        }
        // An optional plural: `·s`, `.s`, `)s`.
        let mut plural = suffix.ends_with('s');
        let tail = &rest[end..];
        let mut tail_chars = tail.chars();
        match (tail_chars.next(), tail_chars.next()) {
            (Some(m), Some('s'))
                if is_inclusive_mark(m)
                    && m != '('
                    && !tail[m.len_utf8() + 1..].starts_with(char::is_alphabetic) =>
            {
                plural = true;
                marks.push(m);
                end += m.len_utf8() + 1;
            }
            (Some('s'), next) if first_mark == '(' && !next.is_some_and(char::is_alphabetic) => {
                plural = true;
                end += 1;
            }
            _ => {}
        }
        // A mark followed by a capitalised word is a sentence break, not inclusive writing.
        if first_mark == '.' && rest[after_mark..].starts_with(char::is_uppercase) {
            continue;
        }
        let stem = text[item.span.start..item.span.end].to_string();
        let suffix = suffix.trim_end_matches('s').to_string();
        let suffix = if suffix.is_empty() {
            "e".to_string()
        } else {
            suffix
        };
        out.push(FrenchForm {
            span: crate::report::Span::new(item.span.start, item.span.end + end),
            stem,
            suffix,
            plural,
            median_dot: marks.iter().all(|&m| m == '·'),
        });
    }
    out
}

#[cfg(test)]
mod french_tests {
    use super::french_forms;
    use crate::text::tokenize;
    use crate::tone::{Lang, ToneAnalysis};

    fn forms(text: &str) -> Vec<(String, bool, String)> {
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::Fr);
        french_forms(&a.draft)
            .iter()
            .map(|f| {
                (
                    text[f.span.start..f.span.end].to_string(),
                    f.median_dot,
                    f.with_median_dots(),
                )
            })
            .collect()
    }

    #[test]
    fn abbreviated_inclusive_forms_are_found_and_normalised_to_median_dots() {
        assert_eq!(
            forms("Les salarié.e.s et les invité(e)s sont les bienvenu·e·s"),
            vec![
                ("salarié.e.s".to_string(), false, "salarié·e·s".to_string()),
                ("invité(e)s".to_string(), false, "invité·e·s".to_string()),
                ("bienvenu·e·s".to_string(), true, "bienvenu·e·s".to_string()),
            ]
        );
        assert_eq!(forms("Merci aux acteur·rice·s")[0].2, "acteur·rice·s");
    }

    #[test]
    fn ordinary_punctuation_is_not_inclusive_writing() {
        assert!(forms("Il est arrivé. Elle aussi.").is_empty());
        assert!(forms("C'est peut-être demain").is_empty());
        assert!(forms("Rendez-vous à la gare").is_empty());
    }
}
