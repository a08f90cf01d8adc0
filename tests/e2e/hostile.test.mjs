// Hostile pages and packs against the built extension:
// - forged messages sent to the worker from the content script's own world (as a compromised
//   content script could) are each refused with a reason, write nothing, and the worker keeps
//   answering real checks;
// - a page cannot read the personal dictionary or the settings: not through `chrome.*`, not in
//   the DOM (closed shadow roots included), not through postMessage or the page's storage;
// - markup in a pack's message or in the page's text is shown as text in the popover and never
//   runs, on a page without a CSP to stop it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { clickUnderline, launchWithExtension, startServer, textInClosedShadow, waitFor } from "./harness.mjs";

let server;
let browser;
let extensionId;
/** Every request any context of the browser made during these tests. */
const requests = [];

before(async () => {
  // No CSP: markup that reached the DOM could run its inline handlers here.
  server = await startServer(undefined, 0, { csp: false });
  browser = await launchWithExtension();
  extensionId = new URL(browser.worker.url()).host;
  browser.context.on("request", (request) => requests.push(request.url()));
});

after(async () => {
  await browser?.close();
  await server?.close();
});


/** Text that must never be readable by a page: a dictionary word and settings values. */
const SECRET_WORD = "Zyxwquorblat";
const SECRET_SITE = "secret-intranet.example";
const SECRET_RULE = "acme.SecretRule";

/**
 * Evaluates `expression` in the extension's content-script world of `page` (found through CDP,
 * which sees every world of the page), awaiting a promise result.
 */
async function inContentScript(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    cdp.on("Runtime.executionContextCreated", ({ context }) => contexts.push(context));
    await cdp.send("Runtime.enable");
    const world = await waitFor(
      () => contexts.find((c) => c.auxData?.type === "isolated" && c.origin === `chrome-extension://${extensionId}`),
      "the content script's world",
    );
    const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails !== undefined) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

describe("forged messages to the worker", () => {
  test("each malformed or unknown message is refused with a reason, nothing is written, and real checks still work", async () => {
    await browser.setStorage("local", { dictionary: [SECRET_WORD] });
    await browser.setStorage("sync", { settings: { disabledSites: [SECRET_SITE], disabledRules: [SECRET_RULE] } });
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/basic.html`);
    const forged = [
      ["not an object", "null", /message is not an object/],
      ["a string", '"check"', /message is not an object/],
      ["an array", "[1, 2]", /unknown message type/],
      ["no type", "({ text: 'Teh' })", /unknown message type/],
      ["an unknown kind", "({ type: 'eval', code: '1' })", /unknown message type "eval"/],
      ["a request for the settings", "({ type: 'settings/get' })", /unknown message type "settings\/get"/],
      ["a request for the dictionary", "({ type: 'dictionary/get' })", /unknown message type "dictionary\/get"/],
      ["a storage read", "({ type: 'storage/get', area: 'local', key: 'dictionary' })", /unknown message type/],
      ["a prototype key as type", "({ type: '__proto__' })", /unknown message type/],
      ["a check without text", "({ type: 'check', revision: 1 })", /text must be a string/],
      ["a check with text of the wrong type", "({ type: 'check', text: 42, revision: 1 })", /text must be a string/],
      ["a check with an object as text", "({ type: 'check', text: { toString: 1 }, revision: 1 })", /text must be a string/],
      ["a check without revision", "({ type: 'check', text: 'Teh' })", /revision must be an integer/],
      ["a check with a fractional revision", "({ type: 'check', text: 'Teh', revision: 1.5 })", /revision must be an integer/],
      ["a check with a string revision", "({ type: 'check', text: 'Teh', revision: '1' })", /revision must be an integer/],
      ["a check over the size limit", "({ type: 'check', text: 'a'.repeat(1048577), revision: 1 })", /1048577 characters; the limit is 1048576/],
      ["an empty word", "({ type: 'dictionary/add', word: '' })", /word must be one word/],
      ["a word with a space", "({ type: 'dictionary/add', word: 'two words' })", /word must be one word/],
      ["a word of the wrong type", "({ type: 'dictionary/add', word: ['Teh'] })", /word must be one word/],
      ["an overlong word", "({ type: 'dictionary/add', word: 'x'.repeat(65) })", /word must be one word/],
      ["a rule id with markup", "({ type: 'rules/disable', rule: '<img src=x>' })", /rule must be a rule id/],
      ["a rule id of the wrong type", "({ type: 'rules/disable', rule: 7 })", /rule must be a rule id/],
      ["an unknown category", "({ type: 'progress/fixed', category: 'secrets', rule: 'tone.shouting' })", /category must be/],
    ];
    const answers = await inContentScript(
      page,
      `Promise.all([${forged.map(([, message]) => `chrome.runtime.sendMessage(${message})`).join(", ")}])`,
    );
    for (const [index, [name, , reason]] of forged.entries()) {
      const answer = answers[index];
      assert.equal(answer?.type, "error", `${name}: ${JSON.stringify(answer)}`);
      assert.match(answer.message, /^rejected: /, name);
      assert.match(answer.message, reason, name);
      for (const secret of [SECRET_WORD, SECRET_SITE, SECRET_RULE]) assert.ok(!JSON.stringify(answer).includes(secret), `${name} leaked ${secret}`);
    }
    // Nothing was written by any of them.
    assert.deepEqual(await browser.storage("local", "dictionary"), [SECRET_WORD]);
    assert.deepEqual((await browser.storage("sync", "settings")).disabledRules, [SECRET_RULE]);
    // The worker still answers a real check, in English and in French, with the dictionary applied.
    const report = await inContentScript(page, `chrome.runtime.sendMessage({ type: "check", text: "Teh launch of ${SECRET_WORD} is tomorow", revision: 7 })`);
    assert.equal(report.type, "report");
    assert.equal(report.revision, 7);
    const flagged = report.report.diagnostics.filter((d) => d.category === "spelling").map((d) => d.utf16);
    assert.deepEqual(flagged.map((s) => `Teh launch of ${SECRET_WORD} is tomorow`.slice(s.start, s.end)), ["Teh", "tomorow"]);
    const frenchText = "Le lancement est demian matin.";
    const french = await inContentScript(page, `chrome.runtime.sendMessage({ type: "check", text: ${JSON.stringify(frenchText)}, revision: 8 })`);
    assert.deepEqual(french.report.diagnostics.filter((d) => d.category === "spelling").map((d) => frenchText.slice(d.utf16.start, d.utf16.end)), ["demian"]);
    await page.close();
  });
});

describe("pages cannot read the dictionary or the settings", () => {
  test("the page world has no extension API, and nothing of the dictionary or settings reaches the DOM, messages or storage", async () => {
    await browser.setStorage("local", { dictionary: [SECRET_WORD] });
    await browser.setStorage("sync", { settings: { disabledSites: [SECRET_SITE], disabledRules: [SECRET_RULE] } });
    const page = await browser.context.newPage();
    // Before any script of the page or the extension runs: record every window message.
    await page.addInitScript(() => {
      window.__messages = [];
      window.addEventListener("message", (event) => window.__messages.push(JSON.stringify(event.data) ?? String(event.data)), true);
    });
    await page.goto(`${server.origin}/basic.html`);
    await page.click("#ta");
    await page.keyboard.type("Teh launch");
    await waitFor(() => page.evaluate(() => document.querySelector("plume-badge")?.dataset.count === "1"), "the badge counting one issue");
    // The page's own world: no chrome.runtime to message the extension, no storage.
    assert.deepEqual(
      await page.evaluate(() => ({ runtime: typeof globalThis.chrome?.runtime?.sendMessage, storage: typeof globalThis.chrome?.storage })),
      { runtime: "undefined", storage: "undefined" },
    );
    // Every node, attribute and text of the document, closed shadow roots included (CDP pierces them).
    const cdp = await browser.context.newCDPSession(page);
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    await cdp.detach();
    const everything = JSON.stringify(root);
    assert.match(everything, /plume-badge/, "the DOM dump includes the extension's hosts");
    const seen = await page.evaluate(() => ({
      messages: window.__messages,
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie + window.name,
      highlights: [...CSS.highlights.keys()].join(" "),
    }));
    for (const secret of [SECRET_WORD, SECRET_SITE, SECRET_RULE]) {
      assert.ok(!everything.includes(secret), `${secret} is in the page's DOM`);
      assert.ok(!seen.storage.includes(secret) && !seen.highlights.includes(secret), `${secret} is in the page's storage or highlights`);
    }
    assert.deepEqual(seen.messages, [], "the extension posted no window message");
    await page.close();
  });
});

/** A pack whose message and link carry markup and a script link, flagging `<img …>` written in a post. */
const HOSTILE_PACK = `name: hostile
rules:
  Markup:
    extends: existence
    message: "<img src=x onerror=\\"window.__pwned='pack'\\"> <b>bold</b> %s"
    link: "javascript:window.__pwned='link'"
    level: error
    raw:
      - '<img[^>]*>'
    why: "<script>window.__pwned='why'</script> markup is text here"
`;

describe("markup from packs and pages is shown as text", () => {
  test("a pack message and flagged page text containing <img onerror> appear literally in the popover and never run", async () => {
    await browser.setStorage("local", { dictionary: [], packs: [{ name: "hostile", format: "yaml", text: HOSTILE_PACK }] });
    await browser.setStorage("sync", { settings: { activePacks: ["hostile"] } });
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/basic.html`);
    const typed = `Look <img src=y onerror="window.__pwned='page'"> here`;
    await page.click("#ta");
    await page.keyboard.type(typed);
    const start = typed.indexOf("<img");
    await clickUnderline(page, { start, rule: "hostile.Markup" }, "the underline of the hostile pack's rule", 20000);
    const message = await waitFor(() => textInClosedShadow(page, "class", "message", { visible: true }), "the popover");
    const flagged = typed.slice(start, typed.indexOf(">", start) + 1);
    assert.equal(message, `<img src=x onerror="window.__pwned='pack'"> <b>bold</b> ${flagged}`);
    assert.equal(await textInClosedShadow(page, "class", "why"), "<script>window.__pwned='why'</script> markup is text here");
    // No element was made from the markup anywhere (closed shadow roots included), and the
    // javascript: link is not offered.
    const cdp = await browser.context.newCDPSession(page);
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    await cdp.detach();
    const names = [];
    const walk = (node) => {
      names.push(node.nodeName);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    assert.deepEqual(names.filter((n) => ["IMG", "B", "A"].includes(n)), []);
    assert.equal(names.filter((n) => n === "SCRIPT").length, 1, "only the page's own script element");
    // Give an injected image time to fail loading and fire onerror: a load of the same missing
    // image from the page proves the error would have fired by now.
    await page.evaluate(() => new Promise((resolve) => {
      const probe = new Image();
      probe.onerror = resolve;
      probe.src = "x";
    }));
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
    await browser.setStorage("local", { packs: [] });
    await browser.setStorage("sync", { settings: {} });
    await page.close();
  });
});

describe("network", () => {
  test("nothing in these hostile tests made a request outside the test server and the extension", () => {
    assert.ok(requests.length > 0, "requests were recorded");
    assert.deepEqual(requests.filter((url) => !url.startsWith(server.origin) && !url.startsWith(`chrome-extension://${extensionId}/`)), []);
  });
});
