// The extension's own pages and actions, in the real built extension: options and storage
// round-trips, popover actions (add to dictionary, turn a rule off), per-site switch, worker
// restarts, and the promise that the extension makes no network request at all.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { clickInClosedShadow, clickUnderline, launchWithExtension, startServer, textInClosedShadow, waitFor } from "./harness.mjs";

let server;
let browser;
let extensionId;
/** Every request any context of the browser made, with who made it. */
const requests = [];

before(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  extensionId = new URL(browser.worker.url()).host;
  browser.context.on("request", (request) => {
    requests.push({ url: request.url(), fromWorker: request.serviceWorker() !== null, frame: safeFrameUrl(request) });
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function safeFrameUrl(request) {
  try {
    return request.frame().url();
  } catch {
    return null;
  }
}


async function overlayRules(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("plume-overlay")].flatMap((host) =>
      [...host.shadowRoot.querySelectorAll(".mark")].map((m) => ({ rule: m.dataset.rule, start: Number(m.dataset.start), end: Number(m.dataset.end), box: m.getBoundingClientRect().toJSON() })),
    ),
  );
}

async function typeDraft(page, text) {
  await page.goto(`${server.origin}/basic.html`);
  await page.click("#ta");
  await page.keyboard.type(text);
}


describe("options page", () => {
  test("a word added on the options page is saved, listed after a reload, and removable", async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.waitForSelector("body[data-ready]");
    await page.fill("#new-word", "Plumeria");
    await page.click("#add-word button");
    await waitFor(async () => (await browser.storage("local", "dictionary"))?.includes("Plumeria"), "the word in storage.local");
    await page.reload();
    await page.waitForSelector('li[data-word="Plumeria"]');
    await page.click('li[data-word="Plumeria"] button');
    await waitFor(async () => !(await browser.storage("local", "dictionary")).includes("Plumeria"), "the word removed");
    await page.close();
  });

  test("a word with a space is refused with a message naming it, and nothing is lost", async () => {
    await browser.setStorage("local", { dictionary: ["Acme"] });
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.waitForSelector("body[data-ready]");
    await page.fill("#new-word", "two words");
    await page.evaluate(() => document.getElementById("add-word").requestSubmit());
    const message = await waitFor(() => page.textContent("#status"), "a status message");
    assert.match(message, /two words/);
    assert.match(message, /white space/);
    assert.deepEqual(await browser.storage("local", "dictionary"), ["Acme"]);
    await page.close();
  });

  test("changing the language and a category is stored in sync storage", async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.waitForSelector("body[data-ready]");
    await page.selectOption("#language", "en-GB");
    await waitFor(async () => (await browser.storage("sync", "settings"))?.language === "en-GB", "language saved");
    await page.uncheck('input[name="category-tone"]');
    await waitFor(async () => (await browser.storage("sync", "settings"))?.categories?.tone === false, "tone off saved");
    await page.reload();
    await page.waitForSelector("body[data-ready]");
    assert.equal(await page.inputValue("#language"), "en-GB");
    assert.equal(await page.isChecked('input[name="category-tone"]'), false);
    await page.check('input[name="category-tone"]');
    await page.selectOption("#language", "auto");
    await waitFor(async () => (await browser.storage("sync", "settings"))?.categories?.tone === true, "tone back on");
    await page.close();
  });
});

describe("popover actions", () => {
  test("Never flag this word stores it in the dictionary and its underline goes away", async () => {
    await browser.setStorage("local", { dictionary: [] });
    const page = await browser.context.newPage();
    await typeDraft(page, "Launch of Zorblax tomorrow");
    await clickUnderline(page, { start: 10 }, "an underline at 10");
    await clickInClosedShadow(page, "data-action", "never-flag-word");
    await waitFor(async () => (await browser.storage("local", "dictionary"))?.includes("Zorblax"), "Zorblax in the dictionary");
    // The click on the underline put the caret inside the word: type at the end of the draft.
    await page.keyboard.press("End");
    await page.keyboard.type(" ok");
    let left = [];
    await waitFor(async () => (left = await overlayRules(page)).length === 0, "no underline left").catch((error) => {
      throw new Error(`${error.message}; still underlined: ${JSON.stringify(left.map((m) => `${m.rule}@${m.start}-${m.end}`))}`);
    });
    await page.close();
  });

  test("Turn off this rule stops it everywhere and the options page can turn it back on", async () => {
    const page = await browser.context.newPage();
    await typeDraft(page, "we are SO EXCITED");
    await clickUnderline(page, { start: 7 }, "an underline at 7");
    await clickInClosedShadow(page, "data-action", "disable-rule");
    await waitFor(async () => (await browser.storage("sync", "settings"))?.disabledRules?.includes("tone.shouting"), "rule off in settings");
    await page.keyboard.press("End");
    await page.keyboard.type(" TODAY");
    // Other rules (a pack's own shouting rule) may still speak; this one must not.
    await waitFor(async () => (await overlayRules(page)).every((m) => m.rule !== "tone.shouting"), "no tone.shouting underline");
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.waitForSelector("body[data-ready]");
    await options.click("#disabled-rules button");
    await waitFor(async () => (await browser.storage("sync", "settings"))?.disabledRules?.length === 0, "rule back on");
    await options.close();
    await page.close();
  });
});

describe("keyboard commands", () => {
  test("next-issue opens the popover on the first issue and accept-first applies its first suggestion", async () => {
    const page = await browser.context.newPage();
    await typeDraft(page, "Teh launch is tomorow.");
    await waitFor(async () => (await overlayRules(page)).length === 2, "two underlines");
    await page.bringToFront();
    // What chrome.commands delivers to the worker, relayed to the active tab as the worker does.
    const send = (name) => browser.worker.evaluate(async (name) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.tabs.sendMessage(tab.id, { type: "command", name });
    }, name);
    await send("next-issue");
    const message = await waitFor(() => textInClosedShadow(page, "class", "message", { visible: true }), "the popover on the first issue");
    assert.match(message, /Teh/);
    await send("accept-first");
    await waitFor(async () => (await page.$eval("#ta", (ta) => ta.value)) === "The launch is tomorow.", "the first suggestion applied");
    await send("next-issue");
    assert.match(await waitFor(() => textInClosedShadow(page, "class", "message", { visible: true }), "the popover on the next issue"), /tomorow/);
    await page.close();
  });
});

describe("site switch and worker lifecycle", () => {
  test("a site switched off gets no underlines; switched on again it does", async () => {
    const host = new URL(server.origin).host;
    await browser.setStorage("sync", { settings: { disabledSites: [host] } });
    const page = await browser.context.newPage();
    await typeDraft(page, "Teh launch");
    await new Promise((r) => setTimeout(r, 800));
    assert.deepEqual(await overlayRules(page), []);
    await browser.setStorage("sync", { settings: {} });
    await page.reload();
    await page.click("#ta");
    await page.keyboard.type("Teh launch");
    await waitFor(async () => (await overlayRules(page)).length === 1, "the underline once the site is on");
    await page.close();
  });

  test("checking resumes after Chromium stops the service worker", async () => {
    const page = await browser.context.newPage();
    await typeDraft(page, "Teh launch");
    await waitFor(async () => (await overlayRules(page)).length === 1, "first underline");
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.stopAllWorkers");
    await cdp.detach();
    await page.keyboard.type(" is tomorow.");
    await waitFor(async () => (await overlayRules(page)).length === 2, "underlines after the worker restarted");
    await page.close();
  });
});

describe("privacy", () => {
  test("the page cannot reach the extension's storage", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/basic.html`);
    assert.equal(await page.evaluate(() => typeof globalThis.chrome?.storage), "undefined");
    await page.close();
  });

  test("the extension made no network request during all of these tests", () => {
    const fromExtension = requests.filter((r) => r.fromWorker || (r.frame ?? "").startsWith("chrome-extension:"));
    const external = fromExtension.filter((r) => !r.url.startsWith("chrome-extension://"));
    assert.deepEqual(external, []);
    const unexpected = requests.filter((r) => !r.url.startsWith(server.origin) && !r.url.startsWith("chrome-extension://"));
    assert.deepEqual(unexpected, [], "every request went to the test server or inside the extension");
  });
});
