//! Fuzz target: a whole check of any text never panics, and every diagnostic's byte span lies on
//! character boundaries with a UTF-16 span that agrees with it.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use plume::{CheckOptions, Checker, Config};

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::new(Config::default()).expect("default config is valid"))
}

fuzz_target!(|text: &str| {
    let report = checker().check(text, &CheckOptions::default());
    for d in &report.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        let units_before = text[..d.span.start].encode_utf16().count();
        assert_eq!(d.utf16.start, units_before);
    }
});
