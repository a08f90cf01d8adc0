// Runs one engine in its own process (so memory is its own) and prints one JSON line:
// cold start to first result, warm check times per text, check after a one-character edit, and
// peak resident memory. Usage: node engine.mjs plume|harper|nspell [cold]
// With `cold`, it prints only the cold start (module load, set-up, first check of the post) and exits.
//
// Honesty rules: a "warm check" is the first check of a text by an engine that has already
// started and checked other texts: every timed warm check gets a version of the text no engine
// has seen (one letter typed at a different place each time, so no whole-text cache answers),
// and Plume's caches (per-line results, remembered suggestions) are emptied before it
// (`reset`, untimed). "After a one-character edit": the engine has checked the text once; each
// timed check is a new version of it with one character typed at a different place, as when
// typing: Plume's caches legitimately answer for the lines the edit did not touch.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { TEXTS, oneCharEdit } from "./texts.mjs";

const engineName = process.argv[2];
const root = new URL("../../", import.meta.url);
const require = createRequire(import.meta.url);

/**
 * Each engine: `start()` returns an async `check(text)` that returns the number of findings,
 * with an optional `check.reset()` that empties the engine's caches.
 */
const ENGINES = {
  async plume() {
    // PLUME_WASM_DIR: another build's `plume.js` and `plume_bg.wasm` (before/after comparisons).
    const dir = process.env.PLUME_WASM_DIR;
    const glue = await import(dir ? `${dir}/plume.js` : new URL("build/wasm/plume.js", root));
    const bytes = readFileSync(dir ? `${dir}/plume_bg.wasm` : new URL("dist/extension/wasm/plume_bg.wasm", root));
    const wasm = glue.initSync({ module: bytes });
    // The extension's default settings: language `auto`, spelling and tone, no pack; and the
    // check options its worker passes (no per-sentence tone list, which it never shows).
    const config = { language: "auto" };
    const options = { sentence_tones: false };
    glue.configure(config);
    const check = async (text) => glue.check(text, options).diagnostics.length;
    // A new checker with the same configuration starts with empty caches.
    check.reset = () => glue.configure(config);
    // The core's own memory: the wasm instance's linear memory (it only grows).
    check.memoryMb = () => wasm.memory.buffer.byteLength / 1048576;
    return check;
  },
  async harper() {
    const { LocalLinter } = await import("harper.js");
    const { binaryInlined } = await import("harper.js/binaryInlined");
    const linter = new LocalLinter({ binary: binaryInlined });
    await linter.setup();
    return async (text) => (await linter.lint(text, { language: "plaintext" })).length;
  },
  async nspell() {
    const nspell = require("nspell");
    const dictionary = (await import("dictionary-en")).default;
    const spell = nspell(dictionary);
    const words = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
    return async (text) => {
      let flagged = 0;
      for (const [word] of text.matchAll(words)) if (!spell.correct(word)) flagged++;
      return flagged;
    };
  },
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median milliseconds of `check(textFor(run))` over enough runs to fill ~`budgetMs`;
 * `before(run)` runs untimed before each check.
 */
async function time(check, textFor, { budgetMs = 1500, maxRuns = 200, before = () => {} } = {}) {
  const samples = [];
  const until = performance.now() + budgetMs;
  for (let run = 0; samples.length < 3 || (performance.now() < until && samples.length < maxRuns); run++) {
    const text = textFor(run);
    await before(run);
    const t0 = performance.now();
    await check(text);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);

const baseRss = process.memoryUsage().rss;
const t0 = performance.now();
const check = await ENGINES[engineName]();
const firstFindings = await check(TEXTS.post);
const coldMs = performance.now() - t0;

if (process.argv[3] === "cold") {
  console.log(JSON.stringify({ engine: engineName, coldMs, firstFindings }));
  process.exit(0);
}
const result = { engine: engineName, coldMs, firstFindings, warmMs: {}, editMs: {} };
const reset = () => check.reset?.();
// Warm-up (untimed): V8 compiles a large wasm module's optimised code in the background, and
// harper.js's 16 MB takes seconds on this machine; measuring before it is ready would time
// baseline code. Each engine checks varied texts for a few seconds first.
const warmUntil = performance.now() + Number(process.env.BENCH_WARMUP_MS ?? 6000);
for (let run = 0; performance.now() < warmUntil; run++) {
  await check(oneCharEdit(run % 2 ? TEXTS.linkedin : TEXTS.post, run + 7000));
}
for (const [name, text] of Object.entries(TEXTS)) {
  const long = name === "doc100k";
  result.warmMs[name] = await time(check, (run) => oneCharEdit(text, run + 3000), {
    budgetMs: long ? 3000 : 1500,
    maxRuns: long ? 20 : 200,
    before: reset,
  });
}
// A one-character edit: the engine sees the whole edited text, as the extension sends it; every
// version is new (the character goes after a different word each time).
for (const name of ["post", "doc10k"]) {
  await reset();
  await check(TEXTS[name]);
  result.editMs[name] = await time(check, (run) => oneCharEdit(TEXTS[name], run));
}
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
result.peakRssMb = peakRss / 1048576;
result.rssGrowthMb = (peakRss - baseRss) / 1048576;
if (check.memoryMb) result.coreMemoryMb = check.memoryMb();
console.log(JSON.stringify(result));
