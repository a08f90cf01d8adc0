//! The rule language's parser: a `.rules` file (one family) as text → a [`Family`] of [`Rule`]s.
//!
//! The syntax is documented for rule writers in `docs/grammar-rules.md`. Errors are
//! [`RuleError`]s naming the file, the line and what is wrong; a shipped file that does not parse
//! fails the test `every_shipped_rule_file_parses_and_its_examples_hold` (`src/grammar/mod.rs`).

use crate::grammar::morph::{Feature, Pos};
use crate::report::Severity;

/// A text in both interface languages, read from `key.en:` / `key.fr:` lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Texts {
    pub en: String,
    pub fr: String,
}

impl Texts {
    pub fn get(&self, ui: crate::locale::UiLanguage) -> &str {
        match ui {
            crate::locale::UiLanguage::English => &self.en,
            crate::locale::UiLanguage::French => &self.fr,
        }
    }

    fn is_complete(&self) -> bool {
        !self.en.is_empty() && !self.fr.is_empty()
    }
}

/// One rule file: a family of rules sharing a message and a why.
#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    /// The family name; findings carry the rule id `grammar.<name>`.
    pub name: String,
    pub message: Texts,
    pub why: Texts,
    pub severity: Severity,
    pub rules: Vec<Rule>,
}

/// One rule: a pattern, what it underlines, how to fix it, when not to fire, and its examples.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub name: String,
    /// Line of `rule NAME` in its file.
    pub line: usize,
    pub pattern: Pattern,
    /// Underlined tokens: first and last (0-based indexes of the pattern's token tests).
    pub mark: (usize, usize),
    pub fixes: Vec<Fix>,
    pub unless: Vec<Pattern>,
    pub agree: Vec<Agreement>,
    /// Overrides of the family's message and why, when set.
    pub message: Option<Texts>,
    pub why: Option<Texts>,
    pub good: Vec<String>,
    /// A sentence that must fire, and what its first fix must make of it.
    pub bad: Vec<(String, Option<String>)>,
}

/// A sequence of pattern elements; `tokens` counts the token tests (what `1`, `2`… refer to).
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub elements: Vec<Element>,
    pub tokens: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    /// A token test; `index` is its 0-based number among the pattern's tests.
    Token {
        test: TokenTest,
        optional: bool,
        index: usize,
    },
    /// Up to this many tokens of any kind.
    Skip(usize),
    /// The start of the sentence.
    Start,
    /// The end of the sentence.
    End,
}

/// The tests in one pair of brackets; all must hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TokenTest {
    pub tests: Vec<Test>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Test {
    /// `!test`: the test must fail for the token (for a reading test: no reading passes it).
    pub negated: bool,
    pub kind: TestKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TestKind {
    /// The token is one of these words (lowercase).
    Word(Vec<String>),
    /// Any word token (`_`).
    AnyWord,
    /// A reading of the token has one of these lemmas.
    Lemma(Vec<String>),
    /// A reading has one of these parts of speech.
    Pos(Vec<Pos>),
    /// A reading allows one of these values of a feature.
    Feature(Feature, u8),
    /// The word starts with a capital letter (`cap`).
    Capitalised,
    /// The word starts with a vowel sound (`sound=vowel`) or a consonant sound
    /// (`sound=consonant`), as said aloud: `an hour`, `a user`.
    VowelSound(bool),
    /// The same word (in lowercase) as pattern token N, 0-based (`same=1` in a file).
    Same(usize),
}

impl TestKind {
    /// Whether the test reads the token's analyses (and so picks readings).
    pub fn reads_analyses(&self) -> bool {
        matches!(
            self,
            TestKind::Lemma(_) | TestKind::Pos(_) | TestKind::Feature(..)
        )
    }
}

/// `agree: 1 3 num gen`: the rule fires only if no reading of token `a` agrees with any reading
/// of token `b` on every listed feature.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub a: usize,
    pub b: usize,
    pub features: Vec<Feature>,
}

/// One fix: the tokens it replaces (within the mark; `None`: the whole mark) and its template.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub range: Option<(usize, usize)>,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text(String),
    /// `{N}`: token N as written.
    Token(usize),
    /// `{N:lemma}`.
    Lemma(usize),
    /// `{N:inflect feat=value … pos=…}`: token N's lemma in the wanted form.
    Inflect {
        token: usize,
        pos: Option<Pos>,
        set: Vec<(Feature, Value)>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Fixed(u8),
    /// `$N.feat`: the value token N's matching readings have.
    From(usize),
}

/// A rule file that could not be read: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for RuleError {}

/// Keys whose value is prose (never cut at `#`: examples hold hashtags).
const PROSE_KEYS: &[&str] = &[
    "message.en",
    "message.fr",
    "why.en",
    "why.fr",
    "good",
    "bad",
];

/// Parses one rule file; `file` names it in errors.
pub fn parse_family(file: &str, text: &str) -> Result<Family, RuleError> {
    let mut family = Family {
        name: String::new(),
        message: Texts::default(),
        why: Texts::default(),
        severity: Severity::Warning,
        rules: Vec::new(),
    };
    let mut current: Option<RuleDraft> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let err = |message: String| RuleError {
            file: file.to_string(),
            line,
            message,
        };
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(name) = trimmed.strip_prefix("rule ") {
            if let Some(done) = current.take() {
                family.rules.push(done.finish(file)?);
            }
            let name = strip_comment(name).trim();
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '-') {
                return Err(err(format!(
                    "a rule name is letters, digits and dashes, not {name:?}"
                )));
            }
            current = Some(RuleDraft::new(name, line));
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return Err(err(format!(
                "expected `key: value` or `rule NAME`, found {trimmed:?}"
            )));
        };
        let key = key.trim();
        let value = if PROSE_KEYS.contains(&key) {
            value.trim()
        } else {
            strip_comment(value).trim()
        };
        match current.as_mut() {
            None => match key {
                "family" => family.name = value.to_string(),
                "message.en" => family.message.en = value.to_string(),
                "message.fr" => family.message.fr = value.to_string(),
                "why.en" => family.why.en = value.to_string(),
                "why.fr" => family.why.fr = value.to_string(),
                "severity" => {
                    family.severity = match value {
                        "error" => Severity::Error,
                        "warning" => Severity::Warning,
                        "suggestion" => Severity::Suggestion,
                        _ => {
                            return Err(err(format!(
                                "severity is error, warning or suggestion, not {value:?}"
                            )))
                        }
                    }
                }
                _ => return Err(err(format!("unknown family key {key:?}"))),
            },
            Some(rule) => rule.set(key, value, line).map_err(err)?,
        }
    }
    if let Some(done) = current.take() {
        family.rules.push(done.finish(file)?);
    }
    let whole = |message: &str| RuleError {
        file: file.to_string(),
        line: 1,
        message: message.to_string(),
    };
    if family.name.is_empty()
        || !family
            .name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(whole(
            "the file needs `family: NAME` (lowercase letters, digits and dashes)",
        ));
    }
    if !family.message.is_complete() || !family.why.is_complete() {
        return Err(whole(
            "the family needs message.en, message.fr, why.en and why.fr",
        ));
    }
    if family.rules.is_empty() {
        return Err(whole("the family has no `rule`"));
    }
    Ok(family)
}

/// A value with its ` # comment` removed.
fn strip_comment(value: &str) -> &str {
    match value.find(" #") {
        Some(at) => &value[..at],
        None => value,
    }
}

/// A rule while its lines are read.
struct RuleDraft {
    name: String,
    line: usize,
    pattern: Option<Pattern>,
    mark: Option<(usize, usize)>,
    fixes: Vec<(usize, String)>,
    unless: Vec<Pattern>,
    agree: Vec<(usize, String)>,
    message: Texts,
    why: Texts,
    good: Vec<String>,
    bad: Vec<(String, Option<String>)>,
}

impl RuleDraft {
    fn new(name: &str, line: usize) -> RuleDraft {
        RuleDraft {
            name: name.to_string(),
            line,
            pattern: None,
            mark: None,
            fixes: Vec::new(),
            unless: Vec::new(),
            agree: Vec::new(),
            message: Texts::default(),
            why: Texts::default(),
            good: Vec::new(),
            bad: Vec::new(),
        }
    }

    fn set(&mut self, key: &str, value: &str, line: usize) -> Result<(), String> {
        match key {
            "pattern" => {
                if self.pattern.is_some() {
                    return Err("a rule has one `pattern`".into());
                }
                self.pattern = Some(parse_pattern(value)?);
            }
            "mark" => self.mark = Some(parse_range(value)?),
            "fix" => self.fixes.push((line, value.to_string())),
            "unless" => self.unless.push(parse_pattern(value)?),
            "agree" => self.agree.push((line, value.to_string())),
            "message.en" => self.message.en = value.to_string(),
            "message.fr" => self.message.fr = value.to_string(),
            "why.en" => self.why.en = value.to_string(),
            "why.fr" => self.why.fr = value.to_string(),
            "good" => self.good.push(value.to_string()),
            "bad" => {
                let (sentence, fixed) = match value.split_once(" => ") {
                    Some((s, f)) => (s.trim(), Some(f.trim().to_string())),
                    None => (value, None),
                };
                self.bad.push((sentence.to_string(), fixed));
            }
            _ => return Err(format!("unknown rule key {key:?}")),
        }
        Ok(())
    }

    fn finish(self, file: &str) -> Result<Rule, RuleError> {
        let at = |line: usize, message: String| RuleError {
            file: file.to_string(),
            line,
            message: format!("rule {}: {message}", self.name),
        };
        let Some(pattern) = self.pattern else {
            return Err(at(self.line, "has no `pattern`".into()));
        };
        let tokens = pattern.tokens;
        let in_range = |n: usize| (1..=tokens).contains(&n);
        let mark = match self.mark {
            Some((a, b)) if in_range(a) && in_range(b) => (a - 1, b - 1),
            Some((a, b)) => {
                return Err(at(
                    self.line,
                    format!("mark {a}-{b} is outside the pattern's {tokens} tokens"),
                ))
            }
            None => (0, tokens - 1),
        };
        let mut fixes = Vec::new();
        for (line, text) in &self.fixes {
            let fix = parse_fix(text, tokens).map_err(|m| at(*line, m))?;
            if let Some((a, b)) = fix.range {
                if a < mark.0 || b > mark.1 {
                    return Err(at(*line, "a fix replaces tokens inside the mark".into()));
                }
            }
            fixes.push(fix);
        }
        let mut agree = Vec::new();
        for (line, text) in &self.agree {
            let mut fields = text.split_whitespace();
            let mut token = || -> Result<usize, RuleError> {
                let n = fields
                    .next()
                    .and_then(|f| f.parse::<usize>().ok())
                    .filter(|n| in_range(*n))
                    .ok_or_else(|| at(*line, "agree names two tokens of the pattern".into()))?;
                Ok(n - 1)
            };
            let (a, b) = (token()?, token()?);
            let features = fields
                .map(|f| {
                    Feature::parse(f).ok_or_else(|| at(*line, format!("unknown feature {f:?}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            if features.is_empty() {
                return Err(at(*line, "agree lists at least one feature".into()));
            }
            agree.push(Agreement { a, b, features });
        }
        if self.good.is_empty() || self.bad.is_empty() {
            return Err(at(
                self.line,
                "needs at least one `good:` and one `bad:` example".into(),
            ));
        }
        let optional = |t: &Texts| (!t.en.is_empty() || !t.fr.is_empty()).then(|| t.clone());
        for texts in [&self.message, &self.why] {
            if texts.en.is_empty() != texts.fr.is_empty() {
                return Err(at(
                    self.line,
                    "a message or why is written in both English and French".into(),
                ));
            }
        }
        Ok(Rule {
            name: self.name.clone(),
            line: self.line,
            pattern,
            mark,
            fixes,
            unless: self.unless,
            agree,
            message: optional(&self.message),
            why: optional(&self.why),
            good: self.good,
            bad: self.bad,
        })
    }
}

/// `3` or `1-2` (1-based, as written).
fn parse_range(value: &str) -> Result<(usize, usize), String> {
    let bad = || format!("expected a token number or range such as `2` or `1-2`, found {value:?}");
    let (a, b) = match value.split_once('-') {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (value.trim(), value.trim()),
    };
    let a: usize = a.parse().map_err(|_| bad())?;
    let b: usize = b.parse().map_err(|_| bad())?;
    if a == 0 || b < a {
        return Err(bad());
    }
    Ok((a, b))
}

/// Parses a pattern line: bracketed token tests, `?` after a bracket, `*N` or `*0..N` skips,
/// `^` and `$`.
pub fn parse_pattern(value: &str) -> Result<Pattern, String> {
    let mut elements = Vec::new();
    let mut tokens = 0;
    let mut rest = value.trim();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let close = after
                .find(']')
                .ok_or_else(|| format!("unclosed `[` in {value:?}"))?;
            let test = parse_token_test(&after[..close])?;
            rest = &after[close + 1..];
            let optional = rest.starts_with('?');
            if optional {
                rest = &rest[1..];
            }
            elements.push(Element::Token {
                test,
                optional,
                index: tokens,
            });
            tokens += 1;
        } else if let Some(after) = rest.strip_prefix('*') {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            let spec = &after[..end];
            let max = spec.rsplit("..").next().unwrap_or("");
            let max: usize = max
                .parse()
                .map_err(|_| format!("a skip is `*N` or `*0..N`, found `*{spec}`"))?;
            elements.push(Element::Skip(max));
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('^') {
            elements.push(Element::Start);
            rest = after;
        } else if let Some(after) = rest.strip_prefix('$') {
            elements.push(Element::End);
            rest = after;
        } else {
            return Err(format!(
                "expected `[`, `*`, `^` or `$` in the pattern, found {:?}",
                rest.chars().next().unwrap_or(' ')
            ));
        }
        rest = rest.trim_start();
    }
    if tokens == 0 {
        return Err("a pattern has at least one token test in brackets".into());
    }
    Ok(Pattern { elements, tokens })
}

fn parse_token_test(inside: &str) -> Result<TokenTest, String> {
    let mut tests = Vec::new();
    for field in inside.split_whitespace() {
        let (negated, field) = match field.strip_prefix('!') {
            Some(f) if !f.is_empty() => (true, f),
            _ => (false, field),
        };
        let kind = match field.split_once('=') {
            None if field == "_" => TestKind::AnyWord,
            None if field == "cap" => TestKind::Capitalised,
            None => TestKind::Word(field.split('|').map(str::to_lowercase).collect()),
            Some((key, values)) => {
                let list: Vec<&str> = values.split('|').filter(|v| !v.is_empty()).collect();
                if list.is_empty() {
                    return Err(format!("`{key}=` needs a value"));
                }
                match key {
                    "word" => TestKind::Word(list.iter().map(|v| v.to_lowercase()).collect()),
                    "lemma" => TestKind::Lemma(list.iter().map(|v| v.to_lowercase()).collect()),
                    "pos" => TestKind::Pos(
                        list.iter()
                            .map(|v| Pos::parse(v).ok_or_else(|| format!("unknown pos {v:?}")))
                            .collect::<Result<_, _>>()?,
                    ),
                    "same" => TestKind::Same(
                        values
                            .parse::<usize>()
                            .ok()
                            .and_then(|n| n.checked_sub(1))
                            .ok_or_else(|| {
                                format!("same= names an earlier token, not {values:?}")
                            })?,
                    ),
                    "sound" => match values {
                        "vowel" => TestKind::VowelSound(true),
                        "consonant" => TestKind::VowelSound(false),
                        _ => return Err(format!("sound is vowel or consonant, not {values:?}")),
                    },
                    _ => {
                        let feature =
                            Feature::parse(key).ok_or_else(|| format!("unknown test {key:?}"))?;
                        let mut mask = 0;
                        for v in list {
                            mask |= feature.value(v).ok_or_else(|| {
                                format!("unknown value {v:?} of {key}: {:?}", feature.values())
                            })?;
                        }
                        TestKind::Feature(feature, mask)
                    }
                }
            }
        };
        tests.push(Test { negated, kind });
    }
    Ok(TokenTest { tests })
}

/// `1 => text`, `1-2 => text` or `text` (replaces the whole mark).
fn parse_fix(value: &str, tokens: usize) -> Result<Fix, String> {
    let (range, template) = match value.split_once("=>") {
        Some((range, template)) => (Some(parse_range(range)?), template.trim()),
        None => (None, value.trim()),
    };
    let range = match range {
        Some((a, b)) if b <= tokens => Some((a - 1, b - 1)),
        Some(_) => return Err(format!("fix names a token beyond the pattern's {tokens}")),
        None => None,
    };
    Ok(Fix {
        range,
        parts: parse_template(template, tokens)?,
    })
}

/// A fix's text: literal text with `{N}`, `{N:lemma}` and `{N:inflect …}` references.
pub fn parse_template(template: &str, tokens: usize) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    let mut rest = template;
    let token = |s: &str| -> Result<usize, String> {
        s.trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=tokens).contains(n))
            .map(|n| n - 1)
            .ok_or_else(|| format!("{{{s}}} does not name one of the pattern's {tokens} tokens"))
    };
    while let Some(open) = rest.find('{') {
        if open > 0 {
            parts.push(Part::Text(rest[..open].to_string()));
        }
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| format!("unclosed `{{` in {template:?}"))?
            + open;
        let inside = &rest[open + 1..close];
        let part = match inside.split_once(':') {
            None => Part::Token(token(inside)?),
            Some((n, "lemma")) => Part::Lemma(token(n)?),
            Some((n, spec)) => {
                let mut words = spec.split_whitespace();
                if words.next() != Some("inflect") {
                    return Err(format!("unknown reference {{{inside}}}"));
                }
                let mut pos = None;
                let mut set = Vec::new();
                for w in words {
                    let (key, value) = w
                        .split_once('=')
                        .ok_or_else(|| format!("inflect takes `feature=value`, found {w:?}"))?;
                    if key == "pos" {
                        pos = Some(
                            Pos::parse(value).ok_or_else(|| format!("unknown pos {value:?}"))?,
                        );
                        continue;
                    }
                    let feature =
                        Feature::parse(key).ok_or_else(|| format!("unknown feature {key:?}"))?;
                    let value = match value.strip_prefix('$') {
                        Some(from) => {
                            let (n, f) = from.split_once('.').unwrap_or((from, key));
                            if f != key {
                                return Err(format!("`{w}` copies another feature"));
                            }
                            Value::From(token(n)?)
                        }
                        None => Value::Fixed(feature.value(value).ok_or_else(|| {
                            format!("unknown value {value:?} of {key}: {:?}", feature.values())
                        })?),
                    };
                    set.push((feature, value));
                }
                Part::Inflect {
                    token: token(n)?,
                    pos,
                    set,
                }
            }
        };
        parts.push(part);
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_string()));
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\
# a family
family: demo
message.en: Did you mean “{fix}”?
message.fr: Vouliez-vous dire « {fix} » ?
why.en: Because.
why.fr: Parce que.

rule their-verb   # the one rule
  pattern: ^ [their] [pos=verb form=ing] *0..2 [!word=concern]? $
  mark: 1
  fix: 1 => they're
  fix: {2:inflect num=$1.num pos=verb} x
  unless: [their] [going]
  agree: 1 2 num gen
  good: Their new app is out. #launch
  bad: Their going to love it. => They're going to love it.
";

    #[test]
    fn a_family_parses_with_every_part() {
        let family = parse_family("demo.rules", FILE).expect("parses");
        assert_eq!(family.name, "demo");
        assert_eq!(family.message.fr, "Vouliez-vous dire « {fix} » ?");
        let rule = &family.rules[0];
        assert_eq!(rule.name, "their-verb");
        assert_eq!(rule.line, 8);
        assert_eq!(rule.pattern.tokens, 3);
        assert_eq!(rule.pattern.elements.len(), 6);
        assert_eq!(rule.mark, (0, 0));
        assert_eq!(rule.fixes.len(), 2);
        assert_eq!(rule.fixes[0].range, Some((0, 0)));
        assert_eq!(rule.fixes[0].parts, vec![Part::Text("they're".into())]);
        assert_eq!(
            rule.fixes[1].parts[0],
            Part::Inflect {
                token: 1,
                pos: Some(Pos::Verb),
                set: vec![(Feature::Num, Value::From(0))]
            }
        );
        assert_eq!(rule.agree[0].features, vec![Feature::Num, Feature::Gen]);
        assert_eq!(rule.good, vec!["Their new app is out. #launch"]);
        assert_eq!(rule.bad[0].1.as_deref(), Some("They're going to love it."));
        let Element::Token { test, optional, .. } = &rule.pattern.elements[4] else {
            panic!("a token test")
        };
        assert!(optional);
        assert!(test.tests[0].negated);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let broken = FILE.replace("pos=verb", "pos=verbe");
        let e = parse_family("demo.rules", &broken).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("demo.rules", 9));
        assert!(e.message.contains("verbe"), "{e}");
        let e = parse_family("x.rules", &FILE.replace("mark: 1", "mark: 4")).unwrap_err();
        assert!(
            e.to_string().starts_with("x.rules:8: rule their-verb"),
            "{e}"
        );
        let e = parse_family("x.rules", &FILE.replace("why.fr: Parce que.\n", "")).unwrap_err();
        assert!(e.message.contains("why.fr"), "{e}");
        let e = parse_family("x.rules", &FILE.replace("  good:", "  # good:")).unwrap_err();
        assert!(e.message.contains("good"), "{e}");
        let e =
            parse_family("x.rules", &FILE.replace("[their] [going]", "[their [going")).unwrap_err();
        assert_eq!(e.line, 13);
        let e = parse_family("x.rules", &FILE.replace("{2:inflect", "{7:inflect")).unwrap_err();
        assert_eq!(e.line, 12);
    }
}
