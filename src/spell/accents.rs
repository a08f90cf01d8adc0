//! French accents: a word written without its accents, or with the wrong ones, capitals
//! included (`tres` → `très`, `Ca` → `Ça`, `Etat` → `État`, `Ecrivez-nous` → `Écrivez-nous`), and
//! a sentence-initial `A` before a noun phrase (`A bientôt` → `À bientôt`). Lowercase `a`/`à`
//! and `ou`/`où` are homophones a dictionary cannot tell apart: the grammar room's.

use crate::locale::{Localized, UiLanguage};
use crate::report::{Category, Finding, RuleId, Severity, Span};
use crate::text::{Token, TokenKind};

/// Rule id: a French word missing an accent or carrying the wrong one.
pub const ACCENT: &str = "spelling.accent";

pub const MESSAGE: Localized = Localized::new(
    "“{word}” needs its accent: “{fix}”",
    "« {word} » prend un accent : « {fix} »",
);

pub const WHY: Localized = Localized::new(
    "In French, accents are part of the spelling, capitals included (État, À, Ça): a missing accent reads as a typo.",
    "En français, les accents font partie de l'orthographe, majuscules comprises (État, À, Ça) : un accent oublié se lit comme une faute.",
);

/// The letters an accent can be missing from, with the accented forms French uses.
fn accented(c: char) -> &'static [char] {
    match c {
        'a' => &['à', 'â'],
        'e' => &['é', 'è', 'ê', 'ë'],
        'i' => &['î', 'ï'],
        'o' => &['ô'],
        'u' => &['ù', 'û', 'ü'],
        'c' => &['ç'],
        'A' => &['À', 'Â'],
        'E' => &['É', 'È', 'Ê'],
        'I' => &['Î'],
        'O' => &['Ô'],
        'U' => &['Û'],
        'C' => &['Ç'],
        _ => &[],
    }
}

/// `c` without its accent, keeping its case (`É` → `E`).
fn plain(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let base = super::phonetic::strip_accent(lower);
    if base == lower {
        c
    } else if c.is_uppercase() {
        base.to_ascii_uppercase()
    } else {
        base
    }
}

/// Every spelling of `word` that differs from it only in the accents of one or two letters
/// (accents taken off first, then put on), the word itself excluded.
pub fn variants(word: &str) -> Vec<String> {
    let base: Vec<char> = word.chars().map(plain).collect();
    // Words longer than this are not re-accented letter by letter (the search grows fast).
    if base.len() > 14 {
        return Vec::new();
    }
    let slots: Vec<usize> = (0..base.len())
        .filter(|&i| !accented(base[i]).is_empty())
        .collect();
    let mut out = Vec::new();
    let mut push = |chars: &[char]| {
        let s: String = chars.iter().collect();
        if s != word && !out.contains(&s) {
            out.push(s);
        }
    };
    push(&base);
    for (n, &i) in slots.iter().enumerate() {
        for &a in accented(base[i]) {
            let mut one = base.clone();
            one[i] = a;
            push(&one);
            for &j in &slots[n + 1..] {
                for &b in accented(base[j]) {
                    let mut two = one.clone();
                    two[j] = b;
                    push(&two);
                }
            }
        }
    }
    out
}

/// The accent finding for `word` (at `span`) whose right spelling is `fix`.
pub fn finding(word: &str, fix: &str, span: Span, ui: UiLanguage, more: Vec<String>) -> Finding {
    let mut suggestions = vec![fix.to_string()];
    suggestions.extend(more.into_iter().filter(|s| s != fix).take(3));
    Finding {
        category: Category::Spelling,
        rule: RuleId::from(ACCENT),
        severity: Severity::Error,
        span,
        message: MESSAGE
            .get(ui)
            .replace("{word}", word)
            .replace("{fix}", fix),
        why: WHY.get(ui).to_string(),
        link: None,
        suggestions,
    }
}

/// `A` opening a sentence of a French line before a noun phrase or an adverb (`A bientôt`,
/// `A tous`, `A Paris`) is `À`; before a past participle (`A été`, `A fait`) it is the verb.
pub fn initial_a(text: &str, tokens: &[Token], ui: UiLanguage, out: &mut Vec<Finding>) {
    for (i, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Word || token.text(text) != "A" {
            continue;
        }
        let opens = match i.checked_sub(1).map(|p| tokens[p]) {
            None => true,
            Some(previous) => {
                previous.kind == TokenKind::Punctuation
                    && matches!(previous.text(text), "." | "!" | "?" | "…" | ":" | "-" | "—")
                    || previous.kind == TokenKind::Emoji
            }
        };
        let Some(next) = tokens.get(i + 1) else {
            continue;
        };
        let gap = &text[token.span.end..next.span.start];
        if !opens || next.kind != TokenKind::Word || gap != " " {
            continue;
        }
        let following = next.text(text).to_lowercase();
        let participle = [
            "é", "ée", "és", "ées", "i", "is", "it", "u", "us", "ert", "eint",
        ]
        .iter()
        .any(|end| following.ends_with(end))
            && !matches!(
                following.as_str(),
                "tous"
                    | "vous"
                    | "lundi"
                    | "mardi"
                    | "mercredi"
                    | "jeudi"
                    | "vendredi"
                    | "samedi"
                    | "midi"
                    | "paris"
                    | "plus"
                    | "nous"
                    | "minuit"
            );
        if !participle {
            out.push(finding("A", "À", token.span, ui, Vec::new()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_put_accents_on_one_or_two_letters_and_keep_capitals() {
        assert!(variants("tres").contains(&"très".to_string()));
        assert!(variants("deja").contains(&"déjà".to_string()));
        assert!(variants("Ca").contains(&"Ça".to_string()));
        assert!(variants("Etat").contains(&"État".to_string()));
        assert!(variants("bientot").contains(&"bientôt".to_string()));
        // A wrong accent is taken off, then the right one put on.
        assert!(variants("trés").contains(&"très".to_string()));
        assert!(!variants("très").contains(&"très".to_string()));
    }

    #[test]
    fn a_sentence_initial_a_before_a_noun_phrase_is_a_preposition() {
        let flagged = |text: &str| {
            let mut out = Vec::new();
            initial_a(
                text,
                &crate::text::tokenize(text),
                UiLanguage::English,
                &mut out,
            );
            out.iter().map(|f| f.span.start).collect::<Vec<_>>()
        };
        assert_eq!(flagged("A bientôt !"), [0]);
        assert_eq!(flagged("Merci. A demain"), [7]);
        assert_eq!(flagged("A tous, bonne année"), [0]);
        assert!(flagged("A été annoncé hier").is_empty());
        assert!(flagged("Il y A deux jours").is_empty());
        assert!(flagged("Plan A ou plan B").is_empty());
    }
}
