//! `--format sarif`: SARIF 2.1.0, the log format code-review tools (GitHub code scanning…) read.
//!
//! Results stream as drafts are checked; the rule table, only known at the end, is written
//! after them (JSON object members have no order). Columns count Unicode code points, which the
//! run declares with `columnKind`. Fixes are offered only where positions are the file's own
//! (text, Markdown, `--each-line`), never inside a CSV cell or a JSON string.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{json, Value};

use super::{Checked, Sink, Totals};
use plume::Severity;

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Default)]
pub struct SarifSink {
    started: bool,
    results_written: u64,
    /// Rule id → (category, why, link), first seen wins.
    rules: BTreeMap<String, (String, String, Option<String>)>,
}

impl SarifSink {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write!(
                out,
                "{{\n  \"$schema\": \"{SARIF_SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [{{\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": ["
            )?;
        }
        Ok(())
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Suggestion => "note",
    }
}

/// A SARIF artifact URI for a shown file name (forward slashes; standard input is `stdin`).
fn uri_of(source: &str) -> String {
    if source == "<stdin>" {
        "stdin".to_string()
    } else {
        source.replace('\\', "/")
    }
}

impl Sink for SarifSink {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked<'_>) -> io::Result<()> {
        let uri = uri_of(&checked.draft.source);
        self.start(out)?;
        for d in &checked.report.diagnostics {
            self.rules.entry(d.rule.to_string()).or_insert_with(|| {
                (
                    d.category.as_str().to_string(),
                    d.why.clone(),
                    d.link.clone(),
                )
            });
            let (start, end) = checked.span_positions(d.span);
            let region = json!({
                "startLine": start.line,
                "startColumn": start.column,
                "endLine": end.line,
                "endColumn": end.column,
            });
            let location = json!({
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": region,
                }
            });
            let mut result = json!({
                "ruleId": d.rule.as_str(),
                "level": level(d.severity),
                "message": {"text": format!("{} {}", d.message, d.why).trim().to_string()},
                "locations": [location],
                "properties": {
                    "category": d.category.as_str(),
                    "severity": super::severity_name(d.severity),
                    "suggestions": d.suggestions,
                    "record": checked.draft.record,
                },
            });
            // A fix must point at the file's own columns, which only whole-line drafts share.
            if checked.draft.columns_follow_file {
                if let Some(best) = d.suggestions.first() {
                    result["fixes"] = json!([{
                        "description": {"text": format!("Replace with “{best}”")},
                        "artifactChanges": [{
                            "artifactLocation": {"uri": uri},
                            "replacements": [{
                                "deletedRegion": region,
                                "insertedContent": {"text": best},
                            }],
                        }],
                    }]);
                }
            }
            if self.results_written > 0 {
                out.write_all(b",")?;
            }
            out.write_all(b"\n      ")?;
            serde_json::to_writer(&mut *out, &result)?;
            self.results_written += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        self.start(out)?;
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|(id, (category, why, link))| {
                let mut rule = json!({
                    "id": id,
                    "shortDescription": {"text": id},
                    "fullDescription": {"text": why},
                    "properties": {"category": category},
                });
                if let Some(link) = link {
                    rule["helpUri"] = json!(link);
                }
                rule
            })
            .collect();
        let tool = json!({
            "driver": {
                "name": "plume",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }
        });
        let close = if self.results_written > 0 {
            "\n    ]"
        } else {
            "]"
        };
        writeln!(
            out,
            "{close},\n    \"tool\": {}\n  }}]\n}}",
            serde_json::to_string(&tool)?
        )
    }
}
