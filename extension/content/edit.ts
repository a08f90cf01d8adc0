/**
 * Pure text-edit helpers shared by every field adapter: shrinking a replacement to the part that
 * actually differs, and computing the text a fix must produce (for verification after applying).
 */

export interface TextEdit {
  /** UTF-16 offset where the replaced text starts. */
  start: number;
  /** UTF-16 offset where it ends (exclusive). */
  end: number;
  /** Text inserted in its place. */
  insert: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Replacing `text.slice(start, end)` with `replacement`, touching as little as possible: the
 * common prefix and suffix are kept, never splitting a surrogate pair.
 */
export function minimalEdit(text: string, start: number, end: number, replacement: string): TextEdit {
  const original = text.slice(start, end);
  let prefix = 0;
  const maxPrefix = Math.min(original.length, replacement.length);
  while (prefix < maxPrefix && original.charCodeAt(prefix) === replacement.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(original.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const maxSuffix = maxPrefix - prefix;
  while (
    suffix < maxSuffix &&
    original.charCodeAt(original.length - 1 - suffix) === replacement.charCodeAt(replacement.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(original.charCodeAt(original.length - suffix))) suffix--;
  return {
    start: start + prefix,
    end: end - suffix,
    insert: replacement.slice(prefix, replacement.length - suffix),
  };
}

/** The whole text after applying `edit`. */
export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}

/**
 * Grows an edit that only inserts or only deletes by one neighbouring character of the flagged
 * span (kept unchanged in the insert), so both the replaced range and the inserted text are
 * non-empty: an insertion at a node boundary is ambiguous (it may extend a hashtag or a bold
 * run) and some editors ignore collapsed replacements or empty inserts.
 */
export function widenEdit(text: string, edit: TextEdit, span: { start: number; end: number }): TextEdit {
  if (edit.start < edit.end && edit.insert !== "") return edit;
  if (edit.start > span.start) {
    let start = edit.start - 1;
    if (start > span.start && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
    return { start, end: edit.end, insert: text.slice(start, edit.start) + edit.insert };
  }
  if (edit.end < span.end) {
    let end = edit.end + 1;
    if (end < span.end && isHighSurrogate(text.charCodeAt(end - 1)) && isLowSurrogate(text.charCodeAt(end))) end++;
    return { start: edit.start, end, insert: edit.insert + text.slice(edit.end, end) };
  }
  return edit;
}

/** Where a diagnostic's span ends once `edit` is applied (the caret goes there after a fix). */
export function endAfterEdit(spanEnd: number, edit: TextEdit): number {
  return spanEnd + edit.insert.length - (edit.end - edit.start);
}

/**
 * Where a span computed for `basis` lies in `current`, or null when the flagged text is no longer
 * there unchanged (the change touched it, or the text is entirely different). A span before the
 * change keeps its offsets, a span after it shifts, a span the change cuts into is dropped; a
 * change right at a span's edge keeps it when the word's boundaries are intact.
 */
export function locateSpan(basis: string, current: string, span: { start: number; end: number }): { start: number; end: number } | null {
  return spanLocator(basis, current)(span);
}

/**
 * `locateSpan` for many spans of one edit: the changed part is found once (a scan of the whole
 * text), then each span is placed in constant time, so following hundreds of underlines in a
 * long draft stays cheap.
 */
export function spanLocator(basis: string, current: string): (span: { start: number; end: number }) => { start: number; end: number } | null {
  let prefix = 0;
  let changedEnd = basis.length;
  if (basis !== current) {
    const max = Math.min(basis.length, current.length);
    while (prefix < max && basis.charCodeAt(prefix) === current.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && basis.charCodeAt(basis.length - 1 - suffix) === current.charCodeAt(current.length - 1 - suffix)) suffix++;
    changedEnd = basis.length - suffix;
  }
  const delta = current.length - basis.length;
  // The flagged text and the characters either side of it (its word boundaries) must be intact.
  const around = (text: string, s: { start: number; end: number }): string => text.slice(Math.max(0, s.start - 1), s.end + 1);
  return (span) => {
    let moved: { start: number; end: number } | null;
    if (basis === current || span.end <= prefix) moved = span;
    else if (span.start >= changedEnd) moved = { start: span.start + delta, end: span.end + delta };
    else moved = null;
    if (moved === null || moved.end > current.length) return null;
    return around(current, moved) === around(basis, span) ? moved : null;
  };
}
