// The content script's DOM walk on each framework's DOM shapes: blocks become "\n", editor
// scaffolding is skipped, emoji images and non-editable islands are atoms, and a word maps back
// to a DOM range holding exactly that word. Runs the real walk (bundled from extension/) in
// Chromium on fixtures shaped like each framework's output.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { buildTestPages } from "../pages/build.mjs";
import { startServer } from "./harness.mjs";

let server;
let browser;
let page;

before(async () => {
  server = await startServer(await buildTestPages());
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
  page = await browser.newPage();
  await page.goto(`${server.origin}/walk.html`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const walk = (html, word) => page.evaluate(([html, word]) => window.plumeWalk(html, word), [html, word]);

describe("reading an editor's DOM in one walk", () => {
  test("Draft.js blocks become lines, an empty block is an empty line, and the placeholder br is skipped", async () => {
    const block = (text) =>
      `<div data-block="true"><div class="public-DraftStyleDefault-block"><span data-offset-key="a">${text}</span></div></div>`;
    const result = await walk(
      `<div class="public-DraftEditor-content" contenteditable="true"><div data-contents="true">${block('<span data-text="true">Big news </span></span><span class="hashtag"><span data-text="true">#launch</span>')}${block('<br data-text="true">')}${block('<span data-text="true">See you tomorow</span>')}</div></div>`,
      "tomorow",
    );
    assert.deepEqual(result, { kind: "draft", text: "Big news #launch\n\nSee you tomorow", range: "tomorow", overlapsAtom: false });
  });

  test("Lexical paragraphs, a line-break node and its managed trailing br read as the model does", async () => {
    const result = await walk(
      '<div contenteditable="true" data-lexical-editor="true"><p><span data-lexical-text="true">one</span><br><span data-lexical-text="true">two</span></p><p><br></p><p><span data-lexical-text="true">three</span><br><br data-lexical-managed-linebreak="true"></p></div>',
    );
    assert.deepEqual(result, { kind: "lexical", text: "one\ntwo\n\nthree\n" });
  });

  test("ProseMirror separators and trailing breaks are scaffolding, a hard break is a line", async () => {
    const result = await walk(
      '<div class="ProseMirror" contenteditable="true"><p>first<br>second<img class="ProseMirror-separator" alt=""><br class="ProseMirror-trailingBreak"></p><p><br class="ProseMirror-trailingBreak"></p><p>third</p></div>',
    );
    assert.deepEqual(result, { kind: "prosemirror", text: "first\nsecond\n\nthird" });
  });

  test("Slate zero-width anchors are skipped and an inline void mention is one atom", async () => {
    const result = await walk(
      '<div data-slate-editor="true" contenteditable="true"><div data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-string="true">Hi </span></span></span><span data-slate-node="element" data-slate-void="true" data-slate-inline="true" contenteditable="false">@alice<span data-slate-spacer="true"><span data-slate-zero-width="z">\ufeff</span></span></span><span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-string="true"> teh</span></span></span></div><div data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-zero-width="n" data-slate-length="0">\ufeff<br></span></span></span></div></div>',
      "@alice teh",
    );
    assert.deepEqual(result, { kind: "slate", text: "Hi @alice teh\n", range: "@alice\ufeff teh", overlapsAtom: true });
  });

  test("Quill lines are paragraphs and an empty line is <p><br></p>", async () => {
    const result = await walk('<div class="ql-editor" contenteditable="true"><p>one</p><p><br></p><p>two <strong>bold</strong></p></div>', "two bold");
    assert.deepEqual(result, { kind: "quill", text: "one\n\ntwo bold", range: "two bold", overlapsAtom: false });
  });

  test("a plain contenteditable reads text before a div as its own line and an emoji image as its alt", async () => {
    const result = await walk('<div contenteditable="true">We ship <img alt="🎉" src="data:,"> tomorow<div>second line</div><div><br></div><div>fourth</div></div>', "tomorow");
    assert.deepEqual(result, { kind: "plain", text: "We ship 🎉 tomorow\nsecond line\n\nfourth", range: "tomorow", overlapsAtom: false });
  });
});

const edit = (fn, ...args) => page.evaluate(([fn, args]) => window.plumeEdit[fn](...args), [fn, args]);

describe("shaping a fix before it is applied", () => {
  test("a fix is shrunk to the letters that differ", async () => {
    assert.deepEqual(await edit("minimalEdit", "see you tomorow", 8, 15, "tomorrow"), { start: 13, end: 13, insert: "r" });
    assert.deepEqual(await edit("minimalEdit", "Teh launch", 0, 3, "The"), { start: 1, end: 3, insert: "he" });
  });

  test("an insertion is widened by one letter of the flagged word so no edit sits on a node boundary", async () => {
    const text = "see you tomorow";
    const shrunk = await edit("minimalEdit", text, 8, 15, "tomorrow");
    assert.deepEqual(await edit("widenEdit", text, shrunk, { start: 8, end: 15 }), { start: 12, end: 13, insert: "rr" });
    const removal = await edit("minimalEdit", "the the end", 0, 7, "the");
    const widened = await edit("widenEdit", "the the end", removal, { start: 0, end: 7 });
    assert.ok(widened.end > widened.start && widened.insert !== "", JSON.stringify(widened));
    assert.equal(await edit("applyEdit", "the the end", widened), "the end");
  });

  test("widening never splits an emoji's surrogate pair", async () => {
    const text = "go🎉o";
    const shrunk = { start: 4, end: 4, insert: "o" };
    assert.deepEqual(await edit("widenEdit", text, shrunk, { start: 0, end: 5 }), { start: 2, end: 4, insert: "🎉o" });
  });

  test("a flagged span follows an edit before it, and is lost when its word or its boundary changes", async () => {
    const basis = "See you tomorow at noon";
    const span = { start: 8, end: 15 };
    assert.deepEqual(await edit("locateSpan", basis, "See you all tomorow at noon", span), { start: 12, end: 19 });
    assert.deepEqual(await edit("locateSpan", basis, "See you tomorow at 9 noon", span), span);
    assert.equal(await edit("locateSpan", basis, "See you tomorows at noon", span), null);
    assert.equal(await edit("locateSpan", basis, "See you xtomorow at noon", span), null);
    assert.equal(await edit("locateSpan", basis, "Something else entirely", span), null);
  });
});
