/**
 * Underlines for textarea and text inputs: a mirror of the field (same box, font and wrapping)
 * inside a shadow-DOM host placed over the page — never inside the field — where DOM Ranges over
 * the mirror's text give the rectangles to underline.
 *
 * The mirror's text is split at line breaks into blocks of a few thousand characters, and only
 * the blocks an edit changed are replaced, so the browser lays out again only those (a line
 * break ends a paragraph: text after it wraps the same whatever comes before). A paragraph too
 * long to lay out within the page's frame budget is not mirrored: that field gets the badge's
 * count but no underlines.
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
.mirror > div { display: block; }
.mark { position: absolute; height: 3px; pointer-events: none; background-repeat: repeat-x;
  background-size: 6px 3px; }
.mark[data-category="spelling"] { background-image: radial-gradient(circle at 50% 50%, #d93025 1.3px, transparent 1.6px); background-size: 4px 3px; background-repeat: repeat-x; }
.mark[data-category="grammar"] { background-color: #1a73e8; height: 2px; }
.mark[data-category="tone"] { background-color: #e37400; height: 2px; }
.mark[data-category="guideline"] { background-color: #8430ce; height: 2px; }
.mark[data-category="platform"] { background-image: repeating-linear-gradient(90deg, #a50e0e 0 3px, transparent 3px 5px); height: 2px; }
`;

export interface MarkRequest {
  key: number;
  category: Category;
  rule: string;
  start: number;
  end: number;
}

/**
 * Longest paragraph (text between line breaks) mirrored, in UTF-16 units. Laying out a longer
 * one blocks the page's main thread for tens of milliseconds on every edit; no social network
 * accepts a post that long.
 */
export const MAX_MIRRORED_PARAGRAPH = 20_000;
/** Paragraphs are grouped into mirror blocks of at least this many UTF-16 units. */
const BLOCK_LENGTH = 2_000;

/** Splits `text` at line breaks into blocks of whole lines (the break between blocks dropped). */
export function mirrorBlocks(text: string): string[] | null {
  const lines = text.split("\n");
  const blocks: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (line.length > MAX_MIRRORED_PARAGRAPH) return null;
    current.push(line);
    length += line.length + 1;
    if (length >= BLOCK_LENGTH) {
      blocks.push(current.join("\n"));
      current = [];
      length = 0;
    }
  }
  if (current.length > 0 || blocks.length === 0) blocks.push(current.join("\n"));
  return blocks;
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
  /** The mirror's blocks (one text node each) and the offset in the field's value where each starts. */
  private blockTexts: string[] = [];
  private blockStarts: number[] = [];
  /** The value mirrored last, or null when a paragraph was too long to mirror. */
  private mirrored: string | null = "";
  /** The value last refused for a paragraph too long to mirror (not split again on each redraw). */
  private refused: string | null = null;

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

  /** Style values copied to the mirror last, to write only what changed. */
  private copied = new Map<string, string>();
  /** The field's scroll offsets copied to the mirror last. */
  private scrolled = { top: 0, left: 0 };
  /** What each box on screen shows, to rewrite only boxes that changed. */
  private readonly shown = new WeakMap<HTMLElement, string>();

  /**
   * Reads the field's geometry, then copies its box and font onto the mirror: every read of the
   * page first, then only the values that changed are written, so the page is laid out at most
   * once here (reading geometry after writing would force a second synchronous layout).
   */
  private sync(): { rect: DOMRect; scrollX: number; scrollY: number; scrollTop: number; scrollLeft: number } {
    const field = this.field;
    const { scrollX, scrollY } = window;
    const computed = getComputedStyle(field);
    const wanted = new Map<string, string>();
    for (const property of COPIED_PROPERTIES) wanted.set(property, computed.getPropertyValue(property));
    const isTextarea = field instanceof HTMLTextAreaElement;
    // A visible scrollbar narrows the field's text; narrow the mirror the same way.
    const borders = parseFloat(computed.borderLeftWidth) + parseFloat(computed.borderRightWidth);
    const scrollbar = Math.max(0, field.offsetWidth - field.clientWidth - borders);
    const rect = field.getBoundingClientRect();
    const { scrollTop, scrollLeft } = field;
    wanted.set("white-space", isTextarea ? "pre-wrap" : "pre");
    wanted.set("overflow-wrap", isTextarea ? "break-word" : "normal");
    wanted.set("padding-right", `${parseFloat(computed.paddingRight) + scrollbar}px`);
    wanted.set("left", `${rect.left + scrollX}px`);
    wanted.set("top", `${rect.top + scrollY}px`);
    wanted.set("width", `${rect.width}px`);
    wanted.set("height", `${rect.height}px`);
    wanted.set("box-sizing", "border-box");
    const style = this.mirror.style;
    for (const [property, setting] of wanted) {
      if (this.copied.get(property) !== setting) style.setProperty(property, setting);
    }
    this.copied = wanted;
    return { rect, scrollX, scrollY, scrollTop, scrollLeft };
  }

  /** Puts `value`, split into `blocks`, in the mirror, replacing only the blocks that changed. */
  private mirrorText(value: string, blocks: string[]): boolean {
    if (value === this.mirrored) return false;
    this.mirrored = value;
    const divs = this.mirror.children;
    const starts: number[] = [];
    let start = 0;
    blocks.forEach((block, index) => {
      starts.push(start);
      start += block.length + 1;
      if (this.blockTexts[index] === block && divs[index] !== undefined) return;
      // An empty block or one ending in a line break would collapse its last line.
      const shown = block === "" || block.endsWith("\n") ? `${block}\u200b` : block;
      const div = divs[index];
      if (div === undefined) {
        const created = document.createElement("div");
        created.textContent = shown;
        this.mirror.append(created);
      } else {
        div.textContent = shown;
      }
    });
    while (divs.length > blocks.length) divs[divs.length - 1]!.remove();
    this.blockTexts = blocks;
    this.blockStarts = starts;
    return true;
  }

  /** The text node and offset of `offset` (UTF-16, in the field's value), or null. */
  private position(offset: number): [Text, number] | null {
    const starts = this.blockStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const node = this.mirror.children[low]?.firstChild;
    const within = offset - (starts[low] ?? 0);
    const block = this.blockTexts[low];
    if (!(node instanceof Text) || block === undefined || within > block.length) return null;
    return [node, within];
  }

  /** Draws `marks` (UTF-16 spans of the field's value) and remembers their rectangles. */
  draw(marks: MarkRequest[]): void {
    this.marks = marks;
    this.redraw();
  }

  /**
   * Recomputes every rectangle, after a check, a scroll, a resize or a re-render. The mirror's
   * rectangles are all read before any box is written, and boxes already on screen are reused
   * (only what changed is written), so a redraw costs one layout of the mirror and repaints little.
   */
  redraw(): void {
    this.drawnMarks = [];
    // A field with a paragraph too long to mirror is not measured at all (no forced layout).
    const value = this.field.value;
    if (value === this.refused) return;
    const blocks = value === this.mirrored ? this.blockTexts : mirrorBlocks(value);
    if (blocks === null) {
      this.refused = value;
      this.mirrored = null;
      this.blockTexts = [];
      this.blockStarts = [];
      this.mirror.replaceChildren();
      this.layer.replaceChildren();
      return;
    }
    const { rect: fieldRect, scrollX, scrollY, scrollTop, scrollLeft } = this.sync();
    const textChanged = this.mirrorText(value, blocks);
    // Writing a scroll offset lays the mirror out at once: only when the field scrolled, or when
    // new text may have moved (clamped) the mirror's own offset.
    if (textChanged || this.scrolled.top !== scrollTop || this.scrolled.left !== scrollLeft) {
      this.mirror.scrollTop = scrollTop;
      this.mirror.scrollLeft = scrollLeft;
      this.scrolled = { top: scrollTop, left: scrollLeft };
    }
    const wanted: Array<{ mark: MarkRequest; rect: DOMRect }> = [];
    for (const mark of this.marks) {
      const start = this.position(mark.start);
      const end = this.position(mark.end);
      if (start === null || end === null) continue;
      const range = document.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      const rects = [...range.getClientRects()].filter(
        (r) =>
          r.width > 0 &&
          r.bottom > fieldRect.top &&
          r.top < fieldRect.bottom &&
          r.right > fieldRect.left &&
          r.left < fieldRect.right,
      );
      this.drawnMarks.push({ key: mark.key, rects });
      for (const rect of rects) wanted.push({ mark, rect });
    }
    const boxes = this.layer.children;
    for (const [index, { mark, rect }] of wanted.entries()) {
      let box = boxes[index] as HTMLElement | undefined;
      if (box === undefined) {
        box = document.createElement("div");
        box.className = "mark";
        this.layer.append(box);
      }
      const left = Math.max(rect.left, fieldRect.left);
      const right = Math.min(rect.right, fieldRect.right);
      const x = `${left + scrollX}px`;
      const y = `${rect.bottom - 2 + scrollY}px`;
      const width = `${right - left}px`;
      const signature = [mark.category, mark.rule, mark.start, mark.end, x, y, width].join("\u0000");
      if (this.shown.get(box) === signature) continue;
      this.shown.set(box, signature);
      box.dataset.category = mark.category;
      box.dataset.rule = mark.rule;
      box.dataset.start = String(mark.start);
      box.dataset.end = String(mark.end);
      box.style.left = x;
      box.style.top = y;
      box.style.width = width;
    }
    while (boxes.length > wanted.length) boxes[boxes.length - 1]!.remove();
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
