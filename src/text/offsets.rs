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

/// How many bytes at the start of `bytes` are ASCII.
fn ascii_run(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let word = u64::from_le_bytes([
            chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
        ]);
        if word & HIGH_BITS != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|b| b.is_ascii()).count()
}

impl Utf16Index {
    pub fn new(text: &str) -> Utf16Index {
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        let mut utf16 = 0usize;
        let mut byte = 0usize;
        while byte < bytes.len() {
            // Runs of ASCII advance both offsets together: skip them eight bytes at a time.
            let run = ascii_run(&bytes[byte..]);
            byte += run;
            utf16 += run;
            let Some(ch) = text.get(byte..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let units = ch.len_utf16();
            wide.push(WideChar {
                byte,
                utf16,
                byte_len: ch.len_utf8() as u8,
                utf16_len: units as u8,
            });
            byte += ch.len_utf8();
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

    #[test]
    fn long_ascii_runs_around_wide_characters_convert_like_counting_one_by_one() {
        let text =
            "Big news, everyone! 🌞 Our équipe — l’été 👩‍👩‍👧 arrives tomorrow at 9am. Ça va? 😀😀 fin";
        let index = Utf16Index::new(text);
        let mut utf16 = 0;
        for (byte, ch) in text.char_indices() {
            assert_eq!(index.byte_to_utf16(byte), utf16, "at byte {byte}");
            assert_eq!(index.utf16_to_byte(utf16), byte, "at unit {utf16}");
            utf16 += ch.len_utf16();
        }
        assert_eq!(index.utf16_len(), text.encode_utf16().count());
    }

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
