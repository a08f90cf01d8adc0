//! Pack loading, validation and every rule type, on real English and French text.

use super::*;
use crate::text::tokenize;

fn pack(yaml: &str) -> Pack {
    match Pack::from_yaml_str(yaml, "test.yml") {
        Ok(p) => p,
        Err(e) => panic!("pack refused: {e}"),
    }
}

fn refused(yaml: &str) -> PackError {
    match Pack::from_yaml_str(yaml, "test.yml") {
        Ok(_) => panic!("pack accepted"),
        Err(e) => e,
    }
}

/// `(rule id, flagged text, message)` for each finding of `pack` on `text`.
fn run(pack: &Pack, text: &str) -> Vec<(String, String, String)> {
    let doc = engine::Document::draft(text, tokenize(text), pack.is_french());
    let mut out = Vec::new();
    pack.check(&doc, &mut out);
    out.sort_by_key(|f| f.span.start);
    out.into_iter()
        .map(|f| {
            (
                f.rule.0,
                text[f.span.start..f.span.end].to_string(),
                f.message,
            )
        })
        .collect()
}

fn flagged(pack: &Pack, text: &str) -> Vec<String> {
    run(pack, text).into_iter().map(|(_, t, _)| t).collect()
}

#[test]
fn billion_laughs_is_refused_with_a_clear_error() {
    // Anchors nest nine levels deep: expanding them fully would make 9^9 strings.
    let mut yaml = String::from("name: bomb\nlexicon:\n  - &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 1..10 {
        let p = i - 1;
        yaml.push_str(&format!(
            "  - &a{i} [*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p}]\n"
        ));
    }
    let err = refused(&yaml);
    assert!(matches!(err.kind, PackErrorKind::Syntax(_)));
    assert_eq!(err.line, Some(3));
}

#[test]
fn deeply_nested_yaml_is_refused() {
    let yaml = format!(
        "name: deep\nlexicon: {}x{}\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let err = refused(&yaml);
    assert!(matches!(err.kind, PackErrorKind::Syntax(_)));
    assert!(err.to_string().contains("test.yml:2"), "{err}");
}

#[test]
fn an_unknown_key_names_the_file_the_rule_and_the_line() {
    let err =
        refused("name: acme\nrules:\n  Banned:\n    extends: existence\n    tokns: [synergy]\n");
    assert_eq!(err.rule.as_deref(), Some("Banned"));
    assert_eq!(err.line, Some(5));
    assert!(
        err.to_string().starts_with("test.yml:5: rule Banned:"),
        "{err}"
    );
}

#[test]
fn an_invalid_regex_names_the_rule_and_the_token_line() {
    let err = refused("name: acme\nrules:\n  Banned:\n    extends: existence\n    tokens:\n      - synergy\n      - 'leverag(e'\n");
    assert_eq!(err.rule.as_deref(), Some("Banned"));
    assert_eq!(err.line, Some(7));
    assert!(matches!(err.kind, PackErrorKind::InvalidRegex { .. }));
}

#[test]
fn malformed_yaml_and_json_give_a_line() {
    let err = refused("name: acme\nrules:\n  Banned:\n    extends: existence\n   tokens: [a\n");
    assert!(err.line.is_some());
    let err =
        Pack::from_json_str("{\"name\": \"acme\",\n \"rules\": {,}}", "acme.json").unwrap_err();
    assert_eq!(err.line, Some(2));
    assert_eq!(err.source, "acme.json");
}

#[test]
fn thousands_of_rules_are_refused() {
    let mut yaml = String::from("name: many\nrules:\n");
    for i in 0..1_001 {
        yaml.push_str(&format!(
            "  R{i}:\n    extends: existence\n    tokens: [w{i}]\n"
        ));
    }
    assert!(matches!(refused(&yaml).kind, PackErrorKind::TooLarge(_)));
}

#[test]
fn a_pack_whose_embedded_test_fails_is_refused_with_the_case_named() {
    let err = refused(
        "name: acme\nrules:\n  Banned:\n    extends: existence\n    message: Avoid '%s'.\n    tokens: [synergy]\ntests:\n  - text: We love synergy.\n    expect: [{rule: Banned, match: synergy}]\n  - text: Leverage our synergies.\n    expect: [{rule: Banned, match: Leverage}]\n",
    );
    match &err.kind {
        PackErrorKind::FailedTest { case, problem, .. } => {
            assert_eq!(*case, 2);
            assert!(
                problem.contains("expected Banned on \"Leverage\""),
                "{problem}"
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(err.line, Some(10));
}

#[test]
fn json_and_yaml_packs_share_one_schema() {
    let json = r#"{"name": "acme", "language": "en", "lexicon": ["AcmeCloud"],
        "rules": {"Banned": {"extends": "existence", "message": "Avoid '%s'.", "level": "error", "tokens": ["synergy"]}},
        "tests": [{"text": "Pure synergy", "expect": [{"rule": "Banned", "at": 5}]}, {"text": "Plain words.", "expect": []}]}"#;
    let p = Pack::from_json_str(json, "acme.json").unwrap();
    assert_eq!(p.test_count(), 2);
    assert_eq!(
        run(&p, "Such synergy"),
        vec![(
            "acme.Banned".to_string(),
            "synergy".to_string(),
            "Avoid 'synergy'.".to_string()
        )]
    );
}

#[test]
fn existence_flags_tokens_with_word_boundaries_and_ignores_links_and_mentions() {
    let p = pack("name: acme\nrules:\n  Jargon:\n    extends: existence\n    message: \"Avoid '%s'.\"\n    ignorecase: true\n    tokens: [synergy, 'low[- ]hanging fruit']\n");
    assert_eq!(
        flagged(&p, "Synergy and low-hanging fruit, not synergyx."),
        vec!["Synergy", "low-hanging fruit"]
    );
    assert!(flagged(&p, "See acme.com/synergy or ask @synergy").is_empty());
}

#[test]
fn existence_with_raw_and_lookahead_runs_vale_patterns() {
    let p = pack("name: acme\nrules:\n  Passive:\n    extends: existence\n    message: \"'%s' may be passive.\"\n    ignorecase: true\n    raw: ['\\b(was|were)\\b\\s*']\n    tokens: ['\\w+ed']\n  NoBang:\n    extends: existence\n    raw: ['!(?=\\s*$)']\n");
    let found = run(&p, "The prize was awarded today!");
    assert_eq!(found[0].1, "was awarded");
    assert_eq!(found[0].2, "'was awarded' may be passive.");
    assert_eq!(found[1].0, "acme.NoBang");
}

#[test]
fn substitution_suggests_the_preferred_term_and_keeps_case() {
    let p = pack("name: acme\nrules:\n  Preferred:\n    extends: substitution\n    message: \"Use '%s' instead of '%s'.\"\n    ignorecase: true\n    swap:\n      utilize: use\n      e-mail: email\n      'log ?in': sign in|log in\n");
    let found = run(&p, "Utilize the e-mail link to login.");
    assert_eq!(found[0].2, "Use 'use' instead of 'Utilize'.");
    assert_eq!(found[1].1, "e-mail");
    assert_eq!(found[2].2, "Use 'sign in' or 'log in' instead of 'login'.");
    // The preferred spelling itself is not flagged.
    assert!(flagged(&p, "Log in to use email.").is_empty());
}

#[test]
fn substitution_works_on_french_text() {
    let p = pack("name: marque\nlanguage: fr\nrules:\n  Anglicismes:\n    extends: substitution\n    message: \"Préférez « %s » à « %s ».\"\n    ignorecase: true\n    swap:\n      mail: courriel\n      'deadline': échéance|date limite\n");
    let found = run(&p, "Envoyez un mail avant la deadline.");
    assert_eq!(found[0].2, "Préférez « courriel » à « mail ».");
    assert_eq!(found[1].1, "deadline");
}

#[test]
fn occurrence_counts_matches_per_scope() {
    let p = pack("name: acme\nrules:\n  FewCommas:\n    extends: occurrence\n    message: \"%s commas in one sentence.\"\n    scope: sentence\n    max: 2\n    token: ','\n  NeedsLink:\n    extends: occurrence\n    message: \"Add a link.\"\n    min: 1\n    token: 'https?://'\n");
    let found = run(&p, "We sell hats, scarves, gloves, socks. Come by, today.");
    assert_eq!(found.iter().filter(|f| f.0 == "acme.FewCommas").count(), 1);
    assert!(found.iter().any(|f| f.0 == "acme.NeedsLink"));
    assert!(run(&p, "Shop now: https://acme.com").is_empty());
}

#[test]
fn repetition_flags_a_word_said_twice() {
    let p = pack("name: acme\nrules:\n  Repeated:\n    extends: repetition\n    message: \"'%s' is repeated!\"\n    alpha: true\n    ignorecase: true\n    exceptions: [had]\n    tokens: ['[^\\s]+']\n");
    let found = run(
        &p,
        "Join the the party. Le le lancement. She had had enough.",
    );
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].1, "the the");
    assert_eq!(found[1].1, "Le le");
    assert!(run(&p, "Call 555 555 now").is_empty());
}

#[test]
fn consistency_flags_the_spelling_that_differs_from_the_first() {
    let p = pack("name: acme\nrules:\n  Spelling:\n    extends: consistency\n    message: \"Inconsistent spelling of '%s'.\"\n    ignorecase: true\n    either:\n      colour: color\n      'e-mail': email\n");
    assert_eq!(
        flagged(
            &p,
            "Our colour range. New color drops. Send an email, not an e-mail."
        ),
        vec!["color", "e-mail"]
    );
}

#[test]
fn conditional_requires_a_definition_for_each_acronym() {
    let p = pack("name: acme\nrules:\n  Acronyms:\n    extends: conditional\n    message: \"Define '%s' first.\"\n    first: '\\b([A-Z]{3,5})\\b'\n    second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n    exceptions: [FAQ]\n");
    assert_eq!(
        flagged(
            &p,
            "Our Customer Relationship Management (CRM) is new. CRM and SLA updates. See the FAQ."
        ),
        vec!["SLA"]
    );
}

#[test]
fn capitalization_checks_title_and_sentence_case() {
    let p = pack("name: acme\nrules:\n  Title:\n    extends: capitalization\n    message: \"'%s' should be in title case.\"\n    match: $title\n    scope: first_line\n  Sentence:\n    extends: capitalization\n    match: $sentence\n    scope: sentence\n    exceptions: [Acme]\n");
    let found = run(
        &p,
        "The best of summer at Acme\nThis Is Loud. Welcome to Acme today.",
    );
    assert_eq!(found.iter().filter(|f| f.0 == "acme.Title").count(), 1);
    let sentence: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "acme.Sentence")
        .map(|f| f.1.as_str())
        .collect();
    assert_eq!(sentence, vec!["This Is Loud."]);
    assert!(!run(&p, "The Best of Summer at Acme")
        .iter()
        .any(|f| f.0 == "acme.Title"));
}

#[test]
fn metric_limits_words_per_sentence_and_readability() {
    let p = pack("name: acme\nrules:\n  Long:\n    extends: metric\n    message: \"%s words: split this sentence.\"\n    scope: sentence\n    formula: words\n    condition: '> 12'\n  Hard:\n    extends: metric\n    message: \"Flesch reading ease %s: simplify.\"\n    formula: flesch\n    condition: '< 30'\n");
    let found = run(&p, "Short one. This sentence keeps going and going with many words until readers give up reading it.");
    assert_eq!(found[0].2, "15 words: split this sentence.");
    let hard = run(
        &p,
        "Organizational interdependencies necessitate comprehensive institutional reconsideration.",
    );
    assert!(hard.iter().any(|f| f.0 == "acme.Hard"), "{hard:?}");
    assert!(run(&p, "We sell hats. Come see us.").is_empty());
}

#[test]
fn metric_uses_kandel_moles_for_french() {
    let p = pack("name: marque\nlanguage: fr\nrules:\n  Lisible:\n    extends: metric\n    message: \"Lisibilité %s : simplifiez.\"\n    formula: kandel_moles\n    condition: '< 30'\n");
    assert!(run(&p, "Nos nouveautés arrivent demain. Venez les voir.").is_empty());
    let hard = run(&p, "L'internationalisation organisationnelle nécessite une reconsidération institutionnelle approfondie.");
    assert_eq!(hard.len(), 1, "{hard:?}");
}

#[test]
fn hashtag_rules_check_count_camelcase_banned_required_and_position() {
    let p = pack("name: acme\nrules:\n  Tags:\n    extends: hashtags\n    message: \"Hashtag '%s' breaks the guideline.\"\n    max: 2\n    camelcase: true\n    banned: ['#follow4follow']\n    position: end\n  Brand:\n    extends: hashtags\n    message: \"Add one of %s.\"\n    required: ['#Acme']\n");
    let found = flagged(
        &p,
        "Our #summersaleweekend starts now #follow4follow #SummerSale #Deals",
    );
    assert!(found.contains(&"#summersaleweekend".to_string()));
    assert!(found.contains(&"#follow4follow".to_string()));
    // One alert for the count, on the first hashtag over the max (the third); not one per tag.
    assert!(
        found.contains(&"#SummerSale".to_string()),
        "third hashtag is over the max: {found:?}"
    );
    assert!(!found.contains(&"#Deals".to_string()), "{found:?}");
    let messages = run(&p, "New drop today #Deals");
    assert!(messages.iter().any(|f| f.2 == "Add one of #acme."));
    assert!(run(&p, "New drop today #Acme #SummerSale").is_empty());
    // A full-width ＃ counts as a hashtag sign.
    assert!(run(&p, "New drop today ＃Acme").is_empty());
}

#[test]
fn mention_emoji_and_link_rules_read_social_tokens() {
    let p = pack("name: acme\nrules:\n  Mentions:\n    extends: mentions\n    message: \"Too many mentions.\"\n    max: 2\n  Emoji:\n    extends: emoji\n    message: \"Emoji '%s' is off-brand.\"\n    max: 2\n    allowed: ['🎉', '✨', '👍']\n    not_at_reply_start: true\n  Links:\n    extends: links\n    message: \"Fix the link '%s'.\"\n    max: 1\n    no_shorteners: true\n    utm: required\n");
    let found = flagged(&p, "@ana @bo @cy 🎉 party 💩 https://bit.ly/x");
    assert_eq!(
        found,
        vec!["@cy", "🎉", "💩", "https://bit.ly/x", "https://bit.ly/x"]
    );
    assert!(flagged(&p, "Thanks @ana! ✨ https://acme.com/?utm_source=x").is_empty());
    // Skin tones do not make an allowed emoji another emoji.
    assert_eq!(run(&p, "Great work 👍🏽"), vec![]);
}

#[test]
fn links_can_forbid_utm_parameters_and_suggest_a_clean_link() {
    let p = pack("name: acme\nrules:\n  CleanLinks:\n    extends: links\n    message: \"Remove tracking from '%s'.\"\n    utm: forbidden\n");
    let doc = engine::Document::draft(
        "Lisez https://acme.fr/blog?id=3&utm_source=x",
        tokenize("Lisez https://acme.fr/blog?id=3&utm_source=x"),
        true,
    );
    let mut out = Vec::new();
    p.check(&doc, &mut out);
    assert_eq!(out[0].suggestions, vec!["https://acme.fr/blog?id=3"]);
}

#[test]
fn call_to_action_and_disclosure_are_required() {
    let p = pack("name: acme\nrules:\n  CTA:\n    extends: call-to-action\n    message: \"End with a call to action.\"\n    tokens: ['shop now', 'learn more', 'découvrez']\n  Disclosure:\n    extends: disclosure\n    message: \"'%s' needs a disclosure: add %s.\"\n    triggers: [giveaway, partner, sponsored, gifted, 'en partenariat', concours]\n    tags: ['#ad', '#sponsored', '#partenariat']\n");
    let found = run(&p, "Big giveaway with our partner! Shop now.");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].2,
        "'giveaway' needs a disclosure: add #ad, #sponsored, #partenariat."
    );
    assert!(run(&p, "Big giveaway! Shop now #ad").is_empty());
    assert!(run(
        &p,
        "Grand concours avec nos amis ! Découvrez vite #partenariat"
    )
    .is_empty());
    let missing = run(&p, "New colours are here.");
    assert_eq!(missing[0].0, "acme.CTA");
}

#[test]
fn the_lexicon_enforces_brand_casing() {
    let p = pack("name: acme\nlexicon: [AcmeCloud, iPhone, Acme Pay]\n");
    let found = run(
        &p,
        "Try acmecloud on your IPhone with acme pay. Visit acmecloud.com #acmecloud",
    );
    assert_eq!(
        found.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(),
        vec!["acmecloud", "IPhone", "acme pay"]
    );
    assert_eq!(found[0].2, "Write 'acmecloud' as 'AcmeCloud'.");
}

#[test]
fn packs_apply_by_language_and_platform() {
    let p = pack("name: acme\nlanguage: fr\nplatforms: [linkedin]\n");
    assert!(p.applies_to(crate::Language::Fr, Some(Platform::Linkedin)));
    assert!(p.applies_to(crate::Language::Fr, None));
    assert!(!p.applies_to(crate::Language::EnUs, None));
    assert!(!p.applies_to(crate::Language::Fr, Some(Platform::X)));
}

#[test]
fn a_checker_applies_active_packs_and_reports_platform_counters() {
    let config = crate::Config {
        packs: vec![
            shipped_pack("social-essentials").unwrap(),
            shipped_pack("acme").unwrap(),
        ],
        ..crate::Config::default()
    };
    let checker = crate::Checker::new(config).unwrap();
    assert_eq!(
        checker.guide().lexicon(),
        vec!["Acme", "AcmeCloud", "Acme Pay", "RoadRunner Pro"]
    );
    assert_eq!(
        checker
            .guide()
            .tone_target()
            .and_then(|t| t.max_exclamations),
        Some(1)
    );
    let options = crate::CheckOptions {
        platform: Some(Platform::X),
        ..crate::CheckOptions::default()
    };
    let report = checker.check(
        "Giveaway: win a cheap acmecloud plan 🎉 https://acme.com/win",
        &options,
    );
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert!(rules.contains(&"social-essentials.Disclosure"), "{rules:?}");
    assert!(rules.contains(&"acme.BannedWords"));
    // The pack's lexicon casing and the speller's brand casing flag the same word; the report
    // keeps one diagnostic for it, offering the canonical form.
    let casing = report
        .diagnostics
        .iter()
        .find(|d| matches!(d.rule.as_str(), "acme.Lexicon" | "spelling.brand-casing"))
        .expect("acmecloud is flagged for its casing");
    assert_eq!(casing.suggestions[0], "AcmeCloud");
    let disclosure = report
        .diagnostics
        .iter()
        .find(|d| d.rule.as_str() == "social-essentials.Disclosure")
        .unwrap();
    assert!(disclosure.why.contains("FTC"));
    assert!(disclosure.link.is_some());
    let counters = report.platform.unwrap();
    // "Giveaway: win a cheap acmecloud plan " is 37, the emoji 2, the space 1, the link 23.
    assert_eq!(counters.weighted_length, Some(63));
    assert_eq!(counters.limit, 280);
}

#[test]
fn a_refused_pack_makes_checker_new_fail_with_a_typed_error() {
    let config = crate::Config {
        packs: vec![PackSource {
            name: "broken.yml".into(),
            format: PackFormat::Yaml,
            text: "name: broken\nrules:\n  R:\n    extends: existence\n    tokens: ['(']\n".into(),
        }],
        ..crate::Config::default()
    };
    match crate::Checker::new(config) {
        Err(crate::ConfigError::Pack(e)) => {
            assert_eq!(e.rule.as_deref(), Some("R"));
            assert_eq!(e.line, Some(5));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn platform_diagnostics_only_run_when_a_platform_is_set() {
    let checker = crate::Checker::new(crate::Config::default()).unwrap();
    let long = "word ".repeat(70);
    let none = checker.check(&long, &crate::CheckOptions::default());
    assert!(none.platform.is_none());
    let x = checker.check(
        &long,
        &crate::CheckOptions {
            platform: Some(Platform::X),
            ..crate::CheckOptions::default()
        },
    );
    assert!(x
        .diagnostics
        .iter()
        .any(|d| d.rule.as_str() == "platform.too-long"));
    assert_eq!(x.platform.unwrap().remaining, 280 - 350);
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_shipped_packs_folder_loads_as_sources() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("packs");
    let sources = Pack::sources_in(&dir).unwrap();
    let names: Vec<String> = sources
        .iter()
        .filter_map(|s| Pack::from_source(s).ok())
        .map(|p| p.name)
        .collect();
    assert_eq!(
        names,
        vec![
            "acme-fr",
            "acme",
            "inclusive-en",
            "inclusive-fr",
            "social-essentials"
        ]
    );
    let pack = Pack::from_path(&dir.join("acme.yml")).unwrap();
    assert_eq!(pack.lexicon()[1], "AcmeCloud");
}

#[test]
fn random_patterns_and_texts_never_panic() {
    // A fixed pseudo-random generator: the same 20,000 cases on every run.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet: Vec<char> = r"ab(|)[]{}*+?.^$\-,:=!<>PpLdwsbBzAQE0123é'#@ "
        .chars()
        .collect();
    let mut compiled = 0;
    for _ in 0..20_000 {
        let len = (next() % 12) as usize;
        let pattern: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        let text: String = (0..(next() % 20) as usize)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        if let Ok(p) = pattern::Pattern::new(&pattern) {
            compiled += 1;
            for m in p.find_all(&text) {
                assert!(
                    m.start <= m.end
                        && text.is_char_boundary(m.start)
                        && text.is_char_boundary(m.end)
                );
            }
        }
    }
    assert!(compiled > 1_000, "only {compiled} patterns compiled");
}

#[test]
fn capitalization_threshold_and_prefix_follow_vale() {
    let p = pack("name: acme\nrules:\n  Headings:\n    extends: capitalization\n    message: \"'%s' should use title case.\"\n    match: $title\n    scope: first_line\n    threshold: 0.7\n    prefix: 'Step \\d+: '\n");
    // Prefix skipped; 3 of 4 words capitalised passes a 0.7 threshold.
    assert!(run(&p, "Step 2: Build Your first Shop").is_empty());
    assert_eq!(run(&p, "Step 2: build your first shop").len(), 1);
}

#[test]
fn a_draft_metric_measures_the_whole_text_once() {
    let p = pack("name: acme\nrules:\n  Short:\n    extends: metric\n    message: \"%s words.\"\n    formula: words\n    condition: '> 5'\n");
    let found = run(&p, "One two three.\n\nFour five six.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].2, "6 words.");
}

#[test]
fn an_impossible_tone_target_is_refused_with_its_line() {
    let err =
        refused("name: acme\ndescription: x\ntone_target:\n  formality: {min: 0.8, max: 0.2}\n");
    assert_eq!(err.line, Some(3));
    assert!(
        err.to_string().contains("min (0.8) is above max (0.2)"),
        "{err}"
    );
    let err = refused("name: acme\ntone_target:\n  preset: grumpy\n");
    assert!(err.to_string().contains("grumpy"));
}

#[test]
fn platform_names_read_from_options_include_twitter() {
    let options: crate::CheckOptions = serde_json::from_str(r#"{"platform": "twitter"}"#).unwrap();
    assert_eq!(options.platform, Some(Platform::X));
    let options: crate::CheckOptions = serde_json::from_str(r#"{"platform": "linkedin"}"#).unwrap();
    assert_eq!(options.platform, Some(Platform::Linkedin));
}

#[test]
fn tricky_texts_never_panic_with_every_pack_and_platform() {
    let config = crate::Config {
        packs: SHIPPED
            .iter()
            .filter_map(|(n, _)| shipped_pack(n))
            .collect(),
        ..crate::Config::default()
    };
    let checker = crate::Checker::new(config).unwrap();
    let texts = [
        "",
        " ",
        "\n\n\n",
        "#",
        "@",
        "＃soldes ＠marque",
        "👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦",
        "e\u{301}\u{302}\u{303}",
        "مرحبا بالعالم #عربي",
        "!!!???....",
        "https://",
        "a\r\nb\r\n\r\nc",
        "\u{200D}\u{FE0F}\u{20E3}",
        "Giveaway‼️ #ad",
    ];
    for text in texts {
        for platform in Platform::ALL {
            // `auto` runs every pack, English and French.
            let options = crate::CheckOptions {
                platform: Some(platform),
                language: Some(crate::Language::Auto),
                categories: Some(vec![crate::Category::Guideline, crate::Category::Platform]),
                ..crate::CheckOptions::default()
            };
            let report = checker.check(text, &options);
            for d in &report.diagnostics {
                assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            }
        }
    }
}

#[test]
fn token_scopes_look_only_inside_hashtags_mentions_links_and_the_first_line() {
    let p = pack("name: acme\nrules:\n  TagDigits:\n    extends: existence\n    message: \"Digits in '%s'.\"\n    scope: hashtag\n    nonword: true\n    raw: ['\\d+']\n  Insecure:\n    extends: existence\n    message: Use https.\n    scope: url\n    nonword: true\n    raw: ['^http://']\n  HookEmoji:\n    extends: existence\n    message: Hook starts with an emoji.\n    scope: first_line\n    nonword: true\n    raw: ['^\\W']\n  Handles:\n    extends: existence\n    message: Old handle.\n    scope: mention\n    raw: ['@acme_old']\n");
    let found = run(
        &p,
        "Sale 2025 starts #Sale2025 at http://acme.com/sale with @acme_old\nsecond line",
    );
    let flagged: Vec<(&str, &str)> = found.iter().map(|f| (f.0.as_str(), f.1.as_str())).collect();
    assert_eq!(
        flagged,
        vec![
            ("acme.TagDigits", "2025"),
            ("acme.Insecure", "http://"),
            ("acme.Handles", "@acme_old"),
        ]
    );
    assert_eq!(run(&p, "🎉 Big day").len(), 1);
}

#[test]
fn the_tone_target_follows_the_draft_language() {
    let guide = Guide::from_sources(&[
        shipped_pack("acme").unwrap(),
        shipped_pack("acme-fr").unwrap(),
    ])
    .unwrap();
    let english = guide.tone_target_for(crate::Language::EnGb).unwrap();
    let french = guide.tone_target_for(crate::Language::Fr).unwrap();
    assert_eq!(english.formality.map(|f| f.min), Some(0.3));
    assert_eq!(french.formality.map(|f| f.min), Some(0.4));
}

#[test]
fn a_why_with_a_hashtag_keeps_its_whole_sentence() {
    // YAML reads an unquoted ` #word` as a comment; the shipped pack quotes it.
    let pack = crate::guide::shipped_pack("social-essentials").expect("shipped");
    let pack = crate::guide::Pack::from_source(&pack).expect("loads");
    let overview = format!("{pack:?}");
    assert!(
        overview.contains("#SummerSale is read word by word"),
        "{overview}"
    );
}

// Hostile packs: each attack is refused with an error naming the file, the rule and the line,
// or bounded by counted matcher steps (never by a clock).

#[test]
fn a_catastrophic_pattern_is_refused_at_load_naming_the_rule_the_line_and_the_probe() {
    let err = refused("name: acme\nrules:\n  Runaway:\n    extends: existence\n    message: x\n    raw:\n      - '(a+)+$'\n");
    assert_eq!(err.rule.as_deref(), Some("Runaway"));
    assert_eq!(err.line, Some(3));
    assert!(matches!(err.kind, PackErrorKind::InvalidRegex { .. }));
    let shown = err.to_string();
    assert!(
        shown.starts_with("test.yml:3: rule Runaway: invalid regular expression"),
        "{shown}"
    );
    assert!(shown.contains("backtracks catastrophically"), "{shown}");
}

#[test]
fn catastrophic_lookarounds_and_backreferences_are_refused_at_load() {
    for raw in [
        r"(?=(\w+\s?)+$)\w",
        r"\w(?!(?:\w|\w\w)+,$)",
        r"(?<=(?:a|aa)+)-",
        r"(a|a)*\1$",
        r"(?:.*,)*\.$",
        r"^(\d+)+$",
    ] {
        let yaml = format!(
            "name: acme\nrules:\n  Runaway:\n    extends: existence\n    message: x\n    raw:\n      - '{raw}'\n"
        );
        let err = refused(&yaml);
        assert!(
            err.to_string().contains("backtracks catastrophically"),
            "{raw} was not refused as catastrophic: {err}"
        );
    }
}

#[test]
fn ordinary_patterns_pass_the_load_time_probe() {
    let mut yaml = String::from("name: acme\nrules:\n");
    for (i, raw) in [
        r"\b(?:game-?changing|revolutionary)\b",
        r"(?i)\bgiveaway\b(?!.*#ad)",
        r"(?<=\s)#\w+",
        r"\b(\w+) \1\b",
    ]
    .iter()
    .enumerate()
    {
        yaml.push_str(&format!(
            "  R{i}:\n    extends: existence\n    message: x\n    raw:\n      - '{raw}'\n"
        ));
    }
    let p = pack(&yaml);
    assert_eq!(
        flagged(&p, "A revolutionary giveaway, the the best #launch"),
        vec!["revolutionary", "giveaway", "the the", "#launch"]
    );
}

/// A pack of `rules` rules whose search is slow on long text (each start scans to the end of
/// the line) but fast on short probes, so every rule loads.
fn slow_rules_pack(rules: usize) -> Pack {
    let mut yaml = String::from("name: slow\nrules:\n");
    for i in 0..rules {
        yaml.push_str(&format!(
            "  Slow{i}:\n    extends: existence\n    message: x\n    raw:\n      - 'n[^!]*!{i}'\n"
        ));
    }
    pack(&yaml)
}

#[test]
fn a_hundred_slow_rules_share_one_step_budget_per_check() {
    let guide = Guide {
        packs: vec![slow_rules_pack(100)],
    };
    // One long line: each rule alone may take up to its own search budget.
    let text = "banana ".repeat(2_000);
    let tokens = tokenize(&text);
    let mut out = Vec::new();
    // A nested shared budget keeps this outer one, so `used` counts the check's steps.
    let (_, used) = regex::with_shared_budget(check_budget(text.len()), || {
        guide.check(&text, &tokens, Language::EnUs, None, &|_| true, &mut out)
    });
    assert!(
        used.stopped,
        "the slow rules did not reach the budget: {used:?}"
    );
    assert!(
        used.steps <= check_budget(text.len()),
        "{} steps for a budget of {}",
        used.steps,
        check_budget(text.len())
    );
    // Alone, the rules would have taken far more than the shared budget.
    assert!(100 * regex::search_budget(text.len()) > 10 * check_budget(text.len()));
}

#[test]
fn the_shipped_packs_never_run_out_of_budget_on_a_long_real_draft() {
    let guide = Guide::from_sources(
        &SHIPPED
            .iter()
            .filter_map(|(n, _)| shipped_pack(n))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let english = "Our summer collection lands on Friday with new linen shirts, recycled denim and the sandals you asked for!! Check https://example.com/shop?utm_source=x #SummerSale @acme ";
    let french = "Notre collection d'été arrive vendredi avec des chemises en lin, du denim recyclé et les sandales que vous attendiez. #Soldes ";
    for (text, language) in [
        (english.repeat(2_000), Language::EnUs),
        (french.repeat(2_000), Language::Fr),
    ] {
        let tokens = tokenize(&text);
        let mut out = Vec::new();
        let (_, used) = regex::with_shared_budget(check_budget(text.len()), || {
            guide.check(
                &text,
                &tokens,
                language,
                Some(Platform::X),
                &|_| true,
                &mut out,
            )
        });
        assert!(!used.stopped, "{language:?}: {used:?}");
        assert!(!out.is_empty());
    }
}

#[test]
fn a_huge_pack_text_is_refused_before_parsing() {
    let yaml = format!(
        "name: huge\ndescription: \"{}\"\n",
        "x".repeat(MAX_PACK_BYTES_FOR_TESTS)
    );
    let err = refused(&yaml);
    assert!(matches!(err.kind, PackErrorKind::TooLarge(_)), "{err}");
    assert!(err.to_string().starts_with("test.yml: too large:"), "{err}");
}

const MAX_PACK_BYTES_FOR_TESTS: usize = pack::MAX_PACK_BYTES + 1;

#[test]
fn a_pack_file_that_is_not_utf8_or_too_large_is_refused_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("plume-hostile-packs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let latin1 = dir.join("latin1.yml");
    std::fs::write(&latin1, b"name: acme\ndescription: \"caf\xe9\"\n").unwrap();
    let err = Pack::from_path(&latin1).unwrap_err();
    assert_eq!(err.source, latin1.display().to_string());
    assert!(
        err.to_string()
            .contains("not UTF-8 text (invalid byte at offset 28)"),
        "{err}"
    );
    let huge = dir.join("huge.yml");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(pack::MAX_PACK_BYTES as u64 + 1).unwrap();
    let err = Pack::from_path(&huge).unwrap_err();
    assert!(matches!(err.kind, PackErrorKind::TooLarge(_)), "{err}");
    assert!(err.to_string().contains("a file of 2097153 bytes"), "{err}");
    // A folder of packs stops at the bad file and names it.
    let err = Pack::sources_in(&dir).unwrap_err();
    assert!(err.source.ends_with("huge.yml"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn billion_laughs_in_json_and_deep_nesting_in_a_rule_are_refused() {
    // JSON has no aliases, but deep nesting is refused the same way as in YAML.
    let json = format!(
        "{{\"name\": \"deep\", \"lexicon\": {}\"x\"{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let err = Pack::from_json_str(&json, "deep.json").unwrap_err();
    assert!(err.to_string().starts_with("deep.json:1:"), "{err}");
    // Aliases inside one rule's token list.
    let mut yaml = String::from("name: bomb\nrules:\n  Bomb:\n    extends: existence\n    message: x\n    tokens: &t0 [lol, lol, lol, lol, lol, lol, lol, lol]\n    exceptions:\n");
    for i in 1..9 {
        let p = i - 1;
        yaml.push_str(&format!(
            "      - &t{i} [*t{p}, *t{p}, *t{p}, *t{p}, *t{p}, *t{p}, *t{p}, *t{p}]\n"
        ));
    }
    let err = refused(&yaml);
    assert!(matches!(err.kind, PackErrorKind::Syntax(_)), "{err}");
}

#[test]
fn loading_the_shipped_packs_takes_a_small_part_of_the_load_budget() {
    for (name, _) in SHIPPED {
        let source = shipped_pack(name).unwrap();
        let (pack, used) =
            regex::with_shared_budget(usize::MAX / 2, || Pack::compile_untested(&source));
        assert!(pack.is_ok(), "{name}");
        eprintln!("{name}: {} steps", used.steps);
        assert!(used.steps * 10 < pattern::LOAD_STEPS, "{name}: {used:?}");
    }
}

#[test]
fn a_pack_of_many_slow_but_finite_patterns_is_refused_when_trying_them_exceeds_the_load_budget() {
    let (one, used) = regex::with_shared_budget(usize::MAX / 2, || pattern::Pattern::new("a*a*z0"));
    assert!(one.is_ok(), "one such pattern loads: {one:?}");
    let probe_cost = used.steps;
    assert!(probe_cost > 0);
    let rules = pattern::LOAD_STEPS / probe_cost + 10;
    assert!(
        rules <= pack::MAX_RULES,
        "{rules} rules needed; each probe costs {probe_cost}"
    );
    let mut yaml = String::from("name: slow\nrules:\n");
    for i in 0..rules {
        yaml.push_str(&format!(
            "  Slow{i}:\n    extends: existence\n    message: x\n    raw:\n      - 'a*a*z{i}'\n"
        ));
    }
    let err = refused(&yaml);
    assert!(matches!(err.kind, PackErrorKind::TooLarge(_)), "{err}");
    assert!(
        err.to_string().contains("write fewer or simpler patterns"),
        "{err}"
    );
    assert!(
        err.rule.is_some(),
        "the rule where the budget ran out is named: {err}"
    );
}
