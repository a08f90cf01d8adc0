/**
 * Underlines for contenteditable fields through the CSS Custom Highlight API: one named
 * highlight per category (`plume-spelling`, `plume-tone`…), styled by `content.css`.
 * The editor's DOM is never touched.
 */

import type { Category } from "../shared/protocol";

const CATEGORIES: Category[] = ["spelling", "tone", "guideline", "platform", "grammar"];

/** Ranges currently drawn by each field, so several fields on one page do not erase each other. */
const drawn = new Map<object, Map<Category, Range[]>>();

/** The ranges each highlight shows (live: the DOM moves them as the text around them changes). */
const painted = new Map<Category, Range[]>();

function sameBoundaries(ranges: Range[], shown: Range[] | undefined): boolean {
  if (shown === undefined || shown.length !== ranges.length) return false;
  return ranges.every((r, i) => {
    const s = shown[i]!;
    return r.startContainer === s.startContainer && r.startOffset === s.startOffset && r.endContainer === s.endContainer && r.endOffset === s.endOffset;
  });
}

/**
 * Sets each category's highlight from every field's ranges. A highlight whose ranges cover the
 * same text as the one shown is left alone: replacing it would repaint every underline of that
 * colour for nothing (the usual case after a keystroke that only touched one word).
 */
function repaint(): void {
  for (const category of CATEGORIES) {
    const ranges: Range[] = [];
    for (const byCategory of drawn.values()) ranges.push(...(byCategory.get(category) ?? []));
    const name = `plume-${category}`;
    if (ranges.length === 0) {
      if (painted.delete(category)) CSS.highlights.delete(name);
      continue;
    }
    if (sameBoundaries(ranges, painted.get(category)) && CSS.highlights.has(name)) continue;
    CSS.highlights.set(name, new Highlight(...ranges));
    painted.set(category, ranges);
  }
}

/** Replaces the underlines drawn for `owner`. */
export function setHighlights(owner: object, ranges: Array<{ category: Category; range: Range }>): void {
  const byCategory = new Map<Category, Range[]>();
  for (const { category, range } of ranges) {
    const list = byCategory.get(category) ?? [];
    list.push(range);
    byCategory.set(category, list);
  }
  drawn.set(owner, byCategory);
  repaint();
}

export function clearHighlights(owner: object): void {
  if (drawn.delete(owner)) repaint();
}

export function highlightSupported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
}
