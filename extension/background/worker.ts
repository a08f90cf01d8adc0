/**
 * The background service worker: owns the one wasm instance of the Rust core, configures it from
 * the user's settings, dictionary and policy, and answers messages from content scripts.
 * Nothing is drawn here and no text leaves the browser.
 */

import init, { check, configure, load_dictionary, platform_for_host, shipped_pack } from "../../build/wasm/plume.js";
import {
  parseWorkerRequest,
  type ActionResponse,
  type CheckResponse,
  type Report,
  type WorkerRequest,
} from "../shared/protocol";
import {
  CATEGORIES,
  invalidWordReason,
  loadDictionary,
  loadImportedPacks,
  loadSettings,
  saveDictionary,
  saveSettings,
  type Settings,
} from "../shared/settings";

let core: Promise<unknown> | undefined;
let configured: Promise<Settings> | undefined;

/** Instantiates the wasm once per worker life; a restarted worker instantiates again. */
function ensureCore(): Promise<unknown> {
  core ??= init({ module_or_path: chrome.runtime.getURL("wasm/plume_bg.wasm") });
  return core;
}

/** Packs an organisation pushed through policy (`chrome.storage.managed`). */
async function managedPacks(): Promise<Array<{ name: string; format: "yaml" | "json"; text: string }>> {
  try {
    const { packs } = await chrome.storage.managed.get("packs");
    return Array.isArray(packs) ? packs.filter((p) => typeof p?.name === "string" && typeof p?.text === "string") : [];
  } catch {
    return [];
  }
}

/** The sources of the active packs: shipped ones from the core, the others from storage. */
async function activePackSources(names: string[]): Promise<Array<{ name: string; format: string; text: string }>> {
  const stored = [...(await managedPacks()), ...(await loadImportedPacks())];
  const sources = [];
  for (const name of names) {
    const own = stored.find((p) => p.name === name);
    const text = own?.text ?? shipped_pack(name);
    if (text !== undefined) sources.push({ name, format: own?.format ?? "yaml", text });
  }
  return sources;
}

/** Builds the core's checker from storage; rebuilt whenever settings or the dictionary change. */
function ensureConfigured(): Promise<Settings> {
  configured ??= (async () => {
    await ensureCore();
    const [{ settings }, dictionary] = await Promise.all([loadSettings(), loadDictionary()]);
    const packs = await activePackSources(settings.activePacks);
    try {
      configure({ language: settings.language, personal_dictionary: dictionary, disabled_rules: settings.disabledRules, packs });
    } catch (error) {
      // A pack that no longer loads must not stop checking: report it and check without packs.
      console.error(`Plume: the active packs could not be loaded (${String(error)}); checking without them.`);
      configure({ language: settings.language, personal_dictionary: dictionary, disabled_rules: settings.disabledRules });
    }
    if (frenchLoaded) await loadFrench();
    return settings;
  })();
  configured.catch(() => {
    configured = undefined; // try again on the next message
  });
  return configured;
}

let frenchLoaded = false;
let french: Promise<void> | undefined;

/** Loads the French dictionary from the extension package, once, when a draft needs it. */
function loadFrench(): Promise<void> {
  french ??= (async () => {
    const response = await fetch(chrome.runtime.getURL("dict/fr.dict"));
    if (!response.ok) throw new Error(`dict/fr.dict: HTTP ${response.status}`);
    load_dictionary("fr", new Uint8Array(await response.arrayBuffer()));
    frenchLoaded = true;
  })();
  french.catch(() => (french = undefined));
  return french;
}

chrome.storage.onChanged.addListener((changes, area) => {
  if ((area === "sync" && "settings" in changes) || (area === "local" && ("dictionary" in changes || "packs" in changes)) || area === "managed") {
    configured = undefined;
    french = undefined; // a new checker starts without French; it is loaded again when needed
  }
});

function hostOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

async function answerCheck(text: string, revision: number, sender: chrome.runtime.MessageSender): Promise<CheckResponse> {
  const settings = await ensureConfigured();
  const host = hostOf(sender.tab?.url ?? sender.url);
  if (host !== null && settings.disabledSites.includes(host)) return { type: "disabled" };
  const categories = CATEGORIES.filter((c) => settings.categories[c]);
  const platform = settings.platform === "auto" ? (host === null ? undefined : platform_for_host(host)) : settings.platform;
  const options = { categories, ...(platform === undefined ? {} : { platform }) };
  let report = check(text, options) as Report;
  if (report.missing_dictionaries?.includes("fr") === true) {
    await loadFrench();
    report = check(text, options) as Report;
  }
  return { type: "report", revision, report };
}

async function addWord(word: string): Promise<ActionResponse> {
  const reason = invalidWordReason(word);
  if (reason !== null) return { type: "error", message: `“${word}” ${reason}` };
  const words = await loadDictionary();
  const error = await saveDictionary([...words, word]);
  configured = undefined;
  return error === null ? { type: "ok" } : { type: "error", message: error };
}

async function disableRule(rule: string): Promise<ActionResponse> {
  const { settings, locked } = await loadSettings();
  if (locked.has("disabledRules")) return { type: "error", message: "Your organisation manages the rules; this one cannot be turned off here." };
  if (!settings.disabledRules.includes(rule)) settings.disabledRules.push(rule);
  const error = await saveSettings(settings);
  configured = undefined;
  return error === null ? { type: "ok" } : { type: "error", message: error };
}

function answer(request: WorkerRequest, sender: chrome.runtime.MessageSender): Promise<CheckResponse | ActionResponse> {
  switch (request.type) {
    case "check":
      return answerCheck(request.text, request.revision, sender);
    case "dictionary/add":
      return addWord(request.word);
    case "rules/disable":
      return disableRule(request.rule);
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own scripts can reach onMessage; still, validate everything.
  const request = parseWorkerRequest(message);
  if (typeof request === "string") {
    sendResponse({ type: "error", message: `rejected: ${request}` });
    return false;
  }
  answer(request, sender)
    .then(sendResponse)
    .catch((error: unknown) => sendResponse({ type: "error", message: String(error) }));
  return true; // the response is sent asynchronously
});

chrome.commands.onCommand.addListener((name) => {
  if (name !== "next-issue" && name !== "accept-first") return;
  void chrome.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
    if (tab?.id !== undefined) chrome.tabs.sendMessage(tab.id, { type: "command", name }).catch(() => undefined);
  });
});

// Warm up as soon as the worker starts, so the first keystroke does not pay for compilation.
void ensureConfigured();
