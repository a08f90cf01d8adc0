//! `--each-line`: every line of the input is its own draft, empty lines included.
//!
//! One draft per line in, in order, so outputs such as JSONL stay aligned with the input line
//! for line. `\n` and `\r\n` endings are both accepted and never part of the draft.

use std::io::Read;

use super::{for_each_line, Draft};
use crate::cli::error::CliError;

pub fn read_lines(
    name: &str,
    reader: Box<dyn Read>,
    on_draft: &mut dyn FnMut(Draft) -> Result<(), CliError>,
) -> Result<(), CliError> {
    for_each_line(name, reader, &mut |line, text| {
        on_draft(Draft {
            source: name.to_string(),
            record: line,
            line,
            text,
            checked_text: None,
            context: None,
            language: None,
            platform: None,
            lines_follow_file: true,
            columns_follow_file: true,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drafts_of(input: &'static [u8]) -> Result<Vec<(u64, String)>, CliError> {
        let mut out = Vec::new();
        read_lines("captions.txt", Box::new(input), &mut |d| {
            out.push((d.line, d.text));
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn empty_lines_and_crlf_endings_each_give_one_draft() {
        let drafts = drafts_of(b"Hello\r\n\r\nSee you tomorow\n\nbye").unwrap();
        let texts: Vec<&str> = drafts.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["Hello", "", "See you tomorow", "", "bye"]);
        assert_eq!(drafts[4].0, 5);
    }

    #[test]
    fn a_final_newline_does_not_add_a_draft() {
        assert_eq!(drafts_of(b"one\ntwo\n").unwrap().len(), 2);
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let err = drafts_of(b"ok\nok\n\xc3\x28 broken\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "captions.txt:3: invalid UTF-8; Plume reads UTF-8 text (re-save the file as UTF-8)"
        );
    }
}
