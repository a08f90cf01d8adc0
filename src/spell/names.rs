//! The built-in lexicon of platform, product and technology names (LinkedIn, TikTok, iPhone…)
//! with the capitals their owners use. The list is shipped data, `data/lexicons/names.txt`,
//! compiled into the binary; the speller treats it like a pack's brand lexicon.

const NAMES: &str = include_str!("../../data/lexicons/names.txt");

/// Every name of the built-in lexicon, in its canonical casing.
pub fn built_in_names() -> impl Iterator<Item = &'static str> {
    NAMES
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_one_mixed_case_name_a_line() {
        let names: Vec<&str> = built_in_names().collect();
        assert!(names.len() > 80);
        assert!(names.contains(&"LinkedIn") && names.contains(&"iPhone"));
        for name in &names {
            assert!(!name.contains(char::is_whitespace), "{name:?} is one word");
        }
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "no name is listed twice");
    }

    fn check(text: &str, language: crate::Language) -> crate::Report {
        let config = crate::Config {
            language,
            ..crate::Config::default()
        };
        let checker = crate::Checker::new(config).expect("default config is valid");
        checker.check(text, &crate::CheckOptions::default())
    }

    #[test]
    fn names_a_community_manager_types_are_known_in_english_and_french() {
        for language in [
            crate::Language::Auto,
            crate::Language::EnUs,
            crate::Language::Fr,
        ] {
            let report = check(
                "Our LinkedIn, TikTok and YouTube collab: ask ChatGPT on WhatsApp from your iPhone",
                language,
            );
            let spelling: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.category == crate::Category::Spelling)
                .map(|d| d.rule.as_str())
                .collect();
            assert!(spelling.is_empty(), "{language:?}: {spelling:?}");
        }
    }

    #[test]
    fn a_name_in_other_capitals_gets_its_canonical_casing() {
        for (typed, canonical) in [
            ("Linkedin", "LinkedIn"),
            ("linkedin", "LinkedIn"),
            ("Iphone", "iPhone"),
            ("Tiktok", "TikTok"),
        ] {
            let report = check(
                &format!("Follow us on {typed} today"),
                crate::Language::Auto,
            );
            let diagnostic = report
                .diagnostics
                .iter()
                .find(|d| d.category == crate::Category::Spelling)
                .unwrap_or_else(|| panic!("{typed} is flagged"));
            assert_eq!(diagnostic.suggestions[0], canonical, "{typed}");
        }
    }
}
