//! Paragraphs and sentences of a text, as byte spans, found from the tokens.
//!
//! A paragraph ends at a blank line. A sentence ends after `.`, `!`, `?` or `…` (closing quotes
//! and brackets included) when white space follows, or at a line break; single letters and a few
//! abbreviations (`e.g.`, `M.`, `etc.`) do not end a sentence.

use super::{Token, TokenKind};
use crate::report::Span;

/// Abbreviations whose final dot does not end a sentence (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "st", "no", "p", "pp", "cf", "mme", "mlle",
    "av", "env", "approx", "a.m", "p.m",
];

/// Spans of the paragraphs of `text`: runs of lines separated by one or more blank lines,
/// trimmed of surrounding white space. Empty paragraphs are not returned.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                spans.push(Span::new(s, end));
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            if start.is_none() {
                start = Some(offset + lead);
            }
            end = offset + content.trim_end().len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        spans.push(Span::new(s, end));
    }
    spans
}

fn ends_sentence(piece: &str) -> bool {
    piece.contains(['.', '!', '?', '…'])
}

/// Spans of the sentences of `text`, using its `tokens` (from [`super::tokenize`]).
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (i, token) in tokens.iter().enumerate() {
        let first = *start.get_or_insert(token.span.start);
        let next = tokens.get(i + 1);
        let gap = next.map_or("", |n| &text[token.span.end..n.span.start]);
        let line_break = gap.contains('\n');
        let mut boundary = next.is_none() || line_break;
        if !boundary && token.kind == TokenKind::Punctuation && !gap.is_empty() {
            let piece = token.text(text);
            boundary = ends_sentence(piece) && !is_abbreviation(text, tokens, i, piece);
        }
        if boundary {
            spans.push(Span::new(first, token.span.end));
            start = None;
        }
    }
    spans
}

/// Whether the dot token at `i` closes an abbreviation or an initial rather than a sentence.
fn is_abbreviation(text: &str, tokens: &[Token], i: usize, piece: &str) -> bool {
    if piece != "." || i == 0 {
        return false;
    }
    let prev = &tokens[i - 1];
    if prev.kind != TokenKind::Word || prev.span.end != tokens[i].span.start {
        return false;
    }
    let word = prev.text(text).to_lowercase();
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
        // "J. Smith", "e.g." split as e . g . — but "a." at a sentence end is rare.
        return true;
    }
    // Join "e.g" / "a.m" written as word-dot-word before this dot.
    let mut joined = word.clone();
    if i >= 3 && tokens[i - 2].text(text) == "." && tokens[i - 2].span.end == prev.span.start {
        joined = format!("{}.{}", tokens[i - 3].text(text).to_lowercase(), word);
    }
    ABBREVIATIONS.contains(&joined.as_str()) || ABBREVIATIONS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text, &tokenize(text))
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentences_end_at_terminal_punctuation_followed_by_space() {
        assert_eq!(
            sentence_texts("Our sale starts now! Grab a deal. Questions? Ask @acme."),
            vec![
                "Our sale starts now!",
                "Grab a deal.",
                "Questions?",
                "Ask @acme."
            ]
        );
    }

    #[test]
    fn french_sentences_and_abbreviations_stay_whole() {
        assert_eq!(
            sentence_texts("Bonjour M. Dupont, voici l'offre. Elle finit demain…"),
            vec!["Bonjour M. Dupont, voici l'offre.", "Elle finit demain…"]
        );
        assert_eq!(
            sentence_texts("Bring snacks, e.g. chips. Then relax."),
            vec!["Bring snacks, e.g. chips.", "Then relax."]
        );
    }

    #[test]
    fn a_line_break_ends_a_sentence_and_links_do_not() {
        assert_eq!(
            sentence_texts("New drop at shop.acme.com/sale today\nLink in bio"),
            vec!["New drop at shop.acme.com/sale today", "Link in bio"]
        );
    }

    #[test]
    fn paragraphs_are_separated_by_blank_lines() {
        let text = "First line\nsame paragraph\n\n  \nSecond one.\n";
        let spans: Vec<&str> = paragraphs(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(spans, vec!["First line\nsame paragraph", "Second one."]);
    }
}
