//! The small closed word lists tone rules read, per language: negations, intensifiers, contrast
//! words, chat forms, formal markers, hedges, hype, blame and threats. Written for Plume; the
//! open-class vocabulary (valence, profanity) lives in the lexicons.

use super::{lexicon, Lang};

/// Words that flip the valence of what follows within three words.
pub fn negations(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "nowhere",
            "cannot", "without", "hardly", "barely", "rarely", "aint", "dont", "cant", "wont",
            "isnt", "doesnt", "didnt", "wasnt", "shouldnt", "wouldnt", "couldnt", "nope",
        ],
        Lang::Fr => &[
            "ne",
            "pas",
            "jamais",
            "rien",
            "aucun",
            "aucune",
            "sans",
            "ni",
            "guère",
            "nullement",
        ],
    }
}

/// Words that open a concession: what follows, up to the next punctuation mark, is granted
/// rather than claimed (`despite the delays`, `malgré la pluie`).
pub fn concessions(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["despite", "notwithstanding"],
        Lang::Fr => &["malgré"],
    }
}

/// Laughter tokens, in either language.
pub const LAUGHTER: &[&str] = &[
    "lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "hehe", "mdr", "ptdr", "xd",
];

/// An intensifier's scalar (a dampener's is negative), VADER's ±0.293 scale.
const UP: f32 = 0.293;
const DOWN: f32 = -0.293;

/// Intensifiers (positive scalar) and dampeners (negative).
pub fn boosters(lang: Lang) -> &'static [(&'static str, f32)] {
    match lang {
        Lang::En => &[
            ("absolutely", UP),
            ("amazingly", UP),
            ("awfully", UP),
            ("completely", UP),
            ("deeply", UP),
            ("enormously", UP),
            ("entirely", UP),
            ("especially", UP),
            ("exceptionally", UP),
            ("extremely", UP),
            ("fully", UP),
            ("greatly", UP),
            ("highly", UP),
            ("hugely", UP),
            ("incredibly", UP),
            ("insanely", UP),
            ("intensely", UP),
            ("particularly", UP),
            ("really", UP),
            ("remarkably", UP),
            ("so", UP),
            ("soo", UP),
            ("sooo", UP),
            ("totally", UP),
            ("truly", UP),
            ("tremendously", UP),
            ("unbelievably", UP),
            ("utterly", UP),
            ("very", UP),
            ("super", UP),
            ("pretty", UP),
            ("most", UP),
            ("more", UP),
            ("hella", UP),
            ("mad", UP),
            ("almost", DOWN),
            ("barely", DOWN),
            ("hardly", DOWN),
            ("kinda", DOWN),
            ("less", DOWN),
            ("marginally", DOWN),
            ("partly", DOWN),
            ("scarcely", DOWN),
            ("slightly", DOWN),
            ("somewhat", DOWN),
            ("sorta", DOWN),
            ("fairly", DOWN),
        ],
        Lang::Fr => &[
            ("très", UP),
            ("trop", UP),
            ("vraiment", UP),
            ("tellement", UP),
            ("super", UP),
            ("hyper", UP),
            ("extrêmement", UP),
            ("absolument", UP),
            ("totalement", UP),
            ("complètement", UP),
            ("carrément", UP),
            ("énormément", UP),
            ("si", UP),
            ("grave", UP),
            ("vachement", UP),
            ("particulièrement", UP),
            ("tout", UP),
            ("peu", DOWN),
            ("plutôt", DOWN),
            ("légèrement", DOWN),
            ("moyennement", DOWN),
            ("assez", DOWN),
            ("presque", DOWN),
        ],
    }
}

/// Contrast words: what follows weighs more than what precedes (`good but slow`).
pub fn contrasts(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["but", "however", "although", "though", "yet"],
        Lang::Fr => &["mais", "cependant", "pourtant", "toutefois", "néanmoins"],
    }
}

/// Chat forms and slang that make a draft casual, with a calmer written form where one is safe.
pub fn chat_forms(lang: Lang) -> &'static [(&'static str, Option<&'static str>)] {
    match lang {
        Lang::En => &[
            ("lol", None),
            ("lmao", None),
            ("lmfao", None),
            ("rofl", None),
            ("omg", None),
            ("omfg", None),
            ("u", Some("you")),
            ("ur", Some("your")),
            ("r", Some("are")),
            ("pls", Some("please")),
            ("plz", Some("please")),
            ("thx", Some("thanks")),
            ("ty", Some("thank you")),
            ("gonna", Some("going to")),
            ("wanna", Some("want to")),
            ("gotta", Some("have to")),
            ("kinda", Some("kind of")),
            ("sorta", Some("sort of")),
            ("btw", Some("by the way")),
            ("idk", Some("I don't know")),
            ("imo", Some("in my view")),
            ("imho", Some("in my view")),
            ("tbh", Some("to be honest")),
            ("ngl", None),
            ("fyi", None),
            ("asap", Some("as soon as possible")),
            ("yeah", Some("yes")),
            ("yep", Some("yes")),
            ("nope", Some("no")),
            ("cuz", Some("because")),
            ("coz", Some("because")),
            ("bc", Some("because")),
            ("tho", Some("though")),
            ("thru", Some("through")),
            ("ya", Some("you")),
            ("y'all", Some("you all")),
            ("dude", None),
            ("guys", None),
            ("hey", None),
            ("yo", None),
            ("haha", None),
            ("hahaha", None),
            ("hehe", None),
            ("wow", None),
            ("yay", None),
            ("awesome", None),
            ("cool", None),
            ("smh", None),
            ("fr", None),
            ("rn", Some("right now")),
            ("af", None),
            ("lit", None),
            ("ok", None),
            ("okay", None),
            ("nah", Some("no")),
            ("stuff", None),
            ("gotcha", None),
            ("dunno", Some("don't know")),
        ],
        Lang::Fr => &[
            ("mdr", None),
            ("ptdr", None),
            ("lol", None),
            ("stp", Some("s'il te plaît")),
            ("svp", Some("s'il vous plaît")),
            ("slt", Some("salut")),
            ("cc", Some("coucou")),
            ("tkt", Some("ne t'inquiète pas")),
            ("jsp", Some("je ne sais pas")),
            ("pk", Some("pourquoi")),
            ("pq", Some("pourquoi")),
            ("pcq", Some("parce que")),
            ("bcp", Some("beaucoup")),
            ("dsl", Some("désolé")),
            ("mtn", Some("maintenant")),
            ("ouais", Some("oui")),
            ("ouai", Some("oui")),
            ("bah", None),
            ("ben", None),
            ("bref", None),
            ("genre", None),
            ("trop", None),
            ("grave", None),
            ("ouf", None),
            ("kiffe", None),
            ("kiffer", None),
            ("relou", None),
            ("chelou", None),
            ("truc", None),
            ("trucs", None),
            ("coucou", None),
            ("salut", None),
            ("wesh", None),
            ("bisous", None),
            ("mec", None),
            ("nan", Some("non")),
            ("ptn", None),
            ("super", None),
            ("cool", None),
            ("top", None),
            ("ok", None),
            ("tu", None),
            ("t'", None),
            ("ton", None),
            ("ta", None),
            ("tes", None),
            ("toi", None),
        ],
    }
}

/// Markers of written, formal register.
pub fn formal_markers(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "however",
            "therefore",
            "furthermore",
            "moreover",
            "regarding",
            "accordingly",
            "consequently",
            "nevertheless",
            "hereby",
            "pursuant",
            "kindly",
            "sincerely",
            "regards",
            "dear",
            "pleased",
            "delighted",
            "announce",
            "inform",
            "apologise",
            "apologize",
            "inconvenience",
            "assistance",
            "ensure",
            "provide",
            "request",
            "following",
            "additionally",
            "respectively",
            "please",
            "thank",
            "whom",
            "shall",
            "appreciate",
            "acknowledge",
            "approximately",
            "subsequently",
            "currently",
            "regret",
            "notify",
            "customers",
            "colleagues",
            "ladies",
            "gentlemen",
            "thereby",
            "we",
        ],
        Lang::Fr => &[
            "cordialement",
            "néanmoins",
            "toutefois",
            "cependant",
            "ainsi",
            "afin",
            "veuillez",
            "madame",
            "monsieur",
            "mesdames",
            "messieurs",
            "vous",
            "votre",
            "vos",
            "nous",
            "notre",
            "nos",
            "plaisir",
            "informer",
            "annoncer",
            "remercions",
            "remercier",
            "sincèrement",
            "conformément",
            "concernant",
            "désormais",
            "également",
            "actuellement",
            "disposition",
            "préalablement",
            "dont",
            "lequel",
            "laquelle",
            "auprès",
            "excuses",
            "clients",
            "clientes",
            "salutations",
        ],
    }
}

/// Hedges: words and phrases that soften a claim until it sounds unsure.
pub fn hedges(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "i think",
            "i guess",
            "i feel like",
            "i believe",
            "i suppose",
            "maybe",
            "perhaps",
            "probably",
            "possibly",
            "sort of",
            "kind of",
            "kinda",
            "sorta",
            "just",
            "might",
            "somewhat",
            "a bit",
            "a little",
            "hopefully",
            "i hope",
            "not sure",
            "i'm not sure",
            "it seems",
            "seems like",
            "if that's ok",
            "if possible",
            "basically",
            "more or less",
            "apparently",
        ],
        Lang::Fr => &[
            "je pense",
            "je crois",
            "il me semble",
            "peut-être",
            "peut être",
            "probablement",
            "éventuellement",
            "un peu",
            "en quelque sorte",
            "juste",
            "genre",
            "plus ou moins",
            "j'imagine",
            "je suppose",
            "sans doute",
            "il semble",
            "si possible",
            "a priori",
            "je ne suis pas sûr",
            "pas sûr",
            "on dirait",
        ],
    }
}

/// Clickbait phrases: always hype, worth a diagnostic.
pub fn clickbait(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "you won't believe",
            "you wont believe",
            "you will not believe",
            "you'll never guess",
            "you will never guess",
            "what happens next",
            "this one trick",
            "will blow your mind",
            "blow your mind",
            "mind blowing",
            "mind-blowing",
            "will shock you",
            "doctors hate",
            "don't miss out",
            "dont miss out",
            "before it's too late",
            "act now",
            "once in a lifetime",
            "game changer",
            "game-changer",
            "must see",
            "must-see",
            "you need to see",
            "breaking the internet",
            "nobody is talking about",
            "the truth about",
            "this changes everything",
            "like never before",
        ],
        Lang::Fr => &[
            "vous n'allez pas croire",
            "tu ne vas pas croire",
            "vous allez halluciner",
            "à couper le souffle",
            "incontournable",
            "à ne pas manquer",
            "à ne surtout pas manquer",
            "ne ratez pas",
            "ne manquez pas",
            "avant qu'il ne soit trop tard",
            "la vérité sur",
            "ça va vous choquer",
            "va vous choquer",
            "du jamais vu",
            "révolutionnaire",
            "ça change tout",
            "comme jamais",
        ],
    }
}

/// Superlatives and hype words: they push the hype score, no diagnostic on their own.
pub fn superlatives(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "best",
            "ever",
            "greatest",
            "ultimate",
            "incredible",
            "unbelievable",
            "insane",
            "epic",
            "revolutionary",
            "amazing",
            "biggest",
            "unprecedented",
            "legendary",
            "unmissable",
            "exclusive",
            "guaranteed",
            "shocking",
            "jaw-dropping",
            "massive",
            "huge",
            "perfect",
            "unreal",
            "craziest",
            "viral",
            "everything",
        ],
        Lang::Fr => &[
            "meilleur",
            "meilleure",
            "meilleurs",
            "incroyable",
            "incroyables",
            "exceptionnel",
            "exceptionnelle",
            "inédit",
            "inédite",
            "exclusif",
            "exclusive",
            "ultime",
            "révolutionnaire",
            "énorme",
            "dingue",
            "fou",
            "folle",
            "hallucinant",
            "magique",
            "parfait",
            "parfaite",
            "jamais",
            "historique",
            "garanti",
            "choc",
        ],
    }
}

/// Words that aim a sentence at the reader.
pub fn second_person(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "you", "your", "you're", "youre", "u", "ur", "yours", "yourself", "ya", "y'all",
        ],
        Lang::Fr => &[
            "tu", "t'", "te", "toi", "ton", "ta", "tes", "vous", "votre", "vos", "t'es",
        ],
    }
}

/// Words that point at a third person: what is said next to them is said of someone.
pub fn third_person(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "he", "she", "they", "him", "her", "them", "he's", "she's", "they're",
        ],
        Lang::Fr => &["il", "elle", "ils", "elles", "lui", "eux"],
    }
}

/// Blame aimed at the reader.
pub fn blame(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "your fault",
            "you always",
            "you never",
            "shame on you",
            "how dare you",
            "you people",
            "you should be ashamed",
            "what is wrong with you",
            "what's wrong with you",
            "who do you think you are",
            "you ruined",
            "you failed",
            "you clearly",
            "you obviously",
            "get a clue",
            "get a life",
            "grow up",
            "shut up",
            "nobody asked you",
            "learn to read",
        ],
        Lang::Fr => &[
            "ta faute",
            "votre faute",
            "tu es toujours",
            "vous êtes toujours",
            "honte à vous",
            "honte à toi",
            "comment osez-vous",
            "comment oses-tu",
            "ferme-la",
            "tais-toi",
            "taisez-vous",
            "on ne vous a rien demandé",
            "vous avez tout gâché",
            "tu as tout gâché",
            "c'est de ta faute",
            "c'est de votre faute",
        ],
    }
}

/// Threats: the clearest hostility.
pub fn threats(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "i will kill",
            "i'll kill",
            "gonna kill",
            "going to kill",
            "i will destroy",
            "i'll destroy",
            "watch your back",
            "you'll regret",
            "you will regret",
            "i know where you live",
            "you're dead",
            "you are dead",
            "i'll find you",
            "i will find you",
            "i'll hurt",
            "i will hurt",
            "you'll pay",
            "you will pay",
            "i'll end you",
            "kill yourself",
            "kys",
            "die in a fire",
        ],
        Lang::Fr => &[
            "je vais te tuer",
            "je vais vous tuer",
            "je vais te détruire",
            "je vais te retrouver",
            "tu vas le regretter",
            "vous allez le regretter",
            "tu vas le payer",
            "vous allez le payer",
            "je sais où tu habites",
            "t'es mort",
            "tu es mort",
            "fais gaffe à toi",
            "crève",
            "va crever",
            "je vais te défoncer",
        ],
    }
}

/// Insults that are not in the profanity lists.
pub fn insults(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "idiot",
            "idiots",
            "moron",
            "morons",
            "stupid",
            "dumb",
            "loser",
            "losers",
            "pathetic",
            "clown",
            "clowns",
            "incompetent",
            "useless",
            "worthless",
            "disgrace",
            "liar",
            "liars",
            "scum",
            "trash",
            "garbage",
            "fool",
            "fools",
            "ignorant",
            "hypocrite",
            "hypocrites",
            "joke",
            "imbecile",
            "cretin",
            "dimwit",
            "clueless",
            "snowflake",
            "crook",
            "crooks",
            "coward",
            "cowards",
            "traitor",
            "traitors",
            "bigot",
            "bigots",
            "fascist",
            "fascists",
            "thug",
            "thugs",
            "creep",
            "psycho",
            "lunatic",
            "lunatics",
            "jerk",
            "scumbag",
            "scumbags",
            "fraud",
            "wacko",
            "buffoon",
            "twit",
            "weirdo",
            "sociopath",
            "degenerate",
            "deplorables",
            "halfwit",
            "nutjob",
        ],
        Lang::Fr => &[
            "idiot",
            "idiote",
            "idiots",
            "imbécile",
            "imbéciles",
            "crétin",
            "crétins",
            "nul",
            "nuls",
            "nulle",
            "incapable",
            "incapables",
            "incompétent",
            "incompétents",
            "minable",
            "minables",
            "pathétique",
            "bouffon",
            "bouffons",
            "menteur",
            "menteurs",
            "abruti",
            "abrutis",
            "débile",
            "débiles",
            "clown",
            "clowns",
            "honte",
            "pitoyable",
            "ridicule",
            "facho",
            "fachos",
            "traître",
            "traîtres",
            "escroc",
            "escrocs",
            "voyou",
            "voyous",
            "lâche",
            "lâches",
            "guignol",
            "guignols",
            "tocard",
            "tocards",
            "boloss",
            "cassos",
            "pourri",
            "pourris",
            "raclure",
            "ordure",
            "ordures",
            "minus",
        ],
    }
}

/// Irony markers: phrases that say the praise around them is meant the other way
/// (`yeah right`, `thanks for nothing`, `merci pour rien`).
pub fn sarcasm(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "yeah right",
            "yeah sure",
            "thanks for nothing",
            "oh great",
            "oh joy",
            "oh wonderful",
            "what a surprise",
            "big surprise",
            "just great",
            "so much for",
            "said no one ever",
            "said nobody ever",
        ],
        Lang::Fr => &[
            "merci pour rien",
            "merci de rien",
            "c'est ça oui",
            "quelle surprise",
            "encore bravo",
            "bah bravo",
            "ben bravo",
            "super merci",
            "génial merci",
            "manquait plus que ça",
            "il ne manquait plus que ça",
        ],
    }
}

/// Emoji that mark what is said beside them as ironic: eye roll, upside-down face, unamused.
pub fn is_sarcasm_emoji(emoji: &str) -> bool {
    matches!(emoji.trim_end_matches('\u{fe0f}'), "🙄" | "🙃" | "😒")
}

/// Emoji that are profane gestures (the middle finger, with or without a skin tone).
pub fn is_profane_emoji(emoji: &str) -> bool {
    emoji.starts_with('🖕')
}

/// Apology formulas: politeness that frames the negative words after it (`sorry for the delay`).
pub fn apologies(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &[
            "sorry",
            "we apologise",
            "we apologize",
            "apologies",
            "our apologies",
            "we regret",
            "i apologise",
            "i apologize",
        ],
        Lang::Fr => &[
            "désolé",
            "désolée",
            "désolés",
            "navré",
            "navrée",
            "navrés",
            "nous nous excusons",
            "toutes nos excuses",
            "veuillez nous excuser",
            "pardon pour",
            "nous regrettons",
        ],
    }
}

/// The phrase lists [`WordCues::starts_phrase`] knows the first words of, in bit order.
pub fn phrase_lists(lang: Lang) -> [&'static [&'static str]; 7] {
    [
        apologies(lang),
        sarcasm(lang),
        threats(lang),
        blame(lang),
        hedges(lang),
        clickbait(lang),
        superlatives(lang),
    ]
}

/// What the closed word lists above say of one word (an item's lowercase form, apostrophes as
/// `'`), found with a single lookup when the draft is read, so the dimensions test bits instead
/// of searching lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordCues(u32);

impl WordCues {
    const NEGATION: u32 = 1;
    const CONCESSION: u32 = 1 << 1;
    const LAUGHTER: u32 = 1 << 2;
    const INTENSIFIER: u32 = 1 << 3;
    const DAMPENER: u32 = 1 << 4;
    const CONTRAST: u32 = 1 << 5;
    const CHAT: u32 = 1 << 6;
    const FORMAL: u32 = 1 << 7;
    const SECOND_PERSON: u32 = 1 << 8;
    const THIRD_PERSON: u32 = 1 << 9;
    const INSULT: u32 = 1 << 10;
    const INCLUSIVE_TERM: u32 = 1 << 11;
    const INCLUSIVE_HEAD: u32 = 1 << 12;
    /// Bit `PHRASE_HEADS + k`: the word can start a phrase of `phrase_lists(lang)[k]`.
    const PHRASE_HEADS: u32 = 16;

    /// The cues of `word` in `lang`.
    pub fn of(lang: Lang, word: &str) -> WordCues {
        let mut cues = index(lang).get(word).copied().unwrap_or_default();
        if lang == Lang::En && word.ends_with("n't") {
            cues.0 |= Self::NEGATION;
        }
        cues
    }

    fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    /// The word flips the valence of what follows (`not`, `don't`, `ne`…): [`negations`].
    pub fn negation(self) -> bool {
        self.has(Self::NEGATION)
    }

    /// The word opens a concession: [`concessions`].
    pub fn concession(self) -> bool {
        self.has(Self::CONCESSION)
    }

    /// The word is laughter: [`LAUGHTER`].
    pub fn laughter(self) -> bool {
        self.has(Self::LAUGHTER)
    }

    /// The word's scalar as an intensifier or a dampener: [`boosters`].
    pub fn booster(self) -> Option<f32> {
        if self.has(Self::INTENSIFIER) {
            Some(UP)
        } else if self.has(Self::DAMPENER) {
            Some(DOWN)
        } else {
            None
        }
    }

    /// The word is a contrast word: [`contrasts`].
    pub fn contrast(self) -> bool {
        self.has(Self::CONTRAST)
    }

    /// The word is a chat form: [`chat_forms`].
    pub fn chat(self) -> bool {
        self.has(Self::CHAT)
    }

    /// The word marks formal register: [`formal_markers`].
    pub fn formal(self) -> bool {
        self.has(Self::FORMAL)
    }

    /// The word aims at the reader: [`second_person`].
    pub fn second_person(self) -> bool {
        self.has(Self::SECOND_PERSON)
    }

    /// The word points at a third person: [`third_person`].
    pub fn third_person(self) -> bool {
        self.has(Self::THIRD_PERSON)
    }

    /// The word is an insult: [`insults`].
    pub fn insult(self) -> bool {
        self.has(Self::INSULT)
    }

    /// The word is an inclusive-language term ([`lexicon::TERMS`], English only).
    pub fn inclusive_term(self) -> bool {
        self.has(Self::INCLUSIVE_TERM)
    }

    /// The word starts a multi-word inclusive-language term ([`lexicon::TERMS`], English only).
    pub fn inclusive_head(self) -> bool {
        self.has(Self::INCLUSIVE_HEAD)
    }

    /// Whether the word can start a phrase of list `k` of [`phrase_lists`]: the phrase's first
    /// word (its clitic, in French: `c'` of `c'est ça oui`), or `ne` for a phrase that starts
    /// with `n'`. A word without the bit starts no phrase of the list.
    pub fn starts_phrase(self, k: usize) -> bool {
        k < 16 && self.has(1 << (Self::PHRASE_HEADS + k as u32))
    }
}

/// A fast, non-cryptographic string hash for the cue index (keys are short listed words).
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

type CueMap =
    std::collections::HashMap<&'static str, WordCues, std::hash::BuildHasherDefault<WordHasher>>;

/// Every listed word of `lang` with its cues, built on first use.
fn index(lang: Lang) -> &'static CueMap {
    use std::sync::OnceLock;
    static EN: OnceLock<CueMap> = OnceLock::new();
    static FR: OnceLock<CueMap> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    };
    cell.get_or_init(|| build_index(lang))
}

fn build_index(lang: Lang) -> CueMap {
    fn add(map: &mut CueMap, words: &[&'static str], bit: u32) {
        for &word in words {
            map.entry(word).or_default().0 |= bit;
        }
    }
    let mut map = CueMap::with_capacity_and_hasher(2048, Default::default());
    add(&mut map, negations(lang), WordCues::NEGATION);
    add(&mut map, concessions(lang), WordCues::CONCESSION);
    add(&mut map, LAUGHTER, WordCues::LAUGHTER);
    for &(word, scalar) in boosters(lang) {
        let cues = map.entry(word).or_default();
        // The first listing of a word decides, as a search of the list would.
        if cues.booster().is_none() {
            cues.0 |= if scalar > 0.0 {
                WordCues::INTENSIFIER
            } else {
                WordCues::DAMPENER
            };
        }
    }
    add(&mut map, contrasts(lang), WordCues::CONTRAST);
    for &(word, _) in chat_forms(lang) {
        map.entry(word).or_default().0 |= WordCues::CHAT;
    }
    add(&mut map, formal_markers(lang), WordCues::FORMAL);
    add(&mut map, second_person(lang), WordCues::SECOND_PERSON);
    add(&mut map, third_person(lang), WordCues::THIRD_PERSON);
    add(&mut map, insults(lang), WordCues::INSULT);
    if lang == Lang::En {
        for term in lexicon::TERMS.keys() {
            add(&mut map, &[term], WordCues::INCLUSIVE_TERM);
        }
        add(&mut map, lexicon::TERMS.heads(), WordCues::INCLUSIVE_HEAD);
    }
    for (k, phrases) in phrase_lists(lang).into_iter().enumerate() {
        let bit = 1 << (WordCues::PHRASE_HEADS + k as u32);
        for phrase in phrases {
            let head = super::draft::first_piece(lang, phrase);
            add(&mut map, &[head], bit);
            if head == "n'" {
                add(&mut map, &["ne"], bit);
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_carries_its_cue() {
        for lang in [Lang::En, Lang::Fr] {
            for word in negations(lang) {
                assert!(WordCues::of(lang, word).negation(), "{word}");
            }
            for word in insults(lang) {
                assert!(WordCues::of(lang, word).insult(), "{word}");
            }
            for word in formal_markers(lang) {
                assert!(WordCues::of(lang, word).formal(), "{word}");
            }
            for (word, scalar) in boosters(lang) {
                assert_eq!(WordCues::of(lang, word).booster(), Some(*scalar), "{word}");
            }
        }
        assert!(WordCues::of(Lang::En, "doesn't").negation());
        assert!(!WordCues::of(Lang::Fr, "doesn't").negation());
        assert!(WordCues::of(Lang::Fr, "vous").second_person());
        assert!(WordCues::of(Lang::En, "they").third_person());
        assert_eq!(WordCues::of(Lang::En, "table"), WordCues::default());
    }

    #[test]
    fn phrase_lists_mark_their_first_words_and_elided_negations() {
        let blame = 3;
        assert!(std::ptr::eq(
            phrase_lists(Lang::En)[blame],
            super::blame(Lang::En)
        ));
        assert!(WordCues::of(Lang::En, "shame").starts_phrase(blame));
        assert!(!WordCues::of(Lang::En, "fault").starts_phrase(blame));
        let clickbait = 5;
        // `vous n'allez pas croire` starts with `vous`; `ne ratez pas` with `ne`, and a draft's
        // `n'` reads as `ne`: `n'allez pas croire`-like phrases start at `ne` too.
        assert!(WordCues::of(Lang::Fr, "vous").starts_phrase(clickbait));
        assert!(WordCues::of(Lang::Fr, "ne").starts_phrase(clickbait));
        // `c'est ça oui` starts with the clitic `c'`.
        assert!(WordCues::of(Lang::Fr, "c'").starts_phrase(1));
        assert!(!WordCues::of(Lang::Fr, "c'est").starts_phrase(1));
    }
}
