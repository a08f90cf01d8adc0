//! What a checker is built with (`Config`) and what one check asks for (`CheckOptions`).
//!
//! Configuration is validated once, in `Checker::new`; a bad value is a typed `ConfigError`
//! that names what was wrong, never a panic and never a silently ignored setting.

use serde::{Deserialize, Serialize};

use crate::report::Category;
use crate::tone::{ToneTarget, ToneTargetError};

/// A draft's language. `Auto` decides from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en-US")]
    EnUs,
    #[serde(rename = "en-GB")]
    EnGb,
    #[serde(rename = "fr")]
    Fr,
    #[serde(rename = "auto")]
    Auto,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::EnUs => "en-US",
            Language::EnGb => "en-GB",
            Language::Fr => "fr",
            Language::Auto => "auto",
        }
    }
}

impl std::str::FromStr for Language {
    type Err = ConfigError;

    fn from_str(s: &str) -> Result<Language, ConfigError> {
        match s.to_ascii_lowercase().as_str() {
            "en" | "en-us" | "en_us" => Ok(Language::EnUs),
            "en-gb" | "en_gb" => Ok(Language::EnGb),
            "fr" | "fr-fr" | "fr_fr" => Ok(Language::Fr),
            "auto" => Ok(Language::Auto),
            _ => Err(ConfigError::UnknownLanguage(s.to_string())),
        }
    }
}

/// Everything a `Checker` is built with. Every field has a sensible default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Default language of drafts.
    pub language: Language,
    /// Words the user added; they are never flagged as misspelled.
    pub personal_dictionary: Vec<String>,
    /// Rule ids turned off, e.g. `tone.shouting`.
    pub disabled_rules: Vec<String>,
    /// The brand's tone target (filled from the active guideline pack); `None` checks no target.
    pub tone_target: Option<ToneTarget>,
    /// Guideline packs to apply, as text (YAML or JSON); compiled by `Checker::new`.
    pub packs: Vec<crate::guide::PackSource>,
    /// Brand and product names in their canonical spelling (`iPhone`, `LinkedIn`): never
    /// flagged, and other capitalisations are corrected. Filled from the guideline pack.
    pub brand_lexicon: Vec<String>,
    /// The language messages, whys and labels are written in (not the draft's language).
    pub ui_language: crate::locale::UiLanguage,
}

/// Options for one check.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckOptions {
    /// Overrides the configured language for this draft.
    pub language: Option<Language>,
    /// Only these categories run; `None` runs all.
    pub categories: Option<Vec<Category>>,
    /// The network the draft is for (limits, counters); `None` checks no platform rules.
    pub platform: Option<crate::guide::Platform>,
    /// `false` leaves the tone summary's per-sentence list empty (the draft's scores and label
    /// stay): a long draft has a hundred sentences, and a caller that shows none of them saves
    /// building them into JavaScript objects at every check. `None` lists them.
    pub sentence_tones: Option<bool>,
    /// In `auto`, the language a draft probably is before reading it (the page's `lang`, the
    /// user's last draft): it tips a draft whose signals are weak or tied, and decides one
    /// without any (`Super 🎉`). `auto` here is no prior.
    pub prior_language: Option<Language>,
}

impl CheckOptions {
    pub fn wants(&self, category: Category) -> bool {
        self.categories
            .as_ref()
            .is_none_or(|list| list.contains(&category))
    }
}

/// Why a configuration was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    UnknownLanguage(String),
    /// A personal-dictionary entry that cannot be a word (empty, white space inside, too long).
    InvalidDictionaryWord {
        index: usize,
        word: String,
        reason: &'static str,
    },
    /// A disabled rule id that is not `category.name`.
    InvalidRuleId {
        index: usize,
        rule: String,
    },
    /// The tone target names an unknown preset or a range off its scale.
    InvalidToneTarget(ToneTargetError),
    /// A guideline pack was refused (syntax, invalid rule, failing embedded test…).
    Pack(crate::guide::PackError),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::UnknownLanguage(s) => {
                write!(f, "unknown language {s:?}: use en-US, en-GB, fr or auto")
            }
            ConfigError::InvalidDictionaryWord {
                index,
                word,
                reason,
            } => write!(
                f,
                "personal dictionary entry {} ({word:?}) {reason}",
                index + 1
            ),
            ConfigError::InvalidRuleId { index, rule } => write!(
                f,
                "disabled rule {} ({rule:?}) is not a rule id such as \"tone.shouting\"",
                index + 1
            ),
            ConfigError::InvalidToneTarget(e) => e.fmt(f),
            ConfigError::Pack(e) => write!(f, "guideline pack refused: {e}"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Longest accepted personal-dictionary entry, in bytes.
pub const MAX_WORD_BYTES: usize = 64;

impl Config {
    /// Checks every field; the first problem found is returned.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for (index, word) in self.personal_dictionary.iter().enumerate() {
            let reason = if word.trim().is_empty() {
                Some("is empty")
            } else if word.chars().any(char::is_whitespace) {
                Some("contains white space")
            } else if word.len() > MAX_WORD_BYTES {
                Some("is longer than 64 bytes")
            } else {
                None
            };
            if let Some(reason) = reason {
                return Err(ConfigError::InvalidDictionaryWord {
                    index,
                    word: word.clone(),
                    reason,
                });
            }
        }
        for (index, rule) in self.disabled_rules.iter().enumerate() {
            let valid = rule.split_once('.').is_some_and(|(c, n)| {
                !c.is_empty()
                    && !n.is_empty()
                    && rule
                        .chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '_'))
            });
            if !valid {
                return Err(ConfigError::InvalidRuleId {
                    index,
                    rule: rule.clone(),
                });
            }
        }
        if let Some(target) = &self.tone_target {
            target.validate().map_err(ConfigError::InvalidToneTarget)?;
        }
        Ok(())
    }
}
