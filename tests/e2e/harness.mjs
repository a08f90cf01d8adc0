// Shared by the browser tests: a static server for test pages with a strict CSP, and a headless
// Chromium with the built extension (dist/extension) loaded.
import { createServer } from "node:http";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
export const extensionDir = path.join(root, "dist", "extension");
const defaultPagesDir = path.join(here, "pages");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

/**
 * Serves `pagesDir` (default tests/e2e/pages) on 127.0.0.1 with `Content-Security-Policy:
 * script-src 'self'`; `{ csp: false }` serves without it (a page where injected markup could run).
 */
export async function startServer(pagesDir = defaultPagesDir, port = 0, { csp = true } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.join(pagesDir, path.normalize(url.pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(pagesDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        ...(csp ? { "Content-Security-Policy": "script-src 'self'" } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Launches headless Chromium with the extension (default dist/extension); returns the context and
 * its worker. `locale` (`fr`) starts the browser in that interface language.
 */
export async function launchWithExtension(extension = extensionDir, { locale } = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), "plume-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1000, height: 700 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(locale === undefined ? [] : [`--lang=${locale}`]),
    ],
    ...(locale === undefined ? {} : { locale, env: { ...process.env, LANGUAGE: locale, LANG: `${locale}_FR.UTF-8`, LC_ALL: `${locale}_FR.UTF-8` } }),
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent("serviceworker", { timeout: 15000 });
  const launched = {
    context,
    worker,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
    /** One key of the extension's storage `area` ("local", "sync", "managed"), read in its worker. */
    storage: (area, key) =>
      launched.worker.evaluate(async ([area, key]) => (await chrome.storage[area].get(key))[key], [area, key]),
    /** Writes `value` (an object of keys) into the extension's storage `area`. */
    setStorage: (area, value) => launched.worker.evaluate(async ([area, value]) => chrome.storage[area].set(value), [area, value]),
    /** Empties the extension's local and synced storage. */
    clearStorage: () =>
      launched.worker.evaluate(async () => Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()])),
  };
  return launched;
}

/**
 * Clicks an element inside the extension's closed shadow roots: Playwright cannot see into
 * them, so the DevTools protocol (which pierces every shadow root) finds the node and its box.
 */
export async function clickInClosedShadow(page, attribute, value) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const stack = [root];
    let found;
    while (stack.length > 0 && found === undefined) {
      const node = stack.pop();
      const attrs = node.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) {
        if (attrs[i] === attribute && attrs[i + 1] === value) found = node;
      }
      stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : []));
    }
    if (found === undefined) throw new Error(`no element with ${attribute}=${JSON.stringify(value)} in any shadow root`);
    const { model } = await cdp.send("DOM.getBoxModel", { nodeId: found.nodeId });
    const [x1, y1, , , x3, y3] = model.border;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/**
 * Waits for the textarea overlay's underline matching `start` (UTF-16 offset) and/or `rule`,
 * then clicks just above it, where the underlined text is, as a user opening its popover.
 */
export async function clickUnderline(page, { start, rule } = {}, what = "the underline", timeout = 10000) {
  const box = await waitFor(
    () =>
      page.evaluate(
        ({ start, rule }) => {
          const marks = [...(document.querySelector("plume-overlay")?.shadowRoot?.querySelectorAll(".mark") ?? [])];
          const mark = marks.find(
            (m) => (start === undefined || Number(m.dataset.start) === start) && (rule === undefined || m.dataset.rule === rule),
          );
          return mark?.getBoundingClientRect().toJSON();
        },
        { start, rule },
      ),
    what,
    timeout,
  );
  await page.mouse.click((box.left + box.right) / 2, box.top - 8);
}

/** Polls `fn` until it returns a truthy value, or fails with `what`. */
export async function waitFor(fn, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

/**
 * The extension's CSS highlight ranges in `frame` (the registry belongs to the document, so the
 * page's world sees what the content script registered): name, text, rectangle, and whether
 * the range still points at live nodes.
 */
export async function highlightRanges(frame) {
  return frame.evaluate(() => {
    const out = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith("plume-")) continue;
      for (const range of highlight) {
        const r = range.getBoundingClientRect();
        out.push({
          name,
          text: range.toString(),
          live: range.startContainer.isConnected && range.endContainer.isConnected,
          left: r.left, right: r.right, top: r.top, bottom: r.bottom,
        });
      }
    }
    return out;
  });
}

/**
 * The client rectangle of the `nth` occurrence of `word` in the text nodes under `selector`
 * (looking through open shadow roots), measured on the page's own DOM, independently of the
 * extension. Words split across formatting nodes are measured as one range.
 */
export async function wordRect(frame, selector, word, nth = 0) {
  return frame.evaluate(([selector, word, nth]) => {
    const find = (root) => root.querySelector(selector) ?? [...root.querySelectorAll("*")].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean);
    const root = find(document);
    if (!root) return null;
    const nodes = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) nodes.push(node);
      if (node.shadowRoot) walk(node.shadowRoot);
      for (const child of node.childNodes) walk(child);
    };
    walk(root);
    const text = nodes.map((n) => n.data).join("");
    let index = -1;
    for (let i = 0; i <= nth; i++) index = text.indexOf(word, index + 1);
    if (index < 0) return null;
    const locate = (offset, preferEnd) => {
      let start = 0;
      for (const node of nodes) {
        const end = start + node.data.length;
        if (offset < end || (preferEnd && offset === end)) return [node, offset - start];
        start = end;
      }
      const last = nodes[nodes.length - 1];
      return [last, last.data.length];
    };
    const range = document.createRange();
    range.setStart(...locate(index, false));
    range.setEnd(...locate(index + word.length, true));
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }, [selector, word, nth]);
}

/**
 * The text of the first element with `attribute`=`value` in any shadow root (closed ones too),
 * or null; with `{ visible: true }`, null too while the element is not rendered.
 */
export async function textInClosedShadow(page, attribute, value, { visible = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const text = (node) => (node.nodeType === 3 ? node.nodeValue : (node.children ?? []).map(text).join(""));
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      const attrs = node.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) {
        if (attrs[i] === attribute && attrs[i + 1] === value) {
          if (visible) {
            const shown = await cdp.send("DOM.getBoxModel", { nodeId: node.nodeId }).then(() => true, () => false);
            if (!shown) return null;
          }
          return text(node);
        }
      }
      stack.push(...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : []));
    }
    return null;
  } finally {
    await cdp.detach();
  }
}
