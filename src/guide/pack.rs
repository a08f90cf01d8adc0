//! A guideline pack: loading (YAML or JSON, one schema), validation with precise errors,
//! hostile-input bounds, the brand lexicon, and the embedded self-tests run at load time.

use serde::{Deserialize, Serialize};

use crate::config::Language;
use crate::report::{Category, Finding, RuleId, Severity};
use crate::text::{self, TokenKind};
use crate::tone::ToneTarget;

use super::engine::{self, format_message, Alert, Document};
use super::error::{line_containing, line_starting_with, PackError, PackErrorKind};
use super::pattern::{escape, Pattern, LOAD_STEPS};
use super::platform::Platform;
use super::rule::{CompileError, Kind, Rule, Scope};
use super::spec::{PackSpec, TestSpec};

/// Largest pack source accepted, in bytes.
pub const MAX_PACK_BYTES: usize = 2 << 20;
/// Most rules in one pack.
pub const MAX_RULES: usize = 1_000;
/// Most lexicon entries in one pack.
pub const MAX_LEXICON: usize = 5_000;
/// Name of the built-in rule that enforces the lexicon's casing.
pub const LEXICON_RULE: &str = "Lexicon";

/// The text of a pack, as the extension and `Config` carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackSource {
    /// Shown in errors, e.g. `acme.yml`.
    pub name: String,
    /// `yaml` (default) or `json`.
    #[serde(default)]
    pub format: PackFormat,
    pub text: String,
}

/// The syntax of a pack source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PackFormat {
    #[default]
    Yaml,
    Json,
}

/// A validated pack whose embedded tests pass.
#[derive(Debug, Clone)]
pub struct Pack {
    pub name: String,
    pub version: Option<String>,
    /// `en`, `en-US`, `en-GB` or `fr`; `None` applies to every language.
    pub language: Option<String>,
    pub description: Option<String>,
    /// Brand names with their canonical casing.
    pub lexicon: Vec<String>,
    pub tone_target: Option<ToneTarget>,
    /// Platforms the pack applies to; empty means all.
    pub platforms: Vec<Platform>,
    pub rules: Vec<Rule>,
    lexicon_pattern: Option<Pattern>,
    tests: Vec<TestSpec>,
}

impl Pack {
    /// Loads a pack written in YAML. `source_name` is used in errors (a file name).
    pub fn from_yaml_str(text: &str, source_name: &str) -> Result<Pack, PackError> {
        check_size(text, source_name)?;
        let spec: PackSpec = serde_yaml_ng::from_str(text).map_err(|e| {
            let message = e.to_string();
            let line = e.location().map(|l| l.line());
            let mut err =
                PackError::new(source_name, PackErrorKind::Syntax(explain_yaml(&message)))
                    .at_line(line);
            if let Some(rule) = rule_in_path(&message) {
                err = err.in_rule(&rule);
            }
            err
        })?;
        Pack::from_spec(spec, text, source_name)
    }

    /// Loads a pack written in JSON (same schema as YAML). JSON is read by the YAML parser
    /// (JSON is YAML's flow style), so both formats share one parser, one set of limits and
    /// the same line numbers in errors; JSON-only syntax errors are caught first.
    pub fn from_json_str(text: &str, source_name: &str) -> Result<Pack, PackError> {
        check_size(text, source_name)?;
        if !text.trim_start().starts_with('{') {
            return Err(not_a_json_object(source_name));
        }
        let spec: PackSpec =
            serde_yaml_ng::from_str(text).map_err(|e| yaml_error(&e, source_name))?;
        Pack::from_spec(spec, text, source_name)
    }

    /// Loads a pack from its source text.
    pub fn from_source(source: &PackSource) -> Result<Pack, PackError> {
        match source.format {
            PackFormat::Yaml => Pack::from_yaml_str(&source.text, &source.name),
            PackFormat::Json => Pack::from_json_str(&source.text, &source.name),
        }
    }

    /// Loads a pack file: `.json` as JSON, anything else as YAML.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_path(path: &std::path::Path) -> Result<Pack, PackError> {
        let name = path.display().to_string();
        let text = read_pack_file(path).map_err(|kind| PackError::new(&name, kind))?;
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            Pack::from_json_str(&text, &name)
        } else {
            Pack::from_yaml_str(&text, &name)
        }
    }

    /// Reads every pack file (`*.yml`, `*.yaml`, `*.json`) of `dir`, sorted by name, as
    /// sources for `Config.packs`. Nothing is compiled here: `Checker::new` does that.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn sources_in(dir: &std::path::Path) -> Result<Vec<PackSource>, PackError> {
        let name = dir.display().to_string();
        let io = |e: std::io::Error| PackError::new(&name, PackErrorKind::Io(e.to_string()));
        let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(e.to_ascii_lowercase().as_str(), "yml" | "yaml" | "json")
                })
            })
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let text = read_pack_file(&path)
                    .map_err(|kind| PackError::new(&path.display().to_string(), kind))?;
                let format = if path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                {
                    PackFormat::Json
                } else {
                    PackFormat::Yaml
                };
                Ok(PackSource {
                    name: path.display().to_string(),
                    format,
                    text,
                })
            })
            .collect()
    }

    fn from_spec(spec: PackSpec, text: &str, source: &str) -> Result<Pack, PackError> {
        let pack = Pack::compile_within_budget(spec, text, source)?;
        pack.run_embedded_tests(text, source)?;
        Ok(pack)
    }

    /// Parses and validates a pack without running its embedded tests (for inspection only:
    /// such a pack is never handed to a checker).
    pub(crate) fn compile_untested(source: &PackSource) -> Result<Pack, PackError> {
        let (text, name) = (&source.text, &source.name);
        check_size(text, name)?;
        if source.format == PackFormat::Json && !text.trim_start().starts_with('{') {
            return Err(not_a_json_object(name));
        }
        let spec: PackSpec = serde_yaml_ng::from_str(text).map_err(|e| yaml_error(&e, name))?;
        Pack::compile_within_budget(spec, text, name)
    }

    /// [`Pack::compile`], with every pattern's load-time probe sharing [`LOAD_STEPS`].
    fn compile_within_budget(spec: PackSpec, text: &str, source: &str) -> Result<Pack, PackError> {
        super::regex::with_shared_budget(LOAD_STEPS, || Pack::compile(spec, text, source)).0
    }

    fn compile(spec: PackSpec, text: &str, source: &str) -> Result<Pack, PackError> {
        let err = |kind| PackError::new(source, kind);
        if spec.name.trim().is_empty()
            || !spec
                .name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        {
            return Err(err(PackErrorKind::InvalidValue(format!(
                "pack name {:?} must be letters, digits, `-` or `_`",
                spec.name
            )))
            .at_line(line_starting_with(text, "name", 1)));
        }
        if let Some(lang) = &spec.language {
            if !matches!(lang.as_str(), "en" | "en-US" | "en-GB" | "fr") {
                return Err(err(PackErrorKind::InvalidValue(format!(
                    "language {lang:?} is not en, en-US, en-GB or fr"
                )))
                .at_line(line_starting_with(text, "language", 1)));
            }
        }
        if spec.rules.len() > MAX_RULES {
            return Err(err(PackErrorKind::TooLarge(format!(
                "{} rules (at most {MAX_RULES})",
                spec.rules.len()
            ))));
        }
        if spec.lexicon.len() > MAX_LEXICON {
            return Err(err(PackErrorKind::TooLarge(format!(
                "{} lexicon entries (at most {MAX_LEXICON})",
                spec.lexicon.len()
            ))));
        }
        if let Some(bad) = spec.lexicon.iter().find(|t| t.trim().is_empty()) {
            return Err(err(PackErrorKind::InvalidValue(format!(
                "lexicon entry {bad:?} is empty"
            )))
            .at_line(line_starting_with(text, "lexicon", 1)));
        }
        if let Some(target) = &spec.tone_target {
            if let Some(problem) = tone_target_problem(target) {
                return Err(
                    err(PackErrorKind::InvalidValue(problem)).at_line(line_starting_with(
                        text,
                        "tone_target",
                        1,
                    )),
                );
            }
        }
        let mut rules = Vec::with_capacity(spec.rules.len());
        for (name, rule_spec) in &spec.rules {
            if name == LEXICON_RULE {
                return Err(err(PackErrorKind::InvalidValue(format!(
                    "`{LEXICON_RULE}` is the built-in lexicon rule; rename this rule"
                )))
                .in_rule(name));
            }
            let rule_line = line_starting_with(text, &format!("{name}:"), 1)
                .or_else(|| line_containing(text, &format!("\"{name}\""), 1));
            let rule = Rule::compile(name, rule_spec)
                .map_err(|e| locate(e, text, source, name, rule_line))?;
            rules.push(rule);
        }
        let lexicon_pattern = if spec.lexicon.is_empty() {
            None
        } else {
            let alternatives: Vec<String> = spec.lexicon.iter().map(|t| escape(t)).collect();
            Some(
                Pattern::new(&format!(r"(?i)\b(?:{})\b", alternatives.join("|")))
                    .map_err(|k| err(k).in_rule(LEXICON_RULE))?,
            )
        };
        let pack = Pack {
            name: spec.name,
            version: spec.version,
            language: spec.language,
            description: spec.description,
            lexicon: spec.lexicon,
            tone_target: spec.tone_target,
            platforms: spec.platforms,
            rules,
            lexicon_pattern,
            tests: spec.tests,
        };
        Ok(pack)
    }

    /// The brand lexicon (canonical casing), for the speller.
    pub fn lexicon(&self) -> &[String] {
        &self.lexicon
    }

    /// The pack's tone target, for the tone analysis.
    pub fn tone_target(&self) -> Option<&ToneTarget> {
        self.tone_target.as_ref()
    }

    /// Number of embedded tests (all passed, or the pack would not exist).
    pub fn test_count(&self) -> usize {
        self.tests.len()
    }

    /// Whether the pack applies to a draft in `language` posted on `platform`.
    pub fn applies_to(&self, language: Language, platform: Option<Platform>) -> bool {
        let language_ok = match (self.language.as_deref(), language) {
            (None, _) | (_, Language::Auto) => true,
            (Some("en"), Language::EnUs | Language::EnGb) => true,
            (Some(l), lang) => l == lang.code(),
        };
        let platform_ok =
            self.platforms.is_empty() || platform.is_none_or(|p| self.platforms.contains(&p));
        language_ok && platform_ok
    }

    /// Whether this pack's text is French (for syllable counts).
    pub fn is_french(&self) -> bool {
        self.language.as_deref() == Some("fr")
    }

    /// Every rule's alerts on `doc`, as `(rule name, rule, alert)`.
    fn alerts<'a>(&'a self, doc: &Document) -> Vec<(&'a str, Option<&'a Rule>, Alert)> {
        self.alerts_of(doc, Part::Whole)
    }

    /// The alerts of the rules in `part` on `doc`.
    fn alerts_of<'a>(
        &'a self,
        doc: &Document,
        part: Part,
    ) -> Vec<(&'a str, Option<&'a Rule>, Alert)> {
        let mut found = Vec::new();
        for rule in self.rules.iter().filter(|r| part.holds(runs_per_line(r))) {
            for alert in engine::run(rule, doc) {
                found.push((rule.name.as_str(), Some(rule), alert));
            }
        }
        let lexicon_per_line = self
            .lexicon_pattern
            .as_ref()
            .is_none_or(Pattern::is_line_local);
        if part.holds(lexicon_per_line) {
            for alert in self.lexicon_alerts(doc) {
                found.push((LEXICON_RULE, None, alert));
            }
        }
        found
    }

    /// Whether some of this pack's rules weigh the whole draft (counts, limits, required tags).
    pub fn has_draft_rules(&self) -> bool {
        !self.rules.iter().all(runs_per_line)
            || self
                .lexicon_pattern
                .as_ref()
                .is_some_and(|p| !p.is_line_local())
    }

    fn lexicon_alerts(&self, doc: &Document) -> Vec<Alert> {
        let Some(pattern) = &self.lexicon_pattern else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in pattern.find_all(doc.text) {
            let found = &doc.text[m.start..m.end];
            let inside_token = doc.tokens.iter().any(|t| {
                !matches!(
                    t.kind,
                    TokenKind::Word | TokenKind::Punctuation | TokenKind::Number
                ) && t.span.start <= m.start
                    && m.end <= t.span.end
            });
            let Some(canonical) = self
                .lexicon
                .iter()
                .find(|t| t.to_lowercase() == found.to_lowercase())
            else {
                continue;
            };
            if inside_token || canonical == found {
                continue;
            }
            out.push(Alert {
                span: crate::report::Span::new(m.start, m.end),
                message: format_message("Write '%s' as '%s'.", &[found, canonical]),
                suggestions: vec![canonical.clone()],
            });
        }
        out
    }

    /// Runs the pack on `doc` and appends report findings.
    pub fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        self.check_part(doc, Part::Whole, out);
    }

    /// Runs the rules of `part` on `doc` (a line for [`Part::Lines`]) and appends report
    /// findings.
    pub fn check_part(&self, doc: &Document, part: Part, out: &mut Vec<Finding>) {
        for (name, rule, alert) in self.alerts_of(doc, part) {
            let (severity, why, link) = match rule {
                Some(r) => (
                    r.level,
                    r.why.clone().unwrap_or_else(|| alert.message.clone()),
                    r.link.clone(),
                ),
                None => (
                    Severity::Warning,
                    "The brand writes its names one way, everywhere.".to_string(),
                    None,
                ),
            };
            out.push(Finding {
                category: Category::Guideline,
                rule: RuleId(format!("{}.{}", self.name, name)),
                severity,
                span: alert.span,
                message: alert.message,
                why,
                link,
                suggestions: alert.suggestions,
            });
        }
    }

    fn run_embedded_tests(&self, source_text: &str, source: &str) -> Result<(), PackError> {
        for (index, test) in self.tests.iter().enumerate() {
            self.run_embedded_test(index + 1, test, source_text, source)?;
        }
        Ok(())
    }

    /// Runs every embedded test and returns the failures, one error per failing case (for a
    /// pack author's report; loading stops at the first failure).
    pub(crate) fn embedded_test_failures(&self, source_text: &str, source: &str) -> Vec<PackError> {
        self.tests
            .iter()
            .enumerate()
            .filter_map(|(index, test)| {
                self.run_embedded_test(index + 1, test, source_text, source)
                    .err()
            })
            .collect()
    }

    fn run_embedded_test(
        &self,
        case: usize,
        test: &TestSpec,
        source_text: &str,
        source: &str,
    ) -> Result<(), PackError> {
        let known = |r: &str| r == LEXICON_RULE || self.rules.iter().any(|x| x.name == r);
        let snippet: String = test.text.chars().take(30).collect();
        let line = line_containing(source_text, snippet.lines().next().unwrap_or(""), 1);
        let fail = |problem: String, rule: Option<&str>| {
            let mut e = PackError::new(
                source,
                PackErrorKind::FailedTest {
                    case,
                    text: test.text.clone(),
                    problem,
                },
            )
            .at_line(line);
            if let Some(r) = rule {
                e = e.in_rule(r);
            }
            e
        };
        let doc = Document::draft(&test.text, text::tokenize(&test.text), self.is_french());
        let alerts = self.alerts(&doc);
        let describe = || {
            alerts
                .iter()
                .map(|(n, _, a)| {
                    format!(
                        "{n} on {:?} at character {}",
                        &test.text[a.span.start..a.span.end],
                        test.text[..a.span.start].chars().count()
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        if test.expect.is_empty() && !alerts.is_empty() {
            return Err(fail(
                format!("expected no diagnostic, got: {}", describe()),
                alerts.first().map(|(n, _, _)| *n),
            ));
        }
        for expect in &test.expect {
            if !known(&expect.rule) {
                return Err(fail(
                    format!(
                        "expects rule {:?}, which the pack does not define",
                        expect.rule
                    ),
                    Some(&expect.rule),
                ));
            }
            let hit = alerts.iter().any(|(n, _, a)| {
                *n == expect.rule
                    && expect
                        .match_
                        .as_ref()
                        .is_none_or(|m| &test.text[a.span.start..a.span.end] == m)
                    && expect
                        .at
                        .is_none_or(|at| test.text[..a.span.start].chars().count() == at)
            });
            if !hit {
                let wanted = match (&expect.match_, expect.at) {
                    (Some(m), _) => format!(" on {m:?}"),
                    (None, Some(at)) => format!(" at character {at}"),
                    _ => String::new(),
                };
                let got = if alerts.is_empty() {
                    "nothing".to_string()
                } else {
                    describe()
                };
                return Err(fail(
                    format!("expected {}{wanted}, got: {got}", expect.rule),
                    Some(&expect.rule),
                ));
            }
        }
        Ok(())
    }
}

/// An impossible tone target value, in words.
fn tone_target_problem(target: &ToneTarget) -> Option<String> {
    if let Some(range) = target.formality {
        if !(0.0..=1.0).contains(&range.min) || !(0.0..=1.0).contains(&range.max) {
            return Some("tone_target.formality must stay between 0 and 1".into());
        }
        if range.min > range.max {
            return Some(format!(
                "tone_target.formality min ({}) is above max ({})",
                range.min, range.max
            ));
        }
    }
    if let Some(s) = target.min_sentiment {
        if !(-1.0..=1.0).contains(&s) {
            return Some(format!(
                "tone_target.min_sentiment ({s}) must be between -1 and 1"
            ));
        }
    }
    if let Some(preset) = &target.preset {
        const PRESETS: [&str; 4] = [
            "friendly-professional",
            "playful",
            "institutional",
            "customer-care",
        ];
        if !PRESETS.contains(&preset.as_str()) {
            return Some(format!(
                "tone_target.preset {preset:?} is not one of {}",
                PRESETS.join(", ")
            ));
        }
    }
    None
}

/// Reads a pack or rule file as text, refusing before reading one larger than
/// [`MAX_PACK_BYTES`] and naming a file that is not UTF-8.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn read_pack_file(path: &std::path::Path) -> Result<String, PackErrorKind> {
    let size = std::fs::metadata(path)
        .map_err(|e| PackErrorKind::Io(e.to_string()))?
        .len();
    if size > MAX_PACK_BYTES as u64 {
        return Err(PackErrorKind::TooLarge(format!(
            "a file of {size} bytes (at most {MAX_PACK_BYTES})"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| PackErrorKind::Io(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| {
        PackErrorKind::Syntax(format!(
            "not UTF-8 text (invalid byte at offset {}); save the file as UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn not_a_json_object(source_name: &str) -> PackError {
    PackError::new(
        source_name,
        PackErrorKind::Syntax("a JSON pack must be an object (`{ … }`)".into()),
    )
    .at_line(Some(1))
}

/// Which of a pack's rules to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Every rule, on the whole draft.
    Whole,
    /// The rules that find the same things in each line on its own as in the whole draft
    /// (patterns that stay within a line, no draft-wide count or limit): run line by line, so a
    /// line seen before needs no new run.
    Lines,
    /// The other rules, on the whole draft.
    Draft,
}

impl Part {
    fn holds(self, per_line: bool) -> bool {
        match self {
            Part::Whole => true,
            Part::Lines => per_line,
            Part::Draft => !per_line,
        }
    }
}

/// Whether `rule` finds in a draft exactly what it finds in each of the draft's lines: a
/// pattern rule over the whole draft (no alert limit) whose pattern cannot cross a line break.
fn runs_per_line(rule: &Rule) -> bool {
    rule.limit.is_none()
        && rule.scope == Scope::Draft
        && match &rule.kind {
            Kind::Existence { pattern, .. } | Kind::Substitution { pattern, .. } => {
                pattern.is_line_local()
            }
            _ => false,
        }
}

fn check_size(text: &str, source: &str) -> Result<(), PackError> {
    if text.len() > MAX_PACK_BYTES {
        return Err(PackError::new(
            source,
            PackErrorKind::TooLarge(format!("{} bytes (at most {MAX_PACK_BYTES})", text.len())),
        ));
    }
    Ok(())
}

/// A parser error with its line and, when the path names one, its rule.
fn yaml_error(e: &serde_yaml_ng::Error, source_name: &str) -> PackError {
    let message = e.to_string();
    let line = e.location().map(|l| l.line());
    let mut err =
        PackError::new(source_name, PackErrorKind::Syntax(explain_yaml(&message))).at_line(line);
    if let Some(rule) = rule_in_path(&message) {
        err = err.in_rule(&rule);
    }
    err
}

/// Names the YAML parser's safety limits in words a pack author can act on.
fn explain_yaml(message: &str) -> String {
    if message.contains("recursion limit") {
        format!("{message} (the YAML is nested too deeply)")
    } else if message.contains("repetition limit") {
        format!("{message} (YAML aliases expand too much: write the values out)")
    } else {
        message.to_string()
    }
}

/// `rules.BadRule: unknown field …` → `BadRule`.
fn rule_in_path(message: &str) -> Option<String> {
    let rest = message.strip_prefix("rules.")?;
    let end = rest.find([':', '.', '[', ' '])?;
    Some(rest[..end].to_string())
}

/// Adds the file, rule and line to a rule's compile error.
fn locate(
    e: CompileError,
    text: &str,
    source: &str,
    rule: &str,
    rule_line: Option<usize>,
) -> PackError {
    let from = rule_line.unwrap_or(1);
    let line = e
        .near
        .as_deref()
        .and_then(|near| {
            line_starting_with(text, &format!("{near}:"), from)
                .or_else(|| line_containing(text, near, from))
        })
        .or(rule_line);
    PackError::new(source, e.kind).in_rule(rule).at_line(line)
}
