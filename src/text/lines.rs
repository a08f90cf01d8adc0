//! A draft as lines: each line's tokens (read once and remembered), the draft's tokens put back
//! together from its lines', and moving spans between line-relative and draft offsets.
//!
//! The line is the unit of incremental checking: tokens never cross a line break, and the
//! speller, the sentence splitter and the tone reader all end a unit at one.

use std::sync::Arc;

use crate::cache::UnitCache;
use crate::report::Span;
use crate::text::{Token, TokenKind};

/// What every room needs to know about a line, whatever the settings: its tokens (spans
/// relative to the line) and its word count.
#[derive(Debug, Clone, PartialEq)]
pub struct LineTokens {
    pub tokens: Vec<Token>,
    pub words: usize,
}

impl LineTokens {
    pub fn read(line: &str) -> LineTokens {
        let tokens = crate::text::tokenize(line);
        let words = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
        LineTokens { tokens, words }
    }
}

/// One line of the draft being checked: where it starts, its text and its tokens.
#[derive(Debug, Clone)]
pub struct Line<'t> {
    pub start: usize,
    pub text: &'t str,
    pub read: Arc<LineTokens>,
}

/// The lines of `text` (split at `\n`, without it) with their tokens, from `cache` when a line
/// was seen before. Tokens never cross a line break, so a line's tokens are the draft's tokens
/// on that line.
pub fn lines<'t>(text: &'t str, cache: &UnitCache<(), LineTokens>) -> Vec<Line<'t>> {
    let mut start = 0;
    text.split('\n')
        .map(|line| {
            let at = start;
            start += line.len() + 1;
            Line {
                start: at,
                text: line,
                read: cache.get_or_make(line, &(), || LineTokens::read(line)),
            }
        })
        .collect()
}

/// The draft's tokens (absolute spans), put together from its lines'.
pub fn draft_tokens(lines: &[Line]) -> Vec<Token> {
    let mut out = Vec::with_capacity(lines.iter().map(|l| l.read.tokens.len()).sum());
    for line in lines {
        out.extend(line.read.tokens.iter().map(|t| Token {
            kind: t.kind,
            span: shift(t.span, line.start),
        }));
    }
    out
}

/// `span` moved `offset` bytes further into the text.
pub fn shift(span: Span, offset: usize) -> Span {
    Span::new(span.start + offset, span.end + offset)
}

/// The lines of `text` that hold tokens, each with its start, its text and its tokens (spans
/// relative to the line), from the draft's `tokens`.
pub fn split_tokens_by_line<'t>(
    text: &'t str,
    tokens: &[Token],
) -> Vec<(usize, &'t str, Vec<Token>)> {
    let mut out = Vec::new();
    let mut rest = tokens;
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let count = rest.iter().take_while(|t| t.span.end <= end).count();
        let (here, after) = rest.split_at(count);
        rest = after;
        if !here.is_empty() {
            let relative = here
                .iter()
                .map(|t| Token {
                    kind: t.kind,
                    span: Span::new(t.span.start - start, t.span.end - start),
                })
                .collect();
            out.push((start, line, relative));
        }
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn a_draft_tokenized_line_by_line_gives_the_draft_tokens() {
        let text = "Big news! Our colection 🌞 #SummerSale @acme\n\n  l’équipe `code here` bit.ly/3xYz\r\nC'est génial !!! 👩‍👩‍👧";
        let cache = UnitCache::new(16);
        assert_eq!(draft_tokens(&lines(text, &cache)), tokenize(text));
    }
}
