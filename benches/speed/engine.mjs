// Runs one engine in its own process (so memory is its own) and prints one JSON line:
// cold start to first result, warm check times per text, check after a one-character edit, and
// peak resident memory. Usage: node engine.mjs plume|harper|nspell
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { TEXTS, oneCharEdit } from "./texts.mjs";

const engineName = process.argv[2];
const root = new URL("../../", import.meta.url);
const require = createRequire(import.meta.url);

/** Each engine: `start()` returns an async `check(text)` that returns the number of findings. */
const ENGINES = {
  async plume() {
    const glue = await import(new URL("build/wasm/plume.js", root));
    glue.initSync({ module: readFileSync(new URL("dist/extension/wasm/plume_bg.wasm", root)) });
    return async (text) => glue.check(text, undefined).diagnostics.length;
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

/** Median milliseconds of `check(text)` over enough runs to fill ~`budgetMs`. */
async function time(check, text, budgetMs = 1500, maxRuns = 200) {
  const samples = [];
  const until = performance.now() + budgetMs;
  while (samples.length < 3 || (performance.now() < until && samples.length < maxRuns)) {
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

const result = { engine: engineName, coldMs, firstFindings, warmMs: {}, editMs: {} };
for (const [name, text] of Object.entries(TEXTS)) {
  result.warmMs[name] = await time(check, text, name === "doc100k" ? 3000 : 1500, name === "doc100k" ? 20 : 200);
}
// A one-character edit: the engine sees the whole edited text, as the extension sends it.
for (const name of ["post", "doc10k"]) {
  const edited = [TEXTS[name], oneCharEdit(TEXTS[name])];
  let flip = 0;
  result.editMs[name] = await time(() => check(edited[flip++ % 2]), null, 1500);
}
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
result.peakRssMb = peakRss / 1048576;
result.rssGrowthMb = (peakRss - baseRss) / 1048576;
console.log(JSON.stringify(result));
