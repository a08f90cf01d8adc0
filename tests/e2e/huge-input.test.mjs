// Huge and odd drafts: a big paste, thousands of lines, a 100 KB word, thousands of hashtags.
// The page's main thread must never be blocked for long by the extension while the user types,
// and checking must still answer.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launchWithExtension, startServer, waitFor } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const paragraph = "Our summer collection lands on Friday with new linen shirts, recycled denim and the sandals you asked for. ";

const DRAFTS = {
  "a 300 KB paste": paragraph.repeat(2800),
  "10,000 lines": Array.from({ length: 10_000 }, (_, i) => `Line ${i} of the schedule`).join("\n"),
  "one 100 KB word": "a".repeat(100_000),
  "5,000 hashtags": Array.from({ length: 5_000 }, (_, i) => `#Tag${i}`).join(" "),
};

/** Pastes `text` into the field at once (as a paste would), then types a typo at the end. */
async function pasteAndType(page, selector, text) {
  await page.click(selector);
  await page.evaluate(([selector, text]) => {
    const field = document.querySelector(selector);
    field.focus();
    document.execCommand("insertText", false, text);
  }, [selector, text]);
  await page.keyboard.type(" tomorow is here", { delay: 20 });
}

describe("huge drafts", () => {
  for (const [name, text] of Object.entries(DRAFTS)) {
    test(`${name} in a textarea: no long blocking of the page, and checking still answers`, async (t) => {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/basic.html`);
      await page.evaluate(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
        }).observe({ type: "longtask" });
      });
      await pasteAndType(page, "#ta", text);
      // The typo typed at the end is underlined: the worker answered for the whole draft.
      await waitFor(
        () => page.evaluate(() => [...(document.querySelector("plume-overlay")?.shadowRoot?.querySelectorAll(".mark") ?? [])]
          .some((m) => document.getElementById("ta").value.slice(Number(m.dataset.start), Number(m.dataset.end)) === "tomorow")),
        "the underline under the typo typed after the paste",
        60000,
      );
      // Typing after the paste: each keystroke must not block the page for long.
      await page.evaluate(() => (window.__longTasks = []));
      await page.keyboard.type(" and more", { delay: 30 });
      await new Promise((r) => setTimeout(r, 500));
      const longTasks = await page.evaluate(() => window.__longTasks);
      const worst = Math.max(0, ...longTasks);
      t.diagnostic(`long tasks while typing: ${longTasks.map((d) => d.toFixed(0)).join(", ") || "none"}`);
      // Long tasks count every task of the page's main thread, Chromium's own editing and layout
      // of a 300 KB field included; the content script's share is debounced and bounded.
      assert.ok(worst <= 100, `longest main-thread task while typing: ${worst.toFixed(0)} ms (${longTasks.length} long tasks)`);
      await page.close();
    });
  }
});
