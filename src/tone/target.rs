//! The brand's tone target: the ranges a draft's tone should stay within, set by a guideline pack.
//!
//! This file only describes the target; comparing a draft with it is the tone analysis's job.

use serde::{Deserialize, Serialize};

/// An inclusive range of a tone score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreRange {
    pub min: f32,
    pub max: f32,
}

/// What a pack asks of a draft's tone. Unset fields are not checked.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ToneTarget {
    /// A named preset the other fields refine: `friendly-professional`, `playful`,
    /// `institutional`, `customer-care`.
    pub preset: Option<String>,
    /// Formality, 0 (chatty) to 1 (formal).
    pub formality: Option<ScoreRange>,
    /// Lowest acceptable sentiment, −1 to 1.
    pub min_sentiment: Option<f32>,
    /// Flag any run of capital words.
    pub no_shouting: Option<bool>,
    /// Most `!` allowed in a draft.
    pub max_exclamations: Option<u32>,
    /// Flag profanity of any severity.
    pub no_profanity: Option<bool>,
    /// Warn on hedging ("just", "I think", "maybe").
    pub warn_hedging: Option<bool>,
}
