//! Fixes built from a match: a template's text, the matched tokens, and forms the lexicon
//! inflects (`{3:inflect num=$1.num}`), never a table of corrected sentences.

use crate::grammar::morph::{Analysis, Lexicon};
use crate::grammar::rules::parse::{Fix, Part, TokenTest, Value};
use crate::grammar::rules::pattern::{readings, Bindings};
use crate::grammar::sentence::Word;

/// The text replacing the tokens `fix` covers, or `None` when a form cannot be built (the rule
/// then offers no fix: a rule whose fix cannot be made has likely misread the sentence).
pub fn fix_text(
    fix: &Fix,
    tests: &[&TokenTest],
    words: &[Word],
    bindings: &Bindings,
    lexicon: &dyn Lexicon,
) -> Option<String> {
    let mut out = String::new();
    for part in &fix.parts {
        match part {
            Part::Text(t) => out.push_str(t),
            Part::Token(n) => out.push_str(words[(*bindings.get(*n)?)?].text),
            Part::Lemma(n) => {
                let word = &words[(*bindings.get(*n)?)?];
                out.push_str(&readings(tests[*n], word).next()?.lemma);
            }
            Part::Inflect { token, pos, set } => {
                let word = &words[(*bindings.get(*token)?)?];
                let form = readings(tests[*token], word).find_map(|reading: &Analysis| {
                    let mut wanted = reading.features;
                    for (feature, value) in set {
                        let values = match value {
                            Value::Fixed(v) => *v,
                            Value::From(m) => shared_value(*feature, tests, words, bindings, *m)?,
                        };
                        wanted.set(*feature, values);
                    }
                    lexicon.inflect(&reading.lemma, pos.unwrap_or(reading.pos), &wanted)
                })?;
                out.push_str(&form);
            }
        }
    }
    Some(out)
}

/// The values of `feature` that token `m`'s matching readings allow (their union), if any says.
fn shared_value(
    feature: crate::grammar::morph::Feature,
    tests: &[&TokenTest],
    words: &[Word],
    bindings: &Bindings,
    m: usize,
) -> Option<u8> {
    let word = &words[(*bindings.get(m)?)?];
    let union = readings(tests[m], word)
        .map(|r: &Analysis| r.features.get(feature))
        .fold(0, |acc, v| acc | v);
    (union != 0).then_some(union)
}

/// `fix` written in the case of `original` (the text it replaces): `Their` → `They're`,
/// `THEIR` → `THEY'RE`.
pub fn match_case(original: &str, fix: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return fix.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = fix.chars();
        return match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    fix.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_takes_the_case_of_what_it_replaces() {
        assert_eq!(match_case("Their", "they're"), "They're");
        assert_eq!(match_case("THEIR", "they're"), "THEY'RE");
        assert_eq!(match_case("their", "they're"), "they're");
        assert_eq!(match_case("A", "an"), "An");
    }
}
