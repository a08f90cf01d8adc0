//! Tone benchmark (native): Plume's sentiment label on the TweetEval sentiment and XLM-T English
//! and French validation sets (macro-recall, macro-F1, accuracy), and the aggression/profanity signal on
//! TweetEval offensive validation (F1 of the offensive class), with time per tweet.
//!
//! Then a false-alarm table on positive brand posts written for Plume (`brand-posts.tsv`, in
//! this folder, so it runs without the shared data too): how many read as Negative or
//! Aggressive, or get a shouting or hostile diagnostic.
//!
//! `cargo bench --bench tone -- <data dir>`; `benches/tone/run.sh` runs it beside VADER.

use std::time::Instant;

use plume::tone::{Polarity, ToneSummary};
use plume::{Category, CheckOptions, Checker, Config, Language};

fn read_lines(path: &str) -> Vec<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => text.lines().map(str::to_string).collect(),
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    }
}

/// CPU time of this thread in nanoseconds (Linux `schedstat`): unlike wall time, it does not
/// grow when other processes share the machine.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Runs `f` and returns its result with the wall and CPU microseconds it took.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, Option<f64>) {
    let cpu = cpu_ns();
    let start = Instant::now();
    let out = f();
    let wall = start.elapsed().as_secs_f64() * 1e6;
    let cpu = cpu.zip(cpu_ns()).map(|(a, b)| (b - a) as f64 / 1e3);
    (out, wall, cpu)
}

fn class(p: Polarity) -> usize {
    match p {
        Polarity::Negative => 0,
        Polarity::Neutral => 1,
        Polarity::Positive => 2,
    }
}

/// Macro-recall, macro-F1 and accuracy of `predicted` against `gold` over `classes` classes.
fn metrics(gold: &[usize], predicted: &[usize], classes: usize) -> (f64, f64, f64) {
    let mut recall = 0.0;
    let mut f1 = 0.0;
    for c in 0..classes {
        let tp = gold
            .iter()
            .zip(predicted)
            .filter(|(g, p)| **g == c && **p == c)
            .count() as f64;
        let gold_c = gold.iter().filter(|g| **g == c).count() as f64;
        let pred_c = predicted.iter().filter(|p| **p == c).count() as f64;
        let r = if gold_c > 0.0 { tp / gold_c } else { 0.0 };
        let p = if pred_c > 0.0 { tp / pred_c } else { 0.0 };
        recall += r;
        f1 += if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
    }
    let correct = gold.iter().zip(predicted).filter(|(g, p)| g == p).count() as f64;
    (
        recall / classes as f64,
        f1 / classes as f64,
        correct / gold.len().max(1) as f64,
    )
}

/// The offensive signal: aggression at or above the friendly-professional preset's limit, or
/// any profane word.
const AGGRESSION_SIGNAL: f32 = 0.3;

fn checker(language: Language) -> Checker {
    match Checker::new(Config {
        language,
        ..Config::default()
    }) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}

/// A tweet as it was typed: the data files keep some characters as JSON escapes (`\u2019`,
/// `\u002c`) and HTML entities (`&amp;`). `vader.py` decodes them the same way.
fn decode(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find(['\\', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let escaped = rest
            .strip_prefix("\\u")
            .and_then(|hex| hex.get(..4))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        let entity = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
        ]
        .into_iter()
        .find(|(name, _)| rest.starts_with(name));
        if let Some(c) = escaped {
            out.push(c);
            rest = &rest[6..];
        } else if let Some((name, c)) = entity {
            out.push(c);
            rest = &rest[name.len()..];
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Texts and gold labels of one set, cut to the shorter of the two files.
fn load(dir: &str, text_path: &str, label_path: &str) -> (Vec<String>, Vec<usize>) {
    let mut texts: Vec<String> = read_lines(&format!("{dir}/{text_path}"))
        .iter()
        .map(|l| decode(l))
        .collect();
    let gold: Vec<usize> = read_lines(&format!("{dir}/{label_path}"))
        .iter()
        .filter_map(|l| l.trim().parse().ok())
        .collect();
    texts.truncate(gold.len());
    (texts, gold)
}

/// Checks every text five times (the machine is shared: the fastest pass is the least
/// disturbed) and returns the tone summaries with wall and CPU µs per text.
fn run(checker: &Checker, texts: &[String]) -> (Vec<ToneSummary>, f64, f64) {
    let tone_only = CheckOptions {
        categories: Some(vec![Category::Tone]),
        ..CheckOptions::default()
    };
    let n = texts.len().max(1) as f64;
    let (mut best_wall, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
    let mut tones = Vec::new();
    let passes = std::env::var("PLUME_TONE_PASSES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(5);
    for _ in 0..passes {
        // A clone starts with empty caches: every pass reads every tweet (the checker reuses
        // the lines it has seen).
        let fresh = checker.clone();
        let (out, wall, cpu) = timed(|| {
            texts
                .iter()
                .map(|t| fresh.check(t, &tone_only).tone)
                .collect::<Vec<_>>()
        });
        best_wall = best_wall.min(wall / n);
        best_cpu = best_cpu.min(cpu.unwrap_or(f64::NAN) / n);
        tones = out;
    }
    (tones, best_wall, best_cpu)
}

/// The words that carry a text's sentiment, with their valence after every rule (for dumps).
fn explain(text: &str, language: Language) -> String {
    let lang = match language {
        Language::Fr => plume::tone::Lang::Fr,
        _ => plume::tone::Lang::En,
    };
    let tokens = plume::text::tokenize(text);
    let analysis = plume::tone::ToneAnalysis::read(text, &tokens, lang);
    analysis
        .sentiment
        .contributions
        .iter()
        .map(|c| {
            format!(
                "{}({:.1})",
                analysis.draft.slice(c.first, c.last),
                c.valence
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The false-alarm table: every brand post is meant warmly, so each Negative sentiment, each
/// Negative or Aggressive label, each shouting, aggressive or profanity diagnostic is a false
/// alarm. `PLUME_TONE_VERBOSE=1` prints the posts that raised one.
fn brand_posts() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/tone/brand-posts.tsv");
    let verbose = std::env::var("PLUME_TONE_VERBOSE").is_ok_and(|v| v == "1");
    for (code, language) in [("en", Language::EnUs), ("fr", Language::Fr)] {
        let posts: Vec<String> = read_lines(path)
            .into_iter()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                l.split_once('\t')
                    .filter(|(c, _)| *c == code)
                    .map(|(_, p)| p.to_string())
            })
            .collect();
        let checker = checker(language);
        let (mut negative, mut label, mut shouting, mut hostile) = (0, 0, 0, 0);
        for post in &posts {
            let report = checker.check(post, &CheckOptions::default());
            let tone = &report.tone;
            let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
            let flags = [
                tone.sentiment.label == Polarity::Negative,
                matches!(
                    tone.label,
                    plume::tone::ToneLabel::Negative | plume::tone::ToneLabel::Aggressive
                ),
                rules.contains(&"tone.shouting"),
                rules
                    .iter()
                    .any(|r| matches!(*r, "tone.aggressive" | "tone.profanity")),
            ];
            negative += usize::from(flags[0]);
            label += usize::from(flags[1]);
            shouting += usize::from(flags[2]);
            hostile += usize::from(flags[3]);
            if verbose && flags.iter().any(|f| *f) {
                eprintln!("false alarm ({code}) {flags:?} {:?}: {post}", tone.label);
            }
        }
        println!(
            "plume\tbrand posts ({code})\tn={}\tnegative-sentiment={negative}\tnegative-or-aggressive-label={label}\tshouting={shouting}\thostile-diagnostic={hostile}",
            posts.len()
        );
    }
}

/// `PLUME_TONE_TUNE=1`: how the learned model's weight in the blend moves macro-recall on the
/// held-out rows of the *training* data (`tone-train/`: GoEmotions dev, DynaSent dev, the
/// Allociné test sample), where [`plume::tone::model_weight`] was chosen. Never the tweets.
fn tune(dir: &str) {
    let sets = [
        ("goemotions/dev.tsv", Language::EnUs),
        ("dynasent/dev.tsv", Language::EnUs),
        ("allocine-fr/test.tsv", Language::Fr),
    ];
    for (file, language) in sets {
        let rows: Vec<(usize, String)> = read_lines(&format!("{dir}/tone-train/{file}"))
            .into_iter()
            .filter_map(|l| {
                let (label, text) = l.split_once('\t')?;
                let text = text
                    .split('\t')
                    .next()?
                    .chars()
                    .take(600)
                    .collect::<String>();
                let class = match label {
                    "negative" => 0,
                    "neutral" => 1,
                    "positive" => 2,
                    _ => return None,
                };
                Some((class, text))
            })
            .collect();
        let lang = match language {
            Language::Fr => plume::tone::Lang::Fr,
            _ => plume::tone::Lang::En,
        };
        let read: Vec<(usize, f32, f32)> = rows
            .iter()
            .map(|(class, text)| {
                let tokens = plume::text::tokenize(text);
                let a = plume::tone::ToneAnalysis::read(text, &tokens, lang);
                (*class, a.sentiment.draft, plume::tone::model::margin(text))
            })
            .collect();
        let gold: Vec<usize> = read.iter().map(|r| r.0).collect();
        for weight in [0.0f32, 0.25, 0.5, 0.75, 1.0, 1.5] {
            // `add`: the margin always adds; `fill`: it speaks only where no word carries valence.
            for (way, fill) in [("add", false), ("fill", true)] {
                let predicted: Vec<usize> = read
                    .iter()
                    .map(|&(_, lexicon, margin)| {
                        let m = if fill && lexicon != 0.0 { 0.0 } else { margin };
                        class(Polarity::of((lexicon + weight * m).clamp(-1.0, 1.0), lang))
                    })
                    .collect();
                let (recall, f1, _) = metrics(&gold, &predicted, 3);
                println!("tune\t{file}\t{way}\tweight={weight}\tmacro-recall={recall:.3}\tmacro-F1={f1:.3}");
            }
        }
    }
}

fn main() {
    if std::env::var("PLUME_TONE_TUNE").is_ok_and(|v| v == "1") {
        let dir = std::env::args()
            .skip(1)
            .find(|a| !a.starts_with('-'))
            .unwrap_or_else(|| "../shared/data".to_string());
        tune(&dir);
        return;
    }
    brand_posts();
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "../shared/data".to_string());
    // `PLUME_TONE_SPLIT=train` reads the train splits instead (for error analysis and tuning;
    // TweetEval sentiment has no train split here, so it is skipped).
    let train = std::env::var("PLUME_TONE_SPLIT").is_ok_and(|s| s == "train");
    let split = |path: &'static str| -> String {
        if train {
            path.replace(".val_", ".train_")
        } else {
            path.to_string()
        }
    };
    let sets = [
        (
            "TweetEval sentiment (en)",
            "tweeteval/sentiment.val_text.txt",
            "tweeteval/sentiment.val_labels.txt",
            Language::EnUs,
        ),
        (
            "XLM-T English (en)",
            "xlmt-en/en.val_text.txt",
            "xlmt-en/en.val_labels.txt",
            Language::EnUs,
        ),
        (
            "XLM-T French (fr)",
            "xlmt-fr/fr.val_text.txt",
            "xlmt-fr/fr.val_labels.txt",
            Language::Fr,
        ),
    ];
    for (name, text_path, label_path, language) in sets {
        if train && text_path.starts_with("tweeteval/sentiment") {
            continue;
        }
        let (texts, gold) = load(&dir, &split(text_path), &split(label_path));
        let (tones, wall, cpu) = run(&checker(language), &texts);
        let predicted: Vec<usize> = tones.iter().map(|t| class(t.sentiment.label)).collect();
        if let Ok(dump) = std::env::var("PLUME_TONE_DUMP") {
            let lines: Vec<String> = tones
                .iter()
                .zip(&gold)
                .zip(&texts)
                .map(|((t, g), text)| {
                    format!(
                        "{}\t{g}\t{text}\t{}",
                        t.sentiment.score,
                        explain(text, language)
                    )
                })
                .collect();
            let path = format!(
                "{dump}.{}.{}.tsv",
                language.code(),
                name.split(' ').next().unwrap_or("")
            );
            if let Err(e) = std::fs::write(&path, lines.join("\n")) {
                eprintln!("cannot write {path}: {e}");
            }
        }
        let (recall, f1, accuracy) = metrics(&gold, &predicted, 3);
        println!(
            "plume\t{name}\tn={}\tmacro-recall={recall:.3}\tmacro-F1={f1:.3}\taccuracy={accuracy:.3}\tus/tweet={wall:.1}\tcpu-us/tweet={cpu:.1}",
            texts.len()
        );
    }

    let (texts, gold) = load(
        &dir,
        &split("tweeteval/offensive.val_text.txt"),
        &split("tweeteval/offensive.val_labels.txt"),
    );
    let (tones, wall, cpu) = run(&checker(Language::EnUs), &texts);
    let predicted: Vec<usize> = tones
        .iter()
        .map(|t| usize::from(t.scores.aggression >= AGGRESSION_SIGNAL || t.scores.profanity > 0.0))
        .collect();
    if let Ok(dump) = std::env::var("PLUME_TONE_DUMP") {
        let lines: Vec<String> = tones
            .iter()
            .zip(&gold)
            .zip(&texts)
            .map(|((t, g), text)| {
                format!(
                    "{}\t{}\t{g}\t{text}\t{}",
                    t.scores.aggression, t.scores.profanity, t.scores.sentiment
                )
            })
            .collect();
        let path = format!("{dump}.offensive.tsv");
        if let Err(e) = std::fs::write(&path, lines.join("\n")) {
            eprintln!("cannot write {path}: {e}");
        }
    }
    let tp = gold
        .iter()
        .zip(&predicted)
        .filter(|(g, p)| **g == 1 && **p == 1)
        .count() as f64;
    let precision = tp / predicted.iter().filter(|p| **p == 1).count().max(1) as f64;
    let recall = tp / gold.iter().filter(|g| **g == 1).count().max(1) as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let (_, macro_f1, accuracy) = metrics(&gold, &predicted, 2);
    println!(
        "plume\tTweetEval offensive (en)\tn={}\toffensive-F1={f1:.3}\tP={precision:.3}\tR={recall:.3}\tmacro-F1={macro_f1:.3}\taccuracy={accuracy:.3}\tus/tweet={wall:.1}\tcpu-us/tweet={cpu:.1}",
        texts.len()
    );
}
