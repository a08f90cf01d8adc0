//! Fuzz target: a whole check of any text, with every shipped pack active and a platform set,
//! never panics, and every diagnostic's byte span lies on character boundaries with a UTF-16 span
//! that agrees with it.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use plume::{CheckOptions, Checker, Config};

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let packs = plume::guide::SHIPPED
            .iter()
            .filter_map(|(name, _)| plume::guide::shipped_pack(name))
            .collect();
        let config = Config {
            language: plume::Language::Auto,
            packs,
            ..Config::default()
        };
        Checker::new(config).expect("the shipped packs load")
    })
}

fuzz_target!(|text: &str| {
    let options = CheckOptions {
        platform: Some(plume::guide::Platform::X),
        ..CheckOptions::default()
    };
    let report = checker().check(text, &options);
    for d in &report.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        let units_before = text[..d.span.start].encode_utf16().count();
        assert_eq!(d.utf16.start, units_before);
    }
});
