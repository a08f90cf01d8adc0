//! A pack described for people: its rules (type, level, message, why, link, examples), lexicon,
//! tone target and the outcome of every embedded test, for the options and Learn pages.
//!
//! Inspecting never hands a pack to a checker: a pack whose tests fail is described (so its
//! author sees every failing case) but `Pack::from_source` still refuses it.

use serde::Serialize;

use crate::report::Severity;
use crate::tone::ToneTarget;

use super::error::PackError;
use super::pack::{Pack, PackSource};
use super::platform::Platform;
use super::spec::Example;

/// What a pack contains and whether its embedded tests pass.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackOverview {
    pub name: String,
    pub version: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
    pub lexicon: Vec<String>,
    pub tone_target: Option<ToneTarget>,
    pub platforms: Vec<Platform>,
    pub rules: Vec<RuleOverview>,
    pub tests: TestOutcome,
}

/// One rule as a trainee reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleOverview {
    /// The id diagnostics carry: `pack.Rule`.
    pub id: String,
    /// The rule type (`existence`, `substitution`, `hashtags`…).
    pub kind: String,
    pub level: Severity,
    pub message: String,
    pub why: Option<String>,
    pub link: Option<String>,
    pub examples: Vec<Example>,
}

/// The embedded tests: how many passed, and why each failing case failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TestOutcome {
    pub passed: usize,
    pub failed: Vec<String>,
}

impl PackOverview {
    /// Whether the pack can be used: every embedded test passes.
    pub fn usable(&self) -> bool {
        self.tests.failed.is_empty()
    }
}

/// Parses, validates and tests a pack; a syntax or rule error (naming file, rule and line)
/// is the error, failing tests are reported in the overview.
pub fn inspect(source: &PackSource) -> Result<PackOverview, PackError> {
    inspect_with(source, None)
}

/// [`inspect`] with each rule's message and why in `ui` where the pack translates them
/// (`translations:`); as written where it does not.
pub fn inspect_in(
    source: &PackSource,
    ui: crate::locale::UiLanguage,
) -> Result<PackOverview, PackError> {
    inspect_with(source, Some(ui))
}

fn inspect_with(
    source: &PackSource,
    ui: Option<crate::locale::UiLanguage>,
) -> Result<PackOverview, PackError> {
    let mut pack = Pack::compile_untested(source)?;
    let failures = pack.embedded_test_failures(&source.text, &source.name);
    if let Some(ui) = ui {
        for rule in &mut pack.rules {
            rule.translate(ui);
        }
    }
    let rules = pack
        .rules
        .iter()
        .map(|rule| RuleOverview {
            id: format!("{}.{}", pack.name, rule.name),
            kind: rule.extends.clone(),
            level: rule.level,
            message: rule.message.clone(),
            why: rule.why.clone(),
            link: rule.link.clone(),
            examples: rule.examples.clone(),
        })
        .collect();
    Ok(PackOverview {
        tests: TestOutcome {
            passed: pack.test_count() - failures.len(),
            failed: failures.iter().map(PackError::to_string).collect(),
        },
        rules,
        name: pack.name,
        version: pack.version,
        language: pack.language,
        description: pack.description,
        lexicon: pack.lexicon,
        tone_target: pack.tone_target,
        platforms: pack.platforms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::{shipped_pack, PackFormat};

    fn yaml(name: &str, text: &str) -> PackSource {
        PackSource {
            name: name.into(),
            format: PackFormat::Yaml,
            text: text.into(),
        }
    }

    const HOUSE: &str = "name: house\nversion: \"2.1\"\nlanguage: en\nlexicon: [AcmeCloud]\nrules:\n  NoSynergy:\n    extends: existence\n    message: \"Avoid '%s'.\"\n    level: error\n    tokens: [synergy]\n    why: Jargon hides what we mean.\n    link: https://brand.example/voice\n    examples:\n      - bad: Real synergy\n        good: Real teamwork\ntests:\n  - text: Pure synergy here.\n    expect:\n      - {rule: NoSynergy, match: synergy}\n  - text: We work together.\n    expect: []\n";

    #[test]
    fn a_valid_pack_is_described_with_its_rules_and_passing_tests() {
        let overview = inspect(&yaml("house.yml", HOUSE)).unwrap();
        assert_eq!(overview.name, "house");
        assert_eq!(overview.version.as_deref(), Some("2.1"));
        assert_eq!(overview.lexicon, vec!["AcmeCloud".to_string()]);
        let rule = &overview.rules[0];
        assert_eq!(rule.id, "house.NoSynergy");
        assert_eq!(rule.kind, "existence");
        assert_eq!(rule.level, Severity::Error);
        assert_eq!(rule.why.as_deref(), Some("Jargon hides what we mean."));
        assert_eq!(rule.examples[0].good.as_deref(), Some("Real teamwork"));
        assert_eq!(overview.tests.passed, 2);
        assert!(overview.usable());
    }

    #[test]
    fn every_failing_embedded_test_is_named_while_the_loader_still_refuses_the_pack() {
        let text = HOUSE
            .replace("We work together.", "More synergy again.")
            .replace("Pure synergy here.", "Pure teamwork here.");
        let source = yaml("house.yml", &text);
        let overview = inspect(&source).unwrap();
        assert_eq!(overview.tests.passed, 0);
        assert_eq!(overview.tests.failed.len(), 2);
        assert!(overview.tests.failed[0].contains("embedded test 1"));
        assert!(overview.tests.failed[1].contains("More synergy again."));
        assert!(!overview.usable());
        assert!(Pack::from_source(&source).is_err());
    }

    #[test]
    fn malformed_yaml_is_an_error_naming_the_file_and_line() {
        let err = inspect(&yaml(
            "broken.yml",
            "name: broken\nrules:\n  A: [unclosed\n",
        ))
        .unwrap_err();
        let shown = err.to_string();
        assert!(shown.starts_with("broken.yml:"), "{shown}");
        assert!(err.line.is_some(), "{shown}");
    }

    #[test]
    fn a_json_pack_that_is_not_an_object_is_refused_on_line_one() {
        let source = PackSource {
            name: "list.json".into(),
            format: PackFormat::Json,
            text: "[1, 2]".into(),
        };
        assert_eq!(inspect(&source).unwrap_err().line, Some(1));
    }

    #[test]
    fn the_shipped_french_pack_describes_its_tone_target_and_rules() {
        let overview = inspect(&shipped_pack("acme-fr").unwrap()).unwrap();
        assert_eq!(overview.language.as_deref(), Some("fr"));
        assert!(overview.tone_target.is_some());
        assert!(overview.rules.iter().all(|r| r.id.starts_with("acme-fr.")));
        assert!(overview.usable());
    }
}
