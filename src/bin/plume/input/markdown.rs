//! Markdown drafts: markup is blanked out before checking so only prose is checked.
//!
//! Blanking replaces markup bytes with spaces and keeps every line break, so the checked text
//! has the same byte length and lines as the file and every span points into the original.
//! Blanked: front matter, fenced and indented code, inline code, link and image targets, HTML
//! tags and comments, autolinks, reference definitions, heading and list markers.

/// Returns `markdown` with markup replaced by spaces (same length in bytes, same lines).
pub fn blank_markup(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut fence: Option<(u8, usize)> = None;
    let mut in_front_matter = false;
    let mut in_html_comment = false;
    for (index, line) in markdown.split_inclusive('\n').enumerate() {
        let (body, ending) = split_ending(line);
        let trimmed = body.trim_start();
        let indent = body.len() - trimmed.len();

        if index == 0 && body.trim_end() == "---" {
            in_front_matter = true;
            push_blank(&mut out, body);
        } else if in_front_matter {
            if matches!(body.trim_end(), "---" | "...") {
                in_front_matter = false;
            }
            push_blank(&mut out, body);
        } else if let Some((marker, length)) = fence {
            if closes_fence(trimmed, marker, length) {
                fence = None;
            }
            push_blank(&mut out, body);
        } else if let Some(opened) = opens_fence(trimmed) {
            fence = Some(opened);
            push_blank(&mut out, body);
        } else if indent >= 4 && !trimmed.is_empty() || is_reference_definition(trimmed) {
            push_blank(&mut out, body);
        } else {
            let mut line_out = String::with_capacity(body.len());
            push_blank(&mut line_out, &body[..indent]);
            let rest = &body[indent..];
            let marker = block_marker_len(rest);
            push_blank(&mut line_out, &rest[..marker]);
            blank_inline(&rest[marker..], &mut line_out, &mut in_html_comment);
            out.push_str(&line_out);
        }
        out.push_str(ending);
    }
    debug_assert_eq!(out.len(), markdown.len());
    out
}

fn split_ending(line: &str) -> (&str, &str) {
    let body = line.trim_end_matches(['\n', '\r']);
    (body, &line[body.len()..])
}

/// Pushes as many spaces as `text` has bytes.
fn push_blank(out: &mut String, text: &str) {
    out.extend(std::iter::repeat_n(' ', text.len()));
}

fn opens_fence(trimmed: &str) -> Option<(u8, usize)> {
    let marker = *trimmed.as_bytes().first()?;
    if marker != b'`' && marker != b'~' {
        return None;
    }
    let length = trimmed.bytes().take_while(|&b| b == marker).count();
    (length >= 3).then_some((marker, length))
}

fn closes_fence(trimmed: &str, marker: u8, length: usize) -> bool {
    let run = trimmed.bytes().take_while(|&b| b == marker).count();
    run >= length && trimmed[run..].trim().is_empty()
}

/// `[id]: https://…` lines.
fn is_reference_definition(trimmed: &str) -> bool {
    trimmed.starts_with('[')
        && trimmed
            .find("]:")
            .is_some_and(|end| !trimmed[1..end].contains(']'))
}

/// Length of a leading heading (`## `), quote (`> `) or list (`- `, `1. `) marker.
fn block_marker_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
    if (1..=6).contains(&hashes) && matches!(bytes.get(hashes), Some(b' ') | None) {
        return hashes + usize::from(bytes.get(hashes).is_some());
    }
    if let Some(&first) = bytes.first() {
        if matches!(first, b'>' | b'-' | b'*' | b'+') && bytes.get(1) == Some(&b' ') {
            return 2;
        }
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=9).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')'))
        && bytes.get(digits + 1) == Some(&b' ')
    {
        return digits + 2;
    }
    0
}

/// Blanks inline code, HTML, autolinks and link targets within one line of prose.
fn blank_inline(line: &str, out: &mut String, in_html_comment: &mut bool) {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut kept_from = 0;
    let flush = |out: &mut String, from: usize, to: usize, blank: bool| {
        if blank {
            push_blank(out, &line[from..to]);
        } else {
            out.push_str(&line[from..to]);
        }
    };
    while i < bytes.len() {
        if *in_html_comment {
            let end = line[i..].find("-->").map_or(line.len(), |p| i + p + 3);
            *in_html_comment = end == line.len() && !line[i..].contains("-->");
            flush(out, i, end, true);
            i = end;
            kept_from = i;
            continue;
        }
        let blank_to = match bytes[i] {
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let closing = "`".repeat(run);
                line[i + run..].find(&closing).map(|p| i + run + p + run)
            }
            b'<' if line[i..].starts_with("<!--") => {
                let end = line[i..].find("-->").map(|p| i + p + 3);
                if end.is_none() {
                    *in_html_comment = true;
                }
                Some(end.unwrap_or(line.len()))
            }
            b'<' => line[i..]
                .find('>')
                .map(|p| i + p + 1)
                .filter(|&end| looks_like_tag_or_autolink(&line[i..end])),
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                // `[text](target)`: keep the text, blank `](target)`.
                line[i..].find(')').map(|p| i + p + 1)
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                // Images: alt text is not prose a reader sees.
                line[i..]
                    .find("](")
                    .and_then(|p| line[i + p..].find(')').map(|q| i + p + q + 1))
            }
            b'[' | b']' | b'*' | b'_' | b'~' => Some(i + 1),
            _ => None,
        };
        match blank_to {
            Some(end) => {
                flush(out, kept_from, i, false);
                flush(out, i, end, true);
                i = end;
                kept_from = i;
            }
            None => i += line[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    flush(out, kept_from, line.len(), false);
}

fn looks_like_tag_or_autolink(candidate: &str) -> bool {
    let inner = &candidate[1..candidate.len() - 1];
    let first = inner.chars().next();
    inner.contains("://")
        || (inner.contains('@') && !inner.contains(' '))
        || first.is_some_and(|c| c.is_ascii_alphabetic() || c == '/')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visible(markdown: &str) -> String {
        let blanked = blank_markup(markdown);
        assert_eq!(blanked.len(), markdown.len());
        assert_eq!(
            blanked.matches('\n').count(),
            markdown.matches('\n').count()
        );
        blanked.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn prose_is_kept_in_place_and_markup_is_blanked() {
        let md = "# Launch day\n\nRead the [release notes](https://example.com/notes) *now*.\n";
        let blanked = blank_markup(md);
        assert_eq!(&blanked[14..18], "Read");
        assert_eq!(visible(md), "Launch day Read the release notes now .");
    }

    #[test]
    fn code_front_matter_and_html_are_not_prose() {
        let md = "---\ntitle: Teh post\n---\nIntro `teh_var` text\n\n```rust\nlet teh = 1;\n```\n<!-- teh note -->\n<b>Bold</b>\n";
        assert_eq!(visible(md), "Intro text Bold");
    }

    #[test]
    fn crlf_line_endings_and_multibyte_text_keep_their_offsets() {
        let md = "## Café\r\n- item «é»\r\n";
        let blanked = blank_markup(md);
        assert_eq!(blanked.len(), md.len());
        assert!(blanked.ends_with("\r\n"));
        assert_eq!(visible(md), "Café item «é»");
    }
}
