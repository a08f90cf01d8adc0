//! Native speed of the core, per stage (tokenize, spell, tone, guide, whole check) on posts,
//! LinkedIn-length posts and long documents, English and French. Prints a Markdown table of
//! median times. Run: `cargo bench --bench core` (no timing assertions: a benchmark, not a test).
//!
//! "whole check" is the first check of a draft by a checker whose caches are empty (suggestions
//! included); "after edit" checks a new version of a draft the checker has seen, with one letter
//! of its middle paragraph changed (a different letter each time, so no version repeats): the
//! keystroke case; "typing" checks a draft whose middle line gains one character per check
//! (each version new: a word being typed, so a half-typed word at every check).
//!
//! For instruction counts (the shared machine's wall clock is noisy), one case can be run a
//! fixed number of times without timing, e.g. under callgrind:
//! `valgrind --tool=callgrind target/release/deps/core-* --run check en "10,000 chars" 20`
//! (stages: tokenize, spell, tone, guide, check, cold, edit, typing). For `edit` and `typing` the
//! checker first sees the draft once: per check = (count for N+k runs − count for N runs) / k.
//! `PLUME_BENCH_PACKS=none` runs without the `social-essentials` pack (the extension's default).

use std::hint::black_box;
use std::time::{Duration, Instant};

use plume::guide::{shipped_pack, Guide};
use plume::spell::Speller;
use plume::{CheckOptions, Checker, Config, Language};

fn texts(lang: &str) -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/texts");
    let post = std::fs::read_to_string(format!("{dir}/post-{lang}.txt")).expect("post text");
    let paragraphs =
        std::fs::read_to_string(format!("{dir}/paragraphs-{lang}.txt")).expect("paragraphs");
    let paragraphs: Vec<&str> = paragraphs.lines().filter(|l| !l.is_empty()).collect();
    let document = |length: usize| {
        let mut out = String::new();
        let mut i = 0;
        while out.len() < length {
            out.push_str(&format!(
                "Part {}. {}\n",
                i + 1,
                paragraphs[i % paragraphs.len()]
            ));
            i += 1;
        }
        let mut end = length.min(out.len());
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
        out
    };
    vec![
        ("post".into(), post.trim().to_string()),
        ("3,000 chars".into(), document(3_000)),
        ("10,000 chars".into(), document(10_000)),
        ("100,000 chars".into(), document(100_000)),
    ]
}

/// Median wall time of `f` over runs filling about `budget`.
fn median(budget: Duration, mut f: impl FnMut()) -> Duration {
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < 5 || (start.elapsed() < budget && samples.len() < 2_000) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    samples.sort();
    samples[samples.len() / 2]
}

/// Median of the durations `f` measures itself, over runs filling about `budget`.
fn median_timed(budget: Duration, mut f: impl FnMut() -> Duration) -> Duration {
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < 5 || (start.elapsed() < budget && samples.len() < 2_000) {
        samples.push(f());
    }
    samples.sort();
    samples[samples.len() / 2]
}

fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.1} µs")
    }
}

/// The closest character boundary of `text` at or before byte `at`.
fn char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `text` with one letter changed in its middle paragraph (or its middle, for one paragraph):
/// the `run`-th lowercase letter from the paragraph's middle on becomes `e` (or `a` for an `e`),
/// then, once every letter has had its turn, other replacements, so versions do not repeat.
fn edited(text: &str, run: usize) -> String {
    let middle = char_boundary(text, text.len() / 2);
    let paragraph_start = text[..middle].rfind('\n').map_or(0, |i| i + 1);
    let paragraph_end = text[middle..].find('\n').map_or(text.len(), |i| middle + i);
    let paragraph = &text[paragraph_start..paragraph_end];
    let letters: Vec<(usize, char)> = paragraph
        .char_indices()
        .filter(|&(_, c)| c.is_ascii_lowercase())
        .collect();
    let (i, c) = letters[(letters.len() / 2 + run) % letters.len()];
    let round = run / letters.len();
    let replacement = (b'a' + ((c as u8 - b'a' + 1 + round as u8 % 25) % 26)) as char;
    let i = paragraph_start + i;
    format!("{}{}{}", &text[..i], replacement, &text[i + 1..])
}

/// `text` with `word` typed into its middle line, one more character per call (`typed`
/// characters so far): every version is new to the checker, as when someone is typing.
fn typing(text: &str, typed: usize) -> String {
    const WORD: &str = " brilliant";
    // The word goes after the k-th space from the middle, k changing every word typed.
    let middle = char_boundary(text, text.len() / 2);
    let spaces: Vec<usize> = text[middle..]
        .match_indices(' ')
        .map(|(i, _)| middle + i)
        .take(40)
        .collect();
    let word = typed / WORD.len();
    let k = word % spaces.len().max(1);
    let at = spaces.get(k).copied().unwrap_or(text.len());
    // Once every place has had the word, later rounds type it after a prefix of their own
    // (`b`, `c`, … `ba` …), so no version repeats and none comes from the cache.
    let mut round = word / spaces.len().max(1);
    let mut prefix = String::new();
    while round > 0 {
        prefix.insert(0, char::from(b'a' + (round % 26) as u8));
        round /= 26;
    }
    let typed = &WORD[1..typed % WORD.len() + 1];
    format!("{} {prefix}{typed}{}", &text[..at], &text[at..])
}

/// The packs the whole checks run with: `social-essentials`, or none with
/// `PLUME_BENCH_PACKS=none` (the extension's default checks: spelling and tone).
fn bench_packs(pack: plume::guide::PackSource) -> Vec<plume::guide::PackSource> {
    match std::env::var("PLUME_BENCH_PACKS").as_deref() {
        Ok("none") => vec![],
        _ => vec![pack],
    }
}

/// The guide with `social-essentials`, a speller and a checker (with the pack unless
/// `PLUME_BENCH_PACKS=none`) that every stage is measured with.
fn engines() -> (Guide, Speller, Checker) {
    let pack = shipped_pack("social-essentials").expect("shipped pack");
    let guide = Guide::from_sources(std::slice::from_ref(&pack)).expect("pack loads");
    let speller = Speller::new(&[], &[]);
    let checker = Checker::new(Config {
        packs: bench_packs(pack),
        ..Config::default()
    })
    .expect("config");
    (guide, speller, checker)
}

/// Runs one stage on one text `runs` times, untimed (for callgrind).
fn run_once(stage: &str, lang: &str, name: &str, runs: usize) {
    let (guide, speller, checker) = engines();
    // `auto:en`, `auto:fr`: the English or French texts checked in `auto` (the extension's
    // default language).
    let (lang, language) = match lang {
        "fr" => ("fr", Language::Fr),
        "auto:en" => ("en", Language::Auto),
        "auto:fr" => ("fr", Language::Auto),
        _ => ("en", Language::EnUs),
    };
    let options = CheckOptions {
        language: Some(language),
        ..CheckOptions::default()
    };
    let (_, text) = texts(lang)
        .into_iter()
        .find(|(n, _)| n == name)
        .expect("a text name: post, 3,000 chars, 10,000 chars, 100,000 chars");
    let tokens = plume::text::tokenize(&text);
    if stage == "edit" || stage == "typing" {
        black_box(checker.check(&text, &options));
    }
    for run in 0..runs {
        match stage {
            "tokenize" => drop(black_box(plume::text::tokenize(black_box(&text)))),
            // A clone forgets the suggestions it ranked: every run ranks them again.
            "spell" => {
                let mut out = Vec::new();
                speller.clone().check_in(&text, &tokens, language, &mut out);
                black_box(out);
            }
            "tone" => {
                let mut out = Vec::new();
                black_box(plume::tone::check_tone(
                    &text, &tokens, language, None, &mut out,
                ));
            }
            "guide" => {
                let mut out = Vec::new();
                black_box(guide.check(&text, &tokens, language, None, &|_| true, &mut out));
            }
            "check" => drop(black_box(checker.check(&text, &options))),
            // A clone starts with an empty cache: the first check of a draft.
            "cold" => drop(black_box(checker.clone().check(&text, &options))),
            "typing" => drop(black_box(checker.check(&typing(&text, run), &options))),
            "edit" => drop(black_box(checker.check(&edited(&text, run), &options))),
            other => panic!("unknown stage {other}"),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--run") {
        let arg = |i: usize| args.get(at + i).map(String::as_str);
        let runs = arg(4).and_then(|n| n.parse().ok()).unwrap_or(10);
        run_once(
            arg(1).unwrap_or("check"),
            arg(2).unwrap_or("en"),
            arg(3).unwrap_or("post"),
            runs,
        );
        return;
    }
    let budget = Duration::from_millis(400);
    let (guide, speller, checker) = engines();
    println!(
        "| text | tokenize | spell | tone | guide (social-essentials) | whole check | after edit | typing |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (lang, language) in [("en", Language::EnUs), ("fr", Language::Fr)] {
        let options = CheckOptions {
            language: Some(language),
            ..CheckOptions::default()
        };
        for (name, text) in texts(lang) {
            let tokens = plume::text::tokenize(&text);
            let tokenize = median(budget, || {
                black_box(plume::text::tokenize(black_box(&text)));
            });
            // A clone forgets the suggestions it ranked (cloning untimed).
            let spell = median_timed(budget, || {
                let fresh = speller.clone();
                let mut out = Vec::new();
                let t = Instant::now();
                fresh.check_in(&text, &tokens, language, &mut out);
                let elapsed = t.elapsed();
                black_box(out);
                elapsed
            });
            let tone = median(budget, || {
                let mut out = Vec::new();
                black_box(plume::tone::check_tone(
                    &text, &tokens, language, None, &mut out,
                ));
            });
            let guide_time = median(budget, || {
                let mut out = Vec::new();
                black_box(guide.check(&text, &tokens, language, None, &|_| true, &mut out));
            });
            // The first check of a draft: a clone starts with an empty cache (cloning untimed).
            let whole = median_timed(budget, || {
                let fresh = checker.clone();
                let t = Instant::now();
                black_box(fresh.check(&text, &options));
                t.elapsed()
            });
            black_box(checker.check(&text, &options));
            let mut run = 0;
            let after_edit = median_timed(budget, || {
                run += 1;
                let draft = edited(&text, run);
                let t = Instant::now();
                black_box(checker.check(&draft, &options));
                t.elapsed()
            });
            let mut typed = 0;
            let while_typing = median_timed(budget, || {
                typed += 1;
                let draft = typing(&text, typed);
                let t = Instant::now();
                black_box(checker.check(&draft, &options));
                t.elapsed()
            });
            println!(
                "| {lang} {name} | {} | {} | {} | {} | {} | {} | {} |",
                show(tokenize),
                show(spell),
                show(tone),
                show(guide_time),
                show(whole),
                show(after_edit),
                show(while_typing)
            );
        }
    }
}
