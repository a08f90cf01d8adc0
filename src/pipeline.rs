//! The check pipeline: what one [`crate::Checker::check`] runs, room by room, and how it reuses
//! the results of lines it has already seen.
//!
//! A keystroke changes one line of a draft; every other line comes back with the same text. A
//! check is therefore split in two: a per-line pass whose results depend on nothing but the
//! line's own text and a small context (the language it is read in), kept in bounded
//! [`UnitCache`]s keyed by a hash of that text and context; and a whole-draft pass that
//! combines the lines' results (draft counts, mixed spelling varieties, the tone summary, the
//! draft's language) and runs what needs the whole draft: the pack rules that read the draft, a
//! paragraph or the first line, the platform profile, and the tone target's diagnostics, which
//! re-read the draft. The caches belong to one [`crate::Checker`]: a new configuration builds a
//! new checker with empty caches, and loading a dictionary clears them. No room imports this
//! module: the pipeline calls the rooms, never the reverse.

use std::sync::Arc;

use crate::cache::{UnitCache, LINES};
use crate::config::{CheckOptions, Language};
use crate::guide::Platform;
use crate::report::{extend_shifted, Category, Finding, Report, Span};
use crate::spell::{self, Detected, LineSpelling};
use crate::text::lines::{draft_tokens, lines, shift, Line, LineTokens};
use crate::text::Token;
use crate::tone::{self, ParagraphTone};
use crate::Checker;

/// The caches of one checker, one per room.
#[derive(Debug, Clone)]
pub struct Caches {
    tokens: UnitCache<(), LineTokens>,
    /// Each line's language signals for `auto`.
    votes: UnitCache<(), (u32, u32)>,
    spelling: UnitCache<(Language, Detected, bool), LineSpelling>,
    /// Tone per line, by tone language and the check's language (which picks the pack target).
    tone: UnitCache<(tone::Lang, Language), ParagraphTone>,
    /// Grammar findings per line, by the language the line is read in.
    grammar: UnitCache<Detected, Vec<Finding>>,
    /// Guideline findings per line, by the check's language and platform (which pick the packs).
    guide: UnitCache<(Language, Option<Platform>), Vec<Finding>>,
}

impl Default for Caches {
    fn default() -> Caches {
        Caches {
            tokens: UnitCache::new(LINES),
            votes: UnitCache::new(LINES),
            spelling: UnitCache::new(LINES),
            tone: UnitCache::new(LINES),
            guide: UnitCache::new(LINES),
            grammar: UnitCache::new(LINES),
        }
    }
}

impl Caches {
    /// Forgets every result that depends on the checker's dictionaries.
    pub fn clear(&self) {
        // Language signals read the French dictionary when it is loaded.
        self.votes.clear();
        self.spelling.clear();
        self.tone.clear();
        self.guide.clear();
        self.grammar.clear();
    }
}

/// Checks `text` with `checker`: each room's per-line results come from the checker's caches
/// when a line was seen before in the same context; the whole-draft pass runs every time.
pub fn check(checker: &Checker, text: &str, options: &CheckOptions) -> Report {
    let caches = &checker.caches;
    let language = options.language.unwrap_or(checker.config.language);
    let lines: Vec<Line> = lines(text, &caches.tokens)
        .into_iter()
        .filter(|l| !l.read.tokens.is_empty())
        .collect();
    let spelling_votes: Vec<(u32, u32)> = if language == Language::Auto {
        lines
            .iter()
            .map(|l| {
                *caches.votes.get_or_make(l.text, &(), || {
                    checker.speller.language_signals(l.text, &l.read.tokens)
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let prior = match options.prior_language {
        Some(Language::EnUs | Language::EnGb) => Some(Detected::English),
        Some(Language::Fr) => Some(Detected::French),
        Some(Language::Auto) | None => None,
    };
    let (draft, readings) =
        spell::language::read_draft(language, &spelling_votes, lines.len(), prior);
    let mut findings = Vec::new();
    // Per line, how many known words are American-only and British-only (in `auto`).
    let mut line_varieties = vec![(0usize, 0usize); lines.len()];
    if options.wants(Category::Spelling) {
        let mut varieties = Vec::new();
        for (i, (line, &reading)) in lines.iter().zip(&readings).enumerate() {
            let key = (
                language,
                reading.language,
                reading.accepts_either_language(),
            );
            let found = caches.spelling.get_or_make(line.text, &key, || {
                checker
                    .speller
                    .check_line(line.text, &line.read.tokens, language, reading)
            });
            extend_shifted(&mut findings, &found.findings, line.start);
            for (_, info) in &found.varieties {
                if info.american() {
                    line_varieties[i].0 += 1;
                } else {
                    line_varieties[i].1 += 1;
                }
            }
            varieties.extend(found.varieties.iter().map(|(t, info)| {
                let token = Token {
                    kind: t.kind,
                    span: shift(t.span, line.start),
                };
                (token, *info)
            }));
        }
        checker
            .speller
            .check_varieties(text, language, &varieties, &mut findings);
    }
    if options.wants(Category::Grammar) {
        // Each line is read in the language decided for it (in `auto`) or the draft's.
        let lexicons = crate::grammar::Lexicons::new(checker.speller.french_dictionary());
        for (line, reading) in lines.iter().zip(&readings) {
            let detected = reading.language;
            let found = caches.grammar.get_or_make(line.text, &detected, || {
                crate::grammar::check_line(
                    line.text,
                    &line.read.tokens,
                    detected,
                    lexicons.get(detected),
                    checker.config.ui_language,
                )
            });
            extend_shifted(&mut findings, &found, line.start);
        }
    }
    let mut tone_summary = tone::ToneSummary::default();
    if options.wants(Category::Tone) {
        // The configured target wins; otherwise that of the first pack for this language.
        let target = (checker.config.tone_target.as_ref())
            .or_else(|| checker.guide.tone_target_for(language));
        // In `auto`, tone reads the draft in the language the speller decided.
        let lang = tone::Lang::of_draft(
            match draft.language {
                _ if language != Language::Auto => language,
                Detected::English => Language::EnUs,
                Detected::French => Language::Fr,
            },
            0,
        );
        let read: Vec<(usize, Arc<ParagraphTone>)> = lines
            .iter()
            .map(|l| {
                let paragraph = caches.tone.get_or_make(l.text, &(lang, language), || {
                    ParagraphTone::read(
                        l.text,
                        &l.read.tokens,
                        lang,
                        target,
                        checker.config.ui_language,
                    )
                });
                (l.start, paragraph)
            })
            .collect();
        let paragraphs: Vec<(usize, &ParagraphTone)> =
            read.iter().map(|(start, p)| (*start, p.as_ref())).collect();
        tone_summary = tone::combine(
            text,
            &paragraphs,
            lang,
            target,
            || draft_tokens(&lines),
            &mut findings,
        );
        if options.sentence_tones == Some(false) {
            tone_summary.sentences.clear();
        }
    }
    let guide = &checker.guide;
    // Every pattern search of this check shares one step budget, so a pack of many slow
    // rules cannot freeze the check. A line read while the budget ran out is not remembered:
    // what it found may be incomplete.
    let (platform_counters, _) =
        crate::guide::with_shared_budget(crate::guide::check_budget(text.len()), || {
            if !guide.is_empty() && options.wants(Category::Guideline) {
                for line in &lines {
                    let found = caches.guide.get_or_make_complete(
                        line.text,
                        &(language, options.platform),
                        || {
                            guide.check_line(
                                line.text,
                                &line.read.tokens,
                                language,
                                options.platform,
                            )
                        },
                        || !crate::guide::shared_budget_spent(),
                    );
                    extend_shifted(&mut findings, &found, line.start);
                }
            }
            if guide.is_empty() && options.platform.is_none() {
                None
            } else {
                guide.check_draft(
                    text,
                    &draft_tokens(&lines),
                    language,
                    options.platform,
                    &|c| options.wants(c),
                    &mut findings,
                )
            }
        });
    findings.retain(|f| {
        !checker
            .config
            .disabled_rules
            .iter()
            .any(|r| r == f.rule.as_str())
    });
    let words = lines.iter().map(|l| l.read.words).sum();
    let decided = spell::language::decided(draft, &readings, &line_varieties, &lines_spans(&lines));
    let mut report = Report::from_findings_in(text, findings, words, decided);
    report.tone = tone_summary;
    report.platform = platform_counters;
    if options.wants(Category::Spelling) {
        report.missing_dictionaries = checker
            .speller
            .missing_dictionaries_for(language, &readings);
    }
    report
}

/// Each line's byte span in the draft.
fn lines_spans(lines: &[Line]) -> Vec<Span> {
    lines
        .iter()
        .map(|l| Span::new(l.start, l.start + l.text.len()))
        .collect()
}

#[cfg(test)]
mod equivalence_tests {
    //! The test that keeps the caches honest: after every edit, a checker that has seen the
    //! earlier versions answers exactly as a new checker does.
    use crate::guide::{shipped_pack, Platform, SHIPPED};
    use crate::tone::ToneTarget;
    use crate::{CheckOptions, Checker, Config, Language};
    use proptest::prelude::*;

    const ENGLISH: &str =
        "Big news! Our summer colection drops tomorow at 9am 🌞 #SummerSale @acme_store\n\
        Swipe through the the new linen shirts and a umbrella in every colour.\n\
        \n\
        We LOVE hearing from you, so tell us what you think — link in bio 👉 bit.ly/3xYz\n\
        Honestly this is the most amazing, incredible, game-changing launch ever!!!\n\
        Our guys worked hard; utilize the code SUNNY20 before Friday. I think maybe it is the best color.";

    const FRENCH: &str =
        "Grande nouvelle ! Notre colection d'été arrive demain à 9h 🌞 #SoldesEte @acme\n\
        Découvrez les les nouvelles chemises en lin et les sandales que vous attendiez.\n\
        \n\
        Nous ADORONS vos messages, alors dites-nous ce que vous en pensez — lien en bio\n\
        C'est vraiment le lancement le plus incroyable de tous les temps !!!\n\
        Merci a toute l'équipe, vous êtes géniaux. Les étudiant.e.s sont les bienvenu·e·s.";

    /// Real texts: the benchmark posts and paragraphs, and the drafts above.
    fn texts() -> Vec<String> {
        vec![
            ENGLISH.to_string(),
            FRENCH.to_string(),
            format!("{ENGLISH}\n{FRENCH}"),
            include_str!("../benches/texts/post-en.txt").to_string(),
            include_str!("../benches/texts/post-fr.txt").to_string(),
            include_str!("../benches/texts/paragraphs-en.txt").to_string(),
            include_str!("../benches/texts/paragraphs-fr.txt").to_string(),
        ]
    }

    /// Every shipped pack, and optionally a tone target of the configuration's own.
    fn config(target: bool) -> Config {
        Config {
            packs: SHIPPED
                .iter()
                .map(|(name, _)| shipped_pack(name).expect("a shipped pack"))
                .collect(),
            tone_target: target.then(|| ToneTarget {
                preset: Some("institutional".into()),
                min_sentiment: Some(0.2),
                ..ToneTarget::default()
            }),
            personal_dictionary: vec!["plumey".into()],
            ..Config::default()
        }
    }

    /// `text` with edit `kind` applied near `at` (a share of its length).
    fn edited(text: &str, at: f64, kind: u8) -> String {
        let mut i = ((text.len() as f64) * at) as usize;
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        let mut out = text.to_string();
        let next_len = out[i..].chars().next().map_or(0, char::len_utf8);
        match kind % 10 {
            0 => out.insert(i, 'e'),
            1 => out.insert(i, 'Z'),
            // A paragraph split.
            2 => out.insert(i, '\n'),
            // A paragraph join: the next line break goes.
            3 => {
                if let Some(n) = out[i..].find('\n') {
                    out.remove(i + n);
                }
            }
            4 => out.replace_range(i..i + next_len, ""),
            5 => out.insert_str(i, "🎉🎉🎉🎉"),
            6 => out.insert_str(i, " l’équipe était très déçue "),
            7 => out.insert_str(i, "!!!"),
            8 => out.insert_str(i, " the the colour, and the color "),
            _ => out.insert_str(i, " WORST SERVICE EVER you idiots "),
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn after_random_edits_a_warm_checker_reports_what_a_new_one_does(
            text in 0usize..7,
            language in 0usize..4,
            target in any::<bool>(),
            platform in proptest::option::of(prop::sample::select(vec![
                Platform::X, Platform::Linkedin, Platform::Instagram, Platform::Mastodon,
            ])),
            edits in prop::collection::vec((0.0f64..1.0, any::<u8>()), 1..7),
        ) {
            let config = config(target);
            let warm = Checker::new(config.clone()).expect("a valid configuration");
            let language = [Language::EnUs, Language::EnGb, Language::Fr, Language::Auto][language];
            let options = CheckOptions {
                language: Some(language),
                platform,
                ..CheckOptions::default()
            };
            let mut text = texts()[text].clone();
            warm.check(&text, &options);
            for (at, kind) in edits {
                text = edited(&text, at, kind);
                let fresh = Checker::new(config.clone()).expect("a valid configuration");
                prop_assert_eq!(warm.check(&text, &options), fresh.check(&text, &options));
            }
        }
    }

    #[test]
    fn pack_rules_run_line_by_line_find_what_they_find_in_the_whole_draft() {
        use crate::guide::{Guide, Part};
        let guide = Guide::from_sources(&config(false).packs).expect("the shipped packs load");
        for text in texts() {
            let tokens = crate::text::tokenize(&text);
            for french in [false, true] {
                let doc = crate::guide::engine_document(&text, &tokens, french);
                for pack in guide.packs() {
                    let mut whole = Vec::new();
                    pack.check_part(&doc, Part::Whole, &mut whole);
                    let mut split = Vec::new();
                    pack.check_part(&doc, Part::Draft, &mut split);
                    for (start, line, line_tokens) in
                        crate::text::lines::split_tokens_by_line(&text, &tokens)
                    {
                        let line_doc = crate::guide::engine_document(line, &line_tokens, french);
                        let mut found = Vec::new();
                        pack.check_part(&line_doc, Part::Lines, &mut found);
                        crate::report::extend_shifted(&mut split, &found, start);
                    }
                    let key =
                        |f: &crate::report::Finding| (f.span, f.rule.clone(), f.message.clone());
                    whole.sort_by_key(key);
                    split.sort_by_key(key);
                    assert_eq!(split, whole, "pack {} on {text:?}", pack.name);
                }
            }
        }
    }

    #[test]
    fn a_check_without_sentence_tones_keeps_the_draft_tone() {
        let checker = Checker::new(config(false)).expect("a valid configuration");
        let with = checker.check(ENGLISH, &CheckOptions::default());
        let without = checker.check(
            ENGLISH,
            &CheckOptions {
                sentence_tones: Some(false),
                ..CheckOptions::default()
            },
        );
        assert!(with.tone.sentences.len() > 3);
        assert!(without.tone.sentences.is_empty());
        assert_eq!(without.tone.scores, with.tone.scores);
        assert_eq!(without.diagnostics, with.diagnostics);
    }

    #[test]
    fn a_checker_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Checker>();
    }

    #[test]
    fn typing_keystroke_by_keystroke_in_auto_matches_fresh_checks() {
        // A French sentence with an emoji and a line break typed into an English draft, then
        // erased again, one character per check, with every pack and a tone target.
        let config = config(true);
        let warm = Checker::new(config.clone()).expect("a valid configuration");
        let fresh = Checker::new(config).expect("a valid configuration");
        let options = CheckOptions {
            language: Some(Language::Auto),
            platform: Some(Platform::Instagram),
            ..CheckOptions::default()
        };
        let at = ENGLISH.find("Swipe").expect("a place to type");
        let typed = "Merci à toute l’équipe 🎉 c’est génial !!!\nOn adore";
        let mut versions: Vec<String> = typed
            .char_indices()
            .map(|(i, c)| {
                format!(
                    "{}{}{}",
                    &ENGLISH[..at],
                    &typed[..i + c.len_utf8()],
                    &ENGLISH[at..]
                )
            })
            .collect();
        versions.extend(versions.clone().into_iter().rev());
        for text in &versions {
            let report = warm.check(text, &options);
            assert_eq!(report, fresh.clone().check(text, &options), "{text:?}");
        }
    }

    #[test]
    fn going_back_to_an_earlier_version_gives_its_first_report() {
        let warm = Checker::new(config(true)).expect("a valid configuration");
        for (text, language) in [(ENGLISH, Language::EnUs), (FRENCH, Language::Auto)] {
            let options = CheckOptions {
                language: Some(language),
                platform: Some(Platform::X),
                ..CheckOptions::default()
            };
            let first = warm.check(text, &options);
            assert!(!first.diagnostics.is_empty());
            let changed = text
                .replacen("tomorow", "tomorrow", 1)
                .replacen("demain", "demian", 1);
            assert_ne!(warm.check(&changed, &options), first);
            assert_eq!(warm.check(text, &options), first);
        }
    }

    #[test]
    fn the_same_line_in_another_language_is_not_reused() {
        let warm = Checker::new(Config::default()).expect("a valid configuration");
        let line = "Our summer colection drops tomorow";
        let [english, french] = [Language::EnUs, Language::Fr].map(|language| CheckOptions {
            language: Some(language),
            ..CheckOptions::default()
        });
        let in_english = warm.check(line, &english);
        let in_french = warm.check(line, &french);
        assert_ne!(in_english, in_french);
        assert_eq!(in_french, warm.clone().check(line, &french));
        assert_eq!(warm.check(line, &english), in_english);
    }

    #[test]
    fn a_line_that_turns_the_draft_french_is_read_again_in_auto() {
        // The undecided line (`🔥 #TBT colection`) takes the draft's language: adding a French
        // line changes how it is checked, though its own text did not change.
        let warm = Checker::new(Config::default()).expect("a valid configuration");
        let options = CheckOptions {
            language: Some(Language::Auto),
            ..CheckOptions::default()
        };
        let first = "🔥 #TBT colection\nThe launch is tomorrow and we are ready";
        let second = "🔥 #TBT colection\nLe lancement est demain et nous sommes prêts avec vous";
        warm.check(first, &options);
        let report = warm.check(second, &options);
        assert_eq!(report, warm.clone().check(second, &options));
        assert_eq!(report.tone.language, "fr");
    }
}

#[cfg(test)]
mod budget_tests {
    //! A pack too slow for one check's step budget: what a check could not finish is read
    //! again by the next check, never remembered half-read.
    use crate::guide::{PackFormat, PackSource};
    use crate::report::Category;
    use crate::{CheckOptions, Checker, Config};

    /// Ten rules that scan each line from every `n` to its end without matching, then one
    /// that flags `apple`, read last on every line.
    fn slow_pack() -> PackSource {
        let mut yaml = String::from("name: slow\nrules:\n");
        for i in 0..10 {
            yaml.push_str(&format!(
                "  Slow{i}:\n    extends: existence\n    message: x\n    raw:\n      - 'n[^!\\n]*!{i}'\n"
            ));
        }
        yaml.push_str("  Zfruit:\n    extends: existence\n    message: no fruit\n    tokens:\n      - apple\n");
        PackSource {
            name: "slow.yml".into(),
            format: PackFormat::Yaml,
            text: yaml,
        }
    }

    fn apples(checker: &Checker, text: &str) -> usize {
        let options = CheckOptions {
            categories: Some(vec![Category::Guideline]),
            ..CheckOptions::default()
        };
        checker
            .check(text, &options)
            .diagnostics
            .iter()
            .filter(|d| d.message == "no fruit")
            .count()
    }

    #[test]
    fn a_line_cut_short_by_the_step_budget_is_read_again_by_the_next_check() {
        let lines = 8;
        // Lines differ (a line seen once is never read again, whatever its place).
        let text = (0..lines)
            .map(|i| format!("apple {i} {}", "banana ".repeat(300)))
            .collect::<Vec<_>>()
            .join("\n");
        let checker = Checker::new(Config {
            packs: vec![slow_pack()],
            ..Config::default()
        })
        .expect("the slow pack loads");
        let first = apples(&checker, &text);
        assert!(
            first < lines,
            "the budget did not bound the first check ({first} lines read)"
        );
        // Each check starts where the last one stopped: the lines it finished are remembered,
        // the line it was cut in is not.
        let mut found = first;
        for _ in 0..3 * lines {
            found = apples(&checker, &text);
            if found == lines {
                break;
            }
        }
        assert_eq!(
            found, lines,
            "a line cut short was remembered without its finding"
        );
    }
}
