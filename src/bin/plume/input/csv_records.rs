//! CSV content calendars: one draft per row, from the text column; other columns kept as context.
//!
//! Rows are read one at a time into a reused record, so memory does not grow with the file.

use std::io::Read;

use serde_json::{Map, Value};

use super::{language_of, platform_of, Draft};
use crate::cli::error::CliError;

/// Column names tried, in order, when `--column` is not given.
const TEXT_COLUMNS: &[&str] = &[
    "text", "post", "message", "content", "caption", "body", "tweet", "copy",
];

pub fn read_csv(
    name: &str,
    reader: Box<dyn Read>,
    column: Option<&str>,
    on_draft: &mut dyn FnMut(Draft) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(reader);
    let headers: Vec<String> = csv
        .headers()
        .map_err(|e| csv_error(name, e))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_string())
        .collect();
    let text_index = text_column(&headers, column).ok_or_else(|| CliError::MissingColumn {
        path: name.to_string(),
        wanted: column.unwrap_or("text").to_string(),
        available: headers.clone(),
    })?;

    let mut record = csv::StringRecord::new();
    let mut row = 0u64;
    while csv
        .read_record(&mut record)
        .map_err(|e| csv_error(name, e))?
    {
        row += 1;
        let line = record.position().map_or(row + 1, |p| p.line());
        let mut context = Map::new();
        for (i, value) in record.iter().enumerate() {
            if i != text_index {
                context.insert(headers[i].clone(), Value::String(value.to_string()));
            }
        }
        on_draft(Draft {
            source: name.to_string(),
            record: row,
            line,
            text: record.get(text_index).unwrap_or_default().to_string(),
            checked_text: None,
            language: language_of(&context),
            platform: platform_of(&context),
            context: Some(context),
            lines_follow_file: true,
            columns_follow_file: false,
        })?;
    }
    Ok(())
}

/// The index of the text column: the one asked for, else the first usual name present.
fn text_column(headers: &[String], wanted: Option<&str>) -> Option<usize> {
    let find = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    match wanted {
        Some(name) => find(name),
        None => TEXT_COLUMNS.iter().find_map(|name| find(name)),
    }
}

fn csv_error(name: &str, error: csv::Error) -> CliError {
    let line = error.position().map(|p| p.line());
    match error.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => CliError::InvalidUtf8 {
            path: name.to_string(),
            line: pos.as_ref().map_or(1, |p| p.line()),
        },
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => CliError::Csv {
            path: name.to_string(),
            line,
            message: format!("this row has {len} fields but the header has {expected_len}"),
        },
        csv::ErrorKind::Io(e) => CliError::Read {
            path: name.to_string(),
            source: std::io::Error::new(e.kind(), e.to_string()),
        },
        _ => CliError::Csv {
            path: name.to_string(),
            line,
            message: error.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(input: &'static str, column: Option<&str>) -> Result<Vec<Draft>, CliError> {
        let mut out = Vec::new();
        read_csv(
            "calendar.csv",
            Box::new(input.as_bytes()),
            column,
            &mut |d| {
                out.push(d);
                Ok(())
            },
        )?;
        Ok(out)
    }

    #[test]
    fn each_row_is_a_draft_with_its_other_columns_as_context() {
        let drafts = rows(
            "date,text,language\n2026-03-02,\"Big news, frends\",en-GB\n2026-03-03,Bonjour,fr\n",
            None,
        )
        .unwrap();
        assert_eq!(drafts.len(), 2);
        assert_eq!(drafts[0].text, "Big news, frends");
        assert_eq!(drafts[0].line, 2);
        assert_eq!(drafts[1].line, 3);
        assert_eq!(drafts[1].language.as_deref(), Some("fr"));
        let context = drafts[0].context.as_ref().unwrap();
        assert_eq!(context["date"], "2026-03-02");
        assert!(context.get("text").is_none());
    }

    #[test]
    fn a_usual_post_column_is_found_without_being_named() {
        let drafts = rows("Date,Message\nmon,Hello\n", None).unwrap();
        assert_eq!(drafts[0].text, "Hello");
    }

    #[test]
    fn a_missing_column_lists_the_ones_there_are() {
        let err = rows("date,copy_text\nmon,Hello\n", Some("text")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "calendar.csv:1: no column \"text\" in the CSV header (columns: \"date\", \"copy_text\"); pick one with --column"
        );
    }

    #[test]
    fn a_row_with_too_many_fields_names_its_line() {
        let err = rows("date,text\nmon,Hello\ntue,Hi,extra\n", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "calendar.csv:3: malformed CSV: this row has 3 fields but the header has 2"
        );
    }
}
