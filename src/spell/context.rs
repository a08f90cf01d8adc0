//! Real-word slips that a dictionary cannot see but one neighbouring word reveals: `a`/`an`
//! before the wrong sound, and a word typed twice (`the the`).

use super::messages;
use crate::locale::UiLanguage;
use crate::report::{Category, Finding, RuleId, Severity, Span};
use crate::text::{Token, TokenKind};

/// Rule id: `a` before a vowel sound or `an` before a consonant sound.
pub const ARTICLE: &str = "grammar.article";
/// Rule id: the same word twice in a row.
pub const REPEATED_WORD: &str = "grammar.repeated-word";

/// Short words that are typed twice by mistake; doubling them is never meant.
const DOUBLED_BY_MISTAKE: &[&str] = &[
    "the", "a", "an", "to", "of", "in", "on", "at", "for", "and", "is", "are", "was", "were", "it",
    "with", "be", "this", "our", "your", "we", "you", "i", "my", "from", "by", "as", "or", "will",
    "can", "has", "have", "le", "la", "les", "de", "des", "du", "un", "une", "et", "à", "en",
    "pour", "avec", "dans", "sur", "est", "au", "aux", "ce", "qui", "que", "notre", "votre",
];

/// Checks `a`/`an` (English paragraphs only) and repeated words among `tokens`.
pub fn check(text: &str, tokens: &[Token], english: bool, ui: UiLanguage, out: &mut Vec<Finding>) {
    for (i, pair) in tokens.windows(2).enumerate() {
        let (first, second) = (pair[0], pair[1]);
        let gap = &text[first.span.end..second.span.start];
        if first.kind != TokenKind::Word || gap.is_empty() || !gap.chars().all(|c| c == ' ') {
            continue;
        }
        let word = first.text(text);
        let next = second.text(text);
        if second.kind == TokenKind::Word
            && same_in_lowercase(word, next)
            && DOUBLED_BY_MISTAKE
                .iter()
                .any(|short| same_in_lowercase(word, short))
        {
            out.push(Finding {
                category: Category::Grammar,
                rule: RuleId::from(REPEATED_WORD),
                severity: Severity::Warning,
                span: Span::new(first.span.start, second.span.end),
                message: messages::fill(&messages::REPEATED_WORD, ui, &[("word", word)]),
                why: messages::REPEATED_WORD_WHY.get(ui).into(),
                link: None,
                suggestions: vec![word.to_string()],
            });
        }
        let before_a_word = matches!(second.kind, TokenKind::Word | TokenKind::Number);
        // `a` followed by a closing word of a list (`a)`) or a tag is left alone.
        // Only `a`, `A` and `an` in any case lowercase to `a` and `an`.
        let article = ["a", "an"]
            .into_iter()
            .find(|a| word.eq_ignore_ascii_case(a));
        if english && before_a_word && article.is_some() && i + 1 < tokens.len() {
            let wants_an = starts_with_vowel_sound(next);
            let fix = match (article, wants_an) {
                (Some("a"), Some(true)) => Some("an"),
                (Some("an"), Some(false)) => Some("a"),
                _ => None,
            };
            if let Some(fix) = fix {
                let fixed = super::case::match_case(word, fix);
                out.push(Finding {
                    category: Category::Grammar,
                    rule: RuleId::from(ARTICLE),
                    severity: Severity::Warning,
                    span: first.span,
                    message: messages::fill(
                        &messages::ARTICLE,
                        ui,
                        &[("fixed", &fixed), ("next", next)],
                    ),
                    why: messages::ARTICLE_WHY.get(ui).into(),
                    link: None,
                    suggestions: vec![fixed],
                });
            }
        }
    }
}

/// Whether `a` and `b` are the same word in lowercase, compared letter by letter without
/// allocating. Letter by letter is the string's lowercase except for a capital sigma (which
/// lowercases by its place in the word): no word of [`DOUBLED_BY_MISTAKE`] has one.
fn same_in_lowercase(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Whether `word` starts with a vowel sound; `None` when unsure.
pub fn starts_with_vowel_sound(word: &str) -> Option<bool> {
    let lower = word.to_lowercase();
    let first = lower.chars().next()?;
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let is_acronym = (2..=5).contains(&letters)
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if first.is_ascii_digit() {
        // "an 8", "an 11", "an 18", "an 80s"; others start with a consonant sound.
        let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
        let vowel = digits.starts_with('8')
            || ((digits.len() == 2 || digits.len() == 5)
                && (digits.starts_with("11") || digits.starts_with("18")));
        return Some(vowel);
    }
    if is_acronym {
        // Letter names: "an FAQ", "an SEO tip", "a KPI".
        return Some("aefhilmnorsx".contains(first));
    }
    const SILENT_H: &[&str] = &["hour", "honest", "honor", "honour", "heir"];
    if SILENT_H.iter().any(|h| lower.starts_with(h)) {
        return Some(true);
    }
    // "an unimportant", "an uninstall": the prefix un- keeps its vowel sound.
    if ["unin", "unim", "unid"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some(true);
    }
    const CONSONANT_SOUND: &[&str] = &[
        "uni", "use", "usu", "uti", "ura", "ure", "uro", "eu", "ewe", "one", "once", "ubiq", "uku",
        "ufo",
    ];
    if CONSONANT_SOUND.iter().any(|p| lower.starts_with(p)) {
        return Some(false);
    }
    if "aeiou".contains(first) {
        return Some(true);
    }
    if first.is_alphabetic() {
        return Some(false);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn rules(text: &str) -> Vec<(String, String, Vec<String>)> {
        let mut out = vec![];
        check(text, &tokenize(text), true, UiLanguage::English, &mut out);
        out.into_iter()
            .map(|f| {
                (
                    f.rule.0,
                    text[f.span.start..f.span.end].to_string(),
                    f.suggestions,
                )
            })
            .collect()
    }

    #[test]
    fn a_before_a_vowel_sound_becomes_an() {
        assert_eq!(
            rules("We have a exciting update"),
            vec![(ARTICLE.to_string(), "a".to_string(), vec!["an".to_string()])]
        );
        assert_eq!(rules("It takes a hour")[0].2, vec!["an"]);
        assert_eq!(rules("A FAQ for you")[0].2, vec!["An"]);
    }

    #[test]
    fn an_before_a_consonant_sound_becomes_a() {
        assert_eq!(rules("Join an university program")[0].2, vec!["a"]);
        assert_eq!(rules("an great day")[0].2, vec!["a"]);
    }

    #[test]
    fn correct_articles_pass() {
        for ok in [
            "an hour",
            "a user",
            "an FAQ",
            "a KPI",
            "an 8am call",
            "a one-off",
            "a European brand",
            "an honest take",
            "a #hashtag",
            "an @mention",
            "an unusual day",
            "a unicorn",
        ] {
            assert!(rules(ok).is_empty(), "{ok}: {:?}", rules(ok));
        }
    }

    #[test]
    fn doubled_words_are_flagged_in_english_and_french() {
        let found = rules("Check out the the new drop");
        assert_eq!(found[0].0, REPEATED_WORD);
        assert_eq!(found[0].1, "the the");
        assert_eq!(found[0].2, vec!["the"]);
        let mut out = vec![];
        let fr = "Merci pour pour votre soutien";
        check(fr, &tokenize(fr), false, UiLanguage::English, &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn intended_doubles_and_words_across_punctuation_pass() {
        for ok in [
            "that that",
            "very very good",
            "nous nous voyons",
            "bye bye",
            "the. The",
        ] {
            assert!(rules(ok).iter().all(|r| r.0 != REPEATED_WORD), "{ok}");
        }
    }
}
