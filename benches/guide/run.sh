#!/bin/sh
# Guideline-pack benchmark (pack loading, post checks, Vale folder checks). Prints a Markdown
# section for BENCHMARKS.md.
set -e
cd "$(dirname "$0")/../.."
cargo bench --bench guide --quiet
