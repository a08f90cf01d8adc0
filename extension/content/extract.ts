/**
 * Reads a contenteditable field in one DOM walk: its plain text (blocks become "\n") and a map
 * from UTF-16 offsets back to the DOM, so diagnostics become Ranges and fixes land in place.
 * Text nodes map character for character; atoms (emoji images, mentions and other
 * non-editable islands) map as one unit that no edit may split.
 */

/** How one editor framework lays out its DOM: what is scaffolding, what is an atom. */
export interface WalkRules {
  /** Selector of elements that are editor scaffolding: skipped with their subtree. */
  readonly skip: string;
  /** Selector of elements read as one indivisible unit (beside `img` and non-editable islands). */
  readonly atom: string;
}

export interface TextSegment {
  kind: "text";
  node: Text;
  start: number;
  end: number;
}

export interface AtomSegment {
  kind: "atom";
  element: Element;
  start: number;
  end: number;
}

export type Segment = TextSegment | AtomSegment;

export interface TextMap {
  text: string;
  /** In document order, non-overlapping; gaps between them are synthetic line breaks. */
  segments: Segment[];
}

/** Scaffolding every framework shares: placeholders, zero-width anchors, caret helpers. */
const COMMON_SKIP = "script, style, template, [data-slate-placeholder], [data-lexical-decorator-placeholder]";

const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE",
  "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P",
  "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL",
]);

/** Characters frameworks put in the DOM that are not part of the text the user wrote. */
const INVISIBLE = /[\u200b\ufeff]/g;

function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.tagName);
}

/** Whether `node` is followed by nothing but empty text up to the end of its block. */
function endsItsBlock(node: Node, root: Node): boolean {
  for (let current: Node | null = node; current !== null && current !== root; current = current.parentNode) {
    for (let next = current.nextSibling; next !== null; next = next.nextSibling) {
      if (next.nodeType === Node.TEXT_NODE && (next as Text).data.replace(INVISIBLE, "") === "") continue;
      if (next.nodeType === Node.ELEMENT_NODE && isBlock(next as Element)) return true;
      if (next.nodeType === Node.COMMENT_NODE) continue;
      return false;
    }
    if (current.parentNode instanceof Element && isBlock(current.parentNode)) return true;
  }
  return true;
}

function atomText(element: Element): string {
  if (element instanceof HTMLImageElement) return element.alt !== "" ? element.alt : "\ufffc";
  const text = (element.textContent ?? "").replace(INVISIBLE, "").replace(/\s+/g, " ");
  return text === "" ? "\ufffc" : text;
}

/** Walks `root` and returns its text and offset map. */
export function extractText(root: HTMLElement, rules: WalkRules): TextMap {
  const skip = rules.skip === "" ? COMMON_SKIP : `${COMMON_SKIP}, ${rules.skip}`;
  const atom = rules.atom === "" ? "img, [contenteditable=false]" : `img, [contenteditable=false], ${rules.atom}`;
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let lineHasContent = false;
  let pendingBreak = false;
  const append = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  const newline = (): void => {
    append("\n");
    lineHasContent = false;
    pendingBreak = false;
  };
  const beforeContent = (): void => {
    if (pendingBreak) newline();
    lineHasContent = true;
  };
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (text.data.replace(INVISIBLE, "") === "") return;
      beforeContent();
      // Stray zero-width characters inside real text stay: offsets must match the DOM.
      segments.push({ kind: "text", node: text, start: length, end: length + text.data.length });
      append(text.data);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.matches(skip)) return;
    if (element.matches(atom)) {
      const text = atomText(element);
      beforeContent();
      segments.push({ kind: "atom", element, start: length, end: length + text.length });
      append(text);
      return;
    }
    if (element.tagName === "BR") {
      if (!endsItsBlock(element, root)) {
        if (pendingBreak) newline();
        newline();
      }
      return;
    }
    const block = isBlock(element);
    if (block && (pendingBreak || lineHasContent)) newline();
    for (let child = element.firstChild; child !== null; child = child.nextSibling) visit(child);
    if (block) pendingBreak = true;
  };
  for (let child = root.firstChild; child !== null; child = child.nextSibling) visit(child);
  return { text: parts.join(""), segments };
}

export interface Boundary {
  node: Node;
  offset: number;
}

function before(element: Element): Boundary {
  const parent = element.parentNode!;
  return { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, element) };
}

function after(element: Element): Boundary {
  const { node, offset } = before(element);
  return { node, offset: offset + 1 };
}

/** Where a range starting at `offset` begins: offsets in a line break snap forward. */
function startBoundary(map: TextMap, offset: number): Boundary | null {
  const segment = map.segments.find((s) => s.end > offset) ?? map.segments[map.segments.length - 1];
  if (segment === undefined) return null;
  if (segment.kind === "atom") return offset >= segment.end ? after(segment.element) : before(segment.element);
  const within = Math.min(Math.max(offset - segment.start, 0), segment.node.data.length);
  return { node: segment.node, offset: within };
}

/** Where a range ending at `offset` ends: offsets in a line break snap back. */
function endBoundary(map: TextMap, offset: number): Boundary | null {
  let segment: Segment | undefined;
  for (const s of map.segments) {
    if (s.start >= offset && segment !== undefined) break;
    segment = s;
  }
  if (segment === undefined) return null;
  if (segment.kind === "atom") return offset <= segment.start ? before(segment.element) : after(segment.element);
  const within = Math.min(Math.max(offset - segment.start, 0), segment.node.data.length);
  return { node: segment.node, offset: within };
}

/** A DOM Range covering `[start, end)` of the extracted text, or null when the map is empty. */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const from = startBoundary(map, start);
  const to = endBoundary(map, end);
  if (from === null || to === null) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The DOM position of a caret at `offset` (at a node boundary: the end of the earlier node). */
export function caretAt(map: TextMap, offset: number): Boundary | null {
  return endBoundary(map, offset);
}

/** Whether `[start, end)` covers any part of an atom (a span may touch an atom, not include it). */
export function overlapsAtom(map: TextMap, start: number, end: number): boolean {
  return map.segments.some((s) => s.kind === "atom" && s.start < end && s.end > start);
}

/** Whether every DOM node the map points to is still in the document. */
export function mapIsLive(map: TextMap): boolean {
  return map.segments.every((s) => (s.kind === "text" ? s.node.isConnected : s.element.isConnected));
}

/**
 * The offset in the extracted text of a DOM position (a caret), or null when the position is not
 * inside the mapped text. Text nodes map character for character; a position between nodes
 * counts every segment before it.
 */
export function offsetOf(map: TextMap, node: Node, offset: number): number | null {
  for (const segment of map.segments) {
    if (segment.kind === "text" && segment.node === node) return segment.start + Math.min(offset, segment.end - segment.start);
  }
  const point = document.createRange();
  try {
    point.setStart(node, offset);
  } catch {
    return null;
  }
  let result: number | null = null;
  for (const segment of map.segments) {
    const target = segment.kind === "text" ? segment.node : segment.element;
    if (!target.isConnected) return null;
    // The segment starts before the caret: the caret is at least past its start.
    if (point.comparePoint(target, 0) <= 0) {
      const length = segment.kind === "text" ? segment.node.data.length : segment.element.childNodes.length;
      result = point.comparePoint(target, length) < 0 ? segment.end : segment.start;
    } else {
      break;
    }
  }
  return result ?? 0;
}
