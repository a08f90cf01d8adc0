/**
 * Underlines for textarea and text inputs: a mirror of the field (same box, font and wrapping)
 * inside a shadow-DOM host placed over the page — never inside the field — where DOM Ranges over
 * the mirror's text give the rectangles to underline.
 */

import type { Category } from "../shared/protocol";

export type TextField = HTMLTextAreaElement | HTMLInputElement;

/** Computed-style properties that decide where text lays out. */
const COPIED_PROPERTIES = [
  "box-sizing", "width", "height", "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
  "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
  "font-family", "font-size", "font-style", "font-variant", "font-weight", "font-stretch",
  "font-kerning", "font-feature-settings", "line-height", "letter-spacing", "word-spacing",
  "text-transform", "text-indent", "text-align", "tab-size", "direction", "writing-mode",
];

const STYLE = `
:host { all: initial; }
.mirror { position: absolute; overflow: hidden; color: transparent; border-color: transparent;
  background: transparent; margin: 0; pointer-events: none; }
.mark { position: absolute; height: 3px; pointer-events: none; background-repeat: repeat-x;
  background-size: 6px 3px; }
.mark[data-category="spelling"] { background-image: radial-gradient(circle at 50% 50%, #d93025 1.3px, transparent 1.6px); background-size: 4px 3px; background-repeat: repeat-x; }
.mark[data-category="grammar"] { background-color: #1a73e8; height: 2px; }
.mark[data-category="tone"] { background-color: #e37400; height: 2px; }
.mark[data-category="guideline"] { background-color: #8430ce; height: 2px; }
.mark[data-category="platform"] { background-color: #188038; height: 2px; }
`;

export interface MarkRequest {
  key: number;
  category: Category;
  rule: string;
  start: number;
  end: number;
}

export interface DrawnMark {
  key: number;
  rects: DOMRect[];
}

export class MirrorOverlay {
  private readonly host: HTMLElement;
  private readonly mirror: HTMLDivElement;
  private readonly layer: HTMLDivElement;
  private marks: MarkRequest[] = [];
  private drawnMarks: DrawnMark[] = [];

  constructor(private readonly field: TextField) {
    this.host = document.createElement("plume-overlay");
    this.host.style.cssText =
      "position:absolute;left:0;top:0;width:0;height:0;overflow:visible;pointer-events:none;z-index:2147483646;";
    const shadow = this.host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    this.mirror = document.createElement("div");
    this.mirror.className = "mirror";
    this.layer = document.createElement("div");
    shadow.append(style, this.mirror, this.layer);
    document.documentElement.append(this.host);
  }

  /** Copies the field's geometry and text into the mirror. */
  private sync(): DOMRect {
    const field = this.field;
    const computed = getComputedStyle(field);
    const style = this.mirror.style;
    for (const property of COPIED_PROPERTIES) {
      style.setProperty(property, computed.getPropertyValue(property));
    }
    const isTextarea = field instanceof HTMLTextAreaElement;
    style.whiteSpace = isTextarea ? "pre-wrap" : "pre";
    style.overflowWrap = isTextarea ? "break-word" : "normal";
    // A visible scrollbar narrows the field's text; narrow the mirror the same way.
    const borders =
      parseFloat(computed.borderLeftWidth) + parseFloat(computed.borderRightWidth);
    const scrollbar = Math.max(0, field.offsetWidth - field.clientWidth - borders);
    style.paddingRight = `${parseFloat(computed.paddingRight) + scrollbar}px`;
    const rect = field.getBoundingClientRect();
    style.left = `${rect.left + window.scrollX}px`;
    style.top = `${rect.top + window.scrollY}px`;
    style.width = `${rect.width}px`;
    style.height = `${rect.height}px`;
    style.boxSizing = "border-box";
    // A trailing newline would otherwise collapse; the zero-width space keeps the last line.
    const text = field.value.endsWith("\n") ? `${field.value}\u200b` : field.value;
    if (this.mirror.textContent !== text) this.mirror.textContent = text;
    this.mirror.scrollTop = field.scrollTop;
    this.mirror.scrollLeft = field.scrollLeft;
    return rect;
  }

  /** Draws `marks` (UTF-16 spans of the field's value) and remembers their rectangles. */
  draw(marks: MarkRequest[]): void {
    this.marks = marks;
    this.redraw();
  }

  /** Recomputes every rectangle, after a scroll, a resize or a re-render. */
  redraw(): void {
    const fieldRect = this.sync();
    const textNode = this.mirror.firstChild;
    const boxes: HTMLElement[] = [];
    this.drawnMarks = [];
    for (const mark of this.marks) {
      if (!(textNode instanceof Text) || mark.end > textNode.data.length) continue;
      const range = document.createRange();
      range.setStart(textNode, mark.start);
      range.setEnd(textNode, mark.end);
      const rects = [...range.getClientRects()].filter(
        (r) =>
          r.width > 0 &&
          r.bottom > fieldRect.top &&
          r.top < fieldRect.bottom &&
          r.right > fieldRect.left &&
          r.left < fieldRect.right,
      );
      this.drawnMarks.push({ key: mark.key, rects });
      for (const r of rects) {
        const box = document.createElement("div");
        box.className = "mark";
        box.dataset.category = mark.category;
        box.dataset.rule = mark.rule;
        box.dataset.start = String(mark.start);
        box.dataset.end = String(mark.end);
        const left = Math.max(r.left, fieldRect.left);
        const right = Math.min(r.right, fieldRect.right);
        box.style.left = `${left + window.scrollX}px`;
        box.style.top = `${r.bottom - 2 + window.scrollY}px`;
        box.style.width = `${right - left}px`;
        boxes.push(box);
      }
    }
    this.layer.replaceChildren(...boxes);
  }

  /** The marks drawn by the last redraw, with their visible rectangles. */
  drawn(): readonly DrawnMark[] {
    return this.drawnMarks;
  }

  /** The mark under a viewport point, with the rectangle hit. */
  hitTest(x: number, y: number): { key: number; rect: DOMRect } | null {
    for (const mark of this.drawnMarks) {
      for (const rect of mark.rects) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom + 3) {
          return { key: mark.key, rect };
        }
      }
    }
    return null;
  }

  dispose(): void {
    this.host.remove();
  }
}
