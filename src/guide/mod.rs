//! Brand guideline packs: Vale-compatible rules, social rules and platform profiles.
//!
//! A [`Pack`] is loaded from YAML or JSON text ([`Pack::from_yaml_str`],
//! [`Pack::from_json_str`]), validated, and refused unless its embedded tests pass. The
//! [`Guide`] holds the active packs and runs them on each draft; [`platform`] counts a draft
//! the way each network does. `vale` (native only) runs real Vale styles over a folder.

mod engine;
pub mod error;
mod inspect;
mod metric;
mod pack;
mod pattern;
pub mod platform;
mod regex;
mod rule;
mod shipped;
mod social;
mod spec;
#[cfg(not(target_arch = "wasm32"))]
pub mod vale;

pub use error::{PackError, PackErrorKind};
pub use inspect::{inspect, PackOverview, RuleOverview, TestOutcome};
pub use pack::{Pack, PackFormat, PackSource, LEXICON_RULE};
pub use platform::{Platform, PlatformCounters};
pub use regex::BudgetUse;
pub use rule::RULE_TYPES;
pub use shipped::{shipped_pack, SHIPPED};

use crate::config::Language;
use crate::report::{Category, Finding};
use crate::text::Token;

/// The active packs of a checker.
#[derive(Debug, Clone, Default)]
pub struct Guide {
    packs: Vec<Pack>,
}

impl Guide {
    /// Loads every source; the first refused pack is the error.
    pub fn from_sources(sources: &[PackSource]) -> Result<Guide, PackError> {
        let packs = sources
            .iter()
            .map(Pack::from_source)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Guide { packs })
    }

    pub fn packs(&self) -> &[Pack] {
        &self.packs
    }

    /// Every lexicon term of the active packs (for the speller).
    pub fn lexicon(&self) -> Vec<String> {
        self.packs
            .iter()
            .flat_map(|p| p.lexicon.iter().cloned())
            .collect()
    }

    /// The first active pack's tone target (for the tone analysis).
    pub fn tone_target(&self) -> Option<&crate::tone::ToneTarget> {
        self.packs.iter().find_map(Pack::tone_target)
    }

    /// The tone target of the first pack that applies to a draft in `language` (so a French
    /// draft gets `acme-fr`'s target when both `acme` and `acme-fr` are active).
    pub fn tone_target_for(&self, language: Language) -> Option<&crate::tone::ToneTarget> {
        self.packs
            .iter()
            .filter(|p| p.applies_to(language, None))
            .find_map(Pack::tone_target)
    }

    /// Runs the packs that apply (category `guideline`) and the platform profile (category
    /// `platform`); returns the platform counters when a platform is set.
    pub fn check(
        &self,
        text: &str,
        tokens: &[Token],
        language: Language,
        platform: Option<Platform>,
        categories: &dyn Fn(Category) -> bool,
        out: &mut Vec<Finding>,
    ) -> Option<PlatformCounters> {
        self.check_counted(text, tokens, language, platform, categories, out)
            .0
    }

    /// [`Guide::check`], with the pattern steps the packs took: every pattern search of one
    /// check shares [`check_budget`] steps, so many slow rules cannot add up to minutes.
    pub fn check_counted(
        &self,
        text: &str,
        tokens: &[Token],
        language: Language,
        platform: Option<Platform>,
        categories: &dyn Fn(Category) -> bool,
        out: &mut Vec<Finding>,
    ) -> (Option<PlatformCounters>, regex::BudgetUse) {
        regex::with_shared_budget(check_budget(text.len()), || {
            self.run_packs(text, tokens, language, platform, categories, out)
        })
    }

    fn run_packs(
        &self,
        text: &str,
        tokens: &[Token],
        language: Language,
        platform: Option<Platform>,
        categories: &dyn Fn(Category) -> bool,
        out: &mut Vec<Finding>,
    ) -> Option<PlatformCounters> {
        let active: Vec<&Pack> = if categories(Category::Guideline) {
            self.packs
                .iter()
                .filter(|p| p.applies_to(language, platform))
                .collect()
        } else {
            Vec::new()
        };
        if active.is_empty() && platform.is_none() {
            return None;
        }
        let french = language == Language::Fr;
        let doc = engine::Document::draft(text, tokens.to_vec(), french);
        if categories(Category::Guideline) {
            for pack in self
                .packs
                .iter()
                .filter(|p| p.applies_to(language, platform))
            {
                let doc = if pack.is_french() != french {
                    engine::Document::draft(text, tokens.to_vec(), pack.is_french())
                } else {
                    doc.clone()
                };
                pack.check(&doc, out);
            }
        }
        let platform = platform?;
        let mut platform_findings = Vec::new();
        let counters = platform::check(
            platform,
            text,
            tokens,
            &doc.sentences,
            &mut platform_findings,
        );
        if categories(Category::Platform) {
            out.extend(platform_findings);
        }
        Some(counters)
    }
}
/// Pattern steps all the packs may take together on a draft of `text_len` bytes: ten single
/// searches' worth for a post, and a few hundred steps a byte for a long draft (the shipped
/// packs take a few dozen).
pub fn check_budget(text_len: usize) -> usize {
    10_000_000 + 400 * text_len
}

#[cfg(test)]
mod tests;
