//! The one table that converts between UTF-8 byte offsets (Rust) and UTF-16 code units (the DOM).
//!
//! Only non-ASCII characters are recorded: between two of them bytes and code units advance
//! together, so a lookup is a binary search plus an addition. Offsets that fall inside a
//! character (or between the two halves of a surrogate pair) round down to the character's start.

use crate::report::{Span, Utf16Span};

/// A non-ASCII character's position in both encodings.
#[derive(Debug, Clone, Copy)]
struct WideChar {
    byte: usize,
    utf16: usize,
    byte_len: u8,
    utf16_len: u8,
}

/// Offset conversion table for one text.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    wide: Vec<WideChar>,
    byte_len: usize,
    utf16_len: usize,
}

impl Utf16Index {
    pub fn new(text: &str) -> Utf16Index {
        let mut wide = Vec::new();
        let mut utf16 = 0usize;
        for (byte, ch) in text.char_indices() {
            let units = ch.len_utf16();
            if !ch.is_ascii() {
                wide.push(WideChar {
                    byte,
                    utf16,
                    byte_len: ch.len_utf8() as u8,
                    utf16_len: units as u8,
                });
            }
            utf16 += units;
        }
        Utf16Index {
            wide,
            byte_len: text.len(),
            utf16_len: utf16,
        }
    }

    /// Length of the text in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    /// UTF-16 offset of a byte offset (clamped to the text's end).
    pub fn byte_to_utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.byte_len);
        let i = self.wide.partition_point(|w| w.byte <= byte);
        if i == 0 {
            return byte;
        }
        let w = self.wide[i - 1];
        let end = w.byte + w.byte_len as usize;
        if byte < end {
            w.utf16
        } else {
            w.utf16 + w.utf16_len as usize + (byte - end)
        }
    }

    /// Byte offset of a UTF-16 offset (clamped to the text's end), always on a char boundary.
    pub fn utf16_to_byte(&self, utf16: usize) -> usize {
        let utf16 = utf16.min(self.utf16_len);
        let i = self.wide.partition_point(|w| w.utf16 <= utf16);
        if i == 0 {
            return utf16;
        }
        let w = self.wide[i - 1];
        let end = w.utf16 + w.utf16_len as usize;
        if utf16 < end {
            w.byte
        } else {
            w.byte + w.byte_len as usize + (utf16 - end)
        }
    }

    pub fn span_to_utf16(&self, span: Span) -> Utf16Span {
        Utf16Span {
            start: self.byte_to_utf16(span.start),
            end: self.byte_to_utf16(span.end),
        }
    }

    pub fn span_to_bytes(&self, span: Utf16Span) -> Span {
        Span::new(self.utf16_to_byte(span.start), self.utf16_to_byte(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference conversion: count code units of the prefix.
    fn utf16_of_prefix(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn ascii_offsets_are_identical() {
        let index = Utf16Index::new("hello world");
        assert_eq!(index.byte_to_utf16(5), 5);
        assert_eq!(index.utf16_to_byte(5), 5);
        assert_eq!(index.utf16_len(), 11);
    }

    #[test]
    fn every_char_boundary_round_trips_through_mixed_text() {
        let text = "é👩‍👩‍👧 Café 🇫🇷 naïve 𝒜 e\u{301} עברית";
        let index = Utf16Index::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let units = index.byte_to_utf16(byte);
            assert_eq!(units, utf16_of_prefix(text, byte), "byte {byte}");
            assert_eq!(index.utf16_to_byte(units), byte, "units {units}");
        }
        assert_eq!(index.utf16_len(), text.encode_utf16().count());
    }

    #[test]
    fn offsets_inside_a_character_round_down() {
        let text = "a😀b";
        let index = Utf16Index::new(text);
        // Byte 2 is inside the 4-byte emoji; UTF-16 offset 2 splits its surrogate pair.
        assert_eq!(index.byte_to_utf16(2), 1);
        assert_eq!(index.utf16_to_byte(2), 1);
        assert_eq!(index.utf16_to_byte(3), 5);
    }

    #[test]
    fn offsets_past_the_end_clamp() {
        let index = Utf16Index::new("ab😀");
        assert_eq!(index.byte_to_utf16(100), 4);
        assert_eq!(index.utf16_to_byte(100), 6);
    }
}
