//! Spelling benchmark, Plume's side (run by `benches/spelling/run.sh`, which also runs the peers).
//!
//! `spelling-bench sample <n> <out.tsv>` (built by `cargo build --release --example
//! spelling-bench`) writes `n` typo pairs sampled from
//! typos-dict (typo not a dictionary word, single correction that is one);
//! `spelling-bench eval <pairs.tsv> <clean-en.txt> <clean-fr.txt> <brands.txt>` prints Plume's
//! results as JSON: detection recall, top-1/top-5 with and without the misspelling table,
//! false flags per 1,000 tokens on clean social text, and timings.

use std::time::Instant;

use plume::spell::Speller;
use plume::{Category, CheckOptions, Checker, Config, Language};

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["sample", n, out] => sample(n.parse().unwrap_or(5000), out),
        ["eval", pairs, en, fr, brands] => eval(pairs, en, fr, brands),
        ["suggest", language, words @ ..] => suggest_once(language, words),
        _ => {
            eprintln!("usage: sample <n> <out.tsv> | eval <pairs.tsv> <clean-en.txt> <clean-fr.txt> <brands.txt> | suggest <en|fr> <word>...");
            std::process::exit(2);
        }
    }
}

/// Ranks suggestions for each word once and prints them: for callgrind, whose instruction count
/// with words minus the count without any is the cost of ranking them.
fn suggest_once(language: &str, words: &[&str]) {
    let language = if language == "fr" {
        Language::Fr
    } else {
        Language::EnUs
    };
    let speller = Speller::new(&[], &[]);
    for word in words {
        println!("{word}: {}", speller.suggest(word, language, 5).join(", "));
    }
}

/// A small deterministic generator (xorshift), so the sample is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn sample(n: usize, out: &str) {
    let speller = Speller::new(&[], &[]);
    let mut pairs: Vec<(String, String)> = typos_dict::WORD
        .map
        .entries()
        .filter_map(|(typo, corrections)| {
            let typo = typo.into_inner().to_lowercase();
            let [correction] = corrections else {
                return None;
            };
            let correction = correction.to_lowercase();
            let plain = |w: &str| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase());
            (plain(&typo)
                && plain(&correction)
                && !speller.is_known(&typo, Language::EnUs)
                && !speller.is_known(&typo, Language::EnGb)
                && speller.is_known(&correction, Language::EnUs))
            .then_some((typo, correction))
        })
        .collect();
    pairs.sort();
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for i in (1..pairs.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        pairs.swap(i, j);
    }
    pairs.truncate(n);
    pairs.sort();
    let text: String = pairs.iter().map(|(t, c)| format!("{t}\t{c}\n")).collect();
    if let Err(e) = std::fs::write(out, text) {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    }
    eprintln!("wrote {} pairs to {out}", pairs.len());
}

/// French typos made from the words of the clean French posts, one slip per word, cycling
/// through the commonest kinds: a missing accent, two letters swapped, a letter dropped, a
/// neighbouring key. Synthetic: a sanity check of French suggestions, not a corpus.
fn french_typos(speller: &Speller, text: &str) -> Vec<(String, String)> {
    const NEIGHBOUR: [(char, char); 8] = [
        ('a', 'z'),
        ('e', 'r'),
        ('i', 'o'),
        ('o', 'p'),
        ('u', 'y'),
        ('s', 'd'),
        ('n', 'b'),
        ('t', 'r'),
    ];
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_lowercase))
        .map(String::from)
        .filter(|w| speller.is_known(w, Language::Fr))
        .collect();
    words.sort();
    words.dedup();
    let strip = |c: char| match c {
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'à' | 'â' => 'a',
        'î' | 'ï' => 'i',
        'ô' => 'o',
        'ù' | 'û' => 'u',
        'ç' => 'c',
        other => other,
    };
    let mut pairs = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let chars: Vec<char> = word.chars().collect();
        let n = chars.len();
        let mut typo = chars.clone();
        let accented = chars.iter().any(|&c| strip(c) != c);
        match i % 4 {
            0 if accented => typo = chars.iter().map(|&c| strip(c)).collect(),
            0 | 1 => typo.swap(n / 2 - 1, n / 2),
            2 => {
                typo.remove(n / 2);
            }
            _ => {
                if let Some(k) = (1..n).find(|&k| NEIGHBOUR.iter().any(|&(a, _)| a == chars[k])) {
                    typo[k] = NEIGHBOUR
                        .iter()
                        .find(|&&(a, _)| a == chars[k])
                        .map_or(chars[k], |&(_, b)| b);
                } else {
                    typo.swap(n / 2 - 1, n / 2);
                }
            }
        }
        let typo: String = typo.into_iter().collect();
        if typo != *word && !speller.is_known(&typo, Language::Fr) {
            pairs.push((typo, word.clone()));
        }
    }
    pairs
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(1)
    })
}

struct Accuracy {
    detected: usize,
    top1: usize,
    top5: usize,
    total: usize,
    suggest_micros: Vec<f64>,
}

fn accuracy(speller: &Speller, pairs: &[(String, String)]) -> Accuracy {
    accuracy_in(speller, pairs, Language::EnUs)
}

fn accuracy_in(speller: &Speller, pairs: &[(String, String)], language: Language) -> Accuracy {
    let mut acc = Accuracy {
        detected: 0,
        top1: 0,
        top5: 0,
        total: pairs.len(),
        suggest_micros: Vec::new(),
    };
    for (typo, correction) in pairs {
        if !speller.is_known(typo, language) {
            acc.detected += 1;
        }
        // The fastest of three runs: the machine is shared, and the others are noise.
        let mut fastest = f64::MAX;
        let mut suggestions = Vec::new();
        for _ in 0..3 {
            // A clone forgets the suggestions already ranked: each run ranks them again.
            let fresh = speller.clone();
            let start = Instant::now();
            suggestions = fresh.suggest(typo, language, 5);
            fastest = fastest.min(start.elapsed().as_secs_f64() * 1e6);
        }
        acc.suggest_micros.push(fastest);
        let hit = |s: &String| s.to_lowercase() == correction.to_lowercase();
        if suggestions.first().is_some_and(hit) {
            acc.top1 += 1;
        }
        if suggestions.iter().any(hit) {
            acc.top5 += 1;
        }
    }
    acc
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    values
        .get(((values.len() as f64 - 1.0) * p).round() as usize)
        .copied()
        .unwrap_or(0.0)
}

fn accuracy_json(acc: &mut Accuracy) -> String {
    let pct = |x: usize| 100.0 * x as f64 / acc.total.max(1) as f64;
    let mean = acc.suggest_micros.iter().sum::<f64>() / acc.suggest_micros.len().max(1) as f64;
    format!(
        "{{\"pairs\":{},\"recall\":{:.2},\"top1\":{:.2},\"top5\":{:.2},\"suggest_us_mean\":{:.1},\"suggest_us_p50\":{:.1},\"suggest_us_p95\":{:.1}}}",
        acc.total,
        pct(acc.detected),
        pct(acc.top1),
        pct(acc.top5),
        mean,
        percentile(&mut acc.suggest_micros, 0.5),
        percentile(&mut acc.suggest_micros, 0.95),
    )
}

/// Posts of a clean-text file (separated by blank lines).
fn posts(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// False flags of `checker` on `posts`: (all rules, spelling only, µs per post).
fn false_flags(checker: &Checker, posts: &[&str], log: bool) -> (usize, usize, f64) {
    let options = CheckOptions {
        categories: Some(vec![Category::Spelling, Category::Grammar]),
        ..CheckOptions::default()
    };
    let (mut all, mut spelling) = (0, 0);
    let start = Instant::now();
    for post in posts {
        for d in checker.check(post, &options).diagnostics {
            all += 1;
            spelling += usize::from(d.category == Category::Spelling);
            if log {
                eprintln!(
                    "plume flag: {} {:?} -> {:?}",
                    d.rule,
                    &post[d.span.start..d.span.end],
                    d.suggestions
                );
            }
        }
    }
    let micros = start.elapsed().as_secs_f64() * 1e6 / posts.len().max(1) as f64;
    (all, spelling, micros)
}

fn checker(brand_lexicon: Vec<String>) -> Checker {
    Checker::new(Config {
        language: Language::Auto,
        brand_lexicon,
        ..Config::default()
    })
    .unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    })
}

fn eval(pairs_path: &str, en_path: &str, fr_path: &str, brands_path: &str) {
    let pairs: Vec<(String, String)> = read(pairs_path)
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(t, c)| (t.to_string(), c.to_string()))
        .collect();
    let mut speller = Speller::new(&[], &[]);
    let mut with_table = accuracy(&speller, &pairs);
    speller.set_misspelling_table(false);
    let mut without_table = accuracy(&speller, &pairs);

    // Lookups: every word of the English clean text and every correction.
    let (en_text, fr_text) = (read(en_path), read(fr_path));
    let words: Vec<String> = en_text
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .filter(|w| w.len() > 1)
        .map(String::from)
        .chain(pairs.iter().map(|(_, c)| c.clone()))
        .collect();
    // The fastest of 20 rounds over all words, as the machine is shared.
    let mut lookup_ns = f64::MAX;
    let mut known = 0usize;
    for _ in 0..20 {
        known = 0;
        let start = Instant::now();
        for w in &words {
            known += usize::from(speller.is_known(w, Language::EnUs));
        }
        lookup_ns = lookup_ns.min(start.elapsed().as_secs_f64() * 1e9 / words.len() as f64);
    }

    let french_pairs = french_typos(&speller, &fr_text);
    let mut french = accuracy_in(&speller, &french_pairs, Language::Fr);

    // False flags on clean social text, each post checked as a draft in `auto`.
    let brands: Vec<String> = read(brands_path)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    let (en, fr) = (posts(&en_text), posts(&fr_text));
    let tokens =
        |posts: &[&str]| -> usize { posts.iter().map(|p| p.split_whitespace().count()).sum() };
    let with_brands = checker(brands);
    let without_brands = checker(Vec::new());
    let (en_all, en_spelling, en_micros) = false_flags(&with_brands, &en, true);
    let (fr_all, fr_spelling, _) = false_flags(&with_brands, &fr, true);
    let (en_no_brands, _, _) = false_flags(&without_brands, &en, false);
    let per_k = |n: usize, t: usize| 1000.0 * n as f64 / t.max(1) as f64;
    let (en_tokens, fr_tokens) = (tokens(&en), tokens(&fr));
    println!(
        "{{\"with_table\":{},\"without_table\":{},\"french_synthetic\":{},\"lookup_ns\":{:.1},\"lookup_known\":{},\"en_tokens\":{},\"fr_tokens\":{},\"en_flags_per_k\":{:.2},\"en_spelling_flags_per_k\":{:.2},\"fr_flags_per_k\":{:.2},\"fr_spelling_flags_per_k\":{:.2},\"all_flags_per_k\":{:.2},\"en_no_brands_flags_per_k\":{:.2},\"check_us_per_post\":{:.1}}}",
        accuracy_json(&mut with_table),
        accuracy_json(&mut without_table),
        accuracy_json(&mut french),
        lookup_ns,
        known,
        en_tokens,
        fr_tokens,
        per_k(en_all, en_tokens),
        per_k(en_spelling, en_tokens),
        per_k(fr_all, fr_tokens),
        per_k(fr_spelling, fr_tokens),
        per_k(en_all + fr_all, en_tokens + fr_tokens),
        per_k(en_no_brands, en_tokens),
        en_micros,
    );
}
