/**
 * Guideline packs as the extension's pages and worker see them: every pack known to this browser
 * (policy, imported, shipped), the core's description of one (`inspect_pack`), and the shapes it
 * returns (mirrors `src/guide/inspect.rs`). Validation itself happens in the core.
 */

import init, { inspect_pack, shipped_pack, shipped_pack_names } from "../../build/wasm/plume.js";
import { uiLocale } from "./i18n";
import type { Severity } from "./protocol";
import { loadImportedPacks, type ImportedPack, type ToneTargetSetting } from "./settings";

export type PackFormat = "yaml" | "json";
export type PackOrigin = "policy" | "imported" | "shipped";

/** A pack's text, as the core reads it; `name` is shown in errors (a file or pack name). */
export interface PackSource {
  name: string;
  format: PackFormat;
  text: string;
}

export interface KnownPack {
  name: string;
  origin: PackOrigin;
  source: PackSource;
}

export interface RuleOverview {
  id: string;
  kind: string;
  level: Severity;
  message: string;
  why: string | null;
  link: string | null;
  examples: Array<{ bad: string | null; good: string | null }>;
}

export interface PackOverview {
  name: string;
  version: string | null;
  language: string | null;
  description: string | null;
  lexicon: string[];
  tone_target: ToneTargetSetting | null;
  platforms: string[];
  rules: RuleOverview[];
  tests: { passed: number; failed: string[] };
}

export type Inspection = { ok: true; overview: PackOverview } | { ok: false; error: string };

let core: Promise<unknown> | undefined;

/** Instantiates the core's wasm in this page (once). */
export function initCore(): Promise<unknown> {
  core ??= init({ module_or_path: chrome.runtime.getURL("wasm/plume_bg.wasm") });
  return core;
}

/** Asks the core to describe a pack; never throws (a refusal is the error's message). */
export function inspectPack(source: PackSource): Inspection {
  try {
    return { ok: true, overview: inspect_pack(source, uiLocale()) as PackOverview };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Packs an organisation pushed through policy (`chrome.storage.managed`). */
export async function loadManagedPacks(): Promise<ImportedPack[]> {
  try {
    const { packs } = (await chrome.storage.managed.get("packs")) as { packs?: unknown };
    if (!Array.isArray(packs)) return [];
    return packs
      .filter((p): p is { name: string; text: string; format?: unknown } => typeof p?.name === "string" && typeof p?.text === "string")
      .map((p) => ({ name: p.name, text: p.text, format: p.format === "json" ? "json" : "yaml" }));
  } catch {
    return []; // no policy on this browser
  }
}

/** Names of the packs shipped inside the core. */
export function shippedPackNames(): string[] {
  return shipped_pack_names();
}

/** Every pack this browser knows, once per name: policy first, then imported, then shipped. */
export async function knownPacks(): Promise<KnownPack[]> {
  const [managed, imported] = await Promise.all([loadManagedPacks(), loadImportedPacks()]);
  const out: KnownPack[] = [];
  const add = (name: string, origin: PackOrigin, source: PackSource): void => {
    if (!out.some((p) => p.name === name)) out.push({ name, origin, source });
  };
  for (const p of managed) add(p.name, "policy", { name: p.name, format: p.format, text: p.text });
  for (const p of imported) add(p.name, "imported", { name: p.name, format: p.format, text: p.text });
  for (const name of shipped_pack_names()) {
    const text = shipped_pack(name);
    if (text !== undefined) add(name, "shipped", { name, format: "yaml", text });
  }
  return out;
}

/** The sources of the named packs, in the order given; unknown names are skipped. */
export async function packSources(names: string[]): Promise<PackSource[]> {
  const known = await knownPacks();
  return names.flatMap((name) => known.filter((p) => p.name === name).map((p) => p.source));
}
