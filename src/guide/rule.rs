//! A rule, validated and compiled: Vale's header, its type (existence, substitution…, or a
//! social rule) and its compiled patterns. Compiling checks every key against the type.

use crate::report::Severity;

use super::error::PackErrorKind;
use super::metric::{Condition, Formula};
use super::pattern::Pattern;
use super::spec::{Example, RuleSpec};

/// Most tokens (list entries) one rule may have.
pub const MAX_TOKENS: usize = 20_000;

/// Where a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole draft (Vale's `text`).
    Draft,
    Paragraph,
    Sentence,
    /// Markdown headings (Vale); in a draft, its first line.
    Heading,
    Hashtag,
    Mention,
    Url,
    FirstLine,
}

impl Scope {
    fn parse(name: &str) -> Option<Scope> {
        let base = name.split('.').next().unwrap_or(name);
        Some(match base {
            "text" | "draft" | "raw" | "summary" | "list" | "blockquote" => Scope::Draft,
            "paragraph" => Scope::Paragraph,
            "sentence" => Scope::Sentence,
            "heading" | "title" => Scope::Heading,
            "hashtag" => Scope::Hashtag,
            "mention" => Scope::Mention,
            "url" | "link" => Scope::Url,
            "first_line" | "first-line" => Scope::FirstLine,
            _ => return None,
        })
    }
}

/// Capitalization styles.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseStyle {
    Title,
    Sentence,
    Lower,
    Upper,
    Pattern(Pattern),
}

/// Whether links must or must not carry `utm_` parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UtmPolicy {
    Required,
    Forbidden,
}

/// Where hashtags may sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashtagPosition {
    Anywhere,
    End,
}

/// What a rule does, with its compiled data.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Existence {
        pattern: Pattern,
        exceptions: Vec<String>,
        /// The exceptions as one pattern, searched in each match (Vale's rule).
        excepted: Option<Pattern>,
    },
    Substitution {
        pattern: Pattern,
        replacements: Vec<String>,
        ignorecase: bool,
        /// Vale's `capitalize`: a capitalised match gets a capitalised replacement.
        capitalize: bool,
        /// `action: {name: replace}` without params: Vale quotes each replacement itself
        /// (`'a', 'b', or 'c'`) and unquotes the message's first `'%s'`.
        quotes_replacements: bool,
    },
    Occurrence {
        pattern: Pattern,
        min: Option<usize>,
        max: Option<usize>,
    },
    Repetition {
        pattern: Pattern,
        max: usize,
        alpha: bool,
        ignorecase: bool,
        /// Words allowed to repeat ("that that", "had had").
        exceptions: Vec<String>,
    },
    Consistency {
        pairs: Vec<Pattern>,
    },
    Conditional {
        first: Pattern,
        second: Pattern,
        exceptions: Vec<String>,
    },
    Capitalization {
        style: CaseStyle,
        exceptions: Vec<String>,
        /// Share of words that must follow the style (1 = all).
        threshold: f64,
        /// Text skipped at the start of the scope (e.g. `Step \d+: `).
        prefix: Option<Pattern>,
    },
    Metric {
        formula: Formula,
        condition: Condition,
    },
    Hashtags {
        max: Option<usize>,
        camelcase: bool,
        banned: Vec<String>,
        required: Vec<String>,
        position: HashtagPosition,
    },
    Mentions {
        max: usize,
    },
    Emoji {
        max: Option<usize>,
        allowed: Option<Vec<String>>,
        not_at_reply_start: bool,
    },
    Links {
        max: Option<usize>,
        no_shorteners: bool,
        utm: Option<UtmPolicy>,
    },
    CallToAction {
        pattern: Pattern,
    },
    Disclosure {
        triggers: Pattern,
        tags: Vec<String>,
    },
}

/// A compiled rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The rule's name (file stem for Vale styles, map key in packs).
    pub name: String,
    /// The type name as written in `extends`.
    pub extends: String,
    pub level: Severity,
    pub message: String,
    pub scope: Scope,
    pub link: Option<String>,
    pub why: Option<String>,
    /// The message and why in other interface languages (see [`Rule::translate`]).
    pub translations: std::collections::BTreeMap<String, crate::guide::spec::TranslationSpec>,
    pub examples: Vec<Example>,
    /// Most alerts this rule raises per check.
    pub limit: Option<usize>,
    pub kind: Kind,
}

/// Every rule type this build runs.
pub const RULE_TYPES: &[&str] = &[
    "existence",
    "substitution",
    "occurrence",
    "repetition",
    "consistency",
    "conditional",
    "capitalization",
    "metric",
    "readability",
    "hashtags",
    "mentions",
    "emoji",
    "links",
    "call-to-action",
    "disclosure",
];

/// Vale rule types this build does not run, and why.
pub fn unsupported_type_reason(extends: &str) -> Option<&'static str> {
    match extends {
        "spelling" => Some("Vale `spelling` rules need Hunspell dictionaries; Plume's speller checks spelling instead"),
        "sequence" => Some("`sequence` rules need a part-of-speech tagger, which Plume does not ship"),
        "script" => Some("`script` rules run Tengo scripts, which Plume does not embed"),
        _ => None,
    }
}

/// Keys (beyond the header) each type accepts.
fn type_keys(extends: &str) -> &'static [&'static str] {
    match extends {
        "existence" => &[
            "ignorecase",
            "nonword",
            "append",
            "raw",
            "tokens",
            "exceptions",
        ],
        "substitution" => &["ignorecase", "nonword", "swap", "exceptions", "capitalize"],
        "occurrence" => &["ignorecase", "token", "min", "max"],
        "repetition" => &["ignorecase", "tokens", "max", "alpha", "exceptions"],
        "consistency" => &["ignorecase", "nonword", "either"],
        "conditional" => &["ignorecase", "first", "second", "exceptions"],
        "capitalization" => &[
            "match",
            "style",
            "exceptions",
            "indicators",
            "threshold",
            "prefix",
        ],
        "metric" => &["formula", "condition"],
        "readability" => &["grade", "metrics"],
        "hashtags" => &["max", "camelcase", "banned", "required", "position"],
        "mentions" => &["max"],
        "emoji" => &["max", "allowed", "not_at_reply_start"],
        "links" => &["max", "no_shorteners", "utm"],
        "call-to-action" => &["ignorecase", "tokens"],
        "disclosure" => &["triggers", "tags"],
        _ => &[],
    }
}

/// The type-specific keys present in `spec`.
fn present_keys(spec: &RuleSpec) -> Vec<&'static str> {
    let mut keys = Vec::new();
    let mut add = |set: bool, key: &'static str| {
        if set {
            keys.push(key);
        }
    };
    add(spec.ignorecase.is_some(), "ignorecase");
    add(spec.nonword.is_some(), "nonword");
    add(spec.append.is_some(), "append");
    add(spec.raw.is_some(), "raw");
    add(spec.tokens.is_some(), "tokens");
    add(spec.exceptions.is_some(), "exceptions");
    add(spec.swap.is_some(), "swap");
    add(spec.either.is_some(), "either");
    add(spec.min.is_some(), "min");
    add(spec.max.is_some(), "max");
    add(spec.token.is_some(), "token");
    add(spec.first.is_some(), "first");
    add(spec.second.is_some(), "second");
    add(spec.match_.is_some(), "match");
    add(spec.style.is_some(), "style");
    add(spec.indicators.is_some(), "indicators");
    add(spec.formula.is_some(), "formula");
    add(spec.condition.is_some(), "condition");
    add(spec.grade.is_some(), "grade");
    add(spec.metrics.is_some(), "metrics");
    add(spec.alpha.is_some(), "alpha");
    add(spec.capitalize.is_some(), "capitalize");
    add(spec.threshold.is_some(), "threshold");
    add(spec.prefix.is_some(), "prefix");
    add(spec.banned.is_some(), "banned");
    add(spec.required.is_some(), "required");
    add(spec.camelcase.is_some(), "camelcase");
    add(spec.position.is_some(), "position");
    add(spec.allowed.is_some(), "allowed");
    add(spec.not_at_reply_start.is_some(), "not_at_reply_start");
    add(spec.no_shorteners.is_some(), "no_shorteners");
    add(spec.utm.is_some(), "utm");
    add(spec.triggers.is_some(), "triggers");
    add(spec.tags.is_some(), "tags");
    keys
}

/// A compile error and the text to look for to find its line (a key or a token).
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    pub kind: PackErrorKind,
    pub near: Option<String>,
}

fn invalid(message: String, near: Option<&str>) -> CompileError {
    CompileError {
        kind: PackErrorKind::InvalidValue(message),
        near: near.map(str::to_string),
    }
}

fn compile_pattern(source: &str, near: &str) -> Result<Pattern, CompileError> {
    Pattern::new(source).map_err(|kind| CompileError {
        kind,
        near: Some(near.to_string()),
    })
}

fn count(value: Option<i64>, key: &str) -> Result<Option<usize>, CompileError> {
    match value {
        None => Ok(None),
        Some(v) if v < 0 => Err(invalid(
            format!("`{key}` is {v}; it must be zero or more"),
            Some(key),
        )),
        Some(v) => Ok(Some(v as usize)),
    }
}

fn list_len_check(list: &[String], key: &str) -> Result<(), CompileError> {
    if list.len() > MAX_TOKENS {
        return Err(CompileError {
            kind: PackErrorKind::TooLarge(format!(
                "`{key}` has {} entries (at most {MAX_TOKENS})",
                list.len()
            )),
            near: Some(key.to_string()),
        });
    }
    Ok(())
}

/// Turns capture groups into non-capturing ones so a swap key's own groups do not shift the
/// numbering of the alternatives.
fn uncapture(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '(' if !in_class && chars.peek() != Some(&'?') => out.push_str("(?:"),
            _ => out.push(c),
        }
    }
    out
}

/// Vale's word template: `\b(?:…)\b` unless `nonword`, `(?i)` when `ignorecase`.
fn word_pattern(alternatives: &str, ignorecase: bool, nonword: bool) -> String {
    let body = if nonword {
        format!("(?m)(?:{alternatives})")
    } else {
        format!(r"(?m)\b(?:{alternatives})\b")
    };
    if ignorecase {
        format!("(?i){body}")
    } else {
        body
    }
}

fn parse_level(level: Option<&str>) -> Result<Severity, CompileError> {
    match level.unwrap_or("suggestion") {
        "suggestion" => Ok(Severity::Suggestion),
        "warning" => Ok(Severity::Warning),
        "error" => Ok(Severity::Error),
        other => Err(invalid(
            format!("level {other:?} is not suggestion, warning or error"),
            Some("level"),
        )),
    }
}

impl Rule {
    /// Validates and compiles one rule. `default_scope` applies when the rule names none.
    pub fn compile(name: &str, spec: &RuleSpec) -> Result<Rule, CompileError> {
        let Some(extends) = spec.extends.as_deref() else {
            return Err(invalid(
                format!(
                    "`extends` is missing: name the rule type ({})",
                    RULE_TYPES.join(", ")
                ),
                None,
            ));
        };
        if let Some(reason) = unsupported_type_reason(extends) {
            return Err(invalid(reason.to_string(), Some("extends")));
        }
        if !RULE_TYPES.contains(&extends) {
            return Err(invalid(
                format!(
                    "unknown rule type {extends:?}: use one of {}",
                    RULE_TYPES.join(", ")
                ),
                Some("extends"),
            ));
        }
        let allowed = type_keys(extends);
        if let Some(key) = present_keys(spec)
            .into_iter()
            .find(|k| !allowed.contains(k))
        {
            return Err(invalid(
                format!(
                    "key `{key}` does not apply to a `{extends}` rule (it accepts: {})",
                    allowed.join(", ")
                ),
                Some(key),
            ));
        }
        let level = parse_level(spec.level.as_deref())?;
        let scope_names = spec.scope.as_ref().map(|s| s.items()).unwrap_or_default();
        let scope = match scope_names.first() {
            None => default_scope(extends),
            Some(name) => Scope::parse(name).ok_or_else(|| {
                invalid(
                    format!("unknown scope {name:?}: use draft, paragraph, sentence, heading, hashtag, mention, url or first_line"),
                    Some("scope"),
                )
            })?,
        };
        let limit = count(spec.limit, "limit")?;
        let ignorecase = spec.ignorecase.unwrap_or(false);
        let nonword = spec.nonword.unwrap_or(false);
        let kind = match extends {
            "existence" => {
                let tokens = spec.tokens.clone().unwrap_or_default();
                let raw = spec.raw.clone().unwrap_or_default();
                list_len_check(&tokens, "tokens")?;
                if tokens.is_empty() && raw.is_empty() {
                    return Err(invalid(
                        "an `existence` rule needs `tokens` or `raw`".into(),
                        None,
                    ));
                }
                let raw_joined = raw.concat();
                let source = if tokens.is_empty() {
                    let body = format!("(?m){raw_joined}");
                    if ignorecase {
                        format!("(?i){body}")
                    } else {
                        body
                    }
                } else {
                    let words = word_pattern(&tokens.join("|"), false, nonword);
                    let body = if spec.append.unwrap_or(false) {
                        format!("{words}{raw_joined}")
                    } else {
                        format!("{raw_joined}{words}")
                    };
                    if ignorecase {
                        format!("(?i){body}")
                    } else {
                        body
                    }
                };
                let exceptions = spec.exceptions.clone().unwrap_or_default();
                // Vale excepts a match in which one of the exceptions, a pattern, is found
                // between word boundaries (case-sensitive unless the exception says `(?i)`).
                let excepted = if exceptions.is_empty() {
                    None
                } else {
                    let source = format!("\\b(?:{})\\b", exceptions.join("|"));
                    Some(compile_or_blame(&source, &exceptions, "exceptions")?)
                };
                Kind::Existence {
                    pattern: compile_or_blame(&source, &tokens, "tokens")?,
                    exceptions,
                    excepted,
                }
            }
            "substitution" => {
                let swap = spec
                    .swap
                    .clone()
                    .ok_or_else(|| invalid("a `substitution` rule needs `swap`".into(), None))?;
                if swap.len() > MAX_TOKENS {
                    return Err(CompileError {
                        kind: PackErrorKind::TooLarge(format!(
                            "`swap` has {} entries (at most {MAX_TOKENS})",
                            swap.len()
                        )),
                        near: Some("swap".into()),
                    });
                }
                let mut entries: Vec<(String, String)> = swap.into_iter().collect();
                // Longer keys first so "lady lawyer" wins over "lawyer".
                entries.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
                let alternatives: Vec<String> = entries
                    .iter()
                    .map(|(k, _)| format!("({})", uncapture(k)))
                    .collect();
                let source = word_pattern(&alternatives.join("|"), ignorecase, nonword);
                let keys: Vec<String> = entries.iter().map(|(k, _)| k.clone()).collect();
                Kind::Substitution {
                    pattern: compile_or_blame(&source, &keys, "swap")?,
                    replacements: entries.into_iter().map(|(_, v)| v).collect(),
                    ignorecase,
                    capitalize: spec.capitalize.unwrap_or(false),
                    quotes_replacements: spec.action.as_ref().is_some_and(|a| {
                        a.name.as_deref() == Some("replace")
                            && a.params.as_ref().is_none_or(|p| p.is_empty())
                    }),
                }
            }
            "occurrence" => {
                let token = spec
                    .token
                    .as_deref()
                    .ok_or_else(|| invalid("an `occurrence` rule needs `token`".into(), None))?;
                let min = count(spec.min, "min")?;
                let max = count(spec.max, "max")?;
                if min.is_none() && max.is_none() {
                    return Err(invalid(
                        "an `occurrence` rule needs `min` or `max`".into(),
                        None,
                    ));
                }
                if let (Some(lo), Some(hi)) = (min, max) {
                    if lo > hi {
                        return Err(invalid(
                            format!("`min` ({lo}) is above `max` ({hi}): no text can pass"),
                            Some("min"),
                        ));
                    }
                }
                let source = if ignorecase {
                    format!("(?i){token}")
                } else {
                    token.to_string()
                };
                Kind::Occurrence {
                    pattern: compile_pattern(&source, "token")?,
                    min,
                    max,
                }
            }
            "repetition" => {
                let tokens = spec.tokens.clone().unwrap_or_default();
                if tokens.is_empty() {
                    return Err(invalid("a `repetition` rule needs `tokens`".into(), None));
                }
                let source = format!(
                    "{}(?m)(?:{})",
                    if ignorecase { "(?i)" } else { "" },
                    tokens.join("|")
                );
                Kind::Repetition {
                    pattern: compile_or_blame(&source, &tokens, "tokens")?,
                    max: count(spec.max, "max")?.unwrap_or(0),
                    alpha: spec.alpha.unwrap_or(false),
                    ignorecase,
                    exceptions: spec.exceptions.clone().unwrap_or_default(),
                }
            }
            "consistency" => {
                let either = spec
                    .either
                    .clone()
                    .ok_or_else(|| invalid("a `consistency` rule needs `either`".into(), None))?;
                let mut pairs = Vec::new();
                for (a, b) in &either {
                    let source = word_pattern(
                        &format!("({})|({})", uncapture(a), uncapture(b)),
                        ignorecase,
                        nonword,
                    );
                    pairs.push(compile_pattern(&source, a)?);
                }
                Kind::Consistency { pairs }
            }
            "conditional" => {
                let first = spec
                    .first
                    .as_deref()
                    .ok_or_else(|| invalid("a `conditional` rule needs `first`".into(), None))?;
                let second = spec
                    .second
                    .as_deref()
                    .ok_or_else(|| invalid("a `conditional` rule needs `second`".into(), None))?;
                let flag = if ignorecase { "(?i)" } else { "" };
                Kind::Conditional {
                    first: compile_pattern(&format!("{flag}{first}"), "first")?,
                    second: compile_pattern(&format!("{flag}{second}"), "second")?,
                    exceptions: spec.exceptions.clone().unwrap_or_default(),
                }
            }
            "capitalization" => {
                let wanted = spec
                    .match_
                    .as_deref()
                    .ok_or_else(|| invalid("a `capitalization` rule needs `match`".into(), None))?;
                let style = match wanted {
                    "$title" => CaseStyle::Title,
                    "$sentence" => CaseStyle::Sentence,
                    "$lower" => CaseStyle::Lower,
                    "$upper" => CaseStyle::Upper,
                    other if other.starts_with('$') => {
                        return Err(invalid(
                            format!("unknown case style {other:?}: use $title, $sentence, $lower, $upper or a pattern"),
                            Some("match"),
                        ))
                    }
                    other => CaseStyle::Pattern(compile_pattern(&format!("^(?:{other})$"), "match")?),
                };
                let threshold = spec.threshold.unwrap_or(1.0);
                if !(0.0..=1.0).contains(&threshold) {
                    return Err(invalid(
                        format!("`threshold` is {threshold}; it must be between 0 and 1"),
                        Some("threshold"),
                    ));
                }
                let prefix = match spec.prefix.as_deref() {
                    None => None,
                    Some(p) => Some(compile_pattern(&format!("^(?:{p})"), "prefix")?),
                };
                Kind::Capitalization {
                    style,
                    exceptions: spec.exceptions.clone().unwrap_or_default(),
                    threshold,
                    prefix,
                }
            }
            "metric" => {
                let formula = spec
                    .formula
                    .as_deref()
                    .ok_or_else(|| invalid("a `metric` rule needs `formula`".into(), None))?;
                let condition = spec.condition.as_deref().ok_or_else(|| {
                    invalid(
                        "a `metric` rule needs `condition` such as \"> 25\"".into(),
                        None,
                    )
                })?;
                Kind::Metric {
                    formula: Formula::parse(formula).map_err(|m| invalid(m, Some("formula")))?,
                    condition: Condition::parse(condition)
                        .map_err(|m| invalid(m, Some("condition")))?,
                }
            }
            "readability" => {
                let grade = spec
                    .grade
                    .ok_or_else(|| invalid("a `readability` rule needs `grade`".into(), None))?;
                let names = spec.metrics.clone().unwrap_or_default();
                if names.is_empty() {
                    return Err(invalid(
                        "a `readability` rule needs `metrics`".into(),
                        Some("metrics"),
                    ));
                }
                let mut terms = Vec::new();
                for name in &names {
                    terms.push(
                        readability_formula(name)
                            .ok_or_else(|| {
                                invalid(
                                    format!("unknown readability test {name:?}: use Flesch-Kincaid, Gunning Fog, Coleman-Liau, SMOG or Automated Readability"),
                                    Some("metrics"),
                                )
                            })?
                            .to_string(),
                    );
                }
                let formula = format!("({}) / {}", terms.join(" + "), terms.len());
                Kind::Metric {
                    formula: Formula::parse(&formula).map_err(|m| invalid(m, Some("metrics")))?,
                    condition: Condition::parse(&format!("> {grade}"))
                        .map_err(|m| invalid(m, Some("grade")))?,
                }
            }
            "hashtags" => {
                let position = match spec.position.as_deref().unwrap_or("anywhere") {
                    "anywhere" | "any" => HashtagPosition::Anywhere,
                    "end" => HashtagPosition::End,
                    other => {
                        return Err(invalid(
                            format!("hashtag position {other:?} is not `anywhere` or `end`"),
                            Some("position"),
                        ))
                    }
                };
                let normalise = |list: &Option<Vec<String>>| -> Vec<String> {
                    list.iter()
                        .flatten()
                        .map(|t| t.trim_start_matches('#').to_lowercase())
                        .collect()
                };
                Kind::Hashtags {
                    max: count(spec.max, "max")?,
                    camelcase: spec.camelcase.unwrap_or(false),
                    banned: normalise(&spec.banned),
                    required: normalise(&spec.required),
                    position,
                }
            }
            "mentions" => Kind::Mentions {
                max: count(spec.max, "max")?
                    .ok_or_else(|| invalid("a `mentions` rule needs `max`".into(), None))?,
            },
            "emoji" => Kind::Emoji {
                max: count(spec.max, "max")?,
                allowed: spec.allowed.clone(),
                not_at_reply_start: spec.not_at_reply_start.unwrap_or(false),
            },
            "links" => Kind::Links {
                max: count(spec.max, "max")?,
                no_shorteners: spec.no_shorteners.unwrap_or(false),
                utm: match spec.utm.as_deref() {
                    None => None,
                    Some("required") => Some(UtmPolicy::Required),
                    Some("forbidden") => Some(UtmPolicy::Forbidden),
                    Some(other) => {
                        return Err(invalid(
                            format!("utm {other:?} is not `required` or `forbidden`"),
                            Some("utm"),
                        ))
                    }
                },
            },
            "call-to-action" => {
                let tokens = spec.tokens.clone().unwrap_or_default();
                if tokens.is_empty() {
                    return Err(invalid(
                        "a `call-to-action` rule needs `tokens` (the accepted phrases)".into(),
                        None,
                    ));
                }
                let source =
                    word_pattern(&tokens.join("|"), spec.ignorecase.unwrap_or(true), false);
                Kind::CallToAction {
                    pattern: compile_pattern(&source, "tokens")?,
                }
            }
            "disclosure" => {
                let triggers = spec.triggers.clone().unwrap_or_default();
                let tags: Vec<String> = spec
                    .tags
                    .iter()
                    .flatten()
                    .map(|t| t.trim_start_matches('#').to_lowercase())
                    .collect();
                if triggers.is_empty() || tags.is_empty() {
                    return Err(invalid(
                        "a `disclosure` rule needs `triggers` and `tags`".into(),
                        None,
                    ));
                }
                Kind::Disclosure {
                    triggers: compile_pattern(
                        &word_pattern(&triggers.join("|"), true, false),
                        "triggers",
                    )?,
                    tags,
                }
            }
            _ => unreachable_type(extends)?,
        };
        Ok(Rule {
            name: name.to_string(),
            extends: extends.to_string(),
            level,
            message: spec
                .message
                .clone()
                .unwrap_or_else(|| default_message(extends)),
            scope,
            link: spec.link.clone(),
            why: spec.why.clone().or_else(|| spec.description.clone()),
            translations: spec.translations.clone().unwrap_or_default(),
            examples: spec.examples.clone().unwrap_or_default(),
            limit,
            kind,
        })
    }
}

impl Rule {
    /// Shows the rule's message and why in `ui` when the pack gives them in that language; a
    /// rule written in one language keeps its own.
    pub fn translate(&mut self, ui: crate::locale::UiLanguage) {
        if let Some(translation) = self.translations.get(ui.code()) {
            if let Some(message) = &translation.message {
                self.message = message.clone();
            }
            if let Some(why) = &translation.why {
                self.why = Some(why.clone());
            }
        }
    }
}

fn unreachable_type(extends: &str) -> Result<Kind, CompileError> {
    Err(invalid(
        format!("unknown rule type {extends:?}"),
        Some("extends"),
    ))
}

/// Compiles the combined pattern; when it fails, compiles each part alone so the error names
/// the faulty entry (and its line).
fn compile_or_blame(source: &str, parts: &[String], key: &str) -> Result<Pattern, CompileError> {
    compile_pattern(source, key).map_err(|whole| {
        for part in parts {
            if let Err(e) = compile_pattern(part, part) {
                return e;
            }
        }
        whole
    })
}

/// A Vale `readability` test as a `metric` formula (the published grade formulas).
fn readability_formula(name: &str) -> Option<&'static str> {
    Some(match name {
        "Flesch-Kincaid" => "0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59",
        "Gunning Fog" => "0.4 * ((words / sentences) + 100 * (complex_words / words))",
        "Coleman-Liau" => {
            "0.0588 * (characters / words * 100) - 0.296 * (sentences / words * 100) - 15.8"
        }
        "SMOG" => "1.0430 * math.sqrt(complex_words * 30 / sentences) + 3.1291",
        "Automated Readability" => {
            "4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43"
        }
        _ => return None,
    })
}

fn default_scope(extends: &str) -> Scope {
    match extends {
        "capitalization" => Scope::Heading,
        "hashtags" => Scope::Draft,
        _ => Scope::Draft,
    }
}

fn default_message(extends: &str) -> String {
    match extends {
        "substitution" => "Use '%s' instead of '%s'.".into(),
        "existence" => "Avoid '%s'.".into(),
        "repetition" => "'%s' is repeated.".into(),
        "consistency" => "Inconsistent spelling of '%s'.".into(),
        "conditional" => "'%s' is used without being defined.".into(),
        "capitalization" => "'%s' should be capitalized differently.".into(),
        "metric" => "This text scores %s.".into(),
        "occurrence" => "Found %s occurrences.".into(),
        _ => "%s".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(yaml_like: &[(&str, &str)]) -> RuleSpec {
        let mut s = RuleSpec::default();
        for (k, v) in yaml_like {
            match *k {
                "extends" => s.extends = Some(v.to_string()),
                "level" => s.level = Some(v.to_string()),
                "token" => s.token = Some(v.to_string()),
                _ => {}
            }
        }
        s
    }

    #[test]
    fn a_key_that_does_not_apply_to_the_type_is_refused() {
        let mut s = spec(&[("extends", "existence")]);
        s.tokens = Some(vec!["synergy".into()]);
        s.swap = Some([("a".to_string(), "b".to_string())].into());
        let err = Rule::compile("R", &s).unwrap_err();
        assert!(matches!(err.kind, PackErrorKind::InvalidValue(ref m) if m.contains("`swap`")));
    }

    #[test]
    fn min_above_max_is_an_impossible_value() {
        let mut s = spec(&[("extends", "occurrence"), ("token", "#\\w+")]);
        s.min = Some(3);
        s.max = Some(1);
        assert!(Rule::compile("R", &s).is_err());
    }

    #[test]
    fn unknown_level_and_unsupported_types_are_explained() {
        let mut s = spec(&[("extends", "existence"), ("level", "fatal")]);
        s.tokens = Some(vec!["x".into()]);
        assert!(Rule::compile("R", &s).is_err());
        let s = spec(&[("extends", "sequence")]);
        let err = Rule::compile("R", &s).unwrap_err();
        assert!(
            matches!(err.kind, PackErrorKind::InvalidValue(ref m) if m.contains("part-of-speech"))
        );
    }

    #[test]
    fn swap_keys_lose_their_own_groups() {
        assert_eq!(uncapture(r"(a|b)c[(]\("), r"(?:a|b)c[(]\(");
    }
}
