//! Plume's checking core: spelling, tone and brand-guideline checks for social posts.
//!
//! This file is the one public API — [`Checker`], [`Config`], [`CheckOptions`], [`Report`] —
//! and holds no checking logic itself: it tokenizes once and hands the tokens to each room.
//!
//! ```
//! use plume::{Checker, Config, CheckOptions};
//!
//! let checker = Checker::new(Config::default()).unwrap();
//! let report = checker.check("Teh launch is tomorow", &CheckOptions::default());
//! assert_eq!(report.diagnostics[0].rule.as_str(), "spelling.unknown-word");
//! assert_eq!(report.diagnostics[0].suggestions[0], "The");
//! ```

mod cache;
pub mod config;
pub mod grammar;
pub mod guide;
pub mod locale;
mod pipeline;
pub mod report;
pub mod spell;
pub mod text;
pub mod tone;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use config::{CheckOptions, Config, ConfigError, Language};
pub use locale::{Localized, UiLanguage};
pub use report::{
    Category, Diagnostic, Reason, Report, RuleId, Severity, Span, Summary, Utf16Span,
};

pub use spell::DictionaryError;
use spell::Speller;

/// A configured checker. Build it once; `check` is cheap and never fails.
#[derive(Debug, Clone)]
pub struct Checker {
    config: Config,
    speller: Speller,
    guide: guide::Guide,
    /// Per-line results of earlier checks, reused when a line comes back unchanged.
    caches: pipeline::Caches,
}

impl Checker {
    /// Validates `config` and prepares the dictionaries and rules it names.
    pub fn new(config: Config) -> Result<Checker, ConfigError> {
        config.validate()?;
        let mut guide = guide::Guide::from_sources(&config.packs).map_err(ConfigError::Pack)?;
        guide.translate(config.ui_language);
        // Brand names come from the config and from the active packs' lexicons.
        let mut brand_lexicon = config.brand_lexicon.clone();
        brand_lexicon.extend(guide.lexicon());
        let mut speller = Speller::new(&config.personal_dictionary, &brand_lexicon);
        speller.set_ui_language(config.ui_language);
        Ok(Checker {
            config,
            speller,
            guide,
            caches: pipeline::Caches::default(),
        })
    }

    /// The active guideline packs (their lexicons and tone targets are read from here).
    pub fn guide(&self) -> &guide::Guide {
        &self.guide
    }

    /// Loads a dictionary file at run time (French in the browser: `fr.dict`, written by the
    /// `plume-dictionary` command); until then French paragraphs are not spell-checked.
    pub fn load_dictionary(
        &mut self,
        language: Language,
        bytes: &[u8],
    ) -> Result<(), DictionaryError> {
        self.caches.clear();
        self.speller.load_dictionary(language, bytes)
    }

    /// Keeps the dictionaries `previous` loaded at run time (after a reconfiguration).
    pub fn carry_dictionaries_from(&mut self, previous: &Checker) {
        self.caches.clear();
        self.speller.carry_dictionaries_from(&previous.speller);
    }

    /// The configuration this checker was built with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks `text` and returns every diagnostic, sorted by position. Lines seen in an earlier
    /// check (of any draft) are not checked again: their results are reused.
    pub fn check(&self, text: &str, options: &CheckOptions) -> Report {
        pipeline::check(self, text, options)
    }
}
