//! The Learn page's catalogue of built-in checks (`extension/learn/built-in-rules.json`) stays
//! true: every "bad" example raises its rule with the core as shipped, every "good" one does
//! not, and every entry is written in English and French.

use plume::{CheckOptions, Checker, Config, Language};
use serde_json::Value;

fn catalogue() -> Vec<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/extension/learn/built-in-rules.json"
    );
    let text = std::fs::read_to_string(path).expect("the catalogue is in the repository");
    let value: Value = serde_json::from_str(&text).expect("the catalogue is JSON");
    value["rules"].as_array().expect("a rules list").clone()
}

fn rules_raised(text: &str, language: Language) -> Vec<String> {
    let config = Config {
        language,
        ..Config::default()
    };
    let checker = Checker::new(config).expect("a valid config");
    checker
        .check(text, &CheckOptions::default())
        .diagnostics
        .iter()
        .flat_map(|d| {
            d.rules()
                .map(|r| r.as_str().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_entry_is_written_in_english_and_french_in_its_category() {
    let rules = catalogue();
    assert!(rules.len() >= 15);
    for entry in &rules {
        let id = entry["rule"].as_str().expect("a rule id");
        let category = entry["category"].as_str().expect("a category");
        assert!(
            id.starts_with(&format!("{category}.")),
            "{id} is in {category}"
        );
        for ui in ["en", "fr"] {
            for field in ["title", "why"] {
                let text = entry[ui][field].as_str().unwrap_or("");
                assert!(!text.trim().is_empty(), "{id}: {ui}.{field}");
                assert!(
                    !text.contains('`') && !text.contains("%s"),
                    "{id}: {ui}.{field} is plain text"
                );
            }
        }
    }
}

#[test]
fn every_bad_example_raises_its_rule_and_every_good_one_does_not() {
    for entry in catalogue() {
        let id = entry["rule"].as_str().expect("a rule id");
        let language = entry["language"]
            .as_str()
            .map(|l| l.parse::<Language>().expect("a language code"))
            .unwrap_or(Language::Auto);
        for ui in ["en", "fr"] {
            if let Some(bad) = entry[ui]["bad"].as_str() {
                let raised = rules_raised(bad, language);
                assert!(
                    raised.iter().any(|r| r == id),
                    "{id} ({ui}) on {bad:?}: {raised:?}"
                );
            }
            if let Some(good) = entry[ui]["good"].as_str() {
                let raised = rules_raised(good, language);
                assert!(
                    !raised.iter().any(|r| r == id),
                    "{id} ({ui}) on {good:?}: {raised:?}"
                );
            }
        }
    }
}
