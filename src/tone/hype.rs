//! Hype and clickbait: phrases that promise more than a post can deliver (`you won't believe`,
//! `à ne pas manquer`) and a pile of superlatives. Clickbait phrases earn a diagnostic;
//! superlatives only raise the score.

use super::draft::Draft;
use super::{cues, saturate, Hit};

/// The hype reading.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hype {
    pub draft: f32,
    /// The draft's raw sum before saturation (drafts read by paragraph add theirs up).
    pub sum: f32,
    pub sentences: Vec<f32>,
    pub clickbait: Vec<Hit>,
    pub superlatives: Vec<Hit>,
}

/// Reads the hype of `draft`.
pub fn read(draft: &Draft) -> Hype {
    let mut out = Hype::default();
    let mut sums = vec![0.0f32; draft.sentences.len()];
    for (_, first, last) in draft.find_phrases(cues::clickbait(draft.lang)) {
        sums[draft.items[first].sentence] += 1.0;
        out.clickbait.push(Hit {
            first,
            last,
            weight: 1.0,
            suggestion: None,
        });
    }
    for (_, first, last) in draft.find_phrases(cues::superlatives(draft.lang)) {
        if out
            .clickbait
            .iter()
            .any(|c| c.first <= first && last <= c.last)
        {
            continue;
        }
        sums[draft.items[first].sentence] += 0.3;
        out.superlatives.push(Hit {
            first,
            last,
            weight: 0.3,
            suggestion: None,
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

    #[test]
    fn clickbait_is_found_in_english_and_french() {
        let text = "You won't believe what happens next";
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::En);
        assert_eq!(a.hype.clickbait.len(), 2);
        let text = "Vous n'allez pas croire cette offre incroyable";
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::Fr);
        assert_eq!(a.hype.clickbait.len(), 1);
        assert_eq!(a.hype.superlatives.len(), 1);
    }

    #[test]
    fn a_factual_post_has_no_hype() {
        let text = "Our quarterly results are published on our website.";
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::En);
        assert_eq!(a.hype.draft, 0.0);
    }

    #[test]
    fn superlatives_push_hype_without_clickbait() {
        let text = "The best, most epic, ultimate deal ever";
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::En);
        assert!(a.hype.clickbait.is_empty());
        assert!(a.hype.draft > 0.3);
        let text = "Une offre exceptionnelle et inédite, du jamais vu";
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::Fr);
        assert_eq!(a.hype.clickbait.len(), 1);
        assert!(a.hype.draft > 0.5);
    }
}
