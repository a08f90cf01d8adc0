//! Tone diagnostics that teach: each points at the words driving it, says why in one sentence
//! and, where a safe rewrite exists, offers it. Default diagnostics are kept for clear problems
//! (shouting, `!!!`, emoji floods, profanity, hostility, clickbait, inconsiderate terms); a tone
//! target adds `tone.target.*` diagnostics quoting its numbers and the phrases out of range.

use crate::locale::{Localized, UiLanguage};
use crate::report::{Category, Finding, Severity, Span};

use super::aggression::HostileKind;
use super::inclusive::french_forms;
use super::target::{FrenchInclusive, ToneTarget};
use super::{calmer, Hit, ToneAnalysis, ToneScores};

pub const SHOUTING: &str = "tone.shouting";
pub const PROFANITY: &str = "tone.profanity";
pub const AGGRESSIVE: &str = "tone.aggressive";
pub const EXCLAMATIONS: &str = "tone.exclamations";
pub const EMOJI_FLOOD: &str = "tone.emoji-flood";
pub const HYPE: &str = "tone.hype";
pub const HEDGING: &str = "tone.hedging";
pub const INCLUSIVE: &str = "tone.inclusive";
pub const TARGET_FORMALITY: &str = "tone.target.formality";
pub const TARGET_SENTIMENT: &str = "tone.target.sentiment";
pub const TARGET_EXCLAMATIONS: &str = "tone.target.exclamations";
pub const TARGET_HYPE: &str = "tone.target.hype";
pub const TARGET_AGGRESSION: &str = "tone.target.aggression";
pub const TARGET_INCLUSIVE_WRITING: &str = "tone.target.inclusive-writing";

/// Said when a rule has replacements but none fits the sentence, so it offers none.
const NONE_FITS: Localized = Localized::new(
    "None of the usual replacements fits this sentence, so none is offered: reword it in your own words.",
    "Aucune des formulations habituelles ne convient à cette phrase, aucune n'est donc proposée : reformulez avec vos propres mots.",
);

/// Said when hostile words have no calmer phrasing in Plume's table.
const NO_CALMER: Localized = Localized::new(
    "Plume has no calmer wording for this: say what went wrong, not who is to blame.",
    "Plume n'a pas de formulation plus calme pour ceci : dites ce qui ne va pas, pas qui est en faute.",
);

/// `why` followed by `more` in the interface language.
fn why_and(why: &str, more: Localized, ui: UiLanguage) -> String {
    format!("{why} {}", more.get(ui))
}

/// Most phrases a target diagnostic points at; the rest are summed up in the message.
const MAX_PHRASES: usize = 3;

fn finding(
    rule: &str,
    severity: Severity,
    span: Span,
    message: String,
    why: &str,
    suggestions: Vec<String>,
) -> Finding {
    Finding::new(
        Category::Tone,
        rule,
        severity,
        span,
        message,
        why,
        suggestions,
    )
}

fn span_of(a: &ToneAnalysis, hit: &Hit) -> Span {
    Span::new(
        a.draft.items[hit.first].span.start,
        a.draft.items[hit.last].span.end,
    )
}

fn phrase<'t>(a: &ToneAnalysis<'t>, hit: &Hit) -> &'t str {
    a.draft.slice(hit.first, hit.last)
}

/// The diagnostics every draft gets, shaped by the target where it speaks (shouting allowed,
/// profanity forbidden).
pub fn default_findings(
    a: &ToneAnalysis,
    target: Option<&ToneTarget>,
    ui: UiLanguage,
    out: &mut Vec<Finding>,
) {
    if target.and_then(|t| t.no_shouting) != Some(false) {
        out.extend(a.shouting.iter().cloned());
    }
    // A target with an exclamation budget flags the runs itself, with its numbers.
    let runs: &[Hit] = if target.and_then(|t| t.max_exclamations).is_some() {
        &[]
    } else {
        &a.excitement.runs
    };
    for run in runs {
        let calmer = run.suggestion.clone().unwrap_or_else(|| "!".into());
        out.push(finding(
            EXCLAMATIONS,
            Severity::Suggestion,
            span_of(a, run),
            format!("“{}” reads as over-excited", phrase(a, run)),
            "A row of exclamation marks reads as shouting or spam; one carries the same energy.",
            vec![calmer],
        ));
    }
    for flood in &a.excitement.floods {
        out.push(finding(
            EMOJI_FLOOD,
            Severity::Suggestion,
            span_of(a, flood),
            format!("{} emoji in a row", flood.weight as usize),
            "A flood of emoji reads as spam and drowns the message; one or two well-chosen emoji land better.",
            flood.suggestion.iter().cloned().collect(),
        ));
    }
    let strict_profanity = target.and_then(|t| t.no_profanity) == Some(true);
    for h in &a.aggression.hits {
        let span = span_of(a, &h.hit);
        let text = phrase(a, &h.hit);
        match h.kind {
            HostileKind::Threat => out.push(finding(
                AGGRESSIVE,
                Severity::Error,
                span,
                format!("“{text}” reads as a threat"),
                "Words that threaten harm can be reported and quoted against the brand; say what you will do instead.",
                vec![],
            )),
            HostileKind::Blame | HostileKind::InsultAtReader => {
                let (severity, message, why) = if h.kind == HostileKind::Blame {
                    (
                        Severity::Warning,
                        format!("“{text}” blames the reader"),
                        "Blame aimed at “you” turns a reply into a fight; describe the problem, not the person.",
                    )
                } else {
                    (
                        Severity::Error,
                        format!("“{text}” insults the reader"),
                        "An insult aimed at someone is the fastest way to a screenshot and a bad buzz.",
                    )
                };
                let calmer = calmer::phrasings(&a.draft, h.hit.first, h.hit.last);
                let why = if calmer.is_empty() {
                    why_and(why, NO_CALMER, ui)
                } else {
                    why.to_string()
                };
                out.push(finding(AGGRESSIVE, severity, span, message, &why, calmer));
            }
            HostileKind::Profanity
            | HostileKind::Insult
            | HostileKind::Harsh
            | HostileKind::HarshAtPerson => {}
        }
        if let Some(sureness) = h.profanity {
            let severity = match (sureness, strict_profanity) {
                (2, true) => Severity::Error,
                (2, false) => Severity::Warning,
                (_, true) => Severity::Warning,
                _ => continue,
            };
            if h.kind == HostileKind::InsultAtReader && !strict_profanity {
                continue;
            }
            out.push(finding(
                PROFANITY,
                severity,
                span,
                format!("“{text}” is profanity"),
                "Swear words read as unprofessional on a brand account and can trip platform filters.",
                vec![],
            ));
        }
    }
    for c in &a.hype.clickbait {
        out.push(finding(
            HYPE,
            Severity::Warning,
            span_of(a, c),
            format!("“{}” is clickbait", phrase(a, c)),
            "Clickbait phrases promise more than a post delivers and cost trust; say what the news is.",
            calmer::phrasings(&a.draft, c.first, c.last),
        ));
    }
    for h in &a.inclusive {
        let text = phrase(a, &h.hit);
        let why = match h.category {
            "female" | "male" => "A gendered word leaves out part of your audience; a neutral word says the same to everyone.",
            _ => "This term can hurt or exclude some readers; a considerate alternative says the same thing.",
        };
        // Only alternatives that fit the sentence are offered; when the rule has some and none
        // fits, the why says so.
        let why = if h.fitting.is_empty() && !h.alternatives.is_empty() {
            why_and(why, NONE_FITS, ui)
        } else {
            why.to_string()
        };
        out.push(finding(
            INCLUSIVE,
            Severity::Suggestion,
            span_of(a, &h.hit),
            format!("“{text}” may not be inclusive"),
            &why,
            h.fitting.iter().take(3).cloned().collect(),
        ));
    }
    if target.and_then(|t| t.warn_hedging) == Some(true) {
        for h in &a.hedging.hits {
            let text = phrase(a, h);
            // The suggestion drops the hedge and the space after it.
            let start = a.draft.items[h.first].span.start;
            let mut end = a.draft.items[h.last].span.end;
            end += a.draft.text[end..].len() - a.draft.text[end..].trim_start_matches(' ').len();
            out.push(finding(
                HEDGING,
                Severity::Suggestion,
                Span::new(start, end),
                format!("“{text}” hedges"),
                "Hedges make the brand sound unsure; say it plainly and the reader trusts it.",
                vec![String::new()],
            ));
        }
    }
}

fn fmt(x: f32) -> String {
    super::target::two_decimals(x)
}

/// Names up to three phrases and how many more there are.
fn quote(phrases: &[String]) -> String {
    let shown: Vec<String> = phrases
        .iter()
        .take(MAX_PHRASES)
        .map(|p| format!("“{p}”"))
        .collect();
    let more = phrases.len().saturating_sub(MAX_PHRASES);
    let mut s = shown.join(", ");
    if more > 0 {
        s.push_str(&format!(" and {more} more"));
    }
    s
}

/// The diagnostics a tone target adds when the draft leaves its ranges (the house style for
/// French inclusive forms is [`inclusive_writing`]).
pub fn target_findings(
    a: &ToneAnalysis,
    scores: &ToneScores,
    target: &ToneTarget,
    out: &mut Vec<Finding>,
) {
    let name = target.preset.as_deref().unwrap_or("brand");
    if let Some(range) = target.formality.filter(|r| !r.contains(scores.formality)) {
        let too_low = scores.formality < range.min;
        let mut pulling: Vec<&Hit> = a
            .formality
            .hits
            .iter()
            .filter(|h| {
                if too_low {
                    h.weight < 0.0
                } else {
                    h.weight > 0.0
                }
            })
            .collect();
        let phrases: Vec<String> = pulling.iter().map(|h| phrase(a, h).to_string()).collect();
        // Point at words, those with a rewrite first, strongest next; punctuation runs have
        // their own diagnostics.
        pulling.retain(|h| a.draft.items[h.first].kind != super::draft::ItemKind::Punct);
        pulling.sort_by_key(|h| {
            (
                h.suggestion.is_none(),
                -((h.weight.abs() * 100.0) as i32),
                h.first,
            )
        });
        let message = format!(
            "Formality {} is {} the {name} range {}–{}",
            fmt(scores.formality),
            if too_low { "below" } else { "above" },
            fmt(range.min),
            fmt(range.max)
        );
        let why = if too_low {
            format!(
                "{} make this draft chattier than the {name} voice.",
                quote(&phrases)
            )
        } else {
            format!(
                "{} make this draft stiffer than the {name} voice.",
                quote(&phrases)
            )
        };
        if pulling.is_empty() {
            out.push(finding(
                TARGET_FORMALITY,
                Severity::Warning,
                whole(a),
                message.clone(),
                &why,
                vec![],
            ));
        }
        for h in pulling.iter().take(MAX_PHRASES) {
            let fix = h.suggestion.iter().cloned().collect();
            out.push(finding(
                TARGET_FORMALITY,
                Severity::Warning,
                span_of(a, h),
                message.clone(),
                &why,
                fix,
            ));
        }
    }
    if let Some(min) = target.min_sentiment.filter(|&m| scores.sentiment < m) {
        let mut negative: Vec<_> = a
            .sentiment
            .contributions
            .iter()
            .filter(|c| c.valence < 0.0)
            .collect();
        negative.sort_by(|x, y| x.valence.total_cmp(&y.valence));
        // One pointer per distinct phrase (a row of 😡 is one cause).
        let mut seen: Vec<String> = Vec::new();
        negative.retain(|c| {
            let text = a.draft.slice(c.first, c.last).to_lowercase();
            let fresh = !seen.contains(&text);
            seen.push(text);
            fresh
        });
        let phrases: Vec<String> = negative
            .iter()
            .map(|c| a.draft.slice(c.first, c.last).to_string())
            .collect();
        let message = format!(
            "Sentiment {} is below the {name} minimum {}",
            fmt(scores.sentiment),
            fmt(min)
        );
        let why = format!(
            "{} pull the draft's mood below what the {name} voice allows.",
            quote(&phrases)
        );
        if negative.is_empty() {
            out.push(finding(
                TARGET_SENTIMENT,
                Severity::Warning,
                whole(a),
                message.clone(),
                &why,
                vec![],
            ));
        }
        for c in negative.iter().take(MAX_PHRASES) {
            let span = Span::new(
                a.draft.items[c.first].span.start,
                a.draft.items[c.last].span.end,
            );
            out.push(finding(
                TARGET_SENTIMENT,
                Severity::Warning,
                span,
                message.clone(),
                &why,
                vec![],
            ));
        }
    }
    if let Some(max) = target.max_exclamations {
        let marks: Vec<&super::draft::Item> = a
            .draft
            .items
            .iter()
            .filter(|it| it.kind == super::draft::ItemKind::Punct && it.lower.contains('!'))
            .collect();
        let total: usize = marks.iter().map(|it| it.lower.matches('!').count()).sum();
        if total > max as usize {
            let message = format!("{total} “!” where the {name} voice allows {max}");
            let why = "Every extra exclamation mark raises the volume; keep them for the one thing that deserves it.";
            let mut allowed = max as usize;
            for it in marks {
                let n = it.lower.matches('!').count();
                if allowed >= n {
                    allowed -= n;
                    continue;
                }
                let calmer = if allowed > 0 {
                    "!".to_string()
                } else {
                    it.lower.replace('!', ".").replace("..", ".")
                };
                allowed = 0;
                out.push(finding(
                    TARGET_EXCLAMATIONS,
                    Severity::Warning,
                    it.span,
                    message.clone(),
                    why,
                    vec![calmer],
                ));
            }
        }
    }
    if let Some(max) = target.max_hype.filter(|&m| scores.hype > m) {
        let hits: Vec<&Hit> = a
            .hype
            .superlatives
            .iter()
            .chain(&a.hype.clickbait)
            .collect();
        let phrases: Vec<String> = hits.iter().map(|h| phrase(a, h).to_string()).collect();
        let message = format!(
            "Hype {} is above the {name} maximum {}",
            fmt(scores.hype),
            fmt(max)
        );
        let why = format!(
            "{} oversell the news for the {name} voice; let the facts carry it.",
            quote(&phrases)
        );
        for h in hits.iter().take(MAX_PHRASES) {
            out.push(finding(
                TARGET_HYPE,
                Severity::Warning,
                span_of(a, h),
                message.clone(),
                &why,
                vec![],
            ));
        }
    }
    if let Some(max) = target.max_aggression.filter(|&m| scores.aggression > m) {
        // Threats, blame and insults at the reader already have their own diagnostics.
        let hits: Vec<&Hit> = a
            .aggression
            .hits
            .iter()
            .filter(|h| {
                !matches!(
                    h.kind,
                    HostileKind::Threat | HostileKind::Blame | HostileKind::InsultAtReader
                )
            })
            .map(|h| &h.hit)
            .collect();
        let phrases: Vec<String> = hits.iter().map(|h| phrase(a, h).to_string()).collect();
        let message = format!(
            "Aggression {} is above the {name} maximum {}",
            fmt(scores.aggression),
            fmt(max)
        );
        let why = format!("{} sound hostile for the {name} voice.", quote(&phrases));
        for h in hits.iter().take(MAX_PHRASES) {
            out.push(finding(
                TARGET_AGGRESSION,
                Severity::Warning,
                span_of(a, h),
                message.clone(),
                &why,
                calmer::phrasings(&a.draft, h.first, h.last),
            ));
        }
    }
}

/// French inclusive writing as the pack wants it: median dots, or no abbreviated forms at all
/// (each form on its own: read per paragraph, unlike the draft-level target findings).
pub fn inclusive_writing(a: &ToneAnalysis, style: FrenchInclusive, out: &mut Vec<Finding>) {
    for form in french_forms(&a.draft) {
        let text = &a.draft.text[form.span.start..form.span.end];
        match style {
            FrenchInclusive::MedianDot if !form.median_dot => out.push(finding(
                TARGET_INCLUSIVE_WRITING,
                Severity::Suggestion,
                form.span,
                format!("“{text}”: the house style writes inclusive forms with a median dot"),
                "One way of writing inclusive forms across every post reads as a deliberate choice, not a typo.",
                vec![form.with_median_dots()],
            )),
            FrenchInclusive::Avoid => out.push(finding(
                TARGET_INCLUSIVE_WRITING,
                Severity::Suggestion,
                form.span,
                format!("“{text}”: the house style avoids abbreviated inclusive forms"),
                "Abbreviated forms are hard to read aloud and for screen readers; write both words or an epicene noun.",
                form.written_out().into_iter().collect(),
            )),
            FrenchInclusive::MedianDot => {}
        }
    }
}

fn whole(a: &ToneAnalysis) -> Span {
    let start = a.draft.items.first().map_or(0, |i| i.span.start);
    let end = a.draft.items.last().map_or(0, |i| i.span.end);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use crate::config::Language;
    use crate::report::{Finding, Severity};
    use crate::text::tokenize;
    use crate::tone::{check_tone, ScoreRange, ToneSummary, ToneTarget};

    fn check(
        text: &str,
        language: Language,
        target: Option<ToneTarget>,
    ) -> (Vec<Finding>, ToneSummary) {
        let mut out = Vec::new();
        let summary = check_tone(text, &tokenize(text), language, target.as_ref(), &mut out);
        (out, summary)
    }

    fn rules(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.rule.as_str()).collect()
    }

    #[test]
    fn an_over_excited_draft_gets_calmer_wordings() {
        let text = "We're SO EXCITED!!!";
        let (found, _) = check(text, Language::EnUs, None);
        assert_eq!(rules(&found), vec!["tone.shouting", "tone.exclamations"]);
        // Applying both suggestions gives the calmer draft.
        let mut calmer = text.to_string();
        for f in found.iter().rev() {
            calmer.replace_range(f.span.start..f.span.end, &f.suggestions[0]);
        }
        assert_eq!(calmer, "We're so excited!");
    }

    #[test]
    fn a_calm_friendly_post_gets_no_tone_diagnostic() {
        let (found, summary) = check(
            "Thanks for your patience, your order ships tomorrow.",
            Language::EnUs,
            None,
        );
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(summary.sentiment.label, crate::tone::Polarity::Positive);
    }

    #[test]
    fn insults_threats_and_profanity_point_at_the_words() {
        let text = "You are a complete idiot. Watch your back.";
        let (found, summary) = check(text, Language::EnUs, None);
        let phrases: Vec<&str> = found
            .iter()
            .filter(|f| f.rule.as_str() == "tone.aggressive")
            .map(|f| &text[f.span.start..f.span.end])
            .collect();
        assert_eq!(phrases, vec!["idiot", "Watch your back"]);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(summary.label, crate::tone::ToneLabel::Aggressive);
        let (found, _) = check("Quel bordel de merde", Language::Fr, None);
        assert!(rules(&found).contains(&"tone.profanity"));
    }

    #[test]
    fn clickbait_and_inclusive_terms_are_diagnosed_with_reasons() {
        let (found, _) = check("You won't believe our new chairman", Language::EnUs, None);
        assert_eq!(rules(&found), vec!["tone.hype", "tone.inclusive"]);
        assert!(found[1].suggestions.contains(&"chair".to_string()));
        assert!(!found[0].why.is_empty());
    }

    #[test]
    fn a_formality_target_quotes_its_numbers_and_the_chatty_words() {
        let target = ToneTarget {
            formality: Some(ScoreRange { min: 0.5, max: 0.9 }),
            ..ToneTarget::default()
        };
        let text = "omg u guys lol";
        let (found, summary) = check(text, Language::EnUs, Some(target));
        let formality: Vec<&Finding> = found
            .iter()
            .filter(|f| f.rule.as_str() == "tone.target.formality")
            .collect();
        assert_eq!(formality.len(), 3);
        assert!(
            formality[0]
                .message
                .contains("below the brand range 0.50–0.90"),
            "{}",
            formality[0].message
        );
        assert!(
            formality[0].why.contains("“omg”, “u”, “guys” and 1 more"),
            "{}",
            formality[0].why
        );
        // The word with a rewrite comes first.
        assert_eq!(&text[formality[0].span.start..formality[0].span.end], "u");
        assert_eq!(formality[0].suggestions, vec!["you"]);
        assert_eq!(summary.on_target, Some(false));
    }

    #[test]
    fn a_sentiment_target_points_at_the_most_negative_words() {
        let target = ToneTarget {
            min_sentiment: Some(0.0),
            ..ToneTarget::default()
        };
        let text = "Le service était horrible et la livraison décevante";
        let (found, _) = check(text, Language::Fr, Some(target));
        assert!(found
            .iter()
            .all(|f| f.rule.as_str() == "tone.target.sentiment"));
        let mut phrases: Vec<&str> = found
            .iter()
            .map(|f| &text[f.span.start..f.span.end])
            .collect();
        phrases.sort();
        assert_eq!(phrases, vec!["décevante", "horrible"]);
        assert!(
            found[0].message.starts_with("Sentiment -0."),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn the_exclamation_budget_flags_the_marks_beyond_it() {
        let target = ToneTarget {
            max_exclamations: Some(1),
            ..ToneTarget::default()
        };
        let text = "Big news! New store! Come by!";
        let (found, _) = check(text, Language::EnUs, Some(target));
        let extra: Vec<&Finding> = found
            .iter()
            .filter(|f| f.rule.as_str() == "tone.target.exclamations")
            .collect();
        assert_eq!(extra.len(), 2);
        assert_eq!(extra[0].suggestions, vec!["."]);
        assert!(extra[0].message.contains("3 “!”"));
    }

    #[test]
    fn presets_shape_the_defaults() {
        let playful = ToneTarget {
            preset: Some("playful".into()),
            ..ToneTarget::default()
        };
        let (found, _) = check("SO EXCITED for tonight", Language::EnUs, Some(playful));
        assert!(
            !rules(&found).contains(&"tone.shouting"),
            "playful allows capitals"
        );
        let care = ToneTarget {
            preset: Some("customer-care".into()),
            ..ToneTarget::default()
        };
        let (found, summary) = check(
            "I think we could maybe refund you",
            Language::EnUs,
            Some(care),
        );
        assert!(rules(&found).contains(&"tone.hedging"));
        assert_eq!(found[0].suggestions, vec![""]);
        assert_eq!(summary.on_target, Some(false));
        let news = ToneTarget {
            preset: Some("institutional".into()),
            ..ToneTarget::default()
        };
        let (found, _) = check(
            "The council publishes its annual budget report today.",
            Language::EnUs,
            Some(news),
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn french_inclusive_writing_follows_the_house_style() {
        use crate::tone::target::FrenchInclusive;
        let text = "Bienvenue aux salarié.e.s et aux invité·e·s";
        let dots = ToneTarget {
            french_inclusive: Some(FrenchInclusive::MedianDot),
            ..ToneTarget::default()
        };
        let (found, _) = check(text, Language::Fr, Some(dots));
        assert_eq!(rules(&found), vec!["tone.target.inclusive-writing"]);
        assert_eq!(found[0].suggestions, vec!["salarié·e·s"]);
        let avoid = ToneTarget {
            french_inclusive: Some(FrenchInclusive::Avoid),
            ..ToneTarget::default()
        };
        let (found, _) = check(text, Language::Fr, Some(avoid));
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].suggestions, vec!["invitées et invités"]);
        let (found, _) = check(text, Language::Fr, None);
        assert!(
            found.is_empty(),
            "without a house style, inclusive writing is left alone"
        );
    }

    fn suggestions_of<'f>(found: &'f [Finding], text: &str, phrase: &str) -> &'f [String] {
        found
            .iter()
            .find(|f| &text[f.span.start..f.span.end] == phrase)
            .map(|f| f.suggestions.as_slice())
            .unwrap_or_else(|| panic!("no diagnostic on {phrase:?}: {found:?}"))
    }

    #[test]
    fn an_angry_reply_gets_calmer_phrasings_that_fit_in_english() {
        let text = "This is the WORST service ever, you people are useless!!!";
        let (found, _) = check(text, Language::EnUs, None);
        // `everyone are` would not agree: only `you` is offered for `you people`.
        assert_eq!(suggestions_of(&found, text, "you people"), ["you"]);
        assert_eq!(suggestions_of(&found, text, "useless"), ["not helpful"]);
        assert_eq!(suggestions_of(&found, text, "!!!"), ["!"]);
        // Applying every first suggestion gives a calmer reply.
        let mut calmer = text.to_string();
        let mut fixes: Vec<&Finding> = found.iter().filter(|f| !f.suggestions.is_empty()).collect();
        fixes.sort_by_key(|f| std::cmp::Reverse(f.span.start));
        for f in fixes {
            calmer.replace_range(f.span.start..f.span.end, &f.suggestions[0]);
        }
        assert_eq!(
            calmer,
            "This is the WORST service ever, you are not helpful!"
        );
    }

    #[test]
    fn an_angry_reply_gets_calmer_phrasings_that_fit_in_french() {
        let text = "C'est de votre faute, vous êtes incapables";
        let (found, _) = check(text, Language::Fr, None);
        assert_eq!(
            suggestions_of(&found, text, "C'est de votre faute"),
            ["C'est un malentendu"]
        );
        assert_eq!(suggestions_of(&found, text, "incapables"), ["dépassés"]);
        // After an article the slot takes a noun: the adjective does not fit, none is offered.
        let text = "Vous êtes des incapables";
        let (found, _) = check(text, Language::Fr, None);
        assert!(suggestions_of(&found, text, "incapables").is_empty());
    }

    #[test]
    fn clickbait_gets_a_plainer_phrasing_in_both_languages() {
        let text = "You won't believe our new menu";
        let (found, _) = check(text, Language::EnUs, None);
        assert_eq!(
            suggestions_of(&found, text, "You won't believe"),
            ["Take a look at"]
        );
        let text = "Une offre à ne pas manquer";
        let (found, _) = check(text, Language::Fr, None);
        assert_eq!(
            suggestions_of(&found, text, "à ne pas manquer"),
            ["à découvrir"]
        );
    }

    #[test]
    fn an_insult_with_no_calmer_wording_says_so_in_the_interface_language() {
        use crate::locale::UiLanguage;
        use crate::tone::{Lang, ParagraphTone};
        let text = "You are a complete idiot";
        let en = ParagraphTone::read(text, &tokenize(text), Lang::En, None, UiLanguage::English);
        let fr = ParagraphTone::read(text, &tokenize(text), Lang::En, None, UiLanguage::French);
        assert!(en.findings[0].suggestions.is_empty());
        assert!(
            en.findings[0].why.contains("no calmer wording"),
            "{}",
            en.findings[0].why
        );
        assert!(fr.findings[0].why.contains("pas de formulation plus calme"));
    }

    #[test]
    fn inclusive_suggestions_fit_the_sentence_or_are_not_offered() {
        use crate::locale::UiLanguage;
        use crate::tone::{Lang, ParagraphTone};
        let text = "This deal is insane, grab it before Friday";
        let (found, _) = check(text, Language::EnUs, None);
        let inclusive: Vec<&Finding> = found
            .iter()
            .filter(|f| f.rule.as_str() == "tone.inclusive")
            .collect();
        assert_eq!(inclusive.len(), 1);
        assert_eq!(inclusive[0].suggestions, vec!["incredible"]);
        let text = "You guys are amazing";
        let (found, _) = check(text, Language::EnUs, None);
        assert_eq!(
            suggestions_of(&found, text, "You guys"),
            ["You all", "You folks"]
        );
        // No fitting alternative: none offered, and the why says so in the interface language.
        let text = "He was alcoholic for years";
        for (ui, says) in [
            (UiLanguage::English, "none is offered"),
            (UiLanguage::French, "aucune n'est donc proposée"),
        ] {
            let p = ParagraphTone::read(text, &tokenize(text), Lang::En, None, ui);
            let f = p
                .findings
                .iter()
                .find(|f| f.rule.as_str() == "tone.inclusive")
                .unwrap();
            assert!(f.suggestions.is_empty());
            assert!(f.why.contains(says), "{}", f.why);
        }
    }

    #[test]
    fn acronyms_in_a_list_are_not_shouting_in_a_check() {
        let (found, _) = check(
            "Big news from NASA, IBM and BMW today",
            Language::EnUs,
            None,
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn profanity_is_an_error_when_the_target_forbids_it() {
        let target = ToneTarget {
            no_profanity: Some(true),
            ..ToneTarget::default()
        };
        let (found, _) = check("this is fucking brilliant", Language::EnUs, Some(target));
        let profanity = found
            .iter()
            .find(|f| f.rule.as_str() == "tone.profanity")
            .unwrap();
        assert_eq!(profanity.severity, Severity::Error);
        let (found, _) = check("this is fucking brilliant", Language::EnUs, None);
        assert_eq!(found[0].severity, Severity::Warning);
    }
}
