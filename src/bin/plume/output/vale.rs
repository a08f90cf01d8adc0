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
            // One finding per line: line breaks in a message would split it.
            let message = d.message.replace(['\n', '\r'], " ");
            writeln!(
                out,
                "{}:{}:{}:{}:{}",
                checked.draft.source, start.line, start.column, d.rule, message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}
