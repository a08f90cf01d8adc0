/**
 * The user's settings and personal dictionary: their shape, defaults, validation, and where
 * they are stored. Settings live in `chrome.storage.sync` (they follow the user), the personal
 * dictionary in `chrome.storage.local` (it can outgrow sync's per-item quota). A policy pushed by
 * an organisation (`chrome.storage.managed`) overrides and locks what it sets.
 */

import type { Category } from "./protocol";

export const CATEGORIES: Category[] = ["spelling", "grammar", "tone", "guideline", "platform"];
export const LANGUAGES = ["auto", "en-US", "en-GB", "fr"] as const;
export type LanguageSetting = (typeof LANGUAGES)[number];
export const PLATFORMS = ["auto", "x", "mastodon", "bluesky", "threads", "linkedin", "instagram", "facebook", "youtube"] as const;
export type PlatformSetting = (typeof PLATFORMS)[number];

export interface Settings {
  /** Language of drafts; `auto` decides per paragraph. */
  language: LanguageSetting;
  /** Platform rules to apply; `auto` picks them from the site. */
  platform: PlatformSetting;
  /** Categories that are checked. */
  categories: Record<Category, boolean>;
  /** Rule ids turned off from the popover or the options page. */
  disabledRules: string[];
  /** Hosts where Plume is switched off. */
  disabledSites: string[];
  /** Names of the guideline packs that apply (shipped or imported). */
  activePacks: string[];
  /** The user's tone target (the core's `ToneTarget` shape); null lets an active pack's apply. */
  toneTarget: ToneTargetSetting | null;
}

export const TONE_PRESETS = ["friendly-professional", "playful", "institutional", "customer-care"] as const;
export type TonePreset = (typeof TONE_PRESETS)[number];

/** What a draft's tone should stay within; mirrors `src/tone/target.rs` (unset fields are not checked). */
export interface ToneTargetSetting {
  preset?: TonePreset;
  /** 0 (chatty) to 1 (formal). */
  formality?: { min: number; max: number };
  /** −1 to 1. */
  min_sentiment?: number;
  max_exclamations?: number;
  no_shouting?: boolean;
  no_profanity?: boolean;
  warn_hedging?: boolean;
}

/** Most `!` a tone target may allow. */
export const MAX_EXCLAMATIONS = 20;

const inRange = (value: unknown, min: number, max: number): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= min && value <= max;

/**
 * A valid tone target from stored or policy data, or null (nothing usable). Out-of-scale values
 * are dropped one by one, so one bad field never loses the rest.
 */
export function normaliseToneTarget(raw: unknown): ToneTargetSetting | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const target: ToneTargetSetting = {};
  if (isOneOf(TONE_PRESETS, r.preset)) target.preset = r.preset;
  const f = r.formality as Record<string, unknown> | undefined;
  if (typeof f === "object" && f !== null && inRange(f.min, 0, 1) && inRange(f.max, 0, 1) && f.min <= f.max) {
    target.formality = { min: f.min, max: f.max };
  }
  if (inRange(r.min_sentiment, -1, 1)) target.min_sentiment = r.min_sentiment;
  if (inRange(r.max_exclamations, 0, MAX_EXCLAMATIONS) && Number.isInteger(r.max_exclamations)) {
    target.max_exclamations = r.max_exclamations;
  }
  for (const key of ["no_shouting", "no_profanity", "warn_hedging"] as const) {
    const value = r[key];
    if (typeof value === "boolean") target[key] = value;
  }
  return Object.keys(target).length > 0 ? target : null;
}

export const DEFAULT_SETTINGS: Settings = {
  language: "auto",
  platform: "auto",
  categories: { spelling: true, grammar: true, tone: true, guideline: true, platform: true },
  disabledRules: [],
  disabledSites: [],
  activePacks: ["social-essentials"],
  toneTarget: null,
};

/** Longest personal-dictionary word, matching the core's limit. */
export const MAX_WORD_LENGTH = 64;
/** Most words a personal dictionary holds. */
export const MAX_DICTIONARY_WORDS = 20_000;

/** Why a personal-dictionary word is refused, or null when it is fine. */
export function invalidWordReason(word: string): string | null {
  if (word.trim() === "") return uiText("wordEmpty", "is empty");
  if (/\s/.test(word)) return uiText("wordWhiteSpace", "contains white space");
  if (new TextEncoder().encode(word).length > MAX_WORD_LENGTH) {
    return uiText("wordTooLong", `is longer than ${MAX_WORD_LENGTH} bytes`, String(MAX_WORD_LENGTH));
  }
  return null;
}

/** The `_locales` message `key` in the interface's language; `fallback` where chrome.i18n is absent (unit tests). */
function uiText(key: string, fallback: string, ...substitutions: string[]): string {
  const message = typeof chrome !== "undefined" && chrome.i18n !== undefined ? chrome.i18n.getMessage(key, substitutions) : "";
  return message === "" ? fallback : message;
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}

function stringList(value: unknown, limit: number): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === "string" && v.length <= 200).slice(0, limit);
}

/** Reads stored settings, keeping defaults for anything missing or malformed. */
export function normaliseSettings(raw: unknown): Settings {
  const r = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const categories = { ...DEFAULT_SETTINGS.categories };
  if (typeof r.categories === "object" && r.categories !== null) {
    for (const c of CATEGORIES) {
      const v = (r.categories as Record<string, unknown>)[c];
      if (typeof v === "boolean") categories[c] = v;
    }
  }
  return {
    language: isOneOf(LANGUAGES, r.language) ? r.language : DEFAULT_SETTINGS.language,
    platform: isOneOf(PLATFORMS, r.platform) ? r.platform : DEFAULT_SETTINGS.platform,
    categories,
    disabledRules: stringList(r.disabledRules, 1000),
    disabledSites: stringList(r.disabledSites, 1000),
    activePacks: Array.isArray(r.activePacks) ? stringList(r.activePacks, 50) : [...DEFAULT_SETTINGS.activePacks],
    toneTarget: normaliseToneTarget(r.toneTarget),
  };
}

/** Settings an organisation's policy sets, the names of the locked keys, and the keys it set unusably. */
export interface ManagedPolicy {
  settings: Partial<Settings>;
  locked: Set<keyof Settings>;
  /** Keys whose policy value has the wrong shape: ignored, so the user's own value stays in force. */
  refused: Array<keyof Settings>;
}

const isStringList = (value: unknown): boolean => Array.isArray(value) && value.every((v) => typeof v === "string");

/**
 * Whether a policy's value for `key` can be used. Chromium drops values that break
 * managed_schema.json before the extension sees them; Firefox passes policies.json through as
 * written, so the extension checks the shape itself.
 */
function usablePolicyValue(key: keyof Settings, value: unknown): boolean {
  switch (key) {
    case "language":
      return isOneOf(LANGUAGES, value);
    case "platform":
      return isOneOf(PLATFORMS, value);
    case "categories":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "disabledRules":
    case "disabledSites":
    case "activePacks":
      return isStringList(value);
    case "toneTarget":
      return normaliseToneTarget(value) !== null;
  }
}

export async function loadManagedPolicy(): Promise<ManagedPolicy> {
  let raw: Record<string, unknown> = {};
  try {
    raw = (await chrome.storage.managed.get(null)) as Record<string, unknown>;
  } catch {
    // No policy on this browser (or managed storage unavailable): nothing is locked.
  }
  const policy: ManagedPolicy = { settings: {}, locked: new Set(), refused: [] };
  const full = normaliseSettings(raw);
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    if (!(key in raw)) continue;
    if (!usablePolicyValue(key, raw[key])) {
      policy.refused.push(key);
      continue;
    }
    (policy.settings as Record<string, unknown>)[key] = full[key];
    policy.locked.add(key);
  }
  return policy;
}

/** The effective settings: stored values, then the policy's on top; `refused` names unusable policy keys. */
export async function loadSettings(): Promise<{ settings: Settings; locked: Set<keyof Settings>; refused: Array<keyof Settings> }> {
  const stored = await chrome.storage.sync.get("settings");
  const policy = await loadManagedPolicy();
  return { settings: { ...normaliseSettings(stored.settings), ...policy.settings }, locked: policy.locked, refused: policy.refused };
}

/**
 * Why a write to `chrome.storage` failed, in words a user can act on, naming what was being
 * saved. A refused write changes nothing, so what was saved before is still there.
 */
export function storageErrorMessage(what: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  // Chrome says `QUOTA_BYTES_PER_ITEM quota exceeded` or `Resource::kQuotaBytesPerItem …`.
  const name = raw.replace(/_/g, "").toLowerCase();
  let why: string;
  if (name.includes("quotabytesperitem")) {
    why = "they are larger than the 8 KB Chrome allows for one synced item; turn some rules or sites back on first";
  } else if (name.includes("quotabytes")) {
    why = "the browser's storage for Plume is full; remove imported packs or words first";
  } else if (name.includes("maxwriteoperations")) {
    why = "too many changes in a short time; wait a minute and try again";
  } else {
    why = raw;
  }
  return `${what} could not be saved: ${why}. What was saved before is kept. (${raw})`;
}

/** Saves settings; a quota or sync error is returned as a message, never swallowed. */
export async function saveSettings(settings: Settings): Promise<string | null> {
  try {
    await chrome.storage.sync.set({ settings });
    return null;
  } catch (error) {
    return storageErrorMessage("Settings", error);
  }
}

/** A pack the user imported (shipped packs live inside the core). */
export interface ImportedPack {
  name: string;
  format: "yaml" | "json";
  text: string;
}

/** Packs the user imported, by name, from `storage.local` (they can be large). */
export async function loadImportedPacks(): Promise<ImportedPack[]> {
  const stored = await chrome.storage.local.get("packs");
  if (!Array.isArray(stored.packs)) return [];
  return (stored.packs as unknown[]).filter(
    (p): p is ImportedPack =>
      typeof p === "object" && p !== null &&
      typeof (p as ImportedPack).name === "string" &&
      ((p as ImportedPack).format === "yaml" || (p as ImportedPack).format === "json") &&
      typeof (p as ImportedPack).text === "string",
  );
}

/** Saves imported packs; a quota error is returned as a message. */
export async function saveImportedPacks(packs: ImportedPack[]): Promise<string | null> {
  try {
    await chrome.storage.local.set({ packs });
    return null;
  } catch (error) {
    return storageErrorMessage("The packs", error);
  }
}

export async function loadDictionary(): Promise<string[]> {
  const stored = await chrome.storage.local.get("dictionary");
  return stringList(stored.dictionary, MAX_DICTIONARY_WORDS).filter((w) => invalidWordReason(w) === null);
}

/** Saves the personal dictionary; a quota error is returned as a message. */
export async function saveDictionary(words: string[]): Promise<string | null> {
  const unique = [...new Set(words)].sort((a, b) => a.localeCompare(b));
  if (unique.length > MAX_DICTIONARY_WORDS) {
    return uiText("dictionaryFull", `The personal dictionary holds at most ${MAX_DICTIONARY_WORDS} words.`, String(MAX_DICTIONARY_WORDS));
  }
  try {
    await chrome.storage.local.set({ dictionary: unique });
    return null;
  } catch (error) {
    return storageErrorMessage("The personal dictionary", error);
  }
}
