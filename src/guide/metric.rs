//! Metric rules: a formula over text statistics (words, sentences, syllables…) compared with a
//! threshold. Readability is built in: `flesch` (Flesch reading ease, English) and
//! `kandel_moles` (Kandel & Moles' adaptation of Flesch to French).

/// Text statistics a formula may name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub words: f64,
    pub sentences: f64,
    pub paragraphs: f64,
    pub syllables: f64,
    pub characters: f64,
    /// Words of three or more syllables.
    pub complex_words: f64,
    /// Words of seven letters or more.
    pub long_words: f64,
    pub hashtags: f64,
    pub mentions: f64,
    pub links: f64,
    pub emoji: f64,
}

impl Stats {
    fn get(&self, name: &str) -> Option<f64> {
        let per_word = |v: f64| {
            if self.words > 0.0 {
                v / self.words
            } else {
                0.0
            }
        };
        let words_per_sentence = if self.sentences > 0.0 {
            self.words / self.sentences
        } else {
            self.words
        };
        Some(match name {
            "words" => self.words,
            "sentences" => self.sentences,
            "paragraphs" => self.paragraphs,
            "syllables" => self.syllables,
            "characters" => self.characters,
            "complex_words" | "polysyllabic_words" => self.complex_words,
            "long_words" => self.long_words,
            "hashtags" => self.hashtags,
            "mentions" => self.mentions,
            "links" => self.links,
            "emoji" => self.emoji,
            "words_per_sentence" => words_per_sentence,
            "flesch" => 206.835 - 1.015 * words_per_sentence - 84.6 * per_word(self.syllables),
            "kandel_moles" => 207.0 - 1.015 * words_per_sentence - 73.6 * per_word(self.syllables),
            _ => return None,
        })
    }
}

/// Names a formula may use.
pub const VARIABLES: &[&str] = &[
    "words",
    "sentences",
    "paragraphs",
    "syllables",
    "characters",
    "complex_words",
    "polysyllabic_words",
    "long_words",
    "hashtags",
    "mentions",
    "links",
    "emoji",
    "words_per_sentence",
    "flesch",
    "kandel_moles",
];

/// Syllables in an English or French word, by vowel groups (a close estimate, as every
/// readability tool uses).
pub fn syllables(word: &str, french: bool) -> usize {
    let lower: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if lower.is_empty() {
        return 0;
    }
    let is_vowel = |c: char| "aeiouyàâäéèêëîïôöùûüÿœæ".contains(c);
    let mut groups = 0;
    let mut previous = false;
    for &c in &lower {
        let vowel = is_vowel(c);
        if vowel && !previous {
            groups += 1;
        }
        previous = vowel;
    }
    let n = lower.len();
    let ends = |s: &str| lower.iter().collect::<String>().ends_with(s);
    if french {
        // A final mute "e" / "es" / "ent" (verbs) is not pronounced.
        if groups > 1 && (ends("e") || ends("es") || (ends("ent") && n > 4)) {
            groups -= 1;
        }
    } else {
        let silent_e = ends("e") && !ends("le") && !ends("ee");
        let silent_es = ends("es") && !ends("ses") && !ends("ces") && !ends("ges");
        if groups > 1 && (silent_e || silent_es) {
            groups -= 1;
        }
    }
    groups.max(1)
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Number(f64),
    Variable(String),
    Unary(Box<Expr>),
    Binary(char, Box<Expr>, Box<Expr>),
    /// `math.sqrt(…)`, as Vale's formulas write it.
    Sqrt(Box<Expr>),
}

/// A parsed arithmetic formula (`+ - * /`, parentheses, numbers and [`VARIABLES`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    expr: Expr,
    source: String,
}

impl Formula {
    pub fn parse(source: &str) -> Result<Formula, String> {
        let tokens = lex(source)?;
        let mut parser = Parser { tokens, pos: 0 };
        let expr = parser.sum(0)?;
        if parser.pos != parser.tokens.len() {
            return Err(format!("unexpected text in formula {source:?}"));
        }
        Ok(Formula {
            expr,
            source: source.to_string(),
        })
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The formula's value; a division by zero gives 0.
    pub fn eval(&self, stats: &Stats) -> f64 {
        eval(&self.expr, stats)
    }
}

fn eval(expr: &Expr, stats: &Stats) -> f64 {
    match expr {
        Expr::Number(n) => *n,
        Expr::Variable(v) => stats.get(v).unwrap_or(0.0),
        Expr::Unary(e) => -eval(e, stats),
        Expr::Sqrt(e) => eval(e, stats).max(0.0).sqrt(),
        Expr::Binary(op, a, b) => {
            let (a, b) = (eval(a, stats), eval(b, stats));
            match op {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                _ => {
                    if b == 0.0 {
                        0.0
                    } else {
                        a / b
                    }
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Lexeme {
    Number(f64),
    Name(String),
    Op(char),
}

fn lex(source: &str) -> Result<Vec<Lexeme>, String> {
    let mut out = Vec::new();
    let chars: Vec<char> = source.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() || c == '.' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            out.push(Lexeme::Number(
                text.parse()
                    .map_err(|_| format!("{text:?} is not a number"))?,
            ));
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let name: String = chars[start..i].iter().collect();
            if name == "math" && chars[i..].starts_with(&['.', 's', 'q', 'r', 't']) {
                i += ".sqrt".len();
                out.push(Lexeme::Name("math.sqrt".into()));
                continue;
            }
            if !VARIABLES.contains(&name.as_str()) {
                return Err(format!(
                    "unknown variable {name:?} in formula: use {} or math.sqrt(…)",
                    VARIABLES.join(", ")
                ));
            }
            out.push(Lexeme::Name(name));
        } else if "+-*/()".contains(c) {
            out.push(Lexeme::Op(c));
            i += 1;
        } else {
            return Err(format!("unexpected {c:?} in formula"));
        }
    }
    if out.len() > 500 {
        return Err("formula is longer than 500 terms".into());
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Lexeme>,
    pos: usize,
}

impl Parser {
    fn sum(&mut self, depth: usize) -> Result<Expr, String> {
        let mut left = self.product(depth)?;
        while let Some(Lexeme::Op(op @ ('+' | '-'))) = self.tokens.get(self.pos).cloned() {
            self.pos += 1;
            let right = self.product(depth)?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn product(&mut self, depth: usize) -> Result<Expr, String> {
        let mut left = self.atom(depth)?;
        while let Some(Lexeme::Op(op @ ('*' | '/'))) = self.tokens.get(self.pos).cloned() {
            self.pos += 1;
            let right = self.atom(depth)?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn atom(&mut self, depth: usize) -> Result<Expr, String> {
        if depth > 32 {
            return Err("formula is nested too deeply".into());
        }
        let token = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        match token {
            Some(Lexeme::Number(n)) => Ok(Expr::Number(n)),
            Some(Lexeme::Name(n)) if n == "math.sqrt" => {
                if self.tokens.get(self.pos) != Some(&Lexeme::Op('(')) {
                    return Err("`math.sqrt` needs `(`".into());
                }
                Ok(Expr::Sqrt(Box::new(self.atom(depth + 1)?)))
            }
            Some(Lexeme::Name(n)) => Ok(Expr::Variable(n)),
            Some(Lexeme::Op('-')) => Ok(Expr::Unary(Box::new(self.atom(depth + 1)?))),
            Some(Lexeme::Op('(')) => {
                let inner = self.sum(depth + 1)?;
                if self.tokens.get(self.pos) != Some(&Lexeme::Op(')')) {
                    return Err("missing `)` in formula".into());
                }
                self.pos += 1;
                Ok(inner)
            }
            _ => Err("formula ends early or has two operators in a row".into()),
        }
    }
}

/// A comparison such as `> 25` or `<= 60`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Condition {
    op: CompareOp,
    value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum CompareOp {
    Greater,
    GreaterEq,
    Less,
    LessEq,
    Equal,
    NotEqual,
}

impl Condition {
    pub fn parse(source: &str) -> Result<Condition, String> {
        let s = source.trim();
        let (op, rest) = [
            (">=", CompareOp::GreaterEq),
            ("<=", CompareOp::LessEq),
            ("==", CompareOp::Equal),
            ("!=", CompareOp::NotEqual),
            (">", CompareOp::Greater),
            ("<", CompareOp::Less),
        ]
        .iter()
        .find_map(|(p, op)| s.strip_prefix(p).map(|rest| (*op, rest)))
        .ok_or_else(|| format!("condition {source:?} must start with >, >=, <, <=, == or !="))?;
        let value = rest
            .trim()
            .parse::<f64>()
            .map_err(|_| format!("condition {source:?} must end with a number"))?;
        Ok(Condition { op, value })
    }

    /// Whether `value` meets the condition (and so raises an alert).
    pub fn holds(&self, value: f64) -> bool {
        match self.op {
            CompareOp::Greater => value > self.value,
            CompareOp::GreaterEq => value >= self.value,
            CompareOp::Less => value < self.value,
            CompareOp::LessEq => value <= self.value,
            CompareOp::Equal => (value - self.value).abs() < 1e-9,
            CompareOp::NotEqual => (value - self.value).abs() >= 1e-9,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_counted_by_vowel_groups_in_english_and_french() {
        assert_eq!(syllables("readability", false), 5);
        assert_eq!(syllables("make", false), 1);
        assert_eq!(syllables("table", false), 2);
        assert_eq!(syllables("lancement", true), 2);
        assert_eq!(syllables("équipe", true), 2);
        assert_eq!(syllables("aujourd'hui", true), 3);
    }

    #[test]
    fn formulas_follow_arithmetic_precedence() {
        let stats = Stats {
            words: 30.0,
            sentences: 2.0,
            ..Stats::default()
        };
        let f = Formula::parse("(words / sentences) * 2 - 1").unwrap();
        assert_eq!(f.eval(&stats), 29.0);
        assert!(Formula::parse("words / bananas").is_err());
        assert!(Formula::parse("words +").is_err());
    }

    #[test]
    fn formulas_take_a_square_root_as_vale_writes_it() {
        let stats = Stats {
            complex_words: 12.0,
            sentences: 10.0,
            ..Stats::default()
        };
        // SMOG: 1.0430 * sqrt(complex * 30 / sentences) + 3.1291 = 1.043 * 6 + 3.1291.
        let f = Formula::parse("1.0430 * math.sqrt((complex_words * 30.0) / sentences) + 3.1291")
            .unwrap();
        assert!((f.eval(&stats) - (1.043 * 6.0 + 3.1291)).abs() < 1e-9);
        assert!(Formula::parse("math.sqrt words").is_err());
        assert!(Formula::parse("math.cbrt(words)").is_err());
    }

    #[test]
    fn flesch_and_kandel_moles_follow_their_published_formulas() {
        // "The cat sat on the mat.": 6 words, 1 sentence, 6 syllables.
        let stats = Stats {
            words: 6.0,
            sentences: 1.0,
            syllables: 6.0,
            ..Stats::default()
        };
        let flesch = Formula::parse("flesch").unwrap().eval(&stats);
        assert!((flesch - (206.835 - 1.015 * 6.0 - 84.6)).abs() < 1e-9);
        let kandel_moles = Formula::parse("kandel_moles").unwrap().eval(&stats);
        assert!((kandel_moles - (207.0 - 1.015 * 6.0 - 73.6)).abs() < 1e-9);
    }

    #[test]
    fn conditions_compare_with_a_threshold() {
        let c = Condition::parse("> 25").unwrap();
        assert!(c.holds(26.0) && !c.holds(25.0));
        assert!(Condition::parse("about 25").is_err());
    }
}
