//! The learned sentiment model: hashed word, word-pair and character n-gram features and one
//! linear layer (negative / neutral / positive) with int8 weights, trained by
//! `tools/tone-model/train.py` on permissively licensed data (see THIRD-PARTY.md) and compiled
//! in (`model/sentiment.bin`, read in place: nothing is copied or parsed beyond its header).
//!
//! It complements the lexicon: the draft's sentiment adds the model's margin (probability of
//! positive minus probability of negative) to the lexicon's score, while diagnostics and the tone
//! panel still point at the lexicon's words. The features mirror `train.py` exactly.

use std::sync::OnceLock;

const MODEL: &[u8] = include_bytes!("model/sentiment.bin");
const MAGIC: &[u8; 4] = b"PLTM";
const CLASSES: usize = 3;

/// A read model: its header and the weights, still in the compiled-in bytes.
struct Model {
    buckets: usize,
    scales: [f32; CLASSES],
    bias: [f32; CLASSES],
    /// `buckets × CLASSES` int8 weights, row-major.
    weights: &'static [u8],
}

/// Why the compiled-in model could not be read (a build that shipped a damaged file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    BadHeader,
    WrongSize { expected: usize, found: usize },
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::BadHeader => write!(f, "tone model: not a Plume model file (bad header)"),
            ModelError::WrongSize { expected, found } => write!(
                f,
                "tone model: expected {expected} bytes of weights, found {found}"
            ),
        }
    }
}

fn f32_at(bytes: &[u8], at: usize) -> Option<f32> {
    Some(f32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn parse(bytes: &'static [u8]) -> Result<Model, ModelError> {
    if bytes.get(..4) != Some(MAGIC.as_slice()) {
        return Err(ModelError::BadHeader);
    }
    let u16_at = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let version = u16_at(4).ok_or(ModelError::BadHeader)?;
    let classes = u16_at(6).ok_or(ModelError::BadHeader)?;
    let buckets = bytes
        .get(8..12)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or(ModelError::BadHeader)?;
    if version != 1 || usize::from(classes) != CLASSES || !buckets.is_power_of_two() {
        return Err(ModelError::BadHeader);
    }
    let mut scales = [0.0; CLASSES];
    let mut bias = [0.0; CLASSES];
    for k in 0..CLASSES {
        scales[k] = f32_at(bytes, 12 + 4 * k).ok_or(ModelError::BadHeader)?;
        bias[k] = f32_at(bytes, 12 + 4 * (CLASSES + k)).ok_or(ModelError::BadHeader)?;
    }
    let start = 12 + 8 * CLASSES;
    let weights = &bytes[start.min(bytes.len())..];
    if weights.len() != buckets * CLASSES {
        return Err(ModelError::WrongSize {
            expected: buckets * CLASSES,
            found: weights.len(),
        });
    }
    Ok(Model {
        buckets,
        scales,
        bias,
        weights,
    })
}

fn model() -> Result<&'static Model, &'static ModelError> {
    static READ: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    READ.get_or_init(|| parse(MODEL)).as_ref()
}

/// FNV-1a, fed piece by piece.
#[derive(Clone, Copy)]
struct Fnv(u32);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0x811C_9DC5)
    }

    fn feed(mut self, bytes: &[u8]) -> Fnv {
        for &b in bytes {
            self.0 ^= u32::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
        self
    }
}

/// Joiners and modifiers that belong to an emoji rather than being a token.
fn skipped(c: char) -> bool {
    matches!(c as u32, 0x200D | 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF)
}

/// The model's tokens: words (letters and digits, inner apostrophes kept) and single symbols.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text
        .to_lowercase()
        .chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    let mut out = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let inner_apostrophe =
            c == '\'' && !word.is_empty() && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if c as u32 >= 0x2000 && !skipped(c) && !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The text's features as (bucket, value), counts scaled to unit length.
fn features(text: &str, buckets: usize) -> Vec<(usize, f32)> {
    let mask = buckets - 1;
    let mut hashes: Vec<usize> = Vec::with_capacity(text.len() * 3);
    let toks = tokens(text);
    let mut chars: Vec<char> = Vec::new();
    let mut utf8 = [0u8; 4];
    for (i, t) in toks.iter().enumerate() {
        hashes.push(Fnv::new().feed(b"w").feed(t.as_bytes()).0 as usize & mask);
        if let Some(next) = toks.get(i + 1) {
            let h = Fnv::new()
                .feed(b"b")
                .feed(t.as_bytes())
                .feed(b" ")
                .feed(next.as_bytes());
            hashes.push(h.0 as usize & mask);
        }
        if t.chars().next().is_some_and(char::is_alphanumeric) {
            chars.clear();
            chars.push('<');
            chars.extend(t.chars());
            chars.push('>');
            for n in [3, 4] {
                for gram in chars.windows(n) {
                    let mut h = Fnv::new().feed(b"c");
                    for c in gram {
                        h = h.feed(c.encode_utf8(&mut utf8).as_bytes());
                    }
                    hashes.push(h.0 as usize & mask);
                }
            }
        }
    }
    hashes.sort_unstable();
    let mut out: Vec<(usize, f32)> = Vec::with_capacity(hashes.len());
    for h in hashes {
        match out.last_mut() {
            Some((b, v)) if *b == h => *v += 1.0,
            _ => out.push((h, 1.0)),
        }
    }
    let norm = out.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, v) in &mut out {
            *v /= norm;
        }
    }
    out
}

/// The model's logits for `text` (negative, neutral, positive).
fn logits(m: &Model, text: &str) -> [f32; CLASSES] {
    let mut sums = [0.0f32; CLASSES];
    for (bucket, value) in features(text, m.buckets) {
        let row = &m.weights[bucket * CLASSES..bucket * CLASSES + CLASSES];
        for k in 0..CLASSES {
            sums[k] += value * f32::from(row[k] as i8);
        }
    }
    std::array::from_fn(|k| m.bias[k] + sums[k] * m.scales[k])
}

/// How positive the model reads `text`: P(positive) − P(negative), −1…1; 0 for empty text (and
/// if the compiled-in model were unreadable, which a test rules out).
pub fn margin(text: &str) -> f32 {
    let Ok(m) = model() else {
        return 0.0;
    };
    if text.trim().is_empty() {
        return 0.0;
    }
    let z = logits(m, text);
    let top = z.iter().copied().fold(f32::MIN, f32::max);
    let e = z.map(|x| (x - top).exp());
    let total: f32 = e.iter().sum();
    (e[2] - e[0]) / total
}

/// The compiled-in model's size in bytes.
pub fn size() -> usize {
    MODEL.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_model_reads() {
        assert!(model().is_ok(), "{:?}", model().err());
        assert!(matches!(
            parse(b"NOPE\x01\x00\x03\x00\x00\x40\x00\x00"),
            Err(ModelError::BadHeader)
        ));
    }

    #[test]
    fn logits_match_the_training_script_on_its_probes() {
        let m = model().unwrap();
        let probes = include_str!("model/probes.tsv");
        let mut read = 0;
        for line in probes.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            let expected: Vec<f32> = fields[1..].iter().map(|x| x.parse().unwrap()).collect();
            let got = logits(m, fields[0]);
            for k in 0..CLASSES {
                assert!(
                    (got[k] - expected[k]).abs() < 1e-3,
                    "{}: {got:?} vs {expected:?}",
                    fields[0]
                );
            }
            read += 1;
        }
        assert_eq!(read, 3);
    }

    #[test]
    fn praise_and_complaint_lean_the_right_way_in_both_languages() {
        assert!(margin("Thanks so much, we love you all") > 0.3);
        assert!(margin("Worst customer service ever, I am so disappointed") < -0.3);
        assert!(margin("Magnifique soirée, merci à toute l'équipe") > 0.3);
        assert!(margin("Service client nul, je suis vraiment déçu") < -0.3);
        assert_eq!(margin("   "), 0.0);
    }

    #[test]
    fn tokens_keep_inner_apostrophes_and_emoji() {
        assert_eq!(
            tokens("Don’t stop 🎉🏽!! l'équipe"),
            vec!["don't", "stop", "🎉", "l'équipe"]
        );
    }
}
