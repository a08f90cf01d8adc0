//! Platform profiles: each network's length rule and limits, the counters the extension shows
//! ("212/280") and the `platform` diagnostics raised when a draft breaks them.
//!
//! Counting follows each platform's published rule (see `shared/design/platforms.md`): X's
//! twitter-text v3 weighted length (URLs 23, emoji 2, CJK 2), Mastodon's 23-character links and
//! `@user`-only mentions, Bluesky's graphemes and bytes. Links, mentions and emoji come from
//! the tokens of `crate::text`.

mod links;

use serde::{Deserialize, Serialize};

use crate::report::{Category, Finding, RuleId, Severity, Span};
use crate::text::{Token, TokenKind};

/// A social network whose posting rules a draft is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    #[serde(alias = "twitter")]
    X,
    Mastodon,
    Bluesky,
    Threads,
    Linkedin,
    Instagram,
    Facebook,
    Youtube,
}

/// Length a link counts for on X and Mastodon.
pub const LINK_LENGTH: usize = 23;
/// Characters LinkedIn shows before "see more".
pub const LINKEDIN_FOLD: usize = 210;

/// How a platform measures a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    /// twitter-text v3 weighted length.
    Weighted,
    /// Characters with links counted as 23 and mentions as their `@user` part.
    MastodonChars,
    Graphemes,
    Characters,
}

impl Platform {
    pub const ALL: [Platform; 8] = [
        Platform::X,
        Platform::Mastodon,
        Platform::Bluesky,
        Platform::Threads,
        Platform::Linkedin,
        Platform::Instagram,
        Platform::Facebook,
        Platform::Youtube,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Platform::X => "x",
            Platform::Mastodon => "mastodon",
            Platform::Bluesky => "bluesky",
            Platform::Threads => "threads",
            Platform::Linkedin => "linkedin",
            Platform::Instagram => "instagram",
            Platform::Facebook => "facebook",
            Platform::Youtube => "youtube",
        }
    }

    /// The platform's name as people write it, for messages (`X`, `LinkedIn`, `YouTube`).
    pub fn display_name(self) -> &'static str {
        match self {
            Platform::X => "X",
            Platform::Mastodon => "Mastodon",
            Platform::Bluesky => "Bluesky",
            Platform::Threads => "Threads",
            Platform::Linkedin => "LinkedIn",
            Platform::Instagram => "Instagram",
            Platform::Facebook => "Facebook",
            Platform::Youtube => "YouTube",
        }
    }

    /// The platform a site serves, from its host (`x.com`, `www.linkedin.com`, `bsky.app`…).
    /// Mastodon servers have many hosts: a few large ones are known, others are set by the user.
    pub fn from_host(host: &str) -> Option<Platform> {
        let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
        let is = |domain: &str| host == domain || host.ends_with(&format!(".{domain}"));
        Some(if is("x.com") || is("twitter.com") {
            Platform::X
        } else if is("bsky.app") {
            Platform::Bluesky
        } else if is("threads.net") || is("threads.com") {
            Platform::Threads
        } else if is("linkedin.com") {
            Platform::Linkedin
        } else if is("instagram.com") {
            Platform::Instagram
        } else if is("facebook.com") || is("fb.com") {
            Platform::Facebook
        } else if is("youtube.com") {
            Platform::Youtube
        } else if [
            "mastodon.social",
            "mastodon.online",
            "mstdn.social",
            "mas.to",
            "fosstodon.org",
            "hachyderm.io",
            "mastodon.world",
            "piaille.fr",
            "framapiaf.org",
            "mamot.fr",
        ]
        .iter()
        .any(|d| is(d))
        {
            Platform::Mastodon
        } else {
            return None;
        })
    }

    /// The post length limit in the platform's own unit.
    pub fn limit(self) -> usize {
        match self {
            Platform::X => 280,
            Platform::Mastodon | Platform::Threads => 500,
            Platform::Bluesky => 300,
            Platform::Linkedin => 3_000,
            Platform::Instagram => 2_200,
            Platform::Facebook => 63_206,
            Platform::Youtube => 10_000,
        }
    }

    fn measure(self) -> Measure {
        match self {
            Platform::X => Measure::Weighted,
            Platform::Mastodon => Measure::MastodonChars,
            Platform::Bluesky => Measure::Graphemes,
            _ => Measure::Characters,
        }
    }

    /// Most hashtags a post may carry, when the platform caps them.
    pub fn max_hashtags(self) -> Option<usize> {
        match self {
            Platform::Instagram => Some(5),
            Platform::Threads => Some(1),
            _ => None,
        }
    }

    /// Most UTF-8 bytes a post may use, when the platform caps them.
    pub fn max_bytes(self) -> Option<usize> {
        match self {
            Platform::Bluesky => Some(3_000),
            _ => None,
        }
    }
}

impl std::str::FromStr for Platform {
    type Err = String;
    fn from_str(s: &str) -> Result<Platform, String> {
        let lower = s.to_ascii_lowercase();
        Platform::ALL
            .into_iter()
            .find(|p| p.as_str() == lower || (lower == "twitter" && *p == Platform::X))
            .ok_or_else(|| {
                format!("unknown platform {s:?}: use x, mastodon, bluesky, threads, linkedin, instagram, facebook or youtube")
            })
    }
}

/// Counters for the active platform, shown as "212/280" by the extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformCounters {
    pub platform: Platform,
    /// The platform's limit, in the unit of `length`.
    pub limit: usize,
    /// The draft's length as the platform counts it.
    pub length: usize,
    /// `limit - length`, negative when over.
    pub remaining: i64,
    /// X only: twitter-text v3 weighted length.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weighted_length: Option<usize>,
    /// User-perceived characters (extended grapheme clusters).
    pub graphemes: usize,
    /// Unicode scalar values.
    pub characters: usize,
    /// UTF-8 bytes.
    pub bytes: usize,
    /// Bluesky only: the byte limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byte_limit: Option<usize>,
    pub hashtags: usize,
    pub mentions: usize,
    pub links: usize,
}

/// twitter-text v3: code points in these ranges weigh 1, every other one 2.
fn x_weight(c: char) -> usize {
    match c as u32 {
        0x0000..=0x10FF | 0x2000..=0x200D | 0x2010..=0x201F | 0x2032..=0x2037 => 1,
        _ => 2,
    }
}

fn joins_previous(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x200C | 0x200D | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F
        | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x3099 | 0x309A | 0x1160..=0x11FF)
}

/// Grapheme clusters: emoji sequences (from the tokens) count once; combining marks, joiners
/// and variation selectors join the previous character; `\r\n` counts once.
pub fn graphemes(text: &str, tokens: &[Token]) -> usize {
    grapheme_starts(text, tokens).len()
}

/// Byte offset where each grapheme cluster starts.
fn grapheme_starts(text: &str, tokens: &[Token]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut pos = 0;
    let mut previous: Option<char> = None;
    let mut emoji = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Emoji)
        .peekable();
    for (i, c) in text.char_indices() {
        if i < pos {
            continue;
        }
        while emoji.peek().is_some_and(|t| t.span.end <= i) {
            emoji.next();
        }
        if let Some(t) = emoji.peek().filter(|t| t.span.start == i) {
            starts.push(i);
            pos = t.span.end;
            previous = None;
            continue;
        }
        let joined = previous.is_some()
            && (joins_previous(c)
                || previous == Some('\u{200D}')
                || (previous == Some('\r') && c == '\n'));
        if !joined {
            starts.push(i);
        }
        previous = Some(c);
    }
    starts
}

/// The length unit of `platform` and where the text first goes over `limit` (byte offset).
fn measured(platform: Platform, text: &str, tokens: &[Token]) -> (usize, Option<usize>) {
    let limit = platform.limit();
    let mut length = 0;
    let mut overflow = None;
    let note = |length: usize, at: usize, overflow: &mut Option<usize>| {
        if length > limit && overflow.is_none() {
            *overflow = Some(at);
        }
    };
    match platform.measure() {
        Measure::Graphemes => {
            let starts = grapheme_starts(text, tokens);
            length = starts.len();
            overflow = starts.get(limit).copied();
        }
        Measure::Characters => {
            for (i, _) in text.char_indices() {
                length += 1;
                note(length, i, &mut overflow);
            }
        }
        Measure::Weighted | Measure::MastodonChars => {
            let mut pos = 0;
            let special: Vec<&Token> = tokens
                .iter()
                .filter(|t| match t.kind {
                    // A link the platform does not recognise is counted as its characters.
                    TokenKind::Url if platform == Platform::X => {
                        links::x_counts_as_link(t.text(text))
                    }
                    TokenKind::Url => links::mastodon_counts_as_link(t.text(text)),
                    TokenKind::Emoji => true,
                    TokenKind::Mention => platform == Platform::Mastodon,
                    _ => false,
                })
                .collect();
            let mut next = special.iter().peekable();
            let mut previous: Option<char> = None;
            for (i, c) in text.char_indices() {
                if i < pos {
                    continue;
                }
                let before = previous.replace(c);
                if let Some(t) = next.peek().filter(|t| t.span.start == i) {
                    let token_text = t.text(text);
                    length += match t.kind {
                        TokenKind::Url => LINK_LENGTH,
                        TokenKind::Emoji if platform == Platform::X => 2,
                        TokenKind::Emoji => 1,
                        _ => mastodon_mention_length(token_text),
                    };
                    note(length, i, &mut overflow);
                    pos = t.span.end;
                    next.next();
                    continue;
                }
                length += if platform == Platform::X {
                    if composes_with(before, c) {
                        0
                    } else {
                        x_weight(c)
                    }
                } else {
                    1
                };
                note(length, i, &mut overflow);
            }
        }
    }
    (length, overflow)
}

/// twitter-text counts the NFC form: a Latin, Greek or Cyrillic letter followed by a combining
/// accent (`e` + U+0301) composes into one precomposed letter (`é`), so the accent adds nothing.
/// (An approximation of NFC without its tables: the common European accents compose.)
fn composes_with(base: Option<char>, mark: char) -> bool {
    matches!(mark as u32, 0x0300..=0x036F)
        && base.is_some_and(|b| b.is_alphabetic() && (b as u32) < 0x0500)
}

/// `@user@server.social` counts as `@user` on Mastodon.
fn mastodon_mention_length(mention: &str) -> usize {
    let body = mention.trim_start_matches(['@', '＠']);
    1 + body.split('@').next().unwrap_or(body).chars().count()
}

/// Counts `text` for `platform`.
pub fn counters(platform: Platform, text: &str, tokens: &[Token]) -> PlatformCounters {
    let (length, _) = measured(platform, text, tokens);
    let count = |k: TokenKind| tokens.iter().filter(|t| t.kind == k).count();
    PlatformCounters {
        platform,
        limit: platform.limit(),
        length,
        remaining: platform.limit() as i64 - length as i64,
        weighted_length: (platform == Platform::X).then_some(length),
        graphemes: graphemes(text, tokens),
        characters: text.chars().count(),
        bytes: text.len(),
        byte_limit: platform.max_bytes(),
        hashtags: count(TokenKind::Hashtag),
        mentions: count(TokenKind::Mention),
        links: count(TokenKind::Url),
    }
}

fn finding(rule: &str, severity: Severity, span: Span, message: String, why: &str) -> Finding {
    Finding {
        category: Category::Platform,
        rule: RuleId::from(rule),
        severity,
        span,
        message,
        why: why.to_string(),
        link: None,
        suggestions: Vec::new(),
    }
}

/// Rule ids of platform diagnostics.
pub const TOO_LONG: &str = "platform.too-long";
pub const TOO_MANY_BYTES: &str = "platform.too-many-bytes";
pub const TOO_MANY_HASHTAGS: &str = "platform.too-many-hashtags";
pub const HOOK_AFTER_FOLD: &str = "platform.hook-after-fold";

/// Checks `text` against `platform`'s limits and returns the counters.
pub fn check(
    platform: Platform,
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    out: &mut Vec<Finding>,
) -> PlatformCounters {
    let counters = counters(platform, text, tokens);
    let name = platform.display_name();
    let (_, overflow) = measured(platform, text, tokens);
    if let Some(at) = overflow {
        out.push(finding(
            TOO_LONG,
            Severity::Error,
            Span::new(at, text.len()),
            format!(
                "{}/{} on {name}: this part will not fit.",
                counters.length, counters.limit
            ),
            "Each network cuts or refuses posts over its length limit; trim before publishing.",
        ));
    }
    if let Some(max) = platform.max_bytes() {
        if text.len() > max {
            let mut at = max;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            out.push(finding(
                TOO_MANY_BYTES,
                Severity::Error,
                Span::new(at, text.len()),
                format!("{} bytes on {name}: the limit is {max}.", text.len()),
                "Bluesky also limits a post's size in bytes; accented letters and emoji take several bytes.",
            ));
        }
    }
    if let Some(max) = platform.max_hashtags() {
        for t in tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Hashtag)
            .skip(max)
        {
            out.push(finding(
                TOO_MANY_HASHTAGS,
                Severity::Warning,
                t.span,
                format!(
                    "{name} allows {max} hashtag{} per post.",
                    if max == 1 { "" } else { "s" }
                ),
                "Extra hashtags are ignored or make the post look like spam on this network.",
            ));
        }
    }
    if platform == Platform::Linkedin {
        if let Some(first) = sentences.first() {
            let chars_to_end = text[..first.end].chars().count();
            if chars_to_end > LINKEDIN_FOLD {
                let fold = text
                    .char_indices()
                    .nth(LINKEDIN_FOLD)
                    .map_or(text.len(), |(i, _)| i);
                out.push(finding(
                    HOOK_AFTER_FOLD,
                    Severity::Warning,
                    Span::new(fold.max(first.start), first.end),
                    format!("The first sentence runs past LinkedIn's ~{LINKEDIN_FOLD}-character fold."),
                    "LinkedIn shows about 210 characters before \"see more\": put the hook first and keep it short.",
                ));
            }
        }
    }
    counters
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn count(platform: Platform, text: &str) -> PlatformCounters {
        counters(platform, text, &tokenize(text))
    }

    #[test]
    fn x_counts_latin_text_by_characters() {
        let c = count(Platform::X, "Hello world, our summer sale starts now!");
        assert_eq!(c.weighted_length, Some(40));
        assert_eq!(c.remaining, 240);
    }

    #[test]
    fn x_counts_every_link_as_23() {
        let text = "Read more: https://example.com/a/very/long/path/that/keeps/going?utm_source=x";
        let c = count(Platform::X, text);
        assert_eq!(c.weighted_length, Some("Read more: ".len() + 23));
    }

    #[test]
    fn x_counts_a_link_it_does_not_recognise_as_its_characters() {
        // A pasted junk link: one 12,000-letter label is not a DNS label (over 63), so
        // twitter-text counts every character instead of 23.
        let junk = format!("New drop: https://{}.com", "x".repeat(12_000));
        let c = count(Platform::X, &junk);
        assert_eq!(c.weighted_length, Some(junk.chars().count()));
        // A 63-letter label is a link.
        let fine = format!("New drop: https://{}.com", "x".repeat(63));
        assert_eq!(count(Platform::X, &fine).weighted_length, Some(10 + 23));
        // An unknown top-level domain is text, with or without a scheme.
        let text = "see https://intranet.corp";
        assert_eq!(count(Platform::X, text).weighted_length, Some(text.len()));
        // A link over 4,096 characters (scheme and punycode host included) is text.
        let long = format!("https://example.com/{}", "a".repeat(4_077));
        assert_eq!(count(Platform::X, &long).weighted_length, Some(long.len()));
        let longest = format!("https://example.com/{}", "a".repeat(4_076));
        assert_eq!(count(Platform::X, &longest).weighted_length, Some(23));
    }

    #[test]
    fn x_counts_international_domains_by_their_punycode_labels() {
        // bücher: xn--bcher-kva (13 ASCII characters), within 63: a link.
        assert_eq!(
            count(Platform::X, "https://bücher.de/neu").weighted_length,
            Some(23)
        );
        // 28 different CJK characters: 66 ASCII characters once encoded, over 63: not a link,
        // so each character weighs 2.
        let label: String = (0..28u32)
            .filter_map(|i| char::from_u32(0x4E00 + i * 37))
            .collect();
        let text = format!("https://{label}.de");
        assert_eq!(
            count(Platform::X, &text).weighted_length,
            Some("https://".len() + 2 * 28 + ".de".len())
        );
        // 20 of them encode to 45: a link.
        let label: String = label.chars().take(20).collect();
        assert_eq!(
            count(Platform::X, &format!("https://{label}.de")).weighted_length,
            Some(23)
        );
    }

    #[test]
    fn mastodon_counts_only_links_with_a_scheme_as_23() {
        let c = count(Platform::Mastodon, "Shop at acme.com/sale today");
        assert_eq!(c.length, "Shop at acme.com/sale today".chars().count());
        let c = count(Platform::Mastodon, "Shop at https://acme.com/sale today");
        assert_eq!(c.length, "Shop at  today".chars().count() + 23);
    }

    #[test]
    fn x_counts_cjk_as_two_and_emoji_sequences_as_two() {
        // twitter-text: 日本語 weighs 2 each; 👨‍👩‍👧‍👦 (7 code points) counts 2; 👍🏽 counts 2.
        assert_eq!(count(Platform::X, "日本語").weighted_length, Some(6));
        assert_eq!(count(Platform::X, "Family 👨‍👩‍👧‍👦").weighted_length, Some(9));
        assert_eq!(count(Platform::X, "👍🏽").weighted_length, Some(2));
        // Curly quotes (U+2018–U+201F) and the en dash weigh 1.
        assert_eq!(count(Platform::X, "“ok” – yes").weighted_length, Some(10));
        // twitter-text normalises to NFC first: e + U+0301 becomes é and counts 1.
        assert_eq!(count(Platform::X, "Cafe\u{301}").weighted_length, Some(4));
        // A flag (two regional indicators) is one emoji.
        assert_eq!(count(Platform::X, "Paris 🇫🇷").weighted_length, Some(8));
    }

    #[test]
    fn x_allows_140_cjk_characters_and_not_141() {
        let ok = "漢".repeat(140);
        assert_eq!(count(Platform::X, &ok).remaining, 0);
        let over = "漢".repeat(141);
        let tokens = tokenize(&over);
        let mut out = Vec::new();
        let c = check(Platform::X, &over, &tokens, &[], &mut out);
        assert_eq!(c.weighted_length, Some(282));
        // The overflow starts at the 141st character (byte 420).
        assert_eq!(out[0].span.start, 420);
    }

    #[test]
    fn x_flags_the_part_past_280() {
        let text = "a".repeat(285);
        let mut out = Vec::new();
        let tokens = tokenize(&text);
        check(Platform::X, &text, &tokens, &[], &mut out);
        assert_eq!(out[0].rule.as_str(), TOO_LONG);
        assert!(out[0].message.contains(" on X:"), "{}", out[0].message);
        assert_eq!(out[0].span, Span::new(280, 285));
    }

    #[test]
    fn mastodon_counts_mentions_without_their_server() {
        let c = count(
            Platform::Mastodon,
            "Hi @alice@mastodon.social see https://joinmastodon.org/apps",
        );
        assert_eq!(c.length, "Hi @alice see ".chars().count() + 23);
    }

    #[test]
    fn bluesky_counts_graphemes_and_bytes() {
        let c = count(Platform::Bluesky, "Café 👩‍💻 e\u{301}");
        assert_eq!(c.graphemes, 8);
        assert_eq!(c.bytes, "Café 👩‍💻 e\u{301}".len());
        let long = "é".repeat(1_600);
        let mut out = Vec::new();
        let tokens = tokenize(&long);
        check(Platform::Bluesky, &long, &tokens, &[], &mut out);
        assert!(out.iter().any(|f| f.rule.as_str() == TOO_MANY_BYTES));
        assert!(out.iter().any(|f| f.rule.as_str() == TOO_LONG));
    }

    #[test]
    fn instagram_allows_five_hashtags_and_threads_one() {
        let text = "Summer! #a1 #b2 #c3 #d4 #e5 #f6";
        let tokens = tokenize(text);
        let mut out = Vec::new();
        check(Platform::Instagram, text, &tokens, &[], &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].span.start..out[0].span.end], "#f6");
        let mut out = Vec::new();
        check(
            Platform::Threads,
            "Hi #one #two",
            &tokenize("Hi #one #two"),
            &[],
            &mut out,
        );
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn linkedin_warns_when_the_hook_runs_past_the_fold() {
        let long = format!("{} end.", "word ".repeat(50));
        let tokens = tokenize(&long);
        let sentences = crate::text::sentences(&long, &tokens);
        let mut out = Vec::new();
        check(Platform::Linkedin, &long, &tokens, &sentences, &mut out);
        assert_eq!(out[0].rule.as_str(), HOOK_AFTER_FOLD);
    }

    #[test]
    fn platforms_are_found_from_the_site_host() {
        assert_eq!(Platform::from_host("x.com"), Some(Platform::X));
        assert_eq!(Platform::from_host("mobile.twitter.com"), Some(Platform::X));
        assert_eq!(
            Platform::from_host("www.linkedin.com"),
            Some(Platform::Linkedin)
        );
        assert_eq!(Platform::from_host("bsky.app"), Some(Platform::Bluesky));
        assert_eq!(
            Platform::from_host("mastodon.social"),
            Some(Platform::Mastodon)
        );
        assert_eq!(Platform::from_host("example.com"), None);
        assert_eq!(Platform::from_host("notx.com"), None);
    }
}
