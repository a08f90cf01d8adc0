/**
 * The content script's entry: finds the field being typed in, asks the background worker to
 * check its text (debounced, stale answers dropped), draws the underlines and opens the popover
 * on click. It never checks text itself and never compiles wasm (pages' CSP would forbid it).
 */

import type { CheckResponse, Diagnostic, Report } from "../shared/protocol";
import { adapterFor, editorRoot, isCheckableField, type FieldAdapter } from "./fields";
import { Popover } from "./popover";

/** Quiet time after the last keystroke before a check is sent. */
const DEBOUNCE_MS = 120;

let popover: Popover | undefined;
const sessions = new Map<HTMLElement, FieldSession>();

/** Whether the extension is still alive (it may be updated or disabled while the page lives). */
function extensionAlive(): boolean {
  return typeof chrome !== "undefined" && chrome.runtime?.id !== undefined;
}

async function requestCheck(text: string, revision: number): Promise<Report | null> {
  if (!extensionAlive()) return null;
  try {
    const response = (await chrome.runtime.sendMessage({ type: "check", text, revision })) as CheckResponse | undefined;
    if (response?.type === "report") return response.report;
    if (response?.type === "error") console.warn(`Plume: ${response.message}`);
  } catch (error) {
    // The worker restarts on the next message; an invalidated extension stays quiet.
    if (extensionAlive()) console.warn("Plume: check failed", error);
  }
  return null;
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
  /** Set while a fix is being applied: its own input events must not close the popover. */
  private applying = false;
  private readonly onInput = (): void => {
    if (!this.applying) popover?.hide();
    this.schedule();
  };

  constructor(readonly element: HTMLElement) {
    this.adapter = adapterFor(element);
    this.adapter.watch?.(() => this.schedule());
    element.addEventListener("input", this.onInput);
    this.resizeObserver = new ResizeObserver(() => this.adapter.redraw());
    this.resizeObserver.observe(element);
    this.schedule(0);
  }

  schedule(delay = DEBOUNCE_MS): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.run(), delay);
  }

  private async run(): Promise<void> {
    if (!this.element.isConnected) {
      this.dispose();
      return;
    }
    const text = this.adapter.read();
    const revision = ++this.revision;
    const report = await requestCheck(text, revision);
    if (report === null || revision !== this.revision) return;
    const shown = report.diagnostics.filter((d) => !this.ignored.has(ignoreKey(text, d)));
    this.adapter.draw(text, shown);
  }

  redraw(): void {
    this.adapter.redraw();
  }

  /** Opens the popover when a click lands on an underline; returns whether one did. */
  click(x: number, y: number): boolean {
    const hit = this.adapter.hitTest(x, y);
    if (hit === null) return false;
    popover ??= new Popover();
    const shown = popover;
    const text = this.adapter.read();
    shown.show(hit.diagnostic, hit.rect, {
      choose: (replacement) => {
        this.applying = true;
        void Promise.resolve(this.adapter.applyFix(hit.diagnostic, replacement)).then((outcome) => {
          this.applying = false;
          if (outcome.ok) {
            shown.hide();
            this.schedule(0);
          } else {
            shown.notice(outcome.reason);
          }
        });
      },
      ignore: () => {
        this.ignored.add(ignoreKey(text, hit.diagnostic));
        this.schedule(0);
      },
    });
    return true;
  }

  dispose(): void {
    window.clearTimeout(this.timer);
    this.element.removeEventListener("input", this.onInput);
    this.resizeObserver.disconnect();
    this.adapter.dispose();
    sessions.delete(this.element);
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
    const field = fieldOf(eventTarget(event));
    if (field !== null && !sessions.has(field)) sessions.set(field, new FieldSession(field));
  },
  true,
);

document.addEventListener(
  "click",
  (event) => {
    if (popover?.contains(event.clientX, event.clientY)) return;
    const target = eventTarget(event);
    for (const session of sessions.values()) {
      if (target !== null && session.element.contains(target) && session.click(event.clientX, event.clientY)) return;
    }
    popover?.hide();
  },
  true,
);

document.addEventListener(
  "keydown",
  (event) => {
    if (event.key === "Escape") popover?.hide();
  },
  true,
);

const redrawAll = (): void => {
  for (const session of sessions.values()) session.redraw();
};
document.addEventListener("scroll", redrawAll, { capture: true, passive: true });
window.addEventListener("resize", redrawAll, { passive: true });

// A field focused before the script loaded (autofocus) is checked too.
const active = document.activeElement;
const initial = active === null ? null : fieldOf(active);
if (initial !== null) sessions.set(initial, new FieldSession(initial));
