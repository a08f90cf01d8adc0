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
pub use inspect::{inspect, inspect_in, PackOverview, RuleOverview, TestOutcome};
pub use pack::{Pack, PackFormat, PackSource, Part, LEXICON_RULE};
pub use platform::{Platform, PlatformCounters};
pub use regex::{shared_budget_spent, with_shared_budget, BudgetUse};
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

    /// Shows every rule's message and why in `ui` where its pack translates them.
    pub fn translate(&mut self, ui: crate::locale::UiLanguage) {
        for pack in &mut self.packs {
            for rule in &mut pack.rules {
                rule.translate(ui);
            }
        }
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
    /// `platform`); returns the platform counters when a platform is set. The same as
    /// [`Guide::check_line`] on each line, then [`Guide::check_draft`]. Every pattern search of
    /// one check shares [`check_budget`] steps, so many slow rules cannot add up to minutes.
    pub fn check(
        &self,
        text: &str,
        tokens: &[Token],
        language: Language,
        platform: Option<Platform>,
        categories: &dyn Fn(Category) -> bool,
        out: &mut Vec<Finding>,
    ) -> Option<PlatformCounters> {
        regex::with_shared_budget(check_budget(text.len()), || {
            if categories(Category::Guideline) {
                for (start, line, line_tokens) in
                    crate::text::lines::split_tokens_by_line(text, tokens)
                {
                    let found = self.check_line(line, &line_tokens, language, platform);
                    crate::report::extend_shifted(out, &found, start);
                }
            }
            self.check_draft(text, tokens, language, platform, categories, out)
        })
        .0
    }

    fn active(
        &self,
        language: Language,
        platform: Option<Platform>,
    ) -> impl Iterator<Item = &Pack> {
        self.packs
            .iter()
            .filter(move |p| p.applies_to(language, platform))
    }

    /// The guideline findings of one line (with its tokens) that depend on that line alone:
    /// the rules of the packs that apply which run line by line ([`Part::Lines`]).
    pub fn check_line(
        &self,
        line: &str,
        tokens: &[Token],
        language: Language,
        platform: Option<Platform>,
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        for pack in self.active(language, platform) {
            let doc = engine::Document::draft(line, tokens.to_vec(), pack.is_french());
            pack.check_part(&doc, Part::Lines, &mut out);
        }
        out
    }

    /// The rules that weigh the whole draft (category `guideline`, [`Part::Draft`]) and
    /// the platform profile (category `platform`); returns the platform counters when a
    /// platform is set. Reads nothing when no active pack has such rules and no platform is set.
    pub fn check_draft(
        &self,
        text: &str,
        tokens: &[Token],
        language: Language,
        platform: Option<Platform>,
        categories: &dyn Fn(Category) -> bool,
        out: &mut Vec<Finding>,
    ) -> Option<PlatformCounters> {
        let active: Vec<&Pack> = if categories(Category::Guideline) {
            self.active(language, platform)
                .filter(|p| p.has_draft_rules())
                .collect()
        } else {
            Vec::new()
        };
        if active.is_empty() && platform.is_none() {
            return None;
        }
        let french = language == Language::Fr;
        let doc = engine::Document::draft(text, tokens.to_vec(), french);
        for pack in active {
            if pack.is_french() != french {
                let own = engine::Document::draft(text, tokens.to_vec(), pack.is_french());
                pack.check_part(&own, Part::Draft, out);
            } else {
                pack.check_part(&doc, Part::Draft, out);
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

    /// Whether no pack is active (the checker then skips the guide's passes).
    pub fn is_empty(&self) -> bool {
        self.packs.is_empty()
    }
}
/// Pattern steps all the packs may take together on a draft of `text_len` bytes: ten single
/// searches' worth for a post, and a few hundred steps a byte for a long draft (the shipped
/// packs take a few dozen).
pub fn check_budget(text_len: usize) -> usize {
    10_000_000 + 400 * text_len
}

/// The document the engine runs pack rules on, for tests outside the guide.
#[cfg(test)]
pub(crate) fn engine_document<'a>(
    text: &'a str,
    tokens: &[Token],
    french: bool,
) -> engine::Document<'a> {
    engine::Document::draft(text, tokens.to_vec(), french)
}

#[cfg(test)]
mod tests;
