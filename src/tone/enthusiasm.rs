//! Enthusiasm: intensifying slang (`insane`, `sick`, `killer`, `dingue`, `de ouf`) and violent
//! idioms (`killed it`, `crushes ice`, `dying to`, `ça déchire`) read in their sentence, before
//! any dimension scores the draft.
//!
//! A valence lexicon reads these words literally (`sick` −2.3, `killed` −3.5), so brand posts full
//! of enthusiasm read as negative or hostile. Here each such word gets the valence its context
//! gives it, and every dimension then sees that valence:
//! - **slang** keeps its literal valence when the sentence complains (another negative word, an
//!   insult, a negation just before it) or when it is said of the writer (`I'm sick`); it reads as
//!   praise when the sentence praises or the word qualifies a thing (`this deal is insane`,
//!   `killer deal`); said of a person without praise around it, it is neutral.
//! - **a violent verb** is hostile only with a person as its object (`killed two people`, `crush
//!   you`): aggression needs a target and a hostile act, not a word. With `it`/`ça` it is the
//!   praise idiom (`you killed it`, `ça déchire`); with a thing (`crushes ice`) it is neutral.
//! - **eagerness** (`dying to`, `to die for`, `would kill for`, `mourir d'envie`) is positive.
//!
//! Knowingly not handled: slang said of a thing in a literal sense with no other negative word
//! (`the traffic was insane`) reads as praise; sarcasm around the slang is left to the irony
//! markers of sentiment.

use super::draft::{Draft, ItemKind};
use super::lexicon::Entry;
use super::Lang;

/// Valence of slang or an idiom that praises with other praise around it.
const PRAISE: f32 = 2.0;
/// Valence of slang that qualifies a thing, with no other praise in the sentence.
const MILD_PRAISE: f32 = 1.5;
/// Valence of eagerness (`dying to try it`).
const EAGER: f32 = 1.5;
/// A word at least this negative, elsewhere in the sentence, makes it a complaint.
const COMPLAINT: f32 = -1.5;

/// Slang that intensifies: literal sense negative, social sense praise.
fn is_slang(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::En => matches!(
            word,
            "insane"
                | "insanely"
                | "sick"
                | "sickest"
                | "killer"
                | "crazy"
                | "crazier"
                | "craziest"
                | "nuts"
                | "mad"
                | "wild"
                | "wicked"
                | "unreal"
                | "ridiculous"
                | "ridiculously"
                | "bonkers"
                | "savage"
                | "fire"
                | "lit"
                | "beast"
        ),
        Lang::Fr => matches!(
            word,
            "dingue"
                | "dingues"
                | "ouf"
                | "fou"
                | "folle"
                | "fous"
                | "folles"
                | "folie"
                | "dinguerie"
                | "tuerie"
                | "malade"
                | "mortel"
                | "mortelle"
                | "dément"
                | "démente"
                | "démentiel"
                | "démentielle"
        ),
    }
}

/// Verbs of violence whose idiomatic sense is success (`killed it`, `ça déchire`).
fn is_violent_verb(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::En => matches!(
            word,
            "kill"
                | "kills"
                | "killed"
                | "killing"
                | "crush"
                | "crushes"
                | "crushed"
                | "crushing"
                | "destroy"
                | "destroys"
                | "destroyed"
                | "destroying"
                | "smash"
                | "smashes"
                | "smashed"
                | "slay"
                | "slays"
                | "slayed"
                | "slaying"
                | "murder"
                | "murders"
                | "murdered"
                | "nailed"
                | "rocked"
        ),
        Lang::Fr => matches!(
            word,
            "tue"
                | "tuent"
                | "déchire"
                | "déchirent"
                | "déchiré"
                | "défonce"
                | "défoncé"
                | "explose"
                | "explosé"
                | "cartonne"
                | "cartonné"
                | "écrase"
                | "écrasé"
                | "assure"
                | "assuré"
                | "gère"
                | "gérez"
                | "géré"
        ),
    }
}

/// Words that make a person the object or subject of what is said next to them (beyond the
/// second- and third-person pronouns the cues already know).
fn is_person(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::En => matches!(
            word,
            "me" | "us"
                | "people"
                | "person"
                | "someone"
                | "somebody"
                | "everyone"
                | "everybody"
                | "anyone"
                | "children"
                | "kids"
                | "man"
                | "woman"
                | "men"
                | "women"
                | "guy"
                | "family"
                | "yourself"
                | "himself"
                | "herself"
                | "themselves"
        ),
        Lang::Fr => matches!(
            word,
            "me" | "m'"
                | "nous"
                | "gens"
                | "personne"
                | "personnes"
                | "enfants"
                | "homme"
                | "femme"
                | "hommes"
                | "femmes"
                | "quelqu'un"
        ),
    }
}

/// The writer as subject: slang then describes how the writer feels (`I'm sick`, `je suis malade`).
fn is_first_person(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::En => matches!(word, "i" | "i'm" | "im" | "i've" | "we're" | "am"),
        Lang::Fr => matches!(word, "je" | "j'" | "suis"),
    }
}

/// Words before slang that make it a predicate or a degree (`is insane`, `c'est dingue`, `de ouf`).
fn is_predicative_cue(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::En => matches!(
            word,
            "is" | "was"
                | "are"
                | "were"
                | "be"
                | "been"
                | "it's"
                | "that's"
                | "this's"
                | "so"
                | "pretty"
                | "absolutely"
                | "totally"
                | "just"
                | "literally"
                | "looks"
                | "sounds"
                | "looking"
                | "straight"
                | "too"
                | "a"
                | "an"
                | "the"
                | "most"
                | "our"
                | "these"
                | "those"
                | "this"
        ),
        Lang::Fr => matches!(
            word,
            "est"
                | "c'"
                | "était"
                | "sont"
                | "trop"
                | "vraiment"
                | "grave"
                | "tellement"
                | "complètement"
                | "carrément"
                | "de"
                | "d'"
                | "une"
                | "un"
                | "truc"
                | "juste"
        ),
    }
}

/// What surrounds an item in its sentence.
struct Context {
    /// Another word of the sentence is negative, an insult or profane.
    complaint: bool,
    /// Another word or emoji of the sentence is positive, or the sentence ends in `!`.
    praise: bool,
}

fn context(draft: &Draft, i: usize) -> Context {
    let s = draft.items[i].sentence;
    let mut complaint = false;
    let mut praise = false;
    for (j, item) in draft.sentence_items(s) {
        if j == i {
            continue;
        }
        match item.kind {
            ItemKind::Word => {
                let lower = &*item.lower;
                if is_slang(draft.lang, lower) || is_violent_verb(draft.lang, lower) {
                    continue;
                }
                let valence = item.entry.map_or(0.0, |e| e.valence);
                if valence <= COMPLAINT
                    || item.cues.insult()
                    || item
                        .entry
                        .is_some_and(|e| e.profanity.is_some_and(|p| p >= 2))
                {
                    complaint = true;
                }
                if valence >= 1.0 {
                    praise = true;
                }
            }
            ItemKind::Emoji => match super::lexicon::emoji_valence(&item.lower) {
                Some(v) if v <= COMPLAINT => complaint = true,
                Some(v) if v >= 1.0 => praise = true,
                _ => {}
            },
            ItemKind::Punct => praise |= item.lower.contains('!'),
            ItemKind::Emoticon => {}
        }
    }
    Context { complaint, praise }
}

/// The word `back` items before `i` in its sentence, when it is a word.
fn word_before<'d>(draft: &'d Draft, i: usize, back: usize) -> Option<&'d str> {
    let p = i.checked_sub(back)?;
    let item = &draft.items[p];
    (item.sentence == draft.items[i].sentence && item.kind == ItemKind::Word)
        .then_some(&*item.lower)
}

/// The word right after `i` in its sentence, when it is a word.
fn word_after<'d>(draft: &'d Draft, i: usize, ahead: usize) -> Option<&'d str> {
    let item = draft.items.get(i + ahead)?;
    (item.sentence == draft.items[i].sentence && item.kind == ItemKind::Word)
        .then_some(&*item.lower)
}

fn is_person_word(draft: &Draft, word: &str, at: usize) -> bool {
    let cues = draft.items[at].cues;
    cues.second_person() || cues.third_person() || is_person(draft.lang, word)
}

/// The valence slang at `i` takes in its sentence; `None` keeps the literal one.
fn slang_valence(draft: &Draft, i: usize) -> Option<f32> {
    let lang = draft.lang;
    let ctx = context(draft, i);
    let negated = (1..=3).any(|back| {
        i.checked_sub(back).is_some_and(|p| {
            draft.items[p].sentence == draft.items[i].sentence && draft.items[p].cues.negation()
        })
    });
    let mut first_person = false;
    let mut person = false;
    for back in 1..=4 {
        let Some(w) = word_before(draft, i, back) else {
            break;
        };
        first_person |= is_first_person(lang, w);
        person |= is_person_word(draft, w, i - back);
    }
    if ctx.complaint || negated || first_person {
        return None;
    }
    let predicative = word_before(draft, i, 1).is_some_and(|w| is_predicative_cue(lang, w));
    // English puts an adjective before its noun (`killer deal`, `sick beats`).
    let attributive = lang == Lang::En
        && word_after(draft, i, 1).is_some_and(|w| !matches!(w, "of" | "and" | "or" | "about"));
    let valence = if person {
        if ctx.praise {
            MILD_PRAISE
        } else {
            0.0
        }
    } else if ctx.praise {
        PRAISE
    } else if predicative || attributive {
        MILD_PRAISE
    } else {
        0.0
    };
    Some(valence)
}

/// The valence a violent verb at `i` takes: hostile (literal) only with a person as its object.
fn violent_verb_valence(draft: &Draft, i: usize) -> Option<f32> {
    let lang = draft.lang;
    // French object pronouns come before the verb (`je vais te tuer`, `il l'a écrasé`).
    if lang == Lang::Fr
        && (1..=2).any(|back| {
            word_before(draft, i, back).is_some_and(|w| {
                matches!(
                    w,
                    "te" | "t'" | "vous" | "le" | "la" | "l'" | "les" | "me" | "m'" | "lui"
                )
            })
        })
    {
        return None;
    }
    for ahead in 1..=3 {
        let Some(w) = word_after(draft, i, ahead) else {
            break;
        };
        if is_person_word(draft, w, i + ahead) {
            return None;
        }
    }
    if lang == Lang::Fr {
        // `ça déchire`, `vous avez tout déchiré`, `ça cartonne`: success said of a thing or a team.
        let success = (1..=3).any(|back| {
            word_before(draft, i, back).is_some_and(|w| matches!(w, "ça" | "ca" | "tout" | "c'"))
        });
        return success.then_some(PRAISE);
    }
    match word_after(draft, i, 1) {
        Some("it" | "this" | "that") => Some(PRAISE),
        // `would kill for a coffee`: eagerness.
        Some("for") => Some(EAGER),
        // A thing as object (`crushes ice`, `destroyed the record`): no one is hurt.
        Some(_) => Some(0.0),
        None => None,
    }
}

/// Eagerness idioms: `dying to`, `dying for`, `to die for`, `mourir d'envie`.
fn eagerness_valence(draft: &Draft, i: usize) -> Option<f32> {
    let word = &*draft.items[i].lower;
    let next = word_after(draft, i, 1);
    let eager = match draft.lang {
        Lang::En => {
            (word == "dying" && matches!(next, Some("to" | "for")))
                || (word == "die" && next == Some("for") && word_before(draft, i, 1) == Some("to"))
        }
        Lang::Fr => {
            matches!(word, "meurs" | "meurt" | "mourir" | "mourons")
                && matches!(next, Some("d'" | "de"))
                && word_after(draft, i, 2) == Some("envie")
        }
    };
    eager.then_some(EAGER)
}

/// Gives every slang word and idiom of `draft` the valence its sentence gives it.
pub fn reread(draft: &mut Draft) {
    let lang = draft.lang;
    let mut changes: Vec<(usize, f32)> = Vec::new();
    for (i, item) in draft.items.iter().enumerate() {
        if item.kind != ItemKind::Word || item.in_hashtag {
            continue;
        }
        let word = &*item.lower;
        let valence = if is_slang(lang, word) {
            slang_valence(draft, i)
        } else if is_violent_verb(lang, word) {
            violent_verb_valence(draft, i)
        } else {
            eagerness_valence(draft, i)
        };
        if let Some(v) = valence {
            changes.push((i, v));
        }
    }
    for (i, valence) in changes {
        let entry = draft.items[i].entry;
        draft.items[i].entry = Some(Entry {
            valence,
            profanity: entry.and_then(|e| e.profanity),
            phrase_head: false,
        });
    }
}

/// Whether item `i` of `draft` was read as enthusiasm rather than literally (the inclusive rule
/// uses it to pick an alternative with the same sense).
pub fn reads_as_praise(draft: &Draft, i: usize) -> bool {
    let item = &draft.items[i];
    is_slang(draft.lang, &item.lower) && item.entry.is_some_and(|e| e.valence > 0.0)
}

#[cfg(test)]
mod tests {
    use crate::config::Language;
    use crate::text::tokenize;
    use crate::tone::{check_tone, Lang, Polarity, ToneAnalysis, ToneLabel};

    fn read(text: &str, language: Language) -> (Polarity, ToneLabel, f32) {
        let summary = check_tone(text, &tokenize(text), language, None, &mut Vec::new());
        (
            summary.sentiment.label,
            summary.label,
            summary.scores.aggression,
        )
    }

    fn not_negative(text: &str, language: Language) {
        let (polarity, label, aggression) = read(text, language);
        assert_ne!(polarity, Polarity::Negative, "{text}");
        assert!(
            !matches!(label, ToneLabel::Negative | ToneLabel::Aggressive),
            "{text}: {label:?}"
        );
        assert!(aggression < 0.3, "{text}: aggression {aggression}");
    }

    #[test]
    fn english_slang_in_praise_reads_as_praise() {
        for text in [
            "This deal is insane, grab it before Friday",
            "The final episode was sick",
            "Killer deals all weekend",
            "Our new drop is crazy good",
            "You guys are insane, thank you!",
        ] {
            not_negative(text, Language::EnUs);
        }
        let text = "This deal is insane, grab it before Friday";
        let summary = check_tone(text, &tokenize(text), Language::EnUs, None, &mut Vec::new());
        assert!(summary.scores.sentiment > 0.0);
    }

    #[test]
    fn french_slang_in_praise_reads_as_praise() {
        for text in [
            "Cette offre est dingue, foncez !",
            "Le concert était de ouf",
            "Ce burger, c'est une tuerie",
            "Une soirée de folie, merci à tous",
        ] {
            not_negative(text, Language::Fr);
        }
        assert_eq!(
            read("Cette offre est dingue, foncez !", Language::Fr).0,
            Polarity::Positive
        );
    }

    #[test]
    fn violent_idioms_are_hostile_only_with_a_person_as_object() {
        not_negative("You guys absolutely killed it at the event", Language::EnUs);
        not_negative(
            "Our new blender crushes ice like nothing else",
            Language::EnUs,
        );
        not_negative("I'm dying to try the new menu", Language::EnUs);
        not_negative("Vous avez tout déchiré hier soir !", Language::Fr);
        not_negative("Je meurs d'envie de goûter ça", Language::Fr);
        // With a person as object the literal sense stays.
        let text = "The crash killed two people";
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::En);
        assert!(a.sentiment.draft < 0.0);
    }

    #[test]
    fn slang_in_a_complaint_or_about_the_writer_stays_literal() {
        assert_eq!(
            read("The wait was insane and the staff rude", Language::EnUs).0,
            Polarity::Negative
        );
        assert_eq!(
            read("I'm sick of this terrible service", Language::EnUs).0,
            Polarity::Negative
        );
        assert_eq!(
            read("Ce retard est dingue, c'est honteux", Language::Fr).0,
            Polarity::Negative
        );
    }

    #[test]
    fn second_person_alone_is_not_blame() {
        not_negative("You people are going to love it!", Language::EnUs);
        let (_, label, aggression) = read(
            "This is the worst service ever, you people are useless",
            Language::EnUs,
        );
        assert_eq!(label, ToneLabel::Aggressive);
        assert!(aggression >= 0.3);
    }

    #[test]
    fn slang_said_of_a_thing_in_a_literal_sense_is_knowingly_read_as_praise() {
        // No other word says the traffic was bad: the reading cannot tell.
        assert_ne!(
            read("The traffic this morning was insane", Language::EnUs).0,
            Polarity::Negative
        );
    }
}
