//! The on-disk shape of packs and rules (YAML or JSON, one schema), before validation.
//!
//! Every struct refuses unknown keys, so a typo is an error with its line, never a silently
//! ignored setting. Validation and compilation live in `rule.rs` and `pack.rs`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::tone::ToneTarget;

use super::platform::Platform;

/// A value written either as one string or as a list of strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn items(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

/// A bad/good pair shown to trainees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    #[serde(default)]
    pub bad: Option<String>,
    #[serde(default)]
    pub good: Option<String>,
}

/// Vale's `action` block (how an editor fixes an alert). Kept for compatibility.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionSpec {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub params: Option<Vec<String>>,
}

/// A rule's message and why in one more language (either may be left out: the rule's own is
/// shown then).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationSpec {
    pub message: Option<String>,
    pub why: Option<String>,
}

/// One rule as written: Vale's header, the keys of every rule type, and Plume's social keys.
/// Which keys a rule may use depends on `extends`; see `rule::allowed_keys`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    // Header (Vale).
    pub extends: Option<String>,
    pub message: Option<String>,
    pub level: Option<String>,
    pub scope: Option<OneOrMany>,
    pub link: Option<String>,
    pub limit: Option<i64>,
    pub description: Option<String>,
    pub code: Option<bool>,
    pub action: Option<ActionSpec>,
    pub vocab: Option<bool>,
    // Plume teaching keys.
    pub why: Option<String>,
    /// The message and why in other interface languages, by language code (`fr`, `en`): shown
    /// instead of `message` and `why` to a user who reads Plume in that language.
    pub translations: Option<BTreeMap<String, TranslationSpec>>,
    pub examples: Option<Vec<Example>>,
    // Matching keys (Vale types).
    pub ignorecase: Option<bool>,
    pub nonword: Option<bool>,
    pub append: Option<bool>,
    pub raw: Option<Vec<String>>,
    pub tokens: Option<Vec<String>>,
    pub exceptions: Option<Vec<String>>,
    pub swap: Option<BTreeMap<String, String>>,
    pub either: Option<BTreeMap<String, String>>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub token: Option<String>,
    pub first: Option<String>,
    pub second: Option<String>,
    #[serde(rename = "match")]
    pub match_: Option<String>,
    pub style: Option<String>,
    pub indicators: Option<Vec<String>>,
    pub formula: Option<String>,
    pub condition: Option<String>,
    /// `readability`: the grade above which it alerts, and the tests averaged.
    pub grade: Option<f64>,
    pub metrics: Option<Vec<String>>,
    pub alpha: Option<bool>,
    /// Vale `substitution`: match the replacement's case to the text (Plume always does when
    /// `ignorecase` is set).
    pub capitalize: Option<bool>,
    /// Vale `capitalization`: share of words that must follow the style (0 to 1).
    pub threshold: Option<f64>,
    /// Vale `capitalization`: a prefix pattern to skip before checking.
    pub prefix: Option<String>,
    // Social keys (Plume types).
    pub banned: Option<Vec<String>>,
    pub required: Option<Vec<String>>,
    pub camelcase: Option<bool>,
    pub position: Option<String>,
    pub allowed: Option<Vec<String>>,
    pub not_at_reply_start: Option<bool>,
    pub no_shorteners: Option<bool>,
    pub utm: Option<String>,
    pub triggers: Option<Vec<String>>,
    pub tags: Option<Vec<String>>,
}

/// One expected diagnostic of an embedded test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectSpec {
    /// The rule's name in the pack (e.g. `BannedWords`).
    pub rule: String,
    /// The exact text the diagnostic must cover.
    #[serde(default, rename = "match")]
    pub match_: Option<String>,
    /// Character offset (0-based) where the diagnostic must start.
    #[serde(default)]
    pub at: Option<usize>,
}

/// An embedded test: a text and what it must raise (`expect`), or nothing (`expect: []`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestSpec {
    pub text: String,
    #[serde(default)]
    pub expect: Vec<ExpectSpec>,
}

/// A whole pack as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackSpec {
    pub name: String,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub lexicon: Vec<String>,
    #[serde(default)]
    pub tone_target: Option<ToneTarget>,
    #[serde(default)]
    pub platforms: Vec<Platform>,
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSpec>,
    #[serde(default)]
    pub tests: Vec<TestSpec>,
}
