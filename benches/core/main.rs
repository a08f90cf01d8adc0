//! Native speed of the core, per stage (tokenize, spell, tone, guide, whole check) on posts,
//! LinkedIn-length posts and long documents, English and French. Prints a Markdown table of
//! median times. Run: `cargo bench --bench core` (no timing assertions: a benchmark, not a test).

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

fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us >= 1000.0 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{us:.1} µs")
    }
}

fn main() {
    let budget = Duration::from_millis(400);
    let pack = shipped_pack("social-essentials").expect("shipped pack");
    let guide = Guide::from_sources(std::slice::from_ref(&pack)).expect("pack loads");
    let speller = Speller::new(&[], &[]);
    let config = Config {
        packs: vec![pack],
        ..Config::default()
    };
    let checker = Checker::new(config).expect("config");
    println!("| text | tokenize | spell | tone | guide (social-essentials) | whole check |");
    println!("|---|---|---|---|---|---|");
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
            let spell = median(budget, || {
                let mut out = Vec::new();
                speller.check_in(&text, &tokens, language, &mut out);
                black_box(out);
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
            let whole = median(budget, || {
                black_box(checker.check(&text, &options));
            });
            println!(
                "| {lang} {name} | {} | {} | {} | {} | {} |",
                show(tokenize),
                show(spell),
                show(tone),
                show(guide_time),
                show(whole)
            );
        }
    }
}
