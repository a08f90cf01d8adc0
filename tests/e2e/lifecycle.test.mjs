// The extension goes away while a page is open and a popover is showing: disabled (as from
// chrome://extensions) or reloaded (as an update does). The page must keep working — typing,
// its own listeners, the text intact — and the orphaned content script must remove everything
// it drew (underlines, badge, popover) without a single exception ("Extension context
// invalidated" included) in any of the page's worlds.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { clickUnderline, highlightRanges, launchWithExtension, startServer, textInClosedShadow, waitFor } from "./harness.mjs";

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.close();
});

/**
 * Records uncaught exceptions and console errors and warnings of every world of the page (the
 * content script's isolated world included: CDP's Runtime domain sees them all).
 */
async function recordProblems(page) {
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  const cdp = await page.context().newCDPSession(page);
  cdp.on("Runtime.exceptionThrown", ({ exceptionDetails }) =>
    problems.push(`exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`),
  );
  cdp.on("Runtime.consoleAPICalled", ({ type, args }) => {
    const text = args.map((a) => a.value ?? a.description ?? "").join(" ");
    if (type === "error" || type === "warning" || /context invalidated/i.test(text)) problems.push(`console.${type}: ${text}`);
  });
  await cdp.send("Runtime.enable");
  return problems;
}

/** What Plume has drawn in the page: its hosts, textarea underlines, highlight ranges, popover. */
async function drawn(page) {
  const dom = await page.evaluate(() => ({
    hosts: [...document.querySelectorAll("plume-overlay, plume-badge, plume-popover")].map((e) => e.localName),
    marks: [...document.querySelectorAll("plume-overlay")].reduce((n, host) => n + (host.shadowRoot?.querySelectorAll(".mark").length ?? 0), 0),
  }));
  const highlights = (await highlightRanges(page)).length;
  const popover = await textInClosedShadow(page, "class", "message", { visible: true });
  return { ...dom, highlights, popover };
}

/** Opens a page with a flagged draft in the textarea (popover open on it) and one in the editable. */
async function pageWithOpenPopover(context) {
  const page = await context.newPage();
  const problems = await recordProblems(page);
  await page.goto(`${server.origin}/basic.html`);
  await page.click("#ce");
  await page.keyboard.type("Teh rich draft");
  await page.click("#ta");
  await page.keyboard.type("Teh launch is tomorow");
  await waitFor(async () => (await highlightRanges(page)).some((r) => r.text === "Teh"), "the editable's underline");
  await clickUnderline(page, { start: 0 }, "the textarea's underline under Teh");
  assert.match(await waitFor(() => textInClosedShadow(page, "class", "message", { visible: true }), "the popover"), /Teh/);
  const before = await drawn(page);
  assert.ok(before.hosts.length === 4 && before.marks === 2 && before.highlights >= 1, `Plume drew its UI: ${JSON.stringify(before)}`);
  return { page, problems };
}

/** Types in both fields after the extension went away; the page's own input listener still counts. */
async function pageStillWorks(page) {
  const inputsBefore = Number(await page.textContent("#inputs"));
  await page.focus("#ta");
  await page.keyboard.press("End");
  await page.keyboard.type(" and more");
  await page.focus("#ce");
  await page.keyboard.press("End");
  await page.keyboard.type(" too");
  assert.equal(await page.$eval("#ta", (ta) => ta.value), "Teh launch is tomorow and more");
  assert.equal(await page.$eval("#ce", (ce) => ce.textContent), "Teh rich draft too");
  assert.equal(Number(await page.textContent("#inputs")), inputsBefore + " and more".length + " too".length);
}

const NOTHING_DRAWN = { hosts: [], marks: 0, highlights: 0, popover: null };

describe("the extension goes away while a popover is open", () => {
  test("disabled: the orphaned script removes its underlines, badge and popover, and the page keeps working", async () => {
    const browser = await launchWithExtension();
    try {
      const extensionId = new URL(browser.worker.url()).host;
      const { page, problems } = await pageWithOpenPopover(browser.context);
      // What chrome://extensions does when the user switches Plume off.
      const extensions = await browser.context.newPage();
      await extensions.goto("chrome://extensions");
      const enabled = await extensions.evaluate(async (id) => {
        await chrome.management.setEnabled(id, false);
        return (await chrome.management.get(id)).enabled;
      }, extensionId);
      assert.equal(enabled, false);
      // Without any event from the page, the UI goes away.
      let last;
      await waitFor(async () => JSON.stringify((last = await drawn(page))) === JSON.stringify(NOTHING_DRAWN), "everything Plume drew removed").catch((error) => {
        throw new Error(`${error.message}; still drawn: ${JSON.stringify(last)}`);
      });
      await pageStillWorks(page);
      assert.deepEqual(await drawn(page), NOTHING_DRAWN, "typing draws nothing once the extension is gone");
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });

  test("reloaded (as an update does): the old script cleans up and the page keeps working", async () => {
    const browser = await launchWithExtension();
    try {
      const extensionId = new URL(browser.worker.url()).host;
      const { page, problems } = await pageWithOpenPopover(browser.context);
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      // The options page is closed by the reload itself, so its evaluation may not answer.
      await options.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
      let last;
      await waitFor(async () => JSON.stringify((last = await drawn(page))) === JSON.stringify(NOTHING_DRAWN), "everything the old script drew removed").catch((error) => {
        throw new Error(`${error.message}; still drawn: ${JSON.stringify(last)}`);
      });
      await pageStillWorks(page);
      assert.deepEqual(await drawn(page), NOTHING_DRAWN);
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
