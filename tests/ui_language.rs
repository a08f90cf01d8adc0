//! Messages in the user's interface language: the core's own (spelling) and a pack's rules
//! with translations; a pack written in one language is shown as written.

use plume::guide::{PackFormat, PackSource};
use plume::{Category, CheckOptions, Checker, Config, Language, UiLanguage};

const PACK: &str = "name: maison\nlanguage: fr\nrules:\n  PasDeSynergie:\n    extends: existence\n    message: \"Évitez « %s ».\"\n    why: Le jargon cache ce que nous voulons dire.\n    tokens: [synergie]\n    translations:\n      en:\n        message: \"Avoid '%s'.\"\n        why: Jargon hides what we mean.\n  SansTraduction:\n    extends: existence\n    message: \"Pas de « %s ».\"\n    tokens: [disruptif]\n";

fn messages(text: &str, ui: UiLanguage, category: Category) -> Vec<(String, String)> {
    let checker = Checker::new(Config {
        ui_language: ui,
        packs: vec![PackSource {
            name: "maison.yml".into(),
            format: PackFormat::Yaml,
            text: PACK.into(),
        }],
        ..Config::default()
    })
    .expect("the pack loads");
    let options = CheckOptions {
        language: Some(Language::Auto),
        categories: Some(vec![category]),
        ..CheckOptions::default()
    };
    checker
        .check(text, &options)
        .diagnostics
        .into_iter()
        .map(|d| (d.message, d.why))
        .collect()
}

#[test]
fn a_translated_pack_rule_speaks_the_readers_language_and_an_untranslated_one_is_as_written() {
    let text = "Une vraie synergie, un produit disruptif";
    let french = messages(text, UiLanguage::French, Category::Guideline);
    assert_eq!(
        french,
        [
            (
                "Évitez « synergie ».".to_string(),
                "Le jargon cache ce que nous voulons dire.".to_string()
            ),
            (
                "Pas de « disruptif ».".to_string(),
                "Pas de « disruptif ».".to_string()
            ),
        ]
    );
    let english = messages(text, UiLanguage::English, Category::Guideline);
    assert_eq!(english[0].0, "Avoid 'synergie'.");
    assert_eq!(english[0].1, "Jargon hides what we mean.");
    assert_eq!(english[1].0, "Pas de « disruptif ».");
}

#[test]
fn spelling_messages_follow_the_interface_language() {
    let english = messages("See you tomorow", UiLanguage::English, Category::Spelling);
    let french = messages("See you tomorow", UiLanguage::French, Category::Spelling);
    assert_eq!(english[0].0, "“tomorow” may be misspelled");
    assert_eq!(french[0].0, "« tomorow » est peut-être mal orthographié");
    assert!(french[0].1.contains("dictionnaire"), "{}", french[0].1);
}

#[test]
fn every_shipped_pack_rule_has_both_languages() {
    for (name, _) in plume::guide::SHIPPED {
        let source = plume::guide::shipped_pack(name).expect("a shipped pack");
        let pack = plume::guide::Pack::from_source(&source).expect("it loads");
        for rule in &pack.rules {
            let other = if pack.language.as_deref() == Some("fr") {
                "en"
            } else {
                "fr"
            };
            let translation = rule.translations.get(other);
            assert!(
                translation.is_some_and(|t| t.message.is_some() && t.why.is_some()),
                "{name}: rule {} has no {other} message and why",
                rule.name
            );
        }
    }
}
