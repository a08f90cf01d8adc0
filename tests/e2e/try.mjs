// `./build.sh try`: opens Chromium (with a window, for a person at a desktop) with the built
// extension loaded, on the local demo pages. Closes the server when the browser is closed.
import { readdirSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { extensionDir, startServer } from "./harness.mjs";

const server = await startServer();
const profile = await mkdtemp(path.join(tmpdir(), "plume-try-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: false,
  viewport: null,
  args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, "--no-first-run", "--disable-background-networking"],
});
const pagesDir = path.join(path.dirname(new URL(import.meta.url).pathname), "pages");
const pages = readdirSync(pagesDir).filter((f) => f.endsWith(".html"));
for (const file of pages) {
  const page = await context.newPage();
  await page.goto(`${server.origin}/${file}`);
}
console.log(`Plume is loaded in Chromium with ${pages.length} demo page(s) from ${server.origin}. Close the browser to stop.`);
await new Promise((resolve) => context.on("close", resolve));
await server.close();
