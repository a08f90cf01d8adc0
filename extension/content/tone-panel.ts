/**
 * The tone chip's explanation: a panel (closed shadow root, top layer, beside the badge) with the
 * draft's tone scores, the brand's tone target, and the phrases that pull each score, each one a
 * button that selects its place in the draft. Opened by clicking the chip or pressing Enter or
 * Space on it; Escape closes it and gives the focus back to the chip. Text reaches the DOM
 * through `textContent` only; the editor's DOM is never written (selecting a phrase only moves
 * the selection).
 */

import type { Report } from "../shared/protocol";
import { extractText, rangeFor } from "./extract";
import { editorKindOf } from "./adapters/index";

/** The dimensions the panel lists, in order, with their message key and English fallback. */
const DIMENSIONS: ReadonlyArray<[string, string, string]> = [
  ["sentiment", "toneDimSentiment", "Sentiment"],
  ["aggression", "toneDimAggression", "Aggression"],
  ["profanity", "toneDimProfanity", "Profanity"],
  ["shouting", "toneDimShouting", "Shouting"],
  ["excitement", "toneDimExcitement", "Excitement"],
  ["hype", "toneDimHype", "Hype"],
  ["formality", "toneDimFormality", "Formality"],
  ["hedging", "toneDimHedging", "Hedging"],
  ["inclusive", "toneDimInclusive", "Inclusive language"],
];

const STYLE = `
.panel { position: fixed; max-width: 340px; max-height: 60vh; overflow: auto; padding: 10px 12px;
  background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); font: 13px/1.4 system-ui, sans-serif; }
h2 { font-size: 14px; margin: 0 0 6px; }
h3 { font-size: 12px; margin: 8px 0 2px; color: #5f6368; text-transform: uppercase; letter-spacing: .03em; }
.score { display: flex; justify-content: space-between; gap: 12px; }
.target { margin: 4px 0; color: #3c4043; }
.target[data-on="false"] { color: #a50e0e; }
ul { list-style: none; margin: 0; padding: 0; }
button.pull { all: unset; cursor: pointer; display: inline-block; margin: 1px 0; padding: 0 4px;
  border-radius: 4px; background: #f1f3f4; }
button.pull:focus-visible, button.pull:hover { outline: 2px solid #1a73e8; }
button.pull[data-way="down"] { background: #fce8e6; }
button.pull[data-way="up"] { background: #e6f4ea; }
.empty { color: #5f6368; }
`;

function t(key: string, fallback: string, ...substitutions: string[]): string {
  return chrome.i18n.getMessage(key, substitutions) || fallback;
}

interface Pull {
  dimension: string;
  utf16: { start: number; end: number };
  weight: number;
}

/** The pulls of a report's tone block, checked field by field (the report crosses a boundary). */
function pullsOf(report: Report): Pull[] {
  const raw = report.tone?.["pulls"];
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (p): p is Pull =>
      typeof p === "object" &&
      p !== null &&
      typeof p.dimension === "string" &&
      typeof p.weight === "number" &&
      typeof p.utf16?.start === "number" &&
      typeof p.utf16?.end === "number",
  );
}

function scoresOf(report: Report): Record<string, number> {
  const raw = report.tone?.["scores"];
  const out: Record<string, number> = {};
  if (typeof raw !== "object" || raw === null) return out;
  for (const [key, value] of Object.entries(raw)) if (typeof value === "number") out[key] = value;
  return out;
}

/** The target's limits as short lines (`Formality 0.40–0.80`). */
function targetLines(target: unknown): string[] {
  if (typeof target !== "object" || target === null) return [];
  const tg = target as Record<string, unknown>;
  const lines: string[] = [];
  const num = (v: unknown): string | null => (typeof v === "number" ? v.toFixed(2) : null);
  const range = tg["formality"] as { min?: unknown; max?: unknown } | undefined;
  if (range !== undefined && num(range.min) !== null && num(range.max) !== null) {
    lines.push(`${t("toneDimFormality", "Formality")} ${num(range.min)}–${num(range.max)}`);
  }
  const minSentiment = num(tg["min_sentiment"]);
  if (minSentiment !== null) lines.push(`${t("toneDimSentiment", "Sentiment")} ≥ ${minSentiment}`);
  const maxHype = num(tg["max_hype"]);
  if (maxHype !== null) lines.push(`${t("toneDimHype", "Hype")} ≤ ${maxHype}`);
  const maxAggression = num(tg["max_aggression"]);
  if (maxAggression !== null) lines.push(`${t("toneDimAggression", "Aggression")} ≤ ${maxAggression}`);
  if (typeof tg["max_exclamations"] === "number") {
    lines.push(t("tonePanelMaxExclamations", `At most ${tg["max_exclamations"]} “!”`, String(tg["max_exclamations"])));
  }
  if (tg["no_shouting"] === true) lines.push(t("toneNoShouting", "No shouting (words in capitals)"));
  if (tg["no_profanity"] === true) lines.push(t("toneNoProfanity", "No profanity"));
  return lines;
}

/** Selects UTF-16 `start..end` of the field's text (the core's offsets), without editing it. */
export function selectInField(field: HTMLElement, start: number, end: number): void {
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
    field.focus();
    field.setSelectionRange(start, end);
    return;
  }
  const range = rangeFor(extractText(field, editorKindOf(field).rules), start, end);
  if (range === null) return;
  field.focus();
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  range.startContainer.parentElement?.scrollIntoView({ block: "nearest" });
}

export class TonePanel {
  private readonly host: HTMLElement;
  private readonly panel: HTMLDivElement;
  private returnFocus: HTMLElement | null = null;

  constructor() {
    this.host = document.createElement("plume-tone-panel");
    this.host.setAttribute("popover", "manual");
    this.host.style.cssText = "position:fixed;inset:auto;margin:0;padding:0;border:0;background:transparent;overflow:visible;";
    const shadow = this.host.attachShadow({ mode: "closed" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    this.panel = document.createElement("div");
    this.panel.className = "panel";
    this.panel.tabIndex = -1;
    this.panel.setAttribute("role", "dialog");
    this.panel.setAttribute("aria-label", t("tonePanelTitle", "Why this tone"));
    this.panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        this.hide();
      }
    });
    shadow.append(style, this.panel);
    document.documentElement.append(this.host);
  }

  get isOpen(): boolean {
    return this.host.matches(":popover-open");
  }

  /**
   * Shows the explanation of `report` (checked for `field`'s text) below `anchor` (the chip's
   * rectangle); `returnFocus` gets the focus back on Escape.
   */
  show(report: Report, field: HTMLElement, anchor: DOMRect, returnFocus: HTMLElement | null, byKeyboard: boolean): void {
    this.returnFocus = returnFocus;
    this.panel.replaceChildren();
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = ""): HTMLElementTagNameMap[K] => {
      const node = document.createElement(tag);
      node.textContent = text;
      return node;
    };
    const label = typeof report.tone?.label === "string" ? report.tone.label : "";
    const title = el("h2", `${t("tonePanelTitle", "Why this tone")}: ${t(`toneLabel${label}`, label)}`);
    title.dataset.label = label;
    this.panel.append(title);

    const scores = scoresOf(report);
    const scoreList = el("ul");
    scoreList.className = "scores";
    for (const [dimension, key, fallback] of DIMENSIONS) {
      const value = scores[dimension];
      if (value === undefined) continue;
      const row = el("li");
      row.className = "score";
      row.dataset.dimension = dimension;
      row.append(el("span", t(key, fallback)), el("span", value.toFixed(2)));
      scoreList.append(row);
    }
    this.panel.append(scoreList);

    const target = report.tone?.["target"];
    const onTarget = report.tone?.["on_target"];
    if (target !== undefined) {
      this.panel.append(el("h3", t("tonePanelTarget", "Brand target")));
      const status = el(
        "p",
        onTarget === false ? t("tonePanelOffTarget", "The draft is off target") : t("tonePanelOnTarget", "The draft is on target"),
      );
      status.className = "target";
      status.dataset.on = String(onTarget !== false);
      this.panel.append(status);
      const lines = el("ul");
      for (const line of targetLines(target)) lines.append(el("li", line));
      this.panel.append(lines);
    } else {
      const none = el("p", t("tonePanelNoTarget", "No brand target is set."));
      none.className = "empty";
      this.panel.append(none);
    }

    const pulls = pullsOf(report);
    const text = field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : null;
    let first: HTMLButtonElement | null = null;
    for (const [dimension, key, fallback] of DIMENSIONS) {
      const mine = pulls.filter((p) => p.dimension === dimension);
      if (mine.length === 0) continue;
      this.panel.append(el("h3", t(key, fallback)));
      const list = el("ul");
      list.dataset.dimension = dimension;
      for (const pull of mine) {
        const item = el("li");
        const phrase = text?.slice(pull.utf16.start, pull.utf16.end) ?? this.phraseIn(field, pull);
        const button = el("button", phrase);
        button.className = "pull";
        button.type = "button";
        button.dataset.dimension = dimension;
        button.dataset.start = String(pull.utf16.start);
        button.dataset.end = String(pull.utf16.end);
        button.dataset.way = pull.weight < 0 ? "down" : "up";
        button.dataset.pull = `${dimension}:${pull.utf16.start}-${pull.utf16.end}`;
        button.title = pull.weight.toFixed(2);
        button.addEventListener("click", () => {
          this.hide(false);
          selectInField(field, pull.utf16.start, pull.utf16.end);
        });
        first ??= button;
        item.append(button);
        list.append(item);
      }
      this.panel.append(list);
    }
    if (pulls.length === 0) {
      const none = el("p", t("tonePanelNoPulls", "No phrase moves the tone much."));
      none.className = "empty";
      this.panel.append(none);
    }

    this.panel.style.left = `${Math.max(8, Math.min(anchor.left, window.innerWidth - 348))}px`;
    this.panel.style.top = `${Math.min(anchor.bottom + 6, window.innerHeight - 80)}px`;
    if (!this.isOpen) this.host.showPopover();
    if (byKeyboard) (first ?? this.panel).focus();
  }

  /** The phrase of a pull in a rich field, read from its extracted text. */
  private phraseIn(field: HTMLElement, pull: Pull): string {
    return extractText(field, editorKindOf(field).rules).text.slice(pull.utf16.start, pull.utf16.end);
  }

  hide(restoreFocus = true): void {
    if (this.isOpen) this.host.hidePopover();
    if (restoreFocus) this.returnFocus?.focus();
  }

  dispose(): void {
    this.host.remove();
  }
}
