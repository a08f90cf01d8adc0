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

pub mod config;
pub mod report;
pub mod spell;
pub mod text;
pub mod tone;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use config::{CheckOptions, Config, ConfigError, Language};
pub use report::{Category, Diagnostic, Report, RuleId, Severity, Span, Summary, Utf16Span};

pub use spell::DictionaryError;
use spell::Speller;
use text::TokenKind;

/// A configured checker. Build it once; `check` is cheap and never fails.
#[derive(Debug, Clone)]
pub struct Checker {
    config: Config,
    speller: Speller,
}

impl Checker {
    /// Validates `config` and prepares the dictionaries and rules it names.
    pub fn new(config: Config) -> Result<Checker, ConfigError> {
        config.validate()?;
        let speller = Speller::new(&config.personal_dictionary, &config.brand_lexicon);
        Ok(Checker { config, speller })
    }

    /// Loads a dictionary file at run time (French in the browser: `fr.dict`, written by the
    /// `plume-dictionary` command); until then French paragraphs are not spell-checked.
    pub fn load_dictionary(
        &mut self,
        language: Language,
        bytes: &[u8],
    ) -> Result<(), DictionaryError> {
        self.speller.load_dictionary(language, bytes)
    }

    /// Keeps the dictionaries `previous` loaded at run time (after a reconfiguration).
    pub fn carry_dictionaries_from(&mut self, previous: &Checker) {
        self.speller.carry_dictionaries_from(&previous.speller);
    }

    /// The configuration this checker was built with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks `text` and returns every diagnostic, sorted by position.
    pub fn check(&self, text: &str, options: &CheckOptions) -> Report {
        let tokens = text::tokenize(text);
        let mut findings = Vec::new();
        if options.wants(Category::Spelling) {
            let language = options.language.unwrap_or(self.config.language);
            self.speller
                .check_in(text, &tokens, language, &mut findings);
        }
        if options.wants(Category::Tone) {
            tone::check_shouting(text, &tokens, &mut findings);
        }
        findings.retain(|f| {
            !self
                .config
                .disabled_rules
                .iter()
                .any(|r| r == f.rule.as_str())
        });
        let words = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
        let mut report = Report::from_findings(text, findings, words);
        if options.wants(Category::Spelling) {
            let language = options.language.unwrap_or(self.config.language);
            report.missing_dictionaries =
                self.speller.missing_dictionaries(text, &tokens, language);
        }
        report
    }
}
