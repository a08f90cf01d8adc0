//! Social rules: hashtags, mentions, emoji, links, a required call to action and a required
//! disclosure. They read the tokens of `crate::text`, never the raw characters.

use crate::report::Span;
use crate::text::{hashtag_parts, Token, TokenKind};

use super::engine::{format_message, Alert, Document};
use super::rule::{HashtagPosition, Kind, Rule, UtmPolicy};

/// Link shorteners hide the destination; many brands and platforms discourage them.
pub const SHORTENERS: &[&str] = &[
    "bit.ly",
    "t.co",
    "tinyurl.com",
    "goo.gl",
    "ow.ly",
    "buff.ly",
    "is.gd",
    "rebrand.ly",
    "cutt.ly",
    "shorturl.at",
    "tiny.cc",
    "lnkd.in",
    "dlvr.it",
    "t.ly",
    "rb.gy",
    "s.id",
    "bl.ink",
    "shorte.st",
    "v.gd",
    "trib.al",
];

/// Fewest letters before a one-case hashtag is asked to use CamelCase. Without a dictionary a
/// long one-case tag is most likely several words (#summersaleweekend); shorter ones are often
/// one word (#partenariat) and are left alone.
pub const CAMELCASE_MIN_LETTERS: usize = 12;

fn in_scope(t: &Token, scope: Span) -> bool {
    t.span.start >= scope.start && t.span.end <= scope.end
}

fn alert(rule: &Rule, span: Span, args: &[&str], suggestions: Vec<String>) -> Alert {
    Alert {
        span,
        message: format_message(&rule.message, args),
        suggestions,
    }
}

/// The host of a link token, lowercase, without `www.`.
pub fn link_host(link: &str) -> String {
    let lower = link.to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host).to_string()
}

/// Whether a draft is a reply: it starts with one or more mentions.
fn leading_mentions_end(doc: &Document) -> Option<usize> {
    let mut end = None;
    for t in &doc.tokens {
        if t.kind == TokenKind::Mention {
            end = Some(t.span.end);
        } else {
            break;
        }
    }
    end
}

/// Suggests CamelCase for an all-lowercase hashtag body using the brand lexicon is beyond a
/// rule; the suggestion is the capitalised body, which the writer refines.
fn camel_hint(body: &str) -> String {
    let mut chars = body.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub fn run(rule: &Rule, doc: &Document, scope: Span, out: &mut Vec<Alert>) {
    let tokens: Vec<&Token> = doc.tokens.iter().filter(|t| in_scope(t, scope)).collect();
    let of = |kind: TokenKind| -> Vec<&Token> {
        tokens.iter().copied().filter(|t| t.kind == kind).collect()
    };
    match &rule.kind {
        Kind::Hashtags {
            max,
            camelcase,
            banned,
            required,
            position,
        } => {
            let tags = of(TokenKind::Hashtag);
            if let Some(max) = max {
                for t in tags.iter().skip(*max) {
                    out.push(alert(
                        rule,
                        t.span,
                        &[t.text(doc.text), &max.to_string()],
                        vec![],
                    ));
                }
            }
            for t in &tags {
                let text = t.text(doc.text);
                let body = tag_body(text);
                let lower = body.to_lowercase();
                if banned.contains(&lower) {
                    out.push(alert(rule, t.span, &[text], vec![]));
                }
                let letters = body.chars().filter(|c| c.is_alphabetic()).count();
                let single_part = hashtag_parts(body).len() == 1;
                if *camelcase
                    && single_part
                    && letters >= CAMELCASE_MIN_LETTERS
                    && (!body.chars().any(char::is_uppercase)
                        || !body.chars().any(char::is_lowercase))
                {
                    out.push(alert(
                        rule,
                        t.span,
                        &[text],
                        vec![format!("#{}", camel_hint(&lower))],
                    ));
                }
            }
            if !required.is_empty()
                && !tags
                    .iter()
                    .any(|t| required.contains(&tag_body(t.text(doc.text)).to_lowercase()))
            {
                let shown = required
                    .iter()
                    .map(|r| format!("#{r}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let span = super::engine::first_line(&doc.text[scope.start..scope.end])
                    .map(|s| Span::new(scope.start + s.start, scope.start + s.end))
                    .unwrap_or(scope);
                out.push(alert(rule, span, &[&shown], vec![]));
            }
            if *position == HashtagPosition::End {
                let last_word = tokens
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .map(|t| t.span.end)
                    .max()
                    .unwrap_or(0);
                for t in tags.iter().filter(|t| t.span.start < last_word) {
                    out.push(alert(rule, t.span, &[t.text(doc.text)], vec![]));
                }
            }
        }
        Kind::Mentions { max } => {
            for t in of(TokenKind::Mention).iter().skip(*max) {
                out.push(alert(
                    rule,
                    t.span,
                    &[t.text(doc.text), &max.to_string()],
                    vec![],
                ));
            }
        }
        Kind::Emoji {
            max,
            allowed,
            not_at_reply_start,
        } => {
            let emoji = of(TokenKind::Emoji);
            if let Some(max) = max {
                for t in emoji.iter().skip(*max) {
                    out.push(alert(
                        rule,
                        t.span,
                        &[t.text(doc.text), &max.to_string()],
                        vec![],
                    ));
                }
            }
            if let Some(allowed) = allowed {
                for t in &emoji {
                    let e = t.text(doc.text);
                    if !allowed.iter().any(|a| emoji_base(a) == emoji_base(e)) {
                        out.push(alert(rule, t.span, &[e], vec![]));
                    }
                }
            }
            if *not_at_reply_start {
                if let Some(end) = leading_mentions_end(doc) {
                    let first_after = doc.tokens.iter().find(|t| t.span.start >= end);
                    if let Some(t) = first_after.filter(|t| t.kind == TokenKind::Emoji) {
                        out.push(alert(rule, t.span, &[t.text(doc.text)], vec![]));
                    }
                }
            }
        }
        Kind::Links {
            max,
            no_shorteners,
            utm,
        } => {
            let links = of(TokenKind::Url);
            if let Some(max) = max {
                for t in links.iter().skip(*max) {
                    out.push(alert(
                        rule,
                        t.span,
                        &[t.text(doc.text), &max.to_string()],
                        vec![],
                    ));
                }
            }
            for t in &links {
                let link = t.text(doc.text);
                let host = link_host(link);
                if *no_shorteners && SHORTENERS.contains(&host.as_str()) {
                    out.push(alert(rule, t.span, &[link], vec![]));
                }
                let has_utm = link.to_lowercase().contains("utm_");
                match utm {
                    Some(UtmPolicy::Required) if !has_utm => {
                        out.push(alert(rule, t.span, &[link], vec![]))
                    }
                    Some(UtmPolicy::Forbidden) if has_utm => {
                        let clean = strip_utm(link);
                        out.push(alert(rule, t.span, &[link], vec![clean]))
                    }
                    _ => {}
                }
            }
        }
        Kind::CallToAction { pattern } => {
            let text = &doc.text[scope.start..scope.end];
            if !text.trim().is_empty() && !pattern.is_match(text) {
                out.push(alert(rule, scope, &[], vec![]));
            }
        }
        Kind::Disclosure { triggers, tags } => {
            let text = &doc.text[scope.start..scope.end];
            let disclosed = of(TokenKind::Hashtag)
                .iter()
                .any(|t| tags.contains(&tag_body(t.text(doc.text)).to_lowercase()));
            if disclosed {
                return;
            }
            if let Some(m) = triggers.find_all(text).into_iter().find(|m| {
                // A trigger inside a hashtag counts too (#giveaway), but not inside a link.
                !doc.tokens.iter().any(|t| {
                    t.kind == TokenKind::Url
                        && t.span.start <= scope.start + m.start
                        && scope.start + m.end <= t.span.end
                })
            }) {
                let shown = tags
                    .iter()
                    .map(|t| format!("#{t}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                out.push(alert(
                    rule,
                    Span::new(scope.start + m.start, scope.start + m.end),
                    &[&text[m.start..m.end], &shown],
                    tags.iter().take(1).map(|t| format!("#{t}")).collect(),
                ));
            }
        }
        _ => {}
    }
}

/// An emoji without skin-tone modifiers and variation selectors: 👍🏽 and 👍️ are 👍.
fn emoji_base(emoji: &str) -> String {
    emoji
        .chars()
        .filter(|c| !matches!(*c as u32, 0x1F3FB..=0x1F3FF | 0xFE0E | 0xFE0F))
        .collect()
}

/// A hashtag without its `#` (or full-width `＃`).
pub fn tag_body(tag: &str) -> &str {
    tag.trim_start_matches(['#', '＃'])
}

/// `link` without its `utm_*` query parameters.
pub fn strip_utm(link: &str) -> String {
    let Some((base, query)) = link.split_once('?') else {
        return link.to_string();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.to_lowercase().starts_with("utm_"))
        .collect();
    if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    }
}
