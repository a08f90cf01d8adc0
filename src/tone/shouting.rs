//! `tone.shouting`: two or more ALL-CAPS words in a row read as yelling on social media; a list
//! of acronyms (`NASA, IBM and BMW`) is not a row.

use crate::report::{Category, Finding, RuleId, Severity, Span};
use crate::text::{Token, TokenKind};

/// Rule id of a shouting run.
pub const SHOUTING: &str = super::diagnostics::SHOUTING;

/// Fewest capital letters in a run before it counts as shouting (keeps `OK GO` or `I AM` quiet).
const MIN_LETTERS: usize = 5;

fn is_caps_word(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// The run in lowercase, with a capital kept where a sentence starts (`THIS IS HUGE` at the
/// start of a post becomes `This is huge`).
fn calmer(text: &str, start: usize, phrase: &str) -> String {
    let lower = phrase.to_lowercase();
    let before = text[..start].trim_end();
    let starts_sentence = before.is_empty() || before.ends_with(['.', '!', '?', '…', '\n']);
    if !starts_sentence {
        return lower;
    }
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Flags each run of two or more ALL-CAPS words. Punctuation and emoji inside the run do not
/// break it; any other token does.
pub fn check_shouting(text: &str, tokens: &[Token], out: &mut Vec<Finding>) {
    let mut run: Vec<&Token> = Vec::new();
    let flush = |run: &mut Vec<&Token>, out: &mut Vec<Finding>| {
        let letters: usize = run
            .iter()
            .map(|t| t.text(text).chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        if run.len() >= 2 && letters >= MIN_LETTERS {
            let span = Span::new(run[0].span.start, run[run.len() - 1].span.end);
            let phrase = &text[span.start..span.end];
            out.push(Finding {
                category: Category::Tone,
                rule: RuleId::from(SHOUTING),
                severity: Severity::Warning,
                span,
                message: "This reads as shouting".into(),
                why: "Whole phrases in capitals read as yelling; keep capitals for acronyms and let the words carry the emphasis.".into(),
                link: None,
                suggestions: vec![calmer(text, span.start, phrase)],
            });
        }
        run.clear();
    };
    for token in tokens {
        match token.kind {
            TokenKind::Word if is_caps_word(token.text(text)) => run.push(token),
            // A list (`NASA, IBM & BMW`) names things, each in its own capitals: a separator (or a colon)
            // ends the run, so acronyms in a list are never one shouted phrase.
            TokenKind::Punctuation if token.text(text).contains([',', '&', '/', ';', ':']) => {
                flush(&mut run, out)
            }
            TokenKind::Punctuation | TokenKind::Emoji if !run.is_empty() => {}
            _ => flush(&mut run, out),
        }
    }
    flush(&mut run, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn runs(text: &str) -> Vec<&str> {
        let mut out = vec![];
        check_shouting(text, &tokenize(text), &mut out);
        out.iter()
            .map(|f| &text[f.span.start..f.span.end])
            .collect()
    }

    #[test]
    fn a_run_of_capital_words_is_shouting() {
        assert_eq!(runs("we are SO EXCITED about it"), vec!["SO EXCITED"]);
        assert_eq!(runs("THIS IS HUGE!!! Really"), vec!["THIS IS HUGE"]);
    }

    #[test]
    fn single_acronyms_and_short_pairs_are_not() {
        assert!(runs("Join the NASA livestream at 3pm").is_empty());
        assert!(runs("OK GO").is_empty());
    }

    #[test]
    fn a_run_that_starts_a_sentence_keeps_its_capital() {
        let text = "THIS IS HUGE! Et puis C'EST ÉNORME";
        let mut out = vec![];
        check_shouting(text, &tokenize(text), &mut out);
        assert_eq!(out[0].suggestions, vec!["This is huge"]);
        assert_eq!(out[1].suggestions, vec!["c'est énorme"]);
    }

    #[test]
    fn the_suggestion_is_the_lowercase_phrase() {
        let text = "we are SO EXCITED";
        let mut out = vec![];
        check_shouting(text, &tokenize(text), &mut out);
        assert_eq!(out[0].suggestions, vec!["so excited"]);
    }

    #[test]
    fn french_shouting_with_accents_is_found_and_acronyms_are_not() {
        assert_eq!(
            runs("Franchement C'EST INADMISSIBLE ce retard"),
            vec!["C'EST INADMISSIBLE"]
        );
        assert!(runs("Rendez-vous à la SNCF avec la RATP").is_empty());
    }

    #[test]
    fn acronyms_in_a_list_are_not_shouting_in_either_language() {
        assert!(runs("Big news from NASA, IBM and BMW today").is_empty());
        assert!(runs("Partenariat SNCF, RATP & EDF signé").is_empty());
        assert!(runs("NASA/ESA mission update").is_empty());
        // A shouted phrase next to a list is still found.
        assert_eq!(runs("NASA, IBM: THIS IS HUGE"), vec!["THIS IS HUGE"]);
    }

    #[test]
    fn hashtags_mentions_and_emoji_between_capitals_are_not_shouting() {
        assert!(runs("Go #TEAMUSA @NASA 🚀").is_empty());
    }
}
