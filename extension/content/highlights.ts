/**
 * Underlines for contenteditable fields through the CSS Custom Highlight API: one named
 * highlight per category (`plume-spelling`, `plume-tone`…), styled by `content.css`.
 * The editor's DOM is never touched.
 */

import type { Category } from "../shared/protocol";

const CATEGORIES: Category[] = ["spelling", "tone", "guideline", "platform", "grammar"];

/** Ranges currently drawn by each field, so several fields on one page do not erase each other. */
const drawn = new Map<object, Map<Category, Range[]>>();

/** The highlight registered for each category, updated in place from one check to the next. */
const shown = new Map<Category, Highlight>();

/** Small numbers standing for nodes, to key ranges by their boundary points. */
const nodeIds = new WeakMap<Node, number>();
let lastNodeId = 0;

function nodeId(node: Node): number {
  let id = nodeIds.get(node);
  if (id === undefined) nodeIds.set(node, (id = ++lastNodeId));
  return id;
}

/** Where a range starts and ends (ranges are live: the DOM moves them as the text around them changes). */
function boundaryKey(range: AbstractRange): string {
  return `${nodeId(range.startContainer)}:${range.startOffset}:${nodeId(range.endContainer)}:${range.endOffset}`;
}

/**
 * Sets each category's highlight from every field's ranges, changing only what differs: ranges
 * already shown stay, gone ones are deleted, new ones added. After a keystroke that touched one
 * word, one range changes instead of every underline of that colour being replaced.
 */
function repaint(): void {
  for (const category of CATEGORIES) {
    const ranges: Range[] = [];
    for (const byCategory of drawn.values()) ranges.push(...(byCategory.get(category) ?? []));
    const name = `plume-${category}`;
    let highlight = shown.get(category);
    if (ranges.length === 0) {
      if (highlight !== undefined) {
        shown.delete(category);
        CSS.highlights.delete(name);
      }
      continue;
    }
    if (highlight === undefined || CSS.highlights.get(name) !== highlight) {
      highlight = new Highlight(...ranges);
      shown.set(category, highlight);
      CSS.highlights.set(name, highlight);
      continue;
    }
    const wanted = new Map<string, Range>();
    for (const range of ranges) wanted.set(boundaryKey(range), range);
    for (const range of [...highlight]) {
      const key = boundaryKey(range);
      if (wanted.has(key)) wanted.delete(key);
      else highlight.delete(range);
    }
    for (const range of wanted.values()) highlight.add(range);
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
