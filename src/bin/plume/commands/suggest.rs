//! `plume suggest`: is each word known, and what was meant? Suggestions best first.

use std::io::{self, BufWriter, Write};
use std::str::FromStr;

use plume::spell::Speller;
use plume::Language;
use serde_json::json;

use crate::cli::args::{Format, SuggestArgs};
use crate::cli::commands::Outcome;
use crate::cli::error::CliError;
use crate::cli::setup::read_dictionary;

pub fn run(args: &SuggestArgs) -> Result<Outcome, CliError> {
    let language = match args.language.lang.as_deref() {
        Some(code) => Language::from_str(code).map_err(|e| CliError::Usage(e.to_string()))?,
        None => Language::default(),
    };
    if matches!(args.format, Format::Sarif | Format::Vale) {
        return Err(CliError::Usage(
            "plume suggest writes human, json or jsonl; sarif and vale are for findings in files"
                .to_string(),
        ));
    }
    if let Some(word) = args.words.iter().find(|w| w.trim().is_empty()) {
        return Err(CliError::Usage(format!(
            "cannot look up {word:?}: give words, not blank strings"
        )));
    }
    let personal: Vec<String> = match &args.language.dict {
        Some(path) => read_dictionary(path)?.into_iter().map(|(_, w)| w).collect(),
        None => Vec::new(),
    };
    let speller = Speller::new(&personal, &[]);

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all = Vec::new();
    for word in &args.words {
        // `Speller::is_known` answers for the dictionaries only; the user's words count too.
        let correct = personal
            .iter()
            .any(|p| p.to_lowercase() == word.to_lowercase())
            || speller.is_known(word, language);
        let suggestions = if correct {
            Vec::new()
        } else {
            speller.suggest(word, language, args.limit)
        };
        match args.format {
            Format::Human if correct => writeln!(out, "{word}: correct")?,
            Format::Human if suggestions.is_empty() => writeln!(out, "{word}: no suggestion")?,
            Format::Human => writeln!(out, "{word}: {}", suggestions.join(", "))?,
            Format::Jsonl => writeln!(
                out,
                "{}",
                json!({"word": word, "correct": correct, "suggestions": suggestions})
            )?,
            _ => all.push(json!({"word": word, "correct": correct, "suggestions": suggestions})),
        }
    }
    if args.format == Format::Json {
        serde_json::to_writer_pretty(&mut out, &json!({ "words": all }))
            .map_err(io::Error::from)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(Outcome::Clean)
}
