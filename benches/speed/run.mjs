// The speed and size benchmark: Plume's built wasm against harper.js and nspell on the same
// texts in one run (each engine in its own child process, one after the other), the browser
// benchmark of keystroke-to-underline, and the download sizes. Prints Markdown tables.
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { TEXTS } from "./texts.mjs";

const here = new URL("./", import.meta.url);
const root = new URL("../../", import.meta.url);
const engines = (process.env.BENCH_ENGINES ?? "plume,harper,nspell").split(",");

function runEngine(name, ...args) {
  const out = execFileSync(process.execPath, [new URL("engine.mjs", here).pathname, name, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop());
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const ratio = (peer, plume) => (plume > 0 ? `${(peer / plume).toFixed(1)}×` : "–");

const results = Object.fromEntries(engines.map((name) => [name, runEngine(name)]));
// Cold start is one sample per process, and one process is at the mercy of the shared machine:
// it is the median over BENCH_COLD_RUNS more processes per engine, engines alternated.
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 7);
const coldSamples = Object.fromEntries(engines.map((name) => [name, [results[name].coldMs]]));
for (let run = 1; run < coldRuns; run++) {
  for (const name of engines) coldSamples[name].push(runEngine(name, "cold").coldMs);
}
for (const name of engines) {
  const sorted = coldSamples[name].sort((a, b) => a - b);
  results[name].coldMs = sorted[Math.floor(sorted.length / 2)];
}
const plume = results.plume;

console.log(`\n### Node ${process.version}: same texts, one run (median ms; lower is better)\n`);
console.log(`Texts: post ${TEXTS.post.length} chars, LinkedIn ${TEXTS.linkedin.length}, document ${TEXTS.doc10k.length} and ${TEXTS.doc100k.length}.\n`);
const header = ["metric", ...engines, ...engines.filter((e) => e !== "plume").map((e) => `${e} ÷ plume`)];
console.log(`| ${header.join(" | ")} |`);
console.log(`|${header.map(() => "---").join("|")}|`);
const rows = [
  [`cold start to first result (median of ${coldRuns} processes)`, (r) => r.coldMs],
  ["warm check, 280-char post", (r) => r.warmMs.post],
  ["warm check, 3,000-char post", (r) => r.warmMs.linkedin],
  ["warm check, 10,000-char document", (r) => r.warmMs.doc10k],
  ["warm check, 100,000-char document", (r) => r.warmMs.doc100k],
  ["after a one-char edit, post", (r) => r.editMs.post],
  ["after a one-char edit, 10,000-char document", (r) => r.editMs.doc10k],
  ["peak resident memory (MB)", (r) => r.peakRssMb],
];
for (const [name, get] of rows) {
  const cells = engines.map((e) => fmt(get(results[e])));
  const ratios = engines.filter((e) => e !== "plume").map((e) => (plume ? ratio(get(results[e]), get(plume)) : "–"));
  console.log(`| ${name} | ${cells.join(" | ")} | ${ratios.join(" | ")} |`);
}
if (plume?.coreMemoryMb) {
  console.log(`\nPlume's wasm linear memory at the end of the run (the core's own memory): ${fmt(plume.coreMemoryMb)} MB.`);
}
console.log("\nWarm checks: every timed check is a version of the text no engine has seen (one letter typed at a different place each time), and Plume's caches are emptied before it (suggestions included). One-char edits: every timed version is new, the text before the edit having been checked once.");
console.log("\nnspell only answers known/unknown per word (no suggestions computed, no tone or rules): a floor, not a peer in features.");

const size = (path) => statSync(new URL(path, root)).size;
const gz = (path) => gzipSync(readFileSync(new URL(path, root)), { level: 9 }).length;
const zips = execFileSync("bash", ["-c", "ls dist/plume-*.zip"], { cwd: root.pathname, encoding: "utf8" }).trim();
const harperWasm = "benches/speed/node_modules/harper.js/dist/harper_wasm_bg.wasm";
console.log("\n### Download size (bytes)\n");
console.log("| what | raw | gzip -9 |");
console.log("|---|---|---|");
console.log(`| Plume wasm | ${size("dist/extension/wasm/plume_bg.wasm")} | ${gz("dist/extension/wasm/plume_bg.wasm")} |`);
console.log(`| Plume extension zip (${zips}) | ${size(zips)} | – |`);
console.log(`| harper.js wasm | ${size(harperWasm)} | ${gz(harperWasm)} |`);
