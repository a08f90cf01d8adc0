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
pub mod guide;
mod incremental;
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
    guide: guide::Guide,
    /// Line-local results of earlier checks, reused when a line comes back unchanged.
    lines: incremental::LineCache,
}

impl Checker {
    /// Validates `config` and prepares the dictionaries and rules it names.
    pub fn new(config: Config) -> Result<Checker, ConfigError> {
        config.validate()?;
        let guide = guide::Guide::from_sources(&config.packs).map_err(ConfigError::Pack)?;
        // Brand names come from the config and from the active packs' lexicons.
        let mut brand_lexicon = config.brand_lexicon.clone();
        brand_lexicon.extend(guide.lexicon());
        let speller = Speller::new(&config.personal_dictionary, &brand_lexicon);
        Ok(Checker {
            config,
            speller,
            guide,
            lines: incremental::LineCache::default(),
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
        self.lines.clear();
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
        let language = options.language.unwrap_or(self.config.language);
        if options.wants(Category::Spelling) {
            if language == Language::Auto {
                // Which language a line is in depends on the whole draft: no reuse.
                self.speller
                    .check_in(text, &tokens, language, &mut findings);
            } else {
                self.lines.by_line(
                    text,
                    &tokens,
                    language,
                    &mut findings,
                    |line, tokens, out| self.speller.check_in(line, tokens, language, out),
                );
            }
        }
        let mut tone_summary = tone::ToneSummary::default();
        if options.wants(Category::Tone) {
            // The configured target wins; otherwise that of the first pack for this language.
            let target =
                (self.config.tone_target.as_ref()).or_else(|| self.guide.tone_target_for(language));
            tone_summary = tone::check_tone(text, &tokens, language, target, &mut findings);
        }
        let platform_counters = self.guide.check(
            text,
            &tokens,
            language,
            options.platform,
            &|c| options.wants(c),
            &mut findings,
        );
        findings.retain(|f| {
            !self
                .config
                .disabled_rules
                .iter()
                .any(|r| r == f.rule.as_str())
        });
        let words = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
        let mut report = Report::from_findings(text, findings, words);
        report.tone = tone_summary;
        report.platform = platform_counters;
        if options.wants(Category::Spelling) {
            report.missing_dictionaries =
                self.speller.missing_dictionaries(text, &tokens, language);
        }
        report
    }
}
