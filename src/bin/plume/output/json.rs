//! `--format json` (one document) and `--format jsonl` (one object per draft, one per line).
//!
//! Both write the same draft object, described by `docs/report.schema.json`: where the draft
//! came from, its diagnostics with file positions added, and every other part of the core's
//! report (summary, and the tone summary and platform counters when the core provides them).
//! The JSON document is streamed too: its `drafts` array is written element by element.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use super::{Checked, Sink, Totals};

/// Version of the JSON output's shape; bumped when a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON object describing one checked draft.
pub fn draft_object(checked: &Checked<'_>) -> Value {
    let draft = checked.draft;
    let mut object = Map::new();
    object.insert("source".into(), json!(draft.source));
    object.insert("record".into(), json!(draft.record));
    object.insert("line".into(), json!(draft.line));
    if let Some(language) = checked.language {
        object.insert("language".into(), json!(language));
    }
    if let Some(context) = &draft.context {
        object.insert("context".into(), Value::Object(context.clone()));
    }
    object.insert("text".into(), json!(draft.text));

    let diagnostics: Vec<Value> = checked
        .report
        .diagnostics
        .iter()
        .map(|d| {
            let mut value = serde_json::to_value(d).unwrap_or(Value::Null);
            let (start, end) = checked.span_positions(d.span);
            if let Value::Object(fields) = &mut value {
                fields.insert("line".into(), json!(start.line));
                fields.insert("column".into(), json!(start.column));
                fields.insert("end_line".into(), json!(end.line));
                fields.insert("end_column".into(), json!(end.column));
            }
            value
        })
        .collect();
    object.insert("diagnostics".into(), Value::Array(diagnostics));

    // Everything else the core reports (summary, tone, platform…), as the core names it.
    if let Ok(Value::Object(report)) = serde_json::to_value(checked.report) {
        for (key, value) in report {
            if key != "diagnostics" && !value.is_null() {
                object.insert(key, value);
            }
        }
    }
    Value::Object(object)
}

/// Opens a JSON document up to its `drafts` array: `{"schema_version", "tool", "drafts": [`.
pub fn write_document_head(out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"tool\": {},\n  \"drafts\": [",
        json!({"name": "plume", "version": env!("CARGO_PKG_VERSION")})
    )
}

/// One JSON document: `{"schema_version", "tool", "drafts": [...], "totals"}`.
#[derive(Default)]
pub struct JsonSink {
    started: bool,
}

impl JsonSink {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            return write_document_head(out);
        }
        out.write_all(b",")
    }
}

impl Sink for JsonSink {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked<'_>) -> io::Result<()> {
        self.start(out)?;
        out.write_all(b"\n    ")?;
        serde_json::to_writer(&mut *out, &draft_object(checked))?;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        let empty = !self.started;
        if empty {
            self.start(out)?;
        }
        let close = if empty { "]" } else { "\n  ]" };
        writeln!(
            out,
            "{close},\n  \"totals\": {}\n}}",
            serde_json::to_string(totals)?
        )
    }
}

/// One JSON object per draft, one per line, in input order.
pub struct JsonlSink;

impl Sink for JsonlSink {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked<'_>) -> io::Result<()> {
        serde_json::to_writer(&mut *out, &draft_object(checked))?;
        out.write_all(b"\n")
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}
