//! Morphology: what a word can be (part of speech and features), and the [`Lexicon`] trait every
//! language's lexicon implements so rules can read words and inflect fixes.
//!
//! Features are small bit sets: a reading whose set for a feature is empty says nothing about it
//! (an invariable adjective has no gender), and a non-empty set lists every value the reading
//! allows (`you` is second person, singular *and* plural). Two readings agree on a feature when
//! either says nothing or their sets meet.

/// Part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    Noun,
    Verb,
    Adj,
    Adv,
    Det,
    Pron,
    Prep,
    Conj,
    /// Auxiliary verbs: forms of *be*, *have*, *do* (English), *être*, *avoir* (French).
    Aux,
    Modal,
    Num,
    Propn,
    Interj,
}

impl Pos {
    pub const ALL: [Pos; 13] = [
        Pos::Noun,
        Pos::Verb,
        Pos::Adj,
        Pos::Adv,
        Pos::Det,
        Pos::Pron,
        Pos::Prep,
        Pos::Conj,
        Pos::Aux,
        Pos::Modal,
        Pos::Num,
        Pos::Propn,
        Pos::Interj,
    ];

    /// The name used in rule files (`noun`, `verb`…).
    pub fn name(self) -> &'static str {
        match self {
            Pos::Noun => "noun",
            Pos::Verb => "verb",
            Pos::Adj => "adj",
            Pos::Adv => "adv",
            Pos::Det => "det",
            Pos::Pron => "pron",
            Pos::Prep => "prep",
            Pos::Conj => "conj",
            Pos::Aux => "aux",
            Pos::Modal => "modal",
            Pos::Num => "num",
            Pos::Propn => "propn",
            Pos::Interj => "interj",
        }
    }

    pub fn parse(name: &str) -> Option<Pos> {
        Pos::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// A feature a reading may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feature {
    /// `sg`, `pl`.
    Num,
    /// `m`, `f`.
    Gen,
    /// `1`, `2`, `3`.
    Per,
    /// Verb form: `inf`, `ing`, `pp` (past participle), `past`, `pres`; `fin` (finite) in a test
    /// means `past|pres`.
    Form,
    /// French mood: `ind`, `subj`, `imp` (imperative), `inf`, `ppres`, `ppas`, `cond`.
    Mood,
    /// Tense: `pres`, `impf` (imparfait), `ps` (passé simple), `fut`, `past`.
    Tense,
}

impl Feature {
    pub const ALL: [Feature; 6] = [
        Feature::Num,
        Feature::Gen,
        Feature::Per,
        Feature::Form,
        Feature::Mood,
        Feature::Tense,
    ];

    /// The name used in rule files.
    pub fn name(self) -> &'static str {
        match self {
            Feature::Num => "num",
            Feature::Gen => "gen",
            Feature::Per => "per",
            Feature::Form => "form",
            Feature::Mood => "mood",
            Feature::Tense => "tense",
        }
    }

    pub fn parse(name: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The feature's values, in bit order (value `i` is bit `1 << i`).
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Feature::Num => &["sg", "pl"],
            Feature::Gen => &["m", "f"],
            Feature::Per => &["1", "2", "3"],
            Feature::Form => &["inf", "ing", "pp", "past", "pres"],
            Feature::Mood => &["ind", "subj", "imp", "inf", "ppres", "ppas", "cond"],
            Feature::Tense => &["pres", "impf", "ps", "fut", "past"],
        }
    }

    /// The bit set of one value name (`fin` is `past|pres` for `form`); `None` if unknown.
    pub fn value(self, name: &str) -> Option<u8> {
        if self == Feature::Form && name == "fin" {
            return Some(FORM_PAST | FORM_PRES);
        }
        let i = self.values().iter().position(|v| *v == name)?;
        Some(1 << i)
    }

    fn index(self) -> usize {
        self as usize
    }
}

pub const SG: u8 = 1;
pub const PL: u8 = 2;
pub const MASC: u8 = 1;
pub const FEM: u8 = 2;
pub const FIRST: u8 = 1;
pub const SECOND: u8 = 2;
pub const THIRD: u8 = 4;
pub const FORM_INF: u8 = 1;
pub const FORM_ING: u8 = 2;
pub const FORM_PP: u8 = 4;
pub const FORM_PAST: u8 = 8;
pub const FORM_PRES: u8 = 16;

/// The features of one reading: for each [`Feature`], the set of values it allows (empty: says
/// nothing about it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Features([u8; 6]);

impl Features {
    pub fn get(&self, feature: Feature) -> u8 {
        self.0[feature.index()]
    }

    pub fn set(&mut self, feature: Feature, values: u8) {
        self.0[feature.index()] = values;
    }

    /// These features with `feature` set to `values`.
    pub fn with(mut self, feature: Feature, values: u8) -> Features {
        self.set(feature, values);
        self
    }

    /// Whether this reading allows one of `values` for `feature` (a reading that says nothing
    /// about the feature allows every value).
    pub fn allows(&self, feature: Feature, values: u8) -> bool {
        let own = self.get(feature);
        own == 0 || own & values != 0
    }

    /// Whether two readings agree on `feature`.
    pub fn agrees(&self, other: &Features, feature: Feature) -> bool {
        let (a, b) = (self.get(feature), other.get(feature));
        a == 0 || b == 0 || a & b != 0
    }
}

/// One way to read a word: its lemma, part of speech and features.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub lemma: String,
    pub pos: Pos,
    pub features: Features,
}

impl Analysis {
    pub fn new(lemma: &str, pos: Pos, features: Features) -> Analysis {
        Analysis {
            lemma: lemma.to_string(),
            pos,
            features,
        }
    }
}

/// A language's lexicon: what a word can be, and the form of a lemma with given features.
pub trait Lexicon: Send + Sync {
    /// Every reading of `word` (lowercase); empty when the word is unknown.
    fn analyses(&self, word: &str) -> Vec<Analysis>;

    /// The form of `lemma` as `pos` with `wanted` features (each non-empty set names the value
    /// wanted, its lowest bit first), lowercase; `None` when the lexicon knows no such form.
    fn inflect(&self, lemma: &str, pos: Pos, wanted: &Features) -> Option<String>;

    /// Whether `word` (lowercase, straight apostrophes) starts with an elided word that reads
    /// as a word of its own (French `l'équipe` = `l'` + `équipe`): the clitic's length in
    /// characters, apostrophe included. English keeps `don't` whole.
    fn elision(&self, _word: &str) -> Option<usize> {
        None
    }
}

/// Lines of a data file without comments and blank lines.
pub fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// Reads one line of a lexicon's closed-class list (`en/closed.txt`, `fr/closed.txt`): `word pos [lemma=…] [feature=values…] [+]`.
pub fn closed_entry(line: &'static str) -> Option<(&'static str, Analysis, bool)> {
    let mut fields = line.split_whitespace();
    let word = fields.next()?;
    let pos = Pos::parse(fields.next()?)?;
    let mut lemma = word;
    let mut features = Features::default();
    let mut plus = false;
    for field in fields {
        if field == "+" {
            plus = true;
        } else if let Some(l) = field.strip_prefix("lemma=") {
            lemma = l;
        } else {
            let (key, values) = field.split_once('=')?;
            let feature = Feature::parse(key)?;
            let mut mask = 0;
            for v in values.split('|') {
                mask |= feature.value(v)?;
            }
            features.set(feature, mask);
        }
    }
    Some((word, Analysis::new(lemma, pos, features), plus))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for pos in Pos::ALL {
            assert_eq!(Pos::parse(pos.name()), Some(pos));
        }
        for feature in Feature::ALL {
            assert_eq!(Feature::parse(feature.name()), Some(feature));
            for value in feature.values() {
                assert!(feature.value(value).is_some());
            }
        }
        assert_eq!(Feature::Form.value("fin"), Some(FORM_PAST | FORM_PRES));
        assert_eq!(Feature::Num.value("du"), None);
    }

    #[test]
    fn an_unspecified_feature_agrees_with_anything() {
        let you = Features::default().with(Feature::Num, SG | PL);
        let was = Features::default().with(Feature::Num, SG);
        let were = Features::default().with(Feature::Num, PL);
        let rapide = Features::default();
        assert!(you.agrees(&was, Feature::Num));
        assert!(!was.agrees(&were, Feature::Num));
        assert!(rapide.agrees(&was, Feature::Num));
        assert!(rapide.allows(Feature::Gen, FEM));
        assert!(!was.allows(Feature::Num, PL));
    }
}
