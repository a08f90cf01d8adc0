//! JSON and JSONL drafts: the text field of each record; other fields kept as context.
//!
//! JSONL is read line by line. A JSON array is read element by element with serde's sequence
//! visitor, so neither needs the whole file in memory; a counting reader gives each element's
//! line. A top-level string or object is one draft.

use std::cell::Cell;
use std::fmt;
use std::io::{self, BufReader, Read};
use std::rc::Rc;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{for_each_line, language_of, platform_of, strip_bom, Draft};
use crate::cli::error::CliError;

pub fn read_jsonl(
    name: &str,
    reader: Box<dyn Read>,
    field: &str,
    on_draft: &mut dyn FnMut(Draft) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let mut record = 0u64;
    for_each_line(name, reader, &mut |line, text| {
        // Concatenated files (`cat a.jsonl b.jsonl`) may bring a byte-order mark mid-stream.
        let text = strip_bom(text);
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Ok(());
        }
        let value: Value = serde_json::from_str(trimmed).map_err(|e| CliError::Json {
            path: name.to_string(),
            line,
            column: e.column() as u64,
            message: json_message(&e),
        })?;
        record += 1;
        on_draft(draft_of(name, record, line, value, field)?)
    })
}

pub fn read_json(
    name: &str,
    reader: Box<dyn Read>,
    field: &str,
    on_draft: &mut dyn FnMut(Draft) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let position = Rc::new(Position::default());
    let counting = CountingReader {
        inner: BufReader::new(reader),
        position: Rc::clone(&position),
    };
    let mut deserializer = serde_json::Deserializer::from_reader(counting);
    let mut records = Records {
        name,
        field,
        position: &position,
        on_draft,
        stopped: None,
    };
    let parsed = (&mut deserializer)
        .deserialize_any(&mut records)
        .and_then(|()| deserializer.end());
    if let Some(error) = records.stopped {
        return Err(error);
    }
    parsed.map_err(|e| {
        if e.is_io() {
            CliError::InvalidUtf8 {
                path: name.to_string(),
                line: position.line.get(),
            }
        } else {
            CliError::Json {
                path: name.to_string(),
                line: e.line() as u64,
                column: e.column() as u64,
                message: json_message(&e),
            }
        }
    })
}

/// serde_json's message without its trailing " at line L column C" (we print our own).
fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Builds a draft from one record: a string is the text; an object gives its `field`.
fn draft_of(
    name: &str,
    record: u64,
    line: u64,
    value: Value,
    field: &str,
) -> Result<Draft, CliError> {
    let field_error = |problem: String| CliError::Field {
        path: name.to_string(),
        line,
        field: field.to_string(),
        problem,
    };
    let (text, context) = match value {
        Value::String(text) => (text, None),
        Value::Object(mut object) => {
            let text = match take_field(&mut object, field) {
                Some(Value::String(text)) => text,
                Some(Value::Null) => String::new(),
                Some(other) => {
                    return Err(field_error(format!("holds {}, not text", kind_of(&other))))
                }
                None => return Err(field_error("is missing from this record".to_string())),
            };
            (text, Some(object))
        }
        other => {
            return Err(field_error(format!(
                "cannot be read: the record is {}, not an object or a string",
                kind_of(&other)
            )))
        }
    };
    Ok(Draft {
        source: name.to_string(),
        record,
        line,
        text,
        checked_text: None,
        language: context.as_ref().and_then(language_of),
        platform: context.as_ref().and_then(platform_of),
        context,
        lines_follow_file: false,
        columns_follow_file: false,
    })
}

/// Removes `a.b.c` from nested objects and returns it.
fn take_field(object: &mut Map<String, Value>, path: &str) -> Option<Value> {
    match path.split_once('.') {
        Some((head, rest)) if !object.contains_key(path) => match object.get_mut(head)? {
            Value::Object(inner) => take_field(inner, rest),
            _ => None,
        },
        _ => object.remove(path),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Where the reader is: the current line, and the line the next record started on.
#[derive(Debug)]
struct Position {
    line: Cell<u64>,
    /// Set by `mark`; the first byte after it that is not white space or a comma records its line.
    waiting: Cell<bool>,
    record_line: Cell<u64>,
}

impl Default for Position {
    fn default() -> Position {
        Position {
            line: Cell::new(1),
            waiting: Cell::new(false),
            record_line: Cell::new(1),
        }
    }
}

impl Position {
    fn mark(&self) {
        self.waiting.set(true);
    }
}

struct CountingReader<R> {
    inner: R,
    position: Rc<Position>,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let p = &self.position;
        for &byte in &buf[..n] {
            if p.waiting.get() && !matches!(byte, b' ' | b'\t' | b'\r' | b'\n' | b',') {
                p.waiting.set(false);
                p.record_line.set(p.line.get());
            }
            if byte == b'\n' {
                p.line.set(p.line.get() + 1);
            }
        }
        Ok(n)
    }
}

/// Visits the top-level value: an array streams its elements, anything else is one record.
struct Records<'a, 'f> {
    name: &'a str,
    field: &'a str,
    position: &'a Position,
    on_draft: &'f mut dyn FnMut(Draft) -> Result<(), CliError>,
    /// The caller's error, kept while serde unwinds with a placeholder.
    stopped: Option<CliError>,
}

impl Records<'_, '_> {
    fn hand_over<E: de::Error>(&mut self, record: u64, line: u64, value: Value) -> Result<(), E> {
        let result = draft_of(self.name, record, line, value, self.field)
            .and_then(|draft| (self.on_draft)(draft));
        result.map_err(|error| {
            self.stopped = Some(error);
            E::custom("stopped")
        })
    }
}

impl<'de> Visitor<'de> for &mut Records<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of records, a record object or a string")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut record = 0u64;
        loop {
            self.position.mark();
            let Some(value) = seq.next_element_seed(ValueSeed)? else {
                return Ok(());
            };
            record += 1;
            let line = self.position.record_line.get();
            self.hand_over(record, line, value)?;
        }
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let value = Value::deserialize_from_map(map)?;
        self.hand_over(1, 1, value)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<(), E> {
        self.hand_over(1, 1, Value::String(text.to_string()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<(), E> {
        self.hand_over(1, 1, Value::String(text))
    }
}

/// Deserializes one element as a `serde_json::Value`.
struct ValueSeed;

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        serde::Deserialize::deserialize(deserializer)
    }
}

/// Builds a `Value` from a map visitor (serde_json has no public helper for this).
trait FromMap {
    fn deserialize_from_map<'de, A: de::MapAccess<'de>>(map: A) -> Result<Value, A::Error>;
}

impl FromMap for Value {
    fn deserialize_from_map<'de, A: de::MapAccess<'de>>(mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Reader = fn(
        &str,
        Box<dyn Read>,
        &str,
        &mut dyn FnMut(Draft) -> Result<(), CliError>,
    ) -> Result<(), CliError>;

    fn collect(reader: Reader, input: &'static str) -> Result<Vec<Draft>, CliError> {
        let mut out = Vec::new();
        reader("posts.json", Box::new(input.as_bytes()), "text", &mut |d| {
            out.push(d);
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn a_json_array_gives_one_draft_per_element_with_its_line() {
        let input = "[\n  {\"id\": 1, \"text\": \"Hello\"},\n\n  {\"id\": 2,\n   \"text\": \"Bonjour\", \"lang\": \"fr\"}\n]\n";
        let drafts = collect(read_json, input).unwrap();
        assert_eq!(drafts.len(), 2);
        assert_eq!((drafts[0].line, drafts[0].text.as_str()), (2, "Hello"));
        assert_eq!((drafts[1].line, drafts[1].text.as_str()), (4, "Bonjour"));
        assert_eq!(drafts[1].language.as_deref(), Some("fr"));
        assert_eq!(drafts[1].context.as_ref().unwrap()["id"], 2);
    }

    #[test]
    fn an_array_of_strings_and_a_single_object_are_read_too() {
        let strings = collect(read_json, "[\"one\", \"two\"]").unwrap();
        assert_eq!(strings[1].text, "two");
        let single = collect(read_json, "{\"text\": \"solo\"}").unwrap();
        assert_eq!(single[0].text, "solo");
    }

    #[test]
    fn nested_fields_are_reached_with_dots() {
        let mut out = Vec::new();
        read_jsonl(
            "posts.jsonl",
            Box::new(&b"{\"post\": {\"body\": \"deep\"}}\n"[..]),
            "post.body",
            &mut |d| {
                out.push(d);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(out[0].text, "deep");
    }

    #[test]
    fn a_byte_order_mark_at_the_start_of_any_jsonl_line_is_dropped() {
        let input = "\u{feff}{\"text\": \"a\"}\n\u{feff}{\"text\": \"b\"}\n";
        let drafts = collect(read_jsonl, input).unwrap();
        assert_eq!((drafts[1].line, drafts[1].text.as_str()), (2, "b"));
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = collect(read_json, "[\n {\"text\": \"a\"},\n {\"text\": }\n]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "posts.json:3:11: malformed JSON: expected value"
        );
        let err = collect(read_jsonl, "{\"text\": \"a\"}\n{\"text\" \"b\"}\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "posts.json:2:9: malformed JSON: expected `:`"
        );
    }

    #[test]
    fn a_record_without_the_field_is_an_error_naming_its_line() {
        let err = collect(read_jsonl, "{\"text\": \"a\"}\n\n{\"body\": \"b\"}\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "posts.json:3: field \"text\" is missing from this record; pick the text field with --field"
        );
    }

    #[test]
    fn a_field_that_is_not_text_is_refused() {
        let err = collect(read_jsonl, "{\"text\": 42}\n").unwrap_err();
        assert!(
            err.to_string().contains("holds a number, not text"),
            "{err}"
        );
    }
}
