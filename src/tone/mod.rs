//! Tone: how a draft sounds, and which words make it sound that way.
//!
//! The walking skeleton has one rule, shouting: a run of ALL-CAPS words. The tone issue adds
//! scored dimensions (sentiment, formality, aggression…) and the brand's tone target.

mod shouting;

pub use shouting::check_shouting;

mod target;

pub use target::{ScoreRange, ToneTarget};
