//! Hedging: words that soften a claim until it sounds unsure (`just`, `I think`, `maybe`,
//! `peut-être`, `je pense`). Only a tone target that asks for it turns hedges into diagnostics;
//! the suggestion drops the hedge.

use super::draft::Draft;
use super::{cues, saturate, Hit};

/// The hedging reading.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hedging {
    pub draft: f32,
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
    out.draft = saturate(sums.iter().sum());
    out.sentences = sums.into_iter().map(saturate).collect();
    out
}
