//! From options to a ready checker: language, personal dictionary, packs and platform.
//!
//! This is where the CLI meets the core's configuration, and the one place where features of
//! other rooms (packs, platforms) plug in.

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use plume::{CheckOptions, Checker, Config, ConfigError, Language};

use crate::cli::args::{LanguageArgs, Platform};
use crate::cli::error::CliError;

/// A checker and the per-run parts of its check options.
pub struct Setup {
    pub checker: Checker,
    /// `--lang`, when given.
    pub language: Option<Language>,
}

impl Setup {
    /// Builds the checker from the language options, packs and platform.
    pub fn new(
        language: &LanguageArgs,
        packs: &[PathBuf],
        platform: Option<Platform>,
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
        if let Some(pack) = packs.first() {
            return Err(CliError::NotAvailable {
                what: format!("--pack {}", pack.display()),
                why: "guideline packs are not in this build yet".to_string(),
            });
        }
        if let Some(platform) = platform {
            return Err(CliError::NotAvailable {
                what: format!("--platform {}", platform.name()),
                why: "platform profiles are not in this build yet".to_string(),
            });
        }
        let config = Config {
            language: lang.unwrap_or_default(),
            personal_dictionary: personal_dictionary.iter().map(|(_, w)| w.clone()).collect(),
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
            other => CliError::Usage(other.to_string()),
        })?;
        Ok(Setup {
            checker,
            language: lang,
        })
    }

    /// Options for one draft; `record_language` (a CSV column, a JSON field) wins over `--lang`.
    pub fn options_for(
        &self,
        record_language: Option<&str>,
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
        Ok(CheckOptions {
            language,
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
