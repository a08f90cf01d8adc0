//! Hedging: words that soften a claim until it sounds unsure (`just`, `I think`, `maybe`,
//! `peut-être`, `je pense`). Only a tone target that asks for it turns hedges into diagnostics;
//! the suggestion drops the hedge.

use super::draft::Draft;
use super::{cues, saturate, Hit};

/// The hedging reading.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hedging {
    pub draft: f32,
    /// The draft's raw sum before saturation (drafts read by paragraph add theirs up).
    pub sum: f32,
    pub sentences: Vec<f32>,
    pub hits: Vec<Hit>,
}

/// Reads the hedging of `draft`: each hedge adds 0.35, saturating towards 1.
pub fn read(draft: &Draft) -> Hedging {
    let mut out = Hedging::default();
    let mut sums = vec![0.0f32; draft.sentences.len()];
    for (_, first, last) in draft.find_phrases(cues::hedges(draft.lang)) {
        sums[draft.items[first].sentence] += 0.35;
        out.hits.push(Hit {
            first,
            last,
            weight: 0.35,
            suggestion: Some(String::new()),
        });
    }
    out.sum = sums.iter().sum();
    out.draft = saturate(out.sum);
    out.sentences = sums.into_iter().map(saturate).collect();
    out
}

#[cfg(test)]
mod tests {
    use crate::text::tokenize;
    use crate::tone::{Lang, ToneAnalysis};

    fn hedges(text: &str, lang: Lang) -> Vec<String> {
        let a = ToneAnalysis::read(text, &tokenize(text), lang);
        a.hedging
            .hits
            .iter()
            .map(|h| a.draft.slice(h.first, h.last).to_string())
            .collect()
    }

    #[test]
    fn hedges_are_found_in_english_and_french() {
        assert_eq!(
            hedges("I think we could maybe just try again", Lang::En),
            vec!["I think", "maybe", "just"]
        );
        assert_eq!(
            hedges("Je pense que c'est peut-être un peu tard", Lang::Fr),
            vec!["Je pense", "peut-être", "un peu"]
        );
    }

    #[test]
    fn a_confident_sentence_has_none() {
        assert!(hedges("We fixed the bug and shipped the update.", Lang::En).is_empty());
    }

    #[test]
    fn negated_certainty_is_a_hedge_too() {
        assert_eq!(
            hedges("I'm not sure this will work", Lang::En),
            vec!["I'm not sure"]
        );
        assert_eq!(
            hedges("Je ne suis pas sûr que ça marche", Lang::Fr),
            vec!["Je ne suis pas sûr"]
        );
    }

    #[test]
    fn a_confident_french_sentence_has_none() {
        assert!(hedges("Nous livrons votre commande demain.", Lang::Fr).is_empty());
    }
}
