/**
 * Reads a contenteditable field in one DOM walk: its plain text (blocks become "\n") and a map
 * from UTF-16 offsets back to DOM text nodes, so diagnostics can become DOM Ranges.
 */

/** A text node and where its data starts in the extracted text. */
interface Segment {
  node: Text;
  start: number;
}

export interface TextMap {
  text: string;
  segments: Segment[];
}

const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE",
  "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P",
  "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL",
]);

/** Walks `root` and returns its text and offset map. */
export function extractText(root: HTMLElement): TextMap {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let pendingBreak = false;
  const endsWithBreak = (): boolean => parts.length === 0 || parts[parts.length - 1]!.endsWith("\n");
  const append = (s: string): void => {
    parts.push(s);
    length += s.length;
  };
  const breakLine = (): void => {
    if (!endsWithBreak()) append("\n");
    pendingBreak = false;
  };
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      if (text.data.length === 0) return;
      if (pendingBreak) breakLine();
      segments.push({ node: text, start: length });
      append(text.data);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.tagName === "BR") {
      append("\n");
      pendingBreak = false;
      return;
    }
    const block = BLOCK_TAGS.has(element.tagName);
    if (block && length > 0) pendingBreak = true;
    for (let child = element.firstChild; child !== null; child = child.nextSibling) visit(child);
    if (block) pendingBreak = true;
  };
  for (let child = root.firstChild; child !== null; child = child.nextSibling) visit(child);
  return { text: parts.join(""), segments };
}

/** The DOM position of a text offset; offsets in synthetic line breaks snap to the next node. */
function positionOf(map: TextMap, offset: number, preferEnd: boolean): { node: Text; offset: number } | null {
  const { segments } = map;
  if (segments.length === 0) return null;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo]!;
  const length = segment.node.data.length;
  const within = offset - segment.start;
  if (within < 0) return { node: segment.node, offset: 0 };
  const atOrPastEnd = within > length || (within === length && !preferEnd);
  const next = segments[lo + 1];
  if (atOrPastEnd && !preferEnd && next !== undefined) {
    return { node: next.node, offset: Math.max(0, offset - next.start) };
  }
  return { node: segment.node, offset: Math.min(within, length) };
}

/** A DOM Range covering `[start, end)` of the extracted text, or null when the map is empty. */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const from = positionOf(map, start, false);
  const to = positionOf(map, end, true);
  if (from === null || to === null) return null;
  const range = document.createRange();
  range.setStart(from.node, Math.min(from.offset, from.node.data.length));
  range.setEnd(to.node, Math.min(to.offset, to.node.data.length));
  return range;
}
