// What the real-policy tests push, in both browsers: an organisation's pack under a name unique
// to the run (policy files are machine-wide), the switches it locks and a tone target.
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** A pack name no one else on the machine is using. */
export function uniquePackName() {
  return `org-policy-${randomBytes(4).toString("hex")}`;
}

/** The organisation's pack: one rule against "leverage", with its why, and its own tests. */
export function organisationPack(name) {
  return {
    name,
    format: "yaml",
    text: `name: ${name}
version: "1.0"
language: en
description: Pushed by the organisation's policy in the browser tests.
rules:
  NoLeverage:
    extends: existence
    message: "Say what you mean instead of '%s'."
    level: warning
    ignorecase: true
    tokens: [leverage]
    why: Our readers skip corporate verbs.
    examples:
      - bad: We leverage feedback
        good: We use feedback
tests:
  - text: Time to leverage it.
    expect:
      - {rule: NoLeverage, match: leverage}
  - text: Time to use it.
    expect: []
`,
  };
}

/** The managed settings an organisation deploys: its pack, active and locked, and a tone target. */
export function organisationPolicy(name) {
  return {
    packs: [organisationPack(name)],
    activePacks: [name],
    toneTarget: { preset: "institutional", max_exclamations: 0 },
  };
}

/** A draft that breaks the pack's rule and the tone target's exclamation budget, with a typo. */
export const POLICY_DRAFT = "We leverage every idea tomorow!";

/** Chromium's stable extension id, from the public `key` in manifest.json. */
export const CHROMIUM_EXTENSION_ID = "egcnlggmmfhpnahnkbfjglbgpeokimlk";

/** Where Debian's Chromium reads mandatory policies. */
export const CHROMIUM_POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? "/etc/chromium/policies/managed";

/** Why the real-policy tests cannot run here (they write machine-wide policy files), or false. */
export function cannotWritePolicies() {
  return process.getuid?.() === 0 ? false : "writing browser policy files needs root (CI runs as root)";
}

/**
 * Writes a Chromium policy file giving `managed` to Plume (`3rdparty.extensions.<id>`, as an IT
 * department deploys it), runs `fn`, and always removes the file afterwards: the directory is
 * machine-wide and other browsers on the machine read it too. `raw` (a string) is written as is.
 */
export async function withChromiumPolicy(managed, fn, { raw } = {}) {
  const file = path.join(CHROMIUM_POLICY_DIR, `plume-test-${randomBytes(6).toString("hex")}.json`);
  await mkdir(CHROMIUM_POLICY_DIR, { recursive: true });
  try {
    await writeFile(file, raw ?? JSON.stringify({ "3rdparty": { extensions: { [CHROMIUM_EXTENSION_ID]: managed } } }, null, 2));
    return await fn();
  } finally {
    await rm(file, { force: true });
  }
}
