#!/usr/bin/env bash
# Plume's one entry point.
#   ./build.sh          install what is missing, build the wasm core and the extension into dist/
#   ./build.sh test     build, then run every test (Rust, TypeScript types, browser tests)
#   ./build.sh bench    build, then run every benchmark (benches/*/run.sh)
#   ./build.sh try      build, then open Chromium with the extension on local demo composers
# Each step says what it does; a failing step names itself, says what to do, and exits non-zero.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

WASM_TARGET=wasm32-unknown-unknown
BUILD="$ROOT/build"
DIST="$ROOT/dist"
EXT="$DIST/extension"
BIN="$ROOT/node_modules/.bin"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"
PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

# fail STEP HINT: stop with a message naming the step and what to do next.
fail() {
  printf '\nbuild.sh: step "%s" failed.\n  %s\n' "$1" "$2" >&2
  exit 1
}

# run STEP HINT CMD...: run a command as a named step.
run() {
  local name="$1" hint="$2"
  shift 2
  "$@" || fail "$name" "$hint"
}

# newer OUT IN...: true when OUT is missing or older than any IN (files or directories).
newer() {
  local out="$1"
  shift
  [ -e "$out" ] || return 0
  [ -n "$(find "$@" -newer "$out" -print -quit 2>/dev/null)" ]
}

need() {
  command -v "$1" >/dev/null 2>&1 || fail "check tools" "$1 is not installed. $2"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_rust() {
  need cargo "Install Rust with rustup (https://rustup.rs)."
  need rustup "Install Rust with rustup (https://rustup.rs)."
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    step "Installing the Rust target $WASM_TARGET"
    run "rustup target" "Run: rustup target add $WASM_TARGET" rustup target add "$WASM_TARGET"
  fi
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
  [ -n "$want" ] || fail "check tools" "Cargo.lock names no wasm-bindgen version; run cargo generate-lockfile."
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    step "Installing wasm-bindgen-cli $want (must match Cargo.lock)"
    run "install wasm-bindgen-cli" "Run: cargo install wasm-bindgen-cli --version $want" \
      cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_node() {
  need node "Install Node.js 20 or later (Debian: apt-get install nodejs npm)."
  need npm "Install npm (Debian: apt-get install npm)."
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "Installing npm dev dependencies (package-lock.json)"
    run "npm ci" "Check network access to the npm registry, then run: npm ci" \
      npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  # chromium-l10n: the interface locales (the French walk test runs Chromium in French).
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -e /usr/lib/chromium/locales/fr.pak ]; then
    step "Installing Debian chromium, chromium-driver and chromium-l10n (browser tests)"
    run "install chromium" "Run as root: apt-get update && apt-get install -y chromium chromium-driver chromium-l10n" \
      as_root apt-get update -qq
    run "install chromium" "Run as root: apt-get install -y chromium chromium-driver chromium-l10n" \
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver chromium-l10n
  fi
}

version() {
  awk -F'"' '/^version = / {print $2; exit}' Cargo.toml
}

build_wasm() {
  step "Building the Rust core for $WASM_TARGET (release)"
  run "cargo build (wasm)" "Fix the compile error above; 'cargo build --target $WASM_TARGET' reproduces it." \
    cargo build --release --target "$WASM_TARGET" --lib
  local raw="target/$WASM_TARGET/release/plume.wasm"
  if newer "$BUILD/wasm/plume_bg.wasm" "$raw"; then
    step "Generating JS bindings (wasm-bindgen) and optimising (wasm-opt)"
    rm -rf "$BUILD/wasm"
    run "wasm-bindgen" "Check that wasm-bindgen-cli matches the version in Cargo.lock." \
      wasm-bindgen --target web --out-dir "$BUILD/wasm" "$raw"
    run "wasm-opt" "wasm-opt comes from the npm package binaryen; run npm ci." \
      "$BIN/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$BUILD/wasm/plume_bg.wasm" -o "$BUILD/wasm/plume_bg.opt.wasm"
    mv "$BUILD/wasm/plume_bg.opt.wasm" "$BUILD/wasm/plume_bg.wasm"
  fi
}

# The French dictionary ships beside the wasm and is loaded by the worker only when a draft is
# French; it is compiled by the core's own build script and written out by a small native command.
build_dictionaries() {
  if newer "$BUILD/dict/fr.dict" data/dictionaries src/spell build.rs; then
    step "Writing the French dictionary for lazy loading (plume-dictionary)"
    mkdir -p "$BUILD/dict"
    run "plume-dictionary" "Fix the error above; 'cargo run --release --bin plume-dictionary -- fr OUT' reproduces it." \
      cargo run --quiet --release --bin plume-dictionary -- fr "$BUILD/dict/fr.dict"
  fi
}

bundle_extension() {
  step "Bundling the extension into dist/extension"
  mkdir -p "$EXT/wasm"
  run "esbuild (worker)" "Fix the TypeScript error above." \
    "$BIN/esbuild" extension/background/worker.ts --bundle --format=esm --target=chrome120 \
    --log-level=warning --outfile="$EXT/background.js"
  run "esbuild (content script)" "Fix the TypeScript error above." \
    "$BIN/esbuild" extension/content/main.ts --bundle --format=iife --target=chrome120 \
    --log-level=warning --outfile="$EXT/content.js"
  local page
  for page in popup options learn; do
    run "esbuild ($page page)" "Fix the TypeScript error above." \
      "$BIN/esbuild" "extension/$page/$page.ts" --bundle --format=iife --target=chrome120 \
      --log-level=warning --outfile="$EXT/$page.js"
    cp "extension/$page/$page.html" "$EXT/"
  done
  cp extension/shared/pages.css "$EXT/pages.css"
  cp manifest.json "$EXT/manifest.json"
  cp extension/managed_schema.json "$EXT/managed_schema.json"
  rm -rf "$EXT/_locales" && cp -r extension/_locales "$EXT/_locales"
  cp extension/content/content.css "$EXT/content.css"
  cp "$BUILD/wasm/plume_bg.wasm" "$EXT/wasm/plume_bg.wasm"
  mkdir -p "$EXT/dict"
  cp "$BUILD/dict/fr.dict" "$EXT/dict/fr.dict"
  cp -r data/dictionaries/fr/. "$EXT/dict/fr-source/"
  cp LICENSE THIRD-PARTY.md "$EXT/"
  local manifest_version
  manifest_version="$(node -p "require('./manifest.json').version")"
  [ "$manifest_version" = "$(version)" ] ||
    fail "check versions" "manifest.json says $manifest_version but Cargo.toml says $(version); make them equal."
}

# zip_folder DIR ZIP: the files of DIR, sorted, at the zip's root.
zip_folder() {
  (cd "$1" && python3 - "$2" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for folder, _, files in sorted(os.walk(".")):
        for name in sorted(files):
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, "."))
PY
  ) || fail "zip" "python3 is needed to write $2."
}

package_extension() {
  local zip="$DIST/plume-$(version).zip"
  step "Packaging $zip"
  rm -f "$DIST"/plume-*.zip
  zip_folder "$EXT" "$zip"
  local wasm="$EXT/wasm/plume_bg.wasm"
  printf '    wasm: %s bytes raw, %s bytes gzipped; extension zip: %s bytes\n' \
    "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)" "$(wc -c <"$zip")"
}

# The Firefox build: the same files as dist/extension with the manifest rewritten for Firefox
# (extension/firefox/manifest.mjs says what differs), zipped for about:debugging or AMO.
FIREFOX_EXT="$DIST/extension-firefox"
bundle_firefox() {
  step "Writing the Firefox build into dist/extension-firefox"
  rm -rf "$FIREFOX_EXT"
  cp -r "$EXT" "$FIREFOX_EXT"
  run "firefox manifest" "Fix manifest.json (node extension/firefox/manifest.mjs manifest.json OUT reproduces it)." \
    node extension/firefox/manifest.mjs manifest.json "$FIREFOX_EXT/manifest.json"
  local zip="$DIST/plume-$(version)-firefox.zip"
  rm -f "$zip"
  zip_folder "$FIREFOX_EXT" "$zip"
  printf '    Firefox zip: %s (%s bytes)\n' "$zip" "$(wc -c <"$zip")"
}

build() {
  ensure_rust
  ensure_node
  build_wasm
  build_dictionaries
  bundle_extension
  package_extension
  bundle_firefox
}

# Firefox tests need Debian's firefox-esr and geckodriver (crates.io, built once into ~/.cargo/bin);
# web-ext and selenium-webdriver come from package-lock.json.
ensure_firefox() {
  if [ ! -x /usr/bin/firefox-esr ]; then
    step "Installing Debian firefox-esr (Firefox tests)"
    run "install firefox-esr" "Run as root: apt-get update && apt-get install -y firefox-esr" \
      as_root apt-get update -qq
    run "install firefox-esr" "Run as root: apt-get install -y firefox-esr" \
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr
  fi
  if ! command -v geckodriver >/dev/null 2>&1; then
    step "Installing geckodriver from crates.io (drives Firefox for the tests)"
    run "install geckodriver" "Run: cargo install geckodriver --locked" cargo install geckodriver --locked
  fi
}

# Headless Firefox ESR with dist/plume-<version>-firefox.zip as a temporary add-on: web-ext lint,
# loading, underlines and fixes on strict-CSP pages, lazy French, options, and real policies.
test_firefox() {
  ensure_firefox
  step "Firefox tests (headless Firefox ESR with the Firefox build)"
  run "firefox tests" "Rerun one with: node --test tests/e2e/firefox/NAME.firefox.mjs" \
    env GECKODRIVER="$(command -v geckodriver)" node --test --test-concurrency=1 tests/e2e/firefox/*.firefox.mjs
}

ensure_cargo_fuzz() {
  if ! cargo fuzz --version >/dev/null 2>&1; then
    step "Installing cargo-fuzz (short fuzz runs)"
    run "install cargo-fuzz" "Run: cargo install cargo-fuzz --version 0.13.2" \
      cargo install cargo-fuzz --version 0.13.2
  fi
}

# Short fuzz runs of every target: 60 s each under CI, 10 s locally (PLUME_FUZZ_SECONDS overrides;
# 0 skips). cargo fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
fuzz_short() {
  local seconds="${PLUME_FUZZ_SECONDS:-$([ "${CI:-}" = true ] && echo 60 || echo 10)}"
  [ "$seconds" -gt 0 ] || return 0
  ensure_cargo_fuzz
  local target
  for target in $(RUSTC_BOOTSTRAP=1 cargo fuzz list --fuzz-dir fuzz); do
    step "Fuzzing $target for ${seconds}s"
    mkdir -p "fuzz/corpus/$target"
    run "fuzz $target" "A crash input was saved under fuzz/artifacts/$target; reproduce with: RUSTC_BOOTSTRAP=1 cargo fuzz run -O $target fuzz/artifacts/$target/<file>" \
      env RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz -O "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -max_len=8192 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
  done
}

test_all() {
  build
  ensure_chromium
  step "Checking Rust formatting and lints"
  run "cargo fmt" "Run: cargo fmt --all" cargo fmt --all -- --check
  run "cargo clippy" "Fix the lints above (cargo clippy --all-targets -- -D warnings)." \
    cargo clippy --all-targets --quiet -- -D warnings
  step "Rust tests"
  run "cargo test" "A Rust test failed; rerun it with: cargo test NAME" cargo test --quiet
  step "TypeScript type check"
  run "tsc" "Fix the type errors above (npx tsc --noEmit)." "$BIN/tsc" --noEmit -p tsconfig.json
  step "Browser tests (headless Chromium with the built extension)"
  run "browser tests" "Rerun one with: node --test tests/e2e/NAME.test.mjs" \
    node --test --test-concurrency=1 tests/e2e/
  test_firefox
  fuzz_short
}

bench_all() {
  build
  local found=0
  for script in benches/*/run.sh; do
    [ -f "$script" ] || continue
    found=1
    step "Benchmark: $script"
    run "bench $script" "See the output above; the script runs alone as: bash $script" bash "$script"
  done
  [ "$found" = 1 ] || echo "No benchmarks found under benches/*/run.sh."
}

case "${1:-build}" in
  build | "") build ;;
  test) test_all ;;
  bench) bench_all ;;
  try)
    build
    ensure_chromium
    [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || fail "try" "No display: ./build.sh try opens a browser window for a person at a desktop."
    node tests/e2e/try.mjs
    ;;
  -h | --help | help)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    echo "build.sh: unknown command '$1'. Use: ./build.sh [test|bench|try]" >&2
    exit 2
    ;;
esac
