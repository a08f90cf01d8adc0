// The extension in real editor frameworks, on pages bundled from the real npm packages
// (tests/pages, built before the tests) and served with a strict CSP. For each page: the
// underline lies on the flagged word (geometry measured on the page's own DOM), a chosen fix
// lands in the framework's own model with the rest of the text byte-identical, typing goes on
// at the caret after the fixed word, and undo brings the original draft back.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { buildTestPages } from "../pages/build.mjs";
import { clickInClosedShadow, highlightRanges, launchWithExtension, startServer, textInClosedShadow, waitFor, wordRect } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await startServer(await buildTestPages());
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (page, text, extra = "") => `${server.origin}/${page}.html?text=${encodeURIComponent(text)}${extra}`;

/** The framework's own model text, as the page writes it. */
const model = (frame) => frame.textContent("#model");

async function waitForModel(frame, expected, what) {
  try {
    await waitFor(async () => (await model(frame)) === expected, what);
  } catch (error) {
    assert.equal(await model(frame), expected, what);
    throw error;
  }
}

/** Waits for a highlight over exactly `word`; returns it. */
async function highlightOn(frame, word, name = "plume-spelling") {
  return waitFor(async () => (await highlightRanges(frame)).find((r) => r.name === name && r.text === word), `an underline on "${word}"`);
}

function assertSameBox(actual, expected, what) {
  for (const side of ["left", "right", "top", "bottom"]) {
    assert.ok(Math.abs(actual[side] - expected[side]) <= 1, `${what}: ${side} is ${actual[side]}, the word's is ${expected[side]}`);
  }
}

/** Clicks the middle of `word` in the editor, then the suggestion in the popover. */
async function chooseSuggestion(page, frame, selector, word, suggestion, nth = 0) {
  const box = await wordRect(frame, selector, word, nth);
  assert.ok(box, `"${word}" is on the page`);
  const dx = frame === page ? 0 : await frameOffset(frame, "x");
  const dy = frame === page ? 0 : await frameOffset(frame, "y");
  await page.mouse.click((box.left + box.right) / 2 + dx, (box.top + box.bottom) / 2 + dy);
  await clickInClosedShadow(page, "data-suggestion", suggestion);
}

async function frameOffset(frame, axis) {
  const element = await frame.frameElement();
  const box = await element.boundingBox();
  const border = await element.evaluate((e) => [parseFloat(getComputedStyle(e).borderLeftWidth), parseFloat(getComputedStyle(e).borderTopWidth)]);
  return axis === "x" ? box.x + border[0] : box.y + border[1];
}

/** Presses Ctrl+Z until the model is `original` again (editors group undo steps differently). */
async function undoUntil(page, frame, original, presses = 4) {
  for (let i = 0; i < presses && (await model(frame)) !== original; i++) {
    await page.keyboard.press("Control+Z");
    await page.waitForTimeout(50);
  }
  assert.equal(await model(frame), original, "undo brings back the original draft");
}

/**
 * The whole journey on one editor: underline on the word, fix through the popover, model
 * updated and otherwise identical, typing continues after the fixed word, undo restores.
 */
async function fixJourney({ page, frame = page, selector, original, word, suggestion, nth = 0, name = "plume-spelling" }) {
  await waitForModel(frame, original, "the seeded draft");
  await frame.click(selector);
  const highlight = await highlightOn(frame, word, name);
  assertSameBox(highlight, await wordRect(frame, selector, word, nth), `the underline of "${word}"`);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = original.indexOf(word, at + 1);
  const fixed = original.slice(0, at) + suggestion + original.slice(at + word.length);
  await chooseSuggestion(page, frame, selector, word, suggestion, nth);
  await waitForModel(frame, fixed, `the model with "${suggestion}"`);
  await waitFor(async () => !(await highlightRanges(frame)).some((r) => r.text === word), "the fixed word's underline to go");
  // The popover closes once the fix is verified and the caret placed after the word.
  await waitFor(async () => (await textInClosedShadow(page, "data-suggestion", suggestion, { visible: true })) === null, "the popover to close");
  const caret = at + suggestion.length;
  await page.keyboard.type("!");
  await waitForModel(frame, fixed.slice(0, caret) + "!" + fixed.slice(caret), "typing right after the fixed word");
  await undoUntil(page, frame, original);
  return { fixed };
}

const EDITORS = [
  { name: "Draft.js (X-like, with hashtag, mention and over-the-limit decorators)", page: "draft", selector: ".public-DraftEditor-content", decorated: ".hashtag" },
  { name: "Lexical rich text with hashtag nodes (Facebook-like)", page: "lexical", selector: "[data-lexical-editor]", bold: true, decorated: ".hashtag" },
  { name: "Lexical plain text (Threads-like)", page: "lexical", extra: "&plain=1", selector: "[data-lexical-editor]" },
  { name: "Lexical in a custom element with an open shadow root (Reddit-like)", page: "lexical", extra: "&host=custom", selector: "[data-lexical-editor]", bold: true },
  { name: "Quill 2 (LinkedIn posts)", page: "quill", selector: ".ql-editor", bold: true },
  { name: "TipTap / ProseMirror (Bluesky-like)", page: "tiptap", selector: ".ProseMirror", bold: true },
  { name: "Slate with inline void mentions (Discord-like)", page: "slate", selector: "[data-slate-editor]", bold: true, decorated: "[data-slate-void]" },
  { name: "a plain contenteditable (YouTube-like)", page: "plain", selector: "#plain" },
];

for (const editor of EDITORS) {
  describe(editor.name, () => {
    const journey = async (original, word, suggestion, extra = "") => {
      const page = await browser.context.newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.goto(url(editor.page, original, (editor.extra ?? "") + extra));
      if (editor.decorated && /[#@]/.test(original)) {
        await waitFor(async () => (await page.$$(editor.decorated)).length > 0, `the editor's own ${editor.decorated} decoration`);
      }
      await fixJourney({ page, selector: editor.selector, original: original.replace(/\*/g, ""), word, suggestion });
      assert.deepEqual(errors, [], "the editor threw no error");
      await page.close();
    };

    test("a typo right after a mention and a hashtag is underlined, fixed in the model, typed after and undone", () =>
      journey("Big news @alice #launch tomorow at noon", "tomorow", "tomorrow"));

    test("a typo in the third paragraph of a draft with an empty line is fixed without touching the other lines", () =>
      journey("The first line is fine\n\nPlease recieve the package", "recieve", "receive"));

    test("a typo after an emoji (a surrogate pair) is underlined and fixed at the right offsets", () =>
      journey("We ship 🎉 tomorow for real", "tomorow", "tomorrow"));

    if (editor.bold) {
      test("a fix whose changed letters straddle a bold run is applied across the formatting", () =>
        journey("*Te*h launch is tomorrow", "Teh", "The"));
    }
  });
}

describe("Draft.js decorators and re-renders", () => {
  test("a fix whose changed letters straddle the over-the-limit decorator is applied by paste, model intact", async () => {
    const page = await browser.context.newPage();
    const original = "Teh launch is tomorrow";
    await page.goto(url("draft", original, "&limit=2"));
    await fixJourney({ page, selector: ".public-DraftEditor-content", original, word: "Teh", suggestion: "The" });
    await page.close();
  });

  test("when the composer re-renders while the popover is open, the underline follows and the fix still lands", async () => {
    const page = await browser.context.newPage();
    const original = "Our new post goes live tomorow morning #launch";
    await page.goto(url("draft", original));
    await waitForModel(page, original, "the seeded draft");
    await page.click(".public-DraftEditor-content");
    await highlightOn(page, "tomorow");
    const box = await wordRect(page, ".public-DraftEditor-content", "tomorow");
    await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    await page.evaluate(() => window.plumeTest.rerender(26));
    await waitFor(async () => (await page.$$(".over-limit")).length === 1, "the over-limit decorator to re-render the block");
    const moved = await waitFor(async () => (await highlightRanges(page)).find((r) => r.text === "tomorow" && r.live), "a live underline after the re-render");
    assertSameBox(moved, await wordRect(page, ".public-DraftEditor-content", "tomorow"), "the underline after the re-render");
    await clickInClosedShadow(page, "data-suggestion", "tomorrow");
    await waitForModel(page, "Our new post goes live tomorrow morning #launch", "the fix after the re-render");
    await page.close();
  });
});

const RERENDERING = [
  { name: "Lexical (a whole new editor state)", page: "lexical", selector: "[data-lexical-editor]" },
  { name: "Quill (contents set again)", page: "quill", selector: ".ql-editor" },
];

for (const editor of RERENDERING) {
  describe(`${editor.name} re-rendering`, () => {
    test("when every line element is rebuilt while the popover is open, the underline follows and the fix still lands", async () => {
      const page = await browser.context.newPage();
      const original = "Our new post goes live tomorow #launch";
      await page.goto(url(editor.page, original));
      await waitForModel(page, original, "the seeded draft");
      await page.click(editor.selector);
      await highlightOn(page, "tomorow");
      const box = await wordRect(page, editor.selector, "tomorow");
      await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
      const oldParagraph = await page.$(`${editor.selector} p`);
      await page.evaluate(() => window.plumeTest.rerender());
      await waitFor(() => oldParagraph.evaluate((p) => !p.isConnected), "the editor to replace the paragraph element");
      const moved = await waitFor(async () => (await highlightRanges(page)).find((r) => r.text === "tomorow" && r.live), "a live underline after the re-render");
      assertSameBox(moved, await wordRect(page, editor.selector, "tomorow"), "the underline after the re-render");
      await clickInClosedShadow(page, "data-suggestion", "tomorrow");
      await waitForModel(page, "Our new post goes live tomorrow #launch", "the fix after the re-render");
      await page.close();
    });
  });
}

describe("a plain contenteditable", () => {
  test("when the page replaces the text nodes while the popover is open, the fix still lands", async () => {
    const page = await browser.context.newPage();
    const original = "See you tomorow at the shop";
    await page.goto(url("plain", original));
    await page.click("#plain");
    await highlightOn(page, "tomorow");
    const box = await wordRect(page, "#plain", "tomorow");
    await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    await page.evaluate(() => window.plumeTest.rerender());
    const moved = await waitFor(async () => (await highlightRanges(page)).find((r) => r.text === "tomorow" && r.live), "a live underline after the re-render");
    assertSameBox(moved, box, "the underline after the re-render");
    await clickInClosedShadow(page, "data-suggestion", "tomorrow");
    await waitForModel(page, "See you tomorrow at the shop", "the fix after the re-render");
    await page.close();
  });

  test("when the page edits the draft while the popover is open, a shifted word is still fixed and a changed one is refused", async () => {
    const page = await browser.context.newPage();
    const original = "See you tomorow at the shop";
    await page.goto(url("plain", original));
    await page.click("#plain");
    await highlightOn(page, "tomorow");
    let box = await wordRect(page, "#plain", "tomorow");
    await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    await page.evaluate(() => window.plumeTest.pageEdit("See you", "See you all"));
    await clickInClosedShadow(page, "data-suggestion", "tomorrow");
    await waitForModel(page, "See you all tomorrow at the shop", "the fix at the shifted offsets");

    await page.evaluate(() => window.plumeTest.pageEdit("the shop", "the shop, recieve it"));
    await highlightOn(page, "recieve");
    box = await wordRect(page, "#plain", "recieve");
    await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    await page.evaluate(() => window.plumeTest.pageEdit("recieve", "recieved"));
    await clickInClosedShadow(page, "data-suggestion", "receive");
    const notice = await waitFor(() => textInClosedShadow(page, "class", "notice", { visible: true }), "the reason the fix was refused");
    assert.match(notice, /changed/);
    assert.equal(await model(page), "See you all tomorrow at the shop, recieved it", "nothing was replaced");
    await page.close();
  });

  test("a contenteditable in an about:blank frame is checked by the content script injected there", async () => {
    const page = await browser.context.newPage();
    await page.goto(url("plain", ""));
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url() === "about:blank");
    assert.ok(frame, "the about:blank frame");
    await frame.click("#framed");
    await page.keyboard.type("We ship tomorow.");
    const highlight = await highlightOn(frame, "tomorow");
    assertSameBox(highlight, await wordRect(frame, "#framed", "tomorow"), "the underline in the frame");
    await page.close();
  });

  test("when the editor mangles the fix, the mismatch is reported instead of retried", async () => {
    const page = await browser.context.newPage();
    await page.goto(url("plain", "See you tomorow at the shop", "&duplicate=1"));
    await page.click("#plain");
    await highlightOn(page, "tomorow");
    await chooseSuggestion(page, page, "#plain", "tomorow", "tomorrow");
    const notice = await waitFor(() => textInClosedShadow(page, "class", "notice", { visible: true }), "the reason the fix failed");
    assert.match(notice, /did not take the change/);
    assert.equal(await model(page), "See you tomorrrrow at the shop", "one attempt only: the page's duplicate is there once");
    await page.close();
  });

  test("an emoji image counts as its alt text, and a fix that would cut through it is refused with a reason", async () => {
    const page = await browser.context.newPage();
    const original = "WE ARE :party: SO EXCITED";
    await page.goto(url("plain", original));
    await page.click("#plain");
    const shout = await highlightOn(page, "WE ARE  SO EXCITED", "plume-tone");
    await page.mouse.click(shout.left + 5, (shout.top + shout.bottom) / 2);
    await clickInClosedShadow(page, "data-suggestion", "We are 🎉 so excited");
    const notice = await waitFor(() => textInClosedShadow(page, "class", "notice", { visible: true }), "the reason the fix was refused");
    assert.match(notice, /emoji|mention/);
    assert.equal(await page.textContent("#plain"), "WE ARE  SO EXCITED", "the text is untouched");
    assert.equal(await page.$eval("#plain img", (img) => img.alt), "🎉", "the emoji image is untouched");
    await page.close();
  });

  test("fields opted out with data-gramm or data-enable-grammarly are left alone; spellcheck=false is still checked", async () => {
    const page = await browser.context.newPage();
    await page.goto(url("plain", ""));
    for (const id of ["#opted-out", "#opted-out-inner"]) {
      await page.click(id);
      await page.keyboard.type("Please recieve it");
    }
    await page.click("#no-spellcheck");
    await page.keyboard.type("We ship tomorow.");
    await highlightOn(page, "tomorow");
    assert.deepEqual((await highlightRanges(page)).map((r) => r.text), ["tomorow"], "only the field without an opt-out is underlined");
    await page.close();
  });

  test("a contenteditable inside a custom element's open shadow root is underlined and fixed", async () => {
    const page = await browser.context.newPage();
    await page.goto(url("plain", ""));
    await page.click("#inner");
    await page.keyboard.type("Please recieve the package");
    const highlight = await highlightOn(page, "recieve");
    assertSameBox(highlight, await wordRect(page, "#inner", "recieve"), "the underline in the shadow root");
    await chooseSuggestion(page, page, "#inner", "recieve", "receive");
    await waitFor(async () => (await page.textContent("#shadow-model")) === "Please receive the package", "the fix in the shadow root");
    await page.keyboard.type("s");
    await waitFor(async () => (await page.textContent("#shadow-model")) === "Please receives the package", "typing after the fix");
    await page.close();
  });
});

describe("fields in frames and text inputs", () => {
  test("a TipTap editor inside an iframe is underlined and fixed by the frame's content script", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/iframe.html`);
    const frame = await waitFor(() => page.frames().find((f) => f.url().includes("tiptap.html")), "the frame");
    await fixJourney({ page, frame, selector: ".ProseMirror", original: "We ship tomorow for real", word: "tomorow", suggestion: "tomorrow" });
    await page.close();
  });

  test("a React-controlled textarea (Mastodon-like) gets the fix in React state, typed after and undone", async () => {
    const page = await browser.context.newPage();
    const original = "Big news @alice #launch tomorow at noon";
    await page.goto(url("textarea", original));
    await waitForModel(page, original, "the seeded draft");
    await page.click("textarea");
    const mark = await waitFor(async () => {
      const marks = await overlayMarks(page);
      return marks.find((m) => original.slice(m.start, m.end) === "tomorow");
    }, "an overlay underline on the typo");
    const word = await mirrorWordBox(page, "textarea", mark.start, mark.end);
    assert.ok(Math.abs(mark.left - word.left) <= 1 && Math.abs(mark.right - word.right) <= 1, `underline ${mark.left}..${mark.right}, word ${word.left}..${word.right}`);
    assert.ok(mark.top >= word.top && mark.top <= word.bottom + 2, "the underline sits under the word's line");
    await page.mouse.click((mark.left + mark.right) / 2, mark.top - 6);
    await clickInClosedShadow(page, "data-suggestion", "tomorrow");
    const fixed = "Big news @alice #launch tomorrow at noon";
    await waitForModel(page, fixed, "React state with the fix");
    await page.keyboard.type("!");
    await waitForModel(page, "Big news @alice #launch tomorrow! at noon", "typing right after the fixed word");
    await undoUntil(page, page, original);
    await page.close();
  });

  test("in a scrolled multi-line textarea the underline follows the scroll onto the word's line", async () => {
    const page = await browser.context.newPage();
    const original = "Line one is fine\nLine two is fine\nLine three is fine\ntomorow is the day";
    await page.goto(url("textarea", original));
    await page.$eval("textarea", (ta) => (ta.rows = 2));
    await page.click("textarea");
    await page.$eval("textarea", (ta) => (ta.scrollTop = ta.scrollHeight));
    const expected = await page.$eval("textarea", (field) => {
      const cs = getComputedStyle(field);
      const ctx = document.createElement("canvas").getContext("2d");
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const r = field.getBoundingClientRect();
      const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
      const lineTop = r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) + 3 * parseFloat(cs.lineHeight) - field.scrollTop;
      return { left, right: left + ctx.measureText("tomorow").width, top: lineTop, bottom: lineTop + parseFloat(cs.lineHeight) };
    });
    const mark = await waitFor(async () => {
      const found = (await overlayMarks(page)).find((m) => original.slice(m.start, m.end) === "tomorow");
      return found && Math.abs(found.left - expected.left) <= 1 && found.top >= expected.top ? found : null;
    }, "the underline on the scrolled line");
    assert.ok(Math.abs(mark.right - expected.right) <= 1, `underline ends at ${mark.right}, word at ${expected.right}`);
    assert.ok(mark.top <= expected.bottom + 2, `underline at y=${mark.top}, line ${expected.top}..${expected.bottom}`);
    await page.close();
  });

  test("an input[type=search] is checked too", async () => {
    const page = await browser.context.newPage();
    await page.goto(url("plain", ""));
    await page.click("#search");
    await page.keyboard.type("recieve ");
    const mark = await waitFor(async () => (await overlayMarks(page)).find((m) => m.start === 0 && m.end === 7), "an underline in the search field");
    assert.equal(mark.category, "spelling");
    await page.close();
  });
});

/** The overlay's underline boxes (the overlay host has an open shadow root). */
async function overlayMarks(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("plume-overlay")].flatMap((host) =>
      [...(host.shadowRoot?.querySelectorAll(".mark") ?? [])].map((mark) => {
        const r = mark.getBoundingClientRect();
        return { category: mark.dataset.category, start: Number(mark.dataset.start), end: Number(mark.dataset.end), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    ),
  );
}

/**
 * Where `[start, end)` of a single-line field's value is on screen, measured without the
 * extension: canvas text metrics in the field's own font, from its content box.
 */
async function mirrorWordBox(page, selector, start, end) {
  return page.$eval(selector, (field, [start, end]) => {
    const cs = getComputedStyle(field);
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const r = field.getBoundingClientRect();
    const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) - field.scrollLeft;
    const top = r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) - field.scrollTop;
    const x = left + ctx.measureText(field.value.slice(0, start)).width;
    const w = ctx.measureText(field.value.slice(start, end)).width;
    return { left: x, right: x + w, top, bottom: top + parseFloat(cs.lineHeight) };
  }, [start, end]);
}
