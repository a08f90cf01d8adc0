//! From options to a ready checker: language, personal dictionary, packs and platform.
//!
//! This is where the CLI meets the core's configuration, and the one place where features of
//! other rooms (packs, platforms) plug in.

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use plume::guide::{PackError, PackErrorKind, PackFormat, PackSource};
use plume::{CheckOptions, Checker, Config, ConfigError, Language, UiLanguage};

use crate::cli::args::LanguageArgs;
use crate::cli::error::CliError;

/// A checker and the per-run parts of its check options.
pub struct Setup {
    pub checker: Checker,
    /// `--lang`, `auto` when not given.
    pub language: Option<Language>,
    /// `--platform`, when given; otherwise a record's own platform column applies.
    pub platform: Option<plume::guide::Platform>,
}

impl Setup {
    /// Builds the checker from the language options, packs and platform.
    pub fn new(
        language: &LanguageArgs,
        packs: &[PathBuf],
        platform: Option<plume::guide::Platform>,
    ) -> Result<Setup, CliError> {
        let lang = match &language.lang {
            Some(code) => {
                Some(Language::from_str(code).map_err(|e| CliError::Usage(e.to_string()))?)
            }
            None => None,
        };
        let personal_dictionary = match &language.dict {
            Some(path) => read_dictionary(path)?,
            None => Vec::new(),
        };
        let mut pack_sources = Vec::new();
        for path in packs {
            pack_sources.extend(read_packs(path)?);
        }
        let lang = lang.unwrap_or(Language::Auto);
        let config = Config {
            language: lang,
            ui_language: ui_language(language.ui_lang.as_deref()),
            personal_dictionary: personal_dictionary.iter().map(|(_, w)| w.clone()).collect(),
            packs: pack_sources,
            ..Config::default()
        };
        let checker = Checker::new(config).map_err(|e| match e {
            ConfigError::InvalidDictionaryWord { index, .. } => {
                let (line, word) = &personal_dictionary[index];
                CliError::Dictionary {
                    path: language
                        .dict
                        .as_deref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    line: *line,
                    message: format!("{word:?}: {e}"),
                }
            }
            ConfigError::Pack(e) => CliError::Pack(e.to_string()),
            other => CliError::Usage(other.to_string()),
        })?;
        Ok(Setup {
            checker,
            language: Some(lang),
            platform,
        })
    }

    /// Options for one draft. A record's language (a CSV column, a JSON field) wins over
    /// `--lang`; `--platform` wins over a record's platform, and a platform Plume does not
    /// know (say, a calendar row for a blog) checks no platform rules.
    pub fn options_for(
        &self,
        record_language: Option<&str>,
        record_platform: Option<&str>,
        source: &str,
        line: u64,
    ) -> Result<CheckOptions, CliError> {
        let language = match record_language {
            Some(code) => Some(Language::from_str(code).map_err(|e| CliError::Field {
                path: source.to_string(),
                line,
                field: "language".to_string(),
                problem: format!("cannot be used: {e}"),
            })?),
            None => self.language,
        };
        let platform = self
            .platform
            .or_else(|| record_platform.and_then(|p| p.parse().ok()));
        Ok(CheckOptions {
            language,
            platform,
            ..CheckOptions::default()
        })
    }
}

/// Reads a personal dictionary: one word per line; blank lines and `#` comments are skipped.
/// Returns each word with its 1-based line.
pub fn read_dictionary(path: &Path) -> Result<Vec<(u64, String)>, CliError> {
    let shown = path.display().to_string();
    let bytes = fs::read(path).map_err(|e| CliError::read(&shown, e))?;
    let text = crate::cli::input::utf8_or_error(&shown, bytes, 1)?;
    Ok(text
        .lines()
        .enumerate()
        .map(|(i, line)| (i as u64 + 1, line.trim().trim_start_matches('\u{feff}')))
        .filter(|(_, word)| !word.is_empty() && !word.starts_with('#'))
        .map(|(line, word)| (line, word.to_string()))
        .collect())
}

/// Reads what `--pack` names: a pack file, a folder of pack files, or a Vale style folder
/// (rule files with a top-level `extends:`), which becomes one pack named after the folder.
pub fn read_packs(path: &Path) -> Result<Vec<PackSource>, CliError> {
    if !path.is_dir() {
        return Ok(vec![read_pack(path)?]);
    }
    if let Some(style) = vale_style_pack(path)? {
        return Ok(vec![style]);
    }
    let sources =
        plume::guide::Pack::sources_in(path).map_err(|e| CliError::Pack(e.to_string()))?;
    if sources.is_empty() {
        return Err(CliError::Pack(format!(
            "{}: no .yml, .yaml or .json pack in this folder",
            path.display()
        )));
    }
    Ok(sources)
}

/// Reads one pack file (`.json` is JSON, anything else YAML).
pub fn read_pack(path: &Path) -> Result<PackSource, CliError> {
    let shown = path.display().to_string();
    let bytes = fs::read(path).map_err(|e| CliError::read(&shown, e))?;
    let text = crate::cli::input::utf8_or_error(&shown, bytes, 1)?;
    let format = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        PackFormat::Json
    } else {
        PackFormat::Yaml
    };
    Ok(PackSource {
        name: shown,
        format,
        text,
    })
}

/// A Vale style folder as one pack: each `Rule.yml` becomes rule `Rule` of a pack named after
/// the folder, so its findings read `Style.Rule` as in Vale. Rules the engine cannot run are
/// left out with a note on standard error. `None` when the folder holds no Vale rule.
fn vale_style_pack(dir: &Path) -> Result<Option<PackSource>, CliError> {
    let shown = dir.display().to_string();
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| CliError::read(&shown, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("yml") || e.eq_ignore_ascii_case("yaml"))
        })
        .collect();
    files.sort();
    let mut rules = String::new();
    let mut any_vale_rule = false;
    for file in &files {
        let file_shown = file.display().to_string();
        let text = fs::read_to_string(file).map_err(|e| CliError::read(&file_shown, e))?;
        if !text.lines().any(|l| l.starts_with("extends:")) {
            continue;
        }
        any_vale_rule = true;
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Err(reason) = plume::guide::vale::compile_rule(&name, &text) {
            eprintln!("plume: note: {file_shown} was not loaded: {reason}");
            continue;
        }
        rules.push_str(&format!("  {name:?}:\n"));
        for line in text.lines() {
            rules.push_str("    ");
            rules.push_str(line);
            rules.push('\n');
        }
    }
    if !any_vale_rule {
        return Ok(None);
    }
    let style = dir
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "style".to_string());
    Ok(Some(PackSource {
        name: shown,
        format: PackFormat::Yaml,
        text: format!("name: {style:?}\nrules:\n{rules}"),
    }))
}

/// A refused pack for `plume pack`: a failing embedded test (exit 1), or anything else (exit 2).
pub fn pack_error(error: PackError) -> CliError {
    match error.kind {
        PackErrorKind::FailedTest { .. } => CliError::PackTestFailed(error.to_string()),
        _ => CliError::Pack(error.to_string()),
    }
}

/// The interface language: `--ui-lang`, else the first of LC_ALL, LC_MESSAGES and LANG that is
/// set (`fr_FR.UTF-8` reads as French), else English.
fn ui_language(flag: Option<&str>) -> UiLanguage {
    if let Some(code) = flag {
        return UiLanguage::from_locale(code);
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .map_or(UiLanguage::English, |value| UiLanguage::from_locale(&value))
}
