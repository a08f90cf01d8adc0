//! `.vale.ini`: `StylesPath`, `MinAlertLevel`, `Vocab`, and `[glob]` sections with
//! `BasedOnStyles`, `TokenIgnores`, `BlockIgnores` and
//! `Style.Rule = YES|NO|suggestion|warning|error`. A value ending in `\` goes on on the next
//! line.

use crate::report::Severity;

/// A parsed `.vale.ini`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ValeConfig {
    pub styles_path: Option<String>,
    pub min_alert_level: Option<Severity>,
    /// `Vocab = A, B`: vocabularies under `<StylesPath>/config/vocabularies/`.
    pub vocab: Vec<String>,
    pub sections: Vec<Section>,
    /// Keys read but not acted on (`Packages`, `Vocab`, `BlockIgnores`…), with their line.
    pub ignored_keys: Vec<(usize, String)>,
}

/// One `[glob]` section.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub glob: String,
    pub based_on_styles: Vec<String>,
    /// `Style.Rule` → `Some(level)` to enable (with an optional new level), `None` to disable.
    pub rules: Vec<(String, RuleSetting)>,
    /// `TokenIgnores`: patterns whose matches (their first group, if any) are not checked.
    pub token_ignores: Vec<String>,
    /// `BlockIgnores`: the same for blocks (multi-line patterns).
    pub block_ignores: Vec<String>,
}

/// What a `Style.Rule = …` line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSetting {
    On,
    Off,
    Level(Severity),
}

pub fn parse_level(value: &str) -> Option<Severity> {
    match value.trim().to_ascii_lowercase().as_str() {
        "suggestion" => Some(Severity::Suggestion),
        "warning" => Some(Severity::Warning),
        "error" => Some(Severity::Error),
        _ => None,
    }
}

/// Parses `.vale.ini` text; an error is `(line, message)`.
pub fn parse(text: &str) -> Result<ValeConfig, (usize, String)> {
    let mut config = ValeConfig::default();
    let all: Vec<&str> = text.lines().collect();
    let mut index = 0;
    while index < all.len() {
        let line_no = index + 1;
        // A value ending in `\` goes on on the next line.
        let mut joined = all[index].trim().to_string();
        while joined.ends_with('\\') && index + 1 < all.len() {
            joined.pop();
            index += 1;
            joined.push(' ');
            joined.push_str(all[index].trim());
        }
        index += 1;
        let line = joined.as_str();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(glob) = line.strip_prefix('[') {
            let glob = glob
                .strip_suffix(']')
                .ok_or((line_no, format!("section header {line:?} lacks `]`")))?;
            config.sections.push(Section {
                glob: glob.trim().to_string(),
                based_on_styles: Vec::new(),
                rules: Vec::new(),
                token_ignores: Vec::new(),
                block_ignores: Vec::new(),
            });
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .ok_or((line_no, format!("{line:?} is not `key = value`")))?;
        let (key, value) = (key.trim(), value.trim());
        match config.sections.last_mut() {
            None => match key {
                "StylesPath" => config.styles_path = Some(value.to_string()),
                "Vocab" => config.vocab.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string),
                ),
                "MinAlertLevel" => {
                    config.min_alert_level = Some(parse_level(value).ok_or((
                        line_no,
                        format!("MinAlertLevel {value:?} is not suggestion, warning or error"),
                    ))?)
                }
                _ => config.ignored_keys.push((line_no, key.to_string())),
            },
            Some(section) => {
                if key == "BasedOnStyles" {
                    section.based_on_styles.extend(
                        value
                            .split(',')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string),
                    );
                } else if key == "TokenIgnores" {
                    section.token_ignores.extend(split_patterns(value));
                } else if key == "BlockIgnores" {
                    section.block_ignores.extend(split_patterns(value));
                } else if key.contains('.') && !key.contains(' ') {
                    let setting = match value.to_ascii_uppercase().as_str() {
                        "YES" => RuleSetting::On,
                        "NO" => RuleSetting::Off,
                        _ => RuleSetting::Level(parse_level(value).ok_or((
                            line_no,
                            format!("{key} = {value:?}: use YES, NO, suggestion, warning or error"),
                        ))?),
                    };
                    section.rules.push((key.to_string(), setting));
                } else {
                    config.ignored_keys.push((line_no, key.to_string()));
                }
            }
        }
    }
    Ok(config)
}

/// A comma-separated list of patterns, split only at commas outside parentheses and brackets
/// (`a{1,3}` and `[,;]` stay whole).
fn split_patterns(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    let mut escaped = false;
    for c in value.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if matches!(c, '(' | '[' | '{') {
            depth += 1;
        } else if matches!(c, ')' | ']' | '}') {
            depth -= 1;
        } else if c == ',' && depth <= 0 {
            out.push(std::mem::take(&mut current));
            continue;
        }
        current.push(c);
    }
    out.push(current);
    out.into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether `path` (relative, `/`-separated) matches a section glob: `*`, `*.md`, `*.{md,rst}`,
/// `docs/**/*.md`. A glob without `/` matches the file name.
pub fn glob_matches(glob: &str, path: &str) -> bool {
    expand_braces(glob).iter().any(|g| {
        let target = if g.contains('/') {
            path
        } else {
            path.rsplit('/').next().unwrap_or(path)
        };
        wildcard(g.as_bytes(), target.as_bytes())
    })
}

fn expand_braces(glob: &str) -> Vec<String> {
    let (Some(open), Some(close)) = (glob.find('{'), glob.find('}')) else {
        return vec![glob.to_string()];
    };
    if close < open {
        return vec![glob.to_string()];
    }
    let (head, tail) = (&glob[..open], &glob[close + 1..]);
    glob[open + 1..close]
        .split(',')
        .flat_map(|alt| expand_braces(&format!("{head}{}{tail}", alt.trim())))
        .collect()
}

/// `*` matches any run of characters (`**` too), `?` one character.
fn wildcard(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == b'?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == b'*' {
            star = Some(p);
            mark = t;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            t = mark;
        } else {
            return false;
        }
    }
    while p < pattern.len() && pattern[p] == b'*' {
        p += 1;
    }
    p == pattern.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vale_ini_is_read_with_sections_and_rule_switches() {
        let config = parse(
            "StylesPath = ../../\nMinAlertLevel = warning\nPackages = write-good\n\n[*.{md,rst}]\nBasedOnStyles = proselint, alex\nwrite-good.So = YES\nalex.Ablist = NO\nproselint.Very = error\n",
        )
        .unwrap();
        assert_eq!(config.styles_path.as_deref(), Some("../../"));
        assert_eq!(config.min_alert_level, Some(Severity::Warning));
        assert_eq!(
            config.sections[0].based_on_styles,
            vec!["proselint", "alex"]
        );
        assert_eq!(
            config.sections[0].rules[1],
            ("alex.Ablist".to_string(), RuleSetting::Off)
        );
        assert_eq!(
            config.sections[0].rules[2].1,
            RuleSetting::Level(Severity::Error)
        );
        assert_eq!(config.ignored_keys, vec![(3, "Packages".to_string())]);
    }

    #[test]
    fn ignore_patterns_are_split_at_top_level_commas_across_continued_lines() {
        let config = parse(
            "[*.md]\nTokenIgnores = ({{[%<] .* [%>]}}), \\\n(\\[.+\\]\\(x{1,3}\\))\nBlockIgnores = (?s)(<x>[,;]*</x>)\nBasedOnStyles = Acme\n",
        )
        .unwrap();
        let section = &config.sections[0];
        assert_eq!(
            section.token_ignores,
            vec!["({{[%<] .* [%>]}})", "(\\[.+\\]\\(x{1,3}\\))"]
        );
        assert_eq!(section.block_ignores, vec!["(?s)(<x>[,;]*</x>)"]);
        assert_eq!(section.based_on_styles, vec!["Acme"]);
    }

    #[test]
    fn a_bad_line_is_an_error_with_its_line_number() {
        assert_eq!(parse("[*.md]\nwrite-good.So = maybe\n").unwrap_err().0, 2);
        assert_eq!(parse("MinAlertLevel = loud\n").unwrap_err().0, 1);
    }

    #[test]
    fn globs_match_extensions_and_brace_lists() {
        assert!(glob_matches("*.md", "docs/intro.md"));
        assert!(glob_matches("*.{md,rst}", "test.rst"));
        assert!(!glob_matches("*.md", "test.rst"));
        assert!(glob_matches("*", "notes.txt"));
        assert!(glob_matches("docs/**/*.md", "docs/a/b.md"));
    }
}
