//! Property tests for the UTF-8 ⇄ UTF-16 offset table: for any Unicode text (surrogate pairs,
//! ZWJ emoji, combining marks, RTL marks), every UTF-16 offset maps to a character boundary, and
//! every boundary maps to the UTF-16 offset a browser would count.

use plume::text::offsets::Utf16Index;
use proptest::prelude::*;

/// Text built from pieces that stress offsets, mixed with arbitrary characters.
fn social_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a".to_string()),
        Just("é".to_string()),
        Just("e\u{301}".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("🇫🇷".to_string()),
        Just("\u{200F}".to_string()),
        Just("𝒜".to_string()),
        Just(" ".to_string()),
        Just("#Tag".to_string()),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn every_utf16_offset_maps_to_a_char_boundary(text in social_text(), offset in 0usize..200) {
        let index = Utf16Index::new(&text);
        let byte = index.utf16_to_byte(offset);
        prop_assert!(byte <= text.len());
        prop_assert!(text.is_char_boundary(byte));
    }

    #[test]
    fn every_char_boundary_maps_to_the_browsers_utf16_offset_and_back(text in social_text()) {
        let index = Utf16Index::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let units = index.byte_to_utf16(byte);
            prop_assert_eq!(units, text[..byte].encode_utf16().count());
            prop_assert_eq!(index.utf16_to_byte(units), byte);
        }
    }

    #[test]
    fn an_offset_inside_a_surrogate_pair_rounds_down_to_the_pair(prefix in "[a-z]{0,5}", emoji in "[\u{1F600}-\u{1F64F}]") {
        let text = format!("{prefix}{emoji}");
        let index = Utf16Index::new(&text);
        prop_assert_eq!(index.utf16_to_byte(prefix.len() + 1), prefix.len());
    }

    #[test]
    fn a_lone_surrogate_from_the_dom_becomes_a_replacement_character_with_stable_offsets(units in prop::collection::vec(any::<u16>(), 0..30)) {
        // The browser may hand over lone surrogates; String::from_utf16_lossy is how they enter.
        let text = String::from_utf16_lossy(&units);
        let index = Utf16Index::new(&text);
        prop_assert_eq!(index.utf16_len(), text.encode_utf16().count());
        for offset in 0..=units.len() {
            prop_assert!(text.is_char_boundary(index.utf16_to_byte(offset)));
        }
    }
}
