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
