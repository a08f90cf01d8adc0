//! A sound-alike key: words that sound the same when spoken share it (`nite`/`night`,
//! `fone`/`phone`, `equipe`/`équipe`), so a writer who spelled by ear is still understood.
//!
//! The key keeps the first letter's sound and the consonant skeleton: accents are dropped,
//! common spellings of one sound are merged, vowels after the first letter and doubled letters
//! are removed. It is deliberately coarse: it is one signal of the ranking, never a verdict.

/// The sound-alike key of a lowercase word.
pub fn key(word: &str) -> String {
    let letters: Vec<char> = word
        .chars()
        .filter_map(|c| {
            let base = strip_accent(c);
            base.is_ascii_alphabetic().then_some(base)
        })
        .collect();
    let mut out: Vec<char> = Vec::with_capacity(letters.len());
    let mut i = 0;
    while i < letters.len() {
        let c = letters[i];
        let next = letters.get(i + 1).copied();
        let (sound, used) = match (c, next) {
            ('p', Some('h')) => ('f', 2),
            ('g', Some('h')) => ('\0', 2),
            ('c', Some('k')) => ('k', 2),
            ('w', Some('h')) => ('w', 2),
            ('d', Some('g')) => ('j', 2),
            ('k', Some('n')) if i == 0 => ('n', 2),
            ('w', Some('r')) if i == 0 => ('r', 2),
            ('c', Some('e' | 'i' | 'y')) => ('s', 1),
            ('c' | 'q', _) => ('k', 1),
            ('z', _) => ('s', 1),
            ('x', _) => ('k', 1),
            ('h', _) if i > 0 => ('\0', 1),
            (v, _) if is_vowel(v) => (if i == 0 { 'a' } else { '\0' }, 1),
            (other, _) => (other, 1),
        };
        if sound != '\0' && out.last() != Some(&sound) {
            out.push(sound);
        }
        i += used;
    }
    out.into_iter().collect()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w')
}

/// `é` → `e`, `ç` → `c`, `œ` → `o` (first letter only is enough for a key).
pub fn strip_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'æ' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'œ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        'ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_sound_alike_share_a_key() {
        assert_eq!(key("fone"), key("phone"));
        assert_eq!(key("nite"), key("night"));
        assert_eq!(key("equipe"), key("équipe"));
        assert_eq!(key("kwik"), key("quick"));
    }

    #[test]
    fn words_that_sound_different_do_not() {
        assert_ne!(key("phone"), key("phase"));
        assert_ne!(key("cat"), key("dog"));
    }
}
