//! The packs shipped with Plume (`packs/*.yml`), embedded so the extension can offer them
//! without fetching anything.

use super::pack::{PackFormat, PackSource};

/// `(name, YAML text)` of every shipped pack.
pub const SHIPPED: &[(&str, &str)] = &[
    (
        "social-essentials",
        include_str!("../../packs/social-essentials.yml"),
    ),
    ("inclusive-en", include_str!("../../packs/inclusive-en.yml")),
    ("inclusive-fr", include_str!("../../packs/inclusive-fr.yml")),
    ("acme", include_str!("../../packs/acme.yml")),
    ("acme-fr", include_str!("../../packs/acme-fr.yml")),
];

/// The source of a shipped pack by name (`social-essentials`, `inclusive-en`…).
pub fn shipped_pack(name: &str) -> Option<PackSource> {
    SHIPPED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, text)| PackSource {
            name: format!("{n}.yml"),
            format: PackFormat::Yaml,
            text: (*text).to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Pack;

    #[test]
    fn every_shipped_pack_loads_and_passes_its_embedded_tests() {
        for (name, _) in SHIPPED {
            let source = shipped_pack(name).unwrap();
            match Pack::from_source(&source) {
                Ok(pack) => {
                    assert_eq!(pack.name, *name);
                    assert!(pack.test_count() >= 3, "{name} has too few tests");
                }
                Err(e) => panic!("{e}"),
            }
        }
    }
}
