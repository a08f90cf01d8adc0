// Chromium benchmark with the real extension: time from the last keystroke to the underline
// being drawn (minus the content script's debounce), p50 and p95, and main-thread long tasks
// while typing. Usage: node benches/speed/browser.mjs (after ./build.sh).
import { launchWithExtension, startServer } from "../../tests/e2e/harness.mjs";

const DEBOUNCE_MS = 120; // extension/content/main.ts
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);

const server = await startServer();
const browser = await launchWithExtension();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/basic.html`);
  await page.evaluate(() => {
    window.__bench = { lastKey: 0, longTasks: [] };
    document.addEventListener("keydown", () => (window.__bench.lastKey = performance.now()), true);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  await page.click("#ta");
  const base = "Our summer collection lands on Friday with new linen shirts and sandals. ";
  await page.keyboard.type(base);
  const latencies = [];
  for (let i = 0; i < SAMPLES; i++) {
    const typo = `wrtng${String.fromCharCode(97 + (i % 26))}`;
    const start = await page.$eval("#ta", (ta) => ta.value.length);
    await page.keyboard.type(`${typo} `, { delay: 30 });
    const drawnAt = await page.evaluate(async (start) => {
      const found = () =>
        [...(document.querySelector("plume-overlay")?.shadowRoot?.querySelectorAll(".mark") ?? [])].some(
          (m) => Number(m.dataset.start) === start,
        );
      const deadline = performance.now() + 5000;
      while (!found() && performance.now() < deadline) await new Promise((r) => requestAnimationFrame(r));
      return found() ? performance.now() : null;
    }, start);
    const lastKey = await page.evaluate(() => window.__bench.lastKey);
    if (drawnAt !== null) latencies.push(drawnAt - lastKey - DEBOUNCE_MS);
  }
  const longTasks = await page.evaluate(() => window.__bench.longTasks);
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  console.log(`\n### Chromium ${browser.context.browser()?.version() ?? ""} with the built extension\n`);
  console.log("| metric | value |");
  console.log("|---|---|");
  console.log(`| keystroke → underline after the ${DEBOUNCE_MS} ms debounce, p50 (ms) | ${pct(50).toFixed(1)} |`);
  console.log(`| keystroke → underline after the debounce, p95 (ms) | ${pct(95).toFixed(1)} |`);
  console.log(`| samples drawn / typed | ${latencies.length} / ${SAMPLES} |`);
  console.log(`| main-thread long tasks (> 50 ms) while typing | ${longTasks.length}${longTasks.length ? ` (longest ${Math.max(...longTasks).toFixed(0)} ms)` : ""} |`);
} finally {
  await browser.close();
  await server.close();
}
