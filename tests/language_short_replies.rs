//! Short replies — what community managers type most — are read in the right language, with or
//! without accents, with emoji, hashtags and mentions; and no word of the other language is
//! flagged in them. The sentences are written for this test.

use plume::spell::Detected;
use plume::{Category, CheckOptions, Checker, Config, Language};

const FRENCH: &[&str] = &[
    "Ca va etre genial, on a hate de vous voir",
    "Bonjour a tous",
    "Rendez-vous a Paris demain",
    "Bon week-end a tous",
    "Joyeux anniversaire !",
    "Votre colis part aujourd'hui",
    "Merci beaucoup 🙏",
    "A tres vite @marie_d !",
    "Trop hâte de tester ça 😍 #nouveauté",
    "Desole pour le retard, on regarde",
    "On vous envoie un message privé",
    "Bravo a toute l'equipe 👏",
    "Felicitations pour ce beau projet",
    "Merci pour votre retour @julien",
    "C'est noté, bonne journee !",
    "Oui bien sur, avec plaisir",
    "Je vous reponds en MP",
    "Tout est bon de notre cote",
    "Bonne soirée à vous aussi 😊",
    "Super nouvelle pour nous 🎉 #lancement",
];

const ENGLISH: &[&str] = &[
    "Thanks so much 🙏",
    "See you tomorrow @mike!",
    "Happy birthday!",
    "Your order ships today",
    "We're on it, sorry for the wait",
    "Love this 😍 #launchday",
    "Great news for everyone",
    "Just sent you a DM",
    "Can't wait to see you there",
    "Congrats to the whole team 👏",
    "Have a great weekend",
    "Got it, thanks for letting us know",
    "No worries at all",
    "Welcome aboard @sarah_k",
    "Sounds good to me",
    "Check your inbox 📬",
    "Yes of course, happy to help",
    "Our team will follow up soon",
    "Hope you enjoy it!",
    "Stay tuned for the big day #ComingSoon",
];

fn checker() -> Checker {
    Checker::new(Config {
        language: Language::Auto,
        ..Config::default()
    })
    .expect("the default configuration is valid")
}

fn spelling() -> CheckOptions {
    CheckOptions {
        categories: Some(vec![Category::Spelling]),
        ..CheckOptions::default()
    }
}

#[test]
fn short_replies_are_read_in_their_language() {
    let checker = checker();
    for (replies, expected) in [(FRENCH, Detected::French), (ENGLISH, Detected::English)] {
        for reply in replies {
            let report = checker.check(reply, &spelling());
            let decided = &report.decided_language;
            assert_eq!(decided.draft.language, expected, "{reply}");
            assert_eq!(decided.paragraphs.len(), 1, "{reply}");
            assert_eq!(decided.paragraphs[0].language, expected, "{reply}");
            assert_eq!(
                decided.paragraphs[0].utf16.end,
                reply.encode_utf16().count()
            );
        }
    }
}

#[test]
fn no_word_of_the_other_language_is_flagged_in_a_short_reply() {
    let checker = checker();
    let speller = plume::spell::Speller::new(&[], &[]);
    for (replies, other) in [(FRENCH, Language::EnUs), (ENGLISH, Language::Fr)] {
        for reply in replies {
            let report = checker.check(reply, &spelling());
            for d in report
                .diagnostics
                .iter()
                .filter(|d| d.rule.as_str() == "spelling.unknown-word")
            {
                let word = &reply[d.span.start..d.span.end];
                assert!(
                    !speller.is_known(&word.to_lowercase(), other),
                    "{word:?} flagged in {reply:?}: {}",
                    d.message
                );
            }
        }
    }
}

#[test]
fn the_page_language_decides_a_reply_without_signals() {
    let checker = checker();
    for (prior, expected) in [
        (Language::Fr, Detected::French),
        (Language::EnGb, Detected::English),
    ] {
        let options = CheckOptions {
            prior_language: Some(prior),
            ..spelling()
        };
        let report = checker.check("Top 🔥🔥 #TBT", &options);
        assert_eq!(report.decided_language.draft.language, expected);
    }
}

#[test]
fn each_paragraph_of_a_bilingual_draft_has_its_language_and_variety() {
    let draft = "Our new colour range is here 🎨 and we love it\n\nNotre nouvelle gamme de couleurs est arrivée, on l'adore";
    let report = checker().check(draft, &spelling());
    let decided = &report.decided_language;
    let languages: Vec<_> = decided
        .paragraphs
        .iter()
        .map(|p| (p.language, p.variety.map(Language::code)))
        .collect();
    assert_eq!(
        languages,
        [
            (Detected::English, Some("en-GB")),
            (Detected::French, Some("fr"))
        ]
    );
    let second = &decided.paragraphs[1];
    assert_eq!(
        &draft[second.span.start..second.span.end],
        draft.lines().nth(2).unwrap_or("")
    );
}

#[test]
fn a_configured_language_is_reported_as_configured() {
    let options = CheckOptions {
        language: Some(Language::EnGb),
        ..spelling()
    };
    let report = checker().check("Bonjour a tous", &options);
    let json = serde_json::to_value(&report.decided_language).expect("serialisable");
    assert_eq!(json["draft"]["language"], "en");
    assert_eq!(json["draft"]["variety"], "en-GB");
    assert_eq!(json["draft"]["basis"], "configured");
}
