//! Running compiled rules over a document: scopes, Vale's rule types and message formatting.
//!
//! A [`Document`] is the text to check with its tokens, paragraphs and sentences (from
//! `crate::text`). Every rule type turns into [`Alert`]s with byte spans; packs turn alerts into
//! report findings, the Vale runner into `file:line:col` lines.

use crate::report::Span;
use crate::text::{self, Token, TokenKind};

use super::metric::{syllables, Stats};
use super::rule::{CaseStyle, Kind, Rule, Scope};
use super::social;

/// A text ready to be checked.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// The units `draft`/`text` scope runs on: the whole draft, or each block of a Markdown file.
    pub blocks: Vec<Span>,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub headings: Vec<Span>,
    pub french: bool,
    /// Whether matches inside links, mentions, emails and code are ignored (social drafts).
    pub skip_social_tokens: bool,
}

impl<'a> Document<'a> {
    /// A social draft: the whole text is one block; the first line stands for the heading.
    pub fn draft(text: &'a str, tokens: Vec<Token>, french: bool) -> Document<'a> {
        let paragraphs = text::paragraphs(text);
        let sentences = text::sentences(text, &tokens);
        let headings = first_line(text).into_iter().collect();
        Document {
            text,
            blocks: vec![Span::new(0, text.len())],
            tokens,
            paragraphs,
            sentences,
            headings,
            french,
            skip_social_tokens: true,
        }
    }
}

/// The first non-blank line of `text`, trimmed.
pub fn first_line(text: &str) -> Option<Span> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            return Some(Span::new(offset + lead, offset + lead + trimmed.len()));
        }
        offset += line.len();
    }
    None
}

/// What one rule found at one place.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    pub span: Span,
    pub message: String,
    pub suggestions: Vec<String>,
}

/// Fills `%s` placeholders in order.
pub fn format_message(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut next = 0;
    while let Some(i) = rest.find("%s") {
        out.push_str(&rest[..i]);
        out.push_str(args.get(next).copied().unwrap_or(""));
        next += 1;
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

fn token_spans(doc: &Document, kind: TokenKind) -> Vec<Span> {
    doc.tokens
        .iter()
        .filter(|t| t.kind == kind)
        .map(|t| t.span)
        .collect()
}

/// The spans a scope covers in `doc`.
pub fn scope_spans(doc: &Document, scope: Scope) -> Vec<Span> {
    match scope {
        Scope::Draft => doc.blocks.clone(),
        Scope::Paragraph => doc.paragraphs.clone(),
        Scope::Sentence => doc.sentences.clone(),
        Scope::Heading => doc.headings.clone(),
        Scope::Hashtag => token_spans(doc, TokenKind::Hashtag),
        Scope::Mention => token_spans(doc, TokenKind::Mention),
        Scope::Url => token_spans(doc, TokenKind::Url),
        Scope::FirstLine => first_line(doc.text).into_iter().collect(),
    }
}

/// Whether `span` starts inside a link, mention, email or code token (ignored in social
/// drafts); a match that begins where the token begins (a pattern for links) is kept.
fn inside_social_token(doc: &Document, span: Span) -> bool {
    doc.tokens.iter().any(|t| {
        matches!(
            t.kind,
            TokenKind::Url | TokenKind::Mention | TokenKind::Email | TokenKind::Code
        ) && t.span.start < span.start
            && span.start < t.span.end
    })
}

fn keeps(doc: &Document, rule: &Rule, span: Span) -> bool {
    let token_scope = matches!(rule.scope, Scope::Url | Scope::Mention);
    !(doc.skip_social_tokens && !token_scope && inside_social_token(doc, span))
}

/// Vale's list of replacements: `'a'`, `'a' or 'b'`, `'a', 'b', or 'c'`.
fn to_sentence(options: &[String]) -> String {
    let quoted: Vec<String> = options.iter().map(|o| format!("'{o}'")).collect();
    match quoted.len() {
        0 | 1 => quoted.concat(),
        2 => format!("{} or {}", quoted[0], quoted[1]),
        n => format!("{}, or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// A message with two quoted slots (`'%s'` … `'%s'`) loses the quotes of the first, since the
/// replacements arrive quoted.
fn unquote_first_slot(message: &str) -> String {
    for slot in ["'%s'", "\"%s\""] {
        if message.matches(slot).count() == 2 {
            return message.replacen(slot, "%s", 1);
        }
    }
    message.to_string()
}

fn starts_uppercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// `text` with its first letter in upper case.
fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `found` already is the preferred text, as Vale decides it: a plain phrase (letters,
/// digits, spaces, hyphens) must be identical, case included (`javascript` is not
/// `JavaScript`); otherwise the replacement is a pattern (`a|b`, `[pP]y.*`) that must match
/// all of `found`, ignoring case when the rule does.
fn already_preferred(replacement: &str, options: &[String], found: &str, ignorecase: bool) -> bool {
    let phrase = replacement
        .chars()
        .all(|c| c.is_alphanumeric() || c == ' ' || c == '-');
    if phrase {
        return options.iter().any(|o| o == found);
    }
    // A pattern (`[pP]y.*`, `(?i)GitHub`) is already followed when it matches all of `found`.
    let flags = if ignorecase { "(?i)" } else { "" };
    if let Ok(pattern) = super::pattern::Pattern::new(&format!("{flags}^(?:{replacement})$")) {
        return pattern.is_match(found);
    }
    options.iter().any(|o| {
        if ignorecase {
            o.to_lowercase() == found.to_lowercase()
        } else {
            o == found
        }
    })
}

/// Matches case the way the matched text does: `Utilize` → `Use`, `UTILIZE` → `USE`.
pub fn match_case(replacement: &str, matched: &str) -> String {
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    // An acronym (`OCD`) says nothing about how its replacement is written.
    if letters.len() > 4 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    let starts_upper = matched.chars().next().is_some_and(char::is_uppercase);
    let replacement_lower = replacement.chars().next().is_some_and(char::is_lowercase);
    if starts_upper && replacement_lower {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_string()
}

/// Runs `rule` over `doc`.
pub fn run(rule: &Rule, doc: &Document) -> Vec<Alert> {
    let mut alerts = Vec::new();
    // A metric over the draft (Vale: the document) is one measure, not one per block.
    let spans = if matches!(rule.kind, Kind::Metric { .. }) && rule.scope == Scope::Draft {
        vec![Span::new(0, doc.text.len())]
    } else {
        scope_spans(doc, rule.scope)
    };
    for scope in spans {
        run_in(rule, doc, scope, &mut alerts);
    }
    if let Some(limit) = rule.limit {
        alerts.truncate(limit);
    }
    alerts
}

fn run_in(rule: &Rule, doc: &Document, scope: Span, out: &mut Vec<Alert>) {
    let text = &doc.text[scope.start..scope.end];
    let at = |s: usize, e: usize| Span::new(scope.start + s, scope.start + e);
    match &rule.kind {
        Kind::Existence {
            pattern,
            exceptions,
            excepted,
        } => {
            for m in pattern.find_all(text) {
                let found = &text[m.start..m.end];
                let span = at(m.start, m.end);
                if found.is_empty()
                    || exceptions
                        .iter()
                        .any(|x| x.eq_ignore_ascii_case(found.trim()))
                    || excepted.as_ref().is_some_and(|p| p.is_match(found))
                    || !keeps(doc, rule, span)
                {
                    continue;
                }
                out.push(Alert {
                    span,
                    message: format_message(&rule.message, &[found]),
                    suggestions: Vec::new(),
                });
            }
        }
        Kind::Substitution {
            pattern,
            replacements,
            ignorecase,
            capitalize,
            quotes_replacements,
        } => {
            for m in pattern.find_all(text) {
                // Vale compares and quotes the match without its surrounding spaces.
                let found = text[m.start..m.end].trim();
                let span = at(m.start, m.end);
                let Some(group) = m.first_group() else {
                    continue;
                };
                let Some(replacement) = replacements.get(group) else {
                    continue;
                };
                let capitalized = *capitalize && starts_uppercase(found);
                let options: Vec<String> = replacement
                    .split('|')
                    .map(str::trim)
                    .map(|o| {
                        if capitalized {
                            capitalize_first(o)
                        } else {
                            o.to_string()
                        }
                    })
                    .collect();
                let already = already_preferred(replacement, &options, found, *ignorecase);
                if found.is_empty() || already || !keeps(doc, rule, span) {
                    continue;
                }
                // The message quotes the preferred terms as written; suggestions follow the
                // case of the replaced text when the rule ignores case.
                let (template, expected) = if *quotes_replacements {
                    (unquote_first_slot(&rule.message), to_sentence(&options))
                } else {
                    (rule.message.clone(), options.join("' or '"))
                };
                let suggestions = options
                    .iter()
                    .map(|o| {
                        if *ignorecase {
                            match_case(o, found)
                        } else {
                            o.to_string()
                        }
                    })
                    .collect();
                out.push(Alert {
                    span,
                    message: format_message(&template, &[&expected, found]),
                    suggestions,
                });
            }
        }
        Kind::Occurrence { pattern, min, max } => {
            let matches: Vec<_> = pattern
                .find_all(text)
                .into_iter()
                .filter(|m| keeps(doc, rule, at(m.start, m.end)))
                .collect();
            let n = matches.len();
            if let Some(max) = max {
                if n > *max {
                    let m = &matches[*max];
                    out.push(Alert {
                        span: at(m.start, m.end),
                        message: format_message(&rule.message, &[&n.to_string()]),
                        suggestions: Vec::new(),
                    });
                }
            }
            if let Some(min) = min {
                if n < *min && !text.trim().is_empty() {
                    out.push(Alert {
                        span: scope,
                        message: format_message(&rule.message, &[&n.to_string()]),
                        suggestions: Vec::new(),
                    });
                }
            }
        }
        Kind::Repetition {
            pattern,
            max,
            alpha,
            ignorecase,
            exceptions,
        } => {
            let mut previous: Option<(usize, String)> = None;
            let mut repeats = 0;
            for m in pattern.find_all(text) {
                let current = text[m.start..m.end].trim();
                let same = previous.as_ref().is_some_and(|(_, p)| {
                    !current.is_empty()
                        && if *ignorecase {
                            p.to_lowercase() == current.to_lowercase()
                        } else {
                            p == current
                        }
                });
                let hit = same
                    && (!alpha || current.chars().all(char::is_alphabetic))
                    && !exceptions.iter().any(|x| x.eq_ignore_ascii_case(current));
                if hit {
                    repeats += 1;
                    if repeats > *max {
                        let start = previous.as_ref().map_or(m.start, |(s, _)| *s);
                        out.push(Alert {
                            span: at(start, m.end),
                            message: format_message(&rule.message, &[current]),
                            suggestions: vec![current.to_string()],
                        });
                        repeats = 0;
                    }
                } else {
                    repeats = 0;
                }
                previous = Some((m.start, current.to_string()));
            }
        }
        Kind::Consistency { pairs } => {
            for pattern in pairs {
                let mut first_seen: Option<usize> = None;
                for m in pattern.find_all(text) {
                    let Some(group) = m.first_group() else {
                        continue;
                    };
                    let span = at(m.start, m.end);
                    if !keeps(doc, rule, span) {
                        continue;
                    }
                    match first_seen {
                        None => first_seen = Some(group),
                        Some(g) if g != group => out.push(Alert {
                            span,
                            message: format_message(&rule.message, &[&text[m.start..m.end]]),
                            suggestions: Vec::new(),
                        }),
                        Some(_) => {}
                    }
                }
            }
        }
        Kind::Conditional {
            first,
            second,
            exceptions,
        } => {
            let key = |m: &super::pattern::Match| {
                let (s, e) = m
                    .groups
                    .first()
                    .copied()
                    .flatten()
                    .unwrap_or((m.start, m.end));
                text[s..e].to_string()
            };
            // Definitions count wherever they are in the document, before or after the use,
            // in a heading or a paragraph (Vale keeps them for the whole file).
            let whole = |m: &super::pattern::Match| {
                // The first group that took part in the match (`(A): …|… \((B)\)`).
                let (s, e) = m
                    .groups
                    .iter()
                    .flatten()
                    .next()
                    .copied()
                    .unwrap_or((m.start, m.end));
                doc.text[s..e].to_string()
            };
            let defined: Vec<String> = second.find_all(doc.text).iter().map(whole).collect();
            for m in first.find_all(text) {
                let name = key(&m);
                let span = at(m.start, m.end);
                if defined.contains(&name) || exceptions.contains(&name) || !keeps(doc, rule, span)
                {
                    continue;
                }
                out.push(Alert {
                    span,
                    message: format_message(&rule.message, &[&name]),
                    suggestions: Vec::new(),
                });
            }
        }
        Kind::Capitalization {
            style,
            exceptions,
            threshold,
            prefix,
        } => {
            let skip = prefix
                .as_ref()
                .and_then(|p| p.find_all(text).first().map(|m| m.end))
                .unwrap_or(0);
            if !case_ok(&text[skip..], style, exceptions, *threshold) {
                out.push(Alert {
                    span: scope,
                    message: format_message(&rule.message, &[text.trim()]),
                    suggestions: Vec::new(),
                });
            }
        }
        Kind::Metric { formula, condition } => {
            let stats = stats(doc, scope);
            if stats.words == 0.0 {
                return;
            }
            let value = formula.eval(&stats);
            if condition.holds(value) {
                let shown = format!("{:.2}", value);
                let shown = shown.trim_end_matches('0').trim_end_matches('.');
                out.push(Alert {
                    span: scope,
                    message: format_message(&rule.message, &[shown]),
                    suggestions: Vec::new(),
                });
            }
        }
        _ => social::run(rule, doc, scope, out),
    }
}

const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
    "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "onto", "over", "de",
    "du", "des", "la", "le", "les", "et", "ou", "à", "au", "aux", "en", "un", "une",
];

fn words_of(text: &str) -> Vec<&str> {
    text::tokenize(text)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .collect()
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `text` follows `style`; with a `threshold` below 1, enough of its words do.
fn case_ok(text: &str, style: &CaseStyle, exceptions: &[String], threshold: f64) -> bool {
    let words = words_of(text);
    let excepted = |w: &str| exceptions.iter().any(|x| x == w);
    let all_caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
    };
    match style {
        CaseStyle::Lower => !text.chars().any(char::is_uppercase),
        CaseStyle::Upper => !text.chars().any(char::is_lowercase),
        CaseStyle::Pattern(p) => p.is_match(text.trim()),
        CaseStyle::Sentence => share(&words, threshold, |i, w| {
            if i == 0 {
                capitalized(w) || excepted(w)
            } else {
                !capitalized(w) || excepted(w) || all_caps(w) || w == "I"
            }
        }),
        CaseStyle::Title => {
            let last = words.len().saturating_sub(1);
            share(&words, threshold, |i, w| {
                let small = TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str());
                excepted(w)
                    || all_caps(w)
                    || if i == 0 || i == last || !small {
                        capitalized(w)
                    } else {
                        !capitalized(w)
                    }
            })
        }
    }
}

/// Whether at least `threshold` of `words` pass `ok` (all of them when `threshold` is 1).
fn share(words: &[&str], threshold: f64, ok: impl Fn(usize, &str) -> bool) -> bool {
    if words.is_empty() {
        return true;
    }
    let passing = words.iter().enumerate().filter(|(i, w)| ok(*i, w)).count();
    passing as f64 >= threshold * words.len() as f64 - 1e-9
}

/// Text statistics of `scope` for metric rules.
pub fn stats(doc: &Document, scope: Span) -> Stats {
    let mut s = Stats::default();
    for t in doc
        .tokens
        .iter()
        .filter(|t| t.span.start >= scope.start && t.span.end <= scope.end)
    {
        let word = t.text(doc.text);
        match t.kind {
            TokenKind::Word | TokenKind::Number => {
                s.words += 1.0;
                let syl = syllables(word, doc.french).max(1) as f64;
                s.syllables += syl;
                if syl >= 3.0 {
                    s.complex_words += 1.0;
                }
                let letters = word.chars().filter(|c| c.is_alphanumeric()).count() as f64;
                s.characters += letters;
                if letters >= 7.0 {
                    s.long_words += 1.0;
                }
            }
            TokenKind::Hashtag => s.hashtags += 1.0,
            TokenKind::Mention => s.mentions += 1.0,
            TokenKind::Url => s.links += 1.0,
            TokenKind::Emoji => s.emoji += 1.0,
            _ => {}
        }
    }
    let inside = |span: &Span| span.start >= scope.start && span.end <= scope.end;
    s.sentences = doc.sentences.iter().filter(|x| inside(x)).count().max(1) as f64;
    s.paragraphs = doc.paragraphs.iter().filter(|x| inside(x)).count().max(1) as f64;
    s
}
