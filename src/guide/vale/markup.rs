//! What Vale does not check in a Markdown, reStructuredText or AsciiDoc file, masked out: code
//! blocks and spans, front matter, comments and tags, link targets, attribute lines, heading
//! and list markers.
//!
//! The masked copy has the same byte length and line breaks as the file, so a match's offset
//! is its offset in the file. Code spans become `*` runs (they still separate words); blocks
//! that are not prose become spaces.

use crate::report::Span;

/// The kinds of file the Vale runner reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Markdown,
    ReStructuredText,
    AsciiDoc,
    PlainText,
}

impl Markup {
    /// From a file extension; `None` for files Vale would not lint.
    pub fn from_extension(ext: &str) -> Option<Markup> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mdx" => Some(Markup::Markdown),
            "rst" | "rest" => Some(Markup::ReStructuredText),
            "adoc" | "asciidoc" | "asc" => Some(Markup::AsciiDoc),
            "txt" | "text" => Some(Markup::PlainText),
            _ => None,
        }
    }
}

/// AsciiDoc: comments (`//`, `////` blocks), listing, literal and passthrough blocks
/// (`----`, `....`, `++++`, fenced code), attribute entries (`:name: value`), block attribute
/// and anchor lines (`[source,yaml]`, `[[id]]`), macro targets (`link:url[text]` keeps
/// `text`), table and list markers, admonition labels and monospace spans are masked; section
/// titles (`== Title`) are headings.
fn asciidoc(text: &str) -> (Vec<u8>, Vec<Span>) {
    let mut bytes = text.as_bytes().to_vec();
    let mut headings = Vec::new();
    let mut masked_block: Option<&str> = None;
    for (offset, line) in lines(text) {
        let end = offset + line.len();
        let trimmed = line.trim_end();
        if let Some(delimiter) = masked_block {
            fill(&mut bytes, offset, end, b' ');
            if trimmed == delimiter {
                masked_block = None;
            }
            continue;
        }
        let is_delimiter = |d: &str| {
            trimmed.len() >= 4
                && trimmed.bytes().all(|b| b == d.as_bytes()[0])
                && trimmed.starts_with(d)
        };
        if ["////", "----", "....", "++++"]
            .iter()
            .any(|d| is_delimiter(d))
        {
            masked_block = Some(trimmed);
            fill(&mut bytes, offset, end, b' ');
            continue;
        }
        if trimmed.starts_with("```") {
            masked_block = Some("```");
            fill(&mut bytes, offset, end, b' ');
            continue;
        }
        let attribute_entry = trimmed.starts_with(':')
            && trimmed[1..]
                .find(':')
                .is_some_and(|i| i > 0 && !trimmed[1..1 + i].contains(char::is_whitespace));
        let block_line = (trimmed.starts_with('[') && trimmed.ends_with(']'))
            || trimmed.starts_with("//")
            || attribute_entry
            || trimmed.starts_with("|===")
            || [
                "include::",
                "image::",
                "ifdef::",
                "ifndef::",
                "endif::",
                "toc::",
            ]
            .iter()
            .any(|m| trimmed.starts_with(m));
        if block_line {
            fill(&mut bytes, offset, end, b' ');
            continue;
        }
        let level = trimmed.bytes().take_while(|&b| b == b'=').count();
        if (1..=6).contains(&level) && trimmed.as_bytes().get(level) == Some(&b' ') {
            fill(&mut bytes, offset, offset + level + 1, b' ');
            let body = trimmed[level + 1..].trim();
            if !body.is_empty() {
                let start = offset
                    + level
                    + 1
                    + (trimmed[level + 1..].len() - trimmed[level + 1..].trim_start().len());
                headings.push(Span::new(start, start + body.len()));
            }
            continue;
        }
        // List markers (`*`, `**`, `-`, `.`, `1.`), table cells and admonition labels.
        let lead = line.len() - line.trim_start().len();
        let rest = &line[lead..];
        let marker = rest
            .bytes()
            .take_while(|&b| b == b'*' || b == b'.' || b == b'-')
            .count();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if marker > 0 && rest.as_bytes().get(marker) == Some(&b' ') {
            fill(&mut bytes, offset + lead, offset + lead + marker, b' ');
        } else if digits > 0 && rest[digits..].starts_with(". ") {
            fill(&mut bytes, offset + lead, offset + lead + digits + 1, b' ');
        }
        if rest.starts_with('|') {
            for (i, b) in line.bytes().enumerate() {
                if b == b'|' {
                    bytes[offset + i] = b' ';
                }
            }
        }
        for label in ["NOTE: ", "TIP: ", "IMPORTANT: ", "WARNING: ", "CAUTION: "] {
            if rest.starts_with(label) {
                fill(&mut bytes, offset + lead, offset + lead + label.len(), b' ');
            }
        }
    }
    let masked_so_far = String::from_utf8(bytes.clone()).unwrap_or_else(|_| text.to_string());
    mask_code_spans(&masked_so_far, &mut bytes, b'`', 1);
    mask_macro_targets(text, &mut bytes);
    (bytes, headings)
}

/// `link:target[text]`, `xref:target[text]`, `https://target[text]`: the macro name and target
/// are masked, the bracketed text is kept.
fn mask_macro_targets(text: &str, bytes: &mut [u8]) {
    for prefix in ["link:", "xref:", "mailto:", "https://", "http://"] {
        let mut search = 0;
        while let Some(found) = text[search..].find(prefix) {
            let start = search + found;
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            let target_end = text[start..line_end]
                .find(|c: char| c == '[' || c.is_whitespace())
                .map_or(line_end, |i| start + i);
            if text[target_end..].starts_with('[') {
                fill(bytes, start, target_end + 1, b' ');
                if let Some(close) = text[target_end..line_end].find(']') {
                    bytes[target_end + close] = b' ';
                }
            }
            search = target_end.max(start + prefix.len());
        }
    }
}

/// A file's prose: the masked text, its blocks and its headings.
#[derive(Debug, Clone, PartialEq)]
pub struct Prose {
    pub text: String,
    pub blocks: Vec<Span>,
    pub headings: Vec<Span>,
}

fn fill(bytes: &mut [u8], start: usize, end: usize, with: u8) {
    let end = end.min(bytes.len());
    for b in &mut bytes[start..end] {
        if *b != b'\n' {
            *b = with;
        }
    }
}

/// Line start offsets and contents (without the line break).
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        out.push((offset, line.trim_end_matches(['\n', '\r'])));
        offset += line.len();
    }
    out
}

/// Masks inline code delimited by runs of `tick` of equal length.
fn mask_code_spans(text: &str, bytes: &mut [u8], tick: u8, min_run: usize) {
    let src = text.as_bytes();
    let mut i = 0;
    while i < src.len() {
        if src[i] != tick || bytes[i] != tick {
            i += 1;
            continue;
        }
        let mut run = 0;
        while i + run < src.len() && src[i + run] == tick {
            run += 1;
        }
        if run < min_run {
            i += run;
            continue;
        }
        let mut j = i + run;
        let mut closed = None;
        while j < src.len() {
            if src[j] == tick {
                let mut r = 0;
                while j + r < src.len() && src[j + r] == tick {
                    r += 1;
                }
                if r == run {
                    closed = Some(j + r);
                    break;
                }
                j += r;
            } else if src[j] == b'\n' && j + 1 < src.len() && src[j + 1] == b'\n' {
                break;
            } else {
                j += 1;
            }
        }
        match closed {
            Some(end) => {
                fill(bytes, i, end, b'*');
                i = end;
            }
            None => i += run,
        }
    }
}

/// Masks `start..end` where `open` … `close` delimit a construct.
fn mask_between(text: &str, bytes: &mut [u8], open: &str, close: &str, with: u8, keep_open: bool) {
    let mut from = 0;
    while let Some(s) = text[from..].find(open) {
        let s = from + s;
        let Some(e) = text[s + open.len()..].find(close) else {
            break;
        };
        let e = s + open.len() + e + close.len();
        let start = if keep_open { s + open.len() } else { s };
        let end = if keep_open { e - close.len() } else { e };
        fill(bytes, start, end, with);
        from = e;
    }
}

fn markdown(text: &str) -> (Vec<u8>, Vec<Span>) {
    let mut bytes = text.as_bytes().to_vec();
    let mut headings = Vec::new();
    let all = lines(text);
    let mut fence: Option<String> = None;
    let mut previous_blank = true;
    let mut in_indented_code = false;
    for (index, &(offset, line)) in all.iter().enumerate() {
        let end = offset + line.len();
        let trimmed = line.trim_start();
        if index == 0 && line == "---" {
            // Front matter runs to the next `---`.
            if let Some(close) = all[1..]
                .iter()
                .position(|(_, l)| *l == "---" || *l == "...")
            {
                let (o, l) = all[close + 1];
                fill(&mut bytes, 0, o + l.len(), b' ');
            }
        }
        if bytes[offset..end].iter().all(|b| *b == b' ') && !line.trim().is_empty() {
            continue; // already masked (front matter)
        }
        if let Some(marker) = &fence {
            fill(&mut bytes, offset, end, b' ');
            if trimmed.starts_with(marker.as_str()) {
                fence = None;
            }
            previous_blank = false;
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(trimmed[..3].to_string());
            fill(&mut bytes, offset, end, b' ');
            continue;
        }
        let indented = line.starts_with("    ") || line.starts_with('\t');
        if indented && !line.trim().is_empty() && (previous_blank || in_indented_code) {
            in_indented_code = true;
            fill(&mut bytes, offset, end, b' ');
            continue;
        }
        if !line.trim().is_empty() {
            in_indented_code = false;
        }
        previous_blank = line.trim().is_empty();
        let lead = line.len() - trimmed.len();
        if trimmed.starts_with('#') {
            let hashes = trimmed.bytes().take_while(|b| *b == b'#').count();
            if hashes <= 6 && trimmed[hashes..].starts_with([' ', '\t']) || trimmed.len() == hashes
            {
                fill(&mut bytes, offset + lead, offset + lead + hashes, b' ');
                let body = trimmed[hashes..].trim_end_matches([' ', '#']);
                let body_start = offset + lead + hashes + (body.len() - body.trim_start().len());
                headings.push(Span::new(body_start, offset + lead + hashes + body.len()));
            }
        } else if let Some(next) = all.get(index + 1) {
            let underline = next.1.trim();
            if !trimmed.is_empty()
                && underline.len() >= 2
                && (underline.bytes().all(|b| b == b'=') || underline.bytes().all(|b| b == b'-'))
            {
                headings.push(Span::new(offset + lead, end));
            }
        }
        // List and quote markers.
        let marker_len = list_marker_len(trimmed);
        if marker_len > 0 {
            fill(&mut bytes, offset + lead, offset + lead + marker_len, b' ');
        }
    }
    let masked_so_far = String::from_utf8(bytes.clone()).unwrap_or_else(|_| text.to_string());
    mask_code_spans(&masked_so_far, &mut bytes, b'`', 1);
    mask_between(text, &mut bytes, "<!--", "-->", b' ', false);
    mask_between(text, &mut bytes, "](", ")", b' ', true);
    mask_autolinks_and_tags(text, &mut bytes);
    (bytes, headings)
}

fn list_marker_len(trimmed: &str) -> usize {
    let b = trimmed.as_bytes();
    if b.len() >= 2 && matches!(b[0], b'-' | b'*' | b'+' | b'>') && b[1] == b' ' {
        return 2;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0
        && digits < 10
        && b.len() > digits + 1
        && matches!(b[digits], b'.' | b')')
        && b[digits + 1] == b' '
    {
        return digits + 2;
    }
    0
}

fn mask_autolinks_and_tags(text: &str, bytes: &mut [u8]) {
    let src = text.as_bytes();
    let mut i = 0;
    while i < src.len() {
        if src[i] == b'<' {
            let next = src.get(i + 1).copied().unwrap_or(b' ');
            if next.is_ascii_alphabetic() || next == b'/' {
                if let Some(len) = src[i..]
                    .iter()
                    .take(2_000)
                    .position(|&c| c == b'>' || c == b'\n')
                {
                    if src[i + len] == b'>' {
                        fill(bytes, i, i + len + 1, b' ');
                        i += len + 1;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
}

fn restructured(text: &str) -> (Vec<u8>, Vec<Span>) {
    let mut bytes = text.as_bytes().to_vec();
    let mut headings = Vec::new();
    let all = lines(text);
    let mut literal_block = false;
    let mut directive = false;
    for (index, &(offset, line)) in all.iter().enumerate() {
        let end = offset + line.len();
        let indented = line.starts_with(' ') || line.starts_with('\t');
        if (literal_block || directive) && (indented || line.trim().is_empty()) {
            fill(&mut bytes, offset, end, b' ');
            continue;
        }
        literal_block = false;
        directive = false;
        if line.starts_with("..") {
            directive = true;
            fill(&mut bytes, offset, end, b' ');
            continue;
        }
        if line.trim_end().ends_with("::") {
            literal_block = true;
        }
        let t = line.trim();
        let adornment = t.len() >= 2
            && t.bytes().all(|b| b == t.as_bytes()[0])
            && b"=-~^\"'`#*+:.".contains(&t.as_bytes()[0]);
        if adornment {
            fill(&mut bytes, offset, end, b' ');
            if index > 0 && !all[index - 1].1.trim().is_empty() {
                let (o, l) = all[index - 1];
                headings.push(Span::new(o, o + l.len()));
            }
        }
    }
    mask_code_spans(text, &mut bytes, b'`', 2);
    (bytes, headings)
}

/// Masks what Vale skips in `text` and finds its blocks (paragraphs, headings apart).
pub fn prose(text: &str, markup: Markup) -> Prose {
    let (bytes, headings) = match markup {
        Markup::Markdown => markdown(text),
        Markup::ReStructuredText => restructured(text),
        Markup::AsciiDoc => asciidoc(text),
        Markup::PlainText => (text.as_bytes().to_vec(), Vec::new()),
    };
    // Masking replaced whole characters by ASCII bytes, so the result is valid UTF-8; if it
    // ever were not, the unmasked text is checked rather than nothing.
    let masked = String::from_utf8(bytes).unwrap_or_else(|_| text.to_string());
    let mut blocks = Vec::new();
    for para in crate::text::paragraphs(&masked) {
        // A heading line is a block of its own even without a blank line after it.
        let mut start = para.start;
        for h in headings
            .iter()
            .filter(|h| h.start >= para.start && h.end <= para.end)
        {
            let line_start = masked[..h.start]
                .rfind('\n')
                .map_or(0, |i| i + 1)
                .max(para.start);
            if line_start > start {
                blocks.push(Span::new(start, line_start.saturating_sub(1).max(start)));
            }
            blocks.push(*h);
            start = masked[h.end..]
                .find('\n')
                .map_or(para.end, |i| h.end + i + 1)
                .min(para.end);
        }
        if start < para.end {
            blocks.push(Span::new(start, para.end));
        }
    }
    blocks.retain(|b| !masked[b.start..b.end].trim().is_empty());
    Prose {
        text: masked,
        blocks,
        headings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asciidoc_blocks_attributes_and_macro_targets_are_masked() {
        let text = "= Install it\n:product: Acme\n\n// a comment\n[source,yaml]\n----\nkey: value\n----\n\n* See link:https://acme.com/docs[the docs] and `code`.\n";
        let p = prose(text, Markup::AsciiDoc);
        assert_eq!(p.text.len(), text.len());
        assert_eq!(
            &p.text[p.headings[0].start..p.headings[0].end],
            "Install it"
        );
        assert!(!p.text.contains("Acme"));
        assert!(!p.text.contains("comment"));
        assert!(!p.text.contains("key"));
        assert!(!p.text.contains("acme.com"));
        assert!(p.text.contains("the docs"));
        assert!(!p.text.contains("code"));
        assert!(
            p.text.contains("  See"),
            "the list marker is masked: {:?}",
            p.text
        );
    }

    #[test]
    fn markdown_code_is_masked_and_offsets_are_kept() {
        let text = "# `write-good.So`\n\nSo, the `the` the.\n\n```\nSo code\n```\n";
        let p = prose(text, Markup::Markdown);
        assert_eq!(p.text.len(), text.len());
        assert_eq!(&p.text[..18], "  ***************\n");
        assert!(p.text.contains("So, the ***** the."));
        assert!(!p.text.contains("So code"));
        assert_eq!(p.headings.len(), 1);
    }

    #[test]
    fn restructured_text_literals_and_directives_are_masked() {
        let text = "Title\n=====\n\nfoo ``bar`` foo\n\n.. note::\n   hidden words\n";
        let p = prose(text, Markup::ReStructuredText);
        assert!(p.text.contains("foo ******* foo"));
        assert!(!p.text.contains("hidden"));
        assert_eq!(&text[p.headings[0].start..p.headings[0].end], "Title");
    }

    #[test]
    fn link_targets_are_masked_but_link_text_is_kept() {
        let p = prose(
            "See [our very best docs](https://very.example.com).",
            Markup::Markdown,
        );
        assert!(p.text.contains("[our very best docs]("));
        assert!(!p.text.contains("example"));
    }
}
