/**
 * The badge beside a checked field: how many issues it has, coloured by the worst one. It sits
 * in a closed shadow root placed over the page just outside the field's bottom-right corner
 * (below it, or above when the field ends at the bottom of the window), never over the text,
 * and is hidden while the field is empty. Its count is a button: the door to the list of the
 * draft's issues.
 */

import type { Report } from "../shared/protocol";

const STYLE = `
.badge { position: absolute; display: flex; gap: 4px; align-items: center; pointer-events: none;
  font: 600 11px/16px system-ui, sans-serif; transform: translate(-100%, 0); }
.badge[data-above="true"] { transform: translate(-100%, -100%); }
.count { min-width: 16px; padding: 0 5px; border-radius: 8px; text-align: center; color: #fff; background: #188038;
  border: 0; font: inherit; cursor: pointer; pointer-events: auto; }
.count:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.count[data-level="error"] { background: #d93025; }
.count[data-level="warning"] { background: #e37400; }
.count[data-level="suggestion"] { background: #1a73e8; }
.chip, .meter { padding: 0 6px; border-radius: 8px; background: #f1f3f4; color: #3c4043; border: 1px solid #dadce0; }
.chip { pointer-events: auto; cursor: pointer; }
.chip:focus-visible { outline: 2px solid #1a73e8; }
.meter[data-over="true"] { background: #fce8e6; color: #a50e0e; border-color: #d93025; }
`;

export interface BadgeContent {
  /** Issues shown. */
  count: number;
  /** Worst severity among them. */
  level: "error" | "warning" | "suggestion" | "none";
  /** One-word tone label, when the core provides one. */
  tone?: string;
  /** Platform length meter, when the core provides one. */
  length?: { used: number; limit: number };
}

/** What the badge shows for a report (only the diagnostics still shown count). */
export function badgeContent(report: Report, shown: number, worst: BadgeContent["level"]): BadgeContent {
  const content: BadgeContent = { count: shown, level: worst };
  if (report.tone?.label !== undefined) content.tone = report.tone.label;
  if (report.platform !== undefined && report.platform !== null) {
    content.length = { used: report.platform.length, limit: report.platform.limit };
  }
  return content;
}

/** The badge's position, measured before the page is written to. */
export interface BadgeSpot {
  left: string;
  top: string;
  hidden: boolean;
  /** Placed above the field's bottom edge (no room below it in the window). */
  above: boolean;
}

/** Height kept free under a field for the badge; with less room in the window it goes above. */
const BADGE_ROOM = 20;

export class Badge {
  private readonly host: HTMLElement;
  private readonly box: HTMLDivElement;
  private readonly count: HTMLButtonElement;
  private readonly chip: HTMLSpanElement;
  private readonly meter: HTMLSpanElement;

  /** Whether there is something to show (a non-empty field was checked). */
  private shown = false;

  constructor(
    private readonly field: HTMLElement,
    onOpenList: () => void,
  ) {
    this.host = document.createElement("plume-badge");
    this.host.style.cssText = "position:absolute;left:0;top:0;width:0;height:0;z-index:2147483646;pointer-events:none;";
    const shadow = this.host.attachShadow({ mode: "closed" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    this.box = document.createElement("div");
    this.box.className = "badge";
    this.count = document.createElement("button");
    this.count.className = "count";
    this.count.dataset.action = "issue-list";
    // A click keeps the editor's focus and selection; the list opens beside the badge.
    this.count.addEventListener("mousedown", (event) => event.preventDefault());
    this.count.addEventListener("click", () => onOpenList());
    this.chip = document.createElement("span");
    this.chip.className = "chip";
    // The tone chip opens its explanation (tone-panel.ts), by pointer or keyboard.
    this.chip.tabIndex = 0;
    this.chip.setAttribute("role", "button");
    this.chip.setAttribute("aria-haspopup", "dialog");
    this.chip.dataset.plumeChip = "tone";
    this.chip.addEventListener("click", () => this.onChip?.(this.chip.getBoundingClientRect(), this.chip, false));
    this.chip.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      this.onChip?.(this.chip.getBoundingClientRect(), this.chip, true);
    });
    this.meter = document.createElement("span");
    this.meter.className = "meter";
    this.box.append(this.chip, this.meter, this.count);
    shadow.append(style, this.box);
    document.documentElement.append(this.host);
    // The page can find the badge's state (not the text) for accessibility tools and tests.
    this.host.setAttribute("role", "status");
    this.host.hidden = true;
  }

  /** Called when the tone chip is clicked or pressed (Enter, Space). */
  onChip: ((anchor: DOMRect, chip: HTMLElement, byKeyboard: boolean) => void) | undefined;

  /** The content and the position written last: an unchanged badge writes nothing to the page. */
  private written = "";
  private placed = "";

  /**
   * Shows `content` at `spot`. Callers that also write to the page measure the spot first
   * (`measure()`), before any write: reading geometry, even `window.scrollX`, after a write makes
   * the browser lay the page out again on the spot.
   */
  update(content: BadgeContent | null, spot: BadgeSpot = this.measure()): void {
    this.shown = content !== null;
    if (content === null) {
      // An empty field (tabbed through, or cleared) shows no badge.
      this.placed = "";
      this.host.hidden = true;
      this.host.dataset.count = "";
      return;
    }
    const key = JSON.stringify(content);
    if (key !== this.written) {
      this.written = key;
      this.count.textContent = String(content.count);
      this.count.dataset.level = content.level;
      const label = chrome.i18n.getMessage("badgeIssues", [String(content.count)]) || `Plume, issues in this draft: ${content.count}. Show the list`;
      this.host.setAttribute("aria-label", label);
      this.count.setAttribute("aria-label", label);
      this.host.dataset.count = String(content.count);
      this.chip.hidden = content.tone === undefined;
      // The core's label is an identifier (`Excited`); the chip shows its name in the UI language.
      this.chip.textContent = content.tone === undefined ? "" : chrome.i18n.getMessage(`toneLabel${content.tone}`) || content.tone;
      this.host.dataset.tone = content.tone ?? "";
      if (content.length === undefined) {
        this.meter.hidden = true;
        this.host.dataset.length = "";
      } else {
        this.meter.hidden = false;
        this.meter.textContent = `${content.length.used}/${content.length.limit}`;
        this.meter.dataset.over = String(content.length.used > content.length.limit);
        this.host.dataset.length = this.meter.textContent;
      }
    }
    this.place(spot);
  }

  /** Where the badge goes: just below the field's bottom-right corner, in page coordinates. */
  measure(): BadgeSpot {
    const r = this.field.getBoundingClientRect();
    const above = r.bottom + BADGE_ROOM > window.innerHeight;
    return {
      left: `${r.right + window.scrollX}px`,
      top: `${(above ? r.top - 2 : r.bottom + 2) + window.scrollY}px`,
      hidden: r.width === 0 && r.height === 0,
      above,
    };
  }

  /** The badge's rectangle on screen, where the issue list opens. */
  anchor(): DOMRect {
    return this.count.getBoundingClientRect();
  }

  /**
   * Follows the field's bottom-right corner (after scroll, resize, re-render). The box is shifted
   * by its own size in CSS (`translate(-100%, -100%)`), so placing it reads only the field's
   * rectangle and never the badge's, which would lay out the page again after each update.
   */
  place(spot: BadgeSpot = this.measure()): void {
    if (!this.shown) return;
    const placed = `${spot.left} ${spot.top} ${spot.hidden} ${spot.above}`;
    if (placed === this.placed) return;
    this.placed = placed;
    this.box.style.left = spot.left;
    this.box.style.top = spot.top;
    this.box.dataset.above = String(spot.above);
    this.host.hidden = spot.hidden;
  }

  dispose(): void {
    this.host.remove();
  }
}
