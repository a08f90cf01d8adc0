//! Why a pack or a Vale style was refused: one typed error naming the file, the rule and the line.

/// What was wrong with a pack, a rule or a style file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackErrorKind {
    /// The text is not valid YAML or JSON, or a key is unknown or of the wrong type.
    Syntax(String),
    /// The pack is larger than the loader accepts (bytes, rules, tokens, nesting).
    TooLarge(String),
    /// A regular expression does not compile or is too big.
    InvalidRegex { pattern: String, reason: String },
    /// A value that cannot work: unknown level, scope or rule type, min above max, a key that
    /// does not apply to the rule's type…
    InvalidValue(String),
    /// An embedded test of the pack did not pass.
    FailedTest {
        case: usize,
        text: String,
        problem: String,
    },
    /// A file could not be read.
    Io(String),
}

/// A refused pack: where (`source`, `rule`, `line`) and what ([`PackErrorKind`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    /// The file name or source name given when loading.
    pub source: String,
    /// The rule concerned, if any.
    pub rule: Option<String>,
    /// 1-based line in the source, when known.
    pub line: Option<usize>,
    pub kind: PackErrorKind,
}

impl PackError {
    pub(crate) fn new(source: &str, kind: PackErrorKind) -> PackError {
        PackError {
            source: source.to_string(),
            rule: None,
            line: None,
            kind,
        }
    }

    pub(crate) fn in_rule(mut self, rule: &str) -> PackError {
        self.rule = Some(rule.to_string());
        self
    }

    pub(crate) fn at_line(mut self, line: Option<usize>) -> PackError {
        if self.line.is_none() {
            self.line = line;
        }
        self
    }
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(rule) = &self.rule {
            write!(f, ": rule {rule}")?;
        }
        match &self.kind {
            PackErrorKind::Syntax(m) => write!(f, ": {m}"),
            PackErrorKind::TooLarge(m) => write!(f, ": too large: {m}"),
            PackErrorKind::InvalidRegex { pattern, reason } => {
                let shown: String = pattern.chars().take(80).collect();
                write!(f, ": invalid regular expression {shown:?}: {reason}")
            }
            PackErrorKind::InvalidValue(m) => write!(f, ": {m}"),
            PackErrorKind::FailedTest {
                case,
                text,
                problem,
            } => write!(f, ": embedded test {case} failed on {text:?}: {problem}"),
            PackErrorKind::Io(m) => write!(f, ": {m}"),
        }
    }
}

impl std::error::Error for PackError {}

/// 1-based line of the first line of `text` that, trimmed, starts with `needle`.
pub(crate) fn line_starting_with(text: &str, needle: &str, from_line: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find(|(_, l)| l.trim_start().starts_with(needle))
        .map(|(i, _)| i + 1)
}

/// 1-based line of the first line containing `needle` at or after `from_line`.
pub(crate) fn line_containing(text: &str, needle: &str, from_line: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    text.lines()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
}
