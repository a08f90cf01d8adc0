//! Over-excitement: runs of `!`, floods of emoji, stretched words (`sooooo`) and capitals.
//! A run of three `!` or more, and four emoji or more in a row, are worth a diagnostic; the rest
//! only moves the score.

use super::draft::{Draft, ItemKind};
use super::{saturate, Hit};

/// Fewest `!` in one run before a diagnostic.
pub const EXCLAMATION_RUN: usize = 3;
/// Fewest emoji in a row before a diagnostic.
pub const EMOJI_FLOOD: usize = 4;

/// The excitement reading.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Excitement {
    pub draft: f32,
    /// The draft's raw sum before saturation (drafts read by paragraph add theirs up).
    pub sum: f32,
    pub sentences: Vec<f32>,
    /// Every `!` in the draft.
    pub exclamations: usize,
    /// Runs of [`EXCLAMATION_RUN`] `!` or more, with the calmer mark as suggestion.
    pub runs: Vec<Hit>,
    /// Rows of [`EMOJI_FLOOD`] emoji or more, with the first emoji as suggestion.
    pub floods: Vec<Hit>,
}

fn stretched(word: &str) -> bool {
    let mut prev = None;
    let mut run = 0;
    for c in word.chars() {
        if Some(c) == prev {
            run += 1;
            if run >= 3 && c.is_alphabetic() {
                return true;
            }
        } else {
            prev = Some(c);
            run = 1;
        }
    }
    false
}

/// Reads the excitement of `draft`.
pub fn read(draft: &Draft) -> Excitement {
    let mut out = Excitement::default();
    let mut sums = vec![0.0f32; draft.sentences.len()];
    let mut i = 0;
    while i < draft.items.len() {
        let item = &draft.items[i];
        let s = item.sentence;
        match item.kind {
            ItemKind::Punct => {
                let bangs = item.lower.matches('!').count();
                out.exclamations += bangs;
                if bangs > 0 {
                    sums[s] += 0.2 + 0.3 * (bangs - 1) as f32;
                }
                if bangs >= EXCLAMATION_RUN {
                    let calmer = if item.lower.contains('?') { "?!" } else { "!" };
                    out.runs.push(Hit {
                        first: i,
                        last: i,
                        weight: bangs as f32,
                        suggestion: Some(calmer.into()),
                    });
                }
            }
            ItemKind::Emoji => {
                let mut j = i;
                while j + 1 < draft.items.len() && draft.items[j + 1].kind == ItemKind::Emoji {
                    j += 1;
                }
                let count = j - i + 1;
                sums[s] += 0.15 * count as f32;
                if count >= EMOJI_FLOOD {
                    out.floods.push(Hit {
                        first: i,
                        last: j,
                        weight: count as f32,
                        suggestion: Some(item.lower.to_string()),
                    });
                }
                i = j + 1;
                continue;
            }
            ItemKind::Word if !item.in_hashtag => {
                if stretched(&item.lower) {
                    sums[s] += 0.3;
                }
                if item.caps {
                    sums[s] += 0.15;
                }
            }
            _ => {}
        }
        i += 1;
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
    fn runs_of_exclamation_marks_and_emoji_floods_are_found() {
        let text = "We're SO EXCITED!!! 🎉🎉🎉🎉";
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::En);
        assert_eq!(a.excitement.runs.len(), 1);
        assert_eq!(a.excitement.floods.len(), 1);
        assert_eq!(a.excitement.exclamations, 3);
        assert!(a.excitement.draft > 0.6);
    }

    #[test]
    fn one_exclamation_mark_is_mild() {
        let text = "On se voit demain !";
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::Fr);
        assert!(a.excitement.runs.is_empty());
        assert!(a.excitement.draft < 0.3);
    }

    #[test]
    fn a_french_emoji_flood_with_exclamations_is_over_excited() {
        let text = "Trop hâte de vous retrouver !!! 😍😍😍😍";
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::Fr);
        assert_eq!(a.excitement.floods.len(), 1);
        assert!(a.excitement.draft > 0.6);
    }

    #[test]
    fn a_calm_sentence_with_one_emoji_is_not_excited() {
        let text = "Thanks for your order, it ships tomorrow 🙂";
        let a = ToneAnalysis::read(text, &tokenize(text), Lang::En);
        assert!(a.excitement.floods.is_empty());
        assert!(a.excitement.draft < 0.3);
    }
}
