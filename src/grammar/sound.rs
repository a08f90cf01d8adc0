//! How a word starts when said aloud, for `a`/`an` (the rule language's `sound=vowel` test):
//! it is the sound that counts, not the letter (`an hour`, `a user`, `an FAQ`, `a KPI`).

/// Whether `word` starts with a vowel sound; `None` when unsure.
pub fn starts_with_vowel_sound(word: &str) -> Option<bool> {
    let lower = word.to_lowercase();
    let first = lower.chars().next()?;
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    // Said letter by letter: two or three capitals (`FAQ`, `SEO`), or four or five without a
    // vowel (`HTML`); `NASA` and `MAGA` are said as words. A lone letter, capital or before a
    // hyphen (`an R`, `an f-bomb`), is said by its name.
    let has_vowel = lower.chars().any(|c| "aeiou".contains(c));
    let lone_letter = letters == 1 || (lower.chars().nth(1) == Some('-') && first.is_alphabetic());
    let is_acronym = lone_letter && (letters == 1 || word.len() > 2)
        || capitals && ((2..=3).contains(&letters) || ((4..=5).contains(&letters) && !has_vowel));
    if first.is_ascii_digit() {
        // "an 8", "an 11", "an 18", "an 80s"; others start with a consonant sound.
        let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
        let vowel = digits.starts_with('8')
            || ((digits.len() == 2 || digits.len() == 5)
                && (digits.starts_with("11") || digits.starts_with("18")));
        return Some(vowel);
    }
    if is_acronym {
        // Letter names: "an FAQ", "an SEO tip", "a KPI".
        return Some("aefhilmnorsx".contains(first));
    }
    const SILENT_H: &[&str] = &["hour", "honest", "honor", "honour", "heir"];
    if SILENT_H.iter().any(|h| lower.starts_with(h)) {
        return Some(true);
    }
    // "an unimportant", "an uninstall": the prefix un- keeps its vowel sound.
    if ["unin", "unim", "unid"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some(true);
    }
    const CONSONANT_SOUND: &[&str] = &[
        "uni", "use", "usu", "uti", "ura", "ure", "uro", "eu", "ewe", "one", "once", "ubiq", "uku",
        "ufo",
    ];
    if CONSONANT_SOUND.iter().any(|p| lower.starts_with(p)) {
        return Some(false);
    }
    if "aeiou".contains(first) {
        return Some(true);
    }
    if first.is_alphabetic() {
        return Some(false);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_start_with_the_sound_they_are_said_with() {
        for vowel in [
            "hour", "FAQ", "8am", "honest", "unusual", "apple", "11th", "SEO",
        ] {
            assert_eq!(starts_with_vowel_sound(vowel), Some(true), "{vowel}");
        }
        for consonant in [
            "user", "KPI", "one-off", "European", "unicorn", "great", "1st",
        ] {
            assert_eq!(
                starts_with_vowel_sound(consonant),
                Some(false),
                "{consonant}"
            );
        }
        assert_eq!(starts_with_vowel_sound("#tag"), None);
    }
}
