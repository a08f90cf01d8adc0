//! French words written without their accents, capitals included, are flagged with the accented
//! form first; a common word is never "corrected" into a rarer one. Sentences written for this
//! test.

use plume::{Category, CheckOptions, Checker, Config, Language, UiLanguage};

fn accent_fixes(text: &str, ui: UiLanguage) -> Vec<(String, String, String)> {
    let checker = Checker::new(Config {
        ui_language: ui,
        ..Config::default()
    })
    .expect("the default configuration is valid");
    let options = CheckOptions {
        language: Some(Language::Auto),
        categories: Some(vec![Category::Spelling]),
        ..CheckOptions::default()
    };
    checker
        .check(text, &options)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule.as_str() == "spelling.accent")
        .map(|d| {
            (
                text[d.span.start..d.span.end].to_string(),
                d.suggestions.first().cloned().unwrap_or_default(),
                d.message,
            )
        })
        .collect()
}

fn fixes(text: &str) -> Vec<(String, String)> {
    accent_fixes(text, UiLanguage::English)
        .into_iter()
        .map(|(word, fix, _)| (word, fix))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn missing_accents_are_flagged_with_the_accented_form_first() {
    assert_eq!(
        fixes("Ca va etre genial, on a hâte de vous voir"),
        pairs(&[("Ca", "Ça"), ("etre", "être"), ("genial", "génial")])
    );
    assert_eq!(
        fixes("A tres vite pour la suite 🎉"),
        pairs(&[("A", "À"), ("tres", "très")])
    );
    assert_eq!(
        fixes("Etat des lieux de notre équipe, a bientot @lea"),
        pairs(&[("Etat", "État"), ("bientot", "bientôt")])
    );
    assert_eq!(
        fixes("Merci pour votre message, Ecrivez-nous en privé"),
        pairs(&[("Ecrivez-nous", "Écrivez-nous")])
    );
}

#[test]
fn a_wrong_accent_is_replaced_by_the_right_one() {
    assert_eq!(
        fixes("Merci, c'est trés gentil de votre part"),
        pairs(&[("trés", "très")])
    );
}

#[test]
fn common_words_are_never_corrected_into_rarer_ones() {
    for text in [
        "Tu viens ou pas ? Il a dit oui mais la date change",
        "Le plan A ou le plan B, on verra demain",
        "A été annoncé hier soir dans la presse",
        "Nous sommes la pour vous aider",
    ] {
        assert_eq!(fixes(text), Vec::<(String, String)>::new(), "{text}");
    }
}

#[test]
fn the_accent_message_is_written_in_the_interface_language() {
    let found = accent_fixes("On se voit tres vite", UiLanguage::French);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].2, "« tres » prend un accent : « très »");
    let found = accent_fixes("On se voit tres vite", UiLanguage::English);
    assert_eq!(found[0].2, "“tres” needs its accent: “très”");
}
