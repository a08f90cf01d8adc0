// The options page's Packs and Tone target sections and the Learn page, in the real built
// extension: pack import (YAML, JSON, zip) validated by the core, refusals with the core's
// message and nothing stored, rules and tests shown, packs pushed by policy shown as locked,
// the tone target changing a diagnostic, and local progress after a fix in a test page.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { clickInClosedShadow, launchWithExtension, root, startServer, waitFor } from "./harness.mjs";

let server;
let browser;
let extensionId;

before(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  extensionId = new URL(browser.worker.url()).host;
});

after(async () => {
  await browser?.close();
  await server?.close();
});


const HOUSE = `name: house
version: "1.0"
language: en
description: House style for the browser tests.
rules:
  NoSynergy:
    extends: existence
    message: "Avoid '%s'."
    level: error
    ignorecase: true
    tokens: [synergy]
    why: Jargon hides what we mean.
    link: https://brand.example/voice
    examples:
      - bad: Real synergy
        good: Real teamwork
tests:
  - text: Pure synergy here.
    expect:
      - {rule: NoSynergy, match: synergy}
  - text: We work together.
    expect: []
`;

const yamlFile = (name, text) => ({ name, mimeType: "application/x-yaml", buffer: Buffer.from(text) });

async function overlayRules(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("plume-overlay")].flatMap((host) =>
      [...host.shadowRoot.querySelectorAll(".mark")].map((m) => ({ rule: m.dataset.rule, start: Number(m.dataset.start), box: m.getBoundingClientRect().toJSON() })),
    ),
  );
}

async function openOptions() {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.waitForSelector('#pack-list li[data-pack="social-essentials"]');
  return page;
}

async function typeDraft(text) {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/basic.html`);
  await page.click("#ta");
  await page.keyboard.type(text);
  return page;
}

beforeEach(() => browser.clearStorage());

describe("packs on the options page", () => {
  test("the shipped packs are listed, and social-essentials is on by default", async () => {
    const page = await openOptions();
    const names = await page.$$eval("#pack-list li", (lis) => lis.map((li) => `${li.dataset.pack}:${li.dataset.origin}`));
    for (const name of ["social-essentials", "inclusive-en", "inclusive-fr", "acme", "acme-fr"]) assert.ok(names.includes(`${name}:shipped`), names.join());
    assert.equal(await page.isChecked('input[name="pack-social-essentials"]'), true);
    assert.equal(await page.isChecked('input[name="pack-acme"]'), false);
    await page.check('input[name="pack-acme"]');
    await waitFor(async () => (await browser.storage("sync", "settings"))?.activePacks?.includes("acme"), "acme switched on");
    await page.close();
  });

  test("a valid YAML pack is imported, listed, switched on, and its rule underlines text in a page", async () => {
    const page = await openOptions();
    await page.setInputFiles("#import-pack", yamlFile("house.yml", HOUSE));
    await page.waitForSelector('#pack-list li[data-pack="house"][data-origin="imported"]');
    assert.match(await page.textContent("#pack-messages"), /Imported house: 1 rules, 2 tests passed/);
    assert.equal(await page.isChecked('input[name="pack-house"]'), true);
    const stored = await browser.storage("local", "packs");
    assert.deepEqual(stored.map((p) => [p.name, p.format]), [["house", "yaml"]]);
    assert.ok((await browser.storage("sync", "settings")).activePacks.includes("house"));
    await page.close();

    const draft = await typeDraft("Real synergy wins.");
    const mark = await waitFor(async () => (await overlayRules(draft)).find((m) => m.rule === "house.NoSynergy"), "the pack's underline");
    assert.equal(mark.start, 5);
    await draft.close();
  });

  test("pack import with a failing embedded test is refused with its message", async () => {
    const failing = HOUSE.replace("We work together.", "More synergy again.");
    const page = await openOptions();
    await page.setInputFiles("#import-pack", yamlFile("failing.yml", failing));
    const message = await waitFor(async () => page.textContent("#pack-messages li.error"), "a refusal");
    assert.match(message, /Refused/);
    assert.match(message, /failing\.yml/);
    assert.match(message, /embedded test 2 failed on "More synergy again\."/);
    assert.equal(await browser.storage("local", "packs"), undefined, "nothing stored");
    assert.equal(await page.$('#pack-list li[data-pack="house"]'), null);
    assert.ok(!(await browser.storage("sync", "settings"))?.activePacks?.includes("house"));
    await page.close();
  });

  test("malformed YAML is refused with an error naming the file and the line", async () => {
    const page = await openOptions();
    await page.setInputFiles("#import-pack", yamlFile("broken.yml", "name: broken\nrules:\n  A: [unclosed\n"));
    const message = await waitFor(async () => page.textContent("#pack-messages li.error"), "a refusal");
    assert.match(message, /broken\.yml:\d+/);
    assert.equal(await browser.storage("local", "packs"), undefined);
    await page.close();
  });

  test("a zip of a JSON and a YAML pack imports both", async () => {
    const json = JSON.stringify({ name: "house_json", rules: { NoHype: { extends: "existence", message: "No '%s'.", tokens: ["epic"] } }, tests: [{ text: "An epic day", expect: [{ rule: "NoHype" }] }] });
    const zip = execFileSync("python3", ["-c", `
import io, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("packs/house.yml", sys.argv[1])
    z.writestr("packs/house_json.json", sys.argv[2])
    z.writestr("README.txt", "not a pack")
sys.stdout.buffer.write(b.getvalue())
`, HOUSE, json]);
    const page = await openOptions();
    await page.setInputFiles("#import-pack", { name: "packs.zip", mimeType: "application/zip", buffer: zip });
    await page.waitForSelector('#pack-list li[data-pack="house_json"]');
    await page.waitForSelector('#pack-list li[data-pack="house"]');
    const stored = await browser.storage("local", "packs");
    assert.deepEqual(stored.map((p) => [p.name, p.format]).sort(), [["house", "yaml"], ["house_json", "json"]]);
    await page.close();
  });

  test("View rules shows each rule's type, level, message, why, link and examples; Run tests shows the result", async () => {
    await browser.setStorage("local", { packs: [{ name: "house", format: "yaml", text: HOUSE }] });
    const page = await openOptions();
    await page.click('#pack-list li[data-pack="house"] button[data-action="rules"]');
    const card = page.locator('#pack-detail article[data-rule="house.NoSynergy"]');
    const text = await card.textContent();
    for (const part of ["house.NoSynergy", "error", "existence", "Avoid '…'.", "Jargon hides what we mean.", "Real synergy", "Real teamwork"]) assert.ok(text.includes(part), `${part} in ${text}`);
    assert.equal(await card.locator("a").getAttribute("href"), "https://brand.example/voice");
    await page.click('#pack-list li[data-pack="acme"] button[data-action="tests"]');
    assert.match(await page.textContent('#pack-detail .pack-tests[data-pack="acme"]'), /acme: \d+ tests passed, 0 failed/);
    await page.click('#pack-list li[data-pack="house"] button[data-action="remove"]');
    await waitFor(async () => (await browser.storage("local", "packs"))?.length === 0, "the pack removed");
    await page.close();
  });

  test("a bad pack already in storage is shown with its error and does not stop checking", async () => {
    const bad = HOUSE.replace("We work together.", "More synergy again.");
    await browser.setStorage("local", { packs: [{ name: "house", format: "yaml", text: bad }] });
    await browser.setStorage("sync", { settings: { activePacks: ["house", "social-essentials"] } });
    const page = await openOptions();
    await page.click('#pack-list li[data-pack="house"] button[data-action="tests"]');
    assert.match(await page.textContent("#pack-detail"), /house: 1 tests passed, 1 failed/);
    assert.match(await page.textContent("#pack-detail"), /embedded test 2 failed/);
    await page.close();
    const draft = await typeDraft("Teh launch");
    await waitFor(async () => (await overlayRules(draft)).some((m) => m.rule.startsWith("spelling")), "spelling still checked");
    assert.ok((await overlayRules(draft)).every((m) => !m.rule.startsWith("house.")));
    await draft.close();
  });

  test("packs and switches pushed by policy show as locked", async () => {
    // Managed storage is read-only to the extension; stand in for the browser policy by
    // overriding its reader in the options page before the page script runs.
    const page = await browser.context.newPage();
    await page.addInitScript((house) => {
      const policy = { packs: [{ name: "house", format: "yaml", text: house }], activePacks: ["house"], toneTarget: { preset: "institutional" } };
      const managed = chrome.storage.managed;
      managed.get = async (keys) => (keys === null || keys === undefined ? policy : typeof keys === "string" ? (keys in policy ? { [keys]: policy[keys] } : {}) : policy);
    }, HOUSE);
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const li = page.locator('#pack-list li[data-pack="house"]');
    await li.waitFor();
    assert.equal(await li.getAttribute("data-origin"), "policy");
    assert.match(await li.textContent(), /Set by your organisation/);
    assert.equal(await page.isDisabled('input[name="pack-social-essentials"]'), true);
    assert.equal(await page.isChecked('input[name="pack-house"]'), true);
    assert.equal(await page.inputValue("#tone-preset"), "institutional");
    assert.equal(await page.isDisabled("#tone-preset"), true);
    await page.close();
  });
});

describe("tone target", () => {
  test("with no target of the user's own, the note names the active pack whose target applies", async () => {
    await browser.setStorage("sync", { settings: { activePacks: ["social-essentials", "acme"] } });
    const page = await openOptions();
    await waitFor(async () => /acme.*friendly-professional/.test(await page.textContent("#tone-note")), "the pack's target named");
    assert.equal(await page.inputValue("#tone-preset"), "");
    await page.close();
  });

  test("a preset and a field are saved in sync settings and change the diagnostics", async () => {
    await browser.setStorage("sync", { settings: { activePacks: [] } });
    let draft = await typeDraft("Big news! New store! Come by tomorow");
    // The word under the caret is judged once the writer leaves the field.
    await draft.evaluate(() => document.activeElement.blur());
    await waitFor(async () => (await overlayRules(draft)).length > 0, "a first check (the typo)");
    assert.ok((await overlayRules(draft)).every((m) => m.rule !== "tone.target.exclamations"), "no target, no budget");
    await draft.close();

    const page = await openOptions();
    await page.selectOption("#tone-preset", "playful");
    await waitFor(async () => (await browser.storage("sync", "settings"))?.toneTarget?.preset === "playful", "preset saved");
    await waitFor(async () => (await page.inputValue("#tone-max-exclamations")) === "3", "the preset's values shown");
    await page.fill("#tone-max-exclamations", "1");
    await page.dispatchEvent("#tone-max-exclamations", "change");
    await waitFor(async () => (await browser.storage("sync", "settings"))?.toneTarget?.max_exclamations === 1, "field saved");
    assert.deepEqual((await browser.storage("sync", "settings")).toneTarget, { preset: "playful", max_exclamations: 1 });
    await page.reload();
    await page.waitForSelector('#pack-list li[data-pack="social-essentials"]');
    assert.equal(await page.inputValue("#tone-max-exclamations"), "1");
    await page.evaluate(() => {
      document.getElementById("tone-formality-min").value = "0.9";
      document.getElementById("tone-formality-max").value = "0.2";
      document.getElementById("tone-formality-max").dispatchEvent(new Event("change"));
    });
    await waitFor(async () => page.evaluate(() => document.getElementById("status").classList.contains("error")), "a refusal");
    assert.equal((await browser.storage("sync", "settings")).toneTarget.formality, undefined, "the reversed range is not stored");
    await page.close();

    draft = await typeDraft("Big news! New store! Come by tomorow");
    await draft.evaluate(() => document.activeElement.blur());
    const marks = await waitFor(async () => {
      const found = (await overlayRules(draft)).filter((m) => m.rule === "tone.target.exclamations");
      return found.length > 0 && found;
    }, "the exclamation budget");
    // Budget 1: the second "!" (after "store") is the one beyond it.
    assert.deepEqual(marks.map((m) => m.start), [19]);
    await draft.close();
  });
});

describe("learn page", () => {
  test("lists the active packs' rules with why and examples, and shows progress after a fix", async () => {
    await browser.setStorage("local", { packs: [{ name: "house", format: "yaml", text: HOUSE }] });
    await browser.setStorage("sync", { settings: { activePacks: ["house"] } });
    const learn = await browser.context.newPage();
    await learn.goto(`chrome-extension://${extensionId}/learn.html`);
    const card = learn.locator('article[data-rule="house.NoSynergy"]');
    await card.waitFor();
    assert.match(await card.textContent(), /Jargon hides what we mean\..*Real synergy.*Real teamwork/s);
    assert.equal(await learn.isVisible("#no-progress"), true);

    const draft = await typeDraft("Teh launch");
    const mark = await waitFor(async () => (await overlayRules(draft)).find((m) => m.start === 0), "the typo's underline");
    await draft.mouse.click((mark.box.left + mark.box.right) / 2, mark.box.top - 8);
    await waitFor(async () => clickInClosedShadow(draft, "data-suggestion", "The").then(() => true, () => false), "the suggestion clicked");
    await waitFor(async () => (await draft.inputValue("#ta")) === "The launch", "the fix applied");
    await draft.close();

    const cell = learn.locator('#progress-body tr:first-child td[data-category="spelling"]');
    await waitFor(async () => (await cell.count()) === 1 && (await cell.getAttribute("data-fixed")) === "1", "a spelling fix counted");
    assert.equal(await cell.getAttribute("data-met"), "1");
    assert.match(await cell.textContent(), /1 met, 1 fixed/);
    const progress = await browser.storage("local", "progress");
    assert.ok(!JSON.stringify(progress).includes("Teh"), "no draft text is stored");
    await learn.close();
  });
});

describe("UI strings", () => {
  test("every UI string exists in both English and French", () => {
    const keys = (lang) => Object.keys(JSON.parse(readFileSync(path.join(root, "extension", "_locales", lang, "messages.json"), "utf8"))).sort();
    assert.deepEqual(keys("fr"), keys("en"));
  });
});
