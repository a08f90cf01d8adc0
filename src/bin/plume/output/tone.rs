//! `plume tone` output: each draft's tone summary, in human, json or jsonl form.
//!
//! The JSON object puts `sentiment` as `{"score", "label"}` beside the other dimensions
//! (`formality`, `aggression`…, each 0…1), taken from the core's summary so new dimensions
//! appear without a change here.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use super::json::write_document_head;
use super::{Checked, Sink, Totals};

/// The JSON object describing one draft's tone.
pub fn tone_object(checked: &Checked<'_>) -> Value {
    let draft = checked.draft;
    let mut object = Map::new();
    object.insert("source".into(), json!(draft.source));
    object.insert("record".into(), json!(draft.record));
    object.insert("line".into(), json!(draft.line));
    if let Some(context) = &draft.context {
        object.insert("context".into(), Value::Object(context.clone()));
    }
    object.insert("text".into(), json!(draft.text));
    let tone = serde_json::to_value(&checked.report.tone).unwrap_or(Value::Null);
    let Value::Object(mut tone) = tone else {
        return Value::Object(object);
    };
    for key in ["language", "label"] {
        if let Some(value) = tone.remove(key) {
            object.insert(key.into(), value);
        }
    }
    if let Some(sentiment) = tone.remove("sentiment") {
        object.insert("sentiment".into(), sentiment);
    }
    if let Some(Value::Object(scores)) = tone.remove("scores") {
        for (dimension, score) in scores {
            if dimension != "sentiment" {
                object.insert(dimension, score);
            }
        }
    }
    for (key, value) in tone {
        object.insert(key, value);
    }
    Value::Object(object)
}

/// Human tone lines: `file:line  Label  sentiment +0.65 (positive) · formality 0.57 …`.
pub struct HumanToneSink;

impl Sink for HumanToneSink {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked<'_>) -> io::Result<()> {
        let tone = tone_object(checked);
        let mut parts = vec![format!(
            "sentiment {:+.2} ({})",
            tone["sentiment"]["score"].as_f64().unwrap_or(0.0),
            tone["sentiment"]["label"].as_str().unwrap_or("neutral")
        )];
        for dimension in [
            "formality",
            "aggression",
            "profanity",
            "shouting",
            "excitement",
            "hype",
            "hedging",
            "inclusive",
        ] {
            let score = tone[dimension].as_f64().unwrap_or(0.0);
            if dimension == "formality" || score >= 0.05 {
                parts.push(format!("{dimension} {score:.2}"));
            }
        }
        let label = tone["label"].as_str().unwrap_or("Neutral").to_lowercase();
        writeln!(
            out,
            "{}:{}: {label}: {}",
            checked.draft.source,
            checked.draft.line,
            parts.join(", ")
        )
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}

/// One JSON document: `{"schema_version", "tool", "drafts": [tone objects]}`.
#[derive(Default)]
pub struct JsonToneSink {
    started: bool,
}

impl Sink for JsonToneSink {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked<'_>) -> io::Result<()> {
        if self.started {
            out.write_all(b",")?;
        } else {
            self.started = true;
            write_document_head(out)?;
        }
        out.write_all(b"\n    ")?;
        serde_json::to_writer(&mut *out, &tone_object(checked))?;
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        if !self.started {
            write_document_head(out)?;
            return writeln!(out, "]\n}}");
        }
        writeln!(out, "\n  ]\n}}")
    }
}

/// One tone object per draft, one per line.
pub struct JsonlToneSink;

impl Sink for JsonlToneSink {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked<'_>) -> io::Result<()> {
        serde_json::to_writer(&mut *out, &tone_object(checked))?;
        out.write_all(b"\n")
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}
