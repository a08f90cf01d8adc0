#!/bin/sh
# Vale parity benchmark: per-style alert match rate against the alerts Vale publishes with each
# style, and Vale's own feature scenarios. Prints a Markdown section for BENCHMARKS.md. Reads the
# development data beside the clone (../shared/data or PLUME_DATA_DIR); skipped without it.
set -e
cd "$(dirname "$0")/../.."
cargo bench --bench vale --quiet
