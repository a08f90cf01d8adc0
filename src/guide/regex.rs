//! A small backtracking regular-expression engine for Vale's dialect: Go RE2 syntax plus
//! lookahead, lookbehind and backreferences, Unicode-aware (`\w`, `\b`, case folding, `\pL`)
//! through the standard library's character tables, so it adds almost nothing to the wasm.
//!
//! Every search has a step budget: a catastrophic pattern stops early instead of hanging.
//! Single-character repeats (`\w+`, `[^\s]*`) run in a loop, not by recursion, and each
//! alternative is skipped at once when its first character cannot match.

/// Most nested groups in a pattern.
const MAX_NESTING: usize = 100;
/// Largest counted repetition, as in Go (`{1000}`).
const MAX_REPEAT: u32 = 1_000;
/// Farthest a lookbehind looks back, in bytes.
const MAX_LOOKBEHIND: usize = 1_000;
/// Recursion depth of the matcher before a search is abandoned (about 300 repetitions of a
/// group such as `(?:\w+ )+`; single-character repeats and literals do not recurse).
const MAX_DEPTH: usize = 150;

/// Steps one search of `text_len` bytes may take before it stops (times the factor set by
/// [`with_search_factor`], 1 unless a caller set one).
pub fn search_budget(text_len: usize) -> usize {
    (1_000_000 + 2_000 * text_len).saturating_mul(SEARCH_FACTOR.get())
}

/// Runs `f` with every single search allowed `factor` times its usual steps. The Vale runner
/// (native, one file at a time) uses it: Vale runs a rule over a whole paragraph, and a style
/// with hundreds of lookbehind alternatives needs more than a draft's search on a long one.
#[cfg(not(target_arch = "wasm32"))]
pub fn with_search_factor<R>(factor: usize, f: impl FnOnce() -> R) -> R {
    let before = SEARCH_FACTOR.replace(factor.max(1));
    /// Puts the previous factor back when dropped, even if `f` panics.
    struct Restore(usize);
    impl Drop for Restore {
        fn drop(&mut self) {
            SEARCH_FACTOR.set(self.0);
        }
    }
    let _restore = Restore(before);
    f()
}

std::thread_local! {
    /// Steps left for every search of the current check, when a caller set a shared budget
    /// ([`with_shared_budget`]): a thousand rules that each stay within their own budget must
    /// not add up to minutes of work.
    static SHARED_STEPS: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
    /// Whether a search stopped on a budget since the shared budget was set.
    static STOPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// How many times its usual steps one search may take ([`with_search_factor`]).
    static SEARCH_FACTOR: std::cell::Cell<usize> = const { std::cell::Cell::new(1) };
}

/// Whether a shared budget is set and spent.
pub fn shared_budget_spent() -> bool {
    SHARED_STEPS.get() == Some(0)
}

/// What the searches run under a shared budget did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetUse {
    /// Matcher steps taken, by every search together.
    pub steps: usize,
    /// Whether a search stopped early (its own budget or the shared one was spent).
    pub stopped: bool,
}

/// Runs `f`, letting every search it makes share at most `steps` matcher steps; once they are
/// spent, searches find nothing. Nested calls keep the outer budget.
pub fn with_shared_budget<R>(steps: usize, f: impl FnOnce() -> R) -> (R, BudgetUse) {
    if SHARED_STEPS.get().is_some() {
        return (
            f(),
            BudgetUse {
                steps: 0,
                stopped: false,
            },
        );
    }
    /// Clears the shared budget when dropped, so that a panic inside `f` does not leave a
    /// spent budget behind for every later check on this thread.
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            SHARED_STEPS.set(None);
            STOPPED.set(false);
        }
    }
    SHARED_STEPS.set(Some(steps));
    STOPPED.set(false);
    let reset = Reset;
    let result = f();
    let left = SHARED_STEPS.get().unwrap_or(0);
    let stopped = STOPPED.get();
    drop(reset);
    (
        result,
        BudgetUse {
            steps: steps - left,
            stopped,
        },
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Perl {
    Word,
    Digit,
    Space,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Property {
    Letter,
    Upper,
    Lower,
    Titlecase,
    ModifierLetter,
    OtherLetter,
    Number,
    DecimalNumber,
    Punctuation,
    Symbol,
    Separator,
    Mark,
    Control,
}

#[derive(Debug, Clone, PartialEq)]
enum ClassItem {
    Range(char, char),
    Perl(Perl, bool),
    Property(Property, bool),
    Ascii(AsciiClass, bool),
}

/// A POSIX class (`[[:alpha:]]`), ASCII only as in Go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AsciiClass {
    Alpha,
    Digit,
    Alnum,
    Upper,
    Lower,
    Space,
    Punct,
    Xdigit,
    Cntrl,
    Print,
    Graph,
    Word,
    Blank,
    Ascii,
}

impl AsciiClass {
    fn parse(name: &str) -> Option<AsciiClass> {
        Some(match name {
            "alpha" => AsciiClass::Alpha,
            "digit" => AsciiClass::Digit,
            "alnum" => AsciiClass::Alnum,
            "upper" => AsciiClass::Upper,
            "lower" => AsciiClass::Lower,
            "space" => AsciiClass::Space,
            "punct" => AsciiClass::Punct,
            "xdigit" => AsciiClass::Xdigit,
            "cntrl" => AsciiClass::Cntrl,
            "print" => AsciiClass::Print,
            "graph" => AsciiClass::Graph,
            "word" => AsciiClass::Word,
            "blank" => AsciiClass::Blank,
            "ascii" => AsciiClass::Ascii,
            _ => return None,
        })
    }

    fn matches(self, c: char) -> bool {
        match self {
            AsciiClass::Alpha => c.is_ascii_alphabetic(),
            AsciiClass::Digit => c.is_ascii_digit(),
            AsciiClass::Alnum => c.is_ascii_alphanumeric(),
            AsciiClass::Upper => c.is_ascii_uppercase(),
            AsciiClass::Lower => c.is_ascii_lowercase(),
            AsciiClass::Space => c.is_ascii_whitespace() || c == '\u{0B}',
            AsciiClass::Punct => c.is_ascii_punctuation(),
            AsciiClass::Xdigit => c.is_ascii_hexdigit(),
            AsciiClass::Cntrl => c.is_ascii_control(),
            AsciiClass::Print => c.is_ascii_graphic() || c == ' ',
            AsciiClass::Graph => c.is_ascii_graphic(),
            AsciiClass::Word => c.is_ascii_alphanumeric() || c == '_',
            AsciiClass::Blank => c == ' ' || c == '\t',
            AsciiClass::Ascii => c.is_ascii(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
struct Class {
    items: Vec<ClassItem>,
    negated: bool,
    fold: bool,
    /// Bit `c` is set when the class matches ASCII character `c` (computed once: the
    /// prefilter and the matcher test most characters of a draft against classes).
    ascii: u128,
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Empty,
    Char(char, Option<char>),
    Any {
        newline: bool,
    },
    Class(Box<Class>),
    LineStart,
    LineEnd,
    TextStart,
    TextEnd,
    WordBoundary(bool),
    Group(Box<Node>, Option<usize>),
    Concat(Vec<Node>),
    Alt(Vec<Node>, Vec<Option<First>>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
    Look {
        node: Box<Node>,
        ahead: bool,
        negate: bool,
    },
    Backref(usize, bool),
}

/// What the first character of a match may be: a short list, or a class.
#[derive(Debug, Clone, PartialEq)]
enum First {
    Chars(Vec<char>),
    Class(Box<Class>),
}

impl First {
    fn matches(&self, c: char) -> bool {
        match self {
            First::Chars(list) => list.contains(&c),
            First::Class(class) => class.matches(c),
        }
    }
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn other_case(c: char) -> Option<char> {
    let lower = fold(c);
    let upper = c.to_uppercase().next().unwrap_or(c);
    if lower != c {
        Some(lower)
    } else if upper != c {
        Some(upper)
    } else {
        None
    }
}

impl Property {
    fn matches(self, c: char) -> bool {
        match self {
            Property::Letter => c.is_alphabetic() && !is_mark(c),
            Property::Upper => c.is_uppercase(),
            Property::Lower => c.is_lowercase(),
            Property::Titlecase => matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ'),
            Property::ModifierLetter => matches!(c as u32, 0x02B0..=0x02FF),
            Property::OtherLetter => c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase(),
            Property::Number => c.is_numeric(),
            Property::DecimalNumber => {
                c.is_ascii_digit() || matches!(c as u32, 0x0660..=0x0669 | 0xFF10..=0xFF19)
            }
            Property::Punctuation => {
                c.is_ascii_punctuation()
                    && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
                    || matches!(c as u32, 0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF | 0x2010..=0x2027 | 0x2030..=0x205E | 0x3001..=0x3003 | 0x3008..=0x3011)
            }
            Property::Symbol => {
                matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~')
                    || matches!(c as u32, 0x00A2..=0x00A9 | 0x00AC | 0x00AE..=0x00B1 | 0x00B4 | 0x00D7 | 0x00F7 | 0x20A0..=0x20C0 | 0x2100..=0x214F | 0x2190..=0x23FF | 0x2500..=0x27BF | 0x1F000..=0x1FAFF)
            }
            Property::Separator => c.is_whitespace() && !c.is_control(),
            Property::Mark => is_mark(c),
            Property::Control => c.is_control(),
        }
    }

    fn parse(name: &str) -> Option<Property> {
        Some(match name {
            "L" | "Letter" => Property::Letter,
            "Lu" => Property::Upper,
            "Ll" => Property::Lower,
            "Lt" => Property::Titlecase,
            "Lm" => Property::ModifierLetter,
            "Lo" => Property::OtherLetter,
            "N" => Property::Number,
            "Nd" => Property::DecimalNumber,
            "P" | "Po" | "Pd" | "Ps" | "Pe" | "Pi" | "Pf" | "Pc" => Property::Punctuation,
            "S" | "Sm" | "Sc" | "Sk" | "So" => Property::Symbol,
            "Z" | "Zs" => Property::Separator,
            "M" | "Mn" | "Mc" | "Me" => Property::Mark,
            "C" | "Cc" => Property::Control,
            _ => return None,
        })
    }
}

impl Perl {
    fn matches(self, c: char) -> bool {
        match self {
            Perl::Word => is_word_char(c),
            Perl::Digit => c.is_ascii_digit(),
            Perl::Space => c.is_whitespace(),
        }
    }
}

impl Class {
    fn new(items: Vec<ClassItem>, negated: bool, fold: bool) -> Class {
        let mut class = Class {
            items,
            negated,
            fold,
            ascii: 0,
        };
        class.ascii = (0u8..128)
            .filter(|&b| class.matches_any(char::from(b)))
            .fold(0u128, |bits, b| bits | 1 << b);
        class
    }

    fn matches(&self, c: char) -> bool {
        if c.is_ascii() {
            return self.ascii >> (c as u32) & 1 == 1;
        }
        self.matches_any(c)
    }

    fn matches_any(&self, c: char) -> bool {
        let hit = |c: char| {
            self.items.iter().any(|item| match item {
                ClassItem::Range(a, b) => *a <= c && c <= *b,
                ClassItem::Perl(p, neg) => p.matches(c) != *neg,
                ClassItem::Property(p, neg) => p.matches(c) != *neg,
                ClassItem::Ascii(a, neg) => a.matches(c) != *neg,
            })
        };
        let mut found = hit(c);
        if !found && self.fold {
            found = other_case(c).is_some_and(hit)
                || c.to_uppercase().next().is_some_and(hit)
                || hit(fold(c));
        }
        found != self.negated
    }
}

/// Why a pattern was refused.
pub type SyntaxError = String;

#[derive(Clone, Copy)]
struct Flags {
    fold: bool,
    multiline: bool,
    dot_newline: bool,
    ungreedy: bool,
}

struct Parser<'p> {
    chars: Vec<char>,
    pos: usize,
    groups: usize,
    depth: usize,
    _source: &'p str,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn rest_starts_with(&self, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(i, c)| self.chars.get(self.pos + i) == Some(&c))
    }

    fn alternation(&mut self, flags: &mut Flags) -> Result<Node, SyntaxError> {
        let mut alternatives = vec![self.concat(flags)?];
        while self.eat('|') {
            alternatives.push(self.concat(flags)?);
        }
        if alternatives.len() == 1 {
            return Ok(alternatives.pop().unwrap_or(Node::Empty));
        }
        let firsts = alternatives.iter().map(first_of).collect();
        Ok(Node::Alt(alternatives, firsts))
    }

    fn concat(&mut self, flags: &mut Flags) -> Result<Node, SyntaxError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom(flags)?;
            let atom = self.quantified(atom, flags)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == start {
            return None;
        }
        self.chars[start..self.pos]
            .iter()
            .collect::<String>()
            .parse()
            .ok()
    }

    fn quantified(&mut self, atom: Node, flags: &Flags) -> Result<Node, SyntaxError> {
        let start = self.pos;
        let (min, max) = match self.peek() {
            Some('*') => {
                self.pos += 1;
                (0, None)
            }
            Some('+') => {
                self.pos += 1;
                (1, None)
            }
            Some('?') => {
                self.pos += 1;
                (0, Some(1))
            }
            Some('{') => {
                self.pos += 1;
                let Some(min) = self.number() else {
                    self.pos = start;
                    return Ok(atom);
                };
                let max = if self.eat(',') {
                    self.number()
                } else {
                    Some(min)
                };
                if !self.eat('}') {
                    self.pos = start;
                    return Ok(atom);
                }
                if min > MAX_REPEAT || max.is_some_and(|m| m > MAX_REPEAT) {
                    return Err(format!("repeat count above {MAX_REPEAT}"));
                }
                if max.is_some_and(|m| m < min) {
                    return Err(format!("invalid repeat {{{min},{}}}", max.unwrap_or(0)));
                }
                (min, max)
            }
            _ => return Ok(atom),
        };
        if matches!(
            atom,
            Node::Empty
                | Node::LineStart
                | Node::LineEnd
                | Node::TextStart
                | Node::TextEnd
                | Node::WordBoundary(_)
        ) {
            return Err("nothing to repeat before a quantifier".into());
        }
        let lazy = self.eat('?');
        if self.peek() == Some('+') || matches!(self.peek(), Some('*')) {
            return Err("two quantifiers in a row".into());
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy: lazy == flags.ungreedy,
        })
    }

    fn atom(&mut self, flags: &mut Flags) -> Result<Node, SyntaxError> {
        let Some(c) = self.peek() else {
            return Ok(Node::Empty);
        };
        self.pos += 1;
        Ok(match c {
            '(' => return self.group(flags),
            '[' => Node::Class(Box::new(self.class(flags)?)),
            '.' => Node::Any {
                newline: flags.dot_newline,
            },
            '^' => {
                if flags.multiline {
                    Node::LineStart
                } else {
                    Node::TextStart
                }
            }
            '$' => {
                if flags.multiline {
                    Node::LineEnd
                } else {
                    Node::TextEnd
                }
            }
            '\\' => return self.escape(flags),
            '*' | '+' | '?' => return Err(format!("`{c}` has nothing to repeat")),
            c => literal(c, flags),
        })
    }

    fn group(&mut self, flags: &mut Flags) -> Result<Node, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(format!("groups nested deeper than {MAX_NESTING}"));
        }
        let mut inner_flags = *flags;
        let mut capture = None;
        let mut look: Option<(bool, bool)> = None;
        if self.eat('?') {
            if self.eat(':') || self.eat('>') {
            } else if self.eat('=') {
                look = Some((true, false));
            } else if self.eat('!') {
                look = Some((true, true));
            } else if self.rest_starts_with("<=") {
                self.pos += 2;
                look = Some((false, false));
            } else if self.rest_starts_with("<!") {
                self.pos += 2;
                look = Some((false, true));
            } else if self.rest_starts_with("P<") || self.peek() == Some('<') {
                self.pos += if self.peek() == Some('P') { 2 } else { 1 };
                while self.peek().is_some_and(|c| c != '>') {
                    self.pos += 1;
                }
                if !self.eat('>') {
                    return Err("unterminated group name".into());
                }
                self.groups += 1;
                capture = Some(self.groups);
            } else {
                // Flags: (?i) (?-i) (?im:...) — applied to the rest of the enclosing group
                // when the group closes immediately, or to the group's content.
                let mut negate = false;
                loop {
                    match self.peek() {
                        Some('-') => negate = true,
                        Some('i') => inner_flags.fold = !negate,
                        Some('m') => inner_flags.multiline = !negate,
                        Some('s') => inner_flags.dot_newline = !negate,
                        Some('U') => inner_flags.ungreedy = !negate,
                        Some(')') => {
                            self.pos += 1;
                            self.depth -= 1;
                            *flags = inner_flags;
                            return Ok(Node::Empty);
                        }
                        Some(':') => {
                            self.pos += 1;
                            break;
                        }
                        Some(other) => return Err(format!("unknown group flag `{other}`")),
                        None => return Err("unterminated group".into()),
                    }
                    self.pos += 1;
                }
            }
        } else {
            self.groups += 1;
            capture = Some(self.groups);
        }
        let inner = self.alternation(&mut inner_flags)?;
        if !self.eat(')') {
            return Err("missing `)`".into());
        }
        self.depth -= 1;
        Ok(match look {
            Some((ahead, negate)) => Node::Look {
                node: Box::new(inner),
                ahead,
                negate,
            },
            None => Node::Group(Box::new(inner), capture),
        })
    }

    fn escape(&mut self, flags: &Flags) -> Result<Node, SyntaxError> {
        let Some(c) = self.peek() else {
            return Err("pattern ends with `\\`".into());
        };
        self.pos += 1;
        Ok(match c {
            'b' => Node::WordBoundary(true),
            'B' => Node::WordBoundary(false),
            'A' => Node::TextStart,
            'z' | 'Z' => Node::TextEnd,
            '1'..='9' => Node::Backref(c as usize - '0' as usize, flags.fold),
            'Q' => {
                let mut items = Vec::new();
                while self.pos < self.chars.len() && !self.rest_starts_with("\\E") {
                    items.push(literal(self.chars[self.pos], flags));
                    self.pos += 1;
                }
                self.pos = (self.pos + 2).min(self.chars.len());
                Node::Concat(items)
            }
            _ => {
                self.pos -= 1;
                match self.class_escape()? {
                    ClassItem::Range(a, _) => literal(a, flags),
                    item => Node::Class(Box::new(Class::new(vec![item], false, flags.fold))),
                }
            }
        })
    }

    /// An escape usable inside or outside a class (the `\` already consumed... not: at `pos`).
    fn class_escape(&mut self) -> Result<ClassItem, SyntaxError> {
        let Some(c) = self.peek() else {
            return Err("pattern ends with `\\`".into());
        };
        self.pos += 1;
        let ch = |c: char| Ok(ClassItem::Range(c, c));
        match c {
            'd' => Ok(ClassItem::Perl(Perl::Digit, false)),
            'D' => Ok(ClassItem::Perl(Perl::Digit, true)),
            'w' => Ok(ClassItem::Perl(Perl::Word, false)),
            'W' => Ok(ClassItem::Perl(Perl::Word, true)),
            's' => Ok(ClassItem::Perl(Perl::Space, false)),
            'S' => Ok(ClassItem::Perl(Perl::Space, true)),
            'p' | 'P' => {
                let name: String = if self.eat('{') {
                    let start = self.pos;
                    while self.peek().is_some_and(|c| c != '}') {
                        self.pos += 1;
                    }
                    let name = self.chars[start..self.pos].iter().collect();
                    if !self.eat('}') {
                        return Err("unterminated \\p{…}".into());
                    }
                    name
                } else {
                    match self.peek() {
                        Some(letter) => {
                            self.pos += 1;
                            letter.to_string()
                        }
                        None => return Err("`\\p` needs a class name".into()),
                    }
                };
                let (name, negated) = match name.strip_prefix('^') {
                    Some(n) => (n.to_string(), c == 'p'),
                    None => (name, c == 'P'),
                };
                let property = Property::parse(&name).ok_or_else(|| {
                    format!("Unicode class \\p{{{name}}} is not supported (use L, Lu, Ll, N, Nd, P, S, Z, M)")
                })?;
                Ok(ClassItem::Property(property, negated))
            }
            't' => ch('\t'),
            'n' => ch('\n'),
            'r' => ch('\r'),
            'f' => ch('\u{0C}'),
            'v' => ch('\u{0B}'),
            'a' => ch('\u{07}'),
            '0' => ch('\0'),
            'x' => {
                let hex: String = if self.eat('{') {
                    let start = self.pos;
                    while self.peek().is_some_and(|c| c != '}') {
                        self.pos += 1;
                    }
                    let h = self.chars[start..self.pos].iter().collect();
                    self.eat('}');
                    h
                } else {
                    let h = self.chars.iter().skip(self.pos).take(2).collect();
                    self.pos += 2;
                    h
                };
                u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .map(|c| ClassItem::Range(c, c))
                    .ok_or_else(|| format!("invalid hex escape \\x{hex}"))
            }
            c if c.is_ascii_alphanumeric() => Err(format!("unknown escape \\{c}")),
            c => ch(c),
        }
    }

    fn class(&mut self, flags: &Flags) -> Result<Class, SyntaxError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err("missing `]`".into());
            };
            if c == ']' && !first {
                self.pos += 1;
                break;
            }
            first = false;
            if self.rest_starts_with("[:") {
                let end = (self.pos + 2..self.chars.len()).find(|&i| self.rest_at(i, ":]"));
                if let Some(end) = end {
                    let raw: String = self.chars[self.pos + 2..end].iter().collect();
                    let (name, neg) = match raw.strip_prefix('^') {
                        Some(n) => (n.to_string(), true),
                        None => (raw, false),
                    };
                    let class = AsciiClass::parse(&name)
                        .ok_or_else(|| format!("unknown class [:{name}:]"))?;
                    items.push(ClassItem::Ascii(class, neg));
                    self.pos = end + 2;
                    continue;
                }
            }
            self.pos += 1;
            let start = if c == '\\' {
                match self.class_escape()? {
                    ClassItem::Range(a, _) => a,
                    other => {
                        items.push(other);
                        continue;
                    }
                }
            } else {
                c
            };
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&n| n != ']') {
                self.pos += 1;
                let Some(mut end) = self.peek() else {
                    return Err("missing `]`".into());
                };
                self.pos += 1;
                if end == '\\' {
                    match self.class_escape()? {
                        ClassItem::Range(a, _) => end = a,
                        _ => return Err("a class range cannot end with a class".into()),
                    }
                }
                if end < start {
                    return Err(format!("invalid class range {start}-{end}"));
                }
                items.push(ClassItem::Range(start, end));
            } else {
                items.push(ClassItem::Range(start, start));
            }
        }
        Ok(Class::new(items, negated, flags.fold))
    }

    fn rest_at(&self, i: usize, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(k, c)| self.chars.get(i + k) == Some(&c))
    }
}

fn literal(c: char, flags: &Flags) -> Node {
    Node::Char(c, if flags.fold { other_case(c) } else { None })
}

/// First characters a node can start with, when they can be listed (`None`: anything, or it
/// may match empty).
fn first_of(node: &Node) -> Option<First> {
    match node {
        Node::Char(c, other) => {
            let mut list = vec![*c];
            if let Some(o) = other {
                list.push(*o);
            }
            Some(First::Chars(list))
        }
        Node::Class(class) => Some(First::Class(class.clone())),
        Node::Group(inner, _) => first_of(inner),
        Node::Concat(items) => {
            for item in items {
                match item {
                    Node::WordBoundary(_) | Node::LineStart | Node::TextStart | Node::Empty => {
                        continue
                    }
                    Node::Look { .. } => return None,
                    other => return first_of(other),
                }
            }
            None
        }
        Node::Alt(alternatives, _) => {
            let mut chars = Vec::new();
            for a in alternatives {
                match first_of(a)? {
                    First::Chars(list) => chars.extend(list),
                    First::Class(_) => return None,
                }
            }
            Some(First::Chars(chars))
        }
        Node::Repeat { node, min, .. } if *min > 0 => first_of(node),
        _ => None,
    }
}

/// A compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Regex {
    root: Node,
    groups: usize,
    first: Option<First>,
    /// Bit `c` is set when ASCII character `c` can start a match (from `first`).
    first_ascii: u128,
}

/// A match: its byte range and the byte ranges of groups 1...
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub groups: Vec<Option<(usize, usize)>>,
}

/// Whether `node` only ever matches (and looks at) text within one line: nothing in it matches
/// a line break, and it has no anchor to the start or end of the whole text.
fn stays_on_one_line(node: &Node) -> bool {
    match node {
        Node::Empty
        | Node::LineStart
        | Node::LineEnd
        | Node::WordBoundary(_)
        | Node::Backref(..) => true,
        Node::TextStart | Node::TextEnd => false,
        Node::Char(c, other) => *c != '\n' && *other != Some('\n'),
        Node::Any { newline } => !newline,
        Node::Class(class) => !class.matches('\n'),
        Node::Group(inner, _)
        | Node::Repeat { node: inner, .. }
        | Node::Look { node: inner, .. } => stays_on_one_line(inner),
        Node::Concat(nodes) | Node::Alt(nodes, _) => nodes.iter().all(stays_on_one_line),
    }
}

impl Regex {
    /// Whether every match (lookarounds included) lies within one line, so searching a text
    /// line by line finds exactly what searching it whole does (up to the step budget, which
    /// only a runaway pattern reaches).
    pub fn is_line_local(&self) -> bool {
        stays_on_one_line(&self.root)
    }

    pub fn new(pattern: &str) -> Result<Regex, SyntaxError> {
        let mut parser = Parser {
            chars: pattern.chars().collect(),
            pos: 0,
            groups: 0,
            depth: 0,
            _source: pattern,
        };
        let mut flags = Flags {
            fold: false,
            multiline: false,
            dot_newline: false,
            ungreedy: false,
        };
        let root = parser.alternation(&mut flags)?;
        if parser.pos < parser.chars.len() {
            return Err("unmatched `)`".into());
        }
        let first = first_of(&root);
        let first_ascii = first.as_ref().map_or(u128::MAX, |first| {
            (0u8..128)
                .filter(|&b| first.matches(char::from(b)))
                .fold(0u128, |bits, b| bits | 1 << b)
        });
        Ok(Regex {
            root,
            groups: parser.groups,
            first,
            first_ascii,
        })
    }

    /// Every non-overlapping match, left to right, within a step budget that grows with the
    /// text ([`search_budget`]) and the shared budget, if one is set; past it the list ends
    /// early.
    pub fn find_all(&self, text: &str) -> Vec<Found> {
        self.search(text).0
    }

    /// [`Regex::find_all`], with the steps the search took and whether it stopped early.
    pub fn search(&self, text: &str) -> (Vec<Found>, BudgetUse) {
        self.search_within(text, search_budget(text.len()))
    }

    /// [`Regex::search`] with at most `budget` steps (fewer when the shared budget has less).
    pub fn search_within(&self, text: &str, budget: usize) -> (Vec<Found>, BudgetUse) {
        let shared = SHARED_STEPS.get();
        let budget = budget.min(shared.unwrap_or(usize::MAX));
        let mut matcher = Matcher {
            text,
            caps: vec![None; self.groups + 1],
            steps: 0,
            budget,
            depth: 0,
        };
        let found = self.run(&mut matcher);
        let steps = matcher.steps.min(budget);
        let stopped = matcher.steps > budget;
        if let Some(left) = shared {
            SHARED_STEPS.set(Some(left - steps));
        }
        if stopped {
            STOPPED.set(true);
        }
        (found, BudgetUse { steps, stopped })
    }

    fn run(&self, matcher: &mut Matcher<'_>) -> Vec<Found> {
        let text = matcher.text;
        if matcher.budget == 0 {
            matcher.steps = 1;
            return Vec::new();
        }
        let mut found: Vec<Found> = Vec::new();
        let mut start = 0;
        while start <= text.len() {
            if let Some(first) = &self.first {
                let can_start = |c: char| {
                    if c.is_ascii() {
                        self.first_ascii >> (c as u32) & 1 == 1
                    } else {
                        first.matches(c)
                    }
                };
                match text[start..].char_indices().find(|(_, c)| can_start(*c)) {
                    Some((i, _)) => start += i,
                    None => break,
                }
            }
            matcher.caps.iter_mut().for_each(|c| *c = None);
            let mut end = None;
            let hit = matcher.node(&self.root, start, &mut |_, p| {
                end = Some(p);
                true
            });
            if matcher.steps > matcher.budget {
                break;
            }
            match (hit, end) {
                // As in Go, an empty match right after the previous match is skipped.
                (true, Some(e)) if e == start && found.last().is_some_and(|f| f.end == start) => {
                    start = next_boundary(text, start);
                }
                (true, Some(e)) => {
                    found.push(Found {
                        start,
                        end: e,
                        groups: matcher.caps[1..].to_vec(),
                    });
                    start = if e > start {
                        e
                    } else {
                        next_boundary(text, start)
                    };
                }
                _ => start = next_boundary(text, start),
            }
        }
        found
    }

    pub fn is_match(&self, text: &str) -> bool {
        !self.find_all(text).is_empty()
    }
}

fn next_boundary(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(at + 1, |c| at + c.len_utf8())
}

type Next<'k, 't> = &'k mut dyn FnMut(&mut Matcher<'t>, usize) -> bool;

struct Matcher<'t> {
    text: &'t str,
    caps: Vec<Option<(usize, usize)>>,
    steps: usize,
    budget: usize,
    depth: usize,
}

impl<'t> Matcher<'t> {
    fn char_at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..).and_then(|s| s.chars().next())
    }

    fn char_before(&self, pos: usize) -> Option<char> {
        self.text.get(..pos).and_then(|s| s.chars().next_back())
    }

    /// Matches one character at `pos` for single-character nodes; `None` for other nodes.
    fn single(&self, node: &Node, pos: usize) -> Option<Option<usize>> {
        let c = self.char_at(pos);
        let step = |ok: bool| {
            Some(if ok {
                c.map(|c| pos + c.len_utf8())
            } else {
                None
            })
        };
        match node {
            Node::Char(a, b) => step(c.is_some_and(|c| c == *a || Some(c) == *b)),
            Node::Any { newline } => step(c.is_some_and(|c| *newline || c != '\n')),
            Node::Class(class) => step(c.is_some_and(|c| class.matches(c))),
            _ => None,
        }
    }

    fn node(&mut self, node: &Node, pos: usize, next: Next<'_, 't>) -> bool {
        self.steps += 1;
        if self.steps > self.budget || self.depth > MAX_DEPTH {
            self.steps = self.budget + 1;
            return false;
        }
        if let Some(step) = self.single(node, pos) {
            return match step {
                Some(p) => next(self, p),
                None => false,
            };
        }
        match node {
            Node::Empty => next(self, pos),
            Node::LineStart => {
                (pos == 0 || self.text.as_bytes()[pos - 1] == b'\n') && next(self, pos)
            }
            Node::LineEnd => {
                (pos == self.text.len() || self.text.as_bytes()[pos] == b'\n') && next(self, pos)
            }
            Node::TextStart => pos == 0 && next(self, pos),
            Node::TextEnd => pos == self.text.len() && next(self, pos),
            Node::WordBoundary(want) => {
                let before = self.char_before(pos).is_some_and(is_word_char);
                let after = self.char_at(pos).is_some_and(is_word_char);
                ((before != after) == *want) && next(self, pos)
            }
            Node::Group(inner, capture) => match capture {
                None => self.node(inner, pos, next),
                Some(i) => {
                    let i = *i;
                    self.node(inner, pos, &mut |m: &mut Matcher<'t>, p| {
                        let old = m.caps[i];
                        m.caps[i] = Some((pos, p));
                        if next(m, p) {
                            true
                        } else {
                            m.caps[i] = old;
                            false
                        }
                    })
                }
            },
            Node::Concat(items) => self.sequence(items, pos, next),
            Node::Alt(alternatives, firsts) => {
                let c = self.char_at(pos);
                for (alternative, first) in alternatives.iter().zip(firsts) {
                    if let Some(first) = first {
                        if !c.is_some_and(|c| first.matches(c)) {
                            continue;
                        }
                    }
                    if self.node(alternative, pos, &mut *next) {
                        return true;
                    }
                    if self.steps > self.budget {
                        return false;
                    }
                }
                false
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => {
                if self.single(node, pos).is_some() {
                    self.simple_repeat(node, *min, *max, *greedy, pos, next)
                } else {
                    self.depth += 1;
                    let r = self.repeat(node, *min, *max, *greedy, 0, pos, next);
                    self.depth -= 1;
                    r
                }
            }
            Node::Look {
                node,
                ahead,
                negate,
            } => {
                let saved = self.caps.clone();
                let matched = if *ahead {
                    self.node(node, pos, &mut |_, _| true)
                } else {
                    let floor = pos.saturating_sub(MAX_LOOKBEHIND);
                    let mut found = false;
                    let mut start = pos;
                    loop {
                        if self.text.is_char_boundary(start)
                            && self.node(node, start, &mut |_, p| p == pos)
                        {
                            found = true;
                            break;
                        }
                        if start == floor || start == 0 {
                            break;
                        }
                        start -= 1;
                    }
                    found
                };
                if *negate {
                    self.caps.clone_from(&saved);
                }
                if matched != *negate {
                    next(self, pos)
                } else {
                    self.caps = saved;
                    false
                }
            }
            Node::Backref(i, fold_case) => {
                let Some(Some((s, e))) = self.caps.get(*i).copied() else {
                    return false;
                };
                let wanted = &self.text[s..e];
                let rest = &self.text[pos..];
                let len = wanted.len();
                let ok = if *fold_case {
                    let mut it = rest.char_indices();
                    let mut taken = 0;
                    let mut all = true;
                    for w in wanted.chars() {
                        match it.next() {
                            Some((i, c)) if fold(c) == fold(w) => taken = i + c.len_utf8(),
                            _ => {
                                all = false;
                                break;
                            }
                        }
                    }
                    if all {
                        return next(self, pos + taken);
                    }
                    false
                } else {
                    rest.starts_with(wanted)
                };
                ok && next(self, pos + len)
            }
            Node::Char(..) | Node::Any { .. } | Node::Class(_) => false,
        }
    }

    /// Zero-width assertions that need no continuation: `Some(holds)`, `None` for other nodes.
    fn assertion(&self, node: &Node, pos: usize) -> Option<bool> {
        Some(match node {
            Node::Empty => true,
            Node::LineStart => pos == 0 || self.text.as_bytes()[pos - 1] == b'\n',
            Node::LineEnd => pos == self.text.len() || self.text.as_bytes()[pos] == b'\n',
            Node::TextStart => pos == 0,
            Node::TextEnd => pos == self.text.len(),
            Node::WordBoundary(want) => {
                let before = self.char_before(pos).is_some_and(is_word_char);
                let after = self.char_at(pos).is_some_and(is_word_char);
                (before != after) == *want
            }
            _ => return None,
        })
    }

    /// Matches `items` in order; single characters and assertions advance in a loop, only
    /// nodes that can backtrack recurse.
    fn sequence(&mut self, items: &[Node], pos: usize, next: Next<'_, 't>) -> bool {
        let mut pos = pos;
        let mut i = 0;
        while i < items.len() {
            if let Some(step) = self.single(&items[i], pos) {
                match step {
                    Some(p) => pos = p,
                    None => return false,
                }
            } else if let Some(holds) = self.assertion(&items[i], pos) {
                if !holds {
                    return false;
                }
            } else {
                break;
            }
            self.steps += 1;
            i += 1;
        }
        match items[i..].split_first() {
            None => next(self, pos),
            Some((first, rest)) => {
                self.depth += 1;
                let r = self.node(first, pos, &mut |m: &mut Matcher<'t>, p| {
                    m.sequence(rest, p, &mut *next)
                });
                self.depth -= 1;
                r
            }
        }
    }

    fn simple_repeat(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        pos: usize,
        next: Next<'_, 't>,
    ) -> bool {
        let mut ends = vec![pos];
        let mut at = pos;
        while max.is_none_or(|m| (ends.len() - 1) < m as usize) {
            match self.single(node, at) {
                Some(Some(p)) => {
                    at = p;
                    ends.push(p);
                }
                _ => break,
            }
        }
        self.steps += ends.len();
        if ends.len() - 1 < min as usize {
            return false;
        }
        let candidates = &ends[min as usize..];
        if greedy {
            for &p in candidates.iter().rev() {
                if next(self, p) {
                    return true;
                }
                if self.steps > self.budget {
                    return false;
                }
            }
        } else {
            for &p in candidates {
                if next(self, p) {
                    return true;
                }
                if self.steps > self.budget {
                    return false;
                }
            }
        }
        false
    }

    #[allow(clippy::too_many_arguments)]
    fn repeat(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        count: u32,
        pos: usize,
        next: Next<'_, 't>,
    ) -> bool {
        if self.depth > MAX_DEPTH {
            self.steps = self.budget + 1;
            return false;
        }
        if count < min {
            self.depth += 1;
            let r = self.node(node, pos, &mut |m: &mut Matcher<'t>, p| {
                m.repeat(node, min, max, greedy, count + 1, p, &mut *next)
            });
            self.depth -= 1;
            return r;
        }
        let can_more = max.is_none_or(|m| count < m);
        let more = |m: &mut Matcher<'t>, next: Next<'_, 't>| {
            m.depth += 1;
            let r = m.node(node, pos, &mut |m2: &mut Matcher<'t>, p| {
                p != pos && m2.repeat(node, min, max, greedy, count + 1, p, &mut *next)
            });
            m.depth -= 1;
            r
        };
        // Greedy tries one more repetition before stopping; lazy stops first.
        let order = if greedy { [true, false] } else { [false, true] };
        for another in order {
            let matched = if another {
                can_more && more(self, &mut *next)
            } else {
                next(self, pos)
            };
            if matched {
                return true;
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_under_a_shared_budget_leaves_the_next_check_a_fresh_budget() {
        let panicked =
            std::panic::catch_unwind(|| with_shared_budget::<()>(0, || panic!("a rule failed")));
        assert!(panicked.is_err());
        assert!(!shared_budget_spent());
        let (found, used) = with_shared_budget(1_000_000, || spans("o", "two words"));
        assert_eq!(found, vec!["o", "o"]);
        assert!(used.steps > 0);
        assert!(!used.stopped);
    }

    #[test]
    fn patterns_that_cannot_cross_a_line_break_are_line_local() {
        let local = |p: &str| Regex::new(p).map(|r| r.is_line_local()).ok();
        assert_eq!(local(r"(?i)\b(?:in order to|utilize)\b"), Some(true));
        assert_eq!(local(r"(?m)^Step \d+:"), Some(true));
        assert_eq!(local(r"(?<![\w#])giveaway"), Some(true));
        assert_eq!(local(r"in\s+order"), Some(false));
        assert_eq!(local(r"[^a]+"), Some(false));
        assert_eq!(local(r"(?s)a.b"), Some(false));
        assert_eq!(local(r"^Hello"), Some(false));
    }

    fn spans(pattern: &str, text: &str) -> Vec<String> {
        Regex::new(pattern)
            .unwrap()
            .find_all(text)
            .iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn literals_classes_and_quantifiers() {
        assert_eq!(
            spans(r"\d{1,2} ?[ap]m\b", "at 7 am or 10pm, not 7amx"),
            vec!["7 am", "10pm"]
        );
        assert_eq!(spans(r"[a-z]+[!?]{2,}", "great idea!! ok?"), vec!["idea!!"]);
        assert_eq!(
            spans(r"colou?r", "color colour colr"),
            vec!["color", "colour"]
        );
        assert_eq!(spans(r"a.*?b", "a1b a22b"), vec!["a1b", "a22b"]);
        assert_eq!(spans(r"[^\s]+", "two words"), vec!["two", "words"]);
        assert_eq!(spans(r"[[:upper:]]{2,}", "An NBA game"), vec!["NBA"]);
    }

    #[test]
    fn case_folding_and_word_boundaries_are_unicode_aware() {
        assert_eq!(
            spans(r"(?i)\bété\b", "Cet ÉTÉ, l'été arrive, pas étéx"),
            vec!["ÉTÉ", "été"]
        );
        assert_eq!(
            spans(
                r"(?i)\b(?:very|fairly)\b",
                "Very good, fairly new, everything"
            ),
            vec!["Very", "fairly"]
        );
        assert_eq!(
            spans(r"\p{Lu}\p{Ll}+", "Élodie et Marc"),
            vec!["Élodie", "Marc"]
        );
    }

    #[test]
    fn anchors_and_multiline() {
        assert_eq!(
            spans(r"(?m)^But", "But yes\nand But\nBut no"),
            vec!["But", "But"]
        );
        assert_eq!(spans(r"^But", "But yes\nBut no"), vec!["But"]);
        assert_eq!(spans(r"end$", "the end\nthe end"), vec!["end"]);
    }

    #[test]
    fn groups_alternation_and_captures() {
        let re = Regex::new(r"\b(?:(color)|(colour))\b").unwrap();
        let found = re.find_all("colour then color");
        assert_eq!(found[0].groups, vec![None, Some((0, 6))]);
        assert_eq!(found[1].groups, vec![Some((12, 17)), None]);
        assert_eq!(spans(r"(?P<word>ab)+c", "ababc abc"), vec!["ababc", "abc"]);
    }

    #[test]
    fn lookaround_and_backreferences() {
        assert_eq!(
            spans(r"\bgiveaway\b(?!.*#ad)", "giveaway now #ad"),
            Vec::<String>::new()
        );
        assert_eq!(
            spans(r"\bgiveaway\b(?!.*#ad)", "giveaway now"),
            vec!["giveaway"]
        );
        assert_eq!(spans(r"(?<=\$)\d+", "pay $30 or 40"), vec!["30"]);
        assert_eq!(spans(r"(?<!\$)\b\d+", "pay $30 or 40"), vec!["40"]);
        assert_eq!(
            spans(r"(?i)\b(\w+) \1\b", "The the end, the them"),
            vec!["The the"]
        );
    }

    #[test]
    fn bad_patterns_are_errors_not_panics() {
        for bad in [
            "(",
            "a)",
            "[a-",
            "*a",
            "a{2,1}",
            r"\p{Greek}",
            "a**",
            r"\k",
            "(?z)",
            "a{1001}",
        ] {
            assert!(Regex::new(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn catastrophic_backtracking_is_stopped_by_the_budget() {
        let re = Regex::new(r"^(a+)+$").unwrap();
        let text = format!("{}b", "a".repeat(64));
        assert!(re.find_all(&text).is_empty());
        let re = Regex::new(r"(x+x+)+y").unwrap();
        assert!(re.find_all(&"x".repeat(200)).is_empty());
    }

    #[test]
    fn a_runaway_search_with_lookaround_or_backreferences_stops_within_its_counted_budget() {
        for (pattern, unit) in [
            (r"(?=(\w+\s?)+$)\w", "ab "),
            (r"\w(?!(?:\w|\w\w)+,$)", "a"),
            (r"(?<=(?:a|aa)+)-", "a"),
            (r"(a|a)*\1$", "a"),
            (r"^(a+)+$", "a"),
        ] {
            let re = Regex::new(pattern).unwrap();
            for repeat in [30, 300, 3_000] {
                let text = format!("{}!", unit.repeat(repeat));
                let (_, used) = re.search(&text);
                assert!(
                    used.stopped,
                    "{pattern} on {repeat} units finished: {used:?}"
                );
                assert!(
                    used.steps <= search_budget(text.len()),
                    "{pattern} on {repeat} units took {} steps, budget {}",
                    used.steps,
                    search_budget(text.len())
                );
            }
        }
    }

    #[test]
    fn searches_under_a_shared_budget_stop_together_once_it_is_spent() {
        let runaway = Regex::new(r"^(a+)+$").unwrap();
        let simple = Regex::new(r"b").unwrap();
        let text = format!("{}b", "a".repeat(40));
        let ((first, second), used) =
            with_shared_budget(50_000, || (runaway.search(&text), simple.find_all(&text)));
        assert!(first.1.stopped);
        assert!(
            second.is_empty(),
            "the budget was spent: nothing more is searched"
        );
        assert!(used.stopped && used.steps <= 50_000, "{used:?}");
        // Outside the shared budget, the simple search works again.
        assert_eq!(simple.find_all(&text).len(), 1);
    }

    #[test]
    fn long_texts_do_not_overflow_the_stack() {
        let text = "word ".repeat(20_000);
        assert_eq!(Regex::new(r"(?s).*").unwrap().find_all(&text).len(), 1);
        // A group repeated more times than the depth bound stops rather than overflowing.
        let _ = Regex::new(r"(?:word )+").unwrap().find_all(&text);
        let short = "word ".repeat(100);
        assert_eq!(Regex::new(r"(?:word )+").unwrap().find_all(&short).len(), 1);
    }
}
