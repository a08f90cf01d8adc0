// Chromium benchmark with the real extension: time from a keystroke to the underline being painted,
// p50 and p95, with where the time goes, and the content script's main-thread work per keystroke.
// Usage: node benches/speed/browser.mjs (after ./build.sh). BENCH_SAMPLES=40 sets words per field.
//
// How it measures. The extension is bundled again from the same sources into a temporary copy of
// dist/extension with `--define:PLUME_BENCH=true`, which turns on the timing hooks of
// extension/shared/bench.ts (they are compiled out of the shipped bundle). The content script then
// marks, on the page's performance timeline: each `input` handler (`plume:work:input`), the debounce
// timer firing (`plume:fire`), the answer arriving (`plume:reply`), the underlines written
// (`plume:drawn`), and `plume:painted`, set by a message posted from the next requestAnimationFrame
// callback, which runs once that frame's style, layout and paint are done. The worker marks its
// check (`plume:work:check`). Latency "after the debounce" is painted − timer fired: the 120 ms the
// content script deliberately waits is excluded exactly, not subtracted as a constant. "Last input →
// painted − 120 ms" is also shown: the difference is the timer firing late (a busy page or machine).
// The content script sends the check early, after 70 ms of quiet (`plume:early`), and draws its
// answer when the 120 ms debounce ends if the text did not change: the rows say how many answers
// were asked for early; "last input → painted" is what the user sees either way.
// Main-thread work is the sum of the content script's synchronous `plume:work:*` sections (input
// handlers, mutation and resize observers, reading the field, drawing); the browser's own style,
// layout and paint of the frame are in "drawn → painted".
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { extensionDir, launchWithExtension, root, startServer } from "../../tests/e2e/harness.mjs";
import { TEXTS } from "./texts.mjs";

const DEBOUNCE_MS = 120; // extension/content/main.ts
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);

/** A copy of dist/extension whose scripts carry the benchmark's timing hooks. */
async function benchExtension() {
  const dir = await mkdtemp(path.join(tmpdir(), "plume-bench-ext-"));
  await cp(extensionDir, dir, { recursive: true });
  const common = { bundle: true, target: "chrome120", logLevel: "error", define: { PLUME_BENCH: "true" } };
  // BENCH_SOURCES: another checkout's root (with extension/ and build/wasm/), to compare versions.
  const sources = process.env.BENCH_SOURCES ?? root;
  await esbuild.build({ ...common, entryPoints: [path.join(sources, "extension/content/main.ts")], format: "iife", outfile: path.join(dir, "content.js") });
  await esbuild.build({ ...common, entryPoints: [path.join(sources, "extension/background/worker.ts")], format: "esm", outfile: path.join(dir, "background.js") });
  return dir;
}

const quantile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const median = (values) => quantile(values, 50);
const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : "–");
const both = (values) => `${ms(median(values))} / ${ms(quantile(values, 95))}`;

/** Types SAMPLES misspelt words into `selector` and returns one timing record per word. */
async function measureField(page, worker, selector, draft) {
  await page.click(selector);
  if (draft !== "") {
    // A long draft already there (pasted, or written earlier): paragraphs, the caret at its end.
    await page.evaluate(
      ([selector, draft]) => {
        const field = document.querySelector(selector);
        if (field instanceof HTMLTextAreaElement) {
          field.value = `${draft}\n`;
          field.setSelectionRange(field.value.length, field.value.length);
        } else {
          field.replaceChildren(...draft.split("\n").map((line) => Object.assign(document.createElement("div"), { textContent: line })));
          const last = document.createElement("div");
          last.append(document.createElement("br"));
          field.append(last);
          getSelection().collapse(last, 0);
        }
        field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      },
      [selector, draft],
    );
  }
  // Warm up: the worker compiles the wasm and configures the core on its first check.
  const warm = await page.evaluate(() => performance.now());
  await page.keyboard.type("Our summer collection lands on Friday with new linen shirts and sandals. ");
  await page.waitForFunction(
    (since) => {
      const inputs = performance.getEntriesByName("plume:work:input").filter((e) => e.startTime >= since);
      const fire = performance.getEntriesByName("plume:fire").find((e) => e.startTime >= (inputs.at(-1)?.startTime ?? Infinity));
      return fire !== undefined && performance.getEntriesByName("plume:painted").some((e) => e.detail.revision === fire.detail.revision);
    },
    warm,
    { timeout: 30000, polling: 50 },
  );
  const samples = [];
  for (let i = 0; i < SAMPLES; i++) {
    const typo = `wrtng${String.fromCharCode(97 + (i % 26))}`;
    const since = await page.evaluate(() => performance.now());
    await page.keyboard.type(`${typo} `, { delay: 30 });
    const sample = await page.evaluate(
      async ({ since, typo }) => {
        const entries = (name) => performance.getEntriesByName(name).filter((e) => e.startTime >= since);
        const lastInput = () => entries("plume:work:input").at(-1);
        // The check whose timer fired after the last keystroke, once it is painted.
        const settled = () => {
          const input = lastInput();
          if (input === undefined) return null;
          const fire = entries("plume:fire").find((e) => e.startTime >= input.startTime);
          if (fire === undefined) return null;
          const revision = fire.detail.revision;
          const of = (name) => entries(name).find((e) => e.detail?.revision === revision);
          const painted = of("plume:painted");
          // A check sent early, during the debounce (extension/content/main.ts EARLY_CHECK_MS).
          const early = entries("plume:early").filter((e) => e.startTime >= input.startTime && e.startTime <= fire.startTime).at(-1);
          return painted === undefined ? null : { input, fire, early, reply: of("plume:reply"), drawn: of("plume:drawn"), painted };
        };
        const deadline = performance.now() + 5000;
        let found = settled();
        while (found === null && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20));
          found = settled();
        }
        if (found === null) return null;
        // Was the new typo underlined? Textareas: the overlay's marks; contenteditable: the highlight.
        const marks = [...(document.querySelector("plume-overlay")?.shadowRoot?.querySelectorAll(".mark") ?? [])];
        const highlight = CSS.highlights.get("plume-spelling");
        const underlined =
          marks.some((m) => m.dataset.end !== undefined && document.activeElement.value?.slice(m.dataset.start, m.dataset.end) === typo) ||
          [...(highlight ?? [])].some((r) => r.toString() === typo);
        const work = performance
          .getEntriesByType("measure")
          .filter((e) => e.name.startsWith("plume:work:") && e.startTime >= since && e.startTime <= found.painted.startTime);
        const sum = (list) => list.reduce((total, e) => total + e.duration, 0);
        const inputs = work.filter((e) => e.name === "plume:work:input" || e.name === "plume:work:mutation");
        const parts = {};
        for (const e of performance.getEntriesByType("measure")) {
          if (!e.name.startsWith("plume:") || e.startTime < found.fire.startTime || e.startTime > found.painted.startTime) continue;
          const name = e.name.slice("plume:".length);
          parts[name] = (parts[name] ?? 0) + e.duration;
        }
        return {
          parts,
          underlined,
          timeOrigin: performance.timeOrigin,
          keystrokes: work.filter((e) => e.name === "plume:work:input").length,
          lastInput: found.input.startTime,
          fire: found.fire.startTime,
          reply: found.reply?.startTime ?? NaN,
          drawn: found.drawn?.startTime ?? NaN,
          painted: found.painted.startTime,
          revision: found.fire.detail.revision,
          answeredEarly: found.reply?.detail.early === true,
          // The request the worker answered: the early one when its answer was used.
          request: found.reply?.detail.early === true ? found.early?.detail.revision : found.fire.detail.revision,
          early: found.early?.startTime ?? NaN,
          workTotal: sum(work),
          workMax: Math.max(0, ...work.map((e) => e.duration)),
          workPerInput: inputs.length === 0 ? 0 : sum(inputs) / work.filter((e) => e.name === "plume:work:input").length,
          workCheck: sum(work.filter((e) => !inputs.includes(e))),
        };
      },
      { since, typo },
    );
    if (sample === null) continue;
    // The worker's own timeline: its check of this revision, on the same wall clock.
    const inWorker = await worker.evaluate((revision) => {
      const of = (name) => performance.getEntriesByName(name).filter((e) => e.detail?.revision === revision).at(-1);
      const received = of("plume:received");
      const answered = of("plume:answered");
      const check = performance.getEntriesByName("plume:work:check").filter((e) => received && e.startTime >= received.startTime).at(0);
      return received && answered
        ? { received: received.startTime + performance.timeOrigin, answered: answered.startTime + performance.timeOrigin, check: check?.duration ?? NaN, bytes: answered.detail.bytes ?? NaN }
        : null;
    }, sample.request);
    samples.push({ ...sample, inWorker });
  }
  return samples;
}

function report(name, samples) {
  if (process.env.BENCH_DEBUG) {
    for (const s of samples) {
      const w = s.inWorker;
      const abs = (t) => s.timeOrigin + t;
      console.log(
        [s.revision, s.painted - s.fire, w ? w.received - abs(s.fire) : NaN, w?.check, w ? w.answered - w.received : NaN, w ? abs(s.reply) - w.answered : NaN, s.drawn - s.reply, s.painted - s.drawn]
          .map((v) => (typeof v === "number" ? v.toFixed(1) : v))
          .join("\t"),
      );
    }
  }
  const latency = samples.map((s) => s.painted - s.fire);
  const sinceInput = samples.map((s) => s.painted - s.lastInput - DEBOUNCE_MS);
  const abs = (s, t) => s.timeOrigin + t;
  const rows = [
    [`debounce timer fired → underline painted, p50 (ms)`, ms(median(latency))],
    [`debounce timer fired → underline painted, p95 (ms)`, ms(quantile(latency, 95))],
    [`last input → painted − ${DEBOUNCE_MS} ms debounce, p50 / p95 (ms)`, `${ms(median(sinceInput))} / ${ms(quantile(sinceInput, 95))}`],
    [`timer lateness after ${DEBOUNCE_MS} ms, p50 / p95 (ms)`, `${ms(median(samples.map((s) => s.fire - s.lastInput - DEBOUNCE_MS)))} / ${ms(quantile(samples.map((s) => s.fire - s.lastInput - DEBOUNCE_MS), 95))}`],
    [`  answers already asked for during the debounce (early check) / samples`, `${samples.filter((s) => s.answeredEarly).length} / ${samples.length}`],
    [`  check sent (timer, or early check) → worker received, p50 / p95 (ms)`, both(samples.filter((s) => s.inWorker).map((s) => s.inWorker.received - abs(s, s.answeredEarly ? s.early : s.fire)))],
    [`  check in the worker (wasm), p50 / p95 (ms)`, both(samples.map((s) => s.inWorker?.check ?? NaN).filter(Number.isFinite))],
    [`  worker received → answered, p50 / p95 (ms)`, both(samples.filter((s) => s.inWorker).map((s) => s.inWorker.answered - s.inWorker.received))],
    [`  report size (JSON), p50 (bytes)`, String(median(samples.map((s) => s.inWorker?.bytes ?? NaN).filter(Number.isFinite)))],
    [`  worker answered → content script has the report (after the timer when asked early), p50 / p95 (ms)`, both(samples.filter((s) => s.inWorker).map((s) => abs(s, s.reply) - s.inWorker.answered))],
    [`  report → underlines written, p50 / p95 (ms)`, both(samples.map((s) => s.drawn - s.reply))],
    [`  written → frame painted, p50 / p95 (ms)`, both(samples.map((s) => s.painted - s.drawn))],
    [`content-script work per input event, p50 / p95 (ms)`, `${ms(median(samples.map((s) => s.workPerInput)))} / ${ms(quantile(samples.map((s) => s.workPerInput), 95))}`],
    [`content-script work per check (read + draw), p50 / p95 (ms)`, `${ms(median(samples.map((s) => s.workCheck)))} / ${ms(quantile(samples.map((s) => s.workCheck), 95))}`],
    [`content-script work per word typed (all tasks), p50 / p95 / longest task (ms)`, `${ms(median(samples.map((s) => s.workTotal)))} / ${ms(quantile(samples.map((s) => s.workTotal), 95))} / ${ms(Math.max(...samples.map((s) => s.workMax)))}`],
    [`samples painted / typed (new typo underlined)`, `${samples.length} / ${SAMPLES} (${samples.filter((s) => s.underlined).length})`],
  ];
  const partNames = [...new Set(samples.flatMap((s) => Object.keys(s.parts)))].sort();
  for (const part of partNames) {
    const values = samples.map((s) => s.parts[part] ?? 0);
    rows.push([`  ${part} (between timer and paint), p50 / p95 (ms)`, `${ms(median(values))} / ${ms(quantile(values, 95))}`]);
  }
  console.log(`\n#### ${name}\n`);
  console.log("| metric | value |");
  console.log("|---|---|");
  for (const [metric, value] of rows) console.log(`| ${metric} | ${value} |`);
}

/** The built extension's download by part: the zip's entries, and the wasm's code and data. */
function sizeBreakdown() {
  const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
  const zip = readdirSync(path.join(root, "dist")).find((f) => /^plume-.*\.zip$/.test(f));
  const rows = [];
  if (zip !== undefined) {
    // Compressed size of each entry, from the zip's central directory (python3 is a build tool already).
    const listing = execFileSync("python3", ["-c", "import sys, zipfile\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.file_size, i.compress_size, i.filename)", path.join(root, "dist", zip)], { encoding: "utf8" });
    const parts = new Map();
    const partOf = (name) =>
      name.endsWith(".wasm") ? "wasm core" : name.endsWith("fr.dict") ? "French dictionary (loaded for French drafts only)" : name.includes("fr-source/") ? "French dictionary sources (MPL: shipped with it)" : name.endsWith(".js") ? "scripts (worker, content, pages)" : "manifest, pages, locales, licences";
    for (const line of listing.trim().split("\n")) {
      const [raw, packed, name] = line.split(" ");
      const part = parts.get(partOf(name)) ?? { raw: 0, packed: 0 };
      part.raw += Number(raw);
      part.packed += Number(packed);
      parts.set(partOf(name), part);
    }
    rows.push(["extension zip", "", statSync(path.join(root, "dist", zip)).size]);
    for (const [name, { raw, packed }] of parts) rows.push([`  ${name} (in the zip)`, raw, packed]);
    // The target's configuration (en-US + en-GB): the same zip written without the French
    // dictionary and its sources (dict/), entry for entry at the same compression level.
    const english = execFileSync("python3", ["-c", "import io, sys, zipfile\nsrc = zipfile.ZipFile(sys.argv[1])\nout = io.BytesIO()\nwith zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:\n    for i in src.infolist():\n        if not i.filename.startswith('dict/'): z.writestr(i.filename, src.read(i))\nprint(len(out.getvalue()))", path.join(root, "dist", zip)], { encoding: "utf8" });
    rows.push(["extension zip without French (en-US + en-GB only)", "", Number(english.trim())]);
  }
  const wasm = readFileSync(path.join(extensionDir, "wasm", "plume_bg.wasm"));
  rows.push(["wasm (raw / gzip -9)", wasm.length, gz(wasm)]);
  const sections = new Map();
  for (let pos = 8; pos < wasm.length; ) {
    const id = wasm[pos++];
    let size = 0;
    for (let shift = 0, byte = 0x80; byte & 0x80; shift += 7) size |= ((byte = wasm[pos++]) & 0x7f) << shift;
    sections.set(id, wasm.subarray(pos, pos + size));
    pos += size;
  }
  for (const [id, name] of [[10, "code"], [11, "data (dictionaries, lexicons, strings)"]]) {
    if (sections.has(id)) rows.push([`  ${name}`, sections.get(id).length, gz(sections.get(id))]);
  }
  const built = path.join(root, "target/wasm32-unknown-unknown/release/build");
  // The build script's output of the newest build (older builds of other settings stay beside it).
  const dicts = (existsSync(built) ? readdirSync(built).filter((d) => d.startsWith("plume-")) : [])
    .map((dir) => path.join(built, dir, "out", "en.dict"))
    .filter((dict) => existsSync(dict) && statSync(dict).size > 0)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (dicts.length > 0) rows.push(["    of which the en-US + en-GB dictionary", statSync(dicts[0]).size, gz(readFileSync(dicts[0]))]);
  console.log("\n### Extension download by part (bytes)\n");
  console.log("| part | raw | compressed |");
  console.log("|---|---|---|");
  for (const [name, raw, packed] of rows) console.log(`| ${name} | ${raw} | ${packed} |`);
}

sizeBreakdown();
const dir = await benchExtension();
const server = await startServer();
const browser = await launchWithExtension(dir);
try {
  const page = await browser.context.newPage();
  console.log(`\n### Chromium ${browser.context.browser()?.version() ?? ""} with the built extension (bench hooks on)`);
  const fields = [
    ["textarea (mirror overlay), new post", "#ta", ""],
    ["contenteditable (CSS highlights), new post", "#ce", ""],
    [`textarea, after a ${TEXTS.linkedin.length}-char LinkedIn-length draft`, "#ta", TEXTS.linkedin],
    [`contenteditable, after a ${TEXTS.linkedin.length}-char LinkedIn-length draft in paragraphs`, "#ce", TEXTS.linkedin],
  ];
  const longTasks = [];
  for (const [name, selector, draft] of fields) {
    // Each field starts empty in a fresh page.
    await page.goto(`${server.origin}/basic.html`);
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    report(name, await measureField(page, browser.worker, selector, draft));
    longTasks.push(...(await page.evaluate(() => window.__longTasks)));
  }
  console.log(`\nMain-thread long tasks (> 50 ms) on the page while typing: ${longTasks.length}${longTasks.length ? ` (longest ${Math.max(...longTasks).toFixed(0)} ms)` : ""}.`);
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}
