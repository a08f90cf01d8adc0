/**
 * Underlines for contenteditable fields through the CSS Custom Highlight API: one named
 * highlight per category (`plume-spelling`, `plume-tone`…), styled by `content.css`.
 * The editor's DOM is never touched.
 */

import type { Category } from "../shared/protocol";

const CATEGORIES: Category[] = ["spelling", "tone", "guideline", "platform", "grammar"];

/** Ranges currently drawn by each field, so several fields on one page do not erase each other. */
const drawn = new Map<object, Map<Category, Range[]>>();

function repaint(): void {
  for (const category of CATEGORIES) {
    const ranges: Range[] = [];
    for (const byCategory of drawn.values()) ranges.push(...(byCategory.get(category) ?? []));
    const name = `plume-${category}`;
    if (ranges.length === 0) CSS.highlights.delete(name);
    else CSS.highlights.set(name, new Highlight(...ranges));
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
