// With Chromium in French (`--lang=fr`), every page of the extension and the popover on a
// French draft speak French: the test walks the popup, options and Learn pages and opens the
// popover and badge, and fails on any English interface string or English core message left in
// the visible text.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { clickUnderline, launchWithExtension, root, startServer, textInClosedShadow, waitFor } from "./harness.mjs";

let server;
let browser;
let extensionId;

/** Interface strings whose English and French differ: none of the English may be seen. */
let english = [];

/** Words of English prose that no French interface text contains. */
const ENGLISH_WORDS = /\b(the|and|your|with|this|may be|issues?|rules?|settings|dictionary|misspelled|needs its|turn off|add to|ignore|week|met|fixed)\b/i;

before(async () => {
  const messages = async (lang) => JSON.parse(await readFile(path.join(root, "extension", "_locales", lang, "messages.json"), "utf8"));
  const [en, fr] = [await messages("en"), await messages("fr")];
  english = Object.entries(en)
    .filter(([key, { message }]) => fr[key]?.message !== message && !key.startsWith("ext") && !key.startsWith("command"))
    .flatMap(([, { message }]) => message.split(/\$\d/))
    .map((part) => part.trim())
    .filter((part) => part.length >= 5);
  server = await startServer();
  browser = await launchWithExtension(undefined, { locale: "fr" });
  extensionId = new URL(browser.worker.url()).host;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** English interface strings or English prose found in `text`. */
function englishIn(text) {
  // Whole words only: "Ignore" is not in "Ignorer", nor "Formal" in "Formalité".
  const found = english.filter((s) => new RegExp(`(^|[^\\p{L}])${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "u").test(text));
  const word = text.match(ENGLISH_WORDS);
  if (word !== null) found.push(`“${word[0]}” in “${text.slice(Math.max(0, word.index - 30), word.index + 30)}”`);
  return found;
}

describe("the extension in French", () => {
  test("the browser really runs in French", async () => {
    const language = await browser.worker.evaluate(() => chrome.i18n.getMessage("@@ui_locale"));
    assert.match(language, /^fr/);
  });

  for (const page of ["popup.html", "options.html", "learn.html"]) {
    test(`${page} shows no English`, async () => {
      const tab = await browser.context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      await tab.waitForLoadState("networkidle");
      // Pages fill some parts after reading storage: wait for the text to settle.
      let text = "";
      await waitFor(async () => {
        // Example sentences (`.examples`) are content in the draft's language, not interface.
        const next = await tab.evaluate(() => {
          const body = document.body.cloneNode(true);
          for (const examples of body.querySelectorAll(".examples")) examples.remove();
          // A card about an English-only rule (their/there, could of…) names English words in
          // its French title and why: those words are the subject, not untranslated interface.
          for (const quoted of body.querySelectorAll('article[data-checks^="en"] :is(.rule-title, .rule-why)')) quoted.remove();
          document.body.after(body);
          body.hidden = false;
          const text = body.innerText;
          body.remove();
          return text;
        });
        const settled = next === text && next.length > 0;
        text = next;
        return settled;
      }, `${page} to settle`);
      assert.match(await tab.evaluate(() => document.documentElement.lang), /^fr/);
      assert.deepEqual(englishIn(text), [], `${page}:\n${text}`);
      await tab.close();
    });
  }

  test("the popover on a French draft explains in French", async () => {
    const tab = await browser.context.newPage();
    await tab.goto(`${server.origin}/basic.html`);
    await tab.click("#ta");
    await tab.keyboard.type("Merci a toute l'équipe, on se voit tres bientot !");
    await clickUnderline(tab, {}, "an underline on the French draft", 20000);
    const message = await waitFor(() => textInClosedShadow(tab, "class", "message", { visible: true }), "the popover");
    const why = await textInClosedShadow(tab, "class", "why");
    const category = await textInClosedShadow(tab, "class", "category");
    const actions = await textInClosedShadow(tab, "class", "actions");
    const shown = [category, message, why, actions].join("\n");
    assert.match(message, /accent/);
    assert.deepEqual(englishIn(shown), [], shown);
    await tab.close();
  });
});
