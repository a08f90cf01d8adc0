//! A hunspell affix expander, run at build time: `.aff` rules applied to `.dic` stems give every
//! word form the dictionary accepts.
//!
//! Supported: `FLAG` (single characters, `long`, `num`), `PFX`/`SFX` with strip, add and
//! condition, cross products of prefixes and suffixes, continuation flags on affixes (twofold
//! suffixes, a prefix applied to a suffixed form), `NEEDAFFIX`, `ONLYINCOMPOUND` (such stems are
//! skipped: compounding is not used) and `NOSUGGEST`. Prefixes whose text holds an apostrophe
//! (French elision `l'`, `qu'`) are not expanded: elision is handled at lookup time, which keeps
//! the French word list three times smaller.

use std::collections::HashMap;

/// How the `.aff` file writes flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FlagType {
    Char,
    Long,
    Num,
}

/// One character class of an affix condition: `a`, `.`, `[aeiou]` or `[^aeiou]`.
#[derive(Debug, Clone)]
enum CharClass {
    Any,
    Set { chars: Vec<char>, negated: bool },
}

impl CharClass {
    fn matches(&self, c: char) -> bool {
        match self {
            CharClass::Any => true,
            CharClass::Set { chars, negated } => chars.contains(&c) != *negated,
        }
    }
}

fn parse_condition(condition: &str) -> Vec<CharClass> {
    let mut classes = Vec::new();
    let mut chars = condition.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '.' => classes.push(CharClass::Any),
            '[' => {
                let negated = chars.peek() == Some(&'^');
                if negated {
                    chars.next();
                }
                let mut set = Vec::new();
                for x in chars.by_ref() {
                    if x == ']' {
                        break;
                    }
                    set.push(x);
                }
                classes.push(CharClass::Set {
                    chars: set,
                    negated,
                });
            }
            other => classes.push(CharClass::Set {
                chars: vec![other],
                negated: false,
            }),
        }
    }
    classes
}

/// One `PFX`/`SFX` line.
#[derive(Debug, Clone)]
pub struct AffixRule {
    /// Letters removed from the stem's end (suffix) or start (prefix).
    pub strip: String,
    /// Letters added in their place.
    pub add: String,
    /// Flags the derived form carries (further affixes, or French elision prefixes).
    pub continuation: Vec<String>,
    condition: Vec<CharClass>,
}

impl AffixRule {
    /// The form this suffix rule derives from `word`, if its strip and condition match.
    pub fn apply_suffix(&self, word: &str) -> Option<String> {
        apply(false, self, word)
    }
}

#[derive(Debug, Clone)]
struct AffixClass {
    is_prefix: bool,
    cross_product: bool,
    rules: Vec<AffixRule>,
}

/// The parsed `.aff` file: what the expander needs, nothing more.
#[derive(Debug, Clone)]
pub struct AffixFile {
    flag_type: FlagType,
    classes: HashMap<String, AffixClass>,
    need_affix: Option<String>,
    only_in_compound: Option<String>,
    no_suggest: Option<String>,
}

/// A word form produced by expansion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordForm {
    pub word: String,
    /// The stem itself rather than a derived form (a proxy for frequency when no counts exist).
    pub is_stem: bool,
    /// Valid, but never offered as a suggestion (hunspell `NOSUGGEST`, e.g. profanity).
    pub no_suggest: bool,
    /// The flag of the suffix class that made this form, if one did (what the grammar
    /// lexicon reads: English `S`, `D`, `G`…).
    pub suffix: Option<String>,
    /// The flags of the stem's `.dic` line.
    pub stem_flags: Vec<String>,
}

impl AffixFile {
    /// Parses the `.aff` text; unknown directives are ignored.
    pub fn parse(text: &str) -> AffixFile {
        let mut file = AffixFile {
            flag_type: FlagType::Char,
            classes: HashMap::new(),
            need_affix: None,
            only_in_compound: None,
            no_suggest: None,
        };
        for line in text.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                ["FLAG", kind, ..] => {
                    file.flag_type = match *kind {
                        "long" => FlagType::Long,
                        "num" => FlagType::Num,
                        _ => FlagType::Char,
                    }
                }
                ["NEEDAFFIX", flag, ..] => file.need_affix = Some(flag.to_string()),
                ["ONLYINCOMPOUND", flag, ..] => file.only_in_compound = Some(flag.to_string()),
                ["NOSUGGEST", flag, ..] => file.no_suggest = Some(flag.to_string()),
                [kind @ ("PFX" | "SFX"), flag, cross, count] if count.parse::<usize>().is_ok() => {
                    file.classes.insert(
                        flag.to_string(),
                        AffixClass {
                            is_prefix: *kind == "PFX",
                            cross_product: *cross == "Y",
                            rules: Vec::new(),
                        },
                    );
                }
                ["PFX" | "SFX", flag, strip, add, rest @ ..] => {
                    let condition = rest.first().copied().unwrap_or(".");
                    let (add, continuation) = match add.split_once('/') {
                        Some((a, flags)) => (a, file.split_flags(flags)),
                        None => (*add, Vec::new()),
                    };
                    let rule = AffixRule {
                        strip: if *strip == "0" {
                            String::new()
                        } else {
                            strip.to_string()
                        },
                        add: if add == "0" {
                            String::new()
                        } else {
                            add.to_string()
                        },
                        continuation,
                        condition: parse_condition(condition),
                    };
                    if let Some(class) = file.classes.get_mut(*flag) {
                        class.rules.push(rule);
                    }
                }
                _ => {}
            }
        }
        file
    }

    /// The rules of a suffix class (`None` for a prefix class or an unknown flag).
    pub fn suffix_rules(&self, flag: &str) -> Option<&[AffixRule]> {
        self.classes
            .get(flag)
            .filter(|c| !c.is_prefix)
            .map(|c| c.rules.as_slice())
    }

    /// A `.dic` line's stem and flags (morphology after white space ignored).
    pub fn stem_and_flags<'l>(&self, line: &'l str) -> (&'l str, Vec<String>) {
        let entry = line.split(['\t', ' ']).next().unwrap_or("");
        let (stem, flags) = split_entry(entry);
        (stem, self.split_flags(flags))
    }

    fn split_flags(&self, flags: &str) -> Vec<String> {
        match self.flag_type {
            FlagType::Char => flags.chars().map(String::from).collect(),
            FlagType::Long => {
                let chars: Vec<char> = flags.chars().collect();
                chars.chunks(2).map(|c| c.iter().collect()).collect()
            }
            FlagType::Num => flags
                .split(',')
                .filter(|f| !f.is_empty())
                .map(String::from)
                .collect(),
        }
    }

    /// Every word form of one `.dic` line (`stem/FLAGS`, morphology after white space ignored).
    pub fn expand_line(&self, line: &str) -> Vec<WordForm> {
        let entry = line.split(['\t', ' ']).next().unwrap_or("");
        let (stem, flags) = split_entry(entry);
        if stem.is_empty() {
            return Vec::new();
        }
        let flags = self.split_flags(flags);
        let has = |flag: &Option<String>| flag.as_ref().is_some_and(|f| flags.contains(f));
        if has(&self.only_in_compound) {
            return Vec::new();
        }
        let no_suggest = has(&self.no_suggest);
        let mut out = Vec::new();
        let mut push = |word: String, is_stem: bool, suffix: Option<&str>| {
            if !word.is_empty() {
                out.push(WordForm {
                    word,
                    is_stem,
                    no_suggest,
                    suffix: suffix.map(String::from),
                    stem_flags: flags.clone(),
                })
            }
        };
        if !has(&self.need_affix) {
            push(stem.to_string(), true, None);
        }
        for flag in &flags {
            let Some(class) = self.classes.get(flag) else {
                continue;
            };
            for rule in &class.rules {
                let Some(form) = apply(class.is_prefix, rule, stem) else {
                    continue;
                };
                let needs_more = self
                    .need_affix
                    .as_ref()
                    .is_some_and(|f| rule.continuation.contains(f));
                let suffix = (!class.is_prefix).then_some(flag.as_str());
                if !needs_more && !is_elision(class.is_prefix, rule) {
                    push(form.clone(), false, suffix);
                }
                // Continuation flags: a second suffix or a prefix on this form.
                for cont in &rule.continuation {
                    self.apply_class(cont, &form, suffix, &mut push);
                }
                // Cross product: a prefix of the stem's flags on a suffixed form.
                if !class.is_prefix && class.cross_product {
                    for other in &flags {
                        if let Some(p) = self.classes.get(other) {
                            if p.is_prefix && p.cross_product {
                                self.apply_class(other, &form, suffix, &mut push);
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Applies class `flag` to `word`, a form made by the suffix class `suffix` (if any).
    fn apply_class(
        &self,
        flag: &str,
        word: &str,
        suffix: Option<&str>,
        push: &mut impl FnMut(String, bool, Option<&str>),
    ) {
        let Some(class) = self.classes.get(flag) else {
            return;
        };
        let suffix = if class.is_prefix { suffix } else { Some(flag) };
        for rule in &class.rules {
            if is_elision(class.is_prefix, rule) {
                continue;
            }
            if let Some(form) = apply(class.is_prefix, rule, word) {
                push(form, false, suffix);
            }
        }
    }
}

/// Splits `stem/FLAGS`, honouring an escaped slash in the stem.
fn split_entry(entry: &str) -> (&str, &str) {
    let bytes = entry.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'/' && (i == 0 || bytes[i - 1] != b'\\') && i > 0 {
            return (&entry[..i], &entry[i + 1..]);
        }
    }
    (entry, "")
}

fn is_elision(is_prefix: bool, rule: &AffixRule) -> bool {
    is_prefix && rule.add.contains(['\'', '’'])
}

/// Applies one rule to `word` if its strip and condition match.
fn apply(is_prefix: bool, rule: &AffixRule, word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = rule.condition.len();
    if chars.len() < n {
        return None;
    }
    if is_prefix {
        if !word.starts_with(&rule.strip)
            || !rule
                .condition
                .iter()
                .zip(&chars)
                .all(|(c, &x)| c.matches(x))
        {
            return None;
        }
        let rest = &word[rule.strip.len()..];
        if rest.is_empty() && rule.add.is_empty() {
            return None;
        }
        Some(format!("{}{}", rule.add, rest))
    } else {
        let tail = &chars[chars.len() - n..];
        if !word.ends_with(&rule.strip)
            || !rule.condition.iter().zip(tail).all(|(c, &x)| c.matches(x))
        {
            return None;
        }
        let rest = &word[..word.len() - rule.strip.len()];
        if rest.is_empty() && rule.add.is_empty() {
            return None;
        }
        Some(format!("{}{}", rest, rule.add))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH_AFF: &str = "SET UTF-8\nNOSUGGEST !\nONLYINCOMPOUND c\n\
        PFX U Y 1\nPFX U 0 un .\n\
        SFX D Y 4\nSFX D 0 d e\nSFX D y ied [^aeiou]y\nSFX D 0 ed [^ey]\nSFX D 0 ed [aeiou]y\n\
        SFX S Y 2\nSFX S y ies [^aeiou]y\nSFX S 0 s [^sy]\n";

    fn words(aff: &str, line: &str) -> Vec<String> {
        let mut w: Vec<String> = AffixFile::parse(aff)
            .expand_line(line)
            .into_iter()
            .map(|f| f.word)
            .collect();
        w.sort();
        w.dedup();
        w
    }

    #[test]
    fn suffix_conditions_choose_the_right_ending() {
        assert_eq!(words(ENGLISH_AFF, "try/D"), vec!["tried", "try"]);
        assert_eq!(words(ENGLISH_AFF, "play/D"), vec!["play", "played"]);
        assert_eq!(words(ENGLISH_AFF, "bake/D"), vec!["bake", "baked"]);
    }

    #[test]
    fn prefixes_and_suffixes_combine_when_both_allow_cross_products() {
        assert_eq!(
            words(ENGLISH_AFF, "lock/DU"),
            vec!["lock", "locked", "unlock", "unlocked"]
        );
    }

    #[test]
    fn compound_only_stems_are_skipped_and_nosuggest_is_kept() {
        assert!(words(ENGLISH_AFF, "1th/c").is_empty());
        let forms = AffixFile::parse(ENGLISH_AFF).expand_line("darn/S!");
        assert!(forms.iter().all(|f| f.no_suggest));
    }

    #[test]
    fn long_flags_continuations_and_needaffix_expand_french_rules() {
        let aff = "FLAG long\nNEEDAFFIX ()\n\
            PFX L' Y 1\nPFX L' 0 l' [aeiouyhéè]\n\
            SFX S. Y 2\nSFX S. 0 0/L' .\nSFX S. 0 s/L' .\n\
            SFX F+ Y 2\nSFX F+ 0 0 [^e]\nSFX F+ 0 e/S. [^e]\n";
        // Elision prefixes are left to lookup: only the bare forms are produced.
        assert_eq!(words(aff, "équipe/S.L'"), vec!["équipe", "équipes"]);
        // A suffix with a continuation flag yields a twofold form (grand → grande → grandes).
        assert_eq!(words(aff, "grand/F+()"), vec!["grand", "grande", "grandes"]);
    }
}
