//! Vale's comment controls: `<!-- vale off -->` / `<!-- vale on -->`, and
//! `<!-- vale Style.Rule = NO -->` / `= YES` (or a whole style, `<!-- vale Style = NO -->`),
//! in Markdown and HTML comments; `.. vale off` in reStructuredText; `// vale off` in AsciiDoc.
//! Each control holds from where it is written until the next one that undoes it.

/// One control comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Control {
    /// Byte offset of the comment in the file.
    pub at: usize,
    /// `None` for every rule (`vale off`/`vale on`), else `Style` or `Style.Rule`.
    pub target: Option<String>,
    /// Whether the rule(s) run after this point.
    pub on: bool,
}

/// Parses what follows `vale` in a control: `off`, `on`, `Style.Rule = NO`, `A.B = YES, C = NO`.
fn parse_body(at: usize, body: &str, out: &mut Vec<Control>) {
    let body = body.trim();
    match body {
        "off" => out.push(Control {
            at,
            target: None,
            on: false,
        }),
        "on" => out.push(Control {
            at,
            target: None,
            on: true,
        }),
        _ => {
            for part in body.split(',') {
                let Some((target, value)) = part.split_once('=') else {
                    continue;
                };
                let on = match value.trim().to_ascii_uppercase().as_str() {
                    "YES" => true,
                    "NO" => false,
                    _ => continue,
                };
                let target = target.trim();
                if !target.is_empty() && !target.contains(char::is_whitespace) {
                    out.push(Control {
                        at,
                        target: Some(target.to_string()),
                        on,
                    });
                }
            }
        }
    }
}

/// The controls written in `text`, in order.
pub fn controls(text: &str) -> Vec<Control> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(open) = text[search..].find("<!--") {
        let start = search + open;
        let Some(close) = text[start..].find("-->") else {
            break;
        };
        let inner = text[start + 4..start + close].trim();
        if let Some(body) = inner.strip_prefix("vale ") {
            parse_body(start, body, &mut out);
        }
        search = start + close + 3;
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        for prefix in [".. vale ", "// vale "] {
            if let Some(body) = trimmed.strip_prefix(prefix) {
                parse_body(offset, body, &mut out);
            }
        }
        offset += line.len();
    }
    out.sort_by_key(|c| c.at);
    out
}

/// Whether `check` (`Style.Rule`) is switched off at byte `offset` by `controls`.
pub fn switched_off(controls: &[Control], check: &str, offset: usize) -> bool {
    let style = check.split('.').next().unwrap_or(check);
    let mut all_on = true;
    let mut style_on = None;
    let mut rule_on = None;
    for control in controls.iter().take_while(|c| c.at <= offset) {
        match control.target.as_deref() {
            None => all_on = control.on,
            Some(t) if t == check => rule_on = Some(control.on),
            Some(t) if t == style => style_on = Some(control.on),
            Some(_) => {}
        }
    }
    !all_on || rule_on.or(style_on) == Some(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_switch_every_rule_a_style_or_one_rule_until_undone() {
        let text = "a\n<!-- vale off -->\nb\n<!-- vale on -->\nc\n<!-- vale Acme.Hype = NO -->\nd\n<!-- vale Acme = NO -->\ne\n<!-- vale Acme = YES -->\n<!-- vale Acme.Hype = YES -->\nf\n";
        let found = controls(text);
        assert_eq!(found.len(), 6);
        let at = |s: &str| text.find(s).unwrap();
        assert!(!switched_off(&found, "Acme.Hype", at("a")));
        assert!(switched_off(&found, "Acme.Hype", at("b\n")));
        assert!(switched_off(&found, "Other.Rule", at("b\n")));
        assert!(!switched_off(&found, "Acme.Hype", at("c\n")));
        assert!(switched_off(&found, "Acme.Hype", at("d\n")));
        assert!(!switched_off(&found, "Acme.Other", at("d\n")));
        assert!(switched_off(&found, "Acme.Other", at("e\n")));
        assert!(!switched_off(&found, "Acme.Hype", at("f\n")));
    }

    #[test]
    fn restructured_text_and_asciidoc_comments_are_controls_too() {
        let text = ".. vale off\n\nx\n\n.. vale on\n\n// vale Acme.Hype = NO\ny\n";
        let found = controls(text);
        assert_eq!(found.len(), 3);
        assert!(switched_off(&found, "A.B", text.find('x').unwrap()));
        assert!(switched_off(&found, "Acme.Hype", text.find('y').unwrap()));
        assert!(!switched_off(&found, "A.B", text.find('y').unwrap()));
    }
}
