// Storage quota errors are reported, not swallowed, and lose nothing: Chrome's real quotas are
// filled (8 KB per synced item for the settings, 10 MB of local storage for the dictionary),
// then the options page, the popup and the popover try to save. Each shows an error naming what failed,
// and what was stored before is still there, unchanged.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { clickInClosedShadow, clickUnderline, launchWithExtension, startServer, textInClosedShadow, waitFor } from "./harness.mjs";

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


/**
 * Stores settings whose synced item is exactly at Chrome's per-item quota (key plus JSON value:
 * 8,192 bytes) by turning off many long rule ids; proves one more byte is refused. Returns them.
 */
async function settingsAtTheSyncItemQuota() {
  return browser.worker.evaluate(async () => {
    const settings = {
      language: "auto",
      platform: "auto",
      categories: { spelling: true, grammar: true, tone: true, guideline: true, platform: true },
      disabledRules: [],
      disabledSites: [],
      activePacks: ["social-essentials"],
      toneTarget: null,
    };
    const size = () => "settings".length + JSON.stringify(settings).length;
    const limit = chrome.storage.sync.QUOTA_BYTES_PER_ITEM;
    for (let i = 0; size() < limit - 200; i++) settings.disabledRules.push(`acme.Rule${String(i).padStart(3, "0")}${"x".repeat(100)}`);
    settings.disabledRules.push(`acme.Last${"y".repeat(Math.max(0, limit - size() - '"acme.Last",'.length))}`);
    if (size() !== limit) throw new Error(`settings are ${size()} bytes, not ${limit}`);
    await chrome.storage.sync.set({ settings });
    const over = { ...settings, language: "en-GB" };
    const refused = await chrome.storage.sync.set({ settings: over }).then(() => null, (e) => String(e));
    if (refused === null) throw new Error("one byte over the per-item quota was accepted");
    return settings;
  });
}

describe("storage quota errors", () => {
  test("the options page names the failed settings save when the synced item is full, and keeps what was stored", async () => {
    const stored = await settingsAtTheSyncItemQuota();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.waitForSelector("body[data-ready]");
    await page.selectOption("#language", "en-GB");
    const message = await waitFor(() => page.$eval("#status.error", (s) => s.textContent).catch(() => null), "an error status");
    assert.match(message, /^Settings could not be saved: /);
    assert.match(message, /8 KB/);
    assert.match(message, /What was saved before is kept/);
    assert.deepEqual(await browser.storage("sync", "settings"), stored);
    // The page shows what is stored, not the choice that could not be saved.
    await waitFor(async () => (await page.inputValue("#language")) === "auto", "the language select back on the stored value");
    assert.equal(await page.locator("#disabled-rules li").count(), stored.disabledRules.length);
    // Freeing room makes saving work again.
    await page.click("#disabled-rules li button");
    await waitFor(async () => (await browser.storage("sync", "settings")).disabledRules.length === stored.disabledRules.length - 1, "one rule turned back on");
    assert.doesNotMatch(await page.textContent("#status"), /could not/);
    await page.close();
  });

  test("the popup's site switch reports the failed save and shows the stored state again", async () => {
    const stored = await settingsAtTheSyncItemQuota();
    const site = await browser.context.newPage();
    await site.goto(`${server.origin}/basic.html`);
    const popup = await browser.context.newPage();
    // Opened as a tab, the popup would see itself as the active tab, and only the toolbar
    // click (activeTab) lets it read a tab's address: hand it the site's tab as that click would.
    await popup.addInitScript((url) => {
      const query = chrome.tabs.query.bind(chrome.tabs);
      chrome.tabs.query = async () => {
        const tabs = await query({});
        const tab = tabs.find((t) => t.url === undefined || t.url === "");
        return tab === undefined ? [] : [{ ...tab, url }];
      };
    }, `${server.origin}/basic.html`);
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await waitFor(() => popup.textContent("#host").then((h) => h === new URL(server.origin).host), "the popup showing the site");
    assert.equal(await popup.isChecked("#site-enabled"), true);
    await popup.click("#site-enabled");
    const message = await waitFor(() => popup.$eval("#status.error", (s) => s.textContent).catch(() => null), "an error status");
    assert.match(message, /^Settings could not be saved: .*8 KB.*What was saved before is kept/);
    assert.equal(await popup.isChecked("#site-enabled"), true, "the switch shows the stored state: still on");
    assert.deepEqual(await browser.storage("sync", "settings"), stored);
    await popup.close();
    await site.close();
    await browser.worker.evaluate(() => chrome.storage.sync.clear());
  });

  test("Turn off this rule in the popover shows why it could not be saved, and the settings are unchanged", async () => {
    const stored = await settingsAtTheSyncItemQuota();
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/basic.html`);
    await page.click("#ta");
    await page.keyboard.type("we are SO EXCITED");
    await clickUnderline(page, { rule: "tone.shouting" }, "the shouting underline");
    await waitFor(() => textInClosedShadow(page, "class", "message", { visible: true }), "the popover");
    await clickInClosedShadow(page, "data-action", "disable-rule");
    const notice = await waitFor(() => textInClosedShadow(page, "class", "notice", { visible: true }), "the popover's notice");
    assert.match(notice, /^Settings could not be saved: .*8 KB.*What was saved before is kept/);
    assert.deepEqual(await browser.storage("sync", "settings"), stored);
    await page.close();
    await browser.worker.evaluate(() => chrome.storage.sync.clear());
  });

  test("the options page names the failed dictionary save when local storage is full, and keeps the words", async () => {
    await browser.worker.evaluate(async () => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set({ dictionary: ["Acme", "Plumeria"] });
      // Fill local storage to its quota, to the byte.
      const quota = chrome.storage.local.QUOTA_BYTES;
      const used = await chrome.storage.local.getBytesInUse(null);
      await chrome.storage.local.set({ filler: "f".repeat(quota - used - "filler".length - 2) });
      const now = await chrome.storage.local.getBytesInUse(null);
      if (now !== quota) throw new Error(`local storage holds ${now} bytes, not ${quota}`);
    });
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.waitForSelector('li[data-word="Plumeria"]');
    await page.fill("#new-word", "Zorblax");
    await page.click("#add-word button");
    const message = await waitFor(() => page.$eval("#status.error", (s) => s.textContent).catch(() => null), "an error status");
    assert.match(message, /^The personal dictionary could not be saved: the browser's storage for Plume is full/);
    assert.match(message, /What was saved before is kept/);
    assert.deepEqual(await browser.storage("local", "dictionary"), ["Acme", "Plumeria"]);
    assert.deepEqual(await page.$$eval("li[data-word]", (items) => items.map((li) => li.dataset.word)), ["Acme", "Plumeria"]);
    await browser.worker.evaluate(() => chrome.storage.local.remove("filler"));
    // With room again, the same word is saved.
    await page.fill("#new-word", "Zorblax");
    await page.click("#add-word button");
    await waitFor(async () => (await browser.storage("local", "dictionary"))?.includes("Zorblax"), "the word saved once there is room");
    await page.close();
  });
});
