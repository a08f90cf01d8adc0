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
 * Follows spans across an edit made elsewhere: a span before the change keeps its offsets, a
 * span after it shifts, a span the change cuts into is dropped (null). A change right at a
 * span's edge keeps it; `locateSpan` then checks the word's boundaries.
 */
export function shiftSpan(before: string, after: string, span: { start: number; end: number }): { start: number; end: number } | null {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const changedEnd = before.length - suffix;
  if (span.end <= prefix) return span;
  if (span.start >= changedEnd) {
    const delta = after.length - before.length;
    return { start: span.start + delta, end: span.end + delta };
  }
  return null;
}

/**
 * Where a span computed for `basis` lies in `current`, or null when the flagged text is no longer
 * there unchanged (the change touched it, or the text is entirely different).
 */
export function locateSpan(basis: string, current: string, span: { start: number; end: number }): { start: number; end: number } | null {
  const moved = basis === current ? span : shiftSpan(basis, current, span);
  if (moved === null || moved.end > current.length) return null;
  // The flagged text and the characters either side of it (its word boundaries) must be intact.
  const around = (text: string, s: { start: number; end: number }): string =>
    text.slice(Math.max(0, s.start - 1), s.end + 1);
  return around(current, moved) === around(basis, span) ? moved : null;
}
