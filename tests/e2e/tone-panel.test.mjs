// The tone chip explains itself: clicking it (or pressing Enter on it) opens a panel with the
// draft's scores and the phrases that pull them; a phrase selects its place in the draft. Also
// checks, in the real extension, that enthusiasm is not read as hostility (issue 18).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { clickInClosedShadow, clickUnderline, launchWithExtension, startServer, textInClosedShadow, waitFor } from "./harness.mjs";

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

const badgeTone = (page) => page.evaluate(() => document.querySelector("plume-badge")?.dataset.tone ?? "");

describe("the tone chip's panel", () => {
  test("an angry reply: the panel lists the hostile phrases, and one click selects a phrase in the textarea", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/basic.html`);
    const draft = "This is the WORST service ever, you people are useless!!!";
    await page.click("#ta");
    await page.keyboard.type(draft);
    await waitFor(async () => (await badgeTone(page)) === "Aggressive", "the chip saying Aggressive");
    await clickInClosedShadow(page, "data-plume-chip", "tone");
    const panel = await waitFor(() => textInClosedShadow(page, "class", "panel", { visible: true }), "the tone panel");
    assert.match(panel, /Aggression/);
    assert.match(panel, /useless/);
    const start = draft.indexOf("useless");
    await clickInClosedShadow(page, "data-pull", `aggression:${start}-${start + "useless".length}`);
    const selection = await page.evaluate(() => {
      const ta = document.getElementById("ta");
      return { start: ta.selectionStart, end: ta.selectionEnd, focused: document.activeElement === ta };
    });
    assert.deepEqual(selection, { start, end: start + "useless".length, focused: true });
    assert.equal(await textInClosedShadow(page, "class", "panel", { visible: true }), null, "the panel closed");
    // The draft is unchanged: selecting is not editing.
    assert.equal(await page.inputValue("#ta"), draft);
    await page.close();
  });

  test("French enthusiasm reads as praise, and the keyboard opens and closes the panel", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/basic.html`);
    await page.click("#ta");
    await page.keyboard.type("Cette offre est dingue, foncez !");
    await waitFor(async () => (await badgeTone(page)) !== "", "a tone label");
    await page.waitForTimeout(400);
    const tone = await badgeTone(page);
    assert.ok(!["Aggressive", "Negative"].includes(tone), `enthusiasm read as ${tone}`);
    // Tab from the last field of the page reaches the chip; Enter opens the panel.
    await page.focus("#ce");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const panel = await waitFor(() => textInClosedShadow(page, "class", "panel", { visible: true }), "the tone panel");
    assert.match(panel, /dingue/);
    await page.keyboard.press("Escape");
    await waitFor(async () => (await textInClosedShadow(page, "class", "panel", { visible: true })) === null, "the panel closing on Escape");
    await page.close();
  });

  test("the popover offers the calmer phrasing as a suggestion, and choosing it calms the reply", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/basic.html`);
    // Ends after the flagged word: the word under the caret is judged once the writer leaves it.
    const draft = "Honestly you people are useless.";
    await page.click("#ta");
    await page.keyboard.type(draft);
    await clickUnderline(page, { start: draft.indexOf("useless"), rule: "tone.aggressive" }, "the underline under useless");
    await waitFor(() => textInClosedShadow(page, "data-suggestion", "not helpful", { visible: true }), "the calmer suggestion");
    await clickInClosedShadow(page, "data-suggestion", "not helpful");
    await waitFor(async () => (await page.inputValue("#ta")) === "Honestly you people are not helpful.", "the calmer wording in the field");
    await page.close();
  });
});
