//! Vale vocabularies (`Vocab = Name` in `.vale.ini`): `<StylesPath>/config/vocabularies/Name/`
//! holds `accept.txt` and `reject.txt`, one term per line. With the built-in `Vale` style,
//! an accepted term written in another case is `Vale.Terms` ("Use 'Log4j' instead of
//! 'log4j'.") and a rejected term is `Vale.Avoid` ("Avoid using 'Mac OS X'.").

use std::collections::BTreeMap;
use std::path::Path;

use super::{io, SkippedRule, Style, ValeError};
use crate::guide::rule::Rule;
use crate::guide::spec::{OneOrMany, RuleSpec};

/// A vocabulary's terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    pub accept: Vec<String>,
    pub reject: Vec<String>,
}

/// Reads the terms of one list file; a missing file is an empty list.
fn terms(path: &Path) -> Result<Vec<String>, ValeError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(io(path, e)),
    }
}

/// The vocabularies `names`, merged in order.
pub fn load(styles_path: &Path, names: &[String]) -> Result<Vocabulary, ValeError> {
    let mut vocabulary = Vocabulary::default();
    for name in names {
        let dir = styles_path.join("config/vocabularies").join(name);
        if !dir.is_dir() {
            return Err(ValeError::Io {
                path: dir,
                message: format!("vocabulary {name:?} not found"),
            });
        }
        vocabulary.accept.extend(terms(&dir.join("accept.txt"))?);
        vocabulary.reject.extend(terms(&dir.join("reject.txt"))?);
    }
    Ok(vocabulary)
}

/// The built-in `Vale` style Plume runs: `Terms` and `Avoid` from the vocabularies.
pub fn builtin_style(styles_path: &Path, names: &[String]) -> Result<Style, ValeError> {
    let vocabulary = load(styles_path, names)?;
    let mut style = Style {
        name: "Vale".into(),
        rules: Vec::new(),
        skipped: Vec::new(),
    };
    let mut add = |name: &str, spec: RuleSpec| match Rule::compile(name, &spec) {
        Ok(rule) => style.rules.push(rule),
        Err(e) => style.skipped.push(SkippedRule {
            check: format!("Vale.{name}"),
            reason: crate::guide::error::PackError::new(name, e.kind).to_string(),
        }),
    };
    if !vocabulary.reject.is_empty() {
        add(
            "Avoid",
            RuleSpec {
                extends: Some("existence".into()),
                message: Some("Avoid using '%s'.".into()),
                level: Some("error".into()),
                tokens: Some(vocabulary.reject.clone()),
                ..RuleSpec::default()
            },
        );
    }
    if !vocabulary.accept.is_empty() {
        let swap: BTreeMap<String, String> = vocabulary
            .accept
            .iter()
            .map(|term| (term.clone(), term.clone()))
            .collect();
        add(
            "Terms",
            RuleSpec {
                extends: Some("substitution".into()),
                message: Some("Use '%s' instead of '%s'.".into()),
                level: Some("error".into()),
                ignorecase: Some(true),
                swap: Some(swap),
                scope: Some(OneOrMany::One("text".into())),
                ..RuleSpec::default()
            },
        );
    }
    Ok(style)
}
