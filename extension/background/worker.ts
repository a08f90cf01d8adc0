/**
 * The background worker (a service worker in Chromium, an event page in Firefox: the same code):
 * owns the one wasm instance of the Rust core, configures it from the user's settings,
 * dictionary and policy, and answers messages from content scripts. Nothing is drawn here and
 * no text leaves the browser.
 */

import init, { check, configure, load_dictionary, platform_for_host } from "../../build/wasm/plume.js";
import { BENCH, benchMark, benchWork } from "../shared/bench";
import { uiLocale } from "../shared/i18n";
import { inspectPack, packSources, type PackSource } from "../shared/packs";
import { loadIgnored, pageOf, saveIgnored } from "./ignored";
import { dayOf, loadProgress, recordFixed, recordMet, saveProgress, type MetIssue } from "../shared/progress";
import {
  CHECK_PORT,
  parseWorkerRequest,
  priorLanguage,
  type ActionResponse,
  type Category,
  type IgnoredResponse,
  type Diagnostic,
  type CheckResponse,
  type PortCheckResponse,
  type Report,
  type WorkerRequest,
} from "../shared/protocol";
import {
  CATEGORIES,
  invalidWordReason,
  loadDictionary,
  loadSettings,
  saveDictionary,
  saveSettings,
  type Settings,
  type ToneTargetSetting,
} from "../shared/settings";

let core: Promise<unknown> | undefined;
let configured: Promise<Settings> | undefined;

/** Instantiates the wasm once per worker life; a restarted worker instantiates again. */
function ensureCore(): Promise<unknown> {
  core ??= init({ module_or_path: chrome.runtime.getURL("wasm/plume_bg.wasm") });
  return core;
}

type CoreConfig = Record<string, unknown>;

/**
 * Configures the core, never leaving it unconfigured because of a pack or a tone target: when
 * the full configuration is refused, the packs that fail the core's inspection are dropped, then
 * the tone target, then every pack.
 */
function configureSafely(base: CoreConfig, packs: PackSource[], toneTarget: ToneTargetSetting | null): void {
  const target = toneTarget === null ? {} : { tone_target: toneTarget };
  const usable = (): PackSource[] =>
    packs.filter((p) => {
      const result = inspectPack(p);
      return result.ok && result.overview.tests.failed.length === 0;
    });
  const attempts: Array<() => CoreConfig> = [
    () => ({ ...base, packs, ...target }),
    () => ({ ...base, packs: usable(), ...target }),
    () => ({ ...base, packs: usable() }),
    () => base,
  ];
  let last: unknown;
  for (const [index, attempt] of attempts.entries()) {
    try {
      configure(attempt());
      if (index > 0) console.error(`Plume: the configuration was refused (${String(last)}); checking with less of it.`);
      return;
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

/** Bumped whenever stored settings, packs or the dictionary change. */
let generation = 0;

/** Forgets the current configuration; the next message builds it again from storage. */
function invalidateConfiguration(): void {
  generation += 1;
  configured = undefined;
}

/** Builds the core's checker from storage; rebuilt whenever settings, packs or the dictionary change. */
function ensureConfigured(): Promise<Settings> {
  configured ??= (async () => {
    const started = generation;
    await ensureCore();
    const [{ settings }, dictionary] = await Promise.all([loadSettings(), loadDictionary()]);
    const packs = await packSources(settings.activePacks);
    // Storage changed while this build was reading it: a newer build owns the core now, and an
    // older configuration must never overwrite it.
    if (started !== generation) return ensureConfigured();
    const base = {
      language: settings.language,
      personal_dictionary: dictionary,
      disabled_rules: settings.disabledRules,
      // Messages and explanations in the browser's language (the core writes English and French).
      ui_language: uiLocale().toLowerCase().startsWith("fr") ? "fr" : "en",
    };
    configureSafely(base, packs, settings.toneTarget);
    return settings;
  })();
  configured.catch(() => {
    configured = undefined; // try again on the next message
  });
  return configured;
}

let french: Promise<void> | undefined;

/** Loads the French dictionary from the extension package, once, when a draft needs it. */
function loadFrench(): Promise<void> {
  french ??= (async () => {
    const response = await fetch(chrome.runtime.getURL("dict/fr.dict"));
    if (!response.ok) throw new Error(`dict/fr.dict: HTTP ${response.status}`);
    // The core keeps a loaded dictionary across `configure`, so this happens once per worker life.
    load_dictionary("fr", new Uint8Array(await response.arrayBuffer()));
  })();
  french.catch(() => (french = undefined));
  return french;
}

chrome.storage.onChanged.addListener((changes, area) => {
  if ((area === "sync" && "settings" in changes) || (area === "local" && ("dictionary" in changes || "packs" in changes)) || area === "managed") {
    invalidateConfiguration();
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

/** The language of the user's last draft whose words were clear: the prior when a page declares none. */
let recentLanguage: "fr" | "en-US" | undefined;

async function answerCheck(
  text: string,
  revision: number,
  sender: chrome.runtime.MessageSender,
  pageLanguage?: string,
): Promise<CheckResponse> {
  benchMark("received", { revision });
  const settings = await ensureConfigured();
  const host = hostOf(sender.tab?.url ?? sender.url);
  if (host !== null && settings.disabledSites.includes(host)) return { type: "disabled" };
  const categories = CATEGORIES.filter((c) => settings.categories[c]);
  const platform = settings.platform === "auto" ? (host === null ? undefined : platform_for_host(host)) : settings.platform;
  // The per-sentence tone list is never shown: leaving it out saves building it on every check.
  const prior = priorLanguage(pageLanguage) ?? recentLanguage;
  const options = {
    categories,
    sentence_tones: false,
    ...(platform === undefined ? {} : { platform }),
    ...(prior === undefined ? {} : { prior_language: prior }),
  };
  let report = benchWork("check", () => check(text, options) as Report);
  if (report.missing_dictionaries?.includes("fr") === true) {
    await loadFrench();
    report = check(text, options) as Report;
  }
  const decided = report.decided_language.draft;
  if (decided.basis === "clear") recentLanguage = decided.language === "fr" ? "fr" : "en-US";
  noteMet(
    report.diagnostics
      .filter((d) => !stillTyped(text, d))
      .map((d) => ({ category: d.category, rule: d.rule, text: text.slice(d.utf16.start, d.utf16.end) })),
  );
  if (BENCH) benchMark("answered", { revision, bytes: JSON.stringify(report).length });
  return { type: "report", revision, report };
}

/** A misspelling that ends the draft on a letter may be a word still being typed: not counted as met. */
function stillTyped(text: string, diagnostic: Diagnostic): boolean {
  return diagnostic.category === "spelling" && diagnostic.utf16.end === text.length && /\p{L}$/u.test(text);
}

/** Met issues and fixes waiting to be written to the local progress (batched: checks are frequent). */
const pendingMet: MetIssue[] = [];
const pendingFixed: Category[] = [];
let progressTimer: ReturnType<typeof setTimeout> | undefined;
let progressWrite: Promise<void> = Promise.resolve();

function scheduleProgress(): void {
  progressTimer ??= setTimeout(() => {
    progressTimer = undefined;
    const met = pendingMet.splice(0);
    const fixed = pendingFixed.splice(0);
    progressWrite = progressWrite
      .then(async () => {
        const progress = await loadProgress();
        const day = dayOf(new Date());
        recordMet(progress, met, day);
        for (const category of fixed) recordFixed(progress, category, day);
        await saveProgress(progress);
      })
      .catch((error: unknown) => console.error(`Plume: progress could not be saved (${String(error)})`));
  }, PROGRESS_DELAY_MS);
}

/** How long met issues and fixes wait before being written together. */
const PROGRESS_DELAY_MS = 1000;

function noteMet(issues: MetIssue[]): void {
  if (issues.length === 0 || pendingMet.length > 5000) return;
  pendingMet.push(...issues);
  scheduleProgress();
}

function noteFixed(category: Category): ActionResponse {
  pendingFixed.push(category);
  scheduleProgress();
  return { type: "ok" };
}

async function addWord(word: string): Promise<ActionResponse> {
  const reason = invalidWordReason(word);
  if (reason !== null) return { type: "error", message: `“${word}” ${reason}` };
  const words = await loadDictionary();
  const error = await saveDictionary([...words, word]);
  invalidateConfiguration();
  return error === null ? { type: "ok" } : { type: "error", message: error };
}

/** Turns a rule off, or back on (the popover's undo). */
async function switchRule(rule: string, off: boolean): Promise<ActionResponse> {
  const { settings, locked } = await loadSettings();
  if (locked.has("disabledRules")) return { type: "error", message: chrome.i18n.getMessage("errorRulesLocked") || "Your organisation manages the rules; this one cannot be changed here." };
  settings.disabledRules = settings.disabledRules.filter((r) => r !== rule);
  if (off) settings.disabledRules.push(rule);
  const error = await saveSettings(settings);
  invalidateConfiguration();
  return error === null ? { type: "ok" } : { type: "error", message: error };
}

/** Switches Plume off on the sender's site, or back on (the popover's undo). */
async function switchSite(host: string | null, off: boolean): Promise<ActionResponse> {
  if (host === null || host === "") return { type: "error", message: chrome.i18n.getMessage("errorNoSite") || "This page has no site to switch off." };
  const { settings, locked } = await loadSettings();
  if (locked.has("disabledSites")) return { type: "error", message: chrome.i18n.getMessage("errorSitesLocked") || "Your organisation manages the sites; this one cannot be changed here." };
  settings.disabledSites = settings.disabledSites.filter((s) => s !== host);
  if (off) settings.disabledSites.push(host);
  const error = await saveSettings(settings);
  invalidateConfiguration();
  return error === null ? { type: "ok" } : { type: "error", message: error };
}

/** The issues ignored on the sender's page, or one more remembered there. */
async function answerIgnored(request: Extract<WorkerRequest, { type: "ignored/list" | "ignored/add" }>, sender: chrome.runtime.MessageSender): Promise<IgnoredResponse | ActionResponse> {
  const page = pageOf(sender.url ?? sender.tab?.url);
  if (page === null) return request.type === "ignored/list" ? { type: "ignored", keys: [] } : { type: "ok" };
  if (request.type === "ignored/list") return { type: "ignored", keys: await loadIgnored(page) };
  try {
    await saveIgnored(page, request.key);
    return { type: "ok" };
  } catch (error) {
    return { type: "error", message: String(error) };
  }
}

function answer(request: WorkerRequest, sender: chrome.runtime.MessageSender): Promise<CheckResponse | ActionResponse | IgnoredResponse> {
  switch (request.type) {
    case "check":
      return answerCheck(request.text, request.revision, sender, request.pageLanguage);
    case "dictionary/add":
      return addWord(request.word);
    case "rules/disable":
    case "rules/enable":
      return switchRule(request.rule, request.type === "rules/disable");
    case "site/disable":
    case "site/enable":
      return switchSite(hostOf(sender.tab?.url ?? sender.url), request.type === "site/disable");
    case "progress/fixed":
      return Promise.resolve(noteFixed(request.category));
    case "ignored/list":
    case "ignored/add":
      return answerIgnored(request, sender);
  }
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only this extension's own scripts can reach onMessage; still, validate everything.
  const request = sender.id === chrome.runtime.id ? parseWorkerRequest(message) : "sender is not this extension";
  if (typeof request === "string") {
    sendResponse({ type: "error", message: `rejected: ${request}` });
    return false;
  }
  answer(request, sender)
    .then(sendResponse)
    .catch((error: unknown) => sendResponse({ type: "error", message: String(error) }));
  return true; // the response is sent asynchronously
});

// Content scripts send their checks on a long-lived port; each answer carries its request's revision.
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== CHECK_PORT) return;
  const reply = (response: PortCheckResponse): void => {
    try {
      port.postMessage(response);
    } catch {
      // The page went away (navigation, closed tab) before its answer was ready.
    }
  };
  port.onMessage.addListener((message: unknown) => {
    const request = parseWorkerRequest(message);
    const revision = (message as { revision?: unknown } | null)?.revision;
    const id = typeof revision === "number" && Number.isSafeInteger(revision) ? revision : -1;
    if (typeof request === "string" || request.type !== "check") {
      reply({ type: "error", message: `rejected: ${typeof request === "string" ? request : "only checks go through this port"}`, revision: id });
      return;
    }
    answerCheck(request.text, request.revision, port.sender ?? {}, request.pageLanguage)
      .then((response) => reply({ ...response, revision: request.revision }))
      .catch((error: unknown) => reply({ type: "error", message: String(error), revision: request.revision }));
  });
});

chrome.commands.onCommand.addListener((name) => {
  if (name !== "next-issue" && name !== "accept-first") return;
  void chrome.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
    if (tab?.id !== undefined) chrome.tabs.sendMessage(tab.id, { type: "command", name }).catch(() => undefined);
  });
});

/**
 * One check of a short sample with a typo, run once per worker life right after the first
 * configuration: the browser compiles the wasm's functions on their first call, which made the
 * first real check of a started worker tens of milliseconds slower than the next ones.
 */
function warmUp(): void {
  try {
    check("Thanks for the warm welcome, we can't wait to meet you tomorow at the shop!", { sentence_tones: false });
  } catch {
    // Only a warm-up: a real check reports its own errors.
  }
}

// Warm up as soon as the worker starts, so the first keystroke does not pay for compilation.
void ensureConfigured().then(warmUp, () => undefined);

// A listener for the browser's start makes Chromium start this worker with the browser, so the
// wasm is compiled and warm before the first field is focused (the first check after a browser
// start otherwise paid for the worker's start, the wasm's compilation and the configuration).
chrome.runtime.onStartup.addListener(() => undefined);
chrome.runtime.onInstalled.addListener(() => undefined);
