//! Aggression and profanity. Hostility is built from threats, blame aimed at the reader
//! (`your fault`, `honte à vous`), insults (worse when aimed at `you`), profanity by cuss's
//! sureness (masked spellings such as `f*ck` included, see the draft), negative words said of a
//! person (`he is a disgrace`), and strongly negative words; the weights add up and saturate
//! towards 1.

use super::draft::{Draft, ItemKind};
use super::lexicon::Entry;
use super::{cues, lexicon, saturate, Hit};

/// What made a sentence hostile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostileKind {
    Threat,
    Blame,
    /// An insult or a profane word aimed at the reader.
    InsultAtReader,
    Insult,
    /// A profane word (cuss sureness 1 or 2) not aimed at anyone.
    Profanity,
    /// A strongly negative word (valence ≤ −2.5).
    Harsh,
    /// A negative word (valence ≤ −1.5) said of a person: `you are pathetic`, `he is a disgrace`.
    HarshAtPerson,
}

impl HostileKind {
    fn weight(self) -> f32 {
        match self {
            HostileKind::Threat => 1.4,
            HostileKind::Blame => 0.7,
            HostileKind::InsultAtReader => 1.0,
            HostileKind::Insult => 0.35,
            HostileKind::Profanity => 0.45,
            HostileKind::Harsh => 0.15,
            // Alone above the friendly-professional limit (0.3): contempt said of someone.
            HostileKind::HarshAtPerson => 0.4,
        }
    }
}

/// A hostile cue.
#[derive(Debug, Clone, PartialEq)]
pub struct HostileHit {
    pub kind: HostileKind,
    pub hit: Hit,
    /// cuss sureness when the cue is profane.
    pub profanity: Option<u8>,
}

/// The aggression reading.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Aggression {
    pub draft: f32,
    /// The draft's raw sum before saturation (drafts read by paragraph add theirs up).
    pub sum: f32,
    pub sentences: Vec<f32>,
    /// 0 (clean), 0.5 (likely profane word) or 1 (surely profane word).
    pub profanity: f32,
    pub hits: Vec<HostileHit>,
}

/// Whether a blame phrase only addresses the reader (`you people`, `you always`, `vous êtes
/// toujours`): it opens with a second-person word and none of its words is negative. Such a
/// phrase is blame only with a hostile act in its sentence ([`hostile_act`]).
fn only_addresses(draft: &Draft, first: usize, last: usize) -> bool {
    draft.items[first].cues.second_person()
        && draft.items[first..=last]
            .iter()
            .all(|it| it.entry.is_none_or(|e| e.valence >= 0.0) && !it.cues.insult())
}

/// Whether the sentence of items `first..=last` holds, outside them, a hostile act: a negative
/// word (after the enthusiasm re-reading), an insult or a profane word.
fn hostile_act(draft: &Draft, first: usize, last: usize) -> bool {
    draft
        .sentence_items(draft.items[first].sentence)
        .filter(|(j, _)| *j < first || *j > last)
        .any(|(_, it)| {
            it.kind == ItemKind::Word
                && (it
                    .entry
                    .is_some_and(|e| e.valence <= -1.0 || e.profanity.is_some_and(|p| p >= 1))
                    || it.cues.insult())
        })
}

/// Reads the aggression of `draft`.
pub fn read(draft: &Draft) -> Aggression {
    let lang = draft.lang;
    let table = lexicon::words(lang);
    let mut hits: Vec<HostileHit> = Vec::new();
    let mut covered = vec![false; draft.items.len()];
    let push =
        |hits: &mut Vec<HostileHit>, covered: &mut Vec<bool>, kind, first, last, profanity| {
            for c in covered.iter_mut().take(last + 1).skip(first) {
                *c = true;
            }
            hits.push(HostileHit {
                kind,
                hit: Hit {
                    first,
                    last,
                    weight: HostileKind::weight(kind),
                    suggestion: None,
                },
                profanity,
            });
        };
    for (_, first, last) in draft.find_phrases(cues::threats(lang)) {
        push(
            &mut hits,
            &mut covered,
            HostileKind::Threat,
            first,
            last,
            None,
        );
    }
    for (_, first, last) in draft.find_phrases(cues::blame(lang)) {
        if !covered[first]
            && (!only_addresses(draft, first, last) || hostile_act(draft, first, last))
        {
            push(
                &mut hits,
                &mut covered,
                HostileKind::Blame,
                first,
                last,
                None,
            );
        }
    }
    let mut phrase = String::new();
    for (i, item) in draft.items.iter().enumerate() {
        // The middle finger is a profane gesture whatever the language.
        if item.kind == ItemKind::Emoji && cues::is_profane_emoji(&item.lower) {
            push(
                &mut hits,
                &mut covered,
                HostileKind::Profanity,
                i,
                i,
                Some(2),
            );
            continue;
        }
        if item.kind != ItemKind::Word || covered[i] {
            continue;
        }
        // A plural of a listed word (`shitheads`, `connards`) is as profane as the word.
        let entry = match item.entry {
            Some(e) if e.profanity.is_some() => Some(e),
            other => item
                .lower
                .strip_suffix(['s', 'x'])
                .and_then(|stem| table.get(stem))
                .filter(|e| e.profanity.is_some())
                .map(|e| Entry {
                    valence: other.map_or(e.valence, |o| o.valence),
                    ..e
                })
                .or(other),
        };
        // Phrases in the profanity list (`va te faire foutre`).
        let mut profane_phrase = None;
        if entry.is_some_and(|e| e.phrase_head) {
            phrase.clear();
            phrase.push_str(&item.lower);
            for j in i + 1..(i + 5).min(draft.items.len()) {
                let next = &draft.items[j];
                if next.kind != ItemKind::Word {
                    break;
                }
                if !phrase.ends_with('\'') {
                    phrase.push(' ');
                }
                phrase.push_str(&next.lower);
                if let Some(s) = table
                    .get(&phrase)
                    .and_then(|e| e.profanity)
                    .filter(|&s| s >= 1)
                {
                    profane_phrase = Some((j, s));
                }
            }
        }
        let (last, profanity) = match profane_phrase {
            Some((j, s)) => (j, Some(s)),
            None => (i, entry.and_then(|e| e.profanity).filter(|&s| s >= 1)),
        };
        let valence = entry.map_or(0.0, |e| e.valence);
        // cuss's "likely" words include neutral topics (`abortion`): count them only when negative.
        let profane = match profanity {
            Some(2) => true,
            Some(_) => valence < 0.0 || profane_phrase.is_some(),
            None => false,
        };
        let insult = item.cues.insult();
        let person_near = || {
            (1..=5).any(|back| {
                i.checked_sub(back).is_some_and(|p| {
                    draft.items[p].sentence == item.sentence
                        && (draft.items[p].cues.second_person()
                            || draft.items[p].cues.third_person())
                })
            })
        };
        // `she is not wrong`: a negated judgement is not contempt.
        let negated = (1..=3).any(|back| {
            i.checked_sub(back).is_some_and(|p| {
                draft.items[p].sentence == item.sentence && draft.items[p].cues.negation()
            })
        });
        let harsh_at_person = valence <= -1.5 && !(profane || insult) && !negated && person_near();
        if !(profane || insult || valence <= -2.5 || harsh_at_person) {
            continue;
        }
        let at_reader = (1..=5).any(|back| {
            i.checked_sub(back).is_some_and(|p| {
                draft.items[p].sentence == item.sentence && draft.items[p].cues.second_person()
            })
        }) || draft
            .items
            .get(last + 1)
            .is_some_and(|n| n.sentence == item.sentence && n.cues.second_person());
        let kind = if (insult || profane) && at_reader {
            HostileKind::InsultAtReader
        } else if insult {
            HostileKind::Insult
        } else if profane {
            HostileKind::Profanity
        } else if harsh_at_person {
            HostileKind::HarshAtPerson
        } else {
            HostileKind::Harsh
        };
        push(
            &mut hits,
            &mut covered,
            kind,
            i,
            last,
            profanity.filter(|_| profane),
        );
    }
    hits.sort_by_key(|h| h.hit.first);
    let mut sums = vec![0.0f32; draft.sentences.len()];
    for h in &hits {
        sums[draft.items[h.hit.first].sentence] += h.hit.weight;
    }
    let profanity = hits
        .iter()
        .filter_map(|h| h.profanity)
        .max()
        .map_or(0.0, |s| if s >= 2 { 1.0 } else { 0.5 });
    Aggression {
        draft: saturate(sums.iter().sum()),
        sum: sums.iter().sum(),
        sentences: sums.into_iter().map(saturate).collect(),
        profanity,
        hits,
    }
}

#[cfg(test)]
mod tests {
    use super::HostileKind;
    use crate::text::tokenize;
    use crate::tone::{Lang, ToneAnalysis};

    fn read(text: &str, lang: Lang) -> (f32, f32, Vec<HostileKind>) {
        let a = ToneAnalysis::read(text, &tokenize(text), lang);
        let kinds = a.aggression.hits.iter().map(|h| h.kind).collect();
        (a.aggression.draft, a.aggression.profanity, kinds)
    }

    #[test]
    fn an_insult_aimed_at_you_is_hostile() {
        let (score, _, kinds) = read("You are a complete idiot", Lang::En);
        assert!(score >= 0.5);
        assert_eq!(kinds, vec![HostileKind::InsultAtReader]);
        let (score, _, _) = read("Vous êtes des incapables", Lang::Fr);
        assert!(score >= 0.5);
    }

    #[test]
    fn threats_and_blame_are_hostile() {
        assert!(read("Watch your back", Lang::En)
            .2
            .contains(&HostileKind::Threat));
        assert!(read("This is all your fault", Lang::En)
            .2
            .contains(&HostileKind::Blame));
        assert!(read("Tu vas le regretter", Lang::Fr)
            .2
            .contains(&HostileKind::Threat));
        assert!(read("C'est de votre faute", Lang::Fr)
            .2
            .contains(&HostileKind::Blame));
    }

    #[test]
    fn profanity_keeps_its_severity() {
        let (_, profanity, _) = read("this is fucking brilliant", Lang::En);
        assert_eq!(profanity, 1.0);
        let (_, profanity, _) = read("Quel connard", Lang::Fr);
        assert_eq!(profanity, 1.0);
    }

    #[test]
    fn masked_profanity_is_read_as_the_word_it_hides() {
        for text in [
            "what the f*ck",
            "this is f**king slow",
            "holy sh!t",
            "what a pain in the a$$",
        ] {
            assert!(read(text, Lang::En).1 > 0.0, "{text}");
        }
        for text in ["put*in de retard", "quelle m3rde"] {
            assert!(read(text, Lang::Fr).1 > 0.0, "{text}");
        }
        // A star or a digit inside an ordinary word or number is not profanity.
        for text in [
            "see you on the 2nd",
            "5 stars for h*me delivery",
            "h3llo there",
        ] {
            assert_eq!(read(text, Lang::En).1, 0.0, "{text}");
        }
    }

    #[test]
    fn contempt_said_of_a_person_is_hostile() {
        let (score, _, kinds) = read("He is a disgusting coward", Lang::En);
        assert!(score >= 0.3);
        assert!(kinds.contains(&HostileKind::HarshAtPerson));
        assert!(read("You are pathetic and dishonest", Lang::En).0 >= 0.3);
        assert!(read("Elle est vraiment lamentable", Lang::Fr).0 >= 0.3);
        // A negated judgement is not contempt.
        assert!(read("She is not wrong", Lang::En).0 < 0.3);
        // The same words about a thing stay below the limit.
        assert!(read("The update is disappointing", Lang::En).0 < 0.3);
    }

    #[test]
    fn feelings_said_of_a_person_are_knowingly_read_as_contempt() {
        // A word list cannot tell `she is sad` (a feeling) from `she is pathetic` (contempt).
        assert!(read("She is so sad about the news", Lang::En).0 >= 0.3);
    }

    #[test]
    fn calm_complaints_and_neutral_topics_are_not_hostile() {
        assert!(read("The delivery was late and I am disappointed", Lang::En).0 < 0.3);
        assert_eq!(read("A debate on abortion law tonight", Lang::En).1, 0.0);
        assert!(read("La livraison est en retard", Lang::Fr).0 < 0.3);
    }

    #[test]
    fn the_middle_finger_emoji_is_profane_in_both_languages() {
        assert_eq!(read("Here is my answer 🖕", Lang::En).1, 1.0);
        assert_eq!(read("Voilà ma réponse 🖕🏼", Lang::Fr).1, 1.0);
        assert_eq!(read("Here is my answer 👍", Lang::En).1, 0.0);
    }

    #[test]
    fn insults_in_capitals_and_with_emoji_are_still_insults() {
        let (score, profanity, _) = read("T'ES QU'UN CONNARD 😡", Lang::Fr);
        assert!(score >= 0.5);
        assert_eq!(profanity, 1.0);
        assert!(read("YOU ARE AN IDIOT 🤡", Lang::En).0 >= 0.5);
    }

    #[test]
    fn a_negated_insult_is_knowingly_still_read_as_an_insult() {
        // Negation scope is a sentiment rule; hostility cues ignore it (`you're not an idiot`
        // is rare in complaints, and `you're no genius` is an insult).
        assert!(read("You're not an idiot", Lang::En).0 >= 0.3);
    }
}
