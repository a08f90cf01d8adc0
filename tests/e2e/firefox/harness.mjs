// Shared by the Firefox tests: headless Firefox ESR driven by Selenium through geckodriver, with
// the built Firefox zip (dist/plume-<version>-firefox.zip) installed as a temporary add-on, as
// about:debugging → Load Temporary Add-on does. Pages come from the Chromium tests' server
// (tests/e2e/harness.mjs), served with a strict CSP.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import { Builder, By } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { GECKO_ID } from "../../../extension/firefox/manifest.mjs";
import { root, waitFor } from "../harness.mjs";

export { GECKO_ID };
export const firefoxDir = path.join(root, "dist", "extension-firefox");

/** The Firefox zip that ./build.sh wrote. */
export function firefoxZip() {
  const zips = readdirSync(path.join(root, "dist")).filter((name) => /^plume-.*-firefox\.zip$/.test(name));
  if (zips.length !== 1) throw new Error(`dist/ holds ${zips.length} Firefox zips (${zips.join(", ")}); run ./build.sh`);
  return path.join(root, "dist", zips[0]);
}

/**
 * The add-on's internal UUID, fixed through the `extensions.webextensions.uuids` preference so
 * that the tests know its moz-extension:// origin (Firefox draws a random one per profile).
 */
export const ADDON_UUID = "5f1d3c2a-8e4b-4c7d-9a61-0b2e7f4d1c38";
export const addonOrigin = `moz-extension://${ADDON_UUID}`;

export const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const GECKODRIVER = process.env.GECKODRIVER ?? path.join(homedir(), ".cargo", "bin", "geckodriver");

/**
 * Where this Firefox reads an enterprise policies.json: the `distribution` folder beside its
 * binary (Firefox reads it on every platform; a system-wide /etc file would take precedence).
 */
export function policiesFile() {
  return path.join(path.dirname(realpathSync(FIREFOX)), "distribution", "policies.json");
}

/**
 * Writes an enterprise policies.json giving `managed` to Plume (`3rdparty.Extensions.<id>`, the
 * shape IT departments deploy), runs `fn`, and always removes the file afterwards.
 * `raw` (a string) is written as is instead, to test a malformed file.
 */
export async function withFirefoxPolicy(managed, fn, { raw } = {}) {
  const file = policiesFile();
  if (existsSync(file)) throw new Error(`${file} already exists; the test will not overwrite someone's policy`);
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, raw ?? JSON.stringify({ policies: { "3rdparty": { Extensions: { [GECKO_ID]: managed } } } }, null, 2));
    return await fn();
  } finally {
    await rm(file, { force: true });
  }
}

/** Launches headless Firefox with the add-on installed; `close()` ends it. */
export async function launchFirefox() {
  if (!existsSync(GECKODRIVER)) throw new Error(`geckodriver not found at ${GECKODRIVER}; run ./build.sh test (it installs it) or set GECKODRIVER`);
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments("-headless", "--width=1000", "--height=700")
    .setPreference("extensions.webextensions.uuids", JSON.stringify({ [GECKO_ID]: ADDON_UUID }))
    // Nothing but the test's own pages: no update checks, telemetry or first-run tabs.
    .setPreference("app.update.enabled", false)
    .setPreference("extensions.update.enabled", false)
    .setPreference("browser.shell.checkDefaultBrowser", false)
    .setPreference("datareporting.policy.dataSubmissionEnabled", false)
    .setPreference("toolkit.telemetry.enabled", false)
    .setPreference("browser.safebrowsing.malware.enabled", false)
    .setPreference("browser.safebrowsing.phishing.enabled", false)
    .setPreference("network.captive-portal-service.enabled", false);
  // System access lets WebDriver open the add-on's own moz-extension:// pages (options, Learn).
  const service = new firefox.ServiceBuilder(GECKODRIVER).addArguments("--allow-system-access");
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  let control;
  try {
    await driver.installAddon(firefoxZip(), true);
    // The first tab stays on an extension page for the whole session: tests run extension code
    // there (storage, messages, the background page); pages under test open in a second tab.
    control = await driver.getWindowHandle();
    await driver.get(`${addonOrigin}/learn.html`);
    await waitFor(
      () => driver.executeScript("return typeof chrome === 'object' && typeof chrome.runtime?.id === 'string' && document.readyState === 'complete'"),
      "the add-on's Learn page",
      20000,
    );
    await driver.switchTo().newWindow("tab");
  } catch (error) {
    await driver.quit();
    throw error;
  }
  return {
    driver,
    close: () => driver.quit(),
    /** Runs `body` (an async function's source, receiving `args`) in the add-on's own page and returns its result. */
    inExtension: async (body, ...args) => {
      const handle = await driver.getWindowHandle();
      await driver.switchTo().window(control);
      try {
        const result = await driver.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           (${body})(...Array.from(arguments).slice(0, -1)).then((value) => done({ value }), (error) => done({ error: String(error) }));`,
          ...args,
        );
        if (result?.error !== undefined) throw new Error(result.error);
        return result?.value;
      } finally {
        await driver.switchTo().window(handle);
      }
    },
  };
}

/** The overlay's underlines in the page's textarea (the overlay host's shadow root is open). */
export function overlayMarks(driver) {
  return driver.executeScript(() =>
    [...document.querySelectorAll("plume-overlay")].flatMap((host) =>
      [...(host.shadowRoot?.querySelectorAll(".mark") ?? [])].map((mark) => {
        const r = mark.getBoundingClientRect();
        return { rule: mark.dataset.rule, start: Number(mark.dataset.start), end: Number(mark.dataset.end), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    ),
  );
}

/** The extension's CSS highlight ranges, seen from the page (the registry belongs to the document). */
export function highlightRanges(driver) {
  return driver.executeScript(() => {
    const out = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith("plume-")) continue;
      for (const range of highlight) {
        const r = range.getBoundingClientRect();
        out.push({ name, text: range.toString(), left: r.left, right: r.right, top: r.top, bottom: r.bottom });
      }
    }
    return out;
  });
}

/** Clicks the element matching `selector` inside the popover's closed shadow root (WebDriver reaches closed roots). */
export async function clickInPopover(driver, selector) {
  const host = await driver.findElement(By.css("plume-popover"));
  const shadow = await host.getShadowRoot();
  const target = await waitFor(async () => (await shadow.findElements(By.css(selector)))[0], `${selector} in the popover`);
  await target.click();
}

/** The text of the popover's panel (its closed shadow root), or "" when it has none. */
export async function popoverText(driver) {
  const hosts = await driver.findElements(By.css("plume-popover"));
  if (hosts.length === 0) return "";
  const panels = await (await hosts[0].getShadowRoot()).findElements(By.css(".panel"));
  return panels.length === 0 ? "" : panels[0].getAttribute("textContent");
}

/** Runs `web-ext lint` on a folder; returns its JSON report. */
export function webExtLint(folder) {
  const bin = path.join(root, "node_modules", ".bin", "web-ext");
  let out;
  try {
    out = execFileSync(bin, ["lint", "--source-dir", folder, "--output", "json", "--no-config-discovery"], { encoding: "utf8" });
  } catch (error) {
    out = error.stdout; // web-ext exits non-zero when the report has errors
  }
  return JSON.parse(out);
}

/**
 * The viewport as pixels, from a WebDriver screenshot (an 8-bit RGB or RGBA PNG, not interlaced):
 * `{ width, height, at(x, y) → [r, g, b] }`. Lets a test see what Firefox actually painted.
 */
export async function screenshotPixels(driver) {
  const png = Buffer.from(await driver.takeScreenshot(), "base64");
  const { inflateSync } = await import("node:zlib");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, color, , , interlace] = body.subarray(8, 13);
      channels = { 2: 3, 6: 4 }[color];
      if (depth !== 8 || channels === undefined || interlace !== 0) throw new Error(`unexpected screenshot PNG (depth ${depth}, colour ${color}, interlace ${interlace})`);
    } else if (type === "IDAT") {
      data.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? pixels[y * stride + i - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[y * stride + i] = (line[i] + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    at: (x, y) => [...pixels.subarray(y * stride + x * channels, y * stride + x * channels + 3)],
  };
}
