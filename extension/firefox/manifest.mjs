// Writes the Firefox manifest from the one source manifest (manifest.json, written for Chromium).
// Usage: node extension/firefox/manifest.mjs IN OUT
// What differs, and why:
// - background: Firefox runs the same bundled worker as an event page (`background.scripts`),
//   not as a service worker; the code is the same ES module either way.
// - browser_specific_settings.gecko: the add-on's id (policies and storage are keyed by it), the
//   oldest Firefox with what Plume needs (ESR 140: CSS Custom Highlight API, MV3 event pages with
//   modules, the data-collection declaration), and "no data collected"; Firefox for Android reads
//   that declaration from 142 on.
// - options_ui instead of options_page (the key Firefox documents), opened in a tab as in Chromium.
// - Chromium-only keys are dropped: `key` (Chromium's stable id) and `minimum_chrome_version`.
import { readFileSync, writeFileSync } from "node:fs";

/** The Firefox add-on id: Firefox policies (`3rdparty.Extensions`) and storage are keyed by it. */
export const GECKO_ID = "plume@plume-checker";
/** Oldest Firefox supported: the 140 ESR. */
export const GECKO_MIN_VERSION = "140.0";
/** Oldest Firefox for Android that reads `data_collection_permissions`. */
export const GECKO_ANDROID_MIN_VERSION = "142.0";

/** The Firefox manifest for a Chromium manifest object (which is left unchanged). */
export function firefoxManifest(chromium) {
  const { key: _key, minimum_chrome_version: _min, options_page, background, ...rest } = chromium;
  if (background?.service_worker === undefined) throw new Error("manifest.json: background.service_worker is missing");
  const manifest = {
    ...rest,
    background: { scripts: [background.service_worker], ...(background.type ? { type: background.type } : {}) },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: GECKO_MIN_VERSION,
        data_collection_permissions: { required: ["none"] },
      },
      // Firefox for Android declares data collection from 142 on.
      gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
    },
  };
  if (options_page !== undefined) manifest.options_ui = { page: options_page, open_in_tab: true };
  return manifest;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [input, output] = process.argv.slice(2);
  if (input === undefined || output === undefined) {
    console.error("usage: node extension/firefox/manifest.mjs IN OUT");
    process.exit(2);
  }
  let source;
  try {
    source = JSON.parse(readFileSync(input, "utf8"));
  } catch (error) {
    console.error(`${input}: ${error.message}`);
    process.exit(1);
  }
  writeFileSync(output, `${JSON.stringify(firefoxManifest(source), null, 2)}\n`);
}
