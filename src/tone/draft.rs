//! A draft as the tone analysis reads it: the tokens turned into lowercase words, emoji,
//! emoticons and punctuation marks, grouped into sentences. French elisions (`n'aime`) are split
//! into the clitic and the word, so `n'` counts as a negation and `aime` is looked up alone.
//! Masked profanity (`f*ck`, `sh!t`, `m3rde`) is read as one word, the word it hides.

use std::borrow::Cow;

use crate::report::Span;
use crate::text::{hashtag_parts, Token, TokenKind};

use super::cues::{self, WordCues};
use super::{lexicon, Lang};

/// What one item of a draft is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A word (or a hashtag's word part): `lower` holds its lowercase form.
    Word,
    /// An emoji.
    Emoji,
    /// An emoticon such as `:)` or `<3`: `lower` holds it.
    Emoticon,
    /// A run of touching punctuation such as `!!!` or `?!`: `lower` holds it.
    Punct,
}

/// One word, emoji, emoticon or punctuation run.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'a> {
    pub kind: ItemKind,
    pub span: Span,
    /// Lowercase form, apostrophes normalised to `'` (borrowed from the draft when it is
    /// written so already, as most words are).
    pub lower: Cow<'a, str>,
    /// The word is written in capitals (two letters or more, no lowercase).
    pub caps: bool,
    /// The word comes from a hashtag (no caps emphasis, no formality cue).
    pub in_hashtag: bool,
    /// Index of the sentence the item belongs to.
    pub sentence: usize,
    /// The language lexicon's entry for a word, looked up once for every dimension.
    pub entry: Option<lexicon::Entry>,
    /// What the closed word lists say of `lower`, looked up once for every dimension.
    pub cues: WordCues,
}

/// The draft, read once.
#[derive(Debug, Clone)]
pub struct Draft<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub items: Vec<Item<'a>>,
    /// Byte span of each sentence (first to last token).
    pub sentences: Vec<Span>,
    /// Words in the draft, hashtags included.
    pub words: usize,
}

/// French clitics that elide before a vowel: `l'`, `d'`, `n'`, `j'`, `qu'`…
const FRENCH_CLITICS: &[&str] = &[
    "l", "d", "n", "j", "m", "t", "s", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Whether a word is written in capitals: no lowercase letter and at least two letters.
pub fn is_caps_word(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// A profane word written with masking characters (`f*ck`, `sh!t`, `a$$`, `m3rde`): the
/// touching tokens from `i` that spell it, as the end index and the word.
fn masked_profanity(text: &str, tokens: &[Token], i: usize, lang: Lang) -> Option<(usize, String)> {
    let first = tokens[i];
    if !matches!(first.kind, TokenKind::Word | TokenKind::Number) {
        return None;
    }
    let mut end = i + 1;
    while end < tokens.len()
        && tokens[end].span.start == tokens[end - 1].span.end
        && matches!(
            tokens[end].kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Punctuation
        )
    {
        end += 1;
    }
    // Cheap test first: a lone word is not masked; a lone number must mix in letters.
    if end == i + 1
        && !(first.kind == TokenKind::Number && first.text(text).chars().any(char::is_alphabetic))
    {
        return None;
    }
    let whole = &text[first.span.start..tokens[end - 1].span.end];
    if !whole.contains(['*', '$', '@', '!', '0', '1', '3', '4', '5', '7']) {
        return None;
    }
    // The longest run that unmasks (trailing `!` or `.` may be punctuation, not a mask).
    while end > i {
        let run = &text[first.span.start..tokens[end - 1].span.end];
        if let Some(word) = lexicon::unmask(lang, run) {
            return Some((end, word));
        }
        end -= 1;
    }
    None
}

/// A phrase word as the draft reads it: in French, an elision splits into the clitic with its
/// apostrophe and the word (`n'allez` → `n'`, `allez`).
fn pieces(lang: Lang, word: &str) -> [Option<&str>; 2] {
    let split = match lang {
        Lang::Fr => word
            .split_once('\'')
            .filter(|(c, rest)| FRENCH_CLITICS.contains(c) && !rest.is_empty()),
        Lang::En => None,
    };
    match split {
        Some((clitic, rest)) => [Some(&word[..clitic.len() + 1]), Some(rest)],
        None => [Some(word), None],
    }
}

/// The items a phrase (lowercase words separated by spaces) must match in `lang`, in order:
/// its words, with French elisions split as the draft's are.
fn phrase_pieces(lang: Lang, phrase: &'static str) -> Vec<&'static str> {
    phrase
        .split(' ')
        .flat_map(|word| pieces(lang, word).into_iter().flatten())
        .collect()
}

/// The first item a phrase (lowercase words separated by spaces) must match in `lang`.
pub fn first_piece(lang: Lang, phrase: &'static str) -> &'static str {
    let word = phrase.split(' ').next().unwrap_or(phrase);
    pieces(lang, word)[0].unwrap_or(word)
}

/// A word's lowercase form with apostrophes as `'`: the word itself when it is written so
/// already, else a copy of [`normalise_into`]'s (which `scratch` holds after the call).
fn normalised<'t>(word: &'t str, scratch: &mut String) -> Cow<'t, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return Cow::Borrowed(word);
    }
    normalise_into(word, scratch);
    if scratch == word {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(scratch.clone())
    }
}

/// Writes a word's lowercase form with apostrophes as `'` into `out` (cleared first), so a
/// caller can reuse one buffer.
pub fn normalise_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if c == '’' {
            out.push('\'');
        } else if c == 'Σ' {
            // `str::to_lowercase` lowercases character by character, except for a final sigma,
            // which depends on its neighbours: such words take the long way.
            out.clear();
            out.push_str(&word.replace('’', "'").to_lowercase());
            return;
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

fn ends_sentence(punct: &str) -> bool {
    punct.contains(['.', '!', '?', '…'])
}

impl<'a> Draft<'a> {
    /// Reads `tokens` of `text` as a draft in `lang`.
    pub fn read(text: &'a str, tokens: &[Token], lang: Lang) -> Draft<'a> {
        let mut items: Vec<Item<'a>> = Vec::with_capacity(tokens.len());
        let mut sentence = 0usize;
        let mut sentence_open = false;
        let mut prev_end = 0usize;
        let mut words = 0usize;
        let mut scratch = String::new();
        let mut i = 0;
        while i < tokens.len() {
            let token = tokens[i];
            let gap = &text[prev_end.min(token.span.start)..token.span.start];
            if sentence_open && gap.contains('\n') {
                sentence += 1;
                sentence_open = false;
            }
            let raw = token.text(text);
            let item = |kind, span, lower: Cow<'a, str>, caps, in_hashtag| Item {
                kind,
                span,
                lower,
                caps,
                in_hashtag,
                sentence,
                entry: None,
                cues: WordCues::default(),
            };
            if let Some((end, word)) = masked_profanity(text, tokens, i, lang) {
                let span = Span::new(token.span.start, tokens[end - 1].span.end);
                words += 1;
                items.push(item(
                    ItemKind::Word,
                    span,
                    Cow::Owned(word),
                    is_caps_word(&text[span.start..span.end]),
                    false,
                ));
                sentence_open = true;
                prev_end = span.end;
                i = end;
                continue;
            }
            match token.kind {
                TokenKind::Word => {
                    words += 1;
                    let lower = normalised(raw, &mut scratch);
                    let caps = is_caps_word(raw);
                    // The length of an elided clitic (`qu` of `qu'il`).
                    let clitic_len = match lang {
                        Lang::Fr => lower
                            .split_once('\'')
                            .filter(|(clitic, rest)| {
                                FRENCH_CLITICS.contains(clitic) && !rest.is_empty()
                            })
                            .map(|(clitic, _)| clitic.len()),
                        Lang::En => None,
                    };
                    if let Some(n) = clitic_len {
                        let cut = token.span.start + raw.find(['\'', '’']).unwrap_or(0);
                        let after = cut
                            + raw[cut - token.span.start..]
                                .chars()
                                .next()
                                .map_or(1, char::len_utf8);
                        // The clitic with its apostrophe (`n'` reads as `ne`), and the word.
                        let (clitic, rest): (Cow<'a, str>, Cow<'a, str>) = match lower {
                            Cow::Borrowed(l) => {
                                (Cow::Borrowed(&l[..=n]), Cow::Borrowed(&l[n + 1..]))
                            }
                            Cow::Owned(l) => (
                                Cow::Owned(l[..=n].to_string()),
                                Cow::Owned(l[n + 1..].to_string()),
                            ),
                        };
                        let clitic = if clitic == "n'" {
                            Cow::Borrowed("ne")
                        } else {
                            clitic
                        };
                        items.push(item(
                            ItemKind::Word,
                            Span::new(token.span.start, after),
                            clitic,
                            false,
                            false,
                        ));
                        items.push(item(
                            ItemKind::Word,
                            Span::new(after, token.span.end),
                            rest,
                            caps,
                            false,
                        ));
                    } else {
                        items.push(item(ItemKind::Word, token.span, lower, caps, false));
                    }
                    sentence_open = true;
                }
                TokenKind::Hashtag => {
                    let body_start = token.span.start + 1;
                    for (offset, part) in hashtag_parts(&raw[1..]) {
                        if part.chars().any(char::is_alphabetic) {
                            words += 1;
                            let span =
                                Span::new(body_start + offset, body_start + offset + part.len());
                            let lower = normalised(part, &mut scratch);
                            items.push(item(ItemKind::Word, span, lower, false, true));
                        }
                    }
                }
                TokenKind::Emoji => {
                    items.push(item(
                        ItemKind::Emoji,
                        token.span,
                        Cow::Borrowed(raw),
                        false,
                        false,
                    ));
                    sentence_open = true;
                }
                TokenKind::Punctuation => {
                    // Touching punctuation, and a trailing emoticon letter or digit (`:D`, `:P`,
                    // `<3`, `</3`), read as one.
                    let start = token.span.start;
                    let mut end = token.span.end;
                    let mut j = i + 1;
                    while j < tokens.len()
                        && tokens[j].span.start == end
                        && tokens[j].kind == TokenKind::Punctuation
                    {
                        end = tokens[j].span.end;
                        j += 1;
                    }
                    let mut run = &text[start..end];
                    let mut consumed = j;
                    if j < tokens.len()
                        && tokens[j].span.start == end
                        && matches!(tokens[j].kind, TokenKind::Word | TokenKind::Number)
                    {
                        let letter = tokens[j].text(text);
                        let candidate = &text[start..tokens[j].span.end];
                        let listed = |scratch: &mut String| {
                            normalise_into(candidate, scratch);
                            lexicon::words(Lang::En).get(scratch).is_some()
                        };
                        if letter.chars().count() == 1 && listed(&mut scratch) {
                            run = candidate;
                            end = tokens[j].span.end;
                            consumed = j + 1;
                        }
                    }
                    let lower = normalised(run, &mut scratch);
                    let is_emoticon = run.chars().count() >= 2
                        && lexicon::words(Lang::En)
                            .get(&lower)
                            .is_some_and(|e| e.valence != 0.0);
                    let kind = if is_emoticon {
                        ItemKind::Emoticon
                    } else {
                        ItemKind::Punct
                    };
                    items.push(item(kind, Span::new(start, end), lower, false, false));
                    if kind == ItemKind::Punct && ends_sentence(run) && sentence_open {
                        sentence += 1;
                        sentence_open = false;
                        // The mark belongs to the sentence it closes.
                        if let Some(last) = items.last_mut() {
                            last.sentence = sentence - 1;
                        }
                    }
                    prev_end = end;
                    i = consumed;
                    continue;
                }
                _ => {}
            }
            prev_end = token.span.end;
            i += 1;
        }
        for it in &mut items {
            // Only words get an entry and cues: no cue list holds punctuation, emoticons or emoji.
            if it.kind == ItemKind::Word {
                it.entry = lexicon::lookup(lang, &it.lower);
                it.cues = WordCues::of(lang, &it.lower);
            }
        }
        let count = items.last().map_or(0, |l| l.sentence + 1);
        let mut sentences: Vec<Span> = Vec::with_capacity(count);
        for it in &items {
            if it.sentence >= sentences.len() {
                sentences.push(it.span);
            } else {
                sentences[it.sentence].end = it.span.end;
            }
        }
        Draft {
            text,
            lang,
            items,
            sentences,
            words,
        }
    }

    /// The items of sentence `s`.
    pub fn sentence_items(&self, s: usize) -> impl Iterator<Item = (usize, &Item<'a>)> {
        // Items are read in order, so each sentence's items are one run: find it by binary
        // search rather than scanning every item for every sentence (quadratic on long drafts).
        let first = self.items.partition_point(|it| it.sentence < s);
        let end = first + self.items[first..].partition_point(|it| it.sentence <= s);
        self.items[first..end]
            .iter()
            .enumerate()
            .map(move |(k, it)| (first + k, it))
    }

    /// Whether the words from item `i` on spell a phrase, given as its [`phrase_pieces`].
    /// Returns the last item matched.
    fn matches_at(&self, i: usize, pieces: &[&str]) -> Option<usize> {
        let mut j = i;
        for &piece in pieces {
            let item = self.items.get(j)?;
            let same = item.kind == ItemKind::Word
                && (item.lower == piece || (piece == "n'" && item.lower == "ne"));
            if !same {
                return None;
            }
            j += 1;
        }
        j.checked_sub(1).filter(|&last| last >= i)
    }

    /// Every match of any of `phrases` as `(phrase, first item, last item)`, left to right,
    /// without overlaps (the longest phrase wins at a position).
    pub fn find_phrases(
        &self,
        phrases: &'static [&'static str],
    ) -> Vec<(&'static str, usize, usize)> {
        let index = PhraseIndex::of(phrases, self.lang);
        // A listed phrase's first words are marked on the items: only those are tried.
        let list = cues::phrase_lists(self.lang)
            .iter()
            .position(|list| std::ptr::eq(*list, phrases));
        let mut found = Vec::new();
        let mut candidates = Vec::new();
        let mut i = 0;
        while i < self.items.len() {
            let item = &self.items[i];
            if item.kind != ItemKind::Word || list.is_some_and(|k| !item.cues.starts_phrase(k)) {
                i += 1;
                continue;
            }
            // Only phrases that start with this word (sorted, so one range each).
            let head = &*item.lower;
            candidates.clear();
            index.starting_with(head, &mut candidates);
            if head == "ne" {
                index.starting_with("n'", &mut candidates);
            }
            candidates.sort_unstable();
            candidates.dedup();
            let best = candidates
                .iter()
                .filter_map(|&k| {
                    let last = self.matches_at(i, &index.pieces[k])?;
                    Some((phrases[k], i, last))
                })
                .max_by_key(|&(_, _, last)| last);
            match best {
                Some(hit) => {
                    found.push(hit);
                    i = hit.2 + 1;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The text of items `i..=j`.
    pub fn slice(&self, i: usize, j: usize) -> &'a str {
        &self.text[self.items[i].span.start..self.items[j].span.end]
    }
}

/// A phrase list's positions sorted by the item each phrase must start at ([`first_piece`]),
/// built once per list and language (the lists are static), so finding the phrases a word can
/// start is a binary search instead of a scan of the list.
struct PhraseIndex {
    phrases: &'static [&'static str],
    lang: Lang,
    /// `(first piece, position)`, sorted.
    by_first: Vec<(&'static str, usize)>,
    /// Each phrase's [`phrase_pieces`], by position.
    pieces: Vec<Vec<&'static str>>,
}

impl PhraseIndex {
    fn of(phrases: &'static [&'static str], lang: Lang) -> std::sync::Arc<PhraseIndex> {
        use std::sync::{Arc, Mutex};
        // A dozen lists: a short list searched by address is all the map needed.
        static INDEXES: Mutex<Vec<Arc<PhraseIndex>>> = Mutex::new(Vec::new());
        let mut indexes = INDEXES
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let same =
            |index: &&Arc<PhraseIndex>| std::ptr::eq(index.phrases, phrases) && index.lang == lang;
        if let Some(index) = indexes.iter().find(same) {
            return index.clone();
        }
        let mut by_first: Vec<(&'static str, usize)> = phrases
            .iter()
            .enumerate()
            .map(|(k, phrase)| (first_piece(lang, phrase), k))
            .collect();
        by_first.sort_unstable();
        let index = Arc::new(PhraseIndex {
            phrases,
            lang,
            by_first,
            pieces: phrases
                .iter()
                .map(|phrase| phrase_pieces(lang, phrase))
                .collect(),
        });
        indexes.push(index.clone());
        index
    }

    /// Appends the positions of the phrases whose first piece is `head`.
    fn starting_with(&self, head: &str, out: &mut Vec<usize>) {
        let first = self
            .by_first
            .partition_point(|(piece, _)| lexicon::compare(piece, head).is_lt());
        out.extend(
            self.by_first[first..]
                .iter()
                .take_while(|(piece, _)| *piece == head)
                .map(|&(_, k)| k),
        );
    }
}
