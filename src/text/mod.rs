//! Social text as tokens: words, hashtags, mentions, links, emoji, numbers, code.
//!
//! Checkers never re-scan raw text: they walk the tokens this module produces, so a `#hashtag`,
//! an `@mention` or a `bit.ly/xyz` link is recognised in one place and never mistaken for a word.

pub mod lines;
pub mod offsets;
mod scan;
mod segment;

pub use scan::{hashtag_parts, tokenize};
pub use segment::{paragraphs, sentences};

use crate::report::Span;

/// What a token is; only `Word` tokens are candidates for spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, with inner apostrophes or hyphens (`don't`, `l'équipe`, `well-known`).
    Word,
    /// `#SummerSale`: the span includes the `#`.
    Hashtag,
    /// `@handle` or `@user@instance.social`.
    Mention,
    /// `$TSLA`.
    Cashtag,
    /// `https://…`, `www.…` or a bare domain such as `bit.ly/3xYz`.
    Url,
    Email,
    /// Digits, possibly with letters or separators: `3pm`, `2nd`, `10k`, `24/7`, `mp3`.
    Number,
    /// One emoji sequence (ZWJ, skin tones, flags and keycaps included).
    Emoji,
    /// Text in backticks, backticks included.
    Code,
    /// Anything else that is not white space: punctuation, symbols.
    Punctuation,
}

/// A token and where it sits in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

impl Token {
    /// The token's text within `source` (the text it was scanned from).
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.start..self.span.end]
    }
}
