//! The tone summary a report carries: the scores of each dimension for the draft and for each
//! sentence, the sentiment label, one word for the extension's tone chip, and what the chip's
//! panel explains: the phrases that pull each score and the brand's target.

use serde::{Deserialize, Serialize};

use crate::report::{Span, Utf16Span};

use super::sentiment::Polarity;

/// The tone scores of a draft or a sentence. Sentiment is −1…1; the others 0…1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ToneScores {
    pub sentiment: f32,
    pub formality: f32,
    pub aggression: f32,
    /// 0 clean, 0.5 likely profane word, 1 surely profane word.
    pub profanity: f32,
    /// Share of letters written in shouted runs of capitals.
    pub shouting: f32,
    pub excitement: f32,
    pub hype: f32,
    pub hedging: f32,
    /// Inconsiderate terms found, saturating: 0 none, 0.63 one, 0.86 two…
    pub inclusive: f32,
}

/// Sentiment as the chip shows it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SentimentSummary {
    /// −1 (negative) … 1 (positive).
    pub score: f32,
    pub label: Polarity,
}

impl Default for SentimentSummary {
    fn default() -> SentimentSummary {
        SentimentSummary {
            score: 0.0,
            label: Polarity::Neutral,
        }
    }
}

/// One word for how the draft sounds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToneLabel {
    Aggressive,
    Negative,
    Excited,
    Hesitant,
    Formal,
    Friendly,
    Casual,
    #[default]
    Neutral,
}

impl ToneLabel {
    /// The label for a set of scores; hostility outranks everything, then negativity.
    pub fn of(scores: &ToneScores) -> ToneLabel {
        if scores.aggression >= 0.5 || scores.profanity >= 1.0 {
            ToneLabel::Aggressive
        } else if scores.sentiment <= -0.4 {
            ToneLabel::Negative
        } else if scores.excitement >= 0.6 || scores.shouting >= 0.3 {
            ToneLabel::Excited
        } else if scores.hedging >= 0.5 {
            ToneLabel::Hesitant
        } else if scores.formality >= 0.75 && scores.sentiment > -0.2 {
            ToneLabel::Formal
        } else if scores.sentiment >= 0.3 {
            ToneLabel::Friendly
        } else if scores.formality <= 0.35 {
            ToneLabel::Casual
        } else {
            ToneLabel::Neutral
        }
    }
}

/// The tone of one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceTone {
    /// UTF-8 byte offsets of the sentence.
    pub span: Span,
    /// UTF-16 offsets of the same range.
    pub utf16: Utf16Span,
    pub scores: ToneScores,
    pub label: ToneLabel,
}

/// The tone of a draft: what the tone chip and the CLI's JSON show.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ToneSummary {
    /// The language the tone was read in: `en` or `fr`.
    pub language: String,
    pub label: ToneLabel,
    pub sentiment: SentimentSummary,
    pub scores: ToneScores,
    pub sentences: Vec<SentenceTone>,
    /// `Some(true)` when a tone target is set and the draft meets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_target: Option<bool>,
    /// The tone target the draft was checked against (its preset resolved), when one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<super::ToneTarget>,
    /// The phrases that pull the draft's scores, strongest first within each dimension (at most
    /// [`MAX_PULLS`] per dimension), in draft order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pulls: Vec<TonePull>,
}

/// Most phrases a summary lists for one dimension.
pub const MAX_PULLS: usize = 5;

/// A phrase that pulls one of the draft's tone scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TonePull {
    /// The score it pulls, named as in [`ToneScores`] (`sentiment`, `aggression`…).
    pub dimension: String,
    /// UTF-8 byte offsets of the phrase.
    pub span: Span,
    /// UTF-16 offsets of the same range.
    pub utf16: Utf16Span,
    /// How hard and which way: a positive weight raises the score, a negative one lowers it
    /// (sentiment: the phrase's valence on VADER's −4…4 scale).
    pub weight: f32,
}
