//! Letter case of suggestions: a suggestion is written in the case pattern of the typo.

use super::dictionary::CaseShape;

/// `paris` → `Paris`.
pub fn title(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Gives `suggestion` the case pattern of `original`: `Teh` → `The`, `TEH` → `THE`; a
/// suggestion with its own capitals (`iPhone`, `Paris`) keeps them unless the typo is in capitals.
pub fn match_case(original: &str, suggestion: &str) -> String {
    let own_capitals = suggestion.chars().any(char::is_uppercase);
    match CaseShape::of(original) {
        CaseShape::Upper if original.chars().filter(|c| c.is_alphabetic()).count() > 1 => {
            suggestion.to_uppercase()
        }
        CaseShape::Title | CaseShape::Upper if !own_capitals => title(suggestion),
        _ => suggestion.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_take_the_case_of_the_typo() {
        assert_eq!(match_case("Teh", "the"), "The");
        assert_eq!(match_case("TEH", "the"), "THE");
        assert_eq!(match_case("teh", "the"), "the");
        assert_eq!(match_case("Equipe", "équipe"), "Équipe");
    }

    #[test]
    fn words_with_their_own_capitals_keep_them() {
        assert_eq!(match_case("iphone", "iPhone"), "iPhone");
        assert_eq!(match_case("Pariss", "Paris"), "Paris");
        assert_eq!(match_case("PARISS", "Paris"), "PARIS");
    }
}
