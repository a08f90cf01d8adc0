//! The interface language: which language a diagnostic's message, why, labels and category names
//! are written in. It is separate from the draft's language ([`crate::Language`]): a French
//! community manager checking an English post reads the explanations in French.
//!
//! Every user-facing text the core writes exists in English and French. A room keeps both as a
//! [`Localized`] pair (or a rule file's `en`/`fr` fields) and picks one with
//! [`Localized::get`] when it builds a finding, from [`crate::Config::ui_language`]; a new
//! configuration builds a new checker, so no per-line cache mixes two interface languages.

use serde::{Deserialize, Serialize};

/// The language the user reads Plume's explanations in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum UiLanguage {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "fr")]
    French,
}

impl UiLanguage {
    /// The code used in settings and on the command line (`en`, `fr`).
    pub fn code(self) -> &'static str {
        match self {
            UiLanguage::English => "en",
            UiLanguage::French => "fr",
        }
    }

    /// Reads a locale tag such as `fr`, `fr-CA`, `fr_FR.UTF-8` or `en-GB`; any language other
    /// than French reads as English, the fallback of every text.
    pub fn from_locale(tag: &str) -> UiLanguage {
        let lang = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if lang == "fr" {
            UiLanguage::French
        } else {
            UiLanguage::English
        }
    }
}

/// One text in both interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized {
    pub en: &'static str,
    pub fr: &'static str,
}

impl Localized {
    pub const fn new(en: &'static str, fr: &'static str) -> Localized {
        Localized { en, fr }
    }

    /// The text in `language`.
    pub fn get(&self, language: UiLanguage) -> &'static str {
        match language {
            UiLanguage::English => self.en,
            UiLanguage::French => self.fr,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_tag_reads_as_its_language_and_anything_else_as_english() {
        assert_eq!(UiLanguage::from_locale("fr"), UiLanguage::French);
        assert_eq!(UiLanguage::from_locale("fr-CA"), UiLanguage::French);
        assert_eq!(UiLanguage::from_locale("fr_FR.UTF-8"), UiLanguage::French);
        assert_eq!(UiLanguage::from_locale("en-GB"), UiLanguage::English);
        assert_eq!(UiLanguage::from_locale("de"), UiLanguage::English);
        assert_eq!(UiLanguage::from_locale(""), UiLanguage::English);
    }

    #[test]
    fn a_localized_text_gives_the_version_asked_for() {
        let text = Localized::new("Turn off", "Désactiver");
        assert_eq!(text.get(UiLanguage::English), "Turn off");
        assert_eq!(text.get(UiLanguage::French), "Désactiver");
    }
}
