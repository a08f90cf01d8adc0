//! Compiles the tone lexicons in `data/lexicons/` (TSV, see `data/lexicons/fetch.sh`) into
//! `$OUT_DIR/tone_lexicons.rs`: per language one sorted key blob with a length byte per key, the
//! offset of every 16th key, and a 2-byte record per key (valence ×10; profanity sureness + 1 and
//! a phrase-head flag), plus the emoji valences and the inclusive-language patterns. `src/tone/lexicon.rs` includes the output and
//! looks keys up through a hash index it builds on a table's first lookup.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Record flag: the key is the first word of a longer phrase in the same table.
const PHRASE_HEAD: u8 = 1;

#[derive(Default, Clone, Copy)]
struct Entry {
    valence: Option<f32>,
    profanity: u8,
    flags: u8,
}

fn rows(path: &Path) -> Vec<Vec<String>> {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read lexicon {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// Lowercases and normalises apostrophes and white space, as `src/tone/lexicon.rs` does at lookup.
fn key(s: &str) -> String {
    s.trim()
        .replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn valence(field: &str) -> Option<f32> {
    field.trim().parse::<f32>().ok()
}

fn language_table(dir: &Path) -> BTreeMap<String, Entry> {
    let mut table: BTreeMap<String, Entry> = BTreeMap::new();
    // pattern first, then VADER, then Plume's own: later wins.
    // pattern's adjective polarity, scaled to VADER's −4…4, for strong adjectives only: weak
    // entries (`game` −0.4, `center` −0.1) are noise on social text. English leaves pattern out:
    // VADER covers it, and measured on development data pattern only added noise.
    if dir.join("pattern.tsv").exists() {
        for row in rows(&dir.join("pattern.tsv")) {
            if let (Some(k), Some(v)) = (row.first(), row.get(1).and_then(|v| valence(v))) {
                if v.abs() >= 0.3 {
                    table.entry(key(k)).or_default().valence = Some(v * 2.0);
                }
            }
        }
    }
    let mut vader: BTreeMap<String, Vec<f32>> = BTreeMap::new();
    for row in rows(&dir.join("vader.tsv")) {
        if let (Some(k), Some(v)) = (row.first(), row.get(1).and_then(|v| valence(v))) {
            vader.entry(key(k)).or_default().push(v);
        }
    }
    for (k, vs) in vader {
        // Single letters (`s`, `v`, `l`) are abbreviations in VADER; in text they are mostly
        // fragments (`étudiant·e·s`, initials) and only add noise.
        if k.chars().count() < 2 {
            continue;
        }
        table.entry(k).or_default().valence = Some(vs.iter().sum::<f32>() / vs.len() as f32);
    }
    for row in rows(&dir.join("plume.tsv")) {
        if let (Some(k), Some(v)) = (row.first(), row.get(1).and_then(|v| valence(v))) {
            table.entry(key(k)).or_default().valence = Some(v);
        }
    }
    for row in rows(&dir.join("cuss.tsv")) {
        if let (Some(k), Some(s)) = (row.first(), row.get(1).and_then(|s| s.parse::<u8>().ok())) {
            let e = table.entry(key(k)).or_default();
            e.profanity = e.profanity.max(s + 1);
        }
    }
    let clean = dir.join("plume-clean.txt");
    if clean.exists() {
        for row in rows(&clean) {
            if let Some(e) = row.first().and_then(|k| table.get_mut(&key(k))) {
                e.profanity = 0;
            }
        }
    }
    // Size: drop what barely moves a score. Weak valences (|v| < 0.5) without profanity, and
    // long emoticons (`(-:|>*`) nobody types any more, and cuss's "maybe profane" (`africa`).
    table.retain(|k, e| {
        let emoticon = !k.chars().any(char::is_alphanumeric);
        let weak = e.valence.is_none_or(|v| v.abs() < 0.5) && e.profanity <= 1;
        !(weak || emoticon && k.chars().count() > 4)
    });
    // Drafts often drop accents (`decu`, `genial`, `tres`): a word with accents is also stored
    // without them, unless the bare spelling is already a word of its own.
    if dir.ends_with("fr") {
        let folded: Vec<(String, Entry)> = table
            .iter()
            .filter_map(|(k, e)| {
                let f = fold_accents(k);
                (f != *k && e.valence.is_some()).then_some((f, *e))
            })
            .collect();
        for (f, e) in folded {
            table.entry(f).or_insert(e);
        }
    }
    let heads: Vec<String> = table
        .keys()
        .filter_map(|k| k.split_once(' ').map(|(h, _)| h.to_string()))
        .collect();
    for h in heads {
        table.entry(h).or_default().flags |= PHRASE_HEAD;
    }
    table
}

/// `é` → `e`, `ç` → `c`, `œ` → `oe`…: a French word as typed on a keyboard without accents.
fn fold_accents(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'à' | 'â' | 'ä' => out.push('a'),
            'î' | 'ï' => out.push('i'),
            'ô' | 'ö' => out.push('o'),
            'ù' | 'û' | 'ü' => out.push('u'),
            'ç' => out.push('c'),
            'œ' => out.push_str("oe"),
            _ => out.push(c),
        }
    }
    out
}

/// Entries per block of the key index: a table too big for a hash index is searched by binary
/// search of the block heads, then a scan of one block.
const BLOCK: usize = 16;

fn emit_table(out: &mut String, name: &str, table: &BTreeMap<String, Entry>) {
    let mut keys = String::new();
    let mut lens = Vec::with_capacity(table.len());
    let mut blocks = Vec::with_capacity(table.len() / BLOCK + 1);
    let mut records = Vec::with_capacity(table.len() * 2);
    for (n, (k, e)) in table.iter().enumerate() {
        if n % BLOCK == 0 {
            blocks.push(keys.len() as u32);
        }
        assert!(k.len() < 256, "lexicon key longer than 255 bytes: {k}");
        keys.push_str(k);
        lens.push(k.len() as u8);
        let v = e.valence.unwrap_or(0.0).clamp(-4.0, 4.0);
        records.push((v * 10.0).round() as i8 as u8);
        records.push(e.profanity | (e.flags << 2));
    }
    writeln!(
        out,
        "pub static {name}: Table = Table {{ keys: {keys:?}, lens: &{lens:?}, blocks: &{blocks:?}, records: &{records:?} }};"
    )
    .unwrap();
}

pub fn generate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicons");
    let mut out = String::from(
        "// Generated by buildsrc/tone_lexicons.rs from data/lexicons/. Do not edit.\n",
    );
    emit_table(&mut out, "EN", &language_table(&root.join("en")));
    emit_table(&mut out, "FR", &language_table(&root.join("fr")));

    let mut emoji: BTreeMap<String, Entry> = BTreeMap::new();
    for row in rows(&root.join("emoji.tsv")) {
        if let (Some(k), Some(v)) = (row.first(), row.get(1).and_then(|v| valence(v))) {
            emoji.entry(k.trim().to_string()).or_default().valence = Some(v);
        }
    }
    for row in rows(&root.join("plume-emoji.tsv")) {
        if let (Some(k), Some(v)) = (row.first(), row.get(1).and_then(|v| valence(v))) {
            emoji.entry(k.trim().to_string()).or_default().valence = Some(v);
        }
    }
    emit_table(&mut out, "EMOJI", &emoji);

    // Inclusive-language patterns: term → (pattern index, category); patterns keep their type and
    // their considerate alternatives.
    let mut terms: BTreeMap<String, (u16, String)> = BTreeMap::new();
    let mut patterns = String::from("pub static PATTERNS: &[Pattern] = &[\n");
    let mut index: u16 = 0;
    for row in rows(&root.join("en/equality.tsv")) {
        let (Some(id), Some(kind), Some(bad)) = (row.first(), row.get(1), row.get(2)) else {
            continue;
        };
        let good = row.get(3).cloned().unwrap_or_default();
        // Patterns without a considerate alternative (`basically`, `easy`) or limited to a context
        // a word list cannot see (`boy` "when referring to a person") would only add noise.
        let conditional = row.get(4).is_some_and(|c| !c.trim().is_empty());
        if good.is_empty() || conditional {
            continue;
        }
        for term in bad.split('|') {
            let Some((word, category)) = term.rsplit_once('=') else {
                continue;
            };
            if word.contains('*') {
                continue;
            }
            // All-capital acronyms (`ADD`) match case-sensitively; anything else matches lowercased.
            let k =
                if word.chars().any(char::is_lowercase) || !word.chars().any(char::is_alphabetic) {
                    key(word)
                } else {
                    word.trim().to_string()
                };
            terms.entry(k).or_insert((index, category.to_string()));
        }
        writeln!(
            patterns,
            "    Pattern {{ id: {id:?}, either_or: {}, considerate: {good:?} }},",
            kind == "or"
        )
        .unwrap();
        index += 1;
    }
    patterns.push_str("];\n");
    out.push_str(&patterns);
    let mut term_keys = String::new();
    let mut starts = Vec::new();
    let mut records = String::new();
    let mut term_heads: Vec<String> = Vec::new();
    for (k, (i, category)) in &terms {
        starts.push(term_keys.len() as u32);
        term_keys.push_str(k);
        write!(records, "({i}, {category:?}),").unwrap();
        if let Some((h, _)) = k.split_once(' ') {
            term_heads.push(h.to_string());
        }
    }
    starts.push(term_keys.len() as u32);
    term_heads.sort();
    term_heads.dedup();
    writeln!(
        out,
        "pub static TERMS: Terms = Terms {{ keys: {term_keys:?}, starts: &{starts:?}, records: &[{records}], heads: &{term_heads:?} }};"
    )
    .unwrap();

    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("tone_lexicons.rs");
    std::fs::write(&dest, out).expect("cannot write generated tone lexicons");
}
