//! Fuzz target: any pack text (YAML or JSON) is either loaded or refused with an error; never a
//! panic, never unbounded time (aliases, nesting, huge patterns are bounded by the parser).
#![no_main]

use libfuzzer_sys::fuzz_target;
use plume::guide::{Pack, PackFormat, PackSource};

fuzz_target!(|input: (bool, &str)| {
    let (json, text) = input;
    let source = PackSource {
        name: "fuzz.yml".to_string(),
        format: if json { PackFormat::Json } else { PackFormat::Yaml },
        text: text.to_string(),
    };
    if let Err(error) = Pack::from_source(&source) {
        // Every refusal names the file.
        assert!(error.to_string().contains("fuzz.yml"), "{error}");
    }
});
