//! A line's tokens → sentences of grammar tokens, each word with its readings from the lexicon.
//!
//! Social text decides what a sentence is made of:
//! - words and numbers (a number reads as a numeral) are tokens of the sentence, and so is
//!   punctuation inside it (commas, quotes, dashes: a rule can test them);
//! - `.`, `!`, `?`, `…` and `;` end a sentence, and so do links, e-mail addresses, code and
//!   emoji (a post uses an emoji as a full stop: `Loving this 😍 can't wait`);
//! - hashtags, mentions and cashtags stay in the sentence as *opaque* tokens: they hold a place
//!   (no rule reads `their` and `is` as neighbours across `@acme`) but no test ever matches one.

use crate::grammar::morph::{Analysis, Features, Lexicon, Pos};
use crate::report::Span;
use crate::text::{Token, TokenKind};

/// What kind of grammar token a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    Word,
    Number,
    Punctuation,
    /// A hashtag, mention or cashtag: holds a place, matches no test.
    Opaque,
}

/// One token of a sentence.
#[derive(Debug, Clone)]
pub struct Word<'t> {
    pub kind: WordKind,
    /// As written.
    pub text: &'t str,
    /// Lowercase, curly apostrophes made straight.
    pub lower: String,
    /// Within the line.
    pub span: Span,
    pub analyses: Vec<Analysis>,
}

impl Word<'_> {
    /// Whether the word starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Whether a punctuation token ends a sentence.
fn ends_sentence(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '.' | '!' | '?' | '…' | ';' | '‼' | '⁉'))
}

/// The sentences of one line (`line` is the text the tokens' spans point into).
pub fn sentences<'t>(line: &'t str, tokens: &[Token], lexicon: &dyn Lexicon) -> Vec<Vec<Word<'t>>> {
    let mut out = Vec::new();
    let mut current: Vec<Word<'t>> = Vec::new();
    let mut end = |current: &mut Vec<Word<'t>>| {
        if current.iter().any(|w| w.kind == WordKind::Word) {
            out.push(std::mem::take(current));
        } else {
            current.clear();
        }
    };
    for token in tokens {
        let text = token.text(line);
        let kind = match token.kind {
            TokenKind::Word => WordKind::Word,
            TokenKind::Number => WordKind::Number,
            TokenKind::Hashtag | TokenKind::Mention | TokenKind::Cashtag => WordKind::Opaque,
            TokenKind::Punctuation if !ends_sentence(text) => WordKind::Punctuation,
            TokenKind::Punctuation
            | TokenKind::Url
            | TokenKind::Email
            | TokenKind::Emoji
            | TokenKind::Code => {
                end(&mut current);
                continue;
            }
        };
        let lower = text.to_lowercase().replace(['’', 'ʼ', '‘'], "'");
        // French elision: `l'équipe` is read as `l'` and `équipe`.
        let elided = (kind == WordKind::Word)
            .then(|| lexicon.elision(&lower))
            .flatten();
        if let Some(chars) = elided {
            let split = text
                .char_indices()
                .nth(chars)
                .map_or(text.len(), |(i, _)| i);
            let clitic_lower: String = lower.chars().take(chars).collect();
            current.push(Word {
                kind,
                text: &text[..split],
                analyses: lexicon.analyses(&clitic_lower),
                lower: clitic_lower,
                span: Span::new(token.span.start, token.span.start + split),
            });
            let rest = &text[split..];
            let rest_lower: String = lower.chars().skip(chars).collect();
            current.push(Word {
                kind,
                text: rest,
                analyses: lexicon.analyses(&rest_lower),
                lower: rest_lower,
                span: Span::new(token.span.start + split, token.span.end),
            });
            continue;
        }
        let analyses = match kind {
            WordKind::Word => {
                let mut found = lexicon.analyses(&lower);
                // A capitalised word inside a sentence may be a name (`Will`, `May`, `Apple`).
                let inside = current.iter().any(|w| w.kind == WordKind::Word);
                let capital = text.chars().next().is_some_and(char::is_uppercase);
                if capital && (inside || found.is_empty()) && lower != "i" {
                    found.push(Analysis::new(&lower, Pos::Propn, Features::default()));
                }
                found
            }
            WordKind::Number => vec![Analysis::new(&lower, Pos::Num, Features::default())],
            _ => Vec::new(),
        };
        current.push(Word {
            kind,
            text,
            lower,
            span: token.span,
            analyses,
        });
    }
    end(&mut current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    struct NoWords;
    impl Lexicon for NoWords {
        fn analyses(&self, _: &str) -> Vec<Analysis> {
            Vec::new()
        }
        fn inflect(&self, _: &str, _: Pos, _: &Features) -> Option<String> {
            None
        }
    }

    fn read(line: &str) -> Vec<Vec<String>> {
        sentences(line, &tokenize(line), &NoWords)
            .into_iter()
            .map(|s| s.into_iter().map(|w| w.lower).collect())
            .collect()
    }

    #[test]
    fn emoji_links_and_full_stops_end_sentences_tags_stay_opaque() {
        assert_eq!(
            read("Loving this 😍 can’t wait. Link: bit.ly/x #Launch @acme rocks!"),
            vec![
                vec!["loving", "this"],
                vec!["can't", "wait"],
                vec!["link", ":"],
                vec!["#launch", "@acme", "rocks"],
            ]
        );
        assert!(read("🎉🎉 #tbt").is_empty());
    }
}
