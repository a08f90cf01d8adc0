//! The brand's tone target: the ranges a draft's tone should stay within, set by a guideline pack,
//! and the named presets a pack can start from.
//!
//! A target is data; `diagnostics` compares a draft with it. A pack sets `preset` and refines it
//! with explicit fields, which always win over the preset's values.

use serde::{Deserialize, Serialize};

/// An inclusive range of a tone score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreRange {
    pub min: f32,
    pub max: f32,
}

impl ScoreRange {
    pub fn contains(&self, x: f32) -> bool {
        self.min <= x && x <= self.max
    }
}

/// How a pack wants French inclusive writing (`écriture inclusive`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FrenchInclusive {
    /// Inclusive forms use the median dot: `salarié·es`, not `salarié.e.s` or `salarié(e)s`.
    MedianDot,
    /// No abbreviated inclusive forms (`salarié·es`): write both words or an epicene noun.
    Avoid,
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
    /// Highest acceptable hype score, 0 to 1 (superlatives, clickbait).
    pub max_hype: Option<f32>,
    /// Highest acceptable aggression score, 0 to 1.
    pub max_aggression: Option<f32>,
    /// French inclusive writing: the house style for `salarié·es`-style forms.
    pub french_inclusive: Option<FrenchInclusive>,
}

/// `x` with two decimals (`-0.25`, `0.40`), without pulling float formatting into the wasm.
pub(crate) fn two_decimals(x: f32) -> String {
    let hundredths = (x * 100.0).round() as i32;
    let sign = if hundredths < 0 { "-" } else { "" };
    let n = hundredths.unsigned_abs();
    format!("{sign}{}.{:02}", n / 100, n % 100)
}

/// The preset names a pack may use.
pub const PRESETS: [&str; 4] = [
    "friendly-professional",
    "playful",
    "institutional",
    "customer-care",
];

/// Why a tone target was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToneTargetError {
    UnknownPreset(String),
    /// A range whose bounds are reversed or outside the score's scale (bounds as written).
    BadRange {
        field: &'static str,
        min: String,
        max: String,
    },
    /// A single bound outside the score's scale (as written).
    OutOfScale {
        field: &'static str,
        value: String,
    },
}

impl std::fmt::Display for ToneTargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ToneTargetError::UnknownPreset(name) => write!(
                f,
                "unknown tone preset {name:?}: use one of {}",
                PRESETS.join(", ")
            ),
            ToneTargetError::BadRange { field, min, max } => write!(
                f,
                "tone target {field} range {min}..{max} is invalid: use 0 ≤ min ≤ max ≤ 1"
            ),
            ToneTargetError::OutOfScale { field, value } => {
                write!(f, "tone target {field} = {value} is outside its scale")
            }
        }
    }
}

impl std::error::Error for ToneTargetError {}

fn preset(name: &str) -> Option<ToneTarget> {
    let range = |min, max| Some(ScoreRange { min, max });
    let t = match name {
        // A brand talking to customers in public: never negative, clean, one `!` at most.
        "friendly-professional" => ToneTarget {
            formality: range(0.4, 0.9),
            min_sentiment: Some(-0.15),
            no_shouting: Some(true),
            max_exclamations: Some(1),
            no_profanity: Some(true),
            max_aggression: Some(0.3),
            ..ToneTarget::default()
        },
        // A lifestyle or gaming account: chatty and excited is fine, hostility is not.
        "playful" => ToneTarget {
            formality: range(0.0, 0.75),
            min_sentiment: Some(-0.2),
            no_shouting: Some(false),
            max_exclamations: Some(3),
            no_profanity: Some(true),
            max_aggression: Some(0.4),
            ..ToneTarget::default()
        },
        // Serious news and public bodies: sober, no exclamation, no hype, no hedging.
        "institutional" => ToneTarget {
            formality: range(0.55, 1.0),
            no_shouting: Some(true),
            max_exclamations: Some(0),
            no_profanity: Some(true),
            warn_hedging: Some(true),
            max_hype: Some(0.3),
            max_aggression: Some(0.2),
            ..ToneTarget::default()
        },
        // Replies to customers: calm, kind, confident.
        "customer-care" => ToneTarget {
            formality: range(0.45, 0.95),
            min_sentiment: Some(-0.15),
            no_shouting: Some(true),
            max_exclamations: Some(1),
            no_profanity: Some(true),
            warn_hedging: Some(true),
            max_aggression: Some(0.15),
            ..ToneTarget::default()
        },
        _ => return None,
    };
    Some(ToneTarget {
        preset: Some(name.to_string()),
        ..t
    })
}

impl ToneTarget {
    /// The target with its preset's values filled in where the pack left a field unset.
    pub fn resolved(&self) -> ToneTarget {
        let Some(base) = self.preset.as_deref().and_then(preset) else {
            return self.clone();
        };
        ToneTarget {
            preset: self.preset.clone(),
            formality: self.formality.or(base.formality),
            min_sentiment: self.min_sentiment.or(base.min_sentiment),
            no_shouting: self.no_shouting.or(base.no_shouting),
            max_exclamations: self.max_exclamations.or(base.max_exclamations),
            no_profanity: self.no_profanity.or(base.no_profanity),
            warn_hedging: self.warn_hedging.or(base.warn_hedging),
            max_hype: self.max_hype.or(base.max_hype),
            max_aggression: self.max_aggression.or(base.max_aggression),
            french_inclusive: self.french_inclusive.or(base.french_inclusive),
        }
    }

    /// Checks the preset name and that every bound is on its score's scale.
    pub fn validate(&self) -> Result<(), ToneTargetError> {
        if let Some(name) = &self.preset {
            if preset(name).is_none() {
                return Err(ToneTargetError::UnknownPreset(name.clone()));
            }
        }
        if let Some(r) = self.formality {
            if !(0.0..=1.0).contains(&r.min) || !(0.0..=1.0).contains(&r.max) || r.min > r.max {
                return Err(ToneTargetError::BadRange {
                    field: "formality",
                    min: two_decimals(r.min),
                    max: two_decimals(r.max),
                });
            }
        }
        let scaled = [
            ("min_sentiment", self.min_sentiment, -1.0..=1.0),
            ("max_hype", self.max_hype, 0.0..=1.0),
            ("max_aggression", self.max_aggression, 0.0..=1.0),
        ];
        for (field, value, scale) in scaled {
            if let Some(value) = value.filter(|v| !scale.contains(v)) {
                return Err(ToneTargetError::OutOfScale {
                    field,
                    value: two_decimals(value),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_preset_fills_unset_fields_and_explicit_fields_win() {
        let target = ToneTarget {
            preset: Some("friendly-professional".into()),
            max_exclamations: Some(2),
            ..ToneTarget::default()
        };
        let resolved = target.resolved();
        assert_eq!(resolved.max_exclamations, Some(2));
        assert_eq!(resolved.no_profanity, Some(true));
        assert_eq!(resolved.formality.map(|r| r.min), Some(0.4));
    }

    #[test]
    fn every_preset_exists_and_validates() {
        for name in PRESETS {
            let t = ToneTarget {
                preset: Some(name.into()),
                ..ToneTarget::default()
            };
            assert_eq!(t.validate(), Ok(()), "{name}");
            assert!(t.resolved().formality.is_some(), "{name}");
        }
    }

    #[test]
    fn an_unknown_preset_or_a_reversed_range_is_refused_with_a_reason() {
        let t = ToneTarget {
            preset: Some("corporate".into()),
            ..ToneTarget::default()
        };
        let err = t.validate().unwrap_err();
        assert!(err.to_string().contains("friendly-professional"));
        let t = ToneTarget {
            formality: Some(ScoreRange { min: 0.8, max: 0.2 }),
            ..ToneTarget::default()
        };
        assert!(matches!(
            t.validate(),
            Err(ToneTargetError::BadRange { .. })
        ));
    }

    #[test]
    fn scores_print_with_two_decimals() {
        assert_eq!(two_decimals(0.4), "0.40");
        assert_eq!(two_decimals(-0.256), "-0.26");
        assert_eq!(two_decimals(1.0), "1.00");
    }

    #[test]
    fn a_target_reads_from_pack_json() {
        let json = r#"{"preset":"playful","min_sentiment":0.1,"french_inclusive":"median-dot"}"#;
        let t: ToneTarget = serde_json::from_str(json).unwrap();
        assert_eq!(t.french_inclusive, Some(FrenchInclusive::MedianDot));
        assert_eq!(t.resolved().max_exclamations, Some(3));
    }
}
