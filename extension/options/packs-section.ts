/**
 * The options page's Packs section: every known pack (shipped, imported, pushed by policy) with
 * its switch, rules and tests, and the import of YAML, JSON or zip files. The core validates and
 * tests each pack (`inspect_pack`); a refused pack is shown with the core's message and nothing
 * is stored. Packs from policy, and the switches when policy sets `activePacks`, are locked.
 */

import { t } from "../shared/i18n";
import { inspectPack, knownPacks, type Inspection, type KnownPack, type PackFormat, type PackSource } from "../shared/packs";
import { element, packRules } from "../shared/rules-view";
import { loadImportedPacks, saveImportedPacks, type Settings } from "../shared/settings";
import { readZip } from "./zip";
import { byId as $ } from "../shared/dom";

/** Largest pack file accepted (the core's own limit). */
const MAX_PACK_BYTES = 2 << 20;
/** Largest zip archive accepted. */
const MAX_ZIP_BYTES = 8 << 20;

export interface SectionContext {
  settings: Settings;
  locked: Set<keyof Settings>;
  update: (change: (settings: Settings) => void) => Promise<void>;
  rerender: () => Promise<void>;
}

const inspections = new Map<string, Inspection>();

/** The core's description of a pack, cached by its text. */
function inspectKnown(pack: KnownPack): Inspection {
  const key = `${pack.source.format}\u0000${pack.source.text}`;
  let result = inspections.get(key);
  if (result === undefined) {
    result = inspectPack(pack.source);
    inspections.set(key, result);
  }
  return result;
}

const ORIGIN_LABEL = { shipped: "packOriginShipped", imported: "packOriginImported", policy: "packOriginPolicy" } as const;

/** Shows messages under the import control; refusals in red. */
function showMessages(items: Array<{ text: string; error: boolean }>): void {
  $("pack-messages").replaceChildren(
    ...items.map((item) => {
      const li = element("li", item.error ? "error" : "ok", item.text);
      return li;
    }),
  );
}

function showDetail(content: HTMLElement | null): void {
  const detail = $("pack-detail");
  detail.hidden = content === null;
  detail.replaceChildren(...(content === null ? [] : [content]));
}

function testsResult(name: string, result: Inspection): HTMLElement {
  const box = element("section", "pack-tests");
  box.dataset.pack = name;
  if (!result.ok) {
    box.append(element("p", "error", t("packTestsRefused", name, result.error)));
    return box;
  }
  const { passed, failed } = result.overview.tests;
  box.append(element("p", failed.length === 0 ? "ok" : "error", t("packTestsResult", name, String(passed), String(failed.length))));
  if (failed.length > 0) {
    const list = element("ul");
    list.append(...failed.map((f) => element("li", "error", f)));
    box.append(list);
  }
  return box;
}

/** The first active pack with a tone target (it applies when the user sets none), or null. */
export async function activePackToneTarget(settings: Settings): Promise<{ pack: string; preset: string | null } | null> {
  const packs = await knownPacks();
  for (const name of settings.activePacks) {
    const pack = packs.find((p) => p.name === name);
    const result = pack === undefined ? undefined : inspectKnown(pack);
    if (result?.ok === true && result.overview.tone_target !== null) {
      return { pack: name, preset: result.overview.tone_target.preset ?? null };
    }
  }
  return null;
}

export async function renderPacks(ctx: SectionContext): Promise<void> {
  const { settings, locked } = ctx;
  const packs = await knownPacks();
  const switchesLocked = locked.has("activePacks");
  $("pack-list").replaceChildren(
    ...packs.map((pack) => {
      const result = inspectKnown(pack);
      const li = element("li", "pack");
      li.dataset.pack = pack.name;
      li.dataset.origin = pack.origin;
      const label = element("label", "pack-switch");
      const box = element("input");
      box.type = "checkbox";
      box.name = `pack-${pack.name}`;
      box.checked = settings.activePacks.includes(pack.name);
      box.disabled = switchesLocked || (!result.ok && !box.checked);
      box.addEventListener("change", () =>
        void ctx.update((s) => {
          s.activePacks = box.checked ? [...new Set([...s.activePacks, pack.name])] : s.activePacks.filter((n) => n !== pack.name);
        }),
      );
      const version = result.ok && result.overview.version !== null ? ` ${result.overview.version}` : "";
      label.append(box, " ", element("strong", undefined, pack.name), version, " ", element("span", "tag", t(ORIGIN_LABEL[pack.origin])));
      if (switchesLocked || pack.origin === "policy") label.append(element("span", "locked", t("optionsLocked")));
      li.append(label);
      if (result.ok && result.overview.description !== null) li.append(element("p", "muted", result.overview.description));
      if (!result.ok) li.append(element("p", "error", result.error));
      const actions = element("div", "actions");
      const rules = element("button", undefined, t("packViewRules"));
      rules.dataset.action = "rules";
      rules.disabled = !result.ok;
      rules.addEventListener("click", () => {
        const fresh = inspectKnown(pack);
        if (fresh.ok) showDetail(packRules(fresh.overview));
      });
      const tests = element("button", undefined, t("packRunTests"));
      tests.dataset.action = "tests";
      tests.addEventListener("click", () => showDetail(testsResult(pack.name, inspectPack(pack.source))));
      actions.append(rules, tests);
      if (pack.origin === "imported") {
        const remove = element("button", undefined, t("packRemove"));
        remove.dataset.action = "remove";
        remove.addEventListener("click", () => void removePack(ctx, pack.name));
        actions.append(remove);
      }
      li.append(actions);
      return li;
    }),
  );
}

async function removePack(ctx: SectionContext, name: string): Promise<void> {
  const imported = await loadImportedPacks();
  const error = await saveImportedPacks(imported.filter((p) => p.name !== name));
  if (error !== null) {
    showMessages([{ text: error, error: true }]);
    return;
  }
  showDetail(null);
  if (ctx.locked.has("activePacks")) await ctx.rerender();
  else await ctx.update((s) => (s.activePacks = s.activePacks.filter((n) => n !== name)));
}

function formatOf(fileName: string): PackFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yml") || lower.endsWith(".yaml")) return "yaml";
  return null;
}

/** The pack sources in the chosen files (a zip holds several); unreadable files are messages. */
async function sourcesIn(files: File[], messages: Array<{ text: string; error: boolean }>): Promise<PackSource[]> {
  const sources: PackSource[] = [];
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  for (const file of files) {
    try {
      if (file.name.toLowerCase().endsWith(".zip")) {
        if (file.size > MAX_ZIP_BYTES) throw new Error(t("packTooLarge", String(MAX_ZIP_BYTES)));
        const entries = await readZip(await file.arrayBuffer(), { maxEntries: 50, maxEntryBytes: MAX_PACK_BYTES }, (n) => formatOf(n) !== null);
        if (entries.length === 0) throw new Error(t("packZipEmpty"));
        for (const entry of entries) {
          const format = formatOf(entry.name);
          if (format !== null) sources.push({ name: `${file.name}/${entry.name}`, format, text: utf8.decode(entry.bytes) });
        }
      } else {
        const format = formatOf(file.name);
        if (format === null) throw new Error(t("packUnknownType"));
        if (file.size > MAX_PACK_BYTES) throw new Error(t("packTooLarge", String(MAX_PACK_BYTES)));
        sources.push({ name: file.name, format, text: utf8.decode(await file.arrayBuffer()) });
      }
    } catch (error) {
      messages.push({ text: `${file.name}: ${error instanceof Error ? error.message : String(error)}`, error: true });
    }
  }
  return sources;
}

/**
 * Imports packs: each is inspected by the core; a syntax error or a failing embedded test
 * refuses it with the core's message. Accepted packs are stored (replacing an imported pack of
 * the same name) and switched on.
 */
export async function importPacks(ctx: SectionContext, files: File[]): Promise<void> {
  const messages: Array<{ text: string; error: boolean }> = [];
  const sources = await sourcesIn(files, messages);
  const known = await knownPacks();
  const imported = await loadImportedPacks();
  const accepted: string[] = [];
  for (const source of sources) {
    const result = inspectPack(source);
    if (!result.ok) {
      messages.push({ text: t("packRefused", result.error), error: true });
      continue;
    }
    const { overview } = result;
    if (overview.tests.failed.length > 0) {
      messages.push({ text: t("packRefusedTests", source.name, overview.tests.failed.join(" · ")), error: true });
      continue;
    }
    const clash = known.find((p) => p.name === overview.name && p.origin !== "imported");
    if (clash !== undefined) {
      messages.push({ text: t("packNameTaken", source.name, overview.name), error: true });
      continue;
    }
    const index = imported.findIndex((p) => p.name === overview.name);
    const stored = { name: overview.name, format: source.format, text: source.text };
    if (index >= 0) imported[index] = stored;
    else imported.push(stored);
    accepted.push(overview.name);
    messages.push({ text: t("packImported", overview.name, String(overview.rules.length), String(overview.tests.passed)), error: false });
  }
  if (accepted.length > 0) {
    const error = await saveImportedPacks(imported);
    if (error !== null) {
      messages.push({ text: error, error: true });
      accepted.length = 0;
    }
  }
  showMessages(messages);
  if (accepted.length > 0 && !ctx.locked.has("activePacks")) {
    await ctx.update((s) => (s.activePacks = [...new Set([...s.activePacks, ...accepted])]));
  } else {
    await ctx.rerender();
  }
}
