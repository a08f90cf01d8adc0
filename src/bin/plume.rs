//! `plume`: the command line for bulk checks of scheduled posts, with the extension's core.
//!
//! This file only starts the CLI (in `src/bin/plume/`) and turns its outcome into an exit code:
//! 0 clean, 1 findings at or above `--fail-on`, 2 usage or input error.

#[cfg(not(target_arch = "wasm32"))]
#[path = "plume/mod.rs"]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The CLI is native only; the wasm build of the crate has no use for it.
#[cfg(target_arch = "wasm32")]
fn main() {}
