#!/bin/sh
# Native speed of the core per stage (tokenize, spell, tone, guide, whole check, after an edit,
# while typing) on posts, LinkedIn-length posts and 10,000/100,000-character documents, English
# and French. Prints a Markdown table for BENCHMARKS.md. Usage: bash benches/core/run.sh
set -e
cd "$(dirname "$0")/../.."
cargo bench --bench core --quiet
