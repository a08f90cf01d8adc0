/**
 * The content script's entry: finds the field being typed in, asks the background worker to
 * check its text over one long-lived port (sent during the debounce, drawn when it ends, stale
 * answers dropped), draws the underlines and opens the popover on click. It never checks text
 * itself and never compiles wasm (pages' CSP would forbid it).
 */

import {
  CHECK_PORT,
  type ActionResponse,
  type CheckResponse,
  type Diagnostic,
  type DraftSummary,
  type PortCheckResponse,
  type Report,
  type Severity,
  type Summary,
  type TabRequest,
} from "../shared/protocol";
import { benchAfterPaint, benchMark, benchWork } from "../shared/bench";
import { Badge, badgeContent } from "./badge";
import { adapterFor, editorRoot, isCheckableField, type FieldAdapter, type Hit } from "./fields";
import { Popover, type PopoverActions } from "./popover";

/** Quiet time after the last keystroke before the underlines are drawn. */
const DEBOUNCE_MS = 120;
/**
 * Quiet time after which the check is already sent, so that its answer is usually back when the
 * debounce ends and only drawing is left (the worker's round trip and check take ~10 ms, far more
 * on a loaded machine). Drawing still waits for the debounce; a keystroke in between drops it.
 */
const EARLY_CHECK_MS = 70;
/** Most underlines drawn in one field: drawing thousands would block the page; the badge still counts all. */
const MAX_DRAWN = 500;
/** Drafts longer than this (UTF-16 units) are checked after a longer pause. */
const HUGE_DRAFT = 100_000;
const HUGE_DRAFT_DEBOUNCE_MS = 600;

/** Resolves once the browser has rendered its next frame. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

let popover: Popover | undefined;
const sessions = new Map<HTMLElement, FieldSession>();
/** The session typed in last: the popup's summary and keyboard commands act on it. */
let current: FieldSession | undefined;

/**
 * Whether the extension is still alive (it may be updated, reloaded or disabled while the page
 * lives). The first time it is not, this orphaned script removes everything it drew and stops
 * listening, so the page is left exactly as it would be without Plume.
 */
function extensionAlive(): boolean {
  if (orphaned) return false;
  if (typeof chrome !== "undefined" && chrome.runtime?.id !== undefined) return true;
  tearDown();
  return false;
}

/** Set once the extension is gone; nothing runs after that. */
let orphaned = false;
/** Aborted when the extension is gone: removes the page-wide listeners. */
const lifetime = new AbortController();
/** Checks now and then, while fields are watched, that the extension is still there. */
let watchdog: number | undefined;
const WATCHDOG_MS = 1000;

function tearDown(): void {
  orphaned = true;
  window.clearInterval(watchdog);
  for (const session of [...sessions.values()]) session.dispose();
  popover?.dispose();
  popover = undefined;
  lifetime.abort();
}

/** Sends a message to the worker; null when the extension was updated or disabled meanwhile. */
async function ask<T>(message: unknown): Promise<T | null> {
  if (!extensionAlive()) return null;
  try {
    return ((await chrome.runtime.sendMessage(message)) as T | undefined) ?? null;
  } catch (error) {
    // A stopped worker restarts on the next message; an invalidated extension stays quiet.
    if (extensionAlive()) console.warn("Plume: message failed", error);
    return null;
  }
}

/** The port checks go through (opened on first use, again after the worker stopped). */
let checkPort: chrome.runtime.Port | undefined;
/** Checks sent on the port and not answered yet, by request number. */
const pendingChecks = new Map<number, (response: CheckResponse | null) => void>();
/** Numbers the checks of every field on this page (each field's revisions too), so answers find their request. */
let lastRequest = 0;

function openCheckPort(): chrome.runtime.Port | null {
  if (checkPort !== undefined) return checkPort;
  if (!extensionAlive()) return null;
  let port: chrome.runtime.Port;
  try {
    port = chrome.runtime.connect({ name: CHECK_PORT });
  } catch {
    return null; // the extension was updated or disabled meanwhile
  }
  port.onMessage.addListener((response: PortCheckResponse) => {
    const resolve = pendingChecks.get(response.revision);
    pendingChecks.delete(response.revision);
    resolve?.(response);
  });
  port.onDisconnect.addListener(() => {
    // The worker stopped (it restarts on the next connection) or the extension went away:
    // unanswered checks get no answer, which the caller retries.
    void chrome.runtime.lastError;
    if (checkPort === port) checkPort = undefined;
    for (const resolve of pendingChecks.values()) resolve(null);
    pendingChecks.clear();
  });
  checkPort = port;
  return port;
}

/** Sends a check on the port; null when it could not be sent or the port closed first. */
function sendCheck(text: string, request: number, pageLanguage: string | undefined): Promise<CheckResponse | null> {
  const port = openCheckPort();
  if (port === null) return Promise.resolve(null);
  return new Promise((resolve) => {
    pendingChecks.set(request, resolve);
    try {
      port.postMessage({ type: "check", text, revision: request, ...(pageLanguage === undefined ? {} : { pageLanguage }) });
    } catch {
      pendingChecks.delete(request);
      if (checkPort === port) checkPort = undefined;
      resolve(null);
    }
  });
}

/** The language the page declares for `element` (its closest `lang`), a prior for the check. */
function pageLanguageOf(element: Element): string | undefined {
  const tag = element.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang;
  return /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/.test(tag) ? tag : undefined;
}

async function requestCheck(text: string, revision: number, element: Element): Promise<Report | "disabled" | null> {
  const response = await sendCheck(text, revision, pageLanguageOf(element));
  if (response?.type === "report") return response.report;
  if (response?.type === "disabled") return "disabled";
  if (response?.type === "error") console.warn(`Plume: ${response.message}`);
  return null;
}

const SEVERITY_RANK: Record<Severity, number> = { suggestion: 1, warning: 2, error: 3 };

function worstSeverity(diagnostics: Diagnostic[]): Severity | "none" {
  let worst: Severity | "none" = "none";
  for (const d of diagnostics) {
    if (worst === "none" || SEVERITY_RANK[d.severity] > SEVERITY_RANK[worst]) worst = d.severity;
  }
  return worst;
}

/** Key of an ignored occurrence: the rule and the flagged text, so it survives edits elsewhere. */
function ignoreKey(text: string, d: Diagnostic): string {
  return `${d.rule}\u0000${text.slice(d.utf16.start, d.utf16.end)}`;
}

class FieldSession {
  private readonly adapter: FieldAdapter;
  private revision = 0;
  private timer: number | undefined;
  private readonly ignored = new Set<string>();
  private readonly resizeObserver: ResizeObserver;
  private readonly badge: Badge;
  /** Summary of the last report, for the popup. */
  lastSummary: Summary | null = null;
  /** Length of the text checked last. */
  private lastLength = 0;
  /** Checks in a row that got no answer. */
  private failures = 0;
  /** Set while a fix is being applied: its own input events must not close the popover. */
  private applying = false;
  private readonly onInput = (): void =>
    benchWork("input", () => {
      if (!extensionAlive()) return;
      current = this;
      if (!this.applying) popover?.hide();
      this.schedule();
    });

  constructor(readonly element: HTMLElement) {
    this.adapter = adapterFor(element);
    this.badge = new Badge(element);
    this.adapter.watch?.(() => this.schedule());
    element.addEventListener("input", this.onInput);
    this.resizeObserver = new ResizeObserver(() => benchWork("resize", () => this.redraw()));
    this.resizeObserver.observe(element);
    watchdog ??= window.setInterval(extensionAlive, WATCHDOG_MS);
    this.schedule(0);
  }

  /** The check sent early for the text typed last, while the debounce runs (see EARLY_CHECK_MS). */
  private early: { text: string; answer: Promise<Report | "disabled" | null> } | undefined;
  private earlyTimer: number | undefined;

  schedule(delay = DEBOUNCE_MS): void {
    window.clearTimeout(this.timer);
    window.clearTimeout(this.earlyTimer);
    // Only a keystroke's debounce checks early: a check asked for at once (a fix, an ignored
    // issue, a new word in the dictionary, a retry) must get a fresh answer.
    this.early = undefined;
    // Re-drawing a huge draft lays out its whole mirror: do it less often while typing.
    if (delay === DEBOUNCE_MS && this.lastLength > HUGE_DRAFT) delay = HUGE_DRAFT_DEBOUNCE_MS;
    else if (delay === DEBOUNCE_MS) this.earlyTimer = window.setTimeout(() => this.checkEarly(), EARLY_CHECK_MS);
    this.timer = window.setTimeout(() => void this.run(), delay);
  }

  private checkEarly(): void {
    if (!this.element.isConnected || !extensionAlive()) return;
    const text = benchWork("read", () => this.adapter.read());
    const request = ++lastRequest;
    benchMark("early", { revision: request });
    this.early = { text, answer: requestCheck(text, request, this.element) };
  }

  private async run(): Promise<void> {
    if (!extensionAlive()) return;
    if (!this.element.isConnected) {
      this.dispose();
      return;
    }
    const revision = (this.revision = ++lastRequest);
    benchMark("fire", { revision });
    const text = benchWork("read", () => this.adapter.read());
    this.lastLength = text.length;
    // The answer to the early check when the text is still the one it was sent for.
    const early = this.early?.text === text ? this.early.answer : undefined;
    this.early = undefined;
    const report = await (early ?? requestCheck(text, revision, this.element));
    benchMark("reply", { revision, early: early !== undefined });
    if (revision !== this.revision) return;
    if (report === null) {
      // The worker may have been stopped or busy reconfiguring mid-request: ask again, a few
      // times, so the underlines do not stay stale until the next keystroke.
      if (extensionAlive() && this.failures < 3) {
        this.failures += 1;
        this.schedule(250 * this.failures);
      }
      return;
    }
    this.failures = 0;
    if (report === "disabled") {
      this.dispose();
      return;
    }
    if (text.length > HUGE_DRAFT) {
      // Measured right after the browser's own frame, drawing forces no pending layout of the
      // page (the field's own, for a huge draft, is long).
      await afterNextFrame();
      if (revision !== this.revision || !extensionAlive()) return;
    }
    benchWork("draw", () => {
      const shown = report.diagnostics.filter((d) => !this.ignored.has(ignoreKey(text, d)));
      // The badge's spot is read before the underlines write to the page (no second layout).
      const spot = this.badge.measure();
      benchWork("draw:underlines", () => this.adapter.draw(text, shown.length > MAX_DRAWN ? shown.slice(0, MAX_DRAWN) : shown));
      benchWork("draw:badge", () => this.badge.update(badgeContent(report, shown.length, worstSeverity(shown)), spot));
    });
    this.lastSummary = report.summary;
    benchMark("drawn", { revision });
    benchAfterPaint("painted", { revision });
  }

  redraw(): void {
    // The badge's spot is read before the underlines write to the page (no second layout).
    const spot = this.badge.measure();
    this.adapter.redraw();
    this.badge.place(spot);
  }

  /** Opens the popover when a click lands on an underline; returns whether one did. */
  click(x: number, y: number): boolean {
    const hit = this.adapter.hitTest(x, y);
    if (hit === null) return false;
    this.open(hit);
    return true;
  }

  /** The issue the popover shows, for keyboard commands. */
  private opened: Hit | undefined;

  /** Keyboard command: open the popover on the issue after the one shown last (wrapping). */
  nextIssue(): void {
    const hits = this.adapter.hits?.() ?? [];
    if (hits.length === 0) return;
    const after = this.opened?.diagnostic.utf16.start ?? -1;
    this.open(hits.find((h) => h.diagnostic.utf16.start > after) ?? hits[0]!);
  }

  /** Keyboard command: apply the first suggestion of the issue shown (or of the first issue). */
  acceptFirst(): void {
    const target = popover?.isOpen === true ? this.opened : (this.adapter.hits?.() ?? [])[0];
    const first = target?.diagnostic.suggestions[0];
    if (target === undefined || first === undefined) return;
    this.open(target).choose(first);
  }

  private open(hit: Hit): PopoverActions {
    this.opened = hit;
    popover ??= new Popover();
    const shown = popover;
    const text = this.adapter.read();
    const diagnostic = hit.diagnostic;
    const flagged = text.slice(diagnostic.utf16.start, diagnostic.utf16.end);
    const report = (response: ActionResponse | null): void => {
      if (response?.type === "error") {
        // Not saved (a storage quota, a policy lock): say so where the user asked for it.
        shown.show(diagnostic, hit.rect, actions);
        shown.notice(response.message);
      }
      this.schedule(0);
    };
    const actions: PopoverActions = {
      choose: (replacement) => {
        this.applying = true;
        void Promise.resolve(this.adapter.applyFix(diagnostic, replacement)).then((outcome) => {
          this.applying = false;
          if (outcome.ok) {
            void ask<ActionResponse>({ type: "progress/fixed", category: diagnostic.category, rule: diagnostic.rule });
            shown.hide();
            this.schedule(0);
          } else {
            shown.notice(outcome.reason, replacement);
          }
        });
      },
      ignore: () => {
        this.ignored.add(ignoreKey(text, diagnostic));
        this.schedule(0);
      },
      ...(diagnostic.category === "spelling" && !/\s/.test(flagged)
        ? { addToDictionary: () => void ask<ActionResponse>({ type: "dictionary/add", word: flagged }).then(report) }
        : {}),
      disableRule: () => void ask<ActionResponse>({ type: "rules/disable", rule: diagnostic.rule }).then(report),
    };
    shown.show(diagnostic, hit.rect, actions);
    return actions;
  }

  dispose(): void {
    window.clearTimeout(this.timer);
    window.clearTimeout(this.earlyTimer);
    this.element.removeEventListener("input", this.onInput);
    this.resizeObserver.disconnect();
    this.adapter.dispose();
    this.badge.dispose();
    sessions.delete(this.element);
    if (current === this) current = undefined;
  }
}

/** The real target of an event, looking through open shadow roots. */
function eventTarget(event: Event): Element | null {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : null;
}

function fieldOf(target: Element | null): HTMLElement | null {
  if (target === null || !isCheckableField(target)) return null;
  return target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement ? target : editorRoot(target);
}

document.addEventListener(
  "focusin",
  (event) => {
    if (!extensionAlive()) return;
    const field = fieldOf(eventTarget(event));
    if (field === null) return;
    let session = sessions.get(field);
    if (session === undefined) {
      session = new FieldSession(field);
      sessions.set(field, session);
    }
    current = session;
  },
  { capture: true, signal: lifetime.signal },
);

document.addEventListener(
  "click",
  (event) => {
    if (!extensionAlive()) return;
    if (popover?.contains(event.clientX, event.clientY)) return;
    const target = eventTarget(event);
    for (const session of sessions.values()) {
      if (target !== null && session.element.contains(target) && session.click(event.clientX, event.clientY)) return;
    }
    popover?.hide();
  },
  { capture: true, signal: lifetime.signal },
);

document.addEventListener(
  "keydown",
  (event) => {
    if (!extensionAlive()) return;
    if (event.key === "Escape") popover?.hide();
  },
  { capture: true, signal: lifetime.signal },
);

const redrawAll = (): void => {
  if (!extensionAlive()) return;
  for (const session of sessions.values()) session.redraw();
};
document.addEventListener("scroll", redrawAll, { capture: true, passive: true, signal: lifetime.signal });
window.addEventListener("resize", redrawAll, { passive: true, signal: lifetime.signal });

// The popup asks for the current draft's summary; the worker relays keyboard commands.
if (extensionAlive()) {
  chrome.runtime.onMessage.addListener((message: TabRequest, _sender, sendResponse) => {
    if (orphaned) return false;
    if (message?.type === "command") {
      // Only the frame whose field has focus acts on a keyboard command.
      if (current !== undefined && document.hasFocus()) {
        if (message.name === "next-issue") current.nextIssue();
        else current.acceptFirst();
      }
      return false;
    }
    if (message?.type !== "summary") return false;
    const summary = current?.lastSummary ?? null;
    if (summary !== null) {
      sendResponse({ type: "summary", summary } satisfies DraftSummary);
      return false;
    }
    if (window !== window.top) return false;
    // The top frame answers "nothing checked" last, so a frame with a draft answers first.
    setTimeout(() => sendResponse({ type: "summary", summary: null } satisfies DraftSummary), 150);
    return true;
  });
}

// A field focused before the script loaded (autofocus) is checked too.
const active = document.activeElement;
const initial = active === null ? null : fieldOf(active);
if (initial !== null) {
  current = new FieldSession(initial);
  sessions.set(initial, current);
}
