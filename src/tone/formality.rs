//! Formality: 0 (chatty) to 1 (formal). Chat forms, slang, contractions, emoji, emoticons,
//! doubled punctuation and a lowercase `i` pull a draft down; written markers (`however`,
//! `we are pleased`, `veuillez`, `vous`) pull it up. The balance is scaled by the square root of
//! the draft's length, so one `lol` matters more in five words than in fifty.

use super::draft::{Draft, ItemKind};
use super::{cues, Hit, Lang};

/// Formality of a draft with no cue at all: plain prose leans slightly formal.
const BASELINE: f32 = 0.3;
/// How strongly the cue balance moves the score.
const SLOPE: f32 = 1.6;

/// The formality reading: score and the cues that made it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Formality {
    pub draft: f32,
    /// The draft's balance of formal and casual cues (drafts read by paragraph add theirs up).
    pub balance: f32,
    pub sentences: Vec<f32>,
    /// Chatty cues (weight < 0) and formal cues (weight > 0).
    pub hits: Vec<Hit>,
}

fn contraction(lang: Lang, word: &str) -> bool {
    match lang {
        Lang::En => ["n't", "'re", "'m", "'ll", "'ve", "'d"]
            .iter()
            .any(|end| word.ends_with(end) && word.len() > end.len()),
        // `t'es`, `j'sais`, `y'a`: spoken elisions (written French elides only before vowels).
        Lang::Fr => matches!(
            word,
            "y'a" | "t'es" | "t'as" | "j'sais" | "chuis" | "j'suis" | "p'tit" | "p'tite"
        ),
    }
}

pub(super) fn score(balance: f32, words: usize) -> f32 {
    let z = BASELINE + SLOPE * balance / ((words as f32) + 1.0).sqrt();
    1.0 / (1.0 + (-z).exp())
}

/// Reads the formality of `draft`.
pub fn read(draft: &Draft) -> Formality {
    let lang = draft.lang;
    let chat = cues::chat_forms(lang);
    let mut hits = Vec::new();
    for (i, item) in draft.items.iter().enumerate() {
        let weight_and_fix: Option<(f32, Option<String>)> = match item.kind {
            ItemKind::Word if item.in_hashtag => None,
            ItemKind::Word => {
                let raw = &draft.text[item.span.start..item.span.end];
                let chat_form = item
                    .cues
                    .chat()
                    .then(|| chat.iter().find(|(w, _)| *w == item.lower));
                if let Some((_, fix)) = chat_form.flatten() {
                    Some((-1.0, fix.map(str::to_string)))
                } else if contraction(lang, &item.lower) {
                    Some((-0.5, None))
                } else if lang == Lang::En && raw == "i" {
                    Some((-0.7, Some("I".into())))
                } else if item.cues.formal() {
                    Some((1.0, None))
                } else {
                    None
                }
            }
            ItemKind::Emoji | ItemKind::Emoticon => Some((-0.5, None)),
            ItemKind::Punct => {
                let marks = item
                    .lower
                    .chars()
                    .filter(|c| matches!(c, '!' | '?'))
                    .count();
                (marks >= 2).then(|| (-0.7, None))
            }
        };
        if let Some((weight, suggestion)) = weight_and_fix {
            hits.push(Hit {
                first: i,
                last: i,
                weight,
                suggestion,
            });
        }
    }
    let mut sentence_balance = vec![0.0f32; draft.sentences.len()];
    let mut sentence_words = vec![0usize; draft.sentences.len()];
    for item in &draft.items {
        if item.kind == ItemKind::Word {
            sentence_words[item.sentence] += 1;
        }
    }
    for hit in &hits {
        sentence_balance[draft.items[hit.first].sentence] += hit.weight;
    }
    let balance: f32 = hits.iter().map(|h| h.weight).sum();
    Formality {
        draft: score(balance, draft.words),
        balance,
        sentences: sentence_balance
            .iter()
            .zip(&sentence_words)
            .map(|(&b, &w)| score(b, w))
            .collect(),
        hits,
    }
}

#[cfg(test)]
mod tests {
    use crate::text::tokenize;
    use crate::tone::{Lang, ToneAnalysis};

    fn formality(text: &str, lang: Lang) -> f32 {
        ToneAnalysis::read(text, &tokenize(text), lang)
            .formality
            .draft
    }

    #[test]
    fn chat_forms_and_emoji_read_casual_in_english() {
        assert!(formality("omg u guys this is lit 🔥🔥🔥 lol", Lang::En) < 0.2);
        assert!(
            formality(
                "Dear customers, we are pleased to announce that our store will open on Monday.",
                Lang::En
            ) > 0.8
        );
    }

    #[test]
    fn contractions_pull_formality_down() {
        let written = formality("We will not be open tomorrow.", Lang::En);
        let spoken = formality("We won't be open tomorrow.", Lang::En);
        assert!(spoken < written);
    }

    #[test]
    fn french_chat_forms_and_vous_are_told_apart() {
        assert!(formality("mdr tkt on se voit demain stp", Lang::Fr) < 0.2);
        assert!(formality("Madame, Monsieur, nous avons le plaisir de vous informer de l'ouverture de notre boutique.", Lang::Fr) > 0.8);
        assert!(
            formality("Tu viens ce soir ?", Lang::Fr) < formality("Vous venez ce soir ?", Lang::Fr)
        );
    }

    #[test]
    fn plain_prose_sits_in_the_middle() {
        let f = formality("The store opens at 9 tomorrow.", Lang::En);
        assert!((0.45..0.75).contains(&f), "{f}");
    }

    #[test]
    fn french_emoji_and_slang_read_casual_and_formal_letters_formal() {
        assert!(formality("trop bien ce concert 😂😂 wesh", Lang::Fr) < 0.3);
        assert!(
            formality(
                "Nous vous prions de bien vouloir nous excuser pour ce désagrément. Cordialement.",
                Lang::Fr
            ) > 0.7
        );
    }
}
