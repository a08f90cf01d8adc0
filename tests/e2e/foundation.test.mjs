// The walking skeleton, end to end: the built extension underlines typos and shouting in a
// textarea and a contenteditable on a page whose CSP forbids page-side wasm, and applies a fix.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { clickInClosedShadow, launchWithExtension, startServer, waitFor } from "./harness.mjs";

const DRAFT = "Teh launch is tomorow and we are SO EXCITED";

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

/** The overlay's underline boxes (the overlay host has an open shadow root). */
async function overlayMarks(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("plume-overlay")].flatMap((host) =>
      [...(host.shadowRoot?.querySelectorAll(".mark") ?? [])].map((mark) => {
        const r = mark.getBoundingClientRect();
        return {
          rule: mark.dataset.rule,
          category: mark.dataset.category,
          start: Number(mark.dataset.start),
          end: Number(mark.dataset.end),
          left: r.left, right: r.right, top: r.top, bottom: r.bottom,
        };
      }),
    ),
  );
}

/**
 * Where a substring of the single-line textarea is on screen, measured independently of the
 * extension: canvas text metrics with the textarea's own font, from its content box.
 */
async function textareaWordBox(page, start, end) {
  return page.evaluate(([start, end]) => {
    const ta = document.getElementById("ta");
    const cs = getComputedStyle(ta);
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const r = ta.getBoundingClientRect();
    const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) - ta.scrollLeft;
    const top = r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) - ta.scrollTop;
    const x = left + ctx.measureText(ta.value.slice(0, start)).width;
    const w = ctx.measureText(ta.value.slice(start, end)).width;
    return { left: x, right: x + w, top, bottom: top + parseFloat(cs.lineHeight) };
  }, [start, end]);
}

function assertUnderlines(box, word, what) {
  assert.ok(Math.abs(box.left - word.left) <= 2, `${what}: underline starts at ${box.left}, word at ${word.left}`);
  assert.ok(Math.abs(box.right - word.right) <= 2, `${what}: underline ends at ${box.right}, word at ${word.right}`);
  assert.ok(box.top >= word.top && box.top <= word.bottom + 2, `${what}: underline at y=${box.top}, word spans ${word.top}..${word.bottom}`);
}

describe("on a page with Content-Security-Policy: script-src 'self'", () => {
  test("a textarea gets underlines under the typos and the shouting run, and a chosen fix is applied and undoable", async () => {
    const page = await browser.context.newPage();
    const cspErrors = [];
    page.on("console", (m) => { if (/Content Security Policy|WebAssembly/i.test(m.text())) cspErrors.push(m.text()); });
    await page.goto(`${server.origin}/basic.html`);
    await page.click("#ta");
    await page.keyboard.type(DRAFT);

    const marks = await waitFor(async () => {
      const m = await overlayMarks(page);
      return m.length >= 3 ? m : null;
    }, "three underlines in the textarea");
    const flagged = marks.map((m) => [m.rule, DRAFT.slice(m.start, m.end)]);
    assert.deepEqual(flagged, [
      ["spelling.unknown-word", "Teh"],
      ["spelling.unknown-word", "tomorow"],
      ["tone.shouting", "SO EXCITED"],
    ]);
    for (const mark of marks) {
      assertUnderlines(mark, await textareaWordBox(page, mark.start, mark.end), DRAFT.slice(mark.start, mark.end));
    }

    const inputsBefore = Number(await page.textContent("#inputs"));
    const typo = marks[1];
    await page.mouse.click((typo.left + typo.right) / 2, typo.top - 8);
    await clickInClosedShadow(page, "data-suggestion", "tomorrow");

    const fixed = "Teh launch is tomorrow and we are SO EXCITED";
    await waitFor(async () => (await page.$eval("#ta", (ta) => ta.value)) === fixed, "the fixed text");
    assert.equal(await page.$eval("#ta", (ta) => ta.value), fixed, "the rest of the text is intact");
    assert.ok(Number(await page.textContent("#inputs")) > inputsBefore, "the page's input listener saw the fix");
    await waitFor(async () => (await overlayMarks(page)).length === 2, "the fixed word's underline to disappear");

    await page.keyboard.press("Control+Z");
    assert.equal(await page.$eval("#ta", (ta) => ta.value), DRAFT, "Ctrl+Z undoes the fix");
    assert.deepEqual(cspErrors, [], "no CSP or WebAssembly errors on the page");
    await page.close();
  });

  test("a contenteditable gets the same underlines through CSS highlights, at the words' own rectangles", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/basic.html`);
    await page.click("#ce");
    await page.keyboard.type(DRAFT);
    // The highlight registry belongs to the document, so the page's world sees what the
    // extension registered from its isolated world.
    const ranges = await waitFor(() => page.evaluate(() => {
      const out = [];
      for (const name of ["plume-spelling", "plume-tone"]) {
        for (const range of CSS.highlights.get(name) ?? []) {
          const r = range.getBoundingClientRect();
          out.push({ name, text: range.toString(), left: r.left, right: r.right, top: r.top, bottom: r.bottom });
        }
      }
      return out.length >= 3 ? out : null;
    }), "three highlighted ranges");
    assert.deepEqual(ranges.map((r) => [r.name, r.text]).sort(), [
      ["plume-spelling", "Teh"],
      ["plume-spelling", "tomorow"],
      ["plume-tone", "SO EXCITED"],
    ]);
    const words = await page.evaluate(() => {
      const node = document.getElementById("ce").firstChild;
      const box = (word) => {
        const start = node.data.indexOf(word);
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + word.length);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      return { Teh: box("Teh"), tomorow: box("tomorow"), "SO EXCITED": box("SO EXCITED") };
    });
    for (const r of ranges) assert.deepEqual({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }, words[r.text], r.text);

    const typo = words.tomorow;
    await page.mouse.click((typo.left + typo.right) / 2, (typo.top + typo.bottom) / 2);
    await clickInClosedShadow(page, "data-suggestion", "tomorrow");
    await waitFor(async () => (await page.textContent("#ce")) === "Teh launch is tomorrow and we are SO EXCITED", "the fix in the contenteditable");
    await page.close();
  });
});
