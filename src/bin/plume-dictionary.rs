//! Writes a compiled dictionary file for the browser extension, which loads it at run time:
//! `cargo run --release --bin plume-dictionary -- fr dist/dictionaries/fr.dict`.

use std::process::ExitCode;

use plume::Language;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [lang, path] = args.as_slice() else {
        eprintln!("usage: plume-dictionary <language> <output file>   (language: fr)");
        return ExitCode::from(2);
    };
    let language: Language = match lang.parse() {
        Ok(language) => language,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let Some(bytes) =
        plume::spell::embedded_dictionary(language).filter(|_| language == Language::Fr)
    else {
        eprintln!("no loadable dictionary for {lang}: only fr is loaded at run time (English is built in)");
        return ExitCode::from(2);
    };
    if let Some(dir) = std::path::Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    match std::fs::write(path, bytes) {
        Ok(()) => {
            println!("wrote {path} ({} bytes)", bytes.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
