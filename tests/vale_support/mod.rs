//! Shared by the Vale fixture tests: where Vale's styles are, and the scenarios of a
//! `features/rules.feature` file.

use std::path::{Path, PathBuf};

/// The Vale styles vendored for the tests (`tests/vale_styles`, see its README).
pub fn styles_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vale_styles")
}

/// `(fixture folder, expected lines)` for every scenario of a `rules.feature` file.
pub fn scenarios(feature: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    let mut in_block = false;
    for line in feature.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("When I test \"") {
            current = Some((rest.trim_end_matches('"').to_string(), Vec::new()));
        } else if t == "\"\"\"" {
            in_block = !in_block;
            if !in_block {
                out.extend(current.take());
            }
        } else if in_block && !t.is_empty() {
            if let Some((_, lines)) = current.as_mut() {
                lines.push(t.to_string());
            }
        }
    }
    out
}
