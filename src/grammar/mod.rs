//! The grammar room: rules over sentences of words with their readings (part of speech,
//! features), written as data in the rule language (`rules/`, documented in
//! `docs/grammar-rules.md`), one file per family, for English (`rules/en`), French (`rules/fr`)
//! and both (`rules/any`).
//!
//! A line is read as sentences (`sentence`) with each word's readings from the language's
//! [`Lexicon`] (`en` for English; French's comes with the French dictionary), then every rule of
//! the line's language runs on every sentence. Rule files are compiled into the binary by
//! `build.rs` and parsed once, at first use; a test parses every shipped file and runs every
//! rule's `good:` and `bad:` examples. Findings carry the rule id `grammar.<family>`.

pub mod en;
pub mod fr;
pub mod morph;
pub mod rules;
pub mod sentence;
pub mod sound;

use std::sync::OnceLock;

pub use morph::{Analysis, Feature, Features, Lexicon, Pos};
pub use rules::parse::{parse_family, Family, Rule, RuleError};

use crate::locale::UiLanguage;
use crate::report::{Category, Finding, RuleId, Span};
use crate::spell::Detected;
use crate::text::Token;
use rules::pattern::{cancelled_by, disagrees, match_at, token_tests};
use rules::suggest::{fix_text, match_case};
use sentence::{sentences, Word};

/// The shipped rule files, `(path under src/grammar/rules, text)`, listed by `build.rs`.
mod shipped {
    include!(concat!(env!("OUT_DIR"), "/grammar_rules.rs"));
}

/// The shipped families of `language`'s own directory and of `rules/any`, parsed once. A file
/// that does not parse is left out here; the test suite refuses it.
pub fn families(language: Detected) -> &'static [Family] {
    static ENGLISH: OnceLock<Vec<Family>> = OnceLock::new();
    static FRENCH: OnceLock<Vec<Family>> = OnceLock::new();
    let (cell, own) = match language {
        Detected::English => (&ENGLISH, shipped::ENGLISH),
        Detected::French => (&FRENCH, shipped::FRENCH),
    };
    cell.get_or_init(|| {
        own.iter()
            .chain(shipped::ANY)
            .filter_map(|(path, text)| parse_family(path, text).ok())
            .collect()
    })
}

/// Every shipped rule file and whether it parses, for tests and the Learn page's list.
pub fn shipped_files() -> impl Iterator<Item = (&'static str, Result<Family, RuleError>)> {
    shipped::ENGLISH
        .iter()
        .chain(shipped::FRENCH)
        .chain(shipped::ANY)
        .map(|(path, text)| (*path, parse_family(path, text)))
}

/// A lexicon that knows no word: French lines until the French lexicon is loaded (families
/// that read no readings, such as `repeated-word`, still run).
#[derive(Debug)]
pub struct NoLexicon;

impl Lexicon for NoLexicon {
    fn analyses(&self, _: &str) -> Vec<Analysis> {
        Vec::new()
    }
    fn inflect(&self, _: &str, _: Pos, _: &Features) -> Option<String> {
        None
    }
}

/// The lexicon lines of `language` are read with.
pub fn lexicon_for(language: Detected) -> &'static dyn Lexicon {
    match language {
        Detected::English => en::EnglishLexicon::built_in(),
        Detected::French => &NoLexicon,
    }
}

/// The lexicons one check reads its lines with: English built in, French from the loaded French
/// dictionary's grammar section (`fr::FrenchLexicon::shared`; until it is loaded, `NoLexicon`).
pub struct Lexicons {
    french: Option<std::sync::Arc<fr::FrenchLexicon>>,
}

impl Lexicons {
    pub fn new(french_dictionary: Option<&crate::spell::Dictionary>) -> Lexicons {
        Lexicons {
            french: french_dictionary.and_then(fr::FrenchLexicon::shared),
        }
    }

    /// The lexicon of `language`.
    pub fn get(&self, language: Detected) -> &dyn Lexicon {
        match (language, &self.french) {
            (Detected::French, Some(french)) => french.as_ref(),
            _ => lexicon_for(language),
        }
    }
}

/// Checks one line (`tokens` point into `line`) read in `language`, with its lexicon.
pub fn check_line(
    line: &str,
    tokens: &[Token],
    language: Detected,
    lexicon: &dyn Lexicon,
    ui: UiLanguage,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for words in sentences(line, tokens, lexicon) {
        for family in families(language) {
            for rule in &family.rules {
                run_rule(family, rule, line, &words, lexicon, ui, &mut out);
            }
        }
    }
    out
}

/// Whether a sentence holds a word the rule cannot match without: the words of its first
/// required token test that lists words (a cheap filter before matching).
fn may_match(rule: &Rule, words: &[Word]) -> bool {
    use rules::parse::{Element, TestKind};
    let required = rule.pattern.elements.iter().find_map(|e| match e {
        Element::Token {
            test,
            optional: false,
            ..
        } => test.tests.iter().find_map(|t| match &t.kind {
            TestKind::Word(list) if !t.negated => Some(list),
            _ => None,
        }),
        _ => None,
    });
    required.is_none_or(|list| words.iter().any(|w| list.contains(&w.lower)))
}

/// Runs one rule of `family` on a sentence, adding what it finds to `out` (one finding per
/// span: a span already flagged by an earlier rule is left alone).
pub fn run_rule(
    family: &Family,
    rule: &Rule,
    line: &str,
    words: &[Word],
    lexicon: &dyn Lexicon,
    ui: UiLanguage,
    out: &mut Vec<Finding>,
) {
    if !may_match(rule, words) {
        return;
    }
    let tests = token_tests(&rule.pattern);
    for start in 0..words.len() {
        let Some(bindings) = match_at(&rule.pattern, words, start) else {
            continue;
        };
        if !rule
            .agree
            .iter()
            .all(|a| disagrees(a, &tests, words, &bindings))
        {
            continue;
        }
        let (Some(first), Some(last)) = (bindings[rule.mark.0], bindings[rule.mark.1]) else {
            continue;
        };
        if cancelled_by(&rule.unless, words, first, last) {
            continue;
        }
        let span = Span::new(words[first].span.start, words[last].span.end);
        if out.iter().any(|f| f.span == span) {
            continue;
        }
        let mut suggestions = Vec::new();
        for fix in &rule.fixes {
            let (a, b) = fix.range.unwrap_or(rule.mark);
            let (Some(a), Some(b)) = (bindings[a], bindings[b]) else {
                continue;
            };
            let Some(text) = fix_text(fix, &tests, words, &bindings, lexicon) else {
                continue;
            };
            let (from, to) = (words[a].span.start, words[b].span.end);
            let fixed = format!(
                "{}{}{}",
                &line[span.start..from],
                match_case(&line[from..to], &text),
                &line[to..span.end]
            );
            if fixed != line[span.start..span.end] && !suggestions.contains(&fixed) {
                suggestions.push(fixed);
            }
        }
        if !rule.fixes.is_empty() && suggestions.is_empty() {
            // No fix could be built: the rule has likely misread the sentence.
            continue;
        }
        let fill = |template: &str| fill_in(template, suggestions.first(), words, &bindings);
        let message = fill(rule.message.as_ref().unwrap_or(&family.message).get(ui));
        let why = fill(rule.why.as_ref().unwrap_or(&family.why).get(ui));
        out.push(Finding {
            category: Category::Grammar,
            rule: RuleId(format!("grammar.{}", family.name)),
            severity: family.severity,
            span,
            message,
            why,
            link: None,
            suggestions,
        });
    }
}

/// A message with `{fix}` and `{N}` (token N as written) filled in.
fn fill_in(
    template: &str,
    fix: Option<&String>,
    words: &[Word],
    bindings: &rules::pattern::Bindings,
) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}').map(|c| c + open) else {
            break;
        };
        let key = &rest[open + 1..close];
        let value = if key == "fix" {
            fix.map(String::as_str)
        } else {
            key.parse::<usize>()
                .ok()
                .and_then(|n| bindings.get(n.checked_sub(1)?).copied().flatten())
                .map(|i| words[i].text)
        };
        out.push_str(value.unwrap_or(""));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Runs every example of `family` (read in `language` with `lexicon`): each `good:` sentence
/// must draw no finding of the family, each `bad:` sentence a finding of its rule whose first
/// fix gives the sentence after `=>`. Returns what failed, naming the rule and its line.
pub fn check_examples(
    family: &Family,
    file: &str,
    lexicon: &dyn Lexicon,
) -> Result<(), Vec<String>> {
    let mut failures = Vec::new();
    let run = |text: &str, only: Option<&Rule>| {
        let tokens = crate::text::tokenize(text);
        let mut found = Vec::new();
        for words in sentences(text, &tokens, lexicon) {
            for rule in &family.rules {
                if only.is_none_or(|o| std::ptr::eq(o, rule)) {
                    run_rule(
                        family,
                        rule,
                        text,
                        &words,
                        lexicon,
                        UiLanguage::English,
                        &mut found,
                    );
                }
            }
        }
        found
    };
    for rule in &family.rules {
        let at = format!("{file}:{} rule {}", rule.line, rule.name);
        for good in &rule.good {
            let found = run(good, None);
            if let Some(f) = found.first() {
                failures.push(format!(
                    "{at}: good example {good:?} draws {:?} on {:?}",
                    f.rule.as_str(),
                    &good[f.span.start..f.span.end]
                ));
            }
        }
        for (bad, fixed) in &rule.bad {
            let found = run(bad, Some(rule));
            let Some(f) = found.first() else {
                failures.push(format!("{at}: bad example {bad:?} draws nothing"));
                continue;
            };
            if let Some(fixed) = fixed {
                let applied = f
                    .suggestions
                    .first()
                    .map(|s| format!("{}{}{}", &bad[..f.span.start], s, &bad[f.span.end..]));
                if applied.as_deref() != Some(fixed.as_str()) {
                    failures.push(format!(
                        "{at}: bad example {bad:?} is fixed as {applied:?}, not {fixed:?}"
                    ));
                }
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_rule_file_parses_and_its_english_examples_hold() {
        let lexicon = en::EnglishLexicon::built_in();
        let lexicon: &dyn Lexicon = lexicon;
        let mut failures = Vec::new();
        let mut count = 0;
        for (path, parsed) in shipped_files() {
            match parsed {
                Err(e) => failures.push(e.to_string()),
                // French examples are run by the French lexicon's own test.
                Ok(family) if !path.starts_with("fr/") => {
                    count += 1;
                    if let Err(f) = check_examples(&family, path, lexicon) {
                        failures.extend(f);
                    }
                }
                Ok(_) => {}
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert!(count > 0);
    }

    #[test]
    fn findings_carry_the_family_id_a_message_and_a_fix() {
        let lexicon = en::EnglishLexicon::built_in();
        let lexicon: &dyn Lexicon = lexicon;
        let line = "You should of seen the demo";
        let found = check_line(
            line,
            &crate::text::tokenize(line),
            Detected::English,
            lexicon,
            UiLanguage::French,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].rule.as_str(), "grammar.could-of");
        assert_eq!(&line[found[0].span.start..found[0].span.end], "should of");
        assert_eq!(found[0].suggestions, vec!["should have"]);
        assert!(
            found[0].message.contains("should have"),
            "{}",
            found[0].message
        );
        assert!(found[0].why.contains("have"), "{}", found[0].why);
    }
}
