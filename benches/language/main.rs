//! Language-decision benchmark (native): how often `auto` decides a tweet's language right, on
//! the XLM-T French and English tweets and TweetEval (English), for all tweets and for short
//! replies (2–10 words); and how many words each set has flagged as unknown that the other
//! language's dictionary knows (a word "corrected" into the wrong language).
//!
//! `cargo bench --bench language -- <data dir> [--show]`; `benches/language/run.sh` finds the data.

use plume::spell::Detected;
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

/// Words of `text` as the report counts them.
fn words(checker: &Checker, text: &str) -> usize {
    checker.check(text, &no_rules()).summary.words
}

fn no_rules() -> CheckOptions {
    CheckOptions {
        language: Some(Language::Auto),
        categories: Some(vec![]),
        ..CheckOptions::default()
    }
}

struct Tally {
    right: usize,
    total: usize,
    short_right: usize,
    short_total: usize,
    other_language_flags: usize,
    words: usize,
}

fn percent(a: usize, b: usize) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.1} % ({a}/{b})", 100.0 * a as f64 / b as f64)
    }
}

fn main() {
    let Some(data) = std::env::args().skip(1).find(|a| !a.starts_with('-')) else {
        eprintln!("usage: cargo bench --bench language -- <data dir>");
        std::process::exit(2);
    };
    // `--show` lists the tweets decided wrong and the words flagged in the wrong language.
    let show = std::env::args().any(|a| a == "--show");
    let checker = Checker::new(Config::default()).expect("the default configuration is valid");
    let spelling = CheckOptions {
        language: Some(Language::Auto),
        categories: Some(vec![Category::Spelling]),
        ..CheckOptions::default()
    };
    // Words of the other language, as a speller with both dictionaries knows them.
    let speller = plume::spell::Speller::new(&[], &[]);
    let sets = [
        (
            "xlmt-fr validation",
            "xlmt-fr/fr.val_text.txt",
            Detected::French,
        ),
        (
            "xlmt-fr train",
            "xlmt-fr/fr.train_text.txt",
            Detected::French,
        ),
        (
            "xlmt-en validation",
            "xlmt-en/en.val_text.txt",
            Detected::English,
        ),
        (
            "xlmt-en train",
            "xlmt-en/en.train_text.txt",
            Detected::English,
        ),
        (
            "tweeteval sentiment validation",
            "tweeteval/sentiment.val_text.txt",
            Detected::English,
        ),
    ];
    println!("| set | decided right | short replies (2–10 words) right | unknown-word flags on common words of the other language |");
    println!("|---|---|---|---|");
    for (name, path, expected) in sets {
        let tweets = read_lines(&format!("{data}/{path}"));
        let mut tally = Tally {
            right: 0,
            total: 0,
            short_right: 0,
            short_total: 0,
            other_language_flags: 0,
            words: 0,
        };
        let other = match expected {
            Detected::French => Language::EnUs,
            Detected::English => Language::Fr,
        };
        for tweet in &tweets {
            let report = checker.check(tweet, &spelling);
            let decided = report.decided_language.draft.language;
            let right = decided == expected;
            let count = words(&checker, tweet);
            tally.total += 1;
            tally.right += usize::from(right);
            if (2..=10).contains(&count) {
                tally.short_total += 1;
                tally.short_right += usize::from(right);
            }
            tally.words += count;
            for d in report
                .diagnostics
                .iter()
                .filter(|d| d.rule.as_str() == "spelling.unknown-word")
                // A common word of the other language (names are not counted: `Merkel`).
                .filter(|d| {
                    let word = &tweet[d.span.start..d.span.end];
                    speller.is_known(&word.to_lowercase(), other)
                })
            {
                tally.other_language_flags += 1;
                if show {
                    eprintln!("{name}: {:?} in {tweet}", &tweet[d.span.start..d.span.end]);
                }
            }
            if show && !right {
                eprintln!("{name}: decided {decided:?}: {tweet}");
            }
        }
        println!(
            "| {name} | {} | {} | {} in {} words |",
            percent(tally.right, tally.total),
            percent(tally.short_right, tally.short_total),
            tally.other_language_flags,
            tally.words
        );
    }
}
