// The Firefox build in headless Firefox ESR: web-ext lint is clean, the add-on loads, typos typed
// in a textarea (mirror overlay) and a contenteditable (CSS Custom Highlight API) on a strict-CSP
// page are underlined, a chosen fix applies and Ctrl+Z undoes it, the French dictionary is
// fetched only when a French draft needs it, and the options page saves settings.
// Run alone: node --test tests/e2e/firefox/extension.firefox.mjs (after ./build.sh).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { By, Key } from "selenium-webdriver";
import { startServer, waitFor } from "../harness.mjs";
import { addonOrigin, clickInPopover, firefoxDir, highlightRanges, launchFirefox, overlayMarks, screenshotPixels, webExtLint } from "./harness.mjs";

// It ends after its last typo: the word under the caret is judged only once the writer leaves it.
const DRAFT = "Teh launch is tomorow.";

let server;
let firefox;

before(async () => {
  server = await startServer();
  firefox = await launchFirefox();
});

after(async () => {
  await firefox?.close();
  await server?.close();
});

/**
 * The URLs the add-on's background page has fetched since the first call: the test wraps the
 * page's `fetch` (Firefox keeps the background as a page, reachable from the add-on's own pages,
 * and does not list moz-extension:// loads in its resource timings).
 */
function backgroundFetches() {
  return firefox.inExtension(async () => {
    const background = await chrome.runtime.getBackgroundPage();
    if (window.seenFetches === undefined || window.wrapped !== background) {
      const seen = [];
      const original = background.fetch;
      background.fetch = (input, init) => {
        seen.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
        return original.call(background, input, init);
      };
      window.seenFetches = seen;
      window.wrapped = background;
    }
    return [...window.seenFetches];
  });
}

/** Clicks at viewport coordinates, as a user's mouse. */
async function clickAt(x, y) {
  await firefox.driver.actions().move({ x: Math.round(x), y: Math.round(y) }).click().perform();
}

test("web-ext lint finds no error or warning in the Firefox build", () => {
  const report = webExtLint(firefoxDir);
  assert.deepEqual(report.errors, [], "lint errors");
  assert.deepEqual(report.warnings, [], "lint warnings");
  assert.equal(report.summary.errors + report.summary.warnings, 0);
});

test("the add-on loads: its background answers a check sent from its own page", async () => {
  const report = await firefox.inExtension(async () => {
    const answer = await chrome.runtime.sendMessage({ type: "check", text: "See you tomorow", revision: 1 });
    return answer.report;
  });
  assert.deepEqual(
    report.diagnostics.filter((d) => d.category === "spelling").map((d) => [d.rule, d.utf16.start, d.utf16.end]),
    [["spelling.unknown-word", 8, 15]],
  );
});

describe("on a page with Content-Security-Policy: script-src 'self'", () => {
  test("a textarea gets underlines from the overlay; a chosen fix applies, the page sees it, and Ctrl+Z undoes it", async () => {
    const { driver } = firefox;
    await driver.get(`${server.origin}/basic.html`);
    const textarea = await driver.findElement(By.id("ta"));
    await textarea.click();
    await textarea.sendKeys(DRAFT);
    const spelling = async () => (await overlayMarks(driver)).filter((m) => m.rule.startsWith("spelling."));
    const marks = await waitFor(async () => {
      const found = await spelling();
      return found.length >= 2 && found;
    }, "two underlines in the textarea");
    assert.deepEqual(
      marks.map((m) => [m.rule, DRAFT.slice(m.start, m.end)]),
      [["spelling.unknown-word", "Teh"], ["spelling.unknown-word", "tomorow"]],
    );
    for (const mark of marks) assert.ok(mark.right - mark.left > 10 && mark.bottom > mark.top, `a visible box under ${DRAFT.slice(mark.start, mark.end)}`);

    const inputsBefore = Number(await driver.findElement(By.id("inputs")).getText());
    const typo = marks[1];
    await clickAt((typo.left + typo.right) / 2, typo.top - 8);
    await clickInPopover(driver, '[data-suggestion="tomorrow"]');
    const fixed = "Teh launch is tomorrow.";
    await waitFor(async () => (await textarea.getAttribute("value")) === fixed, "the fixed text");
    assert.ok(Number(await driver.findElement(By.id("inputs")).getText()) > inputsBefore, "the page's input listener saw the fix");
    await waitFor(async () => (await spelling()).length === 1, "the fixed word's underline gone");

    await driver.actions().keyDown(Key.CONTROL).sendKeys("z").keyUp(Key.CONTROL).perform();
    await waitFor(async () => (await textarea.getAttribute("value")) === DRAFT, "Ctrl+Z to undo the fix");
  });

  test("a contenteditable gets CSS highlights at the words' own rectangles, and a fix applies", async () => {
    const { driver } = firefox;
    await driver.get(`${server.origin}/basic.html`);
    const editable = await driver.findElement(By.id("ce"));
    await editable.click();
    await editable.sendKeys(DRAFT);
    const ranges = await waitFor(async () => {
      const found = (await highlightRanges(driver)).filter((r) => r.name === "plume-spelling");
      return found.length >= 2 && found;
    }, "two highlighted ranges");
    assert.deepEqual(ranges.map((r) => [r.name, r.text]).sort(), [["plume-spelling", "Teh"], ["plume-spelling", "tomorow"]]);
    const words = await driver.executeScript(() => {
      const node = document.getElementById("ce").firstChild;
      const box = (word) => {
        const range = document.createRange();
        range.setStart(node, node.data.indexOf(word));
        range.setEnd(node, node.data.indexOf(word) + word.length);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      return { Teh: box("Teh"), tomorow: box("tomorow"), launch: box("launch") };
    });
    for (const r of ranges) assert.deepEqual({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }, words[r.text], r.text);
    // Firefox paints `::highlight(plume-spelling)` from content.css: red under the typos, none under "launch".
    const pixels = await screenshotPixels(driver);
    const redBelow = (box) => {
      let count = 0;
      for (let y = Math.floor(box.bottom) - 4; y <= Math.ceil(box.bottom) + 6; y++) {
        for (let x = Math.ceil(box.left); x < Math.floor(box.right); x++) {
          const [r, g, b] = pixels.at(x, y);
          if (r > 150 && g < 110 && b < 110) count += 1;
        }
      }
      return count;
    };
    assert.ok(redBelow(words.tomorow) > 5, `a red underline painted under "tomorow" (${redBelow(words.tomorow)} red pixels)`);
    assert.equal(redBelow(words.launch), 0, "nothing painted under a correct word");

    const typo = words.tomorow;
    await clickAt((typo.left + typo.right) / 2, (typo.top + typo.bottom) / 2);
    await clickInPopover(driver, '[data-suggestion="tomorrow"]');
    await waitFor(async () => (await editable.getText()) === "Teh launch is tomorrow.", "the fix in the contenteditable");
  });

  test("the French dictionary is fetched only when a French draft needs it, then French typos get French suggestions", async () => {
    const { driver } = firefox;
    assert.deepEqual(await backgroundFetches(), [], "watching the background's fetches");
    await driver.get(`${server.origin}/basic.html`);
    const english = await driver.findElement(By.id("ta"));
    await english.click();
    await english.sendKeys(DRAFT);
    await waitFor(async () => (await overlayMarks(driver)).filter((m) => m.rule.startsWith("spelling.")).length >= 2, "an English draft checked");
    assert.deepEqual(await backgroundFetches(), [], "no French dictionary for an English draft (loaded once per background life, so not before either)");
    await driver.navigate().refresh();
    const textarea = await driver.findElement(By.id("ta"));
    await textarea.click();
    const french = "Merci pour votre mesage, nous vous répondrons demain avec plaisir.";
    await textarea.sendKeys(french);
    const marks = await waitFor(async () => {
      const found = (await overlayMarks(driver)).filter((m) => m.rule === "spelling.unknown-word");
      return found.length > 0 && found;
    }, "the French typo underlined");
    assert.deepEqual(marks.map((m) => french.slice(m.start, m.end)), ["mesage"]);
    const fetches = await backgroundFetches();
    assert.equal(fetches.filter((p) => p === "/dict/fr.dict").length, 1, `fetched once, from the package (${fetches.join(", ")})`);
    const typo = marks[0];
    await clickAt((typo.left + typo.right) / 2, typo.top - 8);
    await clickInPopover(driver, '[data-suggestion="message"]');
    await waitFor(async () => (await textarea.getAttribute("value")).startsWith("Merci pour votre message,"), "the French fix");
  });
});

test("the options page saves settings in storage.sync, and they survive a reload", async () => {
  const { driver } = firefox;
  await driver.get(`${addonOrigin}/options.html`);
  await waitFor(async () => (await driver.findElements(By.css('#pack-list li[data-pack="social-essentials"]'))).length > 0, "the options page");
  await driver.findElement(By.css('#language option[value="en-GB"]')).click();
  const settings = await waitFor(async () => {
    const stored = await firefox.inExtension(async () => (await chrome.storage.sync.get("settings")).settings);
    return stored?.language === "en-GB" && stored;
  }, "the language saved");
  assert.equal(settings.language, "en-GB");
  await driver.navigate().refresh();
  await waitFor(async () => (await driver.findElements(By.css('#pack-list li[data-pack="social-essentials"]'))).length > 0, "the options page again");
  assert.equal(await driver.findElement(By.id("language")).getAttribute("value"), "en-GB");
});
