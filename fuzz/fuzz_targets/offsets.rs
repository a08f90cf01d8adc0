//! Fuzz target: UTF-8 ⇄ UTF-16 offset conversion for any text and any offsets: results are in
//! range, on boundaries, and a boundary round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plume::text::offsets::Utf16Index;

fuzz_target!(|input: (&str, u16, u16)| {
    let (text, a, b) = input;
    let index = Utf16Index::new(text);
    let byte = index.utf16_to_byte(a as usize);
    assert!(byte <= text.len() && text.is_char_boundary(byte));
    let units = index.byte_to_utf16(b as usize);
    assert!(units <= index.utf16_len());
    let back = index.utf16_to_byte(index.byte_to_utf16(byte));
    assert_eq!(back, byte);
});
