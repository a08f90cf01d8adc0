//! The command line as typed: subcommands, options and their help, parsed by clap.
//!
//! Only parsing and help text live here; what an option does is decided in the command modules.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The exit-code table, as a literal so `concat!` can reuse it.
macro_rules! exit_codes_help {
    () => {
        "Exit codes:
  0  clean: no finding at or above --fail-on
  1  findings at or above --fail-on (default: error)
  2  usage or input error (missing file, invalid UTF-8, malformed CSV/JSON, bad pack or
     dictionary); the message names the file and line"
    };
}

/// Exit codes, shared by every `--help` and the docs.
pub const EXIT_CODES_HELP: &str = exit_codes_help!();

#[derive(Debug, Parser)]
#[command(
    name = "plume",
    version,
    about = "Spelling, tone and brand-guideline checks for social posts, fully local.",
    long_about = "Spelling, tone and brand-guideline checks for social posts, fully local.\n\n\
        Checks drafts from text, Markdown, CSV, JSON and JSONL files (or standard input) with \
        the same core as the Plume browser extension.",
    after_help = EXIT_CODES_HELP,
    after_long_help = concat!(
        "Examples:\n",
        "  plume check examples/launch-post.md\n",
        "  plume check examples/scheduled-posts.csv --format jsonl\n",
        "  plume check --each-line captions.txt --fail-on warning\n",
        "  plume check --pack examples/brand-pack.yml --platform x posts.jsonl\n",
        "  plume check --format vale .        (in a folder with a .vale.ini)\n",
        "  plume tone --format jsonl examples/scheduled-posts.csv\n",
        "  plume suggest tomorow recieve\n\n",
        exit_codes_help!()
    )
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts for spelling, tone, guideline and platform problems.
    #[command(after_help = EXIT_CODES_HELP)]
    Check(CheckArgs),
    /// Show each draft's tone summary (sentiment, formality…), without diagnostics.
    #[command(after_help = EXIT_CODES_HELP)]
    Tone(ToneArgs),
    /// Spelling suggestions for single words, best first.
    #[command(after_help = EXIT_CODES_HELP)]
    Suggest(SuggestArgs),
    /// Work on guideline packs.
    #[command(subcommand)]
    Pack(PackCommand),
}

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Run a pack's embedded tests (each rule's examples must pass and fail as declared).
    #[command(after_help = EXIT_CODES_HELP)]
    Test {
        /// The pack file, or a Vale styles folder.
        pack: PathBuf,
    },
    /// Validate a pack without running it.
    #[command(after_help = EXIT_CODES_HELP)]
    Lint {
        /// The pack file, or a Vale styles folder.
        pack: PathBuf,
    },
}

/// Where drafts come from and how files are split into drafts.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to check; `-` (or nothing) reads standard input. A folder is walked
    /// for .txt, .md, .csv, .json and .jsonl files; a folder with a `.vale.ini` is checked the
    /// way Vale does, with the styles it names.
    #[arg(value_name = "FILES")]
    pub paths: Vec<PathBuf>,

    /// How to read the input; by default from the file's extension (standard input: text).
    #[arg(long = "input-format", value_enum, value_name = "KIND")]
    pub input_format: Option<InputFormat>,

    /// Treat every line as its own draft: one result per line, empty lines included.
    #[arg(long)]
    pub each_line: bool,

    /// CSV column holding the draft (default: `text`, else post, message, content, caption,
    /// body or tweet). Other columns are kept as context.
    #[arg(long, value_name = "NAME")]
    pub column: Option<String>,

    /// JSON/JSONL field holding the draft; `a.b` reaches into nested objects.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub field: String,
}

/// The language and dictionaries a check uses.
#[derive(Debug, Args)]
pub struct LanguageArgs {
    /// Language of the drafts; `auto` (the default) decides per draft and per paragraph. A CSV
    /// `language` column overrides it per row.
    #[arg(long, value_name = "LANG", value_parser = ["en-US", "en-GB", "fr", "auto"])]
    pub lang: Option<String>,

    /// Language of Plume's messages and explanations: en or fr (default: the environment's
    /// locale, from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_name = "LANG", value_parser = ["en", "fr"])]
    pub ui_lang: Option<String>,

    /// Personal dictionary: one word per line (`#` starts a comment); never flagged.
    #[arg(long, value_name = "FILE")]
    pub dict: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub language: LanguageArgs,

    /// Check length, hashtag and link rules of this platform: x, mastodon, bluesky, threads,
    /// linkedin, instagram, facebook or youtube (a CSV `platform` column sets it per row).
    #[arg(long, value_name = "NAME", value_parser = parse_platform)]
    pub platform: Option<plume::guide::Platform>,

    /// A guideline pack file, a folder of packs, or a Vale style folder. Repeatable.
    #[arg(long = "pack", value_name = "FILE|DIR")]
    pub packs: Vec<PathBuf>,

    /// Hide findings below this level.
    #[arg(long, value_enum, value_name = "LEVEL", default_value = "suggestion")]
    pub min_level: Level,

    /// Exit with 1 when a shown finding is at or above this level.
    #[arg(long, value_enum, value_name = "LEVEL", default_value = "error")]
    pub fail_on: FailOn,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,

    /// When to colour human output.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct ToneArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub language: LanguageArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The words to look up.
    #[arg(value_name = "WORD", required = true)]
    pub words: Vec<String>,

    #[command(flatten)]
    pub language: LanguageArgs,

    /// Most suggestions per word.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub limit: usize,

    /// Output format (human, json or jsonl).
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Csv,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source line with a caret under each finding.
    Human,
    /// One JSON document (see docs/report.schema.json).
    Json,
    /// One JSON object per draft, in input order.
    Jsonl,
    /// SARIF 2.1.0, for code-review tools.
    Sarif,
    /// Vale's line format: `file:line:col:Style.Rule:message`.
    Vale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Level {
    Suggestion,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> plume::Severity {
        match self {
            Level::Suggestion => plume::Severity::Suggestion,
            Level::Warning => plume::Severity::Warning,
            Level::Error => plume::Severity::Error,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Suggestion,
    Warning,
    Error,
    /// Always exit 0 when the input could be read.
    Never,
}

impl FailOn {
    /// The lowest severity that fails the run, if any does.
    pub fn threshold(self) -> Option<plume::Severity> {
        match self {
            FailOn::Suggestion => Some(plume::Severity::Suggestion),
            FailOn::Warning => Some(plume::Severity::Warning),
            FailOn::Error => Some(plume::Severity::Error),
            FailOn::Never => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Parses a platform name the way the core does (`twitter` is accepted for `x`).
fn parse_platform(name: &str) -> Result<plume::guide::Platform, String> {
    name.parse()
}
