//! The tokenizer: one left-to-right pass over white-space separated chunks.
//!
//! A chunk is first tried whole as a link or an email (so `bit.ly/3xYz` stays one token), then
//! split into words, hashtags, mentions, numbers, emoji and punctuation.

use super::{Token, TokenKind};
use crate::report::Span;

/// Top-level domains accepted for bare links without a scheme (`example.com/path`).
const BARE_LINK_TLDS: &[&str] = &[
    "com", "org", "net", "io", "co", "ly", "me", "fr", "uk", "de", "eu", "us", "ca", "be", "ch",
    "es", "it", "nl", "app", "dev", "ai", "gg", "tv", "xyz", "info", "biz", "social", "link",
    "shop", "store", "news", "blog", "online", "site", "tech", "to", "gl", "gd", "sh", "fm", "am",
    "li", "lu", "qc", "at", "pt", "se", "no", "dk", "fi", "pl", "ie", "au", "nz", "jp", "in", "br",
    "mx", "ar", "gov", "edu",
];

/// Splits `text` into tokens, in order, skipping white space.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    // The characters of the piece being scanned, reused from chunk to chunk.
    let mut chars = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some(start) = next_where(text, pos, |white| !white) else {
            break;
        };
        let end = next_where(text, start, |white| white).unwrap_or(text.len());
        // Inline code may contain spaces: it runs to the closing backtick on the same line.
        if let Some(tick) = text[start..end].find('`') {
            let tick = start + tick;
            let line_end = text[tick..].find('\n').map_or(text.len(), |i| tick + i);
            if let Some(close) = text[tick + 1..line_end].find('`') {
                let close = tick + 1 + close + 1;
                scan_chunk(text, start, tick, &mut chars, &mut tokens);
                push(&mut tokens, TokenKind::Code, tick, close);
                pos = close;
                continue;
            }
        }
        scan_chunk(text, start, end, &mut chars, &mut tokens);
        pos = end;
    }
    tokens
}

/// The first character boundary from `from` on whose white-space-ness `wanted` accepts: bytes
/// one at a time while they are ASCII (most text), characters otherwise.
fn next_where(text: &str, from: usize, wanted: impl Fn(bool) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            // `char::is_whitespace` for ASCII: space, and tab to carriage return.
            if wanted(matches!(b, b' ' | b'\t'..=b'\r')) {
                return Some(i);
            }
            i += 1;
        } else {
            let c = text[i..].chars().next()?;
            if wanted(c.is_whitespace()) {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// Splits a hashtag's body (without `#`) into its parts: `SummerSale2025` → `Summer`, `Sale`,
/// `2025`; `TBT` stays whole; `HTMLTips` → `HTML`, `Tips`. Offsets are relative to `body`.
pub fn hashtag_parts(body: &str) -> Vec<(usize, &str)> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut parts = Vec::new();
    let mut start = 0usize;
    for k in 1..chars.len() {
        let (i, c) = chars[k];
        let prev = chars[k - 1].1;
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let boundary = (prev.is_lowercase() && c.is_uppercase())
            || (prev.is_alphabetic() != c.is_alphabetic() && prev != '_' && c != '_')
            || (prev.is_uppercase() && c.is_uppercase() && next.is_some_and(char::is_lowercase))
            || c == '_';
        if boundary && i > start {
            push_part(body, start, i, &mut parts);
            start = i;
        }
    }
    push_part(body, start, body.len(), &mut parts);
    parts
}

fn push_part<'a>(body: &'a str, start: usize, end: usize, parts: &mut Vec<(usize, &'a str)>) {
    let part = &body[start..end];
    let trimmed = part.trim_start_matches('_');
    if !trimmed.is_empty() {
        parts.push((end - trimmed.len(), trimmed));
    }
}

fn push(tokens: &mut Vec<Token>, kind: TokenKind, start: usize, end: usize) {
    tokens.push(Token {
        kind,
        span: Span::new(start, end),
    });
}

fn scan_chunk(
    text: &str,
    start: usize,
    end: usize,
    chars: &mut Vec<(usize, char)>,
    tokens: &mut Vec<Token>,
) {
    let chunk = &text[start..end];
    // Every link and email has a `.` or a `:` (`https://`, `www.`, a dotted domain): most
    // chunks are words without either.
    if !chunk.bytes().any(|b| b == b'.' || b == b':') {
        scan_parts(text, start, end, chars, tokens);
        return;
    }
    // Leading punctuation such as an opening quote or parenthesis never belongs to a link.
    let lead = chunk
        .char_indices()
        .find(|&(_, c)| !matches!(c, '(' | '[' | '{' | '"' | '\'' | '«' | '“' | '‘' | '<'))
        .map_or(chunk.len(), |(i, _)| i);
    let body = &chunk[lead..];
    if let Some(len) = link_or_email_len(body) {
        scan_parts(text, start, start + lead, chars, tokens);
        let kind = if is_email(&body[..len]) {
            TokenKind::Email
        } else {
            TokenKind::Url
        };
        push(tokens, kind, start + lead, start + lead + len);
        scan_parts(text, start + lead + len, end, chars, tokens);
    } else {
        scan_parts(text, start, end, chars, tokens);
    }
}

/// Length of the link or email at the start of `s`, trailing sentence punctuation excluded.
fn link_or_email_len(s: &str) -> Option<usize> {
    let trimmed = trim_link_end(s);
    if trimmed.is_empty() {
        return None;
    }
    let has_prefix = |prefix: &str| {
        s.as_bytes()
            .get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    if has_prefix("http://") || has_prefix("https://") || has_prefix("www.") {
        return Some(trimmed.len());
    }
    // Emails and bare links have a dotted domain: most chunks are words and stop here.
    if !trimmed.contains('.') {
        return None;
    }
    if is_email(trimmed) || is_bare_domain(trimmed) {
        return Some(trimmed.len());
    }
    None
}

fn trim_link_end(s: &str) -> &str {
    let mut t = s;
    loop {
        let Some(last) = t.chars().next_back() else {
            return t;
        };
        let unbalanced_paren = last == ')' && t.matches('(').count() < t.matches(')').count();
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '»' | '”' | '’' | ']' | '}' | '>'
        ) || unbalanced_paren
        {
            t = &t[..t.len() - last.len_utf8()];
        } else {
            return t;
        }
    }
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
        && is_domain(domain)
}

/// `name.tld` labels, letters/digits/hyphens, at least one dot.
fn is_domain(s: &str) -> bool {
    let Some((_, tld)) = s.rsplit_once('.') else {
        return false;
    };
    s.split('.')
        .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

/// `example.com`, `bit.ly/3xYz`, `shop.acme.fr/sale?utm=x`: a domain with a known TLD.
fn is_bare_domain(s: &str) -> bool {
    let (host, has_path) = match s.find(['/', '?', '#']) {
        Some(i) => (&s[..i], true),
        None => (s, false),
    };
    if !is_domain(host) {
        return false;
    }
    let tld = host.rsplit('.').next().unwrap_or("");
    // Without a path, require a lowercase host so "end.Then" typed without a space stays words.
    BARE_LINK_TLDS
        .iter()
        .any(|known| tld.eq_ignore_ascii_case(known))
        && (has_path || host.chars().all(|c| !c.is_uppercase()))
        && host
            .split('.')
            .next()
            .is_some_and(|first| first.len() >= 2 || has_path)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Characters that start or continue an emoji sequence.
pub(crate) fn is_emoji_char(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF
        | 0x2190..=0x21FF | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0x00A9 | 0x00AE | 0x203C
        | 0x2049 | 0x2122 | 0x2139 | 0x24C2 | 0x25AA..=0x25FE)
}

fn is_emoji_continuation(c: char) -> bool {
    matches!(c as u32, 0x200D | 0xFE0F | 0xFE0E | 0x20E3 | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F)
}

/// Scans a piece of a chunk into words, tags, numbers, emoji and punctuation (`chars`: a buffer
/// for the piece's characters).
fn scan_parts(
    text: &str,
    start: usize,
    end: usize,
    chars: &mut Vec<(usize, char)>,
    tokens: &mut Vec<Token>,
) {
    if !scan_plain_ascii(&text[start..end], start, tokens) {
        scan_any(text, start, end, chars, tokens);
    }
}

/// [`scan_parts`] for any piece: character by character, every token kind.
fn scan_any(
    text: &str,
    start: usize,
    end: usize,
    chars: &mut Vec<(usize, char)>,
    tokens: &mut Vec<Token>,
) {
    let piece = &text[start..end];
    chars.clear();
    chars.extend(piece.char_indices().map(|(i, c)| (start + i, c)));
    let chars = &chars[..];
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let offset = |k: usize| chars.get(k).map_or(end, |&(i, _)| i);
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        let prev_is_word = k > 0 && at(k - 1).is_some_and(|p| p.is_alphanumeric());
        let next = at(k + 1);
        let kind_and_len: (TokenKind, usize) = if c == '`' {
            (TokenKind::Punctuation, 1)
        } else if is_keycap_base(c)
            && (at(k + 1) == Some('\u{20E3}')
                || (at(k + 1) == Some('\u{FE0F}') && at(k + 2) == Some('\u{20E3}')))
        {
            // Keycaps (`1️⃣`, `#️⃣`) are emoji, not numbers or hashtags.
            (TokenKind::Emoji, emoji_len(&chars[k..]))
        } else if (c == '#' || c == '＃')
            && !prev_is_word
            && next.is_some_and(|n| n.is_alphanumeric() || n == '_')
        {
            let n = 1 + run_len(&chars[k + 1..], |x| {
                x.is_alphanumeric() || x == '_' || is_combining_mark(x)
            });
            (TokenKind::Hashtag, n)
        } else if c == '@' && !prev_is_word && next.is_some_and(|n| n.is_alphanumeric() || n == '_')
        {
            let mut n = 1 + run_len(&chars[k + 1..], |x| {
                x.is_alphanumeric() || matches!(x, '_' | '.' | '@' | '-')
            });
            while n > 1 && matches!(at(k + n - 1), Some('.' | '-' | '@')) {
                n -= 1;
            }
            (TokenKind::Mention, n)
        } else if c == '$' && !prev_is_word && next.is_some_and(|n| n.is_ascii_alphabetic()) {
            let n = 1 + run_len(&chars[k + 1..], |x| x.is_ascii_alphabetic() || x == '.');
            (TokenKind::Cashtag, n)
        } else if c.is_numeric() {
            (TokenKind::Number, number_len(&chars[k..]))
        } else if is_word_char(c) {
            let n = word_len(&chars[k..]);
            // Letters glued to digits (`mp3`, `B2B`, `4K`) are codes, not words to spell.
            if at(k + n).is_some_and(char::is_numeric) {
                (TokenKind::Number, n + number_len(&chars[k + n..]))
            } else {
                (TokenKind::Word, n)
            }
        } else if is_emoji_char(c) {
            (TokenKind::Emoji, emoji_len(&chars[k..]))
        } else {
            (TokenKind::Punctuation, 1)
        };
        let (kind, n) = kind_and_len;
        push(tokens, kind, offset(k), offset(k + n));
        k += n;
    }
}

/// The common case of [`scan_parts`]: an ASCII piece without digits, tags, code or emoji
/// (`word`, `don't,`, `(well-known)`) is words and one-character punctuation only. Returns
/// whether the piece was such a piece (and scanned).
fn scan_plain_ascii(piece: &str, start: usize, tokens: &mut Vec<Token>) -> bool {
    let bytes = piece.as_bytes();
    if !bytes
        .iter()
        .all(|&b| b.is_ascii() && !b.is_ascii_digit() && !matches!(b, b'#' | b'@' | b'$' | b'`'))
    {
        return false;
    }
    let mut k = 0;
    while k < bytes.len() {
        if bytes[k].is_ascii_alphabetic() {
            // A word: letters, with single inner apostrophes or hyphens between letters.
            let mut n = k + 1;
            loop {
                while n < bytes.len() && bytes[n].is_ascii_alphabetic() {
                    n += 1;
                }
                let joined = matches!(bytes.get(n), Some(b'\'' | b'-'))
                    && bytes.get(n + 1).is_some_and(u8::is_ascii_alphabetic);
                if !joined {
                    break;
                }
                n += 2;
            }
            push(tokens, TokenKind::Word, start + k, start + n);
            k = n;
        } else {
            push(tokens, TokenKind::Punctuation, start + k, start + k + 1);
            k += 1;
        }
    }
    true
}

fn run_len(chars: &[(usize, char)], pred: impl Fn(char) -> bool) -> usize {
    chars.iter().take_while(|&&(_, c)| pred(c)).count()
}

/// A word: letters and marks, with single inner apostrophes or hyphens between letters.
fn word_len(chars: &[(usize, char)]) -> usize {
    let mut n = run_len(chars, is_word_char);
    loop {
        let joiner = chars.get(n).map(|&(_, c)| c);
        let after = chars.get(n + 1).map(|&(_, c)| c);
        match (joiner, after) {
            (Some(j), Some(a)) if (is_apostrophe(j) || j == '-') && is_word_char(a) => {
                n += 1 + run_len(&chars[n + 1..], is_word_char);
            }
            _ => return n,
        }
    }
}

/// A number with unit or ordinal letters and inner separators: `3pm`, `2nd`, `24/7`, `1,000.50`.
fn number_len(chars: &[(usize, char)]) -> usize {
    let mut n = 0;
    while let Some(&(_, c)) = chars.get(n) {
        let next_is_digit = chars.get(n + 1).is_some_and(|&(_, d)| d.is_numeric());
        if c.is_alphanumeric() || (matches!(c, '.' | ',' | '/' | ':' | '-' | '×') && next_is_digit)
        {
            n += 1;
        } else {
            break;
        }
    }
    n.max(1)
}

fn is_keycap_base(c: char) -> bool {
    c.is_ascii_digit() || c == '#' || c == '*'
}

fn emoji_len(chars: &[(usize, char)]) -> usize {
    let mut n = 1;
    let first_is_flag_half = matches!(chars[0].1 as u32, 0x1F1E6..=0x1F1FF);
    if first_is_flag_half
        && chars
            .get(1)
            .is_some_and(|&(_, c)| matches!(c as u32, 0x1F1E6..=0x1F1FF))
    {
        return 2;
    }
    while let Some(&(_, c)) = chars.get(n) {
        if is_emoji_continuation(c) {
            n += 1;
            // After a zero-width joiner comes the next emoji of the sequence.
            if c == '\u{200D}' && chars.get(n).is_some_and(|&(_, e)| is_emoji_char(e)) {
                n += 1;
            }
        } else {
            break;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        tokenize(text)
            .iter()
            .map(|t| (t.kind, t.text(text)))
            .collect()
    }

    #[test]
    fn the_plain_ascii_fast_path_reads_pieces_as_the_general_scan_does() {
        let pieces = [
            "don't,",
            "(well-known)",
            "a--b",
            "x'",
            "-y",
            "it's-a",
            "Hello!",
            "end.",
            "'quoted'",
            "well-",
            "--",
            "...",
            "(a)",
            "x-'y",
            "O'Neil's",
            "so--so",
            "a'b'c",
            "[test]",
        ];
        let mut fast_paths = 0;
        for piece in pieces {
            let mut fast = Vec::new();
            if !scan_plain_ascii(piece, 0, &mut fast) {
                continue;
            }
            fast_paths += 1;
            let mut general = Vec::new();
            scan_any(piece, 0, piece.len(), &mut Vec::new(), &mut general);
            let read = |tokens: &[Token]| -> Vec<(TokenKind, String)> {
                tokens
                    .iter()
                    .map(|t| (t.kind, t.text(piece).to_string()))
                    .collect()
            };
            assert_eq!(read(&fast), read(&general), "{piece}");
        }
        assert!(
            fast_paths > pieces.len() / 2,
            "the fast path took {fast_paths} pieces"
        );
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            kinds("Don’t miss l'équipe's well-known show."),
            vec![
                (TokenKind::Word, "Don’t"),
                (TokenKind::Word, "miss"),
                (TokenKind::Word, "l'équipe's"),
                (TokenKind::Word, "well-known"),
                (TokenKind::Word, "show"),
                (TokenKind::Punctuation, "."),
            ]
        );
    }

    #[test]
    fn hashtags_mentions_and_cashtags_are_their_own_tokens() {
        assert_eq!(
            kinds("#TBT with @acme_fr and @jane@mastodon.social on $TSLA!"),
            vec![
                (TokenKind::Hashtag, "#TBT"),
                (TokenKind::Word, "with"),
                (TokenKind::Mention, "@acme_fr"),
                (TokenKind::Word, "and"),
                (TokenKind::Mention, "@jane@mastodon.social"),
                (TokenKind::Word, "on"),
                (TokenKind::Cashtag, "$TSLA"),
                (TokenKind::Punctuation, "!"),
            ]
        );
    }

    #[test]
    fn links_with_and_without_scheme_are_one_token() {
        assert_eq!(
            kinds("See https://acme.com/a?b=c, bit.ly/3xYz and (example.com/path)."),
            vec![
                (TokenKind::Word, "See"),
                (TokenKind::Url, "https://acme.com/a?b=c"),
                (TokenKind::Punctuation, ","),
                (TokenKind::Url, "bit.ly/3xYz"),
                (TokenKind::Word, "and"),
                (TokenKind::Punctuation, "("),
                (TokenKind::Url, "example.com/path"),
                (TokenKind::Punctuation, ")"),
                (TokenKind::Punctuation, "."),
            ]
        );
    }

    #[test]
    fn a_missing_space_after_a_full_stop_is_not_a_link() {
        assert_eq!(
            kinds("done.Then"),
            vec![
                (TokenKind::Word, "done"),
                (TokenKind::Punctuation, "."),
                (TokenKind::Word, "Then"),
            ]
        );
    }

    #[test]
    fn emails_are_one_token() {
        assert_eq!(
            kinds("hello@acme.fr"),
            vec![(TokenKind::Email, "hello@acme.fr")]
        );
    }

    #[test]
    fn numbers_with_units_and_separators() {
        assert_eq!(
            kinds("3pm 2nd 10k 24/7 1,000.50 mp3"),
            vec![
                (TokenKind::Number, "3pm"),
                (TokenKind::Number, "2nd"),
                (TokenKind::Number, "10k"),
                (TokenKind::Number, "24/7"),
                (TokenKind::Number, "1,000.50"),
                (TokenKind::Number, "mp3"),
            ]
        );
    }

    #[test]
    fn french_hashtags_times_prices_and_ordinals() {
        assert_eq!(
            kinds("#Nouveauté dès 18h, 40 € d’achat — 1er prix"),
            vec![
                (TokenKind::Hashtag, "#Nouveauté"),
                (TokenKind::Word, "dès"),
                (TokenKind::Number, "18h"),
                (TokenKind::Punctuation, ","),
                (TokenKind::Number, "40"),
                (TokenKind::Punctuation, "€"),
                (TokenKind::Word, "d’achat"),
                (TokenKind::Punctuation, "—"),
                (TokenKind::Number, "1er"),
                (TokenKind::Word, "prix"),
            ]
        );
    }

    #[test]
    fn promo_codes_and_possessive_apostrophes() {
        assert_eq!(
            kinds("Use FLASH30 at our brands' store"),
            vec![
                (TokenKind::Word, "Use"),
                (TokenKind::Number, "FLASH30"),
                (TokenKind::Word, "at"),
                (TokenKind::Word, "our"),
                (TokenKind::Word, "brands"),
                (TokenKind::Punctuation, "'"),
                (TokenKind::Word, "store"),
            ]
        );
    }

    #[test]
    fn emoji_sequences_stay_whole() {
        assert_eq!(
            kinds("hi👋🏽 👩‍👩‍👧 🇫🇷❤️"),
            vec![
                (TokenKind::Word, "hi"),
                (TokenKind::Emoji, "👋🏽"),
                (TokenKind::Emoji, "👩‍👩‍👧"),
                (TokenKind::Emoji, "🇫🇷"),
                (TokenKind::Emoji, "❤️"),
            ]
        );
    }

    #[test]
    fn keycaps_are_emoji_not_numbers_or_hashtags() {
        assert_eq!(
            kinds("1️⃣ #️⃣ 2⃣ 3 #tag"),
            vec![
                (TokenKind::Emoji, "1️⃣"),
                (TokenKind::Emoji, "#️⃣"),
                (TokenKind::Emoji, "2⃣"),
                (TokenKind::Number, "3"),
                (TokenKind::Hashtag, "#tag"),
            ]
        );
    }

    #[test]
    fn code_in_backticks_is_one_token() {
        assert_eq!(
            kinds("run `npm i` now"),
            vec![
                (TokenKind::Word, "run"),
                (TokenKind::Code, "`npm i`"),
                (TokenKind::Word, "now"),
            ]
        );
    }

    #[test]
    fn hashtag_parts_split_camel_case_and_digits() {
        let parts = |s| {
            hashtag_parts(s)
                .into_iter()
                .map(|(_, p)| p)
                .collect::<Vec<_>>()
        };
        assert_eq!(parts("SummerSale2025"), vec!["Summer", "Sale", "2025"]);
        assert_eq!(parts("TBT"), vec!["TBT"]);
        assert_eq!(parts("HTMLTips"), vec!["HTML", "Tips"]);
        assert_eq!(parts("summer_sale"), vec!["summer", "sale"]);
        assert_eq!(hashtag_parts("SumerSale")[1], (5, "Sale"));
    }
}
