//! Running real Vale styles (native only): load a styles folder, read `.vale.ini`, check the
//! Markdown, reStructuredText and text files of a folder, and print alerts the way
//! `vale --output=line --sort --normalize --relative --no-global .` does.
//!
//! Rules are compiled by the same code as packs; a rule Plume cannot run (an unsupported type,
//! an unknown key, a pattern the engine refuses) is listed in [`ValeRun::skipped`] with the
//! reason, never dropped silently.

pub mod controls;
pub mod ini;
pub mod markup;
pub mod vocab;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::report::Severity;
use crate::text;

use super::engine::{self, Document};
use super::error::PackError;
use super::rule::Rule;
use super::spec::RuleSpec;

pub use ini::{RuleSetting, ValeConfig};
pub use markup::Markup;

/// One alert, as Vale's line output shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ValeAlert {
    /// Path relative to the checked folder, `/`-separated.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters (as Vale counts).
    pub column: usize,
    /// `Style.Rule`.
    pub check: String,
    pub message: String,
    pub severity: Severity,
    pub link: Option<String>,
}

impl ValeAlert {
    /// `file:line:col:Style.Rule:message`.
    pub fn to_line(&self) -> String {
        format!(
            "{}:{}:{}:{}:{}",
            self.path, self.line, self.column, self.check, self.message
        )
    }
}

/// A rule that was not run, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedRule {
    /// `Style.Rule`.
    pub check: String,
    pub reason: String,
}

/// A loaded style: its runnable rules and the ones it could not run.
#[derive(Debug, Clone)]
pub struct Style {
    pub name: String,
    pub rules: Vec<Rule>,
    pub skipped: Vec<SkippedRule>,
}

/// Everything a folder check produced.
#[derive(Debug, Clone, Default)]
pub struct ValeRun {
    /// Sorted by file, line and column.
    pub alerts: Vec<ValeAlert>,
    pub skipped: Vec<SkippedRule>,
    /// `.vale.ini` keys read but not applied, as `line: key`.
    pub ignored_settings: Vec<String>,
}

/// Why a folder could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValeError {
    /// No `.vale.ini` in the folder or its parents.
    NoConfig(PathBuf),
    /// `.vale.ini` has a bad line.
    Config {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A style named in `.vale.ini` has no folder under `StylesPath`.
    MissingStyle {
        style: String,
        styles_path: PathBuf,
    },
    Io {
        path: PathBuf,
        message: String,
    },
}

impl std::fmt::Display for ValeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ValeError::NoConfig(dir) => {
                write!(f, "no .vale.ini in {} or its parent folders", dir.display())
            }
            ValeError::Config {
                path,
                line,
                message,
            } => write!(f, "{}:{line}: {message}", path.display()),
            ValeError::MissingStyle { style, styles_path } => write!(
                f,
                "style {style:?} not found in StylesPath {}",
                styles_path.display()
            ),
            ValeError::Io { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for ValeError {}

fn io(path: &Path, e: std::io::Error) -> ValeError {
    ValeError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// Compiles one Vale rule file's text; `Err` is the reason it cannot run.
pub fn compile_rule(name: &str, text: &str) -> Result<Rule, String> {
    let spec: RuleSpec = serde_yaml_ng::from_str(text).map_err(|e| {
        let line = e
            .location()
            .map(|l| format!("line {}: ", l.line()))
            .unwrap_or_default();
        format!("{line}{e}")
    })?;
    Rule::compile(name, &spec).map_err(|e| PackError::new(name, e.kind).to_string())
}

/// Loads every `*.yml` rule of the style folder `dir` (the folder name is the style name).
pub fn load_style(dir: &Path) -> Result<Style, ValeError> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    let mut style = Style {
        name: name.clone(),
        rules: Vec::new(),
        skipped: Vec::new(),
    };
    // Trying every rule's patterns shares one budget, as for a pack.
    super::regex::with_shared_budget(super::pattern::LOAD_STEPS, || {
        load_rule_files(&name, &files, &mut style);
    });
    Ok(style)
}

/// Compiles each rule file of a style, listing the ones that cannot run with the reason.
fn load_rule_files(name: &str, files: &[PathBuf], style: &mut Style) {
    for file in files {
        let rule_name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let check = format!("{name}.{rule_name}");
        let text = match super::pack::read_pack_file(file) {
            Ok(text) => text,
            Err(kind) => {
                let reason = PackError::new(&rule_name, kind).to_string();
                style.skipped.push(SkippedRule { check, reason });
                continue;
            }
        };
        match compile_rule(&rule_name, &text) {
            Ok(rule) => style.rules.push(rule),
            Err(reason) => style.skipped.push(SkippedRule { check, reason }),
        }
    }
}

/// The names Vale looks for, in its order, in each folder from the working one up.
pub const CONFIG_NAMES: [&str; 5] = [".vale", "_vale", "vale.ini", ".vale.ini", "_vale.ini"];

/// The Vale configuration file in `dir` itself, if any.
pub fn config_in(dir: &Path) -> Option<PathBuf> {
    CONFIG_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// Finds Vale's configuration in `dir` or its parents, the way Vale does.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().find_map(config_in)
}

/// Files under `dir` (hidden entries and `node_modules` skipped), as relative `/` paths.
fn files_under(dir: &Path, skip: Option<&Path>) -> Result<Vec<(String, PathBuf)>, ValeError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| io(&d, e))? {
            let entry = entry.map_err(|e| io(&d, e))?;
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name == "node_modules" {
                continue;
            }
            if skip.is_some_and(|s| path.canonicalize().ok().as_deref() == Some(s)) {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(dir) {
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push((rel, path));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The rules that apply to `path`, with their level, from the matching sections in order.
fn rules_for<'a>(
    config: &ValeConfig,
    styles: &'a BTreeMap<String, Style>,
    path: &str,
) -> Vec<(String, &'a Rule, Severity)> {
    let mut chosen: BTreeMap<String, (&Rule, Severity)> = BTreeMap::new();
    let find = |check: &str| -> Option<&'a Rule> {
        let (style, rule) = check.split_once('.')?;
        styles.get(style)?.rules.iter().find(|r| r.name == rule)
    };
    for section in config
        .sections
        .iter()
        .filter(|s| ini::glob_matches(&s.glob, path))
    {
        for style in &section.based_on_styles {
            if let Some(s) = styles.get(style) {
                for rule in &s.rules {
                    chosen.insert(format!("{style}.{}", rule.name), (rule, rule.level));
                }
            }
        }
        for (check, setting) in &section.rules {
            match setting {
                RuleSetting::Off => {
                    chosen.remove(check);
                }
                RuleSetting::On => {
                    if let Some(rule) = find(check) {
                        chosen.insert(check.clone(), (rule, rule.level));
                    }
                }
                RuleSetting::Level(level) => {
                    if let Some(rule) = find(check) {
                        chosen.insert(check.clone(), (rule, *level));
                    }
                }
            }
        }
    }
    chosen
        .into_iter()
        .map(|(check, (rule, level))| (check, rule, level))
        .collect()
}

/// The engine's view of a file's prose (`text` is `prose.text` or a copy of the same length):
/// sentences are found in each block with its line breaks read as spaces, as Vale joins the
/// lines of a paragraph.
fn document<'a>(text: &'a str, prose: &markup::Prose) -> Document<'a> {
    let sentences = prose
        .blocks
        .iter()
        .flat_map(|b| {
            let joined = text[b.start..b.end].replace('\n', " ");
            let inner = text::tokenize(&joined);
            text::sentences(&joined, &inner)
                .into_iter()
                .map(move |s| crate::report::Span::new(b.start + s.start, b.start + s.end))
        })
        .collect();
    Document {
        text,
        tokens: text::tokenize(text),
        blocks: prose.blocks.clone(),
        paragraphs: prose.blocks.clone(),
        sentences,
        headings: prose.headings.clone(),
        french: false,
        skip_social_tokens: false,
    }
}

/// How many times a draft's steps one search of a Vale file may take (see
/// [`super::regex::with_search_factor`]).
const VALE_SEARCH_FACTOR: usize = 50;

/// Checks one file's text with `rules`; alerts carry `path`.
pub fn check_text(
    path: &str,
    text: &str,
    markup: Markup,
    rules: &[(String, &Rule, Severity)],
    min_level: Severity,
) -> Vec<ValeAlert> {
    check_text_with(
        path,
        text,
        markup,
        rules,
        min_level,
        &FileOptions::default(),
    )
}

/// What a configuration adds to a file's check.
#[derive(Default)]
pub struct FileOptions<'a> {
    /// `TokenIgnores` and `BlockIgnores`: what they match (the first group of a match when it
    /// has one, else the whole match) is not checked.
    pub ignores: &'a [&'a super::pattern::Pattern],
    /// The vocabularies' accepted terms (see `Loaded::accepted`).
    pub accepted: Option<&'a super::pattern::Pattern>,
}

/// [`check_text`] with a configuration's ignores and vocabulary.
pub fn check_text_with(
    path: &str,
    text: &str,
    markup: Markup,
    rules: &[(String, &Rule, Severity)],
    min_level: Severity,
    options: &FileOptions,
) -> Vec<ValeAlert> {
    let ignores = options.ignores;
    let mut prose = markup::prose(text, markup);
    if !ignores.is_empty() {
        let mut bytes = std::mem::take(&mut prose.text).into_bytes();
        for pattern in ignores {
            for m in pattern.find_all(text) {
                let (start, end) = m
                    .groups
                    .iter()
                    .flatten()
                    .next()
                    .copied()
                    .unwrap_or((m.start, m.end));
                for b in &mut bytes[start..end.min(text.len())] {
                    if *b != b'\n' {
                        *b = b' ';
                    }
                }
            }
        }
        // Whole characters were blanked byte by byte, so the text is still UTF-8.
        prose.text = String::from_utf8(bytes).unwrap_or_else(|_| text.to_string());
        prose
            .blocks
            .retain(|b| !prose.text[b.start..b.end].trim().is_empty());
    }
    let doc = document(&prose.text, &prose);
    // Vale measures a document's prose without its headings.
    let without_headings = rules
        .iter()
        .any(|(_, rule, _)| matches!(rule.kind, super::rule::Kind::Metric { .. }))
        .then(|| {
            let mut bytes = prose.text.clone().into_bytes();
            for heading in &prose.headings {
                for b in &mut bytes[heading.start..heading.end.min(prose.text.len())] {
                    if *b != b'\n' {
                        *b = b' ';
                    }
                }
            }
            // Only ASCII bytes inside whole characters were replaced.
            String::from_utf8(bytes).unwrap_or_else(|_| prose.text.clone())
        });
    let metric_doc = without_headings.as_deref().map(|t| document(t, &prose));
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut alerts = Vec::new();
    // Every rule's searches on one file share one step budget; each rule brings many drafts'
    // worth, since Vale runs every rule of a style to the end (Red Hat's has hundreds of swaps
    // with lookbehinds, searched over paragraphs of hundreds of lines).
    let budget = super::check_budget(prose.text.len())
        .saturating_mul(VALE_SEARCH_FACTOR)
        .saturating_mul(rules.len().max(1));
    let (found, _) = super::regex::with_shared_budget(budget, || {
        super::regex::with_search_factor(VALE_SEARCH_FACTOR, || {
            rules
                .iter()
                .filter(|(_, _, level)| *level >= min_level)
                .map(|(check, rule, level)| {
                    let doc = match (&rule.kind, &metric_doc) {
                        (super::rule::Kind::Metric { .. }, Some(metric_doc)) => metric_doc,
                        _ => &doc,
                    };
                    (check, rule, level, engine::run(rule, doc))
                })
                .collect::<Vec<_>>()
        })
    });
    let controls = controls::controls(text);
    for (check, rule, level, found_alerts) in found {
        for alert in found_alerts {
            if controls::switched_off(&controls, check, alert.span.start) {
                continue;
            }
            let vocabulary_rule = matches!(
                rule.kind,
                super::rule::Kind::Existence { .. } | super::rule::Kind::Substitution { .. }
            ) && !check.starts_with("Vale.");
            if vocabulary_rule
                && options.accepted.is_some_and(|accepted| {
                    accepted.is_match(prose.text[alert.span.start..alert.span.end].trim())
                })
            {
                continue;
            }
            let line_index = line_starts
                .partition_point(|&s| s <= alert.span.start)
                .saturating_sub(1);
            let column = text[line_starts[line_index]..alert.span.start]
                .chars()
                .count()
                + 1;
            alerts.push(ValeAlert {
                path: path.to_string(),
                line: line_index + 1,
                column,
                check: check.clone(),
                message: alert.message,
                severity: *level,
                link: rule.link.clone(),
            });
        }
    }
    alerts.sort_by(|a, b| (a.line, a.column, &a.check).cmp(&(b.line, b.column, &b.check)));
    alerts.dedup();
    alerts
}

/// Checks every Markdown, reStructuredText and text file under `dir` with the `.vale.ini` found
/// in `dir` or its parents, like `vale --output=line --sort --normalize --relative --no-global .`.
pub fn check_folder(dir: &Path) -> Result<ValeRun, ValeError> {
    check_paths(dir, &[PathBuf::from(".")], None)
}

/// A configuration with its styles loaded.
struct Loaded {
    config: ValeConfig,
    styles: BTreeMap<String, Style>,
    styles_path: PathBuf,
    /// Each section's `TokenIgnores` and `BlockIgnores`, compiled, in section order.
    ignores: Vec<Vec<super::pattern::Pattern>>,
    /// The vocabularies' accepted terms as one pattern: a match of an `existence` or
    /// `substitution` rule in which one is found is not an alert (Vale's `vocab: true`).
    accepted: Option<super::pattern::Pattern>,
}

/// Reads the configuration at `config_path` and loads the styles it names.
fn load_config(config_path: &Path, run: &mut ValeRun) -> Result<Loaded, ValeError> {
    let config_text = std::fs::read_to_string(config_path).map_err(|e| io(config_path, e))?;
    let config = ini::parse(&config_text).map_err(|(line, message)| ValeError::Config {
        path: config_path.to_path_buf(),
        line,
        message,
    })?;
    let base = config_path.parent().unwrap_or(Path::new("."));
    let styles_path = base.join(config.styles_path.as_deref().unwrap_or("styles"));
    let mut names: Vec<String> = Vec::new();
    for section in &config.sections {
        names.extend(section.based_on_styles.iter().cloned());
        names.extend(
            section
                .rules
                .iter()
                .filter_map(|(check, _)| check.split_once('.').map(|(s, _)| s.to_string())),
        );
    }
    names.sort();
    names.dedup();
    run.ignored_settings = config
        .ignored_keys
        .iter()
        .map(|(line, key)| format!("{line}: {key}"))
        .collect();
    let mut styles = BTreeMap::new();
    for name in names {
        if name == "Vale" {
            run.skipped.push(SkippedRule {
                check: "Vale.Spelling, Vale.Repetition".into(),
                reason: "Vale's built-in spelling and repetition rules are not bundled; Plume's speller covers spelling".into(),
            });
            let style = vocab::builtin_style(&styles_path, &config.vocab)?;
            run.skipped.extend(style.skipped.iter().cloned());
            styles.insert(name, style);
            continue;
        }
        let dir = styles_path.join(&name);
        if !dir.is_dir() {
            return Err(ValeError::MissingStyle {
                style: name,
                styles_path,
            });
        }
        let style = load_style(&dir)?;
        run.skipped.extend(style.skipped.iter().cloned());
        styles.insert(name, style);
    }
    let ignores = config
        .sections
        .iter()
        .map(|section| {
            let mut compiled = Vec::new();
            for (key, sources) in [
                ("TokenIgnores", &section.token_ignores),
                ("BlockIgnores", &section.block_ignores),
            ] {
                for source in sources {
                    match super::pattern::Pattern::new(source) {
                        Ok(pattern) => compiled.push(pattern),
                        Err(kind) => run.skipped.push(SkippedRule {
                            check: format!("[{}] {key}", section.glob),
                            reason: PackError::new(key, kind).to_string(),
                        }),
                    }
                }
            }
            compiled
        })
        .collect();
    let accept = vocab::load(&styles_path, &config.vocab)?.accept;
    let accepted = if accept.is_empty() {
        None
    } else {
        match super::pattern::Pattern::new(&format!("\\b(?:{})\\b", accept.join("|"))) {
            Ok(pattern) => Some(pattern),
            Err(kind) => {
                run.skipped.push(SkippedRule {
                    check: "Vocab".into(),
                    reason: PackError::new("accept.txt", kind).to_string(),
                });
                None
            }
        }
    };
    Ok(Loaded {
        config,
        styles,
        styles_path,
        ignores,
        accepted,
    })
}

/// `a/./b/` as Vale prints it: `/`-separated, without `.` parts or a trailing `/`.
fn display_path(path: &Path) -> String {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Checks the files and folders `paths` (relative to `cwd`, or absolute) the way
/// `vale --output=line --sort --normalize --relative --no-global PATHS` does from `cwd`: with
/// the configuration at `config` or, without one, the first found from `cwd` up. Folders are
/// walked; alert paths are relative to `cwd`.
pub fn check_paths(
    cwd: &Path,
    paths: &[PathBuf],
    config: Option<&Path>,
) -> Result<ValeRun, ValeError> {
    let config_path = match config {
        Some(path) => cwd.join(path),
        None => find_config(cwd).ok_or_else(|| ValeError::NoConfig(cwd.to_path_buf()))?,
    };
    let mut run = ValeRun::default();
    let loaded = load_config(&config_path, &mut run)?;
    let min_level = loaded
        .config
        .min_alert_level
        .unwrap_or(Severity::Suggestion);
    let styles_canonical = loaded.styles_path.canonicalize().ok();
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for path in paths {
        let full = cwd.join(path);
        let shown = display_path(path);
        if full.is_dir() {
            for (rel, file) in files_under(&full, styles_canonical.as_deref())? {
                let rel = if shown.is_empty() {
                    rel
                } else {
                    format!("{shown}/{rel}")
                };
                files.push((rel, file));
            }
        } else if full.is_file() {
            files.push((shown, full));
        } else {
            return Err(ValeError::Io {
                path: full,
                message: "no such file or folder".into(),
            });
        }
    }
    for (rel, path) in files {
        let Some(markup) = Path::new(&rel)
            .extension()
            .and_then(|e| Markup::from_extension(&e.to_string_lossy()))
        else {
            continue;
        };
        let rules = rules_for(&loaded.config, &loaded.styles, &rel);
        if rules.is_empty() {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not UTF-8 text: Vale skips binary files too
        };
        let ignores: Vec<&super::pattern::Pattern> = loaded
            .config
            .sections
            .iter()
            .zip(&loaded.ignores)
            .filter(|(section, _)| ini::glob_matches(&section.glob, &rel))
            .flat_map(|(_, patterns)| patterns)
            .collect();
        let options = FileOptions {
            ignores: &ignores,
            accepted: loaded.accepted.as_ref(),
        };
        run.alerts.extend(check_text_with(
            &rel, &text, markup, &rules, min_level, &options,
        ));
    }
    run.alerts.sort_by(|a, b| {
        (&a.path, a.line, a.column, &a.check).cmp(&(&b.path, b.line, b.column, &b.check))
    });
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the system temp dir with `files` written in it.
    fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("plume-vale-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let full = dir.join(path);
            std::fs::create_dir_all(full.parent().unwrap()).unwrap();
            std::fs::write(full, text).unwrap();
        }
        dir
    }

    const STYLE_WORDY: &str = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\nignorecase: true\nswap:\n  utilize: use\n  in order to: to\n";
    const STYLE_HYPE: &str = "extends: existence\nmessage: \"'%s' is hype.\"\nlevel: suggestion\ntokens: [revolutionary, game-changing]\n";

    #[test]
    fn a_folder_is_checked_with_sections_switches_and_min_level() {
        let dir = folder(
            "switches",
            &[
                (".vale.ini", "StylesPath = styles\nMinAlertLevel = warning\n\n[*.md]\nBasedOnStyles = Acme\n\n[*.txt]\nAcme.Hype = error\n"),
                ("styles/Acme/Wordy.yml", STYLE_WORDY),
                ("styles/Acme/Hype.yml", STYLE_HYPE),
                ("docs/post.md", "# Launch\n\nWe utilize a revolutionary `utilize()` call.\n"),
                ("notes.txt", "A revolutionary idea, utilize it.\n"),
            ],
        );
        let run = check_folder(&dir).unwrap();
        let lines: Vec<String> = run.alerts.iter().map(ValeAlert::to_line).collect();
        assert_eq!(
            lines,
            vec![
                "docs/post.md:3:4:Acme.Wordy:Use 'use' instead of 'utilize'.",
                "notes.txt:1:3:Acme.Hype:'revolutionary' is hype.",
            ]
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn rules_plume_cannot_run_are_listed_with_the_reason() {
        let dir = folder(
            "skipped",
            &[
                (
                    ".vale.ini",
                    "StylesPath = styles\n[*]\nBasedOnStyles = Acme, Vale\nAcme.Hype = NO\n",
                ),
                ("styles/Acme/Hype.yml", STYLE_HYPE),
                (
                    "styles/Acme/Order.yml",
                    "extends: sequence\nmessage: x\ntokens: []\n",
                ),
                (
                    "styles/Acme/Typo.yml",
                    "extends: existence\nmesage: x\ntokens: [a]\n",
                ),
                ("a.md", "A revolutionary day.\n"),
            ],
        );
        let run = check_folder(&dir).unwrap();
        assert!(
            run.alerts.is_empty(),
            "Hype is switched off: {:?}",
            run.alerts
        );
        let checks: Vec<&str> = run.skipped.iter().map(|s| s.check.as_str()).collect();
        assert_eq!(
            checks,
            vec!["Acme.Order", "Acme.Typo", "Vale.Spelling, Vale.Repetition"]
        );
        assert!(run.skipped[0].reason.contains("part-of-speech"));
        assert!(run.skipped[1].reason.contains("mesage"));
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn a_style_with_hostile_rule_files_skips_each_with_the_reason_and_runs_the_rest() {
        let mut bomb = String::from("extends: existence\nmessage: x\ntokens: &t0 [lol, lol, lol, lol, lol, lol, lol, lol]\nexceptions:\n");
        for i in 1..9 {
            let p = i - 1;
            bomb.push_str(&format!(
                "  - &t{i} [*t{p}, *t{p}, *t{p}, *t{p}, *t{p}, *t{p}, *t{p}, *t{p}]\n"
            ));
        }
        let deep = format!(
            "extends: existence\nmessage: x\ntokens: {}x{}\n",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let dir = folder(
            "hostile",
            &[
                (
                    ".vale.ini",
                    "StylesPath = styles\n[*]\nBasedOnStyles = Acme\n",
                ),
                ("styles/Acme/Hype.yml", STYLE_HYPE),
                ("styles/Acme/Bomb.yml", &bomb),
                ("styles/Acme/Deep.yml", &deep),
                (
                    "styles/Acme/Runaway.yml",
                    "extends: existence\nmessage: x\nraw:\n  - '(?=(\\w+\\s?)+$)\\w'\n",
                ),
                ("post.md", "A revolutionary launch.\n"),
            ],
        );
        std::fs::write(
            dir.join("styles/Acme/Latin1.yml"),
            b"extends: existence\nmessage: caf\xe9\ntokens: [x]\n",
        )
        .unwrap();
        let huge = std::fs::File::create(dir.join("styles/Acme/Huge.yml")).unwrap();
        huge.set_len(crate::guide::pack::MAX_PACK_BYTES as u64 + 1)
            .unwrap();
        let run = check_folder(&dir).unwrap();
        let lines: Vec<String> = run.alerts.iter().map(ValeAlert::to_line).collect();
        assert_eq!(
            lines,
            vec!["post.md:1:3:Acme.Hype:'revolutionary' is hype."]
        );
        let skipped: Vec<(&str, &str)> = run
            .skipped
            .iter()
            .map(|s| (s.check.as_str(), s.reason.as_str()))
            .collect();
        let reason = |check: &str| {
            skipped
                .iter()
                .find(|(c, _)| *c == check)
                .map(|(_, r)| *r)
                .unwrap_or_else(|| panic!("{check} not skipped: {skipped:?}"))
        };
        // Aliases and nesting are refused at the first value of the wrong shape, before any
        // expansion, with the line.
        assert!(
            reason("Acme.Bomb").starts_with("line 5: exceptions[0]: invalid type"),
            "{skipped:?}"
        );
        assert!(
            reason("Acme.Deep").starts_with("line 3: tokens[0]: invalid type"),
            "{skipped:?}"
        );
        assert!(
            reason("Acme.Runaway").contains("backtracks catastrophically"),
            "{skipped:?}"
        );
        assert!(
            reason("Acme.Latin1").contains("not UTF-8 text"),
            "{skipped:?}"
        );
        assert!(
            reason("Acme.Huge").contains("too large: a file of 2097153 bytes"),
            "{skipped:?}"
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn a_missing_style_or_a_bad_config_line_is_a_typed_error() {
        let dir = folder(
            "missing",
            &[
                (
                    ".vale.ini",
                    "StylesPath = styles\n[*]\nBasedOnStyles = Nope\n",
                ),
                ("a.md", "x\n"),
            ],
        );
        assert!(matches!(
            check_folder(&dir),
            Err(ValeError::MissingStyle { .. })
        ));
        std::fs::remove_dir_all(&dir).ok();
        let bad = folder(
            "badini",
            &[(
                ".vale.ini",
                "MinAlertLevel = loud
",
            )],
        );
        match check_folder(&bad) {
            Err(ValeError::Config { line, .. }) => assert_eq!(line, 1),
            other => panic!("unexpected {other:?}"),
        }
        std::fs::remove_dir_all(bad).ok();
    }

    #[test]
    fn a_metric_rule_measures_the_whole_file_once_without_headings_like_vale() {
        let rule = compile_rule(
            "Length",
            "extends: metric\nmessage: \"%s words.\"\nformula: words\ncondition: '> 5'\n",
        )
        .unwrap();
        let rules = vec![("Acme.Length".to_string(), &rule, Severity::Suggestion)];
        let text = "# Title here\n\nOne two three.\n\nFour five `code` six.\n";
        let alerts = check_text("f.md", text, Markup::Markdown, &rules, Severity::Suggestion);
        let lines: Vec<String> = alerts.iter().map(ValeAlert::to_line).collect();
        // "Title here" is a heading: Vale counts the six words of the two paragraphs.
        assert_eq!(lines, vec!["f.md:1:1:Acme.Length:6 words."]);
    }

    /// The alert lines of `rule_yaml` (as `Acme.Rule`) on a Markdown `text`.
    fn lines_for(rule_yaml: &str, text: &str) -> Vec<String> {
        let rule = compile_rule("Rule", rule_yaml).unwrap();
        let rules = vec![("Acme.Rule".to_string(), &rule, Severity::Suggestion)];
        check_text("f.md", text, Markup::Markdown, &rules, Severity::Suggestion)
            .iter()
            .map(ValeAlert::to_line)
            .collect()
    }

    #[test]
    fn a_capitalize_rule_capitalises_the_replacement_of_a_capitalised_match() {
        let rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\ncapitalize: true\nswap:\n  does not: doesn't\n";
        assert_eq!(
            lines_for(rule, "Does not work. It does not.\n"),
            vec![
                "f.md:1:1:Acme.Rule:Use 'Doesn't' instead of 'Does not'.",
                "f.md:1:19:Acme.Rule:Use 'doesn't' instead of 'does not'.",
            ]
        );
        // Without `capitalize`, the replacement is quoted as written.
        let plain = rule.replace("capitalize: true\n", "");
        assert_eq!(
            lines_for(&plain, "Does not work.\n"),
            vec!["f.md:1:1:Acme.Rule:Use 'doesn't' instead of 'Does not'."]
        );
    }

    #[test]
    fn a_replace_action_lists_its_replacements_the_way_vale_3_does() {
        let rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\naction:\n  name: replace\nswap:\n  cell phone: phone|mobile phone\n  handset: phone|mobile|cell\n  utilize: use\n";
        assert_eq!(
            lines_for(rule, "My cell phone, a handset I utilize.\n"),
            vec![
                "f.md:1:4:Acme.Rule:Use 'phone' or 'mobile phone' instead of 'cell phone'.",
                "f.md:1:18:Acme.Rule:Use 'phone', 'mobile', or 'cell' instead of 'handset'.",
                "f.md:1:28:Acme.Rule:Use 'use' instead of 'utilize'.",
            ]
        );
    }

    #[test]
    fn a_phrase_replacement_must_match_exactly_case_included() {
        let rule = "extends: substitution\nmessage: \"Use '%s' instead of '%s'\"\nignorecase: true\nswap:\n  'java[ -]?script': JavaScript\n  colou?r: color|colour\n";
        assert_eq!(
            lines_for(rule, "Good at javascript, JavaScript and Colour.\n"),
            vec!["f.md:1:9:Acme.Rule:Use 'JavaScript' instead of 'javascript'"]
        );
    }

    #[test]
    fn an_existence_message_quotes_exactly_what_matched_spaces_included() {
        let rule = "extends: existence\nmessage: \"Avoid '%s'.\"\nnonword: true\nraw:\n  - ' — '\n";
        assert_eq!(
            lines_for(rule, "Fast — and free.\n"),
            vec!["f.md:1:5:Acme.Rule:Avoid ' — '."]
        );
    }

    #[test]
    fn paths_are_checked_from_the_working_folder_with_its_configuration() {
        let dir = folder(
            "paths",
            &[
                ("_vale", "StylesPath = styles\n[*]\nBasedOnStyles = Acme\n"),
                ("styles/Acme/Hype.yml", STYLE_HYPE),
                ("a.md", "A revolutionary day.\n"),
                ("docs/b.txt", "So game-changing, so revolutionary.\n"),
                ("docs/c.md", "Nothing here.\n"),
            ],
        );
        let run = check_paths(&dir, &[PathBuf::from("docs"), PathBuf::from("a.md")], None).unwrap();
        let lines: Vec<String> = run.alerts.iter().map(ValeAlert::to_line).collect();
        assert_eq!(
            lines,
            vec![
                "a.md:1:3:Acme.Hype:'revolutionary' is hype.",
                "docs/b.txt:1:4:Acme.Hype:'game-changing' is hype.",
                "docs/b.txt:1:22:Acme.Hype:'revolutionary' is hype.",
            ]
        );
        assert!(matches!(
            check_paths(&dir, &[PathBuf::from("missing.md")], None),
            Err(ValeError::Io { .. })
        ));
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn a_vocabulary_gives_the_vale_style_its_terms_and_avoid_rules() {
        let dir = folder(
            "vocab",
            &[
                (
                    ".vale.ini",
                    "StylesPath = styles\nVocab = Brand\n[*.md]\nBasedOnStyles = Vale\n",
                ),
                (
                    "styles/config/vocabularies/Brand/accept.txt",
                    "AcmeCloud\n[pP]lume\n",
                ),
                ("styles/config/vocabularies/Brand/reject.txt", "Acme Cloud\n"),
                (
                    "post.md",
                    "Try acmecloud, not Acme Cloud.\n\n<!-- vale Vale.Terms = NO -->\nAcmecloud and plume.\n",
                ),
            ],
        );
        let run = check_folder(&dir).unwrap();
        let lines: Vec<String> = run.alerts.iter().map(ValeAlert::to_line).collect();
        assert_eq!(
            lines,
            vec![
                "post.md:1:5:Vale.Terms:Use 'AcmeCloud' instead of 'acmecloud'.",
                "post.md:1:20:Vale.Avoid:Avoid using 'Acme Cloud'.",
            ]
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn an_acronym_defined_anywhere_in_the_file_is_defined() {
        let rule = "extends: conditional\nmessage: \"'%s' has no definition\"\nscope: text\nfirst: '\\b([A-Z]{3,5})\\b'\nsecond: '([A-Z]{3,5}): (?:\\b[A-Z][a-z]+ )+|(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n";
        let text = "# Why the WHO matters\n\nThe NBA and the WHO agree.\n\nThe World Health Organization (WHO) said so.\n\nNBA: National Basketball Association plays.\n\nThe IOC too.\n";
        assert_eq!(
            lines_for(rule, text),
            vec!["f.md:9:5:Acme.Rule:'IOC' has no definition"]
        );
    }

    #[test]
    fn token_and_block_ignores_leave_their_matches_unchecked() {
        let dir = folder(
            "ignores",
            &[
                (
                    ".vale.ini",
                    "StylesPath = styles\n[*.md]\nBasedOnStyles = Acme\nTokenIgnores = (\\{\\{< [^>]* >\\}\\}), \\\n  (:[a-z]+:)\nBlockIgnores = (?s)(<aside>.*?</aside>)\n",
                ),
                ("styles/Acme/Hype.yml", STYLE_HYPE),
                (
                    "post.md",
                    "A {{< revolutionary >}} day :revolutionary: here.\n\n<aside>\nrevolutionary\n</aside>\n\nStill revolutionary.\n",
                ),
            ],
        );
        let run = check_folder(&dir).unwrap();
        let lines: Vec<String> = run.alerts.iter().map(ValeAlert::to_line).collect();
        assert_eq!(
            lines,
            vec!["post.md:7:7:Acme.Hype:'revolutionary' is hype."]
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn a_readability_rule_averages_its_grade_formulas() {
        // 2 sentences, 12 words, 20 syllables (English vowel groups), 3 complex words.
        let text = "Regulatory documentation necessitates elaborate verification. We read it twice over.\n";
        let rule = |metrics: &str, grade: &str| {
            format!("extends: readability\nmessage: \"Grade %s.\"\ngrade: {grade}\nmetrics: [{metrics}]\n")
        };
        let fk = lines_for(&rule("Flesch-Kincaid", "1"), text);
        assert_eq!(fk.len(), 1);
        assert!(fk[0].starts_with("f.md:1:1:Acme.Rule:Grade "), "{fk:?}");
        assert!(lines_for(&rule("Flesch-Kincaid", "40"), text).is_empty());
        let both = lines_for(&rule("Gunning Fog, SMOG", "1"), text);
        assert_eq!(both.len(), 1);
        assert!(compile_rule("R", &rule("Dale-Chall", "8")).is_err());
        assert!(compile_rule("R", "extends: readability\nmessage: x\nmetrics: [SMOG]\n").is_err());
    }

    #[test]
    fn accepted_terms_are_exceptions_to_other_styles_rules() {
        let dir = folder(
            "accepted2",
            &[
                (
                    ".vale.ini",
                    "StylesPath = styles\nVocab = Brand\n[*.md]\nBasedOnStyles = Acme\n",
                ),
                (
                    "styles/config/vocabularies/Brand/accept.txt",
                    "revolutionary\n",
                ),
                ("styles/Acme/Hype.yml", STYLE_HYPE),
                ("post.md", "A revolutionary and game-changing team.\n"),
            ],
        );
        let run = check_folder(&dir).unwrap();
        let lines: Vec<String> = run.alerts.iter().map(ValeAlert::to_line).collect();
        assert_eq!(
            lines,
            vec!["post.md:1:21:Acme.Hype:'game-changing' is hype."]
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let rule = compile_rule("Hype", STYLE_HYPE).unwrap();
        let rules = vec![("Acme.Hype".to_string(), &rule, Severity::Suggestion)];
        let alerts = check_text(
            "f.md",
            "Été – revolutionary\n",
            Markup::Markdown,
            &rules,
            Severity::Suggestion,
        );
        assert_eq!((alerts[0].line, alerts[0].column), (1, 7));
    }
}
