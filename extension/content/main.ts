/**
 * The content script's entry: finds the field being typed in, asks the background worker to
 * check its text over one long-lived port (sent during the debounce, drawn when it ends, stale
 * answers dropped), draws the underlines and opens the popover on click. It never checks text
 * itself and never compiles wasm (pages' CSP would forbid it).
 */

import {
  CHECK_PORT,
  rulesOf,
  type ActionResponse,
  type CheckResponse,
  type IgnoredResponse,
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
import { Popover, UNKNOWN_WORD_RULE, type OffSwitch, type PopoverActions } from "./popover";
import { TonePanel } from "./tone-panel";

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
/** The tone chip's explanation panel, created on first use. */
let tonePanel: TonePanel | undefined;
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

/** A letter, a digit or a joiner inside a word: the writer is still in the word. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}'’_-]/u;

/**
 * Whether `d` flags the word the writer is typing: a span of one word that the caret is inside
 * or at the end of, right after a word character. Such a word is not judged until the writer
 * leaves it (space, punctuation, a caret move, leaving the field).
 */
function underCaret(text: string, d: Diagnostic, caret: number): boolean {
  if (caret < d.utf16.start || caret > d.utf16.end || d.utf16.start === d.utf16.end) return false;
  if (/\s/.test(text.slice(d.utf16.start, d.utf16.end))) return false;
  return caret > 0 && WORD_CHAR.test(text.charAt(caret - 1));
}

/** Reads an action's answer as an error message, or null when it was done. */
function outcome(response: ActionResponse | null): string | null {
  if (response === null) return chrome.i18n.getMessage("errorNoAnswer") || "Plume did not answer; try again.";
  return response.type === "error" ? response.message : null;
}

/** Sends `rules` one after the other (each reads and writes the settings). */
async function switchRules(type: "rules/disable" | "rules/enable", rules: string[]): Promise<string | null> {
  for (const rule of rules) {
    const error = outcome(await ask<ActionResponse>({ type, rule }));
    if (error !== null) return error;
  }
  return null;
}

class FieldSession {
  private readonly adapter: FieldAdapter;
  private revision = 0;
  private timer: number | undefined;
  private readonly ignored = new Set<string>();
  /** Edits seen (input events, re-renders): an answer computed before the last one is not drawn. */
  private edits = 0;
  /** Whether the last change was the writer typing (not a fix, not a caret move since). */
  private typing = false;
  /** The last report drawn, the text it was computed for and the issues held back under the caret. */
  private shownReport: { text: string; report: Report; held: Diagnostic[] } | undefined;
  private readonly resizeObserver: ResizeObserver;
  private readonly badge: Badge;
  /** Summary of the last report, for the popup. */
  lastSummary: Summary | null = null;
  /** The last report, for the tone chip's explanation. */
  private lastReport: Report | null = null;
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
      this.edits += 1;
      if (!this.applying) {
        this.typing = true;
        popover?.hide();
      }
      this.schedule();
    });
  /** Leaving the field: the word typed last is judged now. */
  private readonly onBlur = (): void => {
    if (!extensionAlive()) return;
    this.typing = false;
    this.release();
  };

  constructor(readonly element: HTMLElement) {
    this.adapter = adapterFor(element);
    this.badge = new Badge(element, () => this.showIssueList());
    this.badge.onChip = (anchor, chip, byKeyboard) => {
      if (this.lastReport === null) return;
      tonePanel ??= new TonePanel();
      if (tonePanel.isOpen) tonePanel.hide();
      else tonePanel.show(this.lastReport, element, anchor, chip, byKeyboard);
    };
    this.adapter.watch?.(() => {
      this.edits += 1;
      this.schedule();
    });
    element.addEventListener("input", this.onInput);
    element.addEventListener("focusout", this.onBlur);
    // Issues ignored on this page before (kept by the worker, per page).
    void ask<IgnoredResponse>({ type: "ignored/list" }).then((answer) => {
      const keys = answer?.type === "ignored" ? answer.keys : [];
      if (keys.length === 0) return;
      for (const key of keys) this.ignored.add(key);
      if (this.shownReport !== undefined) this.drawReport(this.shownReport.text, this.shownReport.report);
    });
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
    const edits = this.edits;
    benchMark("fire", { revision });
    const text = benchWork("read", () => this.adapter.read());
    this.lastLength = text.length;
    // The answer to the early check when the text is still the one it was sent for.
    const early = this.early?.text === text ? this.early.answer : undefined;
    this.early = undefined;
    const report = await (early ?? requestCheck(text, revision, this.element));
    benchMark("reply", { revision, early: early !== undefined });
    // Drawn only onto the text it was computed for: an edit since then has its own check coming.
    if (revision !== this.revision || edits !== this.edits) return;
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
      if (revision !== this.revision || edits !== this.edits || !extensionAlive()) return;
    }
    if (!this.adapter.holds(text)) return;
    this.drawReport(text, report);
    this.lastSummary = report.summary;
    this.lastReport = report;
    benchMark("drawn", { revision });
    benchAfterPaint("painted", { revision });
  }

  /** The issues of `report` shown now: not ignored, and not the word being typed. */
  private drawReport(text: string, report: Report): void {
    benchWork("draw", () => {
      const caret = this.typing ? this.adapter.caret() : null;
      const held: Diagnostic[] = [];
      const shown = report.diagnostics.filter((d) => {
        if (this.ignored.has(ignoreKey(text, d))) return false;
        if (caret !== null && underCaret(text, d, caret)) {
          held.push(d);
          return false;
        }
        return true;
      });
      this.shownReport = { text, report, held };
      // The badge's spot is read before the underlines write to the page (no second layout).
      const spot = this.badge.measure();
      benchWork("draw:underlines", () => this.adapter.draw(text, shown.length > MAX_DRAWN ? shown.slice(0, MAX_DRAWN) : shown));
      const content = text.trim() === "" ? null : badgeContent(report, shown.length, worstSeverity(shown));
      benchWork("draw:badge", () => this.badge.update(content, spot));
    });
  }

  /** Draws the issues held back under the caret once the writer has left their word. */
  release(): void {
    const shown = this.shownReport;
    if (shown === undefined || shown.held.length === 0 || !this.adapter.holds(shown.text)) return;
    const caret = this.typing ? this.adapter.caret() : null;
    if (caret !== null && shown.held.some((d) => underCaret(shown.text, d, caret))) return;
    this.typing = false;
    this.drawReport(shown.text, shown.report);
  }

  /** The caret moved: moving it elsewhere than where typing left it means the writer left the word. */
  caretMoved(): void {
    const shown = this.shownReport;
    // A caret moved by typing moves with new text: the next check judges it.
    if (shown === undefined || shown.held.length === 0 || !this.adapter.holds(shown.text)) return;
    const caret = this.adapter.caret();
    if (caret === null || !shown.held.some((d) => underCaret(shown.text, d, caret))) {
      this.typing = false;
      this.release();
    }
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

  /**
   * Keyboard command: open the popover on the issue after the one shown last, or after the
   * caret (wrapping); the popover takes focus, Escape gives it back to the field.
   */
  nextIssue(): void {
    const hits = this.adapter.hits?.() ?? [];
    if (hits.length === 0) return;
    const after = popover?.isOpen === true && this.opened !== undefined ? this.opened.diagnostic.utf16.start : (this.adapter.caret() ?? 0) - 1;
    this.open(hits.find((h) => h.diagnostic.utf16.start > after) ?? hits[0]!, true);
  }

  /**
   * Keyboard command: apply the best suggestion of the issue shown in the popover, or else of
   * the issue at the caret; nothing when the caret is on no issue.
   */
  acceptAtCaret(): void {
    let target = popover?.isOpen === true ? this.opened : undefined;
    if (target === undefined) {
      const caret = this.adapter.caret();
      if (caret === null) return;
      target = (this.adapter.hits?.() ?? []).find((h) => h.diagnostic.utf16.start <= caret && caret <= h.diagnostic.utf16.end);
    }
    const best = target?.diagnostic.suggestions[0];
    if (target === undefined || best === undefined) return;
    this.open(target).choose(best);
  }

  /** Opens the list of the draft's issues (from the badge); choosing one opens its popover. */
  showIssueList(): void {
    const hits = this.adapter.hits?.() ?? [];
    const text = this.adapter.read();
    popover ??= new Popover();
    popover.showList(
      hits.map((hit) => ({ hit, flagged: text.slice(hit.diagnostic.utf16.start, hit.diagnostic.utf16.end) })),
      this.badge.anchor(),
      (hit) => this.open(hit, true),
      this.element,
    );
  }

  private open(hit: Hit, fromKeyboard = false): PopoverActions {
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
        const key = ignoreKey(text, diagnostic);
        this.ignored.add(key);
        void ask<ActionResponse>({ type: "ignored/add", key });
        this.schedule(0);
      },
    };
    const rules = rulesOf(diagnostic);
    if (diagnostic.category === "spelling" && !/\s/.test(flagged)) {
      actions.neverFlagWord = () => void ask<ActionResponse>({ type: "dictionary/add", word: flagged }).then(report);
    }
    const redrawAfter = (run: () => Promise<string | null>) => async (): Promise<string | null> => {
      const error = await run();
      if (error === null) this.schedule(0);
      return error;
    };
    if (rules.includes(UNKNOWN_WORD_RULE)) {
      // Turning off the unknown-word rule would silence every misspelling everywhere: the word
      // (above) or this site, confirmed, instead.
      const site: OffSwitch = {
        off: redrawAfter(async () => outcome(await ask<ActionResponse>({ type: "site/disable" }))),
        undo: async () => {
          const error = outcome(await ask<ActionResponse>({ type: "site/enable" }));
          if (error === null) reopen(this.element);
          return error;
        },
      };
      actions.site = { ...site, host: location.host };
    } else {
      actions.rule = {
        off: redrawAfter(() => switchRules("rules/disable", rules)),
        undo: redrawAfter(() => switchRules("rules/enable", rules)),
      };
    }
    shown.show(diagnostic, hit.rect, actions, fromKeyboard ? { focusFrom: this.element } : {});
    return actions;
  }

  dispose(): void {
    window.clearTimeout(this.timer);
    window.clearTimeout(this.earlyTimer);
    this.element.removeEventListener("input", this.onInput);
    this.element.removeEventListener("focusout", this.onBlur);
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

/** Checks `field` again after Plume was switched back on for this site (the popover's undo). */
function reopen(field: HTMLElement): void {
  if (!field.isConnected || sessions.has(field)) return;
  const session = new FieldSession(field);
  sessions.set(field, session);
  current = session;
}

// A caret moved by the mouse or the arrow keys leaves the word being typed: judge it now.
document.addEventListener(
  "selectionchange",
  () => {
    if (!extensionAlive()) return;
    current?.caretMoved();
  },
  { signal: lifetime.signal },
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
        else current.acceptAtCaret();
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
