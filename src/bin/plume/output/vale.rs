//! `--format vale`: Vale's line output, `file:line:col:Style.Rule:message`, one finding a line.
//!
//! Tools that already parse Vale's `--output=line` read Plume's findings unchanged. A rule id
//! such as `spelling.unknown-word` already has Vale's `Style.Rule` shape.

use std::io::{self, Write};

use super::{Checked, Sink, Totals};

pub struct ValeSink;

impl Sink for ValeSink {
    fn draft(&mut self, out: &mut dyn Write, checked: &Checked<'_>) -> io::Result<()> {
        for d in &checked.report.diagnostics {
            let start = checked.file_position(d.span.start);
            // Vale reports every rule that matched: a span several rules flagged (one
            // diagnostic, the others in `also`) gives one line per rule.
            let reasons = std::iter::once((&d.rule, &d.message))
                .chain(d.also.iter().map(|r| (&r.rule, &r.message)));
            for (rule, message) in reasons {
                // One finding per line: line breaks in a message would split it.
                let message = message.replace(['\n', '\r'], " ");
                writeln!(
                    out,
                    "{}:{}:{}:{}:{}",
                    checked.draft.source, start.line, start.column, rule, message
                )?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}
