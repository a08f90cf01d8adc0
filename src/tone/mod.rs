//! Tone: how a draft sounds, and which words make it sound that way.
//!
//! A draft is read once ([`draft`]) and scored on each dimension — sentiment, formality,
//! aggression and profanity, shouting, over-excitement, hype, hedging, inclusive language — per
//! sentence and as a whole, from compact lexicons compiled at build time ([`lexicon`]). Clear
//! problems become diagnostics that point at the words and offer a calmer wording
//! ([`diagnostics`]); a brand's [`ToneTarget`] adds diagnostics when the draft leaves its ranges;
//! everything else goes into the [`ToneSummary`] the report carries.

mod aggression;
mod cues;
mod diagnostics;
mod draft;
mod excitement;
mod formality;
mod hedging;
mod hype;
mod inclusive;
pub mod lexicon;
mod sentiment;
mod shouting;
mod summary;
mod target;

pub use sentiment::Polarity;
pub use shouting::check_shouting;
pub use summary::{SentenceTone, SentimentSummary, ToneLabel, ToneScores, ToneSummary};
pub use target::{FrenchInclusive, ScoreRange, ToneTarget, ToneTargetError, PRESETS};

use crate::config::Language;
use crate::report::Finding;
use crate::text::{offsets::Utf16Index, Token, TokenKind};

/// The languages tone is read in. English variants share one lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    /// The tone language for a configured language; `auto` looks at the draft.
    pub fn resolve(language: Language, text: &str, tokens: &[Token]) -> Lang {
        match language {
            Language::EnUs | Language::EnGb => Lang::En,
            Language::Fr => Lang::Fr,
            Language::Auto => detect(text, tokens),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// Guesses English or French from function words and accented letters.
fn detect(text: &str, tokens: &[Token]) -> Lang {
    const FR: &[&str] = &[
        "le", "la", "les", "de", "des", "du", "et", "est", "je", "tu", "il", "elle", "nous",
        "vous", "pour", "pas", "une", "un", "que", "qui", "dans", "sur", "avec", "ce", "mais",
        "très", "sont", "au", "aux", "ne", "on", "c'est", "j'ai", "merci", "trop", "bien",
    ];
    const EN: &[&str] = &[
        "the", "and", "is", "are", "to", "of", "you", "i", "we", "for", "this", "that", "it",
        "with", "on", "in", "my", "your", "was", "be", "have", "not", "so", "just", "but", "at",
    ];
    let mut score = 0i32;
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = t.text(text).to_lowercase().replace('’', "'");
        if FR.contains(&w.as_str()) || w.contains(['é', 'è', 'ê', 'à', 'ç', 'ù', 'ô', 'î'])
        {
            score += 1;
        }
        if EN.contains(&w.as_str()) {
            score -= 1;
        }
        let elided = w.split_once('\'').is_some_and(|(c, rest)| {
            matches!(c, "l" | "d" | "j" | "qu" | "c" | "n" | "s") && !rest.is_empty()
        });
        if elided {
            score += 1;
        }
    }
    if score > 0 {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// Adds up cue weights into a 0…1 score: one strong cue is clear, more saturate towards 1.
fn saturate(sum: f32) -> f32 {
    1.0 - (-sum).exp()
}

/// A cue: the items `first..=last` of a draft, how much they weigh, and a calmer wording.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub first: usize,
    pub last: usize,
    pub weight: f32,
    pub suggestion: Option<String>,
}

/// Every reading of one draft; diagnostics and the summary are built from it.
#[derive(Debug, Clone)]
pub struct ToneAnalysis<'a> {
    pub draft: draft::Draft<'a>,
    pub sentiment: sentiment::Sentiment,
    pub formality: formality::Formality,
    pub aggression: aggression::Aggression,
    pub excitement: excitement::Excitement,
    pub hype: hype::Hype,
    pub hedging: hedging::Hedging,
    pub inclusive: Vec<inclusive::InclusiveHit>,
    /// Shouted runs of capitals (byte spans), from the shouting rule.
    pub shouting: Vec<Finding>,
}

impl<'a> ToneAnalysis<'a> {
    /// Reads every tone dimension of `text` in `lang`.
    pub fn read(text: &'a str, tokens: &[Token], lang: Lang) -> ToneAnalysis<'a> {
        let draft = draft::Draft::read(text, tokens, lang);
        let mut shouting = Vec::new();
        check_shouting(text, tokens, &mut shouting);
        ToneAnalysis {
            sentiment: sentiment::read(&draft),
            formality: formality::read(&draft),
            aggression: aggression::read(&draft),
            excitement: excitement::read(&draft),
            hype: hype::read(&draft),
            hedging: hedging::read(&draft),
            inclusive: inclusive::read(&draft),
            shouting,
            draft,
        }
    }

    fn shouting_share(&self, within: crate::report::Span) -> f32 {
        let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
        let total = letters(&self.draft.text[within.start..within.end]);
        if total == 0 {
            return 0.0;
        }
        let shouted: usize = self
            .shouting
            .iter()
            .filter(|f| f.span.start >= within.start && f.span.end <= within.end)
            .map(|f| letters(&self.draft.text[f.span.start..f.span.end]))
            .sum();
        shouted as f32 / total as f32
    }

    /// The draft's scores.
    pub fn scores(&self) -> ToneScores {
        ToneScores {
            sentiment: self.sentiment.draft,
            formality: self.formality.draft,
            aggression: self.aggression.draft,
            profanity: self.aggression.profanity,
            shouting: self.shouting_share(crate::report::Span::new(0, self.draft.text.len())),
            excitement: self.excitement.draft,
            hype: self.hype.draft,
            hedging: self.hedging.draft,
            inclusive: saturate(self.inclusive.len() as f32),
        }
    }

    /// The scores of sentence `s`.
    pub fn sentence_scores(&self, s: usize) -> ToneScores {
        let at = |v: &Vec<f32>| v.get(s).copied().unwrap_or(0.0);
        let in_sentence = |first: usize| self.draft.items[first].sentence == s;
        let profanity = self
            .aggression
            .hits
            .iter()
            .filter(|h| in_sentence(h.hit.first))
            .filter_map(|h| h.profanity)
            .max()
            .map_or(0.0, |p| if p >= 2 { 1.0 } else { 0.5 });
        let inclusive = self
            .inclusive
            .iter()
            .filter(|h| in_sentence(h.hit.first))
            .count();
        ToneScores {
            sentiment: at(&self.sentiment.sentences),
            formality: at(&self.formality.sentences),
            aggression: at(&self.aggression.sentences),
            profanity,
            shouting: self.shouting_share(self.draft.sentences[s]),
            excitement: at(&self.excitement.sentences),
            hype: at(&self.hype.sentences),
            hedging: at(&self.hedging.sentences),
            inclusive: saturate(inclusive as f32),
        }
    }

    /// The summary the report carries.
    pub fn summary(&self) -> ToneSummary {
        let scores = self.scores();
        let index = Utf16Index::new(self.draft.text);
        let sentences = (0..self.draft.sentences.len())
            .map(|s| {
                let scores = self.sentence_scores(s);
                SentenceTone {
                    span: self.draft.sentences[s],
                    utf16: index.span_to_utf16(self.draft.sentences[s]),
                    label: ToneLabel::of(&scores),
                    scores,
                }
            })
            .collect();
        ToneSummary {
            language: self.draft.lang.code().to_string(),
            label: ToneLabel::of(&scores),
            sentiment: SentimentSummary {
                score: scores.sentiment,
                label: Polarity::of(scores.sentiment, self.draft.lang),
            },
            scores,
            sentences,
            on_target: None,
        }
    }
}

/// Reads the tone of `text`, adds tone diagnostics to `out` (the default ones, and those of
/// `target` when set) and returns the summary for the report.
pub fn check_tone(
    text: &str,
    tokens: &[Token],
    language: Language,
    target: Option<&ToneTarget>,
    out: &mut Vec<Finding>,
) -> ToneSummary {
    let analysis = ToneAnalysis::read(text, tokens, Lang::resolve(language, text, tokens));
    let mut summary = analysis.summary();
    let resolved = target.map(ToneTarget::resolved);
    let before = out.len();
    diagnostics::default_findings(&analysis, resolved.as_ref(), out);
    if let Some(target) = &resolved {
        diagnostics::target_findings(&analysis, &summary.scores, target, out);
        // On target: nothing in the draft's tone, default or target, asks for a change.
        summary.on_target = Some(out.len() == before);
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn detect_text(text: &str) -> Lang {
        Lang::resolve(Language::Auto, text, &tokenize(text))
    }

    #[test]
    fn auto_language_tells_english_from_french() {
        assert_eq!(
            detect_text("Merci pour votre patience, la commande arrive demain"),
            Lang::Fr
        );
        assert_eq!(
            detect_text("Thanks for your patience, the order ships tomorrow"),
            Lang::En
        );
        assert_eq!(detect_text("J'adore"), Lang::Fr);
    }

    #[test]
    fn the_summary_has_draft_and_sentence_scores_and_serialises() {
        let text = "Merci à tous ! Le service était horrible.";
        let mut out = Vec::new();
        let summary = check_tone(text, &tokenize(text), Language::Fr, None, &mut out);
        assert_eq!(summary.language, "fr");
        assert_eq!(summary.sentences.len(), 2);
        assert!(summary.sentences[0].scores.sentiment > 0.0);
        assert!(summary.sentences[1].scores.sentiment < 0.0);
        assert_eq!(
            &text[summary.sentences[1].span.start..summary.sentences[1].span.end],
            "Le service était horrible."
        );
        let json = serde_json::to_value(&summary).unwrap();
        assert!(json["sentiment"]["label"].is_string());
        assert!(json["scores"]["formality"].is_number());
        assert!(json.get("on_target").is_none());
    }

    #[test]
    fn odd_input_never_panics_and_keeps_spans_on_char_boundaries() {
        let long = "x".repeat(300);
        let inputs = [
            "",
            " ",
            "!!!",
            "'",
            "n'",
            "l'",
            "n'est",
            "(e)",
            "·",
            "étudiant·",
            "a.e.",
            "é(e",
            "😀😀😀😀😀",
            "🇫🇷!!",
            "e\u{301}e\u{301}!!!",
            "שלום עולם",
            "ALL CAPS ÉNORME!!!",
            long.as_str(),
            "You you you idiot idiot",
            "ne ne ne pas pas",
            ":D :P <3 :'(",
            "#ÇaCraint @nul https://nul.fr",
        ];
        for text in inputs {
            for language in [Language::EnUs, Language::Fr, Language::Auto] {
                let mut out = Vec::new();
                let summary = check_tone(
                    text,
                    &tokenize(text),
                    language,
                    Some(&ToneTarget {
                        preset: Some("institutional".into()),
                        min_sentiment: Some(0.5),
                        french_inclusive: Some(FrenchInclusive::Avoid),
                        ..ToneTarget::default()
                    }),
                    &mut out,
                );
                for f in &out {
                    assert!(
                        text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
                        "{text:?}"
                    );
                }
                assert!((-1.0..=1.0).contains(&summary.scores.sentiment));
            }
        }
    }

    #[test]
    fn what_tone_knowingly_does_not_read() {
        let label = |text: &str, lang: Language| {
            check_tone(text, &tokenize(text), lang, None, &mut Vec::new())
        };
        // Masked profanity is read (`f*ck`), but profanity spelled out letter by letter is not.
        assert_eq!(label("what the f*ck", Language::EnUs).scores.profanity, 1.0);
        assert_eq!(
            label("what the f u c k", Language::EnUs).scores.profanity,
            0.0
        );
        // Irony in French reads literally: "Bravo" is praise to a lexicon.
        assert!(
            label("Bravo, encore une panne de la SNCF. Génial.", Language::Fr)
                .scores
                .sentiment
                > -0.2
        );
        // 😂 reads as laughter (positive) even when it mocks.
        assert!(label("your new logo 😂", Language::EnUs).scores.sentiment > 0.0);
    }

    #[test]
    fn labels_name_the_dominant_tone() {
        let label = |text: &str, lang: Language| {
            check_tone(text, &tokenize(text), lang, None, &mut Vec::new()).label
        };
        assert_eq!(
            label("You people are pathetic losers", Language::EnUs),
            ToneLabel::Aggressive
        );
        assert_eq!(
            label("Thanks so much, we love you all", Language::EnUs),
            ToneLabel::Friendly
        );
        assert_eq!(
            label("OMG!!! 🎉🎉🎉 so happy!!!", Language::EnUs),
            ToneLabel::Excited
        );
        assert_eq!(
            label(
                "Madame, Monsieur, nous vous informons de la fermeture de notre agence.",
                Language::Fr
            ),
            ToneLabel::Formal
        );
        assert_eq!(
            label("Quelle déception, service horrible", Language::Fr),
            ToneLabel::Negative
        );
    }
}
