// Writes screenshots of the extension for the README into docs/screenshots/ (run by hand after
// ./build.sh: `node tests/e2e/screenshots.mjs`): the popover open on a typo, the badge by a
// field, the issue list it opens, the options page and the Learn page (light and dark). Uses the built extension and the local test pages.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { clickInClosedShadow, launchWithExtension, root, startServer, waitFor } from "./harness.mjs";

const out = path.join(root, "docs", "screenshots");

/** The border box of the first node with `attribute`=`value`, looking through closed shadow roots. */
async function boxInClosedShadow(page, attribute, value) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root: doc } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const stack = [doc];
    while (stack.length > 0) {
      const node = stack.pop();
      const attrs = node.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) {
        if (attrs[i] === attribute && attrs[i + 1] === value) {
          const { model } = await cdp.send("DOM.getBoxModel", { nodeId: node.nodeId });
          const [x1, y1, , , x3, y3] = model.border;
          return { left: x1, top: y1, right: x3, bottom: y3 };
        }
      }
      stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []));
    }
    return null;
  } finally {
    await cdp.detach();
  }
}

const union = (...boxes) => ({
  left: Math.min(...boxes.map((b) => b.left)),
  top: Math.min(...boxes.map((b) => b.top)),
  right: Math.max(...boxes.map((b) => b.right)),
  bottom: Math.max(...boxes.map((b) => b.bottom)),
});

const clip = (box, pad) => ({
  x: Math.max(0, box.left - pad),
  y: Math.max(0, box.top - pad),
  width: box.right - box.left + 2 * pad,
  height: box.bottom - box.top + 2 * pad,
});

async function marks(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("plume-overlay")].flatMap((host) =>
      [...host.shadowRoot.querySelectorAll(".mark")].map((m) => ({ start: Number(m.dataset.start), box: m.getBoundingClientRect().toJSON() })),
    ),
  );
}

await mkdir(out, { recursive: true });
const server = await startServer();
const browser = await launchWithExtension();
const extensionId = new URL(browser.worker.url()).host;
try {
  await browser.worker.evaluate(() => chrome.storage.sync.set({ settings: { activePacks: ["social-essentials", "acme"] } }));

  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(`${server.origin}/basic.html`);
  await page.click("#ta");
  await page.keyboard.type("Teh new AcmeCloud plan is cheap and we are SO EXCITED!!! Sign up tomorow.");
  const typo = await waitFor(async () => (await marks(page)).find((m) => m.start === 0), "the typo's underline");
  const field = (await page.locator("#ta").boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
  const fieldBox = { left: field.x, top: field.y, right: field.x + field.width, bottom: field.y + field.height };
  const badge = await waitFor(() => boxInClosedShadow(page, "class", "count"), "the badge");
  await page.screenshot({ path: path.join(out, "badge.png"), clip: clip(union(fieldBox, badge), 16) });

  await page.mouse.click((typo.box.left + typo.box.right) / 2, typo.box.top - 8);
  const popover = await waitFor(() => boxInClosedShadow(page, "popover", "manual"), "the popover");
  await page.screenshot({ path: path.join(out, "popover.png"), clip: clip(union(fieldBox, popover), 16) });
  await clickInClosedShadow(page, "data-suggestion", "The");
  await waitFor(async () => (await page.inputValue("#ta")).startsWith("The new"), "the fix applied");
  await page.waitForTimeout(400);
  await clickInClosedShadow(page, "data-action", "issue-list");
  const list = await waitFor(() => boxInClosedShadow(page, "popover", "manual"), "the issue list");
  await page.screenshot({ path: path.join(out, "issues.png"), clip: clip(union(fieldBox, list), 16) });
  await page.close();

  const options = await browser.context.newPage();
  await options.setViewportSize({ width: 900, height: 700 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForSelector('#pack-list li[data-pack="acme"]');
  await options.selectOption("#tone-preset", "friendly-professional");
  await waitFor(async () => (await options.inputValue("#tone-max-exclamations")) === "1", "the preset shown");
  await options.click('#pack-list li[data-pack="acme"] button[data-action="rules"]');
  await options.screenshot({ path: path.join(out, "options.png"), fullPage: true });
  await options.close();

  const learn = await browser.context.newPage();
  await learn.setViewportSize({ width: 900, height: 700 });
  await learn.goto(`chrome-extension://${extensionId}/learn.html`);
  await waitFor(async () => (await learn.locator("#progress-body tr").count()) > 0, "the progress table");
  await learn.waitForSelector('article[data-rule^="acme."]');
  await learn.screenshot({ path: path.join(out, "learn.png") });
  await learn.emulateMedia({ colorScheme: "dark" });
  await learn.screenshot({ path: path.join(out, "learn-dark.png") });
  await learn.close();
  console.log(`Screenshots written to ${path.relative(root, out)}/`);
} finally {
  await browser.close();
  await server.close();
}
